"""A loopback port in front of a real service, which either passes traffic through or hangs.

Hanging, it accepts connections and never answers, and drops what arrives on the
connections it already carries: a server that is up as far as TCP goes and never
replies. Resumed, it connects new clients to the real service again.

A connection left hanging is cut after ``limit`` seconds, so that code without a
timeout fails its test instead of hanging the suite.
"""

import contextlib
import socket
import threading
import time


class Blackhole:
    def __init__(self, target: tuple[str, int], limit: float = 10.0) -> None:
        self.target, self.limit = target, limit
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=64)
        self.port = self.listener.getsockname()[1]
        self.hanging = threading.Event()
        self.accepted = 0
        # Chunks dropped on connections carried before the hang began.
        self.dropped = 0
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def hang(self) -> None:
        self.hanging.set()

    def resume(self) -> None:
        self.hanging.clear()

    def close(self) -> None:
        self._closed = True
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in [self.listener, *sockets]:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _keep(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)

    def _cut_later(self, *sockets: socket.socket) -> None:
        def cut():
            for sock in sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

        timer = threading.Timer(self.limit, cut)
        timer.daemon = True
        timer.start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            self.accepted += 1
            self._keep(client)
            if self.hanging.is_set():
                self._cut_later(client)  # held open, never read, never answered
                continue
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            self._keep(server)
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                if self.hanging.is_set():
                    self.dropped += 1
                    self._cut_later(source, sink)
                else:
                    sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)


def service_answers(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


NOT_FOUND = "/findes-ikke/"


def one_page_of_each_kind() -> list[str]:
    """Make content and return one public address of each page type, and a 404."""
    from tests.activities.factories import ActivityFactory
    from tests.news.factories import NewsArticleFactory
    from tests.projects.factories import ProjectFactory
    from tests.themes.factories import ThemeFactory

    project = ProjectFactory(title="Praktikpladser")
    theme = ThemeFactory(title="Beskæftigelse", projects=[project])
    ActivityFactory(name="Lektiecafé")
    NewsArticleFactory(title="Ny rapport")
    return [
        "/",
        "/nu-undersoeger-vi/",
        f"/nu-undersoeger-vi/{project.slug}/",
        f"/temaer/{theme.slug}/",
        "/aktiviteter/",
        "/nyheder/",
        NOT_FOUND,
    ]


def timed_get(client, path: str):
    """Return the answer and the seconds it took."""
    start = time.monotonic()
    response = client.get(path)
    return response, time.monotonic() - start
