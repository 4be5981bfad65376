"""Small, readable HTML views for people who open an entity URI in a browser."""

from html import escape
from pathlib import Path
from typing import Any

from app.model.responses import CitationOut, EntityOut, FactDetail, RelationshipOut, SourceOut

STYLE = """body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{margin-bottom:0}.type{color:#666}table{border-collapse:collapse;width:100%}
td,th{border-top:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}
blockquote{margin:.2rem 0;padding-left:.6rem;border-left:3px solid #c9a227;color:#444}
.meta{color:#666;font-size:.9em}a{color:#1a5fb4}"""


def page(title: str, body: str) -> str:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>{body}"
            f'<p class="meta"><a href="/">Graph browser</a> · <a href="/docs">API</a> · '
            f'<a href="/.well-known/void">Dataset description</a></p></body></html>')


def _citations(citations: list[CitationOut]) -> str:
    items = []
    for c in citations:
        who = f" — attributed to {_link(c.attributed_to)}" if c.attributed_to else ""
        items.append(f'<blockquote>“{escape(c.quote)}”</blockquote><div class="meta">'
                     f'{_link(c.source)} · {escape(c.mode)}{who} · confidence {c.confidence:g}</div>')
    return "".join(items)


def _link(ident: str, label: str | None = None) -> str:
    return f'<a href="/id/{escape(ident)}">{escape(label or ident)}</a>'


def _value(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(escape(str(v)) for v in value)
    return escape(str(value))


def _relationship(rel: RelationshipOut) -> str:
    arrow = "→" if rel.direction == "out" else "←"
    dates = " ".join(x for x in (rel.valid_from, rel.valid_to, rel.date_text) if x)
    props = "".join(f"<div>{escape(k)}: {_value(v)}</div>" for k, v in rel.properties.items())
    return (f"<tr><td>{escape(rel.type)} {arrow}</td><td>{_link(rel.other.id, rel.other.name)} "
            f'<span class="type">{escape(rel.other.type)}</span>{props}'
            f'<div class="meta">{escape(dates)}</div></td><td>{_citations(rel.citations)}</td></tr>')


def entity_fragment(entity: EntityOut) -> str:
    facts = [("status", (entity.status or "").replace("_", " ")), ("aliases", ", ".join(entity.aliases)),
             *entity.names.items(), *entity.identifiers.items(), *entity.properties.items()]
    stages = "".join(f"<li><strong>{escape(s.stage.replace('_', ' '))}</strong> · "
                     f"{escape(s.date or s.date_text or 'undated')}{_citations([s.citation])}</li>"
                     for s in entity.lifecycle)
    rows = "".join(f"<tr><th>{escape(k)}</th><td>{_value(v)}</td></tr>" for k, v in facts if v)
    rels = "".join(_relationship(r) for group in entity.relationships.values() for r in group)
    return (
        f'<h1>{escape(entity.name)}</h1><p class="type">{escape(entity.type)} · '
        f"<code>{escape(entity.id)}</code></p><p>{escape(entity.description or '')}</p>"
        f"<table>{rows}</table>" + (f"<h2>Lifecycle</h2><ol>{stages}</ol>" if stages else "")
        + f"<h2>Sources for this entity</h2>{_citations(entity.citations)}"
        f"<h2>Relationships</h2><table><tr><th>type</th><th>with</th><th>sources</th></tr>{rels}</table>"
        f'<p class="meta">Also as <a href="?format=ttl">Turtle</a>, <a href="?format=jsonld">JSON-LD</a>, '
        f'<a href="?format=nt">N-Triples</a>, <a href="?format=xml">RDF/XML</a>, '
        f'<a href="?format=json">JSON</a>.</p>')


def source_page(source: SourceOut) -> str:
    facts = "".join(f"<li>{_link(f.from_entity.id, f.from_entity.name)} {escape(f.type)} "
                    f"{_link(f.to_entity.id, f.to_entity.name)}</li>" for f in source.relationships)
    return page(source.title or source.id, (
        f"<h1>{escape(source.title or source.id)}</h1><p class='type'>{escape(source.kind)} · "
        f"{escape(source.publisher or 'publisher unknown')} · {escape(source.published or 'date unknown')}"
        f"</p><p class='meta'>{escape(source.content_hash)}</p>"
        f"<h2>Facts citing it</h2><ul>{facts}</ul><h2>Text</h2>"
        + "".join(f"<p>{escape(p)}</p>" for p in source.text.split("\n") if p.strip())))


BROWSER = Path(__file__).resolve().parent / "static" / "browser.html"
NOSCRIPT = "<noscript><style>.static-view{display:block;padding:1rem}</style></noscript>"


def browser_page(fragment: str) -> str:
    """The graph browser, with a readable description inside for crawlers and no-JS readers."""
    shell = BROWSER.read_text(encoding="utf-8")
    return shell.replace("{{STATIC_VIEW}}", NOSCRIPT + fragment)


def preview_card(entity: EntityOut, links: int = 3) -> str:
    """The small card OpenRefine shows on hover: name, type, description, a few
    relationships and the first citation."""
    rels = [r for group in entity.relationships.values() for r in group][:links]
    items = "".join(f"<li>{escape(r.type)} {'→' if r.direction == 'out' else '←'} "
                    f"{escape(r.other.name)}</li>" for r in rels)
    quote = (f'<blockquote>“{escape(entity.citations[0].quote)}”</blockquote>'
             if entity.citations else "")
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><style>{STYLE}'
            "body{margin:.4rem;font-size:14px}</style></head><body>"
            f'<strong>{escape(entity.name)}</strong> <span class="type">{escape(entity.type)}</span>'
            f"<p>{escape(entity.description or '')}</p><ul>{items}</ul>{quote}</body></html>")


def fact_page(fact: FactDetail) -> str:
    """One fact for a person: who, what, whom, when, and the words it rests on."""
    dates = " ".join(x for x in (fact.valid_from, fact.valid_to, fact.date_text) if x)
    props = "".join(f"<tr><th>{escape(k)}</th><td>{_value(v)}</td></tr>" for k, v in fact.properties.items())
    body = (f"<h1>{_link(fact.from_entity.id, fact.from_entity.name)} {escape(fact.type)} "
            f"{_link(fact.to_entity.id, fact.to_entity.name)}</h1><p class=\"type\">fact · "
            f"<code>{escape(fact.id)}</code></p><p class=\"meta\">{escape(dates)}</p>"
            f"<table>{props}</table><h2>Sources for this fact</h2>{_citations(fact.citations)}")
    return page(f"{fact.from_entity.name} {fact.type} {fact.to_entity.name}", body)
