from modeltranslation.translator import TranslationOptions, register

from activities.models import (
    Activity,
    ActivityForm,
    FocusArea,
    Method,
    Overview,
    TargetGroup,
    WelfareStep,
)


@register(FocusArea)
class FocusAreaTranslationOptions(TranslationOptions):
    fields = ("name", "goal")
    required_languages = ("da",)


@register(WelfareStep)
class WelfareStepTranslationOptions(TranslationOptions):
    fields = ("name", "description", "realistic_goal")
    required_languages = ("da",)


@register([ActivityForm, TargetGroup, Method])
class TermTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("da",)


@register(Activity)
class ActivityTranslationOptions(TranslationOptions):
    fields = (
        "name",
        "summary",
        "target_group_text",
        "method_text",
        "implementation",
        "evidence",
        "economy",
    )
    required_languages = ("da",)


@register(Overview)
class OverviewTranslationOptions(TranslationOptions):
    fields = ("title", "lead", "body", "areas_intro")
    required_languages = ("da",)
