"""A keep-alive HTTP/1.1 client on a bare socket, for the latency phase."""

import socket
from urllib.parse import urlsplit


class Client:
    """A keep-alive HTTP/1.1 client on a bare socket, so the latency phase measures the
    server, not the client. The standard library's http.client parses every response's
    headers with the email package, a cost it would add to the API's column
    (bench/README.md). This reads the status line and Content-Length and nothing else;
    our API always sends one."""

    def __init__(self, base: str) -> None:
        parts = urlsplit(base)
        self.address = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.host = f"{self.address[0]}:{self.address[1]}".encode()
        self.sock: socket.socket | None = None
        self.pending = b""
        self.body = b""

    def get(self, path: str) -> int:
        """GET `path`; the status, with the body left in `self.body`."""
        try:
            return self._get(path)
        except ConnectionError:  # EmptyReply included
            # The server may close a keep-alive connection left idle by a slow raw query.
            self.close()
            return self._get(path)

    def _get(self, path: str) -> int:
        if self.sock is None:
            self.sock = socket.create_connection(self.address, timeout=60)
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.pending = b""
        self.sock.sendall(b"GET " + path.encode() + b" HTTP/1.1\r\nHost: " + self.host + b"\r\n\r\n")
        data = self.pending
        while (end := data.find(b"\r\n\r\n")) < 0:
            data += self._recv()
        head, rest = data[:end], data[end + 4:]
        status = int(head[9:12])
        length = content_length(head)
        while len(rest) < length:
            rest += self._recv()
        self.body, self.pending = rest[:length], rest[length:]
        return status

    def _recv(self) -> bytes:
        assert self.sock is not None
        chunk = self.sock.recv(1 << 16)
        if not chunk:
            raise EmptyReply
        return chunk

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class EmptyReply(ConnectionError):
    """The server closed the connection."""


def content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
    raise RuntimeError(f"no Content-Length in the answer: {head[:200]!r}")
