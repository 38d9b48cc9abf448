"""Editors paste a film's address from YouTube or Vimeo; anything else is refused in Danish."""

import pytest
from django.core.exceptions import ValidationError

from films.video import parse_video_url, validate_video_url


@pytest.mark.parametrize(
    ("url", "provider", "video_id"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s", "youtube", "dQw4w9WgXcQ"),
        ("http://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ?si=abc", "youtube", "dQw4w9WgXcQ"),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("  https://www.youtube.com/watch?v=eksempel001  ", "youtube", "eksempel001"),
        ("https://vimeo.com/76979871", "vimeo", "76979871"),
        ("https://www.vimeo.com/76979871/", "vimeo", "76979871"),
        ("https://player.vimeo.com/video/76979871?h=abc", "vimeo", "76979871"),
    ],
)
def test_youtube_and_vimeo_addresses_give_provider_and_id(url, provider, video_id):
    video = parse_video_url(url)

    assert (video.provider, video.video_id) == (provider, video_id)
    validate_video_url(url)  # no error


@pytest.mark.parametrize(
    "url",
    [
        "",
        "https://www.dailymotion.com/video/x7tgad0",
        "https://example.org/watch?v=dQw4w9WgXcQ",
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://evil.example/?u=https://youtu.be/dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&v=aaaaaaaaaaa",
        "https://www.youtube.com/watch",
        "https://www.youtube.com/channel/UC1234567890",
        "https://youtu.be/dQw4w9WgXcQ/extra",
        "https://www.youtube.com/watch?v=<script>xx",
        "javascript:alert(1)//youtu.be/dQw4w9WgXcQ",
        "ftp://youtu.be/dQw4w9WgXcQ",
        "https://user:pw@youtu.be/dQw4w9WgXcQ",
        "https://youtu.be:8080/dQw4w9WgXcQ",
        "https://youtu.be:99999/dQw4w9WgXcQ",
        "https://vimeo.com/channels/staffpicks",
        "https://vimeo.com/76979871abc",
        "https://player.vimeo.com/76979871",
        "https://[::1/",
    ],
)
def test_other_addresses_are_refused_in_danish(url):
    assert parse_video_url(url) is None
    with pytest.raises(ValidationError) as refused:
        validate_video_url(url)

    assert "YouTube eller Vimeo" in refused.value.messages[0]
    assert "Film fra andre tjenester kan ikke vises." in refused.value.messages[0]


def test_a_film_plays_from_the_privacy_enhanced_players():
    youtube = parse_video_url("https://youtu.be/dQw4w9WgXcQ")
    vimeo = parse_video_url("https://vimeo.com/76979871")

    assert youtube.embed_url == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert vimeo.embed_url == "https://player.vimeo.com/video/76979871?dnt=1"
    assert youtube.watch_url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert vimeo.watch_url == "https://vimeo.com/76979871"
