"""The journalist's questions, answered by the API on the seed graph, every answer cited."""

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.errors import QueryTimeout
from app.model.params import FAR_FUTURE
from app.reads.explore import find_paths
from app.settings import Settings
from app.store.cypher import QUERY_DIR, UnknownQuery, load, load_bounded
from app.store.db import Graph, open_graph
from app.writes.validate import quote_in_text
from tests.conftest import snapshot

SOURCE = "seed-000-eb3fd6c821e75620"


@pytest.fixture(scope="module")
def source_text(client: TestClient) -> str:
    text: str = client.get(f"/sources/{SOURCE}").json()["text"]
    return text


def all_citations(body: Any) -> Iterator[dict[str, Any]]:
    """Every citation anywhere in a response."""
    if isinstance(body, dict):
        for key, value in body.items():
            if key == "citations":
                yield from value
            else:
                yield from all_citations(value)
    elif isinstance(body, list):
        for item in body:
            yield from all_citations(item)


def all_relationships(body: Any) -> Iterator[dict[str, Any]]:
    if isinstance(body, dict):
        if "type" in body and "citations" in body and ("other" in body or "from" in body):
            yield body
        for value in body.values():
            yield from all_relationships(value)
    elif isinstance(body, list):
        for item in body:
            yield from all_relationships(item)


def assert_cited(body: Any, text: str) -> None:
    rels = list(all_relationships(body))
    assert rels, "expected relationships in the response"
    for rel in rels:
        assert rel["citations"], f"{rel.get('id')} has no citation"
        for cite in rel["citations"]:
            assert cite["source"] == SOURCE
            assert quote_in_text(cite["quote"], text), cite["quote"]
            assert cite["mode"] in ("asserted", "attributed")


# --- search -----------------------------------------------------------------

@pytest.mark.parametrize("q, first", [
    ("DHS", "us-department-of-homeland-security"),
    ("Darien", "darien-gap"),
    ("Jose Raul Mulino", "jose-raul-mulino"),
    ("jose raúl MULINO", "jose-raul-mulino"),
    ("Mulnio", "jose-raul-mulino"),          # a typo
    ("Mayorkas", "alejandro-mayorkas"),
    ("Panamá", "panama"),
    ("Estados Unidos", "united-states"),     # a name in another language
])
def test_search_puts_the_expected_entity_first(client: TestClient, q: str, first: str) -> None:
    body = client.get("/entities", params={"q": q}).json()
    assert body["results"][0]["id"] == first
    scores = [hit["score"] for hit in body["results"]]
    assert scores == sorted(scores, reverse=True)


def test_search_filters_by_type_and_pages(client: TestClient) -> None:
    body = client.get("/entities", params={"q": "Panama", "type": "Country"}).json()
    assert [hit["id"] for hit in body["results"]] == ["panama"]
    page = client.get("/entities", params={"type": "Country", "limit": 2, "offset": 2}).json()
    assert page["total"] == 5 and page["query"] is None
    assert [hit["id"] for hit in page["results"]] == ["mexico", "panama"]


@pytest.mark.parametrize("params, field", [
    ({"q": ""}, "q"), ({"q": "   "}, "q"), ({"type": "Spaceship"}, "type"),
    ({"limit": 0}, "limit"), ({"limit": 100000}, "limit"), ({"offset": -1}, "offset"),
])
def test_bad_search_parameters_are_422_naming_the_field(client: TestClient, params: dict[str, Any],
                                                        field: str) -> None:
    response = client.get("/entities", params=params)
    assert response.status_code == 422
    assert any(field in err["loc"] for err in response.json()["errors"])


def test_search_of_punctuation_only_is_422(client: TestClient) -> None:
    response = client.get("/entities", params={"q": "!!! ()"})
    assert response.status_code == 422
    assert "q has no letters" in response.json()["detail"]


# --- entity and the journalist's questions --------------------------------------

