"""Uploaded images in S3-compatible object storage, against a local S3 emulator (moto).

The emulator is a real HTTP server on a loopback port, so django-storages and boto3 talk
S3 over a socket exactly as they would to a bucket elsewhere.
"""

import io
import json
import socket
import urllib.request

import boto3
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from moto.server import ThreadedMotoServer
from PIL import Image

from news.models import NewsArticle
from portal.models import PublishStatus
from portal.settings import media_storage
from tests.themes.factories import ThemeFactory

pytestmark = pytest.mark.django_db

BUCKET = "portal-media"
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*",
        }
    ],
}
REGION = "eu-north-1"


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(buffer, "PNG")
    return buffer.getvalue()


PNG = png(3, 2)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def s3(settings):
    """Start an S3 emulator with an empty bucket; point the site's media storage at it."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    environ = {
        "DJANGO_MEDIA_STORAGE": "s3",
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": f"http://{host}:{port}",
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": "test-key",
        "AWS_SECRET_ACCESS_KEY": "test-secret",
    }
    # The emulator keeps its buckets per test process: start from none.
    reset = urllib.request.Request(  # noqa: S310
        f"{environ['AWS_S3_ENDPOINT_URL']}/moto-api/reset", method="POST"
    )
    urllib.request.urlopen(reset, timeout=5).close()  # noqa: S310
    client = boto3.client(
        "s3",
        endpoint_url=environ["AWS_S3_ENDPOINT_URL"],
        region_name=REGION,
        aws_access_key_id="test-key",
        aws_secret_access_key="test-secret",
    )
    client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
    # As in production: anyone may read the files, only the site's key may write them.
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ))
    storage, _origins = media_storage(environ)
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    try:
        yield client
    finally:
        client.close()
        server.stop()


def keys(client) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


def test_an_image_uploaded_in_the_admin_lands_in_the_bucket_with_its_size(admin_client, s3):
    response = admin_client.post(
        "/admin/news/newsarticle/add/",
        {
            "title_da": "Med billede",
            "slug": "med-billede",
            "status": PublishStatus.DRAFT,
            "published_on": "2021-06-01",
            "lead_da": "Manchet.",
            "body_da": "<p>Tekst.</p>",
            "image": SimpleUploadedFile("foto.png", PNG, content_type="image/png"),
            "image_alt_da": "Et lille billede",
        },
    )

    assert response.status_code == 302, response.context["adminform"].errors
    article = NewsArticle.objects.get(slug="med-billede")
    assert keys(s3) == [article.image.name]
    assert article.image.name.startswith("news/")
    assert (article.image_width, article.image_height) == (3, 2)
    assert article.image.url.startswith(f"{s3.meta.endpoint_url}/{BUCKET}/news/")
    with urllib.request.urlopen(article.image.url, timeout=5) as served:  # noqa: S310
        assert served.read() == PNG


def test_a_theme_image_is_read_back_measured_from_the_bucket_and_deleted(s3):
    theme = ThemeFactory(hero_alt="Boligområde")
    theme.hero_image.save("hero.png", SimpleUploadedFile("hero.png", PNG), save=True)
    name = theme.hero_image.name

    assert default_storage.exists(name)
    fresh = type(theme).objects.get(pk=theme.pk)
    fresh.hero_width = fresh.hero_height = None
    # Measured from the object in the bucket, as for a row saved before the fields existed.
    fresh._meta.get_field("hero_image").update_dimension_fields(fresh, force=True)
    assert (fresh.hero_width, fresh.hero_height) == (3, 2)

    fresh.hero_image.delete(save=True)

    assert keys(s3) == []
    assert type(theme).objects.get(pk=theme.pk).hero_image.name == ""


def test_a_second_upload_with_the_same_name_keeps_the_first(s3):
    first = default_storage.save("people/foto.png", SimpleUploadedFile("foto.png", PNG))
    second = default_storage.save("people/foto.png", SimpleUploadedFile("foto.png", PNG))

    assert first != second
    assert sorted(keys(s3)) == sorted([first, second])


def test_s3_without_a_bucket_stops_the_start():
    with pytest.raises(ImproperlyConfigured, match="AWS_STORAGE_BUCKET_NAME"):
        media_storage({"DJANGO_MEDIA_STORAGE": "s3"})


def test_the_media_origin_is_allowed_for_images_in_the_content_security_policy():
    _storage, origins = media_storage(
        {
            "DJANGO_MEDIA_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_CUSTOM_DOMAIN": "media.boligsocial.example.org",
        }
    )

    _storage, on_the_service = media_storage(
        {
            "DJANGO_MEDIA_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": "https://s3.example.net/",
        }
    )

    assert origins == ["https://media.boligsocial.example.org"]
    assert on_the_service == ["https://s3.example.net", f"https://{BUCKET}.s3.example.net"]
    assert media_storage({}) == (
        {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        [],
    )
