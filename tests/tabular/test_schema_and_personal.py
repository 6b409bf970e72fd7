import json

import frictionless
import polars as pl
import pytest

from ghia.tabular import (
    Resource,
    Table,
    infer_schema,
    open_table,
    scan_personal_data,
    validate,
    write_data_package,
)
from ghia.tabular.personal import iban_is_valid, mask


def _fields(frame: pl.DataFrame) -> dict:
    return {f["name"]: f for f in infer_schema(frame).schema["fields"]}


def test_types_with_georgian_conventions():
    n = 20
    fields = _fields(
        pl.DataFrame(
            {
                "id": [str(i) for i in range(1, n + 1)],
                "თანხა": ["1 200,50", "35,00", "-", *["12,5"] * (n - 3)],
                "დათვლილი": ["1,200", "2,500"] * (n // 2),
                "თარიღი": ["05.01.2024"] * (n - 1) + ["31.12.2023"],
                "როდის": ["2024-01-05T10:00:00"] * n,
                "აქტიური": ["კი", "არა"] * (n // 2),
                "კოდი": ["007", "012"] * (n // 2),
                "რაიონი": ["ცენტრი", "ნიკეა"] * (n // 2),
                "ცარიელი": [None] * n,
            }
        )
    )
    assert fields["id"] == {
        "name": "id",
        "type": "integer",
        "constraints": {"required": True, "unique": True},
    }
    assert fields["თანხა"] | {} == {
        "name": "თანხა",
        "type": "number",
        "decimalChar": ",",
        "groupChar": " ",
    }
    assert fields["დათვლილი"]["groupChar"] == "," and "decimalChar" not in fields["დათვლილი"]
    assert fields["თარიღი"]["format"] == "%d.%m.%Y"
    assert fields["როდის"]["type"] == "datetime" and "format" not in fields["როდის"]
    assert fields["აქტიური"] | {} == {
        "name": "აქტიური", "type": "boolean", "trueValues": ["კი"], "falseValues": ["არა"],
        "constraints": {"required": True},
    }  # fmt: skip
    assert fields["კოდი"]["type"] == "string"  # leading zeros: a code, not a number
    assert fields["ცარიელი"]["type"] == "any"


def test_hints_and_missing_values_and_primary_key():
    frame = pl.DataFrame(
        {"id": [str(i) for i in range(30)], "რაიონი": ["ა", "ბ", "გ"] * 10, "n": ["1", "-"] * 15}
    )
    inference = infer_schema(frame)
    assert inference.schema["primaryKey"] == ["id"]
    assert inference.schema["missingValues"] == ["", "-"]
    assert inference.enum_candidates == {"რაიონი": ["ა", "ბ", "გ"]}
    assert inference.primary_key_candidates == ["id"]


def test_inferred_schema_validates_its_own_table_in_both_tools(write_csv, tmp_path):
    rows = [["კოდი", "თანხა", "თარიღი", "კი/არა"]] + [
        [f"A{i}", f"{i} 000,5", f"{i % 28 + 1:02d}.01.2024", "კი" if i % 2 else "არა"]
        for i in range(1, 40)
    ]
    path = write_csv(rows)
    schema = infer_schema(open_table(path)).schema
    assert validate(open_table(path), schema).valid
    resource = frictionless.Resource(
        path=path.name,
        basepath=str(path.parent),
        schema=frictionless.Schema.from_descriptor(schema),
    )
    assert resource.validate().valid
    package = write_data_package(
        tmp_path,
        [Resource(path=path.name, schema=schema, title="ბიუჯეტი 2024")],
        "ქუთაისის ბიუჯეტი",
    )
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    assert descriptor["name"] == "kutaisis-biujeti"
    assert descriptor["resources"][0]["name"] == "biujeti-2024"
    assert frictionless.validate(str(package)).valid


PEOPLE = pl.DataFrame(
    {
        "სახელი, გვარი": ["გიორგი ბერიძე", "ნინო კაპანაძე", "თამარ გელაშვილი", "ლევან ჯაფარიძე"]
        * 5,
        "პირადი ნომერი": ["01001012345", "61001054321"] * 10,
        "ტელეფონი": ["599123456", "+995 577 12 34 56"] * 10,
        "ს/კ": ["204567890", "445123456"] * 10,
        "კონტაქტი": ["giorgi.beridze@gmail.com", ""] * 10,
        "ანგარიში": ["ge29 nb00 0000 0101 9049 17", "GE00XX0000000000000000"] * 10,
        "plate": ["AB-123-CD", "abc-123"] * 10,  # either case
        "რაიონი": ["ცენტრი", "ნიკეა"] * 10,
        "რაოდენობა": ["12", "13"] * 10,
    }
)


def test_personal_data_kinds_and_context():
    report = scan_personal_data(Table.from_frame(PEOPLE))
    found = {(f.field, f.kind): f for f in report.findings}
    assert set(found) == {
        ("სახელი, გვარი", "person_name"),
        ("პირადი ნომერი", "personal_number"),
        ("ტელეფონი", "phone"),
        ("ს/კ", "company_code"),
        ("კონტაქტი", "email"),
        ("ანგარიში", "iban"),
        ("plate", "car_plate"),
    }
    assert found[("ტელეფონი", "phone")].count == 20
    assert found[("ს/კ", "company_code")].personal is False
    assert found[("ანგარიში", "iban")].count == 10  # the other IBAN fails mod 97
    assert found[("plate", "car_plate")].count == 20
    assert found[("კონტაქტი", "email")].share == 1.0  # of the filled cells
    assert {f.field for f in report.personal} == {k[0] for k in found} - {"ს/კ"}


def test_nine_digits_are_mobiles_under_a_phone_label_and_codes_under_a_company_label():
    frame = pl.DataFrame(
        {
            "მობილური": ["599111222", "577333444"] * 5,
            "კომპანიის კოდი": ["599111222", "577333444"] * 5,
        }
    )
    kinds = {f.field: f.kind for f in scan_personal_data(Table.from_frame(frame)).findings}
    assert kinds == {"მობილური": "phone", "კომპანიის კოდი": "company_code"}


def test_findings_never_hold_raw_values():
    text = json.dumps(scan_personal_data(Table.from_frame(PEOPLE)).to_dict(), ensure_ascii=False)
    for raw in (
        "01001012345",
        "599123456",
        "giorgi.beridze@gmail.com",
        "GE29NB0000000101904917",
        "გიორგი ბერიძე",
    ):
        assert raw not in text


@pytest.mark.parametrize(
    "kind, value, masked",
    [
        ("personal_number", "01001012345", "01•••••••45"),
        ("email", "nino@mail.ge", "n•••@m•••.ge"),
        ("person_name", "ნინო ბერიძე", "ნ••• ბ•••••"),
        ("iban", "GE29 NB00 0000 0101 9049 17", "GE29••••••••••••••••17"),
    ],
)
def test_masks(kind, value, masked):
    assert mask(kind, value) == masked


def test_iban_check_digits():
    assert iban_is_valid("GE29NB0000000101904917")
    assert not iban_is_valid("GE28NB0000000101904917")
    assert not iban_is_valid("not an iban")


def test_phone_and_personal_numbers_stay_text_and_are_found_without_their_leading_zero():
    frame = pl.DataFrame(
        {
            "ტელეფონი": ["599123456", "577334455"] * 6,
            "საკონტაქტო": ["549 30 94 85", "555 11 22 33"] * 6,
            "თანხა": ["1 200,50", "35,00"] * 6,
            # A spreadsheet kept these as numbers: the first lost its leading 0.
            "პირადი ნომერი": ["1024054321", "01024054322"] * 6,
        }
    )
    fields = _fields(frame)
    assert fields["ტელეფონი"]["type"] == "string"
    assert fields["საკონტაქტო"]["type"] == "string"  # groups of two digits: not a quantity
    assert fields["პირადი ნომერი"]["type"] == "string"
    assert fields["თანხა"] | {"constraints": {}} == {
        "name": "თანხა", "type": "number", "decimalChar": ",", "groupChar": " ", "constraints": {}
    }  # fmt: skip
    found = {(f.field, f.kind): f for f in scan_personal_data(Table.from_frame(frame)).findings}
    assert found[("პირადი ნომერი", "personal_number")].count == 12
    assert found[("საკონტაქტო", "phone")].count == 12
    # Ten digits under any other label are not taken for personal numbers.
    other = pl.DataFrame({"რაოდენობა": ["1024054321", "2024054321"] * 6})
    assert not scan_personal_data(Table.from_frame(other)).findings
