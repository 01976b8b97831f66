#!/usr/bin/env python3
"""Build time_course_b.yaml (set T schema). Each pair shares a base text; only the course part differs."""
import json
from pathlib import Path
HERE = Path(__file__).resolve().parent
P = []  # (pair, [(first, urgent, text, note), (first, urgent, text, note)])
def pair(p, a, b):
    P.append((p, [a, b]))

pair("u01",
 ("guillain_barre", "emergency",
  "I'm 58 and I've had type 2 diabetes for fifteen years. Four days ago, a week after a chest infection, my toes started tingling. Since then the weakness has climbed up both legs and this morning I couldn't get out of the bath.",
  "days, ascending, after infection, cannot get up: GBS despite diabetes"),
 ("diabetic_neuropathy", "none",
  "I'm 58 and I've had type 2 diabetes for fifteen years. About five years ago my toes started tingling. Since then the numbness has crept slowly up both feet and I'm a bit unsteady getting out of the bath.",
  "years, slow symmetric stocking: diabetic"))
pair("u02",
 ("guillain_barre", "emergency",
  "I drink about eight pints a day and have done for years. Ten days ago I had a bad bout of diarrhoea. Over the last three days my feet and then my legs have gone weak and numb, and today my arms are going too.",
  "acute ascending weakness after gastroenteritis: GBS despite heavy drinking"),
 ("alcohol_neuropathy", "none",
  "I drink about eight pints a day and have done for years. Over the last three years my feet and then my calves have slowly gone numb and burn at night, and my balance is worse.",
  "years, slow distal symmetric: alcohol"))
pair("u03",
 ("toxic_neuropathy", "none",
  "I've worked in a shoe factory for two years spreading glue in a badly ventilated room. Over the last eight months my feet have slowly gone numb and weak, both sides the same, and it eases when I'm off work for a few weeks.",
  "months, tracks exposure, better away from work: toxic (n-hexane)"),
 ("guillain_barre", "emergency",
  "I've worked in a shoe factory for two years spreading glue in a badly ventilated room. Over the last four days, just after a sore throat, my feet went numb and weak, both sides the same, and now I can barely walk to the door.",
  "days, after infection, cannot walk: GBS despite solvent exposure"))
pair("u04",
 ("sjogren", "none",
  "A 52-year-old woman has had gritty dry eyes and a dry mouth for several years. Over the past three years she has slowly lost feeling in her feet and hands, and she now stumbles in the dark. Her strength is normal.",
  "slow sensory loss over years with sicca: Sjogren neuropathy"),
 ("guillain_barre", "emergency",
  "A 52-year-old woman has had gritty dry eyes and a dry mouth for several years. Over the past three days she has rapidly lost feeling in her feet and hands, and she can no longer stand unaided. Her strength is falling by the hour.",
  "days, cannot stand, weakness rising: GBS despite sicca"))
pair("u05",
 ("infection_neuropathy", "none",
  "I've been HIV positive for twelve years. For the last couple of years my feet have burned and felt numb, getting gradually worse, both feet the same. I can still walk my dog every day.",
  "years, slow painful distal: HIV neuropathy"),
 ("guillain_barre", "emergency",
  "I've been HIV positive for twelve years. For the last couple of days my feet have burned and felt numb, and my legs are getting weaker by the hour, both sides the same. I couldn't walk my dog this morning.",
  "days, rapidly progressive weakness: GBS"))
pair("u06",
 ("multiple_sclerosis", "none",
  "I'm 31 and have type 1 diabetes. Last year my right leg went numb over a few days and it got better by itself after about six weeks. Now my left arm has gone numb and tingly over the past few days.",
  "relapsing-remitting, different limbs, young: MS despite diabetes; sensory relapse, not urgent"),
 ("diabetic_neuropathy", "none",
  "I'm 31 and have type 1 diabetes. Over the last few years both my feet have slowly gone numb and tingly. It has never got better, just crept up to my ankles.",
  "chronic symmetric distal, never remits: diabetic"))
pair("u07",
 ("multiple_sclerosis", "none",
  "A 27-year-old has tingling and heaviness in both legs that came on over a week. She had a similar episode two years ago that went away completely, and an episode of blurred vision in one eye before that. She is walking normally.",
  "relapsing-remitting with a previous optic episode: MS"),
 ("guillain_barre", "emergency",
  "A 27-year-old has tingling and heaviness in both legs that came on over three days. It began two weeks after a stomach bug and is spreading up into her arms. She can no longer walk without help.",
  "single ascending episode after infection, cannot walk: GBS"))
pair("u08",
 ("multiple_sclerosis", "none",
  "I drink most of a bottle of wine every night. Three years ago I had a numb patch on my left side that faded after two months. Last year my right hand went clumsy for a few weeks and recovered, and now my left foot has gone numb again.",
  "episodes in different places that recover: MS despite heavy drinking"),
 ("alcohol_neuropathy", "none",
  "I drink most of a bottle of wine every night. Over the last three years both my feet have gone slowly numb and then my hands started tingling as well. Nothing has ever got better, it just keeps slowly getting worse on both sides.",
  "slow symmetric steady progression: alcohol"))
