"""Record the response examples /docs shows, from the seed story on a private database.

    .venv/bin/python scripts/record_examples.py    # writes app/api/examples/responses.json

Each GET is called with its parameters' own examples, once per media type it declares;
the writes run on the private database with small bodies written here. Long lists keep
their first three items and long texts are cut, so /docs stays readable. Run it again
when an answer's shape changes: tests/test_docs.py checks every example against the
schema of the response it illustrates, and fails on a response with none.
"""

import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.main import create_app  # noqa: E402
from app.model.actors import Role  # noqa: E402
from app.exports.formats import EXPORTS  # noqa: E402
from app.rdf.formats import BY_MEDIA_TYPE  # noqa: E402
from app.store.db import open_graph  # noqa: E402
from app.store.schema_apply import apply_schema  # noqa: E402
from app.writes.keys import create_key  # noqa: E402
from app.writes.loader import load_seeds  # noqa: E402
from tests.conftest import SEEDS, settings_for, start_server  # noqa: E402
from tests.test_docs import HEADERS, example, filled  # noqa: E402

FORMAT_OF = {**{m: f.name for m, f in BY_MEDIA_TYPE.items()}, **{f.media_type: f.name for f in EXPORTS.values()}}
OUT = ROOT / "app" / "api" / "examples" / "responses.json"
TEXT_LIMIT = 1500
NOTICE = {"id": "example-press-release", "kind": "press_release", "title": "Agreement in force",
          "publisher": "Example Ministry of Security", "published": "2024-08-01",
          "text": "The agreement between Panama and the United States on deportations entered "
                  "into force on 1 August 2024. President José Raúl Mulino attended a ceremony "
                  "at the border post."}
CITE = {"source": NOTICE["id"], "confidence": 1.0, "mode": "asserted"}


def trimmed(value: Any) -> Any:
    if isinstance(value, list):
        return [trimmed(v) for v in value[:3]]
    if isinstance(value, dict):
        return {k: trimmed(v) for k, v in value.items()}
    if isinstance(value, str) and len(value) > 400:
        return value[:400] + "…"
    return value


def body(answer: Any, media: str) -> Any:
    if media == "application/zip":
        return "(a zip archive: nodes.csv and edges.csv)"
    if "json" in media and "ndjson" not in media:
        return trimmed(answer.json())
    text = answer.text
    if len(text) <= TEXT_LIMIT:
        return text
    cut = text.rfind("\n", 0, TEXT_LIMIT)
    return text[:cut + 1] + ("# … cut for the documentation\n" if media != "text/html" else "<!-- … -->")


def gets(client: TestClient, spec: dict[str, Any], key: dict[str, str],
         given: dict[str, str]) -> dict[str, Any]:
    out = {}
    for path, ops in spec["paths"].items():
        op = ops.get("get")
        if op is None:
            continue
        params = [p for p in op.get("parameters", []) if p["name"].lower() not in HEADERS]
        query = {p["name"]: example(p) for p in params if p["in"] == "query"}
        url = filled(path, {p["name"]: given.get(p["name"], example(p)) for p in params})
        for media in op["responses"].get("200", {}).get("content", {}):
            # Accept chooses the media type: a `format` example would override it.
            asked = {k: v for k, v in query.items() if k != "format"}
            answer = client.get(url, params=asked, headers={"Accept": media, **key})
            if not answer.headers.get("content-type", "").startswith(media) and media in FORMAT_OF:
                asked["format"] = FORMAT_OF[media]  # /export and /subgraph go by format alone
                answer = client.get(url, params=asked, headers=key)
            if answer.status_code == 200 and answer.headers["content-type"].startswith(media):
                out[f"get {path} 200 {media}"] = body(answer, media)
    return out


def writes(client: TestClient, key: dict[str, str], ingest_id: str) -> dict[str, Any]:
    agreement = "us-panama-deportation-agreement-2024"
    stage = {"stage": "in_force", "date": "2024-08-01",
             "citation": {**CITE, "quote": "entered into force on 1 August 2024"}}
    ceremony = {"id": "example-border-ceremony", "type": "Event", "name": "Ceremony at the border post",
                "properties": {"kind": "signing"},
                "citations": [{**CITE, "quote": "a ceremony at the border post", "fields": ["name", "kind"]}]}
    attended = {"type": "ATTENDED", "from": "jose-raul-mulino", "to": ceremony["id"],
                "citations": [{**CITE, "quote": "José Raúl Mulino attended a ceremony"}]}
    calls = [("post /sources 201", "post", "/sources", NOTICE),
             ("patch /sources/{source_id} 200", "patch", f"/sources/{NOTICE['id']}", {"language": "en"}),
             ("post /entities 201", "post", "/entities", ceremony),
             ("patch /entities/{entity_id} 200", "patch", f"/entities/{agreement}", {"lifecycle": [stage]}),
             ("post /relationships 201", "post", "/relationships", attended),
             ("patch /relationships/{rel_id} 200", "patch", "/relationships/jose-raul-mulino--attended--"
              + ceremony["id"], {"date_text": "1 August 2024", "citations": attended["citations"]}),
             ("post /keys 201", "post", "/keys", {"name": "desk editor", "role": "editor"}),
             ("post /ingest/{ingest_id}/review 200", "post", f"/ingest/{ingest_id}/review", {})]
    out = {}
    for name, method, url, payload in calls:
        answer = client.request(method, url, json=payload, headers=key)
        assert answer.status_code == int(name.split()[-1]), (name, answer.text)
        out[f"{name} application/json"] = trimmed(answer.json())
    return out


def record() -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="examples-"))
    server = start_server(folder)
    try:
        graph = open_graph(settings_for(server))
        apply_schema(graph)
        load_seeds(graph, SEEDS)
        key = {"Authorization": f"Bearer {create_key(graph, 'docs admin', Role.admin)[0]}"}
        graph.close()
        with TestClient(create_app(settings_for(server))) as client:
            spec = client.get("/openapi.json").json()
            text = spec["components"]["schemas"]["IngestIn"]["properties"]["text"]["examples"][0]
            posted = client.post("/ingest", json={"text": text}, headers=key)
            # A snapshot's id comes from its content's hash: make one, and show that one.
            frozen = client.post("/snapshots", json={"ids": ["us-panama-deportation-agreement-2024"],
                                                     "depth": 1, "title": "The graph behind the story"},
                                 headers=key)
            examples = gets(client, spec, key, {"snapshot_id": frozen.json()["id"]})
            examples["post /snapshots 201 application/json"] = trimmed(frozen.json())
            examples["post /ingest 201 application/json"] = trimmed(posted.json())
            examples.update(writes(client, key, posted.json()["id"]))
        return examples
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    text = json.dumps(record(), indent=1, ensure_ascii=False, sort_keys=True)
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
