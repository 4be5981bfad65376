"""N-Triples and N-Quads written term by term, for the dumps: the Emitter adds each triple
to a sink here, which writes it at once, with no rdflib graph, store or index between.
Its terms come as N-Triples text already (rdf/terms.py, LineTerms), except the vocabulary's
constants, rdflib terms formatted here once a page. The escaping is N-Triples' own (ECHAR
in literals, UCHAR for what an IRI may not hold); tests/test_rdf.py compares every dump
with rdflib's, line for line."""

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
    """A page's lines; `graph(name)` is the sink the Emitter adds a named graph's triples to.
    N-Quads name the graph on each line; TriG (`blocks`) gathers each graph's triples into
    one `<graph> { ... }` block; N-Triples, and Turtle (a superset), drop the graph."""

    def __init__(self, quads: bool, graph_iri: Callable[[str], str], blocks: bool = False) -> None:
        self.lines: list[str] = []
        self.quads = quads and not blocks
        self.blocks: dict[str, list[str]] | None = {} if blocks else None
        self.graph_iri = graph_iri
        self._terms: dict[Node, str] = {}
        self._sinks: dict[str | None, _Sink] = {}

    def term(self, node: Node) -> str:
        """An rdflib term (the vocabulary's) formatted once a page."""
        done = self._terms.get(node)
        if done is None:
            done = self._terms[node] = format_term(node)
        return done

    def graph(self, source_id: str | None) -> "_Sink":
        sink = self._sinks.get(source_id)
        if sink is None:
            iri = escape_iri(self.graph_iri(source_id)) if source_id else ""
            lines = self.lines
            if self.blocks is not None and iri:
                lines = self.blocks.setdefault(iri, [])
            end = f" {iri} .\n" if self.quads and iri else " .\n"
            sink = self._sinks[source_id] = _Sink(self, lines, end)
        return sink

    def take(self) -> bytes:
        """The page's lines, each once (a fact citing one source twice derives from it twice,
        as rdflib's graph per page would also have kept once)."""
        out = "".join(dict.fromkeys(self.lines))
        for iri, lines in (self.blocks or {}).items():
            out += f"{iri} {{\n{''.join(dict.fromkeys(lines))}}}\n"
            lines.clear()
        self.lines.clear()  # in place: the sinks hold these very lists
        self._terms.clear()  # memory stays a page's worth
        return out.encode("utf-8")


class _Sink:
    __slots__ = ("end", "lines", "term")

    def __init__(self, owner: Lines, lines: list[str], end: str) -> None:
        self.lines, self.term, self.end = lines, owner.term, end

    def add(self, triple: tuple[Any, Any, Any]) -> None:
        """Subjects and objects come as text (LineTerms) or as the vocabulary's rdflib
        terms; predicates are always the vocabulary's."""
        s, p, o = triple
        term = self.term
        self.lines.append(f"{s if type(s) is str else term(s)} {term(p)} "
                          f"{o if type(o) is str else term(o)}{self.end}")


def escape_iri(iri: str) -> str:
    return f"<{iri.translate(_IRI)}>"


def escape_literal(text: str) -> str:
    return text.translate(_LITERAL)


def format_term(node: Node) -> str:
    """An rdflib term as N-Triples writes it."""
    if isinstance(node, URIRef):
        return escape_iri(str(node))
    if isinstance(node, Literal):
        text = f'"{str(node).translate(_LITERAL)}"'
        if node.language:
            return f"{text}@{node.language}"
        if node.datatype is not None and str(node.datatype) != XSD_STRING:
            return f"{text}^^<{node.datatype}>"
        return text
    raise ValueError(f"no blank nodes in a dump: {node!r}")
