import json
from pathlib import Path
P = []
def pair(n, a, b):
    for suf, (text, first, urg, note) in zip("ab", (a, b)):
        P.append(dict(id=f"t{n:02d}{suf}", text=text, expected_first=first, urgent=urg, pair=f"p{n:02d}", note=note))
D = "I'm 58 and have had type 2 diabetes for fifteen years, with sugars that are often high. "
pair(1,
 (D+"Over the last three or four years my toes and then the soles of both feet have gone numb, very slowly. It's the same on both sides and my walking is fine.", "diabetic_neuropathy","none","slow, symmetric, length-dependent over years"),
 (D+"Ten days after a bad bout of diarrhoea my feet went weak, and over three days the weakness has climbed to my thighs and now my hands. Today I'm struggling to get a deep breath.", "guillain_barre","emergency","acute ascending weakness after gastroenteritis with breathing involvement; diabetes is a distractor"))
A = "I'm a 49-year-old man and I've drunk most of a bottle of spirits a day for about twenty years. "
pair(2,
 (A+"My feet have burned and felt numb for a couple of years, creeping slowly up to my ankles. Both sides are the same and it's worse at night.", "alcohol_neuropathy","none","slow painful symmetric sensory neuropathy over years"),
 (A+"I had a chest infection two weeks ago, and since Monday my legs have gone weak and it has spread to my arms in four days. Now I can't lift my arms above my head and talking leaves me breathless.", "guillain_barre","emergency","rapid ascending weakness after infection, respiratory involvement; drinking is a distractor"))
R = "I'm a 62-year-old woman with rheumatoid arthritis for twenty years and type 2 diabetes for ten. "
pair(3,
 (R+"Both my feet have slowly gone numb from the toes upward over several years. It's even on both sides and doesn't hurt much.", "diabetic_neuropathy","none","slow symmetric stocking loss fits diabetes"),
 (R+"Three weeks ago my right foot suddenly went weak and painful, and last week the outer side of my left hand went numb. I've also had night sweats and lost weight.", "vasculitic_ra","same_day","stepwise painful asymmetric mononeuritis multiplex with systemic features"))
C = "I've been a heavy drinker for years, and four months ago I started cisplatin chemotherapy for cancer. "
pair(4,
 (C+"My feet had already been numb and burning for about three years before the chemo started, getting slowly worse. Nothing has changed since the treatment began.", "alcohol_neuropathy","none","onset long before the drug, unchanged by it"),
 (C+"My feet were fine until six weeks into the chemo, then both hands and feet went numb and tingly within a few weeks. Now I can't feel the buttons on my shirt.", "toxic_neuropathy","none","onset tied to the chemotherapy, hands and feet together"))
T1 = "I'm 31 and have had type 1 diabetes since I was a child. "
pair(5,
 (T1+"For the past couple of years the tips of my toes on both feet have felt numb and a bit prickly. It's come on very gradually and is the same on each side.", "diabetic_neuropathy","none","slow symmetric distal"),
 (T1+"Five days ago my left leg went numb, and since then the numbness has spread up to a band around my ribs. I get an electric shock down my back when I bend my neck, and last year my right eye went blurry and painful for a few weeks.", "multiple_sclerosis","same_day","subacute asymmetric sensory level, Lhermitte, previous optic episode; diabetes is a distractor"))
SJ = "I'm a 45-year-old woman whose eyes and mouth have been dry for years. "
pair(6,
 (SJ+"Over two years I've slowly lost feeling in my hands and feet and I'm very unsteady in the dark. It's on both sides and creeps on gradually.", "sjogren","none","slow sensory neuropathy with sicca"),
 (SJ+"Four days ago my right arm went numb and clumsy, and yesterday my left eye started hurting when I move it and the colours look faded. I've never had anything like this before.", "multiple_sclerosis","same_day","acute asymmetric deficits plus painful monocular vision loss"))
