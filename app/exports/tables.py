"""A zip of nodes.csv and edges.csv, streamed: Gephi's spreadsheet import takes both as
they are (Id, Label, Type; Source, Target, Type, Label), and so does any spreadsheet."""

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator

from app.exports.rows import EDGE_FIELDS, NODE_FIELDS, Page


class _Sink(io.RawIOBase):
    """Where the zip writes: bytes wait here until the stream takes them."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.chunks.append(bytes(data))
        return len(data)

    def drain(self) -> bytes:
        out, self.chunks = b"".join(self.chunks), []
        return out


def csv_zip(pages: Iterable[Page]) -> Iterator[bytes]:
    """nodes.csv then edges.csv (the pages come in that order), a page at a time."""
    sink = _Sink()
    archive = zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED)  # non-seekable: streamed entries
    member, writer, current = None, None, ""
    for kind, rows in pages:
        if kind != current:
            if member is not None:
                member.close()
            name, fields = ("nodes.csv", NODE_FIELDS) if kind == "nodes" else ("edges.csv", EDGE_FIELDS)
            member = io.TextIOWrapper(archive.open(name, "w", force_zip64=True), encoding="utf-8",
                                      newline="")
            writer = csv.DictWriter(member, fieldnames=fields)
            writer.writeheader()
            current = kind
        assert writer is not None
        writer.writerows(rows)
        member.flush()  # type: ignore[union-attr]
        yield sink.drain()
    if member is not None:
        member.close()
    archive.close()
    yield sink.drain()
