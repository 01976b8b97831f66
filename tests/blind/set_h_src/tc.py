# own vignettes for set H time-course pairs
V = []
def T(q, tag, text, first, urgent, note):
    V.append(dict(pair=q, tag=tag, text=text, expected_first=first, urgent=urgent, note=note))

T("q01","a","I've had type 2 diabetes for eleven years and my toes have been a bit numb for the last few. Then on Friday, a week after a nasty tummy bug, my legs went weak, by Sunday I needed the banister, and today my hands can't grip the kettle. Both sides the same.",
  "guillain_barre","emergency","symmetric weakness ascending over 3 days after gastroenteritis in a diabetic")
T("q01","b","I've had type 2 diabetes for eleven years and my toes have been a bit numb for the last few. Over those years the numbness has crept up to where my socks end, very slowly. My legs and hands are as strong as ever. Both sides the same.",
  "diabetic_neuropathy","none","slow length-dependent sensory loss over years, no weakness")

T("q02","a","I drink around eight pints a night, have done since my thirties. For roughly two years the soles of my feet have burned and felt numb, creeping up bit by bit, both feet alike. I can still walk to the pub no bother.",
  "alcohol_neuropathy","none","slow symmetric painful sensory neuropathy over years in a heavy drinker")
T("q02","b","I drink around eight pints a night, have done since my thirties. Since I came back from my holiday in Tenerife with a chest infection, my feet and then my legs have gone numb and weak, and now it's in my hands and I'm getting breathless talking. Both sides alike.",
  "guillain_barre","emergency","days-long ascending weakness with breathlessness after infection; alcohol is a red herring")

T("q03","a","Diabetic since 2009, tablets only. Over the last two days my left leg and the left side of my tummy have gone numb, up to a line at my belly button. Last spring my right arm did something similar for a month and then got better on its own.",
  "multiple_sclerosis","same_day","one-sided sensory level over days, plus a previous remitting episode elsewhere")
T("q03","b","Diabetic since 2009, tablets only. Over the last six or seven years both my feet have slowly gone numb, now up to the ankles on each side. Nothing has ever come and gone, it just creeps.",
  "diabetic_neuropathy","none","symmetric distal, slowly progressive over years")

T("q04","a","I've had rheumatoid arthritis for 15 years and I'll be honest, I drink six pints most nights. On the 3rd of this month my right foot suddenly started slapping down when I walk, and on the 10th I woke with the little finger side of my left hand numb and painful. It's come on in steps, one nerve at a time.",
  "vasculitic_ra","same_day","stepwise asymmetric mononeuritis multiplex over ~10 days in long-standing RA")
T("q04","b","I've had rheumatoid arthritis for 15 years and I'll be honest, I drink six pints most nights. Over the last three years both my soles have slowly started to burn and go numb, the same on each side, now creeping to the ankles. No sudden changes, nothing in my hands.",
  "alcohol_neuropathy","none","slow symmetric length-dependent; RA quiet")

T("q05","a","Case summary: 38-year-old woman with SLE and type 1 diabetes since childhood. Over eight days she developed painful numbness over the top of the right foot, then weakness of the left wrist extensors. Each new deficit appeared abruptly.",
  "vasculitic_lupus","same_day","abrupt, asymmetric, multifocal over a week in SLE")
T("q05","b","Case summary: 38-year-old woman with SLE and type 1 diabetes since childhood. Over about five years she has developed slowly progressive, symmetric numbness of both feet to mid-shin. Her lupus has been quiet on hydroxychloroquine.",
  "diabetic_neuropathy","none","slow symmetric distal over years; lupus quiet")

T("q06","a","My rheumatologist told me I have Sjogren's, my eyes and mouth are always dry. Over about eighteen months my hands have got clumsy and I can't tell where my fingers are without looking, worse on the right, and half my face feels numb. It's crept on very gradually.",
  "sjogren","none","slow, asymmetric, non-length-dependent sensory loss (ganglionopathy pattern) in Sjogren's")
T("q06","b","My rheumatologist told me I have Sjogren's, my eyes and mouth are always dry. Four days after a sore throat my feet went tingly and weak, and it has climbed to my hips and hands on both sides since Saturday. I can't get up from a chair now.",
  "guillain_barre","emergency","rapid symmetric ascending weakness after infection despite Sjogren's")

