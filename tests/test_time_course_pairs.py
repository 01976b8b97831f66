"""The article's look-alikes told apart by the reading alone (issue 21): short vignettes of our own, in pairs
for each confusable pair (Guillain-Barre vs diabetic, MS vs vasculitic, toxic vs alcohol, Sjogren vs diabetic
small fibre), where the background findings are the same and only the time course, spread or symmetry differs.
Each must put the right condition first. Through the CLI, as a learner types."""

import json

import pytest
from click.testing import CliRunner

from explorer.cli import cli

GBS, DIABETIC, ALCOHOL, TOXIC = (
    "guillain_barre_syndrome",
    "diabetic_neuropathy",
    "alcohol_related_neuropathy",
    "toxic_neuropathy",
)
MS, RA, LUPUS, SJOGREN = (
    "multiple_sclerosis",
    "rheumatoid_arthritis",
    "systemic_lupus_erythematosus",
    "sjogren_syndrome",
)

VIGNETTES = [
    # Guillain-Barre vs diabetic: days and climbing, or years from the toes
    ("I have type 2 diabetes. Over the last five days my legs have become weak and now I can't walk.", GBS),
    (
        "I have type 2 diabetes. Over the last five years my feet have become numb, both sides, starting in my toes.",
        DIABETIC,
    ),
    ("I'm diabetic. Since Saturday my feet tingle and it has crept up to my knees, and my legs are weak.", GBS),
    (
        "I'm diabetic. For years my feet have tingled and it has slowly crept up to my ankles, both feet the same.",
        DIABETIC,
    ),
    ("Diabetic for ten years. A week after a stomach bug my legs went weak and I need help to walk.", GBS),
    (
        "Diabetic for ten years. My feet have been numb and burning for a long time, both sides, slowly getting worse.",
        DIABETIC,
    ),
    # MS vs vasculitic: episodes that recover and come back, or nerves hit one after another
    (
        "I have lupus. Last week my right foot went numb, then two days later my left hand went numb, one "
        "nerve at a time.",
        LUPUS,
    ),
    (
        "I have lupus. Two years ago my left leg went numb for a month and recovered, and now my right arm "
        "is tingling.",
        MS,
    ),
    (
        "I have rheumatoid arthritis. Over the past two weeks my right foot went numb, then my left hand, "
        "one patch at a time.",
        RA,
    ),
    (
        "I have rheumatoid arthritis. Last year my left leg went numb for a few weeks and got better, and "
        "now my right hand tingles.",
        MS,
    ),
    (
        "My joints are swollen. Over the past fortnight numb patches came on my left foot and then my right "
        "hand, one after another.",
        RA,
    ),
    (
        "My joints are swollen. My left arm went numb for three weeks last spring and recovered completely, "
        "and now my right leg tingles.",
        MS,
    ),
    # toxic vs alcohol: it follows the exposure, or builds up over years from the feet
    ("I drink heavily. Since starting chemotherapy two months ago my fingers and toes have gone numb.", TOXIC),
    (
        "I drink heavily and have for twenty years. My feet have slowly gone numb over the years, both "
        "sides, starting in my toes.",
        ALCOHOL,
    ),
    ("I drink a bottle of wine a night. Since I started chemo my feet tingle more with each cycle.", TOXIC),
    (
        "I drink a bottle of wine a night. For years my feet have burned and tingled, both feet the same, "
        "slowly getting worse.",
        ALCOHOL,
    ),
    pytest.param(
        "I drink most nights. Since I started the new medication my hands and feet have gone numb, and it "
        "got worse with each dose.",
        TOXIC,
        marks=pytest.mark.xfail(
            strict=True, reason="weighing: heavy drinking outweighs a numbness that follows a new medicine dose by dose"
        ),
    ),
    (
        "I drink most nights and have for decades. Over the past few years my feet have gone numb from the "
        "toes up, evenly on both sides.",
        ALCOHOL,
    ),
    # Sjogren vs diabetic small fibre: everywhere at once, or from the toes for years
    (
        "I have diabetes and a dry mouth. For years my feet have burned, starting in my toes, both feet the same.",
        DIABETIC,
    ),
    ("I have diabetes and a dry mouth. My face, hands and feet went numb all at the same time.", SJOGREN),
    (
        "I'm diabetic and my eyes are dry. My feet have burned for years, starting in my toes, evenly on both sides.",
        DIABETIC,
    ),
    (
        "I'm diabetic and my eyes are dry. The numbness came in my face and hands as early as in my feet, all at once.",
        SJOGREN,
    ),
    (
        "Diabetic, with a dry mouth. My feet have been burning for a long time, both sides, starting in my toes.",
        DIABETIC,
    ),
    ("Diabetic, with a dry mouth. It started in my hands before my feet, and my chest and back are numb too.", SJOGREN),
]


@pytest.mark.parametrize("text,expected", VIGNETTES)
def test_the_reading_alone_puts_the_right_look_alike_first(text, expected):
    done = CliRunner().invoke(cli, ["match", "--format", "json", text])
    assert done.exit_code in (0, 1), done.output
    order = [s["condition"]["id"] for s in json.loads(done.stdout)["suggestions"]]
    assert order[:1] == [expected], order[:3]
