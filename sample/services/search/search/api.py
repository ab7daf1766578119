"""HTTP entry point: ``GET /search?q=...`` for the web app and the public API."""

from __future__ import annotations

import os

from fastapi import FastAPI, Header, HTTPException, Query
from opensearchpy import OpenSearch

from .indexer import INDEX
from .query_parser import ParsedQuery, QuerySyntaxError, parse
from .ranking import score

app = FastAPI(title="acme-search")
client = OpenSearch(hosts=[os.environ.get("OPENSEARCH_URL", "http://localhost:9200")])

CANDIDATES = 200


@app.get("/search")
def search(
    q: str = Query(..., max_length=512),
    limit: int = Query(20, ge=1, le=100),
    account_id: str = Header(..., alias="X-Account-Id"),
) -> dict:
    try:
        parsed = parse(q)
    except QuerySyntaxError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    if parsed.is_empty():
        return {"results": [], "total": 0}

    hits = client.search(index=INDEX, body=_opensearch_query(account_id, parsed), size=CANDIDATES)
    docs = [hit["_source"] for hit in hits["hits"]["hits"]]
    stats = client.get_source(index=f"{INDEX}-stats", id=account_id)
    ranked = sorted(docs, key=lambda doc: score(doc, parsed.terms, stats), reverse=True)
    return {"results": ranked[:limit], "total": hits["hits"]["total"]["value"]}


def _opensearch_query(account_id: str, parsed: ParsedQuery) -> dict:
    text = " ".join(parsed.terms + parsed.phrases)
    must = [{"multi_match": {"query": text, "fields": ["title^2", "customer", "body"]}}] if text else []
    filters = [{"term": {"account_id": account_id}}]
    filters += [{"terms": {name: values}} for name, values in parsed.filters.items()]
    must_not = [{"multi_match": {"query": word, "fields": ["title", "body"]}} for word in parsed.excluded]
    return {"query": {"bool": {"must": must, "filter": filters, "must_not": must_not}}}
