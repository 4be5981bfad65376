"""N-Triples and N-Quads written term by term, for the dumps: the Emitter adds each triple
to a sink here, which formats it at once, with no rdflib graph, store or index between.
The escaping is N-Triples' own (ECHAR in literals, UCHAR for what an IRI may not hold);
tests/test_rdf.py parses every dump back with rdflib and compares the triple sets."""

from collections.abc import Callable
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

XSD_STRING = str(XSD.string)
_LITERAL = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
# What N-Triples forbids in an IRI, as \\u escapes (our IRIs rarely hold any).
_IRI = str.maketrans({c: f"\\u{ord(c):04X}" for c in '<>"{}|^`\\ '} | {c: f"\\u{c:04X}" for c in range(0x21)})


class Lines:
    """A page's lines; `graph(name)` is the sink the Emitter adds a named graph's triples to."""

    def __init__(self, quads: bool, graph_iri: Callable[[str], str]) -> None:
        self.lines: list[str] = []
        self.quads = quads
        self.graph_iri = graph_iri
        self._terms: dict[Node, str] = {}
        self._sinks: dict[str | None, _Sink] = {}

    def term(self, node: Node) -> str:
        """Formatted once per page and term: predicates, types and subjects repeat."""
        done = self._terms.get(node)
        if done is None:
            done = self._terms[node] = _format(node)
        return done

    def graph(self, source_id: str | None) -> "_Sink":
        sink = self._sinks.get(source_id)
        if sink is None:
            name = f" <{self.graph_iri(source_id).translate(_IRI)}>" if self.quads and source_id else ""
            sink = self._sinks[source_id] = _Sink(self, f"{name} .\n")
        return sink

    def take(self) -> bytes:
        """The page's lines, each once (a fact citing one source twice derives from it twice,
        as rdflib's graph per page would also have kept once)."""
        out = "".join(dict.fromkeys(self.lines))
        self.lines.clear()  # in place: the sinks hold this very list
        self._terms.clear()  # memory stays a page's worth
        return out.encode("utf-8")


class _Sink:
    __slots__ = ("end", "lines", "term")

    def __init__(self, owner: Lines, end: str) -> None:
        self.lines, self.term, self.end = owner.lines, owner.term, end

    def add(self, triple: tuple[Any, Any, Any]) -> None:
        s, p, o = triple
        self.lines.append(f"{self.term(s)} {self.term(p)} {self.term(o)}{self.end}")


def _format(node: Node) -> str:
    if isinstance(node, URIRef):
        return f"<{str(node).translate(_IRI)}>"
    if isinstance(node, Literal):
        text = f'"{str(node).translate(_LITERAL)}"'
        if node.language:
            return f"{text}@{node.language}"
        if node.datatype is not None and str(node.datatype) != XSD_STRING:
            return f"{text}^^<{node.datatype}>"
        return text
    raise ValueError(f"no blank nodes in a dump: {node!r}")