T("q07","a","I've been a spray painter in a small unvented workshop for twenty years. Over the past year my feet have slowly gone numb and my ankles a bit weak, both the same. It hasn't gone up and down, it just steadily gets a bit worse.",
  "toxic_neuropathy","none","slow symmetric sensorimotor with long solvent exposure")
T("q07","b","I've been a spray painter in a small unvented workshop for twenty years. On and off since spring, one bit of me at a time has gone numb or blurry for a few weeks and then recovered: first my right leg, then my left eye. Since Monday it's my left hand.",
  "multiple_sclerosis","same_day","relapsing-remitting, different sites, asymmetric; solvent is a red herring")

T("q08","a","Diabetic, on insulin. Four days ago a burning pain started in a band round the left side of my ribs, only on the left, and this morning a line of blisters came up along that strip. It's getting worse each day.",
  "infection_neuropathy","same_day","unilateral dermatomal pain over days then vesicles: herpes zoster")
T("q08","b","Diabetic, on insulin. Over about four months a burning pain has spread slowly in a band round both sides of my belly, and there's been no rash at all. It's getting worse each month.",
  "diabetic_neuropathy","none","slow bilateral truncal pain without rash over months in diabetes (truncal radiculoneuropathy)")

T("q09","a","I've been HIV positive since 2008 and I was diagnosed years before I ever took any tablets. My feet started burning about a year after the diagnosis, slowly, both feet, and it has crept up over the years. Walking on gravel is agony.",
  "infection_neuropathy","none","painful distal symmetric neuropathy developing with untreated HIV")
T("q09","b","I've been HIV positive since 2008 and I was started on stavudine back then. My feet started burning about six weeks after the first tablets, quickly, both feet, and it eased a lot once the clinic switched me to a different drug.",
  "toxic_neuropathy","none","onset timed to a neurotoxic antiretroviral, improving on withdrawal and recurring on re-exposure")

T("q10","a","Mam has lupus and she drinks a bottle of wine every night, has done for ages. Her feet have been numb and burning for a couple of years, slowly getting worse, both feet the same. She walks to Mass every day without trouble.",
  "alcohol_neuropathy","none","slow symmetric over years in heavy drinker with quiet lupus")
T("q10","b","Mam has lupus and she drinks a bottle of wine every night, has done for ages. In the last ten days her right foot went numb and floppy overnight, then a few days later her left hand went numb in patches. It's been one part and then another.",
  "vasculitic_lupus","same_day","abrupt asymmetric multifocal over days in lupus; alcohol a red herring")

T("q11","a","61M with seropositive RA for two decades. Over three weeks: abrupt right foot drop, then painful numbness of the left ulnar territory a week later, then the right median. Asymmetric and stepwise.",
  "vasculitic_ra","same_day","stepwise asymmetric mononeuritis multiplex in long-standing RA")
T("q11","b","61M with seropositive RA for two decades. Over three days, starting nine days after a chest infection: symmetric leg weakness ascending to the arms, now unable to stand, areflexic. Symmetric and steadily progressive.",
  "guillain_barre","emergency","acute symmetric ascending weakness after infection")

T("q12","a","I was diagnosed with primary Sjogren's in 2020. For about two years now I've had numb, clumsy hands and a numb patch on my cheek, coming on so slowly I can't say when it started. I'm not in pain.",
  "sjogren","none","slowly progressive sensory neuronopathy pattern")
T("q12","b","I was diagnosed with primary Sjogren's in 2020. On Thursday my left foot suddenly went numb and burning and I couldn't lift the toes, and on Sunday a numb, painful patch appeared on the back of my right hand.",
  "sjogren","same_day","abrupt asymmetric mononeuritis multiplex: vasculitic Sjogren's needs same-day review")

T("q13","a","He drinks six cans a day, has done for years, and his feet were fine until he started vincristine for lymphoma in January. Three weeks after the first dose his fingertips and toes started tingling, both sides together. His feet had never bothered him before the chemo.",
  "toxic_neuropathy","none","symmetric onset timed to vincristine; drinker but course points to the drug")
T("q13","b","He drinks six cans a day, has done for years, and he only started vincristine for lymphoma in January. His toes had been tingling and burning for about five years before that, slowly creeping up, both sides together. The chemo hasn't made any difference to it.",
  "alcohol_neuropathy","none","symptoms long predate the drug and track the drinking")

