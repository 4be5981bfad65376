"""GEXF 1.3 and GraphML, written as the pages come (a networkx graph of millions of edges
would not fit the flat-memory rule). Types are a node attribute Gephi can partition on,
and a dated edge carries `start` and `end`, so Gephi's timeline works."""

from collections.abc import Callable, Iterable, Iterator
from xml.sax.saxutils import escape, quoteattr

from app.exports.rows import Page

NODE_ATTRS = ("Type", "aliases", "identifiers", "description")
EDGE_ATTRS = ("Type", "quote", "source", "confidence")

GEXF_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
<meta><creator>Migration news graph</creator><description>Entities and cited relationships\
</description></meta>
<graph defaultedgetype="directed" mode="dynamic" timeformat="date">
<attributes class="node">{nodes}</attributes>
<attributes class="edge">{edges}</attributes>
"""


def _declare(names: Iterable[str], prefix: str) -> str:
    kinds = {"confidence": "double"}
    return "".join(f'<attribute id="{prefix}{i}" title="{name}" type="{kinds.get(name, "string")}"/>'
                   for i, name in enumerate(names))


def _values(row: dict[str, str], names: tuple[str, ...], prefix: str) -> str:
    return "".join(f'<attvalue for="{prefix}{i}" value={quoteattr(row[name])}/>'
                   for i, name in enumerate(names) if row[name] != "")


def _gexf_node(row: dict[str, str]) -> str:
    return (f'<node id={quoteattr(row["Id"])} label={quoteattr(row["Label"])}><attvalues>'
            f'{_values(row, NODE_ATTRS, "n")}</attvalues></node>\n')


def _gexf_edge(row: dict[str, str]) -> str:
    dates = "".join(f" {attr}={quoteattr(row[key])}" for attr, key in (("start", "valid_from"),
                                                                    ("end", "valid_to")) if row[key])
    return (f'<edge id={quoteattr(row["Id"])} source={quoteattr(row["Source"])} '
            f'target={quoteattr(row["Target"])} label={quoteattr(row["Label"])}{dates}><attvalues>'
            f'{_values(row, EDGE_ATTRS, "e")}</attvalues></edge>\n')


def gexf(pages: Iterable[Page]) -> Iterator[bytes]:
    yield GEXF_HEAD.format(nodes=_declare(NODE_ATTRS, "n"), edges=_declare(EDGE_ATTRS, "e")).encode()
    yield from _sections(pages, "<nodes>\n", "</nodes>\n<edges>\n", _gexf_node, _gexf_edge)
    yield b"</edges>\n</graph>\n</gexf>\n"


GRAPHML_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns \
http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
{keys}
<graph edgedefault="directed">
"""
GRAPHML_NODE = ("Label", *NODE_ATTRS)
GRAPHML_EDGE = ("Label", *EDGE_ATTRS, "valid_from", "valid_to")


def _keys() -> str:
    kinds = {"confidence": "double"}
    nodes = [f'<key id="n{i}" for="node" attr.name="{n}" attr.type="string"/>'
             for i, n in enumerate(GRAPHML_NODE)]
    edges = [f'<key id="e{i}" for="edge" attr.name="{n}" attr.type="{kinds.get(n, "string")}"/>'
             for i, n in enumerate(GRAPHML_EDGE)]
    return "\n".join(nodes + edges)


def _data(row: dict[str, str], names: tuple[str, ...], prefix: str) -> str:
    return "".join(f'<data key="{prefix}{i}">{escape(row[n])}</data>'
                   for i, n in enumerate(names) if row[n] != "")


def _graphml_node(row: dict[str, str]) -> str:
    return f'<node id={quoteattr(row["Id"])}>{_data(row, GRAPHML_NODE, "n")}</node>\n'


def _graphml_edge(row: dict[str, str]) -> str:
    return (f'<edge id={quoteattr(row["Id"])} source={quoteattr(row["Source"])} '
            f'target={quoteattr(row["Target"])}>{_data(row, GRAPHML_EDGE, "e")}</edge>\n')


def graphml(pages: Iterable[Page]) -> Iterator[bytes]:
    yield GRAPHML_HEAD.format(keys=_keys()).encode()
    yield from _sections(pages, "", "", _graphml_node, _graphml_edge)
    yield b"</graph>\n</graphml>\n"


def _sections(pages: Iterable[Page], open_nodes: str, nodes_to_edges: str,
              node: Callable[[dict[str, str]], str],
              edge: Callable[[dict[str, str]], str]) -> Iterator[bytes]:
    """Nodes then edges, each page as one chunk; the section markers between them."""
    yield open_nodes.encode()
    in_edges = False
    for kind, rows in pages:
        if kind == "edges" and not in_edges:
            yield nodes_to_edges.encode()
            in_edges = True
        yield "".join(map(edge if kind == "edges" else node, rows)).encode()
    if not in_edges:
        yield nodes_to_edges.encode()
