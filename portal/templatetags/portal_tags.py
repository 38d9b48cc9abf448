from django import template
from django.conf import settings
from django.utils.html import format_html
from modeltranslation.utils import build_localized_fieldname, get_language

register = template.Library()


@register.simple_tag
def lang_attr(obj, field: str) -> str:
    """Return ` lang="da"` where a translated field falls back to Danish.

    An English page may show Danish text that has no translation yet; marking it lets
    screen readers pronounce it as Danish (WCAG 3.1.2, language of parts).
    """
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    language = get_language()
    if language == default or getattr(obj, build_localized_fieldname(field, language), None):
        return ""
    if not getattr(obj, field, None):
        return ""
    return format_html(' lang="{}"', default)
