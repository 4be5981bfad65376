"""The report: percentiles of the samples, and the Markdown table of one run."""

from typing import Any


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)

    def pick(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000, 2)

    return {"p50": pick(0.50), "p95": pick(0.95), "p99": pick(0.99), "n": len(ordered)}


def markdown(size: int, report: dict[str, Any]) -> str:
    load_ = report["load"]
    lines = [f"## {size:,} entities", "",
             f"Generated: {report['graph']['entities']:,} entities, "
             f"{report['graph']['relationships']:,} relationships, {report['graph']['sources']} sources.", "",
             "| load | entities/s | relationships/s |", "| --- | --- | --- |",
             f"| bulk (UNWIND, batch {load_['batch_size']}) | {load_['bulk']['entities_per_second']:,} | "
             f"{load_['bulk']['relationships_per_second']:,} |",
             f"| naive (one MERGE per record, sample {load_['naive_sample']}) | "
             f"{load_['naive']['entities_per_second']:,} | {load_['naive']['relationships_per_second']:,} |",
             f"| **ratio** | **{load_['ratio_entities']}×** | **{load_['ratio_relationships']}×** |", "",
             "| endpoint | API p50 | API p95 | API p99 | raw p50 | raw p99 | overhead p50 | errors |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name, q in report["queries"].items():
        lines.append(f"| {name} | {q['api_ms']['p50']} | {q['api_ms']['p95']} | {q['api_ms']['p99']} | "
                     f"{q['raw_ms']['p50']} | {q['raw_ms']['p99']} | {q['overhead_p50']}× | {q['errors']} |")
    lines += baseline_rows(report["queries"])
    lines += concurrency_rows(report["concurrency"])
    if report["rdf"]:
        lines += ["", "| RDF dump | triples | triples/s | peak RSS (MB) |", "| --- | --- | --- | --- |"]
    for name, r in report["rdf"].items():
        lines.append(f"| {name} | {r['triples']:,} | {r['triples_per_second']:,} | {r['peak_rss_mb']} |")
    return "\n".join(lines) + "\n"


def baseline_rows(queries: dict[str, Any]) -> list[str]:
    """This build against the baseline's API, measured in turns in the same run."""
    if not any("baseline_ms" in q for q in queries.values()):
        return []
    lines = ["", "| endpoint | API p50 | baseline p50 | API p99 | baseline p99 | overhead p50 "
             "| baseline overhead p50 | API / baseline p50 |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name, q in queries.items():
        a, b = q["api_ms"], q["baseline_ms"]
        lines.append(f"| {name} | {a['p50']} | {b['p50']} | {a['p99']} | {b['p99']} | "
                     f"{q['overhead_p50']}× | {q['baseline_overhead_p50']}× | "
                     f"{round(a['p50'] / max(b['p50'], 0.01), 3)} |")
    return lines


def concurrency_rows(c: dict[str, Any] | None) -> list[str]:
    if c is None:
        return []
    lines = ["", f"Concurrent reads: wrk, {c['connections']} connections, API with {c['workers']} workers "
              f"of {c['threads_per_worker']} threads each.", "",
              "| load | req/s | p50 ms | p90 ms | p99 ms | errors |", "| --- | --- | --- | --- | --- | --- |"]
    for name in ("entity", "mix"):
        r = c[name]
        lines.append(f"| {name} | **{r['requests_per_second']:,}** | {r['latency_ms'].get('p50')} | "
                     f"{r['latency_ms'].get('p90')} | {r['latency_ms'].get('p99')} | {r['errors']} |")
    return lines