def test_who_is_party_to_the_agreement(client: TestClient, source_text: str) -> None:
    body = client.get("/entities/us-panama-deportation-agreement-2024").json()
    parties = {rel["other"]["id"] for rel in body["relationships"]["PARTY_TO"]}
    assert parties == {"united-states", "panama"}
    funders = {rel["other"]["id"] for rel in body["relationships"]["FUNDS"]}
    assert funders == {"us-department-of-state"}
    assert_cited(body, source_text)

def test_entity_relationships_are_a_page_of_each_type_with_totals(client: TestClient) -> None:
    full = client.get("/entities/united-states").json()
    counts = full["relationship_counts"]
    assert counts == {kind: len(rels) for kind, rels in full["relationships"].items()}
    assert max(counts.values()) >= 2  # so per_type=1 below really cuts something
    page = client.get("/entities/united-states", params={"per_type": 1}).json()
    assert page["relationship_counts"] == counts
    assert set(page["relationships"]) == set(counts)
    for kind, rels in page["relationships"].items():
        # The first of each type by the other entity's name, as in the full answer.
        assert [r["id"] for r in rels] == [r["id"] for r in full["relationships"][kind][:1]]


@pytest.mark.parametrize("per_type", ["0", "10001", "many"])
def test_entity_per_type_out_of_range_is_422(client: TestClient, per_type: str) -> None:
    response = client.get("/entities/united-states", params={"per_type": per_type})
    assert response.status_code == 422
    assert any("per_type" in err["loc"] for err in response.json()["errors"])



def test_how_is_mayorkas_connected_to_mulino(client: TestClient, source_text: str) -> None:
    body = client.get("/paths", params={"from": "alejandro-mayorkas", "to": "jose-raul-mulino"}).json()
    # Mayorkas is linked to Mulino through the inauguration, and otherwise only through
    # his statement: two routes through different entities (k=3 is an upper bound).
    assert body["found"] is True and len(body["paths"]) == 2
    best = body["paths"][0]
    assert [n["id"] for n in best["nodes"]] == [
        "alejandro-mayorkas", "inauguration-of-jose-raul-mulino", "jose-raul-mulino"]
    assert [r["type"] for r in best["relationships"]] == ["ATTENDED", "HONOREE_OF"]
    assert [n["id"] for n in body["paths"][1]["nodes"]] == [
        "alejandro-mayorkas", "mayorkas-partnerships-statement", "panama", "president-of-panama",
        "jose-raul-mulino"]
    for path in body["paths"]:
        assert len(path["nodes"]) == len(path["relationships"]) + 1
        for step, rel in enumerate(path["relationships"]):
            assert {rel["from"], rel["to"]} == {path["nodes"][step]["id"], path["nodes"][step + 1]["id"]}
    assert_cited(body, source_text)


def test_paths_exclusions_and_no_path(client: TestClient) -> None:
    body = client.get("/paths", params={"from": "alejandro-mayorkas", "to": "jose-raul-mulino",
                                        "exclude_type": "Event"}).json()
    for path in body["paths"]:
        assert all(n["type"] != "Event" for n in path["nodes"])
    body = client.get("/paths", params={"from": "alejandro-mayorkas", "to": "jose-raul-mulino",
                                        "exclude_rel_type": ["ATTENDED", "STATED"]}).json()
    assert body == {"from": "alejandro-mayorkas", "to": "jose-raul-mulino", "found": False,
                    "message": body["message"], "paths": []}
    short = client.get("/paths", params={"from": "alejandro-mayorkas", "to": "jose-raul-mulino",
                                         "max_hops": 1})
    assert short.status_code == 200 and short.json()["paths"] == []


