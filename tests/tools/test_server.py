"""The tools measure the gunicorn they started, and refuse any other server."""

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tools.server import NotOurServer, fetcher, free_port, production_environment, serve

MINIMAL = "tools.minimal_app:application"


class AnswersOk(BaseHTTPRequestHandler):
    """Stands for a `make run` left open: it answers every path with 200."""

    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


@pytest.fixture
def other_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), AnswersOk)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()
    thread.join()


def test_a_free_port_can_be_bound():
    port = free_port()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))


def test_the_started_server_answers_as_itself():
    with serve(MINIMAL, production_environment(), workers=1) as server:
        assert fetcher(server.base)("/") == "ok"
        server.verify()


def test_another_server_on_the_port_is_refused(other_server):
    with (
        pytest.raises(NotOurServer, match="another server answers there"),
        serve(MINIMAL, production_environment(), workers=1, port=other_server),
    ):
        pytest.fail("the tool went on with a server it did not start")


def test_a_server_that_cannot_start_is_reported():
    with (
        pytest.raises(NotOurServer, match="exited with code"),
        serve("tools.no_such_module:application", production_environment(), workers=1),
    ):
        pytest.fail("the tool went on without a server")
