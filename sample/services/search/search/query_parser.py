"""Parses the syntax of the search box.

    invoice status:paid -"test account" customer:"Big Co"

Bare words and quoted phrases are full-text terms, ``field:value`` restricts a field and a
leading ``-`` excludes. Unknown fields are treated as text, so that a typo never turns into
an error for the user.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field

FILTER_FIELDS = frozenset({"status", "customer", "currency", "sku", "region"})
MAX_TERMS = 32


class QuerySyntaxError(ValueError):
    """The query cannot be parsed; the message is safe to show to the user."""


@dataclass
class ParsedQuery:
    terms: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)
    excluded: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.terms or self.phrases or self.filters)


def parse(raw: str) -> ParsedQuery:
    try:
        tokens = shlex.split(raw, posix=True)
    except ValueError as exc:  # shlex only says "No closing quotation"
        raise QuerySyntaxError("Unbalanced quotes in the search query") from exc
    if len(tokens) > MAX_TERMS:
        raise QuerySyntaxError(f"Search queries are limited to {MAX_TERMS} terms")

    query = ParsedQuery()
    for token in tokens:
        _add_token(query, token)
    return query


def _add_token(query: ParsedQuery, token: str) -> None:
    if token.startswith("-") and len(token) > 1:
        query.excluded.append(token[1:].lower())
        return
    name, sep, value = token.partition(":")
    if sep and name.lower() in FILTER_FIELDS:
        query.filters.setdefault(name.lower(), []).append(_normalize_filter(name.lower(), value))
        return
    if " " in token:
        query.phrases.append(token.lower())
    else:
        query.terms.append(token.lower())


def _normalize_filter(name: str, value: str) -> str:
    if not value:
        raise QuerySyntaxError(f"The {name}: filter needs a value")
    if name == "currency":
        return value.upper()
    return value.lower()
