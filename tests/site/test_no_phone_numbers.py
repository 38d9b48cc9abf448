"""No real-looking Danish phone number anywhere in the repository.

The seeds name real staff with their real numbers; none of them may reach the code, the
demo, the tests or a docstring. Every tracked file is read (``git ls-files``).

What counts as a phone number: eight digits written as Danes write a phone number
("dd dd dd dd", "dddd dddd", with spaces, dots or hyphens), eight digits after "+45",
"0045" or "tel:", and eight digits in a row near a word that announces one ("tlf",
"telefon", "phone", "mobil", "ring", "kontakt").

The rule for examples: a Danish subscriber number never starts with 0 or 1, so numbers
that do ("00 00 00 01", "12 34 56 78") are clearly fictional and allowed; every other
one fails this test.
"""

import re
import subprocess

from django.conf import settings

SEP = r"[ .\-]"
# Pairs with spaces, dots or hyphens; fours with a space ("2021-2022" is a period).
GROUPED = rf"\d{{2}}{SEP}\d{{2}}{SEP}\d{{2}}{SEP}\d{{2}}|\d{{4}} \d{{4}}"
# Not a part of a longer run of numbers ("+44 20 7946 0000", "1.234.567,89").
ALONE_BEFORE = r"(?<![\w+])(?<!\d[ .,:/\-])"
ALONE_AFTER = r"(?![\w])(?![ .,:/\-]\d)"
PATTERNS = [
    # Written as a phone number: pairs or fours.
    re.compile(rf"{ALONE_BEFORE}(?P<number>{GROUPED}){ALONE_AFTER}"),
    # After a country code or in a tel: link, however written.
    re.compile(rf"(?:\+45|0045|tel:){SEP}?(?P<number>\d{{8}}|{GROUPED})(?!\d)"),
    # Eight digits in a row where a phone number is announced.
    re.compile(
        r"(?i)(?:tlf|telefon|phone|mobil|ring|kontakt)\D{0,40}?(?<!\d)(?P<number>\d{8})(?!\d)"
    ),
]


def real_looking_numbers(text: str) -> list[str]:
    """Return the numbers in ``text`` that could be someone's (first digit 2 to 9)."""
    found = []
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            digits = re.sub(r"\D", "", match["number"])
            if digits[0] not in "01":
                found.append(match.group(0))
    return found


def tracked_files() -> list[str]:
    listing = subprocess.run(
        ["git", "ls-files", "-z"],  # noqa: S607 (git from PATH, as a developer runs it)
        cwd=settings.BASE_DIR,
        capture_output=True,
        check=True,
    )
    return [name for name in listing.stdout.decode().split("\0") if name]


# The examples are assembled here, so this file holds no number itself.
REAL = "".join(["3", "1 4", "5 6", "7 8", "9"])  # a number of the real kind, in pairs


def test_the_detector_finds_every_way_of_writing_a_number():
    digits = REAL.replace(" ", "")
    for text in (
        f"Ring på {REAL}.",
        f"tlf. {digits}",
        f"kontakt chefkonsulenten på {digits} eller på mail",
        f"+45 {REAL}",
        f"+45{digits}",
        f'href="tel:+45{digits}"',
        f"{digits[:4]} {digits[4:]}",
        f'"phone": "{digits}"',
        f"{REAL.replace(' ', '-')}",
    ):
        assert real_looking_numbers(text), text


def test_the_detector_lets_examples_dates_and_hashes_be():
    for text in (
        '"phone": "00 00 00 01"',
        "Ring på 12 34 56 78",
        "tel:+4512345678",
        "2026-11-27 20:41:19",
        "sha256:45663c01a4de48b9a64a2ee1509d92d1dfd3afb02b2ccfc9333029d11aef996a",
        "size = 7224841, upload-time",
        "version 20261127",
        "+44 20 7946 0000",
    ):
        assert not real_looking_numbers(text), text


def test_no_real_looking_phone_number_is_in_any_tracked_file():
    found = {}
    for name in tracked_files():
        path = settings.BASE_DIR / name
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue  # images, fonts, compiled catalogues; a file deleted but not staged
        if numbers := real_looking_numbers(text):
            found[name] = numbers

    assert not found, f"Phone numbers of a real kind (use 00 00 00 01 style examples): {found}"
