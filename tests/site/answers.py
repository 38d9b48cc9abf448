"""How a page must answer input it cannot use."""


def get_without_cookies(client, url: str):
    """GET ``url`` as a visitor, following redirects: a 200 that hands out no cookie.

    Django keeps the cookies a response sets in ``response.cookies`` (never among its
    headers), and the test client collects every cookie it was given along the way.
    """
    response = client.get(url, follow=True)

    assert response.status_code == 200, url
    assert not response.cookies, f"{url} set {list(response.cookies)}"
    assert not client.cookies, f"{url} handed out {list(client.cookies)}"
    return response
