from modeltranslation.translator import TranslationOptions, register

from films.models import Film


@register(Film)
class FilmTranslationOptions(TranslationOptions):
    fields = ("title", "description", "transcript", "poster_alt")
    # The transcript may wait while the film is a draft: Film.clean() asks for it on publishing.
    required_languages = {"da": ("title", "description")}