@pytest.mark.parametrize("params, field", [
    ({"from": "panama", "to": "mexico", "max_hops": 7}, "max_hops"),
    ({"from": "panama", "to": "mexico", "k": 0}, "k"),
    ({"from": "panama"}, "to"),
    ({"from": "panama", "to": "mexico", "as_of": "2024-02-30"}, "as_of"),
])
def test_bad_path_parameters_are_422(client: TestClient, params: dict[str, Any], field: str) -> None:
    response = client.get("/paths", params=params)
    assert response.status_code == 422
    assert any(field in err["loc"] for err in response.json()["errors"])


def test_paths_with_unknown_ids_are_404_naming_them(client: TestClient) -> None:
    response = client.get("/paths", params={"from": "panama", "to": "atlantis"})
    assert response.status_code == 404
    assert "atlantis" in response.json()["detail"]


def test_which_policies_affect_chinese_migrants(client: TestClient, source_text: str) -> None:
    body = client.get("/entities/chinese-migrants/neighbors",
                      params={"rel_type": "AFFECTS", "direction": "in", "type": "Policy"}).json()
    assert [n["id"] for n in body["nodes"]] == ["ecuador-visa-requirement-chinese-nationals"]
    assert_cited(body, source_text)


def test_what_the_us_relied_on_other_countries_for(client: TestClient, source_text: str) -> None:
    body = client.get("/entities/united-states/neighbors",
                      params={"rel_type": "RELIES_ON", "direction": "out"}).json()
    assert {n["id"] for n in body["nodes"]} == {"panama", "mexico", "ecuador"}
    assert all("reducing migrant crossings" in e["properties"]["purpose"].lower() for e in body["edges"])
    assert_cited(body, source_text)


def test_neighbors_counts_depth_and_hub_cap(client: TestClient) -> None:
    one = client.get("/entities/united-states/neighbors").json()
    counts = {(c["type"], c["direction"]): c["count"] for c in one["counts"]}
    assert counts[("RELIES_ON", "out")] == 3 and counts[("PARTY_TO", "out")] == 1
    assert all(n["distance"] == 1 for n in one["nodes"])
    two = client.get("/entities/united-states/neighbors", params={"depth": 2}).json()
    assert two["total"] > one["total"]
    assert {n["distance"] for n in two["nodes"]} == {1, 2}
    capped = client.get("/entities/united-states/neighbors", params={"depth": 2, "limit": 3}).json()
    assert len(capped["nodes"]) == 3 and capped["truncated"] is True
    assert capped["more"] == two["total"] - 3
    node_ids = {n["id"] for n in capped["nodes"]} | {"united-states"}
    for edge in capped["edges"]:
        assert edge["from"] in node_ids or edge["to"] in node_ids


@pytest.mark.parametrize("params, field", [
    ({"depth": 4}, "depth"), ({"depth": 0}, "depth"), ({"as_of": "yesterday"}, "as_of"),
    ({"type": "Spaceship"}, "type"), ({"rel_type": "LOVES"}, "rel_type"),
    ({"direction": "sideways"}, "direction"),
])
def test_bad_neighbor_parameters_are_422(client: TestClient, params: dict[str, Any], field: str) -> None:
    response = client.get("/entities/panama/neighbors", params=params)
    assert response.status_code == 422
    assert any(field in err["loc"] for err in response.json()["errors"])


def test_common_connections(client: TestClient, source_text: str) -> None:
    body = client.get("/connections", params={"ids": ["united-states", "panama"]}).json()
    ids = [r["entity"]["id"] for r in body["results"]]
    assert ids[0] == "us-panama-deportation-agreement-2024"
    agreement = body["results"][0]
    assert {(r["type"], r["from"]) for r in agreement["relationships"]} == {
        ("PARTY_TO", "united-states"), ("PARTY_TO", "panama"),
        ("SIGNED", "united-states"), ("SIGNED", "panama"),
        ("AFFECTS", "us-panama-deportation-agreement-2024")}
    assert_cited(body, source_text)
    three = client.get("/connections", params={"ids": ["united-states", "panama", "mexico"]}).json()
    assert all(len({r["from"] for r in c["relationships"]} | {r["to"] for r in c["relationships"]}) >= 3
               for c in three["results"])


