import factory

from keyfigures.models import KeyFigure, KeyFigureBand
from portal.models import PublishStatus


class KeyFigureBandFactory(factory.django.DjangoModelFactory):
    """A published band valid from January 2023 (add figures with KeyFigureFactory)."""

    class Meta:
        model = KeyFigureBand

    heading = "Fakta om igangværende boligsociale indsatser"
    valid_month = 1
    valid_year = 2023
    status = PublishStatus.PUBLISHED


class KeyFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KeyFigure

    band = factory.SubFactory(KeyFigureBandFactory)
    value = "2,4 mia. kr."
    label = "investeret i boligsociale indsatser siden 2011"
    order = factory.Sequence(int)
