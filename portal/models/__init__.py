from .organisations import Organisation
from .people import Person, PersonQuerySet
from .publishing import Publishable, PublishableQuerySet, PublishStatus
from .richtext import RichTextMixin
from .tags import Tag

__all__ = [
    "Organisation",
    "Person",
    "PersonQuerySet",
    "PublishStatus",
    "Publishable",
    "PublishableQuerySet",
    "RichTextMixin",
    "Tag",
]