def test_connections_need_two_distinct_known_ids(client: TestClient) -> None:
    assert client.get("/connections", params={"ids": ["panama"]}).status_code == 422
    assert client.get("/connections", params={"ids": ["panama", "panama"]}).status_code == 422
    missing = client.get("/connections", params={"ids": ["panama", "atlantis"]})
    assert missing.status_code == 404 and "atlantis" in missing.json()["detail"]


def test_timeline_lists_undated_facts_apart(client: TestClient) -> None:
    body = client.get("/entities/joe-biden/timeline").json()
    assert body["dated"] == []
    issued = [e for e in body["undated"] if e["relationship"]["type"] == "ISSUED"]
    assert issued[0]["date_text"] == "last month"
    kinds = {e["kind"] for e in client.get("/entities/alejandro-mayorkas/timeline").json()["undated"]}
    assert kinds == {"event", "statement", "relationship"}


def test_agreements_and_policies_with_filters(client: TestClient, source_text: str) -> None:
    agreements = client.get("/agreements", params={"country": "panama", "status": "signed"}).json()
    assert [a["id"] for a in agreements] == ["us-panama-deportation-agreement-2024"]
    agreement = agreements[0]
    assert {p["other"]["id"] for p in agreement["parties"]} == {"united-states", "panama"}
    assert {f["other"]["id"] for f in agreement["funders"]} == {"us-department-of-state"}
    assert agreement["status"] == "signed"
    assert_cited(agreements, source_text)
    assert client.get("/agreements", params={"country": "mexico"}).json() == []
    assert client.get("/agreements", params={"status": "ended"}).json() == []
    assert client.get("/agreements", params={"status": "bogus"}).status_code == 422

    mexico = client.get("/policies", params={"country": "mexico"}).json()
    assert [p["id"] for p in mexico] == ["mexico-migrant-enforcement-operations"]
    assert mexico[0]["issuers"][0]["other"]["id"] == "mexican-officials"
    china = client.get("/policies", params={"country": "china"}).json()
    assert [p["id"] for p in china] == ["ecuador-visa-requirement-chinese-nationals"]
    in_force = {p["id"] for p in client.get("/policies", params={"status": "in_force"}).json()}
    assert in_force == {"biden-asylum-restriction-2024", "ecuador-visa-requirement-chinese-nationals"}


def test_source_shows_every_fact_citing_it(client: TestClient, graph: Graph) -> None:
    body = client.get(f"/sources/{SOURCE}").json()
    counts = graph.read("MATCH (:Entity)-[r]->(:Entity) WITH count(r) AS rels "
                        "MATCH (n:Entity) RETURN rels, count(n) AS entities")[0]
    assert len(body["relationships"]) == counts["rels"]
    assert len(body["entities"]) == counts["entities"]
    assert body["content_hash"].startswith("sha256:")
    for fact in body["relationships"]:
        assert all(quote_in_text(c["quote"], body["text"]) for c in fact["citations"])
    assert client.get("/sources/nope").status_code == 404


# --- as_of ----------------------------------------------------------------------

@pytest.fixture
def dated_fixture(graph: Graph) -> Iterator[None]:
    """A relationship valid only in 2020, added for the test and removed after it."""
    graph.write(
        "MATCH (a:Entity {id: 'joe-biden'}), (b:Entity {id: 'panama'}) "
        "CREATE (a)-[:ATTENDED {id: 'fixture-dated', recorded_at: datetime(), "
        "valid_from: date('2020-01-01'), "
        "valid_to: date('2020-12-31'), cite_sources: [$s], cite_quotes: ['Panama'], "
        "cite_confidences: [1.0], cite_modes: ['asserted'], cite_attributed_to: [''], "
        "cite_fields: ['']}]->(b)", s=SOURCE)
    yield
    graph.write("MATCH ()-[r {id: 'fixture-dated'}]->() DELETE r")


