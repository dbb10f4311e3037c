"""The building blocks the Swedish cue patterns share (cues.py, tolerantcues.py).

A deciding body and what may stand around its verb, and the verbs of a group's changed plan;
they are pieces of regular expressions, not patterns of their own. All run on lower-cased text.
"""

from __future__ import annotations

# Bodies that can decide; "vi" is the meeting itself. Compounds count too: "styrgruppen", "föräldrarådet",
# "kultur- och fritidsnämnden", "ledningsgruppen", "årsstämman".
BODY_NOUN = (
    r"[a-zåäö-]*(?:styrelsen|mötet|gruppen|nätverket|ledningen|nämnden|föreningen|rådet|stämman|kommittén|"
    r"utskottet|fullmäktige|församlingen)"
)
BODY = rf"(?P<body>vi|{BODY_NOUN})"
ADV = r"(?:\s+(?:alltså|därför|då|också|nu|härmed|här|därmed|enhälligt|gemensamt|helt|alla|oss|tillsammans))*"
PREP = r"(?P<prep>att|om\s+att|om|för)"  # what follows the deciding verb: "beslutar att", "bestämmer om"
# Group plans stated as facts: "I stället flyttar vi driftstarten", "Vi stryker inte testomgången".
CHANGE_VERBS = (
    r"inför|flyttar|stryker|ändrar|byter|höjer|sänker|slopar|avskaffar|behåller|förlänger|ersätter|anställer|"
    r"avslutar|tar\s+bort|skjuter\s+upp|lägger\s+ner|köper\s+in|säger\s+upp|tar\s+in|halverar|fördubblar"
)
