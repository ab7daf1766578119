"""Ranking: BM25 per field, weighted, then boosted by recency.

Scores are computed here rather than in OpenSearch because customers can pin results, and a
pinned result has to beat any text score.
"""

from __future__ import annotations

import math
from datetime import datetime, timezone

K1 = 1.2
B = 0.75
FIELD_WEIGHTS = {"title": 2.0, "customer": 1.5, "body": 1.0}
RECENCY_HALF_LIFE_DAYS = 30.0
PINNED_BOOST = 1_000.0


def bm25(term_freq: int, doc_len: int, avg_doc_len: float, doc_count: int, docs_with_term: int) -> float:
    idf = math.log(1 + (doc_count - docs_with_term + 0.5) / (docs_with_term + 0.5))
    norm = term_freq * (K1 + 1) / (term_freq + K1 * (1 - B + B * doc_len / avg_doc_len))
    return idf * norm


def recency_boost(updated_at: datetime, now: datetime | None = None) -> float:
    now = now or datetime.now(timezone.utc)
    age_days = max(0.0, (now - updated_at).total_seconds() / 86_400)
    return 0.5 ** (age_days / RECENCY_HALF_LIFE_DAYS)


def score(doc: dict, terms: list[str], stats: dict, now: datetime | None = None) -> float:
    total = 0.0
    for field_name, weight in FIELD_WEIGHTS.items():
        tokens = str(doc.get(field_name) or "").lower().split()
        for term in terms:
            tf = tokens.count(term)
            if tf:
                total += weight * bm25(
                    tf,
                    len(tokens),
                    stats["avg_len"][field_name],
                    stats["doc_count"],
                    stats["df"].get(term, 1),
                )
    total *= 1 + recency_boost(datetime.fromisoformat(doc["updated_at"]), now)
    if doc.get("pinned"):
        total += PINNED_BOOST
    return total