@pytest.mark.usefixtures("dated_fixture")
def test_as_of_keeps_only_facts_valid_that_day(client: TestClient) -> None:
    def neighbor_ids(as_of: str | None) -> set[str]:
        params = {"as_of": as_of} if as_of else {}
        return {n["id"] for n in client.get("/entities/joe-biden/neighbors", params=params).json()["nodes"]}

    assert "panama" in neighbor_ids(None)
    assert "panama" in neighbor_ids("2020-06-01")
    assert "panama" not in neighbor_ids("2024-06-01")
    assert "panama" not in neighbor_ids("2019-12-31")
    assert "president-of-the-united-states" in neighbor_ids("2024-06-01")  # undated facts stay
    paths = client.get("/paths", params={"from": "joe-biden", "to": "panama", "max_hops": 1,
                                         "as_of": "2024-06-01"}).json()
    assert paths["found"] is False
    timeline = client.get("/entities/joe-biden/timeline").json()
    assert [e["date"] for e in timeline["dated"]] == ["2020-01-01"]
    assert timeline["dated"][0]["date_end"] == "2020-12-31"


def timeline_ids(body: dict[str, Any]) -> list[str]:
    return [e["relationship"]["id"] for e in body["dated"] + body["undated"]]


@pytest.mark.usefixtures("dated_fixture")
@pytest.mark.parametrize("entity", ["joe-biden", "united-states"])
def test_timeline_pages_add_up_to_the_whole_in_both_time_axes(client: TestClient, entity: str) -> None:
    whole = client.get(f"/entities/{entity}/timeline", params={"limit": 1000}).json()
    total = whole["total_dated"] + whole["total_undated"]
    assert total == len(timeline_ids(whole)) >= 3 and whole["more"] == 0
    assert whole["total_dated"] == len(whole["dated"])
    dates = [e["date"] or e["date_end"] for e in whole["dated"]]
    assert dates == sorted(dates)
    pages, offset = [], 0
    while offset < total:
        page = client.get(f"/entities/{entity}/timeline", params={"limit": 2, "offset": offset}).json()
        assert page["more"] == max(0, total - offset - 2)
        assert (page["total_dated"], page["total_undated"]) == (whole["total_dated"], whole["total_undated"])
        pages += timeline_ids(page)
        offset += 2
    assert pages == timeline_ids(whole)
    # At a record time the window is cut in Python after reverting: the same order.
    now = client.get(f"/entities/{entity}/timeline", params={
        "limit": 1000, "as_recorded": "9000-01-01T00:00:00Z"}).json()
    assert timeline_ids(now) == timeline_ids(whole)
    later = client.get(f"/entities/{entity}/timeline", params={
        "limit": 2, "offset": 1, "as_recorded": "9000-01-01T00:00:00Z"}).json()
    assert timeline_ids(later) == timeline_ids(whole)[1:3] and later["more"] == max(0, total - 3)


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 1001}, {"offset": -1}, {"offset": "x"}])
def test_timeline_window_is_checked(client: TestClient, params: dict[str, Any]) -> None:
    response = client.get("/entities/panama/timeline", params=params)
    assert response.status_code == 422
    assert next(iter(params)) in response.text


# --- hostile input and limits ---------------------------------------------------

INJECTIONS = ["') MATCH (n) DETACH DELETE n //", "x\"}) DETACH DELETE n RETURN 1 //",
              "*:*", "name:* OR id:*", "\\", "1' OR '1'='1", "$(id)"]


@pytest.mark.parametrize("probe", INJECTIONS)
def test_injection_attempts_change_nothing(client: TestClient, graph: Graph, probe: str) -> None:
    before = snapshot(graph)
    search = client.get("/entities", params={"q": probe})
    assert search.status_code in (200, 422)
    if search.status_code == 200:
        assert all(hit["score"] is not None for hit in search.json()["results"])
    assert client.get(f"/entities/{probe}").status_code in (404, 422)
    assert client.get("/entities/panama/neighbors", params={"type": probe}).status_code == 422
    assert client.get("/paths", params={"from": probe, "to": "panama"}).status_code in (404, 422)
    assert client.get("/agreements", params={"country": probe}).status_code in (200, 422)
    assert snapshot(graph) == before


