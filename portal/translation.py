from modeltranslation.translator import TranslationOptions, register

from portal.models import Person


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("job_title", "bio")
