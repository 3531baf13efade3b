"""The library's public surface is deliberate: this test keeps it exact and working."""

import pickle

import vaarta
from vaarta.model import Record
from vaarta.pipeline import load_resources


def test_public_names_are_exactly_these() -> None:
    assert sorted(vaarta.__all__) == [
        "Document", "Entity", "Event", "Quote", "Record", "Rejection", "TimeExpr", "analyse_text", "ingest", "open_store",
    ]  # fmt: skip


def test_analyse_text_reads_a_hindi_article() -> None:
    text = (
        "मोदी और किशिदा की बैठक\n"
        "प्रधानमंत्री नरेंद्र मोदी ने सोमवार को टोक्यो में जापान के प्रधानमंत्री से मुलाकात की। "
        "दोनों नेताओं ने व्यापार समझौते पर हस्ताक्षर किए।"
    )
    rec = vaarta.analyse_text(text, published="2023-03-22")
    assert isinstance(rec, Record)
    names = {e.name for e in rec.entities}
    assert {"Narendra Modi", "Japan", "Tokyo"} <= names
    assert {e.type for e in rec.events} >= {"CONSULT", "AGREE"}
    monday = [t for t in rec.times if t.text.startswith("सोमवार")]
    assert monday and monday[0].value == "2023-03-20"


def test_resources_and_stage_inputs_pickle() -> None:
    res = load_resources()
    again = pickle.loads(pickle.dumps(res))
    rec = vaarta.analyse_text("भारत और चीन के विदेश मंत्रियों ने बुधवार को बीजिंग में बातचीत की।", resources=again)
    assert isinstance(rec, Record) and any(e.name == "Beijing" for e in rec.entities)
