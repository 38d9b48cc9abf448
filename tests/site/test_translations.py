"""The English catalogue is complete: every Danish string has a checked translation."""

import re

from django.conf import settings
from django.utils import translation

CATALOGUE = settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"


def entries(text: str) -> list[str]:
    return [block for block in text.split("\n\n") if "msgid" in block]


def test_every_string_has_an_english_translation():
    untranslated = []
    for block in entries(CATALOGUE.read_text(encoding="utf-8"))[1:]:  # the header first
        if block.lstrip().startswith("#~"):
            continue  # obsolete strings no longer in the code
        if "#, fuzzy" in block or re.search(r'^msgstr(\[\d\])? ""\Z', block.strip(), re.M):
            untranslated.append(block.split("\n")[0 if "msgid" in block.split("\n")[0] else 1])
    assert not untranslated


def test_the_compiled_catalogue_is_used():
    with translation.override("en"):
        assert translation.gettext("Nu undersøger vi") == "Current research"
        assert translation.gettext("Velfærdstrappen") == "The welfare staircase"
