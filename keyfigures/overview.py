"""The key-figures band on the overview of the focus areas (/indsatsomraader/)."""

from keyfigures.home import block


def facts() -> dict | None:
    return block("keyfigures/overview_block.html")