L = "I have lupus and have been on thalidomide for my skin for about four months. "
pair(7,
 (L+"About two months after starting it my toes began tingling, and it has crept slowly and evenly up both feet. I have no pain and no weakness.", "toxic_neuropathy","none","symmetric distal onset after starting a neurotoxic drug"),
 (L+"Over the last ten days my right foot has dropped and hurts, and now the little-finger side of my left hand is numb. I've also had fevers and a blotchy rash on my legs.", "vasculitic_lupus","same_day","painful asymmetric multifocal deficits with systemic activity"))
RL = "I'm 55, I have rheumatoid arthritis, and I've been on leflunomide for a year. "
pair(8,
 (RL+"Since about six months into the tablets both feet have tingled and gone slowly numb. It's even on both sides and isn't getting worse quickly.", "toxic_neuropathy","none","symmetric slow onset on a neurotoxic drug"),
 (RL+"Two weeks ago I suddenly couldn't lift my left foot, and a week later my right wrist dropped. Both came on painfully, and my RA has been flaring with ulcers on my shins.", "vasculitic_ra","same_day","stepwise asymmetric painful mononeuropathies with cutaneous vasculitis"))
H = "I'm a 40-year-old man who has been HIV positive for twelve years. "
pair(9,
 (H+"For a few years the soles of both feet have burned and felt like I'm walking on gravel. It started slowly and is the same on both sides.", "infection_neuropathy","none","slow painful symmetric HIV neuropathy"),
 (H+"Three days ago my legs got weak, then my arms, and today I can't stand up. I also feel short of breath lying flat.", "guillain_barre","emergency","acute ascending weakness with respiratory involvement"))
K = "I went hiking in the woods and found a tick on my leg about six weeks ago. "
pair(10,
 (K+"Since then I've had shooting pains around my ribs on one side, and yesterday the left side of my face drooped over the course of the day. I can walk and my limbs are strong.", "infection_neuropathy","same_day","painful radiculitis with facial palsy after tick bite"),
 (K+"Since Sunday both legs have got weak, it's moved up to my arms within three days, and I've lost my knee reflexes. Now I'm struggling to swallow.", "guillain_barre","emergency","symmetric ascending weakness with bulbar involvement"))
G = "I work in a shoe factory and use glue and solvents all day. "
pair(11,
 (G+"Over the past eight months my feet and then my hands have slowly gone numb and weak, the same on both sides. It gets a bit better when I'm away on holiday.", "toxic_neuropathy","none","slow symmetric, improves away from exposure"),
 (G+"A week after a stomach bug my legs went weak, and in two days the weakness reached my arms and face. Now I can't walk at all and my breathing feels shallow.", "guillain_barre","emergency","acute ascending with facial and respiratory involvement after infection"))
Y = "I'm 28 and healthy apart from a stomach bug three weeks ago. "
pair(12,
 (Y+"Four days ago my right leg went numb, and it's spread to a band around my waist on that side only. My legs are still strong and my reflexes were brisk when the GP checked.", "multiple_sclerosis","same_day","asymmetric sensory level, brisk reflexes"),
 (Y+"Four days ago both feet went numb and weak, and it has climbed evenly up both legs to my hips. The GP couldn't find any reflexes in my legs.", "guillain_barre","emergency","symmetric ascending with areflexia after infection"))
S2 = "I'm a 52-year-old woman with Sjogren's, so dry eyes and a dry mouth are old news. "
pair(13,
 (S2+"For a year or so I've had patchy numbness on my face and chest that comes on slowly. It doesn't stop me doing anything.", "sjogren","none","slow non-length-dependent sensory change"),
 (S2+"In the last week my right foot has dropped, my left hand went numb two days later, and there are red-purple spots on my shins. It all hurts a lot.", "sjogren","same_day","rapid painful multifocal deficits with purpura; same condition, more urgent"))
