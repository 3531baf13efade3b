"""Issue 6, fourth session: a named person found infected is the affected party of an epidemic
report (events_bulletins.NAMED_PATIENTS), job nouns and common surnames make a person of a tagger's
place span (entities_names.JOB_NOUN_PEOPLE, SURNAME_PEOPLE), and a job noun, a name and a case
report make a person as a speech cue does (PATIENT_CUE). Two outlets' reports of one patient link
across articles through the person. Hindi sentences written for these tests."""

from __future__ import annotations

import pytest

import vaarta
from vaarta import events_bulletins, pipeline
from vaarta.crossdoc import merge, multi_article, reports_from_record
from vaarta.model import Article, Record

PUB = "2020-03-20"


def analyse(text: str, pub: str = PUB) -> dict:  # type: ignore[type-arg]
    return vaarta.analyse_text(text, published=pub).to_json()


def epidemic(rec: dict) -> list[dict]:  # type: ignore[type-arg]
    return [e for e in rec["events"] if e["type"] == "DISASTER" and e.get("mode") == "epidemic"]


def test_a_singer_found_positive_is_the_person_of_the_report() -> None:
    rec = analyse("लखनऊ में बॉलीवुड गायिका सुरभि मेहरा को कोरोना वायरस पॉजिटिव पाया गया है। उन्हें अस्पताल में भर्ती कराया गया।")
    people = [e["name"] for e in rec["entities"] if e["type"] == "PER"]
    assert people == ["Surbhi Mehra"]  # the job noun is not part of her name
    (ev,) = epidemic(rec)
    assert ev["recipients"] == ["Surbhi Mehra"] and ev["location"] == "Lucknow"


def test_a_named_case_needs_no_place() -> None:
    rec = analyse("मशहूर सिंगर सुरभि मेहरा को कोरोना वायरस पॉजिटिव पाया गया है।")
    assert [(e["name"], e["type"]) for e in rec["entities"]] == [("Surbhi Mehra", "PER")]
    (ev,) = epidemic(rec)
    assert ev["recipients"] == ["Surbhi Mehra"] and ev.get("location") is None


def test_a_relative_clause_and_a_report_found_positive() -> None:
    rec = analyse("लखनऊ की पार्टी में गायिका सुरभि मेहरा, जो कि कोविड-19 संक्रमित पाई गई हैं, अतिथि के तौर पर मौजूद थीं।")
    assert any(ev["recipients"] == ["Surbhi Mehra"] for ev in epidemic(rec))


def test_a_contact_is_not_a_patient() -> None:
    rec = analyse("सांसद रमेश चंद्र वर्मा के संपर्क में आए पांच लोग लखनऊ में संक्रमित पाए गए।")
    assert all("Ramesh Chandra Varma" not in ev.get("recipients", []) for ev in epidemic(rec))


def test_a_speaker_is_not_a_patient() -> None:
    rec = analyse("स्वास्थ्य मंत्री रमेश चंद्र वर्मा ने बताया कि लखनऊ में तीन लोग कोरोना पॉजिटिव पाए गए हैं।")
    evs = epidemic(rec)
    assert evs and all(not ev.get("recipients") for ev in evs)


def test_flag_off_keeps_the_old_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(events_bulletins, "NAMED_PATIENTS", False)
    rec = analyse("मशहूर सिंगर सुरभि मेहरा को कोरोना वायरस पॉजिटिव पाया गया है।")
    assert epidemic(rec) == []  # no place, no named patient: no report


def _record(aid: str, text: str) -> Record:
    res = pipeline.load_resources()
    rec = pipeline.analyse_article(Article(id=aid, source=aid, raw=text, title=text.split("\n")[0], published=PUB), res)
    assert isinstance(rec, Record)
    return rec


def test_two_outlets_on_one_patient_link_and_two_patients_stay_apart() -> None:
    a = _record("a", "गायिका को कोरोना\n\nलखनऊ में बॉलीवुड गायिका सुरभि मेहरा को कोरोना वायरस पॉजिटिव पाया गया है।")
    b = _record("b", "सिंगर की रिपोर्ट पॉजिटिव\n\nमशहूर सिंगर सुरभि मेहरा को कोरोना वायरस पॉजिटिव पाया गया है। वह लंदन से लौटी थीं।")
    c = _record("c", "अभिनेता संक्रमित\n\nमशहूर अभिनेता विक्रम सहगल को कोरोना वायरस पॉजिटिव पाया गया है।")
    reports = [r for aid, rec in (("a", a), ("b", b), ("c", c)) for r in reports_from_record(aid, PUB, aid, rec)]
    clusters = multi_article(merge(reports))
    joined = [{x for x, _ in cl.reports} for cl in clusters]
    assert {"a", "b"} in joined
    assert not any("c" in j and len(j) > 1 for j in joined)
