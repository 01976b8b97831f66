from common import I
def P(var, reg, text, p="", a="", h="", note=""):
    return I("past", var, reg, text, p, a, h, "none", None, note)
ITEMS = [
P("uk","lay","I had Guillain-Barre in 2016 and was in ICU for a month, fully recovered now, the weakness is long gone.","","weak","autoimmune_condition:gbs"),
P("us","lay","Used to get burning feet when I was drinking, but I've been sober three years and it's gone away.","","burn","heavy_alcohol"),
P("au","lay","My double vision from last year cleared up after the steroids. Just here for a check.","","diplopia"),
P("ie","lay","The numbness in my hands went away once they fixed my B12 with injections.","","numb","vitamin_b12_deficiency"),
P("in","lay","Two years back I had optic neuritis in the right eye, now vision is normal, no pain.","","eyepain","","optic neuritis history (not a closed key)"),
P("non_native","lay","Before, when I took the chemotherapy, my fingers were tingling. Now it finished and the fingers are normal.","","hting","neurotoxic_medicine"),
P("ca","clinical","Hx lupus nephritis 2015, in remission; previous arthralgia resolved. No current complaints.","","arthralgia","autoimmune_condition:lupus"),
P("sg","lay","Last year I had the dengue and after that the legs weak for some weeks, but now can run already.","","llweak","","infection a year ago is not recent; weakness resolved"),
P("za","lay","I used to have pins and needles in my feet but since I got my sugar under control they've settled.","","ting","diabetes"),
P("nz","lay","My MS was diagnosed in 2010 after my leg went numb, that numbness went years ago and I've had no relapses.","","numb","autoimmune_condition:ms"),
P("uk","older","I used to get terrible cramps in my legs when I was on the water tablets, they stopped when the doctor changed them.","","cramp"),
P("us","teen","i had mono last year and my hands went tingly for like a month but its totally fine now","","hting","","infection a year ago is not recent"),
P("au","lay","Had a Bell's palsy a few years back, face is back to normal now apart from the odd twitch.","","facpalsy"),
P("ie","lay","My feet no longer burn since I stopped the metronidazole, thanks be to God.","","burn","neurotoxic_medicine"),
P("in","lay","I had the rheumatoid arthritis flare in my wrists in winter, swelling gone now with the medicine.","","jswell","autoimmune_condition:ra"),
P("non_native","lay","In my country I worked with mercury in the gold mine. At that time the hands were shaking, now no more.","","tremor","toxic_exposure"),
P("ca","lay","I used to drink like a fish in my twenties. Haven't touched a drop in 15 years and I feel great, no numbness or anything.","","numb","heavy_alcohol"),
P("sg","lay","My dry eyes were very bad before, now after the new drops they are no longer dry.","","dryeye"),
P("za","lay","The chest pain I had last month turned out to be my gallbladder, it's been removed and the pain's gone.","","chest"),
P("nz","lay","I was diagnosed with Sjogren's years ago. The mouth ulcers I used to get have stopped since I started hydroxychloroquine.","","oralulcer","autoimmune_condition:sjogren"),
]
