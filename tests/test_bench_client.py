"""The latency benchmark's bare-socket HTTP client: answers split across reads, bodies
by Content-Length, keep-alive, and a reconnect when the server closes the connection."""

import socket
import threading
from collections.abc import Iterator

import pytest

from bench.client import Client, content_length


def serve(listener: socket.socket, replies: list[list[bytes]]) -> None:
    """Answer one request per reply, each sent in the given pieces; a connection is
    closed after the reply whose last piece is empty."""
    replies = list(replies)
    while replies:
        conn, _ = listener.accept()
        with conn:
            while replies:
                request = b""
                while b"\r\n\r\n" not in request:
                    request += conn.recv(4096)
                pieces = replies.pop(0)
                for piece in pieces:
                    if piece:
                        conn.sendall(piece)
                if pieces[-1] == b"":
                    break


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    yield sock
    sock.close()


def test_split_answers_keep_alive_and_reconnect(listener: socket.socket) -> None:
    first = [b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ncontent-length: 12\r\n",
             b"\r\n{\"a\":", b" 12345}"]
    second = [b"HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\n{}", b""]  # then closes
    third = [b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"]
    thread = threading.Thread(target=serve, args=(listener, [first, second, third]), daemon=True)
    thread.start()
    port = listener.getsockname()[1]
    with Client(f"http://127.0.0.1:{port}") as client:
        assert client.get("/x") == 200 and client.body == b"{\"a\": 12345}"
        assert client.get("/y") == 404 and client.body == b"{}"
        assert client.get("/z") == 200 and client.body == b""  # on a new connection
    thread.join(timeout=5)
    assert not thread.is_alive()


def test_an_answer_without_content_length_is_refused() -> None:
    with pytest.raises(RuntimeError, match="Content-Length"):
        content_length(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked")
