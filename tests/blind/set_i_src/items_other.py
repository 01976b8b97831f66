from common import I
def O(var, reg, text, h="", u="emergency", up=None, note="", a=""):
    return I("other_person", var, reg, text, "", a, h, u, up, note)
ITEMS = [
O("uk","lay","My dad's face has gone droopy on one side and he's talking gibberish, he was fine at breakfast.","family_history","emergency","one_sided_weakness_or_face_droop"),
O("us","lay","My wife can't get her breath, she's been getting weaker for days after a stomach bug and now she's gasping.","","emergency","breathing_difficulty","spouse: no history key"),
O("au","lay","Mate's collapsed at the pub and he's shaking all over on the floor, been going a couple of minutes.","","emergency","seizure"),
O("in","lay","My mother cannot swallow even water since morning, it is coming out of the nose. She had GBS before.","family_history","emergency","swallowing_difficulty","mother's GBS -> family_history"),
O("non_native","lay","My husband cannot move his legs since one hour, he is on the floor, he say he feel nothing below.","","emergency","paralysis"),
O("ca","lay","My son's legs have been getting weaker since Monday and today he can't walk to the bathroom. He had a cold last week.","family_history","emergency","rapidly_spreading_weakness","child's condition -> family_history per convention"),
O("ie","older","My neighbour's after telling me she can't see out of her left eye, it went all of a sudden. What should she do?","","emergency","sudden_vision_loss"),
O("sg","lay","My grandfather complains chest very painful and he is sweating a lot, he is diabetic.","family_history","emergency","chest_pain"),
O("za","lay","My sister wet herself and says she can't feel her bum, her back's been bad all week.","family_history","emergency","bladder_or_bowel_control_loss"),
O("nz","lay","Partner's arm and leg on the right have gone floppy in the last 20 mins and his smile's lopsided.","","emergency","one_sided_weakness_or_face_droop"),
O("uk","teen","my best mate just fainted in the toilets and started jerking, what do i do??","","emergency","seizure"),
O("us","older","My brother's breathing is shallow and he says his chest muscles feel too weak to breathe, he has that Guillain thing.","family_history","emergency","breathing_difficulty"),
O("au","lay","My daughter's gone all weak from the hips down since lunchtime and now she can't stand.","family_history","emergency","paralysis"),
O("in","lay","My friend has crushing chest pain since 20 minutes, he drinks heavily every day.","","emergency","chest_pain","friend's drinking not the writer's history"),
O("non_native","lay","My colleague suddenly cannot swallow and his voice is changing, he is drooling.","","emergency","swallowing_difficulty"),
O("ca","lay","My mom has MS and she's seeing double since yesterday, otherwise she's herself.","family_history","same_day","double_vision"),
O("ie","lay","My cousin's numbness has gone from her feet right up to her waist in two days, she can still walk.","family_history","same_day","rapidly_spreading_numbness"),
O("sg","lay","My wife has dry eyes and dry mouth for years, doctor says Sjogren's. She is asking about eye drops.","","none",None,"spouse's chronic condition, calm"),
O("za","lay","My uncle has diabetic neuropathy in his feet, stable for years. Any tips on good shoes for him?","family_history","none",None,"relative's stable condition"),
O("nz","lay","My flatmate's got pins and needles in her hands from her new job on the checkout, she reckons it's carpal tunnel.","","none",None,"friend, calm"),
]
