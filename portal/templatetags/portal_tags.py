from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from modeltranslation.utils import build_localized_fieldname, get_language

from portal.cache import fragments
from portal.text import clean_html

register = template.Library()


@register.filter
def rich_text(value) -> str:
    """Print stored rich text, sanitised once more on the way out.

    Saves sanitise already, but ``QuerySet.update()``, ``loaddata`` and data migrations
    write past ``save()``; this keeps such text from running on a page. nh3 is fast, and
    the bodies it runs on are stored as fragments, so a page pays for it once a version.
    """
    return mark_safe(clean_html(str(value or "")))  # noqa: S308 (just sanitised)


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


def has_card(template_name: str, values: dict) -> bool:
    """Tell whether this card is already rendered in this process."""
    return fragments.has("card", (template_name, values))


@register.simple_tag
def card(template_name: str, **values) -> str:
    """Render a list card once per content version, day, language and object.

    ``{% card "includes/project_card.html" project=project heading_level=3 %}``: the
    card template sees only these values, so its output depends on nothing else, and
    the values are the key (see portal.cache).
    """
    html = fragments.get_or_set(
        "card", lambda: render_to_string(template_name, values), (template_name, values)
    )
    return mark_safe(html)  # noqa: S308 - rendered by an autoescaping template


def fragment_key(name: str) -> str:
    return f"tag:{name}"


def has_fragment(name: str, key) -> bool:
    """Tell whether this process holds ``{% fragment name key %}`` already."""
    return key is not None and fragments.has(fragment_key(name), key)


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, key) -> None:
        self.nodelist, self.name, self.key = nodelist, name, key

    def render(self, context) -> str:
        key = self.key.resolve(context)
        if key is None:
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        return fragments.get_or_set(fragment_key(name), lambda: self.nodelist.render(context), key)


@register.tag
def fragment(parser, token):
    """Render the enclosed template once per content version, day, language and key.

    ``{% fragment "filters" filters_key %}…{% endfragment %}``: the view gives the key,
    which must name everything the enclosed part shows beyond the content itself, or
    None to render it every time.
    """
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError("{% fragment %} takes a name and a key")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2]))


@register.inclusion_tag("includes/demo_notice.html")
def demo_notice() -> dict:
    """The notice that the texts are examples, while the demo content is switched on."""
    from portal.models import demo_notice_shown

    return {"shown": demo_notice_shown()}