T("q14","a","I am diabetic and I come from Bihar. For one year I have numb patches on my left forearm and right shin, each patch lighter than my skin colour, and the nerve at my elbow feels thick like a cord. Only those patches are numb, not my feet.",
  "infection_neuropathy","none","patchy asymmetric hypopigmented anaesthetic lesions with thickened nerve: leprosy")
T("q14","b","I am diabetic and I come from Bihar. For many years both my feet are slowly becoming numb, first the toes and now up to the ankles, same on both sides. My hands are okay.",
  "diabetic_neuropathy","none","slow symmetric length-dependent in diabetes")

T("q15","a","I was diagnosed with relapsing-remitting MS in 2016. For the past week my right hand has tingled, just like my old relapses, but I can still write, walk and wee normally. It's not getting any worse.",
  "multiple_sclerosis","none","mild stable sensory relapse: contact MS team, not urgent")
T("q15","b","I was diagnosed with relapsing-remitting MS in 2016. Since yesterday both my legs have gone weak and heavy and I haven't been able to pass water since last night. It's getting worse by the hour.",
  "multiple_sclerosis","emergency","severe rapid paraparesis with urinary retention")

T("q16","a","I do a few nangs every day, been going about three months. Over the last few weeks my feet and legs have got tingly and I stagger in the dark, slowly getting worse. No illness before it, it just crept on.",
  "toxic_neuropathy","none","subacute progressive sensory ataxia with daily nitrous oxide use")
T("q16","b","I do a few nangs at parties, maybe twice a year. The week after a bad flu my feet got tingly and within two days my legs were too weak to stand, and it's moving up. It happened fast.",
  "guillain_barre","emergency","rapid ascending weakness after flu; occasional nitrous a red herring")

T("q17","a","Started Wednesday: a burning, stabbing pain in a strip round the right side of my chest, only the right. Yesterday a rash of little blisters came out along that strip. I'm 72 and otherwise well.",
  "infection_neuropathy","same_day","unilateral dermatomal pain then vesicles: shingles")
T("q17","b","Started Wednesday: a tight numb band round both sides of my chest, then both legs went weak and wobbly. Since yesterday I have to strain to pee and the numbness is below the band on both sides. I'm 32 and otherwise well.",
  "multiple_sclerosis","emergency","bilateral sensory level with leg weakness and bladder: acute myelitis")

T("q18","a","Case note: 66F, RA for 20 years, type 2 diabetes for 8. Over five weeks she developed, one after another, a right foot drop, a numb painful left little finger and a left wrist drop. Each deficit began suddenly and asymmetrically.",
  "vasculitic_ra","same_day","subacute stepwise mononeuritis multiplex in RA; diabetes a red herring")
T("q18","b","Case note: 66F, RA for 20 years, type 2 diabetes for 8. Over about eight years she developed slowly progressive, symmetric numbness and tingling of both feet, now to mid-calf. Her RA has been in remission throughout.",
  "diabetic_neuropathy","none","slow symmetric length-dependent in diabetes; RA quiet")

T("q19","a","I've got lupus and they said secondary Sjogren's too, so gritty eyes and dry mouth. Over eight days my right foot suddenly dropped, then a painful numb patch came on my left hand. It all came on in jumps.",
  "vasculitic_lupus","same_day","abrupt multifocal asymmetric over days in lupus")
T("q19","b","I've got lupus and they said secondary Sjogren's too, so gritty eyes and dry mouth. Over about three years, very gradually, my hands have gone numb and clumsy and part of my face feels numb, one side more than the other. No fevers, no sudden changes.",
  "sjogren","none","slow non-length-dependent asymmetric sensory loss typical of Sjogren's ganglionopathy")

T("q20","a","Patient with RA, started on metronidazole eight weeks ago for a pelvic abscess and still taking it. Over the last month both feet have developed a symmetric burning and tingling that has crept up evenly. RA otherwise quiet.",
  "toxic_neuropathy","none","symmetric distal onset during prolonged metronidazole")
T("q20","b","Patient with RA, started on metronidazole eight weeks ago for a pelvic abscess and still taking it. Over the last week she has had sudden painful numbness on the top of the left foot, then a right wrist drop two days later. The steps came on one at a time.",
  "vasculitic_ra","same_day","abrupt asymmetric multifocal in RA; drug a red herring")
