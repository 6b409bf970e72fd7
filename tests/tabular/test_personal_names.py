"""Names of places and things shaped like surnames are not people, unless the label says so."""

import polars as pl

from ghia.tabular import scan_personal_data
from ghia.tabular.table import Table


def _kinds(column: str, values: list[str]) -> set[str]:
    report = scan_personal_data(Table.from_frame(pl.DataFrame({column: values})))
    return {f.kind for f in report.findings}


PLACES = ["ბოტანიკური ბაღი", "ცენტრალური პარკი", "ბაგრატის ტაძარი", "კოლხური შადრევანი"]


def test_places_with_surname_endings_are_not_people():
    assert "person_name" not in _kinds("პარკი", PLACES)


def test_known_first_names_are_people_under_any_label():
    assert "person_name" in _kinds("ველი", ["გიორგი ბერიძე", "ნინო კაპანაძე", "ლევან მაისურაძე"])


def test_surname_shaped_words_are_people_under_a_name_label():
    values = ["ზვიად მესხიშვილი", "ირინე გოგიბერიძე", "მერაბ ჩხეიძე"]  # first names not in the list
    assert "person_name" in _kinds("სახელი, გვარი", values)
    assert "person_name" not in _kinds("ობიექტი", values)
