"""The one bilingual message catalogue of the tabular engine.

Every note, read error, validation error type and command-line line a person reads is a
code here with a Georgian and an English template. Templates use ``str.format`` fields
filled from a note's params, so the web and the command line render the same code the
same way: ``render("header_row_found", {"row": 3, "skipped": 2}, "ka")``.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

LANGUAGES = ("ka", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # --- Reading: errors that stop the read (TableReadError codes) -----------------------
    "file_not_found": {
        "ka": "ფაილი ვერ მოიძებნა: {path}",
        "en": "File not found: {path}",
    },
    "file_unreadable": {
        "ka": "ფაილის წაკითხვა ვერ მოხერხდა: {reason}",
        "en": "The file could not be read: {reason}",
    },
    "file_empty": {
        "ka": "ფაილი ცარიელია",
        "en": "The file is empty",
    },
    "file_binary": {
        "ka": "ფაილი ცხრილი არ არის: შიგთავსი ორობითია ({kind})",
        "en": "The file is not a table: its content is binary ({kind})",
    },
    "file_encrypted": {
        "ka": "ფაილი დაშიფრულია ან პაროლით არის დაცული; შეინახეთ პაროლის გარეშე და ატვირთეთ ხელახლა",
        "en": "The file is encrypted or password-protected; save it without a password and upload it again",
    },
    "file_corrupt": {
        "ka": "ფაილი დაზიანებულია ან ბოლომდე არ არის ჩაწერილი ({format}): {reason}",
        "en": "The file is damaged or truncated ({format}): {reason}",
    },
    "archive_too_large": {
        "ka": "ფაილი გაშლისას ძალიან დიდია ({size} მბ, ზღვარი {limit} მბ) ან საეჭვოდ არის შეკუმშული (×{ratio})",
        "en": "The file expands to too much data ({size} MB, limit {limit} MB) or is suspiciously compressed (×{ratio})",
    },
    "format_unsupported": {
        "ka": "ფორმატი არ არის მხარდაჭერილი: {format}. მიიღება CSV, TSV, XLSX, XLS, ODS და JSON",
        "en": "Unsupported format: {format}. CSV, TSV, XLSX, XLS, ODS and JSON are accepted",
    },
    "sheet_not_found": {
        "ka": "ფურცელი „{sheet}“ ვერ მოიძებნა; ფაილში არის: {sheets}",
        "en": "Sheet “{sheet}” not found; the file has: {sheets}",
    },
    "no_table": {
        "ka": "ფაილში ცხრილი ვერ მოიძებნა: არც სათაურის სტრიქონია, არც მონაცემები",
        "en": "No table found in the file: neither a header row nor data",
    },
    "too_many_columns": {
        "ka": "ცხრილს ძალიან ბევრი სვეტი აქვს ({count}, ზღვარი {limit})",
        "en": "The table has too many columns ({count}, limit {limit})",
    },
    "cell_too_large": {
        "ka": "უჯრა ძალიან დიდია: სტრიქონი {row}, სვეტი {column} ({size} ბაიტი, ზღვარი {limit})",
        "en": "A cell is too large: row {row}, column {column} ({size} bytes, limit {limit})",
    },
    "file_too_large": {
        "ka": "ფაილი ძალიან დიდია ამ ფორმატისთვის ({size} მბ, ზღვარი {limit} მბ); გამოიყენეთ CSV",
        "en": "The file is too large for this format ({size} MB, limit {limit} MB); use CSV",
    },
    "json_invalid": {
        "ka": "JSON არასწორია: {reason}",
        "en": "Invalid JSON: {reason}",
    },
    "json_not_records": {
        "ka": "JSON უნდა იყოს ჩანაწერების მასივი (ობიექტები ან სტრიქონების მასივები)",
        "en": "JSON must be an array of records (objects or arrays of cells)",
    },
    "schema_invalid": {
        "ka": "ცხრილის სქემა არასწორია: {reason}",
        "en": "The Table Schema is invalid: {reason}",
    },
    # --- Reading: what was done (notes) ---------------------------------------------------
    "format_detected": {
        "ka": "ფორმატი: {format}",
        "en": "Format: {format}",
    },
    "encoding_detected": {
        "ka": "კოდირება: {encoding}",
        "en": "Encoding: {encoding}",
    },
    "encoding_mixed": {
        "ka": "ფაილში შერეულია კოდირებები: {count} ბაიტი UTF-8 არ არის და შეიცვალა სიმბოლოთი �",
        "en": "The file mixes encodings: {count} bytes are not UTF-8 and were replaced with �",
    },
    "nul_bytes_removed": {
        "ka": "ამოღებულია {count} NUL ბაიტი",
        "en": "{count} NUL bytes removed",
    },
    "dialect_detected": {
        "ka": "გამყოფი: {delimiter}; ბრჭყალი: {quote}",
        "en": "Delimiter: {delimiter}; quote: {quote}",
    },
    "sheet_chosen": {
        "ka": "ფურცელი: „{sheet}“ ({index} / {count})",
        "en": "Sheet: “{sheet}” ({index} of {count})",
    },
    "header_row_found": {
        "ka": "სათაურის სტრიქონი: {row}; ზემოთ გამოტოვებულია {skipped} სტრიქონი (სათაური, შენიშვნა)",
        "en": "Header row: {row}; {skipped} rows above it skipped (title, notes)",
    },
    "header_rows_joined": {
        "ka": "სათაური რამდენიმე სტრიქონშია ({rows}); სახელები გაერთიანდა „ / “ ნიშნით",
        "en": "The header spans several rows ({rows}); labels joined with “ / ”",
    },
    "header_unmerged": {
        "ka": "გაერთიანებული სათაურის უჯრები გაიშალა: {count}",
        "en": "Merged header cells unmerged: {count}",
    },
    "labels_blank_named": {
        "ka": "უსახელო სვეტებს მიეცა სახელი: {labels}",
        "en": "Columns without a label were named: {labels}",
    },
    "rows_blank_dropped": {
        "ka": "ამოღებულია ცარიელი სტრიქონები: {count} ({rows})",
        "en": "Empty rows dropped: {count} ({rows})",
    },
    "columns_empty_dropped": {
        "ka": "ამოღებულია ცარიელი სვეტები: {count} ({labels})",
        "en": "Empty columns dropped: {count} ({labels})",
    },
    "totals_row_dropped": {
        "ka": "ამოღებულია ჯამის ან შენიშვნის სტრიქონი {row} („{label}“)",
        "en": "Totals or note row {row} dropped (“{label}”)",
    },
    "formulas_found": {
        "ka": "ფურცელში {count} ფორმულაა; აღებულია მათი ბოლოს გამოთვლილი მნიშვნელობები",
        "en": "The sheet has {count} formulas; their last calculated values were taken",
    },
    "legacy_font_converted": {
        "ka": "სვეტი „{field}“: {cells} უჯრა ძველ შრიფტში ({font}) გადაყვანილია უნიკოდში",
        "en": "Column “{field}”: {cells} cells in a legacy font ({font}) converted to Unicode",
    },
    "legacy_font_proposed": {
        "ka": "სვეტი „{field}“ ლათინური ასოებით აკრეფილ ქართულს ჰგავს (სანდოობა {confidence}); მაგ. „{sample}“ → „{converted}“. დაადასტურეთ გასუფთავების ნაბიჯით",
        "en": "Column “{field}” looks like Georgian typed in Latin letters (confidence {confidence}); e.g. “{sample}” → “{converted}”. Confirm with a clean step",
    },
    "number_styles_mixed": {
        "ka": "სვეტი „{field}“ რიცხვებს რამდენიმე სახით წერს ({examples}); სტანდარტულ ფორმაში გადაყვანის შემდეგ ის რიცხვითი სვეტი გახდება",
        "en": "Column “{field}” writes numbers in several styles ({examples}); made standard, it becomes a number column",
    },
    "schema_inferred": {
        "ka": "სქემა გამოყვანილია {rows} სტრიქონიდან",
        "en": "Schema inferred from {rows} rows",
    },
    "scan_sampled": {
        "ka": "პერსონალური მონაცემები შემოწმდა პირველ {rows} სტრიქონში",
        "en": "Personal data scanned in the first {rows} rows",
    },
    "totals_rows_found": {
        "ka": "ჯამისა და შენიშვნის სტრიქონები: {rows}; ამოიღეთ გასუფთავების ნაბიჯით drop_totals",
        "en": "Totals and note rows: {rows}; remove them with the clean step drop_totals",
    },
    # --- Clean steps (what each does, as the provenance log tells it) --------------------
    "step.trim": {
        "ka": "ზედმეტი ჰარეების მოშორება უჯრების დასაწყისსა და ბოლოში{where}",
        "en": "Trim spaces at the start and end of cells{where}",
    },
    "step.normalize_unicode": {
        "ka": "უნიკოდის ნორმალიზება (NFC){where}",
        "en": "Normalise Unicode (NFC){where}",
    },
    "step.convert_legacy": {
        "ka": "სვეტი „{field}“: ძველი შრიფტის (AcadNusx) ტექსტის გადაყვანა უნიკოდში",
        "en": "Column “{field}”: convert legacy-font (AcadNusx) text to Unicode",
    },
    "step.standardize_numbers": {
        "ka": "სვეტი „{field}“: ასე ჩაწერილი რიცხვები — {example} — სტანდარტულ ფორმაში (1234.5)",
        "en": "Column “{field}”: numbers written as {example} to standard form (1234.5)",
    },
    "step.dates_to_iso": {
        "ka": "სვეტი „{field}“: თარიღები ISO ფორმატში (YYYY-MM-DD)",
        "en": "Column “{field}”: dates to ISO form (YYYY-MM-DD)",
    },
    "step.drop_totals": {
        "ka": "ჯამისა და შენიშვნის სტრიქონების ამოღება",
        "en": "Drop totals and note rows",
    },
    "step.drop_blank_rows": {
        "ka": "ცარიელი სტრიქონების ამოღება",
        "en": "Drop empty rows",
    },
    "step.rename": {
        "ka": "სვეტების გადარქმევა: {names}",
        "en": "Rename columns: {names}",
    },
    "step.mask": {
        "ka": "სვეტი „{field}“: მნიშვნელობების დაფარვა",
        "en": "Column “{field}”: mask the values",
    },
    "step.drop_column": {
        "ka": "სვეტის „{field}“ ამოღება",
        "en": "Drop column “{field}”",
    },
    "step.where_fields": {"ka": " (სვეტები: {fields})", "en": " (columns: {fields})"},
    "step_unknown": {
        "ka": "უცნობი გასუფთავების ნაბიჯი: {step}",
        "en": "Unknown clean step: {step}",
    },
    "step_field_unknown": {
        "ka": "ნაბიჯი {step}: სვეტი „{field}“ ცხრილში არ არის",
        "en": "Step {step}: the table has no column “{field}”",
    },
    "step_changed": {
        "ka": "{description} — შეიცვალა {cells} უჯრა, ამოღებულია {rows} სტრიქონი",
        "en": "{description} — {cells} cells changed, {rows} rows removed",
    },
    # --- Validation error types (Frictionless names) --------------------------------------
    "error.blank-header": {
        "ka": "სათაურის სტრიქონი ცარიელია",
        "en": "The header row is blank",
    },
    "error.blank-label": {
        "ka": "სვეტის სახელი ცარიელია",
        "en": "A column label is blank",
    },
    "error.duplicate-label": {
        "ka": "სვეტის სახელი მეორდება",
        "en": "A column label is repeated",
    },
    "error.incorrect-label": {
        "ka": "სვეტის სახელი არ ემთხვევა სქემის ველს",
        "en": "A column label does not match the schema field",
    },
    "error.extra-label": {
        "ka": "სვეტი, რომელიც სქემაში არ არის",
        "en": "A column the schema does not have",
    },
    "error.missing-label": {
        "ka": "სქემის ველი, რომლის სვეტიც ფაილში არ არის",
        "en": "A schema field with no column in the file",
    },
    "error.blank-row": {
        "ka": "ცარიელი სტრიქონი",
        "en": "An empty row",
    },
    "error.extra-cell": {
        "ka": "სტრიქონს სათაურზე მეტი უჯრა აქვს",
        "en": "The row has more cells than the header",
    },
    "error.missing-cell": {
        "ka": "სტრიქონს სათაურზე ნაკლები უჯრა აქვს",
        "en": "The row has fewer cells than the header",
    },
    "error.type-error": {
        "ka": "მნიშვნელობა არ შეესაბამება ველის ტიპს ან ფორმატს",
        "en": "The value does not match the field's type or format",
    },
    "error.constraint-error": {
        "ka": "მნიშვნელობა არღვევს ველის შეზღუდვას",
        "en": "The value breaks a constraint of the field",
    },
    "error.unique-error": {
        "ka": "მნიშვნელობა უნიკალური უნდა იყოს, მაგრამ მეორდება",
        "en": "The value must be unique but is repeated",
    },
    "error.primary-key-error": {
        "ka": "პირველადი გასაღები ცარიელია ან მეორდება",
        "en": "The primary key is empty or repeated",
    },
    "error.source-error": {
        "ka": "წყარო ცარიელია ან ვერ წაიკითხება",
        "en": "The source is empty or cannot be read",
    },
    # Details of an error, shown after its type.
    "detail.type": {
        "ka": "ტიპი „{type}“, ფორმატი „{format}“",
        "en": "type “{type}”, format “{format}”",
    },
    "detail.constraint": {
        "ka": "შეზღუდვა „{constraint}“ = {value}",
        "en": "constraint “{constraint}” is {value}",
    },
    "detail.same_as_row": {
        "ka": "იგივეა, რაც სტრიქონში {row}",
        "en": "the same as in row {row}",
    },
    "detail.pk_blank": {
        "ka": "გასაღების ყველა უჯრა ცარიელია",
        "en": "all cells of the key are empty",
    },
    "detail.duplicate_label": {
        "ka": "უკვე არის პოზიციაზე {positions}",
        "en": "already at position {positions}",
    },
    # --- Personal data kinds ---------------------------------------------------------------
    "pii.personal_number": {"ka": "პირადი ნომერი", "en": "personal number"},
    "pii.phone": {"ka": "ტელეფონის ნომერი", "en": "phone number"},
    "pii.email": {"ka": "ელ-ფოსტა", "en": "e-mail address"},
    "pii.iban": {"ka": "ანგარიშის ნომერი (IBAN)", "en": "bank account (IBAN)"},
    "pii.car_plate": {"ka": "ავტომობილის ნომერი", "en": "car plate"},
    "pii.person_name": {"ka": "პირის სახელი ან გვარი", "en": "person's name"},
    "pii.company_code": {
        "ka": "საიდენტიფიკაციო კოდი (არა პერსონალური)",
        "en": "company identification code (not personal)",
    },
    "pii_found": {
        "ka": "სვეტი „{field}“: {kind} — {count} მნიშვნელობა ({share}), სანდოობა {confidence}",
        "en": "Column “{field}”: {kind} — {count} values ({share}), confidence {confidence}",
    },
    # --- Command line --------------------------------------------------------------------
    "cli.valid": {
        "ka": "✓ ცხრილი ვალიდურია: {rows} სტრიქონი, {fields} სვეტი",
        "en": "✓ The table is valid: {rows} rows, {fields} columns",
    },
    "cli.invalid": {
        "ka": "✗ ნაპოვნია {errors} შეცდომა: {rows} სტრიქონი, {fields} სვეტი",
        "en": "✗ {errors} errors found: {rows} rows, {fields} columns",
    },
    "cli.errors_by_type": {
        "ka": "შეცდომები ტიპის მიხედვით:",
        "en": "Errors by type:",
    },
    "cli.error_line": {
        "ka": "სტრიქონი {row}, სვეტი {field}: {message}",
        "en": "row {row}, column {field}: {message}",
    },
    "cli.more_errors": {
        "ka": "… და კიდევ {count} (იხ. --limit-errors)",
        "en": "… and {count} more (see --limit-errors)",
    },
    "cli.notes": {"ka": "რა გაკეთდა:", "en": "What was done:"},
    "cli.personal_data": {"ka": "პერსონალური მონაცემები:", "en": "Personal data:"},
    "cli.no_personal_data": {
        "ka": "პერსონალური მონაცემები ვერ მოიძებნა",
        "en": "No personal data found",
    },
    "cli.quality": {"ka": "ხარისხის ქულა: {score} / 100", "en": "Quality score: {score} / 100"},
    "cli.schema_written": {"ka": "სქემა ჩაიწერა: {path}", "en": "Schema written: {path}"},
    "cli.table_written": {
        "ka": "ცხრილი ჩაიწერა: {path} ({rows} სტრიქონი)",
        "en": "Table written: {path} ({rows} rows)",
    },
    "cli.progress": {"ka": "შემოწმება", "en": "Checking"},
    "cli.step_invalid": {
        "ka": "გასუფთავების ნაბიჯი არასწორია: {step}",
        "en": "Invalid clean step: {step}",
    },
    "cli.field": {"ka": "ველი", "en": "field"},
}


class _Blank(dict):
    """Leaves an unknown field visible as {name} rather than failing to render."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(code: str, params: Mapping | None = None, lang: str = "en") -> str:
    """The message of ``code`` in ``lang`` with ``params`` filled in."""
    entry = MESSAGES.get(code)
    if entry is None:
        return code
    template = entry.get(lang) or entry["en"]
    return template.format_map(_Blank(params or {}))


def render_both(code: str, params: Mapping | None = None) -> dict[str, str]:
    """The message in every language, as JSON reports carry it."""
    return {lang: render(code, params, lang) for lang in LANGUAGES}


@dataclass(frozen=True)
class Note:
    """Something the engine did or found, told by a message code and its params."""

    code: str
    params: dict = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        return render(self.code, self.params, lang)

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "params": self.params,
            "message": render_both(self.code, self.params),
        }