def test_a_query_over_the_timeout_is_a_503_not_a_hang(settings: Settings) -> None:
    slow = open_graph(settings.model_copy(update={"neo4j_query_timeout_seconds": 0.5}))
    slow.timeout = 0.5
    with pytest.raises(QueryTimeout):
        slow.read("UNWIND range(1, 100000000) AS i WITH i WHERE i % 7 = 3 RETURN count(i) AS n")
    slow.close()


def test_every_query_file_parses(graph: Graph) -> None:
    files = sorted(QUERY_DIR.glob("*.cypher"))
    assert len(files) > 10
    for path in files:
        if "{{" in load(path.stem):
            continue  # the bounded queries are parsed below with real bounds
        graph.read("EXPLAIN " + load(path.stem))
    for hops in (1, 4, 6):
        graph.read("EXPLAIN " + load_bounded("paths", max_hops=hops))
    for depth in (1, 2, 3):
        graph.read("EXPLAIN " + load_bounded("neighbors", depth=depth))


def operators(plan: Any) -> set[str]:
    return {plan.get("operatorType", "").split("@")[0]} | {
        op for child in plan.get("children", []) for op in operators(child)}


def test_path_search_filters_run_inside_the_bidirectional_search(graph: Graph) -> None:
    """Filters of another form would make Neo4j fall back to an exhaustive search."""
    _, summary, _ = graph.driver.execute_query(
        "EXPLAIN " + load_bounded("paths", max_hops=4), database_=graph.database)
    ops = operators(summary.plan)
    assert "ShortestPath" in ops
    assert not ops & {"VarLengthExpand(All)", "VarLengthExpand(Into)", "AntiConditionalApply"}, ops


def test_later_path_rounds_go_through_other_entities(graph: Graph) -> None:
    filters = {"from": "alejandro-mayorkas", "to": "jose-raul-mulino", "as_of": None,
               "t": FAR_FUTURE, "now": True, "exclude_types": [], "exclude_rel_types": []}
    first = graph.read(load_bounded("paths", max_hops=4), **filters, k=10, avoid_nodes=[],
                       avoid_rels=[])
    shortest = min(len(row["rels"]) for row in first)
    assert {len(row["rels"]) for row in first} == {shortest}  # one search: shortest only
    rows = graph.run(find_paths(filters, 5, 4))
    assert rows[:len(first)] == first[:5] and len(rows) > len(first)
    between = {n["id"] for row in first for n in row["nodes"][1:-1]}
    for row in rows[len(first):]:
        assert len(row["rels"]) >= shortest
        assert not between & {n["id"] for n in row["nodes"][1:-1]}


def test_path_rounds_do_not_repeat_a_direct_link(graph: Graph) -> None:
    pair = graph.read("MATCH (a:Entity)-[r]->(b:Entity) WHERE a.retracted_at IS NULL "
                      "AND b.retracted_at IS NULL RETURN a.id AS a, b.id AS b LIMIT 1")[0]
    filters = {"from": pair["a"], "to": pair["b"], "as_of": None, "t": FAR_FUTURE, "now": True,
               "exclude_types": [], "exclude_rel_types": []}
    rows = graph.run(find_paths(filters, 10, 3))
    routes = [tuple(rel["element_id"] for rel in row["rels"]) for row in rows]
    assert rows[0]["rels"] and len(routes) == len(set(routes))


# neighbors.cypher's parameters for United States, no filters, in the present.
US_NEIGHBORS = {"id": "united-states", "types": [], "rel_types": [], "direction": "both",
                "as_of": None, "limit": 50, "t": FAR_FUTURE, "now": True}


