"""Slugs, phone numbers and rich text as the site writes them."""

import pytest

from portal.text import clean_html, format_phone, slugify, tel_href


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Det boligsociale arbejde i bevægelse", "det-boligsociale-arbejde-i-bevaegelse"),
        ("Stedsidentiteten i udsatte boligområder", "stedsidentiteten-i-udsatte-boligomraader"),
        ("Socialøkonomiske virksomheder", "socialoekonomiske-virksomheder"),
        ("ÆBLE, Øl & Ål", "aeble-oel-aal"),
        ("  Job- og uddannelsesgaranti ", "job-og-uddannelsesgaranti"),
    ],
)
def test_slugs_keep_danish_words_readable(title, slug):
    assert slugify(title) == slug


@pytest.mark.parametrize(
    ("raw", "shown", "href"),
    [
        ("12345678", "12 34 56 78", "tel:+4512345678"),
        ("12 34 56 78", "12 34 56 78", "tel:+4512345678"),
        ("+45 1234 5678", "+45 12 34 56 78", "tel:+4512345678"),
        ("+44 20 7946 0000", "+44 20 7946 0000", "tel:+442079460000"),
    ],
)
def test_phone_numbers_are_grouped_in_pairs_and_dialable(raw, shown, href):
    assert format_phone(raw) == shown
    assert tel_href(raw) == href


def test_plain_text_becomes_paragraphs():
    assert clean_html("Et.\nTo.\n\nTre.") == "<p>Et.<br>To.</p><p>Tre.</p>"


def test_rich_text_keeps_safe_markup_and_drops_the_rest():
    dirty = (
        '<h2>Overskrift</h2><p onclick="x()">Tekst med <a href="https://example.org">link</a>'
        ' og <a href="javascript:alert(1)">fælde</a></p><script>alert(1)</script>'
        '<iframe src="https://evil.example"></iframe><img src=x onerror=alert(1)>'
    )
    cleaned = clean_html(dirty)

    assert "<h2>Overskrift</h2>" in cleaned
    assert 'href="https://example.org"' in cleaned
    for bad in ("onclick", "javascript:", "<script", "<iframe", "<img", "onerror"):
        assert bad not in cleaned
