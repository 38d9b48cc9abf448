"""Demo content shared by every section: people, partner organisations and subjects."""

import json

from django.conf import settings

from portal.models import Organisation, Person, Tag

DEMO_DIR = settings.BASE_DIR / "fixtures" / "demo"


def read(name: str) -> list[dict]:
    return json.loads((DEMO_DIR / name).read_text(encoding="utf-8"))


def upsert(model, lookup: str, row: dict):
    """Create or update one row by its natural key, so loading twice changes nothing."""
    values = {key: value for key, value in row.items() if key != lookup}
    obj, _created = model.objects.update_or_create(**{lookup: row[lookup]}, defaults=values)
    return obj


def load() -> dict[str, int]:
    people = [upsert(Person, "slug", row) for row in read("people.json")]
    organisations = [upsert(Organisation, "name", row) for row in read("organisations.json")]
    tags = [upsert(Tag, "name", row) for row in read("tags.json")]
    return {"people": len(people), "organisations": len(organisations), "tags": len(tags)}
