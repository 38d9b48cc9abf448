"""Text helpers shared by every app: slugs, phone numbers and rich text."""

import re

import nh3
from django.utils.text import slugify as django_slugify

_DANISH_LETTERS = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", "é": "e", "É": "E"}
)


def slugify(value: str) -> str:
    """Return an ASCII slug that keeps Danish words readable (æ→ae, ø→oe, å→aa).

    Django's own slugify drops these letters ("bevægelse" → "bevgelse").
    """
    return django_slugify(str(value).translate(_DANISH_LETTERS))


def unique_slug(instance, value: str, field: str = "slug", max_length: int = 80) -> str:
    """Return a slug for ``value`` that no other row of the instance's model uses."""
    base = slugify(value)[:max_length].strip("-") or "side"
    model = type(instance)
    others = (
        model._default_manager.exclude(pk=instance.pk) if instance.pk else model._default_manager
    )
    candidate, counter = base, 2
    while others.filter(**{field: candidate}).exists():
        suffix = f"-{counter}"
        candidate = f"{base[: max_length - len(suffix)]}{suffix}"
        counter += 1
    return candidate


def phone_digits(phone: str) -> str:
    """Return the digits of a phone number, keeping a leading plus."""
    phone = phone.strip()
    digits = re.sub(r"\D", "", phone)
    return f"+{digits}" if phone.startswith("+") else digits


def format_phone(phone: str) -> str:
    """Group a Danish phone number in pairs as Danes write it: "30 29 76 63"."""
    digits = phone_digits(phone)
    if digits.startswith("+45") and len(digits) == 11:
        return "+45 " + format_phone(digits[3:])
    if len(digits) == 8 and digits.isdigit():
        return " ".join(digits[i : i + 2] for i in range(0, 8, 2))
    return phone.strip()


def tel_href(phone: str) -> str:
    """Return a ``tel:`` URL, with Denmark's country code for eight-digit numbers."""
    digits = phone_digits(phone)
    if len(digits) == 8 and digits.isdigit():
        digits = f"+45{digits}"
    return f"tel:{digits}"


RICH_TEXT_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a", "h2", "h3", "h4",
    "blockquote", "abbr", "cite", "q", "sub", "sup", "hr",
}  # fmt: skip
RICH_TEXT_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}}
_BLOCK_TAG = re.compile(r"<(p|ul|ol|h[2-4]|blockquote)[\s>]", re.IGNORECASE)


def clean_html(value: str) -> str:
    """Sanitise rich text from editors: keep a small set of tags, drop scripts and handlers.

    Plain text with blank lines between paragraphs becomes ``<p>`` paragraphs, so editors
    may write without markup.
    """
    value = (value or "").strip()
    if not value:
        return ""
    cleaned = nh3.clean(
        value,
        tags=RICH_TEXT_TAGS,
        attributes=RICH_TEXT_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
    if not _BLOCK_TAG.search(cleaned):
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", cleaned) if p.strip()]
        cleaned = "".join(
            "<p>{}</p>".format(p.replace("\r\n", "\n").replace("\n", "<br>")) for p in paragraphs
        )
    return cleaned
