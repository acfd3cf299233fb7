"""The fixed set of personal-data labels, with the colours the viewer's legend uses."""

from __future__ import annotations

from typing import Protocol

LABELS: tuple[str, ...] = (
    "PERSON",
    "ORG",
    "LOCATION",
    "ADDRESS",
    "POSTCODE",
    "DATE",
    "DATE_OF_BIRTH",
    "PHONE",
    "EMAIL",
    "NINO",
    "NHS_NUMBER",
    "VEHICLE_REG",
    "PASSPORT",
    "DRIVING_LICENCE",
    "PNC_ID",
    "CRO_NUMBER",
    "PAYMENT_CARD",
    "BANK_ACCOUNT",
    "SORT_CODE",
    "IP_ADDRESS",
    "SPECIAL_CATEGORY",
)

# Colour-blind-friendly families: people warm, places green, identifiers blue/purple.
LABEL_COLOURS: dict[str, str] = {
    "PERSON": "#e6550d",
    "ORG": "#fd8d3c",
    "LOCATION": "#31a354",
    "ADDRESS": "#006d2c",
    "POSTCODE": "#74c476",
    "DATE": "#969696",
    "DATE_OF_BIRTH": "#d62728",
    "PHONE": "#3182bd",
    "EMAIL": "#6baed6",
    "NINO": "#756bb1",
    "NHS_NUMBER": "#9e9ac8",
    "VEHICLE_REG": "#8c6d31",
    "PASSPORT": "#54278f",
    "DRIVING_LICENCE": "#bcbddc",
    "PNC_ID": "#393b79",
    "CRO_NUMBER": "#5254a3",
    "PAYMENT_CARD": "#843c39",
    "BANK_ACCOUNT": "#ad494a",
    "SORT_CODE": "#d6616b",
    "IP_ADDRESS": "#17becf",
    "SPECIAL_CATEGORY": "#e7298a",
}

# Identifiers checked by a validator; they are trusted over statistical NER where spans overlap.
IDENTIFIER_LABELS = frozenset(
    {
        "POSTCODE",
        "PHONE",
        "EMAIL",
        "NINO",
        "NHS_NUMBER",
        "VEHICLE_REG",
        "PASSPORT",
        "DRIVING_LICENCE",
        "PNC_ID",
        "CRO_NUMBER",
        "PAYMENT_CARD",
        "BANK_ACCOUNT",
        "SORT_CODE",
        "IP_ADDRESS",
    }
)

# What a reviewer reads in menus, lists and reports; the codes above stay in the store and CLI.
LABEL_NAMES: dict[str, str] = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "LOCATION": "Place",
    "ADDRESS": "Address",
    "POSTCODE": "Postcode",
    "DATE": "Date",
    "DATE_OF_BIRTH": "Date of birth",
    "PHONE": "Phone number",
    "EMAIL": "Email address",
    "NINO": "National Insurance number",
    "NHS_NUMBER": "NHS number",
    "VEHICLE_REG": "Vehicle registration",
    "PASSPORT": "Passport number",
    "DRIVING_LICENCE": "Driving licence number",
    "PNC_ID": "PNC ID",
    "CRO_NUMBER": "CRO number",
    "PAYMENT_CARD": "Payment card number",
    "BANK_ACCOUNT": "Bank account number",
    "SORT_CODE": "Sort code",
    "IP_ADDRESS": "IP address",
    "SPECIAL_CATEGORY": "Special category",
}


def display_name(label: str) -> str:
    """The human name of a label ("Date of birth" for DATE_OF_BIRTH); unknown codes tidied."""
    known = LABEL_NAMES.get(label)
    if known is not None:
        return known
    words = label.replace("_", " ").strip()
    return words[:1].upper() + words[1:].lower() if words else label


# What a reviewer sees without asking: personal data. An organisation, a place or a date on its
# own identifies no one, so ORG, LOCATION and DATE stay detected (for search, `--labels` and the
# GUI's "Show organisations, places and dates") but are not highlighted by default. A date of
# birth, an address and every personal identifier are. SPECIAL_CATEGORY is shown when the
# detector ties it to a person (an untied term scores below `FLAG_SCORE`: `reviewer.detect.ties`).
HIDDEN_BY_DEFAULT = frozenset({"ORG", "LOCATION", "DATE"})
DEFAULT_SHOWN: frozenset[str] = frozenset(LABELS) - HIDDEN_BY_DEFAULT
FLAG_SCORE = 0.5  # below this a span is "possible": shown only on request


class Scored(Protocol):
    """Anything with a label and a score: a `Span`, an `EntityView`, a GUI mark."""

    @property
    def label(self) -> str: ...

    @property
    def score(self) -> float: ...


def shown_by_default(
    span: Scored, labels: frozenset[str] | None = None, *, low_confidence: bool = False
) -> bool:
    """Whether `span` is highlighted without the reviewer asking for more: a label shown by
    default (or one of `labels`, when the reviewer chose them) and a flagged score (any score
    when the reviewer asked for `low_confidence` spans too)."""
    flagged = low_confidence or span.score >= FLAG_SCORE
    return flagged and span.label in (DEFAULT_SHOWN if labels is None else labels)


def parse_labels(value: str) -> frozenset[str]:
    """A `--labels` value: comma-separated labels (any case) or "all"; ValueError says which
    label is unknown."""
    if value.strip().casefold() == "all":
        return frozenset(LABELS)
    wanted = {v.strip().upper() for v in value.split(",") if v.strip()}
    unknown = sorted(wanted - set(LABELS))
    if unknown or not wanted:
        raise ValueError(
            f"--labels: unknown label {unknown[0] if unknown else value!r} "
            f"(labels: {', '.join(LABELS)}, or all)"
        )
    return frozenset(wanted)
