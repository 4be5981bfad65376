"""The one namespace module: every IRI the RDF mapping uses, and the few standard
predicates that replace our own vocabulary where one fits exactly."""

import re
from dataclasses import dataclass
from functools import cache

from rdflib import Namespace
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SH, TIME, VOID, XSD

SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
WD = Namespace("http://www.wikidata.org/entity/")

__all__ = ["DCAT", "DCTERMS", "FOAF", "ORG", "OWL", "PROV", "RDF", "RDFS", "SCHEMA", "SH",
           "TIME", "VOID", "WD", "XSD", "Base", "base_for", "camel"]

# Relationship types with a standard predicate of the same direction and meaning.
STANDARD_PREDICATES = {
    "HOLDS_POST": ORG.holds,
    "POST_IN": ORG.postIn,
    "PART_OF": ORG.subOrganizationOf,
    "LOCATED_IN": SCHEMA.containedInPlace,
    "ABOUT": SCHEMA.about,
}
# Entity properties with a standard predicate.
STANDARD_PROPERTIES = {
    "description": SCHEMA.description,
    "summary": SCHEMA.abstract,
    "text": SCHEMA.text,
    "date": SCHEMA.startDate,
    "value": SCHEMA.value,
    "unit": SCHEMA.unitText,
}
# Organization kinds that make a schema:GovernmentOrganization.
GOVERNMENT_KINDS = {"government", "government_agency", "ministry"}


def camel(name: str, upper_first: bool = False) -> str:
    """PARTY_TO -> partyTo; iso_alpha2 -> isoAlpha2."""
    parts = [p for p in re.split(r"_+", name.lower()) if p]
    head, tail = parts[0], "".join(p.title() for p in parts[1:])
    return (head.title() if upper_first else head) + tail


@dataclass(frozen=True)
class Base:
    """The IRIs minted under one base URI."""

    base: str

    @property
    def vocab(self) -> Namespace:
        return Namespace(f"{self.base}/vocab#")

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
