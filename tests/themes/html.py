"""A small HTML reader for tests: headings, ids, links and <details> of a rendered page."""

from html.parser import HTMLParser


class Page(HTMLParser):
    """Collect what the theme tests look at, in document order."""

    HEADINGS = {"h1", "h2", "h3", "h4"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[tuple[str, str]] = []  # (href, text)
        self.toc_links: list[str] = []  # the targets of the table of contents
        self.headings: list[tuple[str, str, str | None]] = []  # (tag, text, id)
        self.details: list[str] = []  # the summary text of each <details>
        self.summaries_outside_details = 0
        self.stack: list[tuple[str, dict]] = []
        self.text_parts: dict[int, list[str]] = {}
        self.feed(html)
        self.close()

    VOID = {"br", "img", "hr", "input", "meta", "link", "source", "wbr"}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(attributes["id"])
        if tag in self.VOID:
            return
        if tag == "summary" and not any(t == "details" for t, _ in self.stack):
            self.summaries_outside_details += 1
        self.stack.append((tag, attributes))
        self.text_parts[len(self.stack)] = []

    def handle_endtag(self, tag):
        if tag in self.VOID or not self.stack:
            return
        depth = len(self.stack)
        open_tag, attributes = self.stack.pop()
        raw = "".join(self.text_parts.pop(depth, []))
        text = " ".join(raw.split())
        if self.stack:
            self.text_parts[len(self.stack)].append(raw)
        if open_tag in self.HEADINGS:
            self.headings.append((open_tag, text, attributes.get("id")))
        elif open_tag == "a":
            href = attributes.get("href", "")
            self.links.append((href, text))
            if any("theme-toc" in a.get("class", "").split() for _t, a in self.stack):
                self.toc_links.append(href.removeprefix("#"))
        elif open_tag == "summary":
            self.details.append(text)

    def handle_data(self, data):
        if self.stack:
            self.text_parts[len(self.stack)].append(data)

    def headings_at(self, level: str) -> list[str]:
        return [text for tag, text, _id in self.headings if tag == level]

    def in_page_links(self) -> list[str]:
        return [href[1:] for href, _text in self.links if href.startswith("#")]
