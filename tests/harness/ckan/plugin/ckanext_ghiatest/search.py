"""`package_search` answered from the database instead of Solr.

Each search builds, for every dataset, the document CKAN would have sent to Solr (the
same field names: `owner_org`, `organization`, `capacity`, `tags`, `res_format`,
`extras_*`, `permission_labels`, ...) and filters those documents with a small subset of
Solr's query syntax:

    q / fq   clauses joined by AND: `field:value`, `field:"a value"`, `field:(a OR b)`,
             `+field:value`, `-field:value`, `*:*`, and free words (matched in the
             name, title, notes, tags and extras, ignoring case)
    sort     `name`, `title_string`, `metadata_modified`, `metadata_created`, `score`
    facets   counts of `facet.field` over the matches

Anything else (ranges, local parameters, a top-level OR) raises SearchQueryError rather
than returning a wrong answer. It reads every dataset on each search: made for test
catalogues of a few hundred datasets, not for production.
"""

import fnmatch
import json
import re

from ckan import logic, model
from ckan.lib import plugins as lib_plugins
from ckan.lib.navl.dictization_functions import MissingNullEncoder
from ckan.lib.search.query import SearchQuery, SearchQueryError

# Fields matched as words inside the text (Solr's text fields); the others match whole values.
TEXT_FIELDS = {"text", "title", "notes", "res_name", "res_description"}
FREE_TEXT_FIELDS = ("name", "title", "notes", "tags", "organization", "text")
SORT_FIELDS = {"name", "title_string", "title", "metadata_modified", "metadata_created"}

# One clause: an optional sign, an optional `field:`, then a quoted, grouped or bare value.
CLAUSE = re.compile(
    r"""(?P<sign>[+-]?)
        (?:(?P<field>[A-Za-z_][\w.]*|\*):)?
        (?P<value>"[^"]*"|\([^)]*\)|[^\s()"]+)""",
    re.VERBOSE,
)
UNSUPPORTED = re.compile(r"\{!|\[|\]|\{|\}|\bTO\b|~|\^")


class DatabasePackageQuery(SearchQuery):
    """CKAN's PackageSearchQuery, with the datasets read from the database."""

    def run(self, query, permission_labels=None, **kwargs):
        clauses = []
        for text in (query.get("q"), query.get("fq"), *query.get("fq_list", [])):
            clauses.extend(parse(text or ""))
        if not any(field == "state" for _, field, _ in clauses):
            clauses.append(("+", "state", ["active"]))

        documents = [
            document
            for document in all_documents()
            if all(matches(document, clause) for clause in clauses)
            and visible(document, permission_labels)
        ]
        sort(documents, query.get("sort") or "score desc, metadata_modified desc")

        self.count = len(documents)
        self.facets = facets(documents, query)
        start, rows = int(query.get("start", 0)), int(query.get("rows", 10))
        self.results = [
            select(document, query.get("fl")) for document in documents[start : start + rows]
        ]
        return {"results": self.results, "count": self.count}

    def get_all_entity_ids(self, max_results=1000):
        active = [d["id"] for d in all_documents() if d["state"] == "active"]
        return active[:max_results]

    def get_index(self, reference):
        for document in all_documents():
            if reference in (document["id"], document["name"]):
                return document
        raise SearchQueryError(f"Dataset not found in the search index: {reference}")


def parse(text):
    """The (sign, field, values) clauses of one Solr query string."""
    text = text.strip()
    unsupported = SearchQueryError(f"the test search stand-in does not understand: {text!r}")
    if UNSUPPORTED.search(text):
        raise unsupported
    clauses, position = [], 0
    for found in CLAUSE.finditer(text):
        if text[position : found.start()].strip():
            raise unsupported
        position = found.end()
        sign, field, value = found["sign"], found["field"], found["value"]
        if not field and value in ("OR", "NOT", "||", "&&", "!"):
            raise unsupported
        if (not field and value in ("AND", "*")) or (field == "*" and value == "*"):
            continue
        clauses.append((sign or "+", field or "text", values_of(value)))
    if text[position:].strip():
        raise unsupported
    return clauses