pair("u09",
 ("vasculitic_ra", "same_day",
  "I've had rheumatoid arthritis for twenty years and type 2 diabetes for ten. Three weeks ago my right foot suddenly started dropping, then last week my left hand went numb and weak in just the thumb and two fingers. It's one patch after another and it's painful.",
  "patchy, asymmetric, one nerve after another over weeks: vasculitic RA despite diabetes"),
 ("diabetic_neuropathy", "none",
  "I've had rheumatoid arthritis for twenty years and type 2 diabetes for ten. Over the past five years both my feet have slowly gone numb, then the tips of my fingers started tingling on both hands. It's both sides evenly and only a bit sore.",
  "symmetric, years: diabetic"))
pair("u10",
 ("vasculitic_lupus", "same_day",
  "I was diagnosed with lupus at 30 and I drink heavily, most days half a bottle of vodka. Over the past month my left foot went numb on top, then my right wrist went weak, then a numb strip appeared on my right thigh. Each one came on over a day or two.",
  "patchy multifocal, asymmetric, weeks: vasculitic lupus despite alcohol"),
 ("alcohol_neuropathy", "none",
  "I was diagnosed with lupus at 30 and I drink heavily, most days half a bottle of vodka. Over the past few years both feet slowly went numb and burning, evenly on both sides, and now it's up to my shins. Nothing came on suddenly.",
  "slow symmetric length-dependent: alcohol"))
pair("u11",
 ("vasculitic_ra", "same_day",
  "A 66-year-old man with long-standing rheumatoid arthritis has developed numbness and weakness over three weeks. It started with a drop of the left foot, then numbness of the right little finger, then weakness lifting the right wrist. The pattern is patchy and asymmetric.",
  "mononeuritis multiplex over weeks: vasculitic RA"),
 ("guillain_barre", "emergency",
  "A 66-year-old man with long-standing rheumatoid arthritis has developed numbness and weakness over three days. It started in both feet, then rose to both knees and then both hands, after a flu-like illness. The pattern is symmetric and he can no longer stand.",
  "symmetric ascending over days after infection: GBS"))
pair("u12",
 ("toxic_neuropathy", "none",
  "I have type 2 diabetes that's well controlled. I started chemotherapy with oxaliplatin three months ago, and six weeks after the first dose my fingers and toes began tingling. It gets worse after each cycle.",
  "onset weeks after the drug and worse with each dose: toxic"),
 ("diabetic_neuropathy", "none",
  "I have type 2 diabetes that's well controlled. I started chemotherapy with oxaliplatin three months ago, but my toes had already been tingling for about six years before that. It hasn't changed with the cycles.",
  "onset years before the drug, unchanged by it: diabetic"))
pair("u13",
 ("guillain_barre", "same_day",
  "I'm diabetic and had a tummy bug two weeks ago. Over the last three days, tingling has risen from my toes to my knees and my fingertips feel odd. I'm still walking normally and my grip is fine.",
  "early ascending sensory GBS, walking: same day"),
 ("guillain_barre", "emergency",
  "I'm diabetic and had a tummy bug two weeks ago. Over the last three days, tingling has risen from my toes to my knees and my fingertips feel odd. I can't walk now and can't hold a cup.",
  "same course but cannot walk or use hands: emergency"))
pair("u14",
 ("toxic_neuropathy", "none",
  "I'm a heavy drinker, a six-pack and some spirits every day. I started isoniazid for TB two months ago and about five weeks in my feet began to burn and tingle. It has got steadily worse since I started the tablets.",
  "onset after starting isoniazid: toxic despite alcohol"),
 ("alcohol_neuropathy", "none",
  "I'm a heavy drinker, a six-pack and some spirits every day. I started isoniazid for TB two months ago, but my feet have burned and tingled for about eight years. It hasn't changed since I started the tablets.",
  "onset years before the drug: alcohol"))
pair("u15",
 ("sjogren", "none",
  "A 45-year-old woman with dry eyes and a dry mouth reports numbness. It began in both hands and both feet and has spread slowly and evenly over four years, now also around her mouth. It has never improved.",
  "slow symmetric non-length-dependent sensory loss with sicca: Sjogren"),
 ("multiple_sclerosis", "none",
  "A 45-year-old woman with dry eyes and a dry mouth reports numbness. It began in her right leg and cleared after a month, then two years later her left arm went numb for six weeks and recovered. Now her right leg is numb again.",
  "relapsing-remitting, different limbs: MS"))

out = ["# Blind set T (time course), set B. Generated by src/time_course.py.", ""]
for p, members in P:
    for suffix, (first, urg, text, note) in zip("ab", members):
        out += [f"- id: {p}{suffix}", f"  text: {json.dumps(text)}", f"  expected_first: {first}",
                f"  urgent: {urg}", f"  pair: p{p[1:]}", f"  note: {json.dumps(note)}"]
(HERE.parent / "time_course_b.yaml").write_text("\n".join(out) + "\n")
print(len(P) * 2, "vignettes")
