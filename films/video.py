"""Where a film lives: its provider and its id, read from the address an editor pastes.

Only YouTube and Vimeo are accepted. The public page never embeds the provider's player
when it is served: ``static/js/film-player.js`` builds the privacy-enhanced player from
the provider and id the page carries, and only when the visitor asks for it.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

YOUTUBE = "youtube"
VIMEO = "vimeo"

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
VIMEO_ID = re.compile(r"[0-9]{1,12}")

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com"}
YOUTUBE_NOCOOKIE_HOSTS = {"youtube-nocookie.com", "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com"}

# The players the page may load when a visitor presses "Afspil film": the CSP's frame-src.
PLAYER_ORIGINS = ("https://www.youtube-nocookie.com", "https://player.vimeo.com")


@dataclass(frozen=True)
class Video:
    provider: str
    video_id: str

    @property
    def watch_url(self) -> str:
        """The film's own page at the provider: a plain link, loaded only if followed."""
        if self.provider == YOUTUBE:
            return f"https://www.youtube.com/watch?v={self.video_id}"
        return f"https://vimeo.com/{self.video_id}"

    @property
    def embed_url(self) -> str:
        """The provider's privacy-enhanced player (what the page's script builds too)."""
        if self.provider == YOUTUBE:
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}"
        return f"https://player.vimeo.com/video/{self.video_id}?dnt=1"


def _path_parts(path: str) -> list[str]:
    return [part for part in path.split("/") if part]


def _youtube(host: str, path: str, query: str) -> str | None:
    parts = _path_parts(path)
    if host == "youtu.be":
        candidate = parts[0] if len(parts) == 1 else None
    elif host in YOUTUBE_NOCOOKIE_HOSTS:
        candidate = parts[1] if len(parts) == 2 and parts[0] == "embed" else None
    elif parts == ["watch"]:
        values = parse_qs(query).get("v", [])
        candidate = values[0] if len(values) == 1 else None
    elif len(parts) == 2 and parts[0] in {"embed", "shorts", "live", "v"}:
        candidate = parts[1]
    else:
        candidate = None
    return candidate if candidate and YOUTUBE_ID.fullmatch(candidate) else None


def _vimeo(host: str, path: str) -> str | None:
    parts = _path_parts(path)
    if host == "player.vimeo.com":
        candidate = parts[1] if len(parts) == 2 and parts[0] == "video" else None
    elif len(parts) == 1:
        candidate = parts[0]
    elif len(parts) == 2 and parts[0] == "video":
        candidate = parts[1]
    else:
        candidate = None
    return candidate if candidate and VIMEO_ID.fullmatch(candidate) else None


def parse_video_url(url: str) -> Video | None:
    """Return the provider and id of a YouTube or Vimeo address, or None for anything else."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    if parts.scheme not in {"http", "https"} or parts.username or parts.password:
        return None
    try:
        if parts.port not in {None, 80, 443}:
            return None
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if host in YOUTUBE_HOSTS | YOUTUBE_NOCOOKIE_HOSTS | {"youtu.be"}:
        video_id = _youtube(host, parts.path, parts.query)
        return Video(YOUTUBE, video_id) if video_id else None
    if host in VIMEO_HOSTS | {"player.vimeo.com"}:
        video_id = _vimeo(host, parts.path)
        return Video(VIMEO, video_id) if video_id else None
    return None


def validate_video_url(value: str) -> None:
    if parse_video_url(value) is None:
        raise ValidationError(
            _(
                "Indsæt adressen på filmen hos YouTube eller Vimeo, fx "
                "https://www.youtube.com/watch?v=… eller https://vimeo.com/…. "
                "Film fra andre tjenester kan ikke vises."
            ),
            code="provider",
        )
