"""The search line of make bench: its checks judge the median and the query count."""

from tools import search_bench


def row(median_ms: float, queries: int) -> dict:
    return {
        "search": "q=bolig",
        "median_ms": median_ms,
        "worst_ms": median_ms,
        "after_save_ms": median_ms * 2,
        "queries": queries,
    }


def test_a_fast_search_in_few_queries_passes():
    assert [check["passed"] for check in search_bench.checks([row(20, 6)])] == [True, True]


def test_a_slow_median_search_or_one_of_many_queries_fails_and_is_named():
    slow, many = search_bench.checks([row(60, 6), row(55, 6), row(10, 13)])

    assert not slow["passed"] and "(55 ms)" in slow["check"]
    assert "q=bolig 60 ms" in slow["detail"]
    assert not many["passed"] and "q=bolig 13" in many["detail"]


def test_one_slow_kind_of_search_is_named_but_the_median_decides():
    check, _many = search_bench.checks([row(60, 6), row(30, 6), row(20, 6)])

    assert check["passed"] and "(30 ms)" in check["check"]
    assert "q=bolig 60 ms" in check["detail"]


def test_the_table_prints_the_figures(capsys):
    search_bench.print_table([row(41.6, 6)])

    last = capsys.readouterr().out.splitlines()[-1]
    assert "q=bolig" in last
    assert "41.6" in last
    assert "83.2" in last  # the first search after a save, beside it
