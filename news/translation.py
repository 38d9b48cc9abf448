from modeltranslation.translator import TranslationOptions, register

from news.models import NewsArticle


@register(NewsArticle)
class NewsArticleTranslationOptions(TranslationOptions):
    fields = ("title", "lead", "body", "image_alt")
    required_languages = ("da",)
