"""What a measure closes or restricts: the kinds of object its evidence names.

A state closes its schools on the day its metro stops and its malls shut; each is a ``COERCE``
(a measure, spec/ontology.md: "ban"). :func:`measure_objects` reads the kinds of object
(:data:`OBJECTS`) a sentence names, so that two measures of disjoint kinds stay two events:
within one article (:mod:`vaarta.events_merge`) and across articles (:mod:`vaarta.crossdoc_measures`).
"""

from __future__ import annotations

import regex

_WORD_END = r"(?![\p{L}\p{M}])"
# kind of object → words naming it (word starts; inflected endings allowed where the word is a stem)
OBJECTS: dict[str, str] = {
    "lockdown": r"लॉकडाउन|लॉक\s*डाउन|कर्फ्यू|कर्फ़्यू|धारा[\s-]*144|जनता\s+कर्फ्यू",
    "schools": r"स्कूल|कॉलेज|कालेज|विद्यालय|विश्वविद्यालय|यूनिवर्सिटी|शैक्षणिक|शिक्षण\s+संस्थान|कोचिंग|आंगनबाड़ी|कक्षा",
    "venues": r"मॉल|सिनेमा|थिएटर|थियेटर|जिम|पब|क्लब|स्विमिंग|मल्टीप्लेक्स|पार्क",
    "transport": r"मेट्रो|ट्रेन|रेल|रेलवे|रेलगाड़ी|रेलगाड़ियां|रेलगाड़ियाँ|रेलगाड़ियों|बस|उड़ान|फ्लाइट|फ्लाइट्स|विमान|टैक्सी",
    "borders": r"सीमा|सीमाएं|सीमाओं|बॉर्डर",
    "zones": r"हॉट\s*स्पॉट|हॉटस्पॉट|कंटेनमेंट|कन्टेनमेंट|क्लस्टर|सील",
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
# a noun's plural and oblique endings (ट्रेनें, ट्रेनों, स्कूलों, बसें)
_ENDING = r"(?:ों|ें)?"
# ... not when named as the measure's occasion: "जनता कर्फ्यू के कारण मेट्रो बंद", "लॉकडाउन के बीच
# हॉटस्पॉट सील" close the metro and seal hotspots (crossdoc round 21)
_OCCASION = r"(?!\s+(?:के\s+(?:कारण|चलते|मद्देनजर|मद्देनज़र|दौरान|बीच|दिन|बावजूद)|की\s+वजह))"
_OBJECT_RES = {
    kind: regex.compile(r"(?<![\p{L}\p{M}])(?:" + words + r")" + _ENDING + _WORD_END + _OCCASION)
    for kind, words in OBJECTS.items()
}


def measure_objects(text: str) -> frozenset[str]:
    """The kinds of object (:data:`OBJECTS`) a measure's evidence text names."""
    return frozenset(kind for kind, rx in _OBJECT_RES.items() if rx.search(text))
