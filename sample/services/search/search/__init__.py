"""Acme Cloud search: indexing of orders, query parsing and ranking."""

from .query_parser import ParsedQuery, QuerySyntaxError, parse
from .ranking import score

__all__ = ["ParsedQuery", "QuerySyntaxError", "parse", "score"]
