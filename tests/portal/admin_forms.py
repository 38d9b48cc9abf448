"""Read an admin form as a browser would submit it, for tests with the Django test client."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id: str | None):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data: list[tuple[str, str]] = []
        self._textarea: str | None = None
        self._text: list[str] = []
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._option_value: str | None = None
        self._option_text: list[str] = []
        self._option_selected = False
        self._in_option = False

    def _is_wanted(self, form_id: str) -> bool:
        if self.form_id is None:  # the admin's change form: "<model name>_form"
            return form_id.endswith("_form") and form_id != "logout-form"
        return form_id == self.form_id

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self._is_wanted(attrs.get("id") or ""):
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "image", "file", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.data.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            self._select, self._options = name, []
            self._multiple = "multiple" in attrs
        elif tag == "option" and self._select:
            self._option_value = attrs.get("value")
            self._option_text = []
            self._option_selected = "selected" in attrs
            self._in_option = True

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)
        if self._in_option:
            self._option_text.append(data)

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            text = "".join(self._text)
            # A browser drops the newline right after <textarea> and sends CRLF line breaks.
            text = text.removeprefix("\n").replace("\r\n", "\n").replace("\n", "\r\n")
            self.data.append((self._textarea, text))
            self._textarea = None
        elif tag == "option" and self._select:
            value = self._option_value
            if value is None:
                value = "".join(self._option_text).strip()
            self._options.append((value, self._option_selected))
            self._option_value = None
            self._in_option = False
        elif tag == "select" and self._select:
            chosen = [value for value, selected in self._options if selected]
            if not chosen and not self._multiple and self._options:
                chosen = [self._options[0][0]]  # what a browser submits
            self.data.extend((self._select, value) for value in chosen)
            self._select = None


def form_data(html: str, form_id: str | None) -> dict[str, list[str]]:
    """Return the form's fields as a browser would submit them (textareas with CRLF)."""
    reader = _FormReader(form_id)
    reader.feed(html)
    data: dict[str, list[str]] = {}
    for name, value in reader.data:
        data.setdefault(name, []).append(value)
    return data


def change_form_data(html: str) -> dict[str, list[str]]:
    """Return the admin change form's fields as ``Client.post`` takes them."""
    return form_data(html, None)
