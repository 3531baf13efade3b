"""Round 8 event rules (implied state, later place, merging by place), on Hindi sentences written for them."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


from conftest_events import ent, time
from conftest_events import of_type as of
from conftest_events import run_events as run

RUSSIA = lambda t: ent(t, "Russia", "LOC", "रूस", "रूसी")  # noqa: E731
USA = lambda t: ent(t, "United States", "LOC", "अमेरिका", "अमेरिकी")  # noqa: E731
ASSAM = lambda t: ent(t, "Assam", "LOC", "असम")  # noqa: E731
BIHAR = lambda t: ent(t, "Bihar", "LOC", "बिहार")  # noqa: E731
PATNA = lambda t: ent(t, "Patna", "LOC", "पटना")  # noqa: E731
AGRA = lambda t: ent(t, "Agra", "LOC", "आगरा")  # noqa: E731
DELHI = lambda t: ent(t, "Delhi", "LOC", "दिल्ली")  # noqa: E731
YADAV = lambda t: ent(t, "Ram Yadav", "PER", "राम यादव", "यादव")  # noqa: E731
BJP = lambda t: ent(t, "Bharatiya Janata Party", "ORG", "भाजपा")  # noqa: E731
INC = lambda t: ent(t, "Indian National Congress", "ORG", "कांग्रेस")  # noqa: E731
MODI = lambda t: ent(t, "Narendra Modi", "PER", "नरेंद्र मोदी", "मोदी")  # noqa: E731


def test_a_dateless_mention_joins_the_earlier_happening_at_its_place() -> None:
    t = (
        "15 जुलाई 2010 को असम में बाढ़ आई थी। सोमवार को फिर बाढ़ आई। लोग घरों से बाहर निकल आए। "
        "असम की बाढ़ के समय भी पानी ज्यादा था। इस बार बिहार में बाढ़ से नुकसान कम हुआ।"
    )
    evs = of(run(t, [ASSAM, BIHAR], [time(t, "15 जुलाई 2010", "2010-07-15"), time(t, "सोमवार", "2021-07-12")]), "DISASTER")
    assert {e.date: e.location for e in evs} == {"2010-07-15": "Assam", "2021-07-12": "Bihar"}


def test_a_ne_agent_is_not_the_agent_of_a_passive_verb() -> None:
    t = "यादव ने अपने साथियों की रिहाई की मांग की जिन्हें पिछले साल पकड़ा गया था।"
    assert all("Ram Yadav" not in e.actors for e in of(run(t, [YADAV]), "COERCE"))


def test_an_agentless_arrest_is_by_the_state_named_with_its_organs() -> None:
    t = "रूसी विदेश मंत्रालय ने एक बयान जारी किया। अमेरिकी नागरिक को रात में हिरासत में लिया गया।"
    e = of(run(t, [RUSSIA, USA]), "COERCE")
    assert e and e[0].actors == ("Russia",)


def test_this_incident_happened_at_places_the_earlier_happening() -> None:
    t = "हमलावर ने दो लोगों की हत्या कर दी। दो अन्य लोग घायल हैं। यह घटना पटना के एक बाजार में हुई।"
    e = of(run(t, [PATNA]), "ASSAULT")
    assert e and e[0].location == "Patna"


def test_a_destination_is_not_the_place() -> None:
    t = "आगरा में दिल्ली जा रही बस में बम विस्फोट हुआ।"
    e = of(run(t, [AGRA, DELHI]), "ASSAULT")
    assert e and e[0].location == "Agra"


def test_an_accusation_is_about_the_content_subject_not_a_genitive() -> None:
    t = "भाजपा ने आरोप लगाया कि मोदी सरकार की लड़ाई में कांग्रेस बाधा डाल रही है।"
    e = of(run(t, [BJP, INC, MODI]), "ACCUSE")
    assert e and e[0].recipients == ("Indian National Congress",)
