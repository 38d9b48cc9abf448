from .drafts import PendingDraft
from .organisations import Organisation
from .people import Person, PersonQuerySet
from .publishing import Publishable, PublishableQuerySet, PublishStatus
from .richtext import RichTextField, RichTextMixin, language_columns
from .singleton import OneRow
from .site_notice import SiteNotice, demo_notice_shown
from .tags import HasSubjects, Tag, prefetch_subjects, subject_links

__all__ = [
    "HasSubjects",
    "OneRow",
    "Organisation",
    "PendingDraft",
    "Person",
    "PersonQuerySet",
    "PublishStatus",
    "Publishable",
    "PublishableQuerySet",
    "RichTextField",
    "RichTextMixin",
    "SiteNotice",
    "Tag",
    "demo_notice_shown",
    "language_columns",
    "prefetch_subjects",
    "subject_links",
]
