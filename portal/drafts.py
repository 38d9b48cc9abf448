"""Changes to published content kept as a pending draft until someone publishes them."""


class DraftAdminMixin:
    """ "Gem som kladde", "Udgiv" and "Kassér kladde" on published items."""