def test_neighbors_say_when_the_hub_bound_cut_the_count(graph: Graph, client: TestClient) -> None:
    body = client.get("/entities/united-states/neighbors", params={"depth": 2}).json()
    assert body["total_is_lower_bound"] is False and body["total"] > 5
    params = US_NEIGHBORS
    capped = graph.read(load_bounded("neighbors", depth=2), **params, max_paths=3)[0]
    assert capped["capped"] is True and capped["total"] <= 3 < body["total"]


@pytest.mark.parametrize("depth", [2, 3])
def test_neighbor_expansion_stays_lazy_and_goes_hop_by_hop(graph: Graph, depth: int) -> None:
    """VarLengthExpand filters every relationship of a hub before the LIMIT applies
    (57,000 db hits for 1,000 paths at 1M entities); Repeat(Trail) stops at the LIMIT.
    It also goes hop by hop, so a bound as small as the direct neighbors keeps them all."""
    params = US_NEIGHBORS
    query = load_bounded("neighbors", depth=depth)
    _, summary, _ = graph.driver.execute_query("EXPLAIN " + query, {**params, "max_paths": 10},
                                               database_=graph.database)
    found = operators(summary.plan)
    assert "Repeat(Trail)" in found and not any(o.startswith("VarLengthExpand") for o in found), found
    direct = graph.read(load_bounded("neighbors", depth=1), **params, max_paths=1000)[0]
    first = {item["node"]["id"] for item in direct["items"]}
    counts = graph.read(load("neighbor_counts"), id="united-states", t=FAR_FUTURE)[0]["counts"]
    one_hop_paths = sum(c["count"] for c in counts)  # one per relationship
    capped = graph.read(query, **params, max_paths=one_hop_paths)[0]
    assert capped["capped"] is True and direct["total"] > 3
    assert {item["node"]["id"] for item in capped["items"]} == first


@pytest.mark.parametrize("bounds", [{"max_hops": True}, {"max_hops": "3"},
                                    {"max_hops": -1}, {"max_hops": 101}])
def test_bounded_queries_take_only_small_ints(bounds: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="must be an int"):
        load_bounded("paths", **bounds)


def test_bounded_queries_need_every_marker() -> None:
    with pytest.raises(UnknownQuery, match="no value"):
        load_bounded("paths")
    with pytest.raises(UnknownQuery, match="no {{depth}} marker"):
        load_bounded("paths", max_hops=4, depth=2)


def test_paths_search_stops_at_max_hops(client: TestClient) -> None:
    """The literal bound is the caller's: one hop finds only direct links."""
    one = client.get("/paths", params={"from": "alejandro-mayorkas", "to": "panama", "max_hops": 1}).json()
    assert one["found"] is False and "at most 1 hops" in one["message"]
    more = client.get("/paths", params={"from": "alejandro-mayorkas", "to": "panama", "max_hops": 3}).json()
    assert more["found"] is True and all(p["length"] <= 3 for p in more["paths"])


def test_every_endpoint_is_in_openapi_with_an_example(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ["/entities", "/entities/{entity_id}", "/entities/{entity_id}/neighbors",
                 "/entities/{entity_id}/timeline", "/paths", "/connections", "/agreements",
                 "/policies", "/sources/{source_id}"]:
        operation = spec["paths"][path]["get"]
        params = operation["parameters"]
        assert any("example" in p or "examples" in p or "examples" in p.get("schema", {})
                   for p in params), path
        assert "503" in operation["responses"], path


@pytest.mark.parametrize("path", ["/policies", "/agreements"])
def test_an_unknown_country_filter_is_a_404(client: TestClient, path: str) -> None:
    answer = client.get(path, params={"country": "atlantis"})
    assert answer.status_code == 404 and "atlantis" in answer.json()["detail"]
    assert client.get(path, params={"country": "panama"}).status_code == 200
