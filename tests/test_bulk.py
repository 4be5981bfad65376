"""The bulk loader's batching (the loading itself runs in the benchmark smoke test)."""

from app.writes.bulk import batches


def test_batches_start_small_then_take_full_size() -> None:
    assert list(batches(range(12), 5, 2)) == [[0, 1], [2, 3, 4, 5, 6], [7, 8, 9, 10, 11]]


def test_first_batch_never_exceeds_the_batch_size() -> None:
    assert list(batches(range(7), 3, 10)) == [[0, 1, 2], [3, 4, 5], [6]]


def test_no_rows_give_no_batches() -> None:
    assert list(batches([], 5, 2)) == []
