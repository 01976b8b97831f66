"""The phrase corpus: everyday and clinical ways people name findings, written for this project, each
with the findings expected (+ present, - absent). Lines marked NEG are negation cases. Used by
tests/test_parse_corpus.py and benchmarks/parse_speed.py; the README states its recognition rate."""

CORPUS = """
tingling in my feet | +tingling
my hands are numb | +numbness
numbness and tingling | +numbness +tingling
I can't feel my toes | +numbness
my mouth is always dry | +dry_mouth
feet tingling | +tingling
my feet tingle | +tingling
numb hands | +numbness
I have dry eyes and a dry mouth | +dry_eyes +dry_mouth
pins and needles in both hands | +tingling
my fingers keep going numb | +numbness
numbness on one side of my body | +one_sided_numbness
tingly toes at night | +tingling
my feet feel dead | +numbness
burning pain in my feet at night | +nerve_pain
shooting pains down my legs | +nerve_pain
electric shocks in my arms | +nerve_pain
tingling and burning in my feet | +tingling +nerve_pain
even the sheets hurt my feet | +unpleasant_sensations
my skin hurts when touched | +unpleasant_sensations
weak legs | +leg_weakness
weakness in my legs | +leg_weakness
my legs feel weak | +leg_weakness
my legs keep giving way | +leg_weakness
I keep tripping over my feet | +leg_weakness
foot drop | +leg_weakness
weak ankles | +leg_weakness
weak arms | +muscle_weakness
my muscles are weak | +muscle_weakness
losing strength in my arms | +muscle_weakness
weakness on the left side | +one_sided_weakness
the weakness is spreading up my legs | +rapidly_spreading_weakness
weakness getting worse quickly | +rapidly_spreading_weakness
rapidly progressive weakness | +rapidly_spreading_weakness
weakness spreading up from my feet | +rapidly_spreading_weakness
I can't move my legs | +paralysis
paralysed | +paralysis
my reflexes are reduced | +reduced_reflexes
weak reflexes | +reduced_reflexes
absent ankle reflexes | +reduced_reflexes
unsteady on my feet | +unsteady_walking
I lose my balance when walking | +unsteady_walking
wobbly when I walk | +unsteady_walking
short of breath | +trouble_breathing
difficulty breathing | +trouble_breathing
breathless when climbing stairs | +trouble_breathing
hard to breathe | +trouble_breathing
food gets stuck when I swallow | +trouble_swallowing
choking on food | +trouble_swallowing
hard to swallow | +trouble_swallowing
seeing double | +double_vision
blurred vision in one eye | +optic_neuritis
my vision is blurred in one eye | +optic_neuritis
painful eye movements | +optic_neuritis
I'm clumsy | +poor_coordination
clumsiness | +poor_coordination
stiff muscles | +stiff_muscles
muscle spasms in my legs | +muscle_cramps
leaking urine | +urinary_incontinence
bladder control problems | +urinary_incontinence
weak urine stream | +urinary_hesitancy
hard to start peeing | +urinary_hesitancy
always tired | +fatigue
I feel exhausted all the time | +fatigue
no energy | +fatigue
worn out | +fatigue
running a temperature | +fever
feverish | +fever
I've lost weight without trying | +weight_loss
losing weight | +weight_loss
feeling down | +depression
depressed | +depression
aching muscles | +muscle_pain
my muscles ache | +muscle_pain
sore muscles all over | +muscle_pain
gritty eyes | +dry_eyes
my eyes feel gritty | +dry_eyes
eyes are dry | +dry_eyes
no saliva | +dry_mouth
sticky mouth | +dry_mouth
swollen glands in my cheeks | +swollen_salivary_glands
swelling in front of my ears | +swollen_salivary_glands
flaky skin | +dry_skin
my skin is dry | +dry_skin
vaginal dryness | +vaginal_dryness
sore joints | +joint_pain
my joints ache | +joint_pain
joint pain in my hands | +joint_pain
swollen joints | +joint_swelling
my fingers are swollen | +joint_swelling
swollen knuckles | +joint_swelling
stiff joints in the morning | +joint_stiffness
morning stiffness | +joint_stiffness
butterfly rash | +butterfly_rash
a rash across my cheeks and nose | +butterfly_rash
rash on my cheeks | +butterfly_rash
I get a rash in the sun | +sun_sensitivity
sensitive to sunlight | +sun_sensitivity
mouth ulcers | +mouth_ulcers
sores in my mouth | +mouth_ulcers
my hair is falling out | +hair_loss
thinning hair | +hair_loss
my fingers turn white in the cold | +raynaud
white fingers | +raynaud
sharp chest pain when I breathe in | +pleuritic_chest_pain
history of diabetes | +diabetes
I'm diabetic | +diabetes
type 2 diabetes | +diabetes
I drink heavily | +heavy_alcohol_use
heavy drinker | +heavy_alcohol_use
I had the flu last week | +recent_infection
a stomach bug two weeks ago | +recent_infection
worked with pesticides | +toxin_exposure
exposure to lead | +toxin_exposure
numb feet, dry eyes and joint pain | +numbness +dry_eyes +joint_pain
I'm always exhausted and my joints are stiff | +fatigue +joint_stiffness
dry eyes and mouth | +dry_eyes +dry_mouth
Paresthesia | +tingling
Hypoesthesia | +numbness
Xerostomia | +dry_mouth
Keratoconjunctivitis sicca | +dry_eyes
Diplopia | +double_vision
Dysphagia | +trouble_swallowing
Dyspnea | +trouble_breathing
Arthralgia | +joint_pain
Myalgia | +muscle_pain
Alopecia | +hair_loss
Malar rash | +butterfly_rash
Photosensitivity | +sun_sensitivity
Raynaud phenomenon | +raynaud
Pleurisy | +pleuritic_chest_pain
Hyporeflexia | +reduced_reflexes
Areflexia | +reduced_reflexes
Paraparesis | +muscle_weakness
Tetraparesis | +muscle_weakness
Distal sensory impairment | +numbness
Arthritis | +joint_pain
Allodynia | +unpleasant_sensations
Ataxia | +poor_coordination
Respiratory insufficiency | +trouble_breathing
Generalized muscle weakness | +muscle_weakness
Decreased Achilles reflex | +reduced_reflexes
Neuropathic pain | +nerve_pain
Spasticity | +spasticity
Unsteady gait | +unsteady_walking
Optic neuritis | +optic_neuritis
HP:0002015 | +trouble_swallowing
tinglng in my feet | +tingling
numbnes in my hands | +numbness
dry mouht | +dry_mouth
parasthesia | +tingling
diabetis | +diabetes
exausted | +fatigue
feaver | +fever
blured vision in one eye | +optic_neuritis
my toes have been numb for months | +numbness
pins & needles in my fingertips | +tingling
sharp shooting pain in my hands | +nerve_pain
I get out of breath easily | +trouble_breathing
things taste funny and my mouth is parched | +taste_change +dry_mouth
I'm really tired all the time and my joints hurt | +fatigue +joint_pain
my eyes are itchy and dry | +dry_eyes
weakness in both arms and legs | +muscle_weakness
numbness that started in my feet and is moving up | +worsening_numbness
my hair has been falling out | +hair_loss
blurry vision in my left eye | +optic_neuritis
feeling very low lately | +depression
trouble with balance | +unsteady_walking
legs are heavy and weak | +leg_weakness
NEG no pins and needles | -tingling
NEG I've never had a fever | -fever
NEG without dry eyes | -dry_eyes
NEG I don't have a fever | -fever
NEG no dry mouth | -dry_mouth
NEG dry eyes but no dry mouth | +dry_eyes -dry_mouth
NEG no numbness or tingling | -numbness -tingling
NEG denies joint pain | -joint_pain
NEG without any weakness | -muscle_weakness
NEG never had diabetes | -diabetes
NEG no fever, rash or joint pain | -fever -skin_rash -joint_pain
NEG numbness but no tingling | +numbness -tingling
NEG tingling in my feet, no weakness | +tingling -muscle_weakness
NEG free of joint pain | -joint_pain
NEG fever: none | -fever
NEG dry mouth denied | -dry_mouth
NEG doesn't have dry eyes | -dry_eyes
NEG neither numbness nor tingling | -numbness -tingling
NEG no dry eyes and I have a dry mouth | -dry_eyes +dry_mouth
NEG I haven't noticed any weakness in my legs | -leg_weakness
NEG not tired | -fatigue
NEG no trouble swallowing and no trouble breathing | -trouble_swallowing -trouble_breathing
NEG joint pain: gone | -joint_pain
NEG denies fever, weight loss and night sweats | -fever -weight_loss -night_sweats
NEG no longer any numbness | -numbness
NEG my eyes are not dry | -dry_eyes
NEG my mouth isn't dry | -dry_mouth
NEG I do not have any joint swelling | -joint_swelling
NEG no history of diabetes | -diabetes
NEG No double vision. Tingling in the hands. | -double_vision +tingling
NEG patient denies numbness | -numbness
NEG negative for fever | -fever
NEG my hands are not numb | -numbness
NEG everything is fine except my feet tingle | +tingling
NEG no rash but my fingers turn white in the cold | -skin_rash +raynaud
"""


def cases() -> list[tuple[str, dict, bool]]:
    """(text, {finding id: True if present, False if absent}, is a negation case)."""
    out = []
    for line in CORPUS.strip().splitlines():
        text, expected = (part.strip() for part in line.rsplit("|", 1))
        negation = text.startswith("NEG ")
        text = text.removeprefix("NEG ")
        out.append((text, {item[1:]: item[0] == "+" for item in expected.split()}, negation))
    return out


# Harmless everyday phrases: they must name no finding, and never draw an urgent did-you-mean.
HARMLESS = ["can't climb stairs", "I walked the dog", "my car broke down", "I like tea", "the weather is cold"]
