"""The one namespace module: every IRI the RDF mapping uses. Which standard term stands for
a type, relationship or property is data, in `graph/schema/` (`rdf_class`, `rdf_predicate`)."""

import re
from dataclasses import dataclass
from functools import cache, cached_property

from rdflib import Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SH, TIME, VOID, XSD


@cache
def _term(namespace: str, name: str) -> URIRef:
    return URIRef(namespace + name)


class TermNamespace(Namespace):
    """A Namespace that makes each term once and keeps it as an attribute: a dump asks for
    the same few terms millions of times, and rdflib builds a new URIRef on every access."""

    def term(self, name: str) -> URIRef:
        return _term(str(self), name)

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):  # as rdflib's: no dunder is a term
            raise AttributeError(name)
        self.__dict__[name] = term = self.term(name)  # found without __getattr__ next time
        return term


SCHEMA = TermNamespace("https://schema.org/")
ORG = TermNamespace("http://www.w3.org/ns/org#")
WD = TermNamespace("http://www.wikidata.org/entity/")


__all__ = ["DCAT", "DCTERMS", "FOAF", "ORG", "OWL", "PROV", "RDF", "RDFS", "SCHEMA", "SH",
           "TIME", "VOID", "WD", "XSD", "Base", "base_for", "camel", "curie"]
# The prefixes the schema files may use in rdf_class and rdf_predicate.
# FOAF as a plain Namespace: its rdflib class is a closed term list, typed differently.
SCHEMA_PREFIXES = {"schema": SCHEMA, "org": ORG, "foaf": Namespace(str(FOAF))}

# Organization kinds that make a schema:GovernmentOrganization.
GOVERNMENT_KINDS = {"government", "government_agency", "ministry"}


def camel(name: str, upper_first: bool = False) -> str:
    """PARTY_TO -> partyTo; iso_alpha2 -> isoAlpha2."""
    parts = [p for p in re.split(r"_+", name.lower()) if p]
    head, tail = parts[0], "".join(p.title() for p in parts[1:])
    return (head.title() if upper_first else head) + tail


@cache
def curie(text: str) -> URIRef:
    """"org:holds" -> the full IRI; the prefix must be one the schema may use."""
    prefix, _, local = text.partition(":")
    if prefix not in SCHEMA_PREFIXES or not local:
        raise ValueError(f"{text!r} is not a term of {', '.join(SCHEMA_PREFIXES)}")
    return SCHEMA_PREFIXES[prefix][local]


@dataclass(frozen=True)
class Base:
    """The IRIs minted under one base URI."""

    base: str

    @cached_property  # one namespace, so the terms it keeps are kept across calls
    def vocab(self) -> TermNamespace:
        return TermNamespace(f"{self.base}/vocab#")

    def entity(self, ident: str) -> str:
        return f"{self.base}/id/{ident}"

    def fact(self, ident: str) -> str:
        return f"{self.base}/fact/{ident}"

    def graph(self, source_id: str) -> str:
        return f"{self.base}/graph/{source_id}"

    @property
    def dataset(self) -> str:
        return f"{self.base}/.well-known/void#dataset"


@cache
def base_for(base_uri: str) -> Base:
    return Base(base_uri.rstrip("/"))
