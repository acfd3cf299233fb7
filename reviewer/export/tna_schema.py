"""TNA's TDR metadata schema, loaded from the copy shipped in `resources/tna` (MIT, see SOURCE.txt).

TNA validates each metadata row, converted from CSV text to typed JSON, against several JSON
schemas with the 2020-12 meta-schema (networknt in Scala), so sibling keywords beside `$ref` apply;
we do the same with `Draft202012Validator`. Their `$ref`s name `classpath:/metadata-schema/...`
resources, served here from a `referencing` registry. Two custom keywords exist:

- `daBeforeToday` (a date must be before today) is implemented as a keyword below.
- `matchEndDateOrDateLastModified` needs the whole row, which jsonschema keyword functions never
  see, so the keyword is a no-op inside the schema and the rule is checked row-wide in
  `reviewer.export.metadata`, together with TNA's other row checks that live outside the schema
  files (codes and periods of equal number, schedule date not before 2000 nor equal to the start).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import jsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from jsonschema.protocols import Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

CLASSPATH = "classpath:/metadata-schema/"
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
# TNA's validation processes, in the order TDR runs them, with their schema files.
SCHEMAS = (
    ("SCHEMA_BASE", "baseSchema.schema.json"),
    ("SCHEMA_CLOSURE_CLOSED", "closureSchemaClosed.schema.json"),
    ("SCHEMA_CLOSURE_OPEN", "closureSchemaOpen.schema.json"),
    ("SCHEMA_RELATIONSHIP", "relationshipSchema.schema.json"),
    ("SCHEMA_REQUIRED", "requiredSchema.schema.json"),
)
TEMPLATE_DOMAIN = "MetadataDownloadTemplate"


def _tna_file(relative: str) -> str:
    return resources.files("resources").joinpath("tna", relative).read_text(encoding="utf-8")


@cache
def load_json(relative: str) -> Any:
    """A JSON file from `resources/tna`, e.g. `metadata-schema/baseSchema.schema.json`."""
    return json.loads(_tna_file(relative))


@cache
def tdr_columns() -> tuple[tuple[str, str], ...]:
    """(schema key, CSV header) of TDR's metadata CSV, in the order of TNA's download template.

    Ties in `columnIndex` (TNA's config has one) keep the config's own order.
    """
    found: list[tuple[int, int, str, str]] = []
    for pos, item in enumerate(load_json("config-schema/config.json")["configItems"]):
        headers = [
            k["tdrFileHeader"] for k in item.get("alternateKeys", []) if "tdrFileHeader" in k
        ]
        for out in item.get("downloadFilesOutputs", []):
            if out.get("domain") == TEMPLATE_DOMAIN and headers:
                found.append((int(out["columnIndex"]), pos, item["key"], headers[0]))
    found.sort()
    return tuple((key, header) for _, _, key, header in found)


def tdr_headers() -> tuple[str, ...]:
    """TDR's CSV headers, lower case and exact, in order."""
    return tuple(header for _, header in tdr_columns())


@cache
def foi_codes() -> tuple[str, ...]:
    """FOI exemption codes TDR accepts, exactly as written in the CSV."""
    defs = load_json("metadata-schema/definitionsSchema.schema.json")["definitions"]
    return tuple(defs["foi_codes"]["enum"])


@cache
def disallowed_puids() -> dict[str, str]:
    """PUID -> TNA's reason (e.g. "Zip", "Encrypted") for formats TDR refuses."""
    items = load_json("puids/disallowed-puids.json")
    return {i["puid"]: i["reason"] for i in items if i.get("active", True)}


def is_excluded_filename(name: str) -> bool:
    """True for system files TDR drops (thumbs.db, desktop.ini, .DS_Store)."""
    for rule in load_json("puids/excluded-filenames.json"):
        pattern = rule["pattern"]
        if rule.get("caseInsensitive") and name.lower() == pattern.lower():
            return True
        if name == pattern:
            return True
    return False


@cache
def messages() -> dict[str, str]:
    """TNA's plain-English messages keyed like `SCHEMA_BASE.end_date.format.date`."""
    out: dict[str, str] = {}
    for line in _tna_file("validation-messages/validation-messages.properties").splitlines():
        if "=" in line and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            # Drop TNA's markdown links: "[text](url)" -> "text".
            out[key.strip()] = _MD_LINK.sub(r"\1", value.strip())
    return out


def _da_before_today(validator: Any, enabled: Any, instance: Any, schema: Any) -> Iterator[Any]:
    """`daBeforeToday`: a valid ISO date must not be after today (bad formats fail elsewhere)."""
    if not isinstance(instance, str):
        return
    try:
        value = date.fromisoformat(instance)
    except ValueError:
        return
    if value > date.today():
        yield ValidationError("date is in the future")


def _ignore_row_keyword(validator: Any, value: Any, instance: Any, schema: Any) -> Iterator[Any]:
    """Row-wide custom keyword: checked in `reviewer.export.metadata` instead."""
    return iter(())


TnaValidator = jsonschema.validators.extend(
    Draft202012Validator,
    {"daBeforeToday": _da_before_today, "matchEndDateOrDateLastModified": _ignore_row_keyword},
)


@cache
def _registry() -> Registry[Any]:
    registry: Registry[Any] = Registry()
    for _, filename in (*SCHEMAS, ("", "definitionsSchema.schema.json")):
        contents = load_json(f"metadata-schema/{filename}")
        resource = Resource.from_contents(contents, default_specification=DRAFT202012)
        registry = registry.with_resource(CLASSPATH + filename, resource)
    return registry


@cache
def validators() -> tuple[tuple[str, Validator], ...]:
    """(validation process, validator) for every schema TDR applies to a row."""
    out: list[tuple[str, Validator]] = []
    for process, filename in SCHEMAS:
        schema = load_json(f"metadata-schema/{filename}")
        validator = TnaValidator(
            schema, registry=_registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
        )
        out.append((process, validator))
    return tuple(out)


def base_property(key: str) -> dict[str, Any]:
    """The base schema's definition of one property (its type decides CSV conversion)."""
    props: dict[str, dict[str, Any]] = load_json("metadata-schema/baseSchema.schema.json")[
        "properties"
    ]
    return props.get(key, {})
