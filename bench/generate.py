"""A deterministic synthetic policy-actor graph in our real schema, with provenance.

Same seed, same graph. Degrees are heavy-tailed (preferential attachment over a
few hundred countries and agencies), every relationship cites a sentence of a
generated source, and about a third carry dates.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.schema.loader import get_schema
from app.store.codec import content_hash
from app.text import fold

SYLLABLES = ["al", "ba", "cor", "da", "el", "fer", "gu", "ha", "ir", "jo", "ka", "lo", "mar",
             "ne", "or", "pa", "qui", "ro", "sa", "tan", "ur", "va", "wen", "xi", "ya", "zu"]
TYPE_SHARE = [("Person", 0.34), ("Organization", 0.24), ("Policy", 0.1), ("Agreement", 0.05),
              ("Event", 0.1), ("Place", 0.06), ("Statement", 0.08), ("Statistic", 0.03)]
ENTITIES_PER_SOURCE = 1000
SENTENCES_PER_SOURCE = 200


@dataclass
class SyntheticGraph:
    sources: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    relationships: list[dict[str, Any]]


def _name(rng: random.Random, words: int = 2) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()
                    for _ in range(words))


def _cite(source: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    sentence = rng.choice(source["_sentences"])
    return {"cite_sources": [source["id"]], "cite_quotes": [sentence], "cite_confidences": [0.8],
            "cite_modes": ["asserted"], "cite_attributed_to": [""], "cite_fields": [""]}


def _props(label: str, rng: random.Random) -> dict[str, Any]:
    if label == "Organization":
        return {"kind": rng.choice(["government_agency", "ministry", "ngo", "media_outlet", "group"])}
    if label == "Policy":
        return {"instrument": rng.choice(["executive_action", "visa_rule", "enforcement_operation"]),
                "status": rng.choice(["announced", "in_force", "suspended"])}
    if label == "Agreement":
        return {"status": rng.choice(["announced", "signed", "in_force"])}
    if label == "Statement":
        return {"kind": "statement", "text": _name(rng, 6)}
    if label == "Statistic":
        return {"value": float(rng.randint(1, 10**6)), "unit": "people", "measures": "crossings"}
    return {}


def generate(n_entities: int, seed: int = 7, rels_per_entity: int = 5) -> SyntheticGraph:
    rng = random.Random(seed)
    schema = get_schema()
    sources = []
    for s in range(max(1, n_entities // ENTITIES_PER_SOURCE)):
        sentences = [f"Sentence {i} of report {s}: {_name(rng, 5)}." for i in range(SENTENCES_PER_SOURCE)]
        text = " ".join(sentences)
        sources.append({"id": f"synthetic-source-{s}", "_sentences": sentences, "props": {
            "id": f"synthetic-source-{s}", "kind": "report", "title": f"Synthetic report {s}",
            "text": text, "content_hash": content_hash(text)}})

    countries = min(250, max(5, n_entities // 400))
    labels = ["Country"] * countries
    rest = n_entities - countries
    for label, share in TYPE_SHARE:
        labels += [label] * int(rest * share)
    labels += ["Person"] * (n_entities - len(labels))
    entities = []
    for i, label in enumerate(labels):
        name = _name(rng, 2 if label in ("Person", "Country") else 3)
        aliases = [name.split()[-1]] if label == "Person" else []
        props = {"id": f"{label.lower()}-{i}", "type": label, "name": name, "aliases": aliases,
                 "search_text": " | ".join(aliases) or None,
                 "search_keys": sorted({fold(name), *(fold(a) for a in aliases)}),
                 **_props(label, rng), **_cite(sources[i % len(sources)], rng)}
        entities.append({"id": props["id"], "type": label,
                         "props": {k: v for k, v in props.items() if v is not None},
                         "recorded_at": None})

    by_label: dict[str, list[int]] = {}
    for i, e in enumerate(entities):
        by_label.setdefault(e["type"], []).append(i)
    pairs = [(t, f, to) for t, rel in schema.relationships.items()
             for f in rel.from_labels for to in rel.to_labels if f in by_label and to in by_label]
    degree = [1] * len(entities)
    rels: dict[str, dict[str, Any]] = {}
    start_day = date(2015, 1, 1)
    target_rels = n_entities * rels_per_entity
    attempts = 0
    while len(rels) < target_rels and attempts < target_rels * 3:
        attempts += 1
        rtype, f_label, t_label = rng.choice(pairs)
        a = rng.choice(by_label[f_label])
        pool = by_label[t_label]
        # Preferential attachment: sample a few, keep the best-connected (heavy tail).
        b = max((rng.choice(pool) for _ in range(3)), key=lambda j: degree[j])
        if a == b:
            continue
        fid = f"{entities[a]['id']}--{rtype.lower().replace('_', '-')}--{entities[b]['id']}"
        if fid in rels:
            continue
        degree[b] += 1
        props: dict[str, Any] = {"id": fid, **_cite(sources[a % len(sources)], rng)}
        if rtype == "RELIES_ON":
            props["purpose"] = "reduce crossings"
        if rng.random() < 0.3:
            begin = start_day + timedelta(days=rng.randint(0, 3000))
            props["valid_from"] = begin
            if rng.random() < 0.5:
                props["valid_to"] = begin + timedelta(days=rng.randint(30, 1500))
        rels[fid] = {"id": fid, "type": rtype, "from": entities[a]["id"], "to": entities[b]["id"],
                     "props": props, "recorded_at": None}
    for s in sources:
        del s["_sentences"]
    return SyntheticGraph(sources, entities, list(rels.values()))
