"""The publishing window and state in every content type's admin."""


class PublishingAdminMixin:
    """The state in words as a list column and filter."""