def values_of(value):
    if value.startswith("("):
        return [values_of(part)[0] for part in re.split(r"\s+OR\s+", value[1:-1].strip())]
    return [value.strip('"')]


def matches(document, clause):
    sign, field, wanted = clause
    if field == "text":
        haystack = " ".join(" ".join(as_list(document.get(name))) for name in FREE_TEXT_FIELDS)
        haystack += " " + " ".join(str(v) for k, v in document.items() if k.startswith("extras_"))
        found = any(value.lower() in haystack.lower() for value in wanted)
    else:
        found = any(
            value_matches(have, value, field in TEXT_FIELDS)
            for have in as_list(document.get(field))
            for value in wanted
        )
    return found if sign == "+" else not found


def value_matches(have, value, as_text):
    if as_text:
        return value.lower() in have.lower()
    return fnmatch.fnmatchcase(have, value) if "*" in value else have == value


def as_list(value):
    if value is None:
        return []
    if isinstance(value, list):
        return [str(item) for item in value]
    if isinstance(value, bool):
        return [str(value).lower()]
    return [str(value)]


def visible(document, permission_labels):
    if permission_labels is None:
        return True
    return bool(set(document["permission_labels"]) & set(permission_labels))


def sort(documents, order):
    # Python's sort is stable: apply the keys from the last to the first.
    for part in reversed([p.strip() for p in order.split(",") if p.strip()]):
        field, _, direction = part.partition(" ")
        direction = direction.strip() or "asc"
        if field == "score":
            continue
        if field not in SORT_FIELDS or direction not in ("asc", "desc"):
            raise SearchQueryError('Invalid "sort" parameter')
        documents.sort(key=lambda d: (d.get(field) or "").lower(), reverse=direction == "desc")


def facets(documents, query):
    if str(query.get("facet", "true")).lower() == "false":
        return {}
    fields = query.get("facet.field") or []
    if isinstance(fields, str):
        fields = json.loads(fields)
    limit = int(query.get("facet.limit") or 50)
    mincount = int(query.get("facet.mincount") or 1)
    result = {}
    for field in fields:
        counts = {}
        for document in documents:
            for value in set(as_list(document.get(field))):
                counts[value] = counts.get(value, 0) + 1
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        result[field] = {value: n for value, n in ranked if n >= mincount}
        if limit >= 0:
            result[field] = dict(list(result[field].items())[:limit])
    return result


def select(document, fl):
    """The fields asked for, as Solr returns them (a bare value for `id` or `name`)."""
    if fl in ("id", "name"):
        return document[fl]
    names = (fl or "id validated_data_dict").replace(",", " ").split()
    if "*" in names:
        return dict(document)
    return {name: document[name] for name in names if name in document}


def all_documents():
    packages = model.Session.query(model.Package.id).order_by(model.Package.metadata_modified)
    return [document_for(package_id) for (package_id,) in packages]


def document_for(package_id):
    """The document CKAN's PackageSearchIndex would have sent to Solr for this dataset."""
    default, custom = logic.package_show_default_and_custom_schemas({}, package_id)
    document = {
        key: value
        for key, value in default.items()
        if isinstance(value, (str, int, float, bool)) or value is None
    }
    document.update(
        data_dict=json.dumps(default),
        validated_data_dict=json.dumps(custom, cls=MissingNullEncoder),
        title_string=default.get("title") or "",
        capacity="private" if default.get("private") else "public",
        organization=(default.get("organization") or {}).get("name"),
        dataset_type=default.get("type"),
        tags=[tag["name"] for tag in default.get("tags", [])],
        groups=[group["name"] for group in default.get("groups", [])],
        res_format=[r.get("format") or "" for r in default.get("resources", [])],
        res_name=[r.get("name") or "" for r in default.get("resources", [])],
        res_description=[r.get("description") or "" for r in default.get("resources", [])],
        res_url=[r.get("url") or "" for r in default.get("resources", [])],
        entity_type="package",
        permission_labels=lib_plugins.get_permission_labels().get_dataset_labels(
            model.Package.get(package_id)
        ),
    )
    for extra in default.get("extras", []):
        document["extras_" + extra["key"]] = extra["value"]
        document.setdefault(extra["key"], extra["value"])
    return document
