"""Danish for words of Django and the editors' add-ons that ship none, or ship it wrong.

The project's catalogue comes first when Django translates, so the Danish written for
these English messages in locale/da/LC_MESSAGES/django.po replaces the add-ons' own.
Naming the messages here keeps ``makemessages`` from dropping them from the catalogue.

What was wrong: Danish nouns are common ("en") or neuter ("et"), and Django's Danish
picks one article, writes "den/det", or starts a sentence with a lower-case model name
("forskningsprojekt “…” blev tilføjet"); it calls rows "emner" and the colours "tema",
which in the portal are subjects and theme pages; its unique message says "dette" of
every field ("med dette Kortnavn").
"""

from django.utils.translation import gettext_noop, pgettext_lazy

MESSAGES = [
    # django-taggit's field, which it translates as "slug".
    pgettext_lazy("A tag slug", "slug"),
    # Django's unique messages.
    gettext_noop("%(model_name)s with this %(field_label)s already exists."),
    gettext_noop("%(model_name)s with this %(field_labels)s already exists."),
    # The admin's messages after a save or a delete.
    gettext_noop("The {name} “{obj}” was added successfully."),
    gettext_noop("You may edit it again below."),
    gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully."),
    gettext_noop("The %(name)s “%(obj)s” was deleted successfully."),
    gettext_noop("%(name)s with ID “%(key)s” doesn’t exist. Perhaps it was deleted?"),
    gettext_noop(
        "Items must be selected in order to perform actions on them. No items have been changed."
    ),
    # The buttons under a form, and the offer to select every row of a list.
    gettext_noop("Save and add another"),
    gettext_noop("Save as new"),
    gettext_noop("Select all %(total_count)s %(module_name)s"),
    # The title of the plus beside a choice of a related item.
    gettext_noop("Add another %(model)s"),
    # The light/dark switch: in the portal a "tema" is a theme page.
    gettext_noop("Toggle theme (current theme: auto)"),
    gettext_noop("Toggle theme (current theme: light)"),
    gettext_noop("Toggle theme (current theme: dark)"),
]
