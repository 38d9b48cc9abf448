"""Text helpers shared by every app: slugs, phone numbers and rich text."""

import html
import re

import nh3
from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.text import slugify as django_slugify
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import allowlist_from_extensions

_DANISH_LETTERS = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", "é": "e", "É": "E"}
)


def slugify(value: str) -> str:
    """Return an ASCII slug that keeps Danish words readable (æ→ae, ø→oe, å→aa).

    Django's own slugify drops these letters ("bevægelse" → "bevgelse").
    """
    return django_slugify(str(value).translate(_DANISH_LETTERS))


# A slug field's message when another item of its kind has the same slug.
SLUG_ERRORS = {"unique": _("Kortnavnet er allerede i brug. Vælg et andet.")}


# Slugs a list's own addresses take beside its items' pages (/nyheder/feed/).
RESERVED_SLUGS = frozenset({"feed"})


def check_slug_is_free(slug: str) -> None:
    """Refuse a slug that a list's own address uses, with a message for the editor."""
    if slug in RESERVED_SLUGS:
        raise ValidationError(
            {
                "slug": _("Kortnavnet “%(slug)s” bruges af sektionens feed. Vælg et andet.")
                % {"slug": slug}
            }
        )


def unique_slug(instance, value: str, field: str = "slug", max_length: int = 80) -> str:
    """Return a slug for ``value`` that no other row of the instance's model uses."""
    base = slugify(value)[:max_length].strip("-") or "side"
    model = type(instance)
    others = (
        model._default_manager.exclude(pk=instance.pk) if instance.pk else model._default_manager
    )
    candidate, counter = base, 2
    while candidate in RESERVED_SLUGS or others.filter(**{field: candidate}).exists():
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
    """Group a Danish phone number in pairs as Danes write it: "12 34 56 78"."""
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


# The one allow-list for rich text: the editor's extensions (its buttons and what it accepts
# when pasting) and, derived from the same extensions by django-prose-editor, the tags and
# attributes the sanitiser keeps. Headings come per field (``heading_levels``), because the
# levels that fit depend on where the field sits under the page's own headings.
RICH_TEXT_EXTENSIONS: dict[str, object] = {
    "Paragraph": True,
    "HardBreak": True,
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "Link": {
        "enableTarget": False,
        "openOnClick": False,
        "protocols": ["http", "https", "mailto", "tel"],
        "HTMLAttributes": {"rel": "noopener noreferrer", "target": None},
    },
}
RICH_TEXT_LINK_REL = "noopener noreferrer"
# Without a field of its own a rich text keeps h2-h4, the levels the site's prose styles.
DEFAULT_HEADING_LEVELS: tuple[int, ...] = (2, 3, 4)
_HEADING_TAG = re.compile(r"<(/?)h([1-6])>")
# Older text and pastes mark bold and italic with <b> and <i>; the editor writes these.
_LEGACY_MARKS = {"b": "strong", "i": "em"}
_LEGACY_MARK_TAG = re.compile(r"<(/?)([bi])>")
_EMPTY = re.compile(r"(?:<p>(?:\s|&nbsp;|<br>)*</p>)*")


def editor_extensions(
    heading_levels: tuple[int, ...] = DEFAULT_HEADING_LEVELS,
    definition: dict[str, object] | None = None,
) -> dict[str, object]:
    """Return the editor's extensions for a field with these heading levels."""
    extensions = dict(RICH_TEXT_EXTENSIONS if definition is None else definition)
    if heading_levels:
        extensions["Heading"] = {"levels": sorted(heading_levels)}
    return extensions


def _drop_empty_attribute(_tag: str, _attribute: str, value: str) -> str | None:
    # The editor's link dialog leaves an empty title; it says nothing, so it is not kept.
    return value if value.strip() else None


def sanitiser_arguments(
    heading_levels: tuple[int, ...] = DEFAULT_HEADING_LEVELS,
    definition: dict[str, object] | None = None,
) -> dict[str, object]:
    """Return nh3's tags, attributes and URL schemes for the editor's extensions."""
    allowed = allowlist_from_extensions(editor_extensions(heading_levels, definition))
    attributes = {tag: set(names) for tag, names in allowed["attributes"].items()}
    # Every link gets the same rel from nh3, whatever an editor or a paste supplied.
    attributes.get("a", set()).discard("rel")
    return {
        "attribute_filter": _drop_empty_attribute,
        "tags": set(allowed["tags"]),
        "attributes": attributes,
        "url_schemes": set(allowed.get("url_schemes", ())),
        "link_rel": RICH_TEXT_LINK_REL,
    }


def _fit_headings(html: str, heading_levels: tuple[int, ...]) -> str:
    """Move every heading to the nearest level the field allows, or make it a paragraph."""

    def replace(match: re.Match) -> str:
        closing, level = match.group(1), int(match.group(2))
        if not heading_levels:
            return f"<{closing}p>"
        fitted = min(max(level, min(heading_levels)), max(heading_levels))
        if fitted not in heading_levels:
            fitted = min(heading_levels, key=lambda allowed: (abs(allowed - level), allowed))
        return f"<{closing}h{fitted}>"

    return _HEADING_TAG.sub(replace, html)


_BLOCK_TAG = re.compile(r"<(p|ul|ol|h[1-6]|blockquote)[\s>]", re.IGNORECASE)


def clean_html(value: str, heading_levels: tuple[int, ...] = DEFAULT_HEADING_LEVELS) -> str:
    """Sanitise rich text from editors: keep what the editor can make, drop everything else.

    Plain text with blank lines between paragraphs becomes ``<p>`` paragraphs, so text
    written without markup (the demo content, imports) still reads as paragraphs.
    Headings keep their structure but move to a level the field allows: a heading posted
    at another level must not break the page's heading order.
    """
    value = (value or "").strip()
    if not value:
        return ""
    # First keep every heading level, so a heading the field does not allow stays a
    # block of its own; then fit the levels, and clean once more with the field's own
    # allow-list alone.
    structure_arguments = sanitiser_arguments(tuple(range(1, 7)))
    structure_arguments["tags"] |= set(_LEGACY_MARKS)
    structure = _LEGACY_MARK_TAG.sub(
        lambda m: f"<{m.group(1)}{_LEGACY_MARKS[m.group(2)]}>",
        nh3.clean(value, **structure_arguments),
    )
    cleaned = nh3.clean(
        _fit_headings(structure, heading_levels), **sanitiser_arguments(heading_levels)
    )
    if not _BLOCK_TAG.search(cleaned):
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", cleaned) if p.strip()]
        cleaned = "".join(
            "<p>{}</p>".format(p.replace("\r\n", "\n").replace("\n", "<br>")) for p in paragraphs
        )
    if _EMPTY.fullmatch(cleaned):
        return ""
    return cleaned


_LINK = re.compile(r'<a\b[^>]*\bhref="([^"]*)"[^>]*>(.*?)</a>', re.IGNORECASE | re.DOTALL)
_LIST_ITEM = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)


def html_as_text(value: str) -> str:
    """Return rich text as an editor reads it: one line per block, links with their address.

    Used where text is compared (a version's differences), so an editor sees words, not
    markup.
    """
    value = _LINK.sub(lambda link: f"{link[2]} ({link[1]})", value or "")
    value = _BLOCK_END.sub("\n", _LIST_ITEM.sub("• ", value))
    text = html.unescape(strip_tags(value))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
