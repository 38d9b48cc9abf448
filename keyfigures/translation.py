from modeltranslation.translator import TranslationOptions, register

from keyfigures.models import KeyFigure, KeyFigureBand


@register(KeyFigureBand)
class KeyFigureBandTranslationOptions(TranslationOptions):
    fields = ("heading",)
    required_languages = ("da",)


@register(KeyFigure)
class KeyFigureTranslationOptions(TranslationOptions):
    fields = ("value", "label")
    required_languages = ("da",)
