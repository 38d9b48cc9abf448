from modeltranslation.translator import TranslationOptions, register

from projects.models import ResearchProject


@register(ResearchProject)
class ResearchProjectTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = ("da",)
