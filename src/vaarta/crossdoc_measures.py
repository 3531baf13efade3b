"""What a measure closes or restricts, so that two measures of one place and day stay apart.

A state closes its schools on the day its metro stops and its malls shut: the events stage
types each as ``COERCE`` (a measure, spec/ontology.md: "ban") with the same place and date, and
the pair test of :mod:`vaarta.crossdoc_match` would merge them. Each report's evidence names
what the measure is about: :func:`measure_objects` reads the kinds of object it names
(:data:`OBJECTS`); two reports whose evidence names objects of disjoint kinds are two measures.

A report whose evidence names no object (``सरकार ने कई कदम उठाए``) is not kept apart by this
rule, and a round-up sentence naming several kinds overlaps with each of them.
"""

from __future__ import annotations

from collections.abc import Mapping

import regex

from .crossdoc_places import chain

# Flag: measures whose evidence names disjoint kinds of object are different events
MEASURE_OBJECTS_APART = True
# Event types whose reports are measures (a ban, a closure, a suspension, a travel restriction)
MEASURE_TYPES = frozenset({"COERCE", "SANCTION"})

_WORD_END = r"(?![\p{L}\p{M}])"
# kind of object → words naming it (word starts; inflected endings allowed where the word is a stem)
OBJECTS: dict[str, str] = {
    "lockdown": r"लॉकडाउन|लॉक\s*डाउन|कर्फ्यू|कर्फ़्यू|धारा[\s-]*144|जनता\s+कर्फ्यू",
    "schools": r"स्कूल|कॉलेज|कालेज|विद्यालय|विश्वविद्यालय|यूनिवर्सिटी|शैक्षणिक|शिक्षण\s+संस्थान|कोचिंग|आंगनबाड़ी|कक्षा",
    "venues": r"मॉल|सिनेमा|थिएटर|थियेटर|जिम|पब|क्लब|स्विमिंग|मल्टीप्लेक्स|पार्क",
    "transport": r"मेट्रो|ट्रेन|रेल|बस|बसें|उड़ान|उड़ानें|फ्लाइट|विमान|टैक्सी",
    "borders": r"सीमा|सीमाएं|सीमाओं|बॉर्डर",
    "zones": r"हॉट\s*स्पॉट|हॉटस्पॉट|कंटेनमेंट|क्लस्टर|सील",
    "entry": r"वीजा|वीज़ा|वीसा|विदेशियों|पर्यटकों",
    "offices": r"दफ्तर|दफ़्तर|कार्यालय|कार्यालयों|ऑफिस",
    "worship": r"मंदिर|मंदिरों|मस्जिद|मस्जिदों|गुरुद्वारा|चर्च|धार्मिक\s+स्थल",
    "shops": r"दुकान|दुकानें|दुकानों|बाजार|बाज़ार|बाजारों",
    "gatherings": r"सभा|सभाओं|भीड़|शादी|शादियों|समारोह|आयोजन|आयोजनों",
    "biometric": r"बायोमेट्रिक",
    "internet": r"इंटरनेट",
    # a declared state (an epidemic, a disaster, an emergency), not the virus named in passing
    "declared": r"(?:महामारी|आपदा|आपातकाल|इमरजेंसी|आपात\s+स्थिति)\s+घोषित",
}
_OBJECT_RES = {kind: regex.compile(r"(?<![\p{L}\p{M}])(?:" + words + r")" + _WORD_END) for kind, words in OBJECTS.items()}


def measure_objects(text: str) -> frozenset[str]:
    """The kinds of object (:data:`OBJECTS`) a measure's evidence text names."""
    return frozenset(kind for kind, rx in _OBJECT_RES.items() if rx.search(text))


def different_measures(type_: str, a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two reports of ``type_`` with these objects are different measures."""
    return MEASURE_OBJECTS_APART and type_ in MEASURE_TYPES and bool(a) and bool(b) and not a & b


# Flag (round 20): a measure of a district or a city is not the country's measure (a village sealed in
# Deoghar is not the national lockdown), though the district lies inside the country; a district's and
# its state's measures may still be one (a state seals hotspots, a city reports its own)
LOCAL_MEASURE_APART = True


def local_and_national(type_: str, loc_a: str | None, loc_b: str | None, inside: Mapping[str, str]) -> bool:
    """Whether two measures' places lie two or more levels apart, one inside the other (``inside``: place
    → the place containing it): a district's or a city's measure and the country's."""
    if not (LOCAL_MEASURE_APART and type_ in MEASURE_TYPES and loc_a and loc_b):
        return False
    inner, outer = sorted((chain(loc_a, inside), chain(loc_b, inside)), key=len, reverse=True)
    return outer[0] in inner and inner.index(outer[0]) >= 2
