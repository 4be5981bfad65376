"""The wrk output parser of the concurrency benchmark: rates, percentiles and every error kind."""

import pytest

from bench.phases.concurrency import parse_wrk

CLEAN = """Running 10s test @ http://127.0.0.1:8000
  1 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    35.86ms   20.13ms 219.33ms   90.31%
    Req/Sec   472.10     80.02   610.00     70.00%
  Latency Distribution
     50%   31.20ms
     75%   40.02ms
     90%   55.10ms
     99%  120.50ms
  4712 requests in 10.03s, 21.02MB read
Requests/sec:    469.88
Transfer/sec:      2.10MB
"""

FAILING = """Running 2s test @ http://127.0.0.1:8000
  1 threads and 16 connections
  Latency Distribution
     50%  850.00us
     75%    1.20ms
     90%    2.00ms
     99%    1.10s
  900 requests in 2.00s, 1.00MB read
  Socket errors: connect 0, read 3, write 0, timeout 2
  Non-2xx or 3xx responses: 7
Requests/sec:    450.00
Transfer/sec:      0.50MB
"""


def test_a_clean_run() -> None:
    result = parse_wrk(CLEAN)
    assert result == {"requests": 4712, "seconds": 10.0, "requests_per_second": 469.88, "errors": 0,
                      "latency_ms": {"p50": 31.2, "p90": 55.1, "p99": 120.5}}


def test_errors_add_up_and_units_convert() -> None:
    result = parse_wrk(FAILING)
    assert result["errors"] == 3 + 2 + 7
    assert result["latency_ms"] == {"p50": 0.85, "p90": 2.0, "p99": 1100.0}


def test_output_without_totals_is_refused() -> None:
    with pytest.raises(RuntimeError, match="unexpected wrk output"):
        parse_wrk("wrk: unable to connect")