D2 = "I'm 66 and have had type 2 diabetes for twenty years, with numb feet for the last five. "
pair(14,
 (D2+"The numbness has crept up to my ankles very slowly and it's the same on both sides. My eyes and face are fine.", "diabetic_neuropathy","none","slow symmetric"),
 (D2+"This morning I woke up seeing double, and my right eyelid is drooping and won't open properly. There's an ache behind that eye.", "diabetic_neuropathy","same_day","acute cranial mononeuropathy in diabetes; same condition, urgent"))
LU = "I'm 38 and have had lupus for ten years. "
pair(15,
 (LU+"For several years both feet have tingled a little, evenly on both sides, and it hasn't really changed. My joints are the main bother.", "vasculitic_lupus","none","mild stable symmetric lupus-associated neuropathy"),
 (LU+"Over the past week my left foot went weak and painful, then my right hand went numb on the thumb side. I've got a fever and my kidneys are being checked.", "vasculitic_lupus","same_day","acute painful multifocal deficits with active disease"))
I2 = "I had a nasty chest infection about three weeks ago. "
pair(16,
 (I2+"For a week now my fingers and toes have tingled and my legs feel a bit weak, but it's been the same for five days. I can walk and climb stairs slowly.", "guillain_barre","same_day","mild, plateaued post-infectious weakness"),
 (I2+"Since the weekend my legs have got weaker every day and now my arms are going too. I can't stand without help and I get breathless talking.", "guillain_barre","emergency","rapidly progressing with respiratory involvement"))
TB = "I'm HIV positive and two months ago I started a course of TB treatment that includes isoniazid. "
pair(17,
 (TB+"My feet have burned at night for about five years, long before the TB pills. It hasn't changed since I started them.", "infection_neuropathy","none","onset long before the drug"),
 (TB+"My feet were fine until three weeks ago, when both started burning and going numb, and it's spreading quickly up my legs. I wasn't given any vitamin tablets with the TB medicine.", "toxic_neuropathy","none","onset weeks after isoniazid without pyridoxine"))
A2 = "I'm 44 and I've drunk heavily since my twenties, though I've been cutting down. "
pair(18,
 (A2+"My feet have gradually gone numb and tingly over the past few years, evenly on both sides. My balance in the dark is getting worse.", "alcohol_neuropathy","none","slow symmetric"),
 (A2+"Two days ago my left eye started hurting when I move it and now it's blurry and the colours are dull. A year ago my right leg went numb for a month and then recovered.", "multiple_sclerosis","same_day","painful monocular vision loss plus past relapsing sensory episode; drinking is a distractor"))
S3 = "I'm 60 and I was diagnosed with Sjogren's syndrome last year. "
pair(19,
 (S3+"My hands and feet have slowly become numb over about eighteen months, both sides the same. I'm a bit unsteady but still walk every day.", "sjogren","none","slow symmetric sensory"),
 (S3+"After a cold last week my legs went weak, and over four days it has climbed to my arms so I can't lift a cup. Now swallowing feels hard.", "guillain_barre","emergency","acute ascending with bulbar signs"))
MS = "I'm 36 and have had multiple sclerosis for eight years. "
pair(20,
 (MS+"Over the last few days a patch on my left hand has gone numb, but my strength is fine. It's a bit like relapses I've had before.", "multiple_sclerosis","none","mild sensory relapse"),
 (MS+"Since yesterday both legs have become so weak I can't stand, and I haven't been able to pass urine since this morning. My legs are numb from the waist down.", "multiple_sclerosis","emergency","severe relapse with retention and paraplegia"))
out = ["# Blind evaluation set L: time-course vignettes (written by a helper session; see README_set_l.md)"]
for it in P:
    out.append(f"- id: {it['id']}")
    out.append(f"  text: {json.dumps(it['text'], ensure_ascii=False)}")
    out.append(f"  expected_first: {it['expected_first']}")
    out.append(f"  urgent: {it['urgent']}")
    out.append(f"  pair: {it['pair']}")
    out.append(f"  note: {json.dumps(it['note'])}")
Path(__file__).resolve().parent.parent.joinpath("time_course_l.yaml").write_text("\n".join(out) + "\n", encoding="utf-8")
print(len(P))
