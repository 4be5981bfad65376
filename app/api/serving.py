"""How uvicorn serves the app: trusted proxies, connection limits, and a read deadline.

uvicorn closes idle keep-alive connections, but has no deadline for a request that is
still arriving: a client that drips its headers or body a byte at a time holds its
connection for as long as it likes. `ReadDeadlineProtocol` gives each request
`request_read_timeout_seconds` from its first byte to its last, then closes the
connection; `limit_concurrency` bounds how many are open at once (beyond it, a 503).
"""

from asyncio import TimerHandle, Transport
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from app.settings import Settings, get_settings


class ReadDeadlineProtocol(HttpToolsProtocol):
    """The read timeout comes from the environment's settings, which every uvicorn worker
    process reads alike (uvicorn imports this class by name in each); `protocol_for`
    fixes another value for a server in this process."""

    read_timeout: float | None = None
    _deadline: TimerHandle | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.read_timeout is None:
            self.read_timeout = get_settings().request_read_timeout_seconds

    def _arm(self) -> None:
        if self._deadline is None and self.read_timeout is not None:
            self._deadline = self.loop.call_later(self.read_timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport: Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


def protocol_for(settings: Settings) -> type[ReadDeadlineProtocol]:
    """The protocol with `settings`' read timeout, for a server running in this process."""
    return type("ReadDeadline", (ReadDeadlineProtocol,),
                {"read_timeout": settings.request_read_timeout_seconds})


def uvicorn_options(settings: Settings, in_process: bool = False) -> dict[str, Any]:
    """Keyword arguments for `uvicorn.run` and `uvicorn.Config`. Worker processes get the
    protocol by name (it must pickle); `in_process` servers may get `settings`' own."""
    return {
        "http": protocol_for(settings) if in_process else ReadDeadlineProtocol,
        "limit_concurrency": settings.max_connections,
        # X-Forwarded-For and -Proto only from the proxies named; none by default.
        "proxy_headers": bool(settings.trusted_proxies),
        "forwarded_allow_ips": settings.trusted_proxies or None,
    }
