"""A readable page for a small RDF description (the vocabulary, the dataset's VoID): each
resource a section, its statements a table, IRIs shortened by the graph's prefixes."""

from html import escape

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from app.web.html import page


def _short(g: Graph, term: Node) -> str:
    if isinstance(term, URIRef):
        try:
            name = g.namespace_manager.normalizeUri(term)
        except ValueError:
            name = str(term)
        return f'<a href="{escape(str(term))}">{escape(name)}</a>'
    if isinstance(term, Literal):
        return escape(str(term))
    return escape(term.n3())


def described(title: str, intro: str, g: Graph) -> str:
    sections = []
    for subject in sorted(set(g.subjects()), key=str):
        statements = sorted(g.predicate_objects(subject), key=lambda po: (str(po[0]), str(po[1])))
        rows = "".join(f"<tr><th>{_short(g, p)}</th><td>{_short(g, o)}</td></tr>" for p, o in statements)
        sections.append(f"<h2 id=\"{escape(str(subject).rsplit('#', 1)[-1])}\">{_short(g, subject)}</h2>"
                        f"<table>{rows}</table>")
    same_columns = "<style>table{table-layout:fixed}th{width:14rem}td{overflow-wrap:anywhere}</style>"
    return page(title, same_columns + f"<h1>{escape(title)}</h1><p>{escape(intro)}</p>" + "".join(sections))
