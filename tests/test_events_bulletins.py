"""Round 9 event rules (covid bulletins), on Hindi sentences written for them."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from conftest_events import ent, run_events


def run(text: str, ents):  # type: ignore[no-untyped-def]
    """The epidemic reports among the events of ``text``."""
    return [e for e in run_events(text, ents) if e.mode == "epidemic"]


INDIA = lambda t: ent(t, "India", "LOC", "भारत")  # noqa: E731
IRAN = lambda t: ent(t, "Iran", "LOC", "ईरान")  # noqa: E731
KERALA = lambda t: ent(t, "Kerala", "LOC", "केरल")  # noqa: E731
ASSAM = lambda t: ent(t, "Assam", "LOC", "असम")  # noqa: E731
GOA = lambda t: ent(t, "Goa", "LOC", "गोवा")  # noqa: E731
BIHAR = lambda t: ent(t, "Bihar", "LOC", "बिहार")  # noqa: E731
DELHI = lambda t: ent(t, "Delhi", "LOC", "दिल्ली")  # noqa: E731
PUNJAB = lambda t: ent(t, "Punjab, India", "LOC", "पंजाब")  # noqa: E731


def test_a_count_in_the_country_is_indias() -> None:
    t = "भारत में कोरोना वायरस का असर जारी है। बीते दिन देशभर में संक्रमितों की संख्या बढ़कर 640 हो गई।"
    assert [e.location for e in run(t, [INDIA])] == ["India"]
    # India is no entity of the text: no place to give; a count of 100 or more is kept place-less (round 16)
    assert [e.location for e in run(t.replace("भारत", "यहां"), [])] == [None]
    assert run(t.replace("भारत", "यहां").replace("640", "64"), []) == []  # a small count with no place: background


def test_the_country_after_a_foreign_country_is_that_country() -> None:
    t = "ईरान में कोरोना वायरस तेजी से फैल रहा है। देश में संक्रमितों की संख्या बढ़कर 910 हो गई।"
    assert all(e.location != "India" for e in run(t, [IRAN]))


def test_counts_for_several_states_give_one_report_each_with_its_own_part() -> None:
    t = "कोरोना वायरस के ताजा आंकड़ों के अनुसार असम में 41, गोवा में 17 और केरल में 230 नए मामले सामने आए हैं।"
    evs = run(t, [ASSAM, GOA, KERALA])
    parts = {e.location: t[e.evidence[0].start : e.evidence[0].end] for e in evs}
    assert set(parts) == {"Assam", "Goa", "Kerala"}
    assert "41" in parts["Assam"] and "230" not in parts["Assam"]
    assert "230 नए मामले" in parts["Kerala"] and "17" not in parts["Kerala"]


def test_coordinated_states_share_their_count() -> None:
    t = "कोरोना वायरस से बिहार और पंजाब में 3-3 तथा दिल्ली में 12 लोग संक्रमित पाए गए हैं।"
    assert {e.location for e in run(t, [BIHAR, PUNJAB, DELHI])} == {"Bihar", "Punjab, India", "Delhi"}


def test_infected_become_is_a_report() -> None:
    t = "कोरोना वायरस से बिहार में तीन और लोग संक्रमित हो गए हैं।"
    assert [e.location for e in run(t, [BIHAR])] == ["Bihar"]


def test_the_venue_people_attended_is_not_the_place_of_the_count() -> None:
    t = "केरल के मंत्री ने बताया कि दिल्ली के एक धार्मिक आयोजन में शामिल हुए 14 लोग कोरोना वायरस से संक्रमित पाए गए।"
    assert [e.location for e in run(t, [KERALA, DELHI])] == ["Kerala"]
