"""Keeps the OpenSearch index in step with order changes.

Changes arrive from the outbox table in batches; each batch is one bulk request. A document
that fails is retried once on its own and then parked in the dead-letter table, so that one
bad record cannot hold up the stream.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone

from opensearchpy import OpenSearch, helpers

log = logging.getLogger(__name__)

INDEX = "acme-orders-v3"
BATCH_SIZE = 500


def to_document(change: dict) -> dict:
    order = change["payload"]
    return {
        "_index": INDEX,
        "_id": order["id"],
        "account_id": order["account_id"],
        "title": f"Order {order['number']}",
        "customer": order.get("customer_name") or "",
        "body": " ".join(line["description"] for line in order.get("lines", [])),
        "status": order["status"],
        "currency": order["currency"],
        "updated_at": datetime.fromisoformat(order["updated_at"]).astimezone(timezone.utc).isoformat(),
    }


def batches(changes: Iterable[dict], size: int = BATCH_SIZE) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for change in changes:
        batch.append(change)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def index_changes(client: OpenSearch, changes: Iterable[dict], dead_letter) -> int:
    indexed = 0
    for batch in batches(changes):
        documents = [to_document(change) for change in batch]
        ok, errors = helpers.bulk(client, documents, raise_on_error=False, max_retries=2)
        indexed += ok
        for error in errors:
            _retry_once(client, error, documents, dead_letter)
    return indexed


def _retry_once(client: OpenSearch, error: dict, documents: list[dict], dead_letter) -> None:
    failed_id = error["index"]["_id"]
    document = next(doc for doc in documents if doc["_id"] == failed_id)
    body = {key: value for key, value in document.items() if not key.startswith("_")}
    try:
        client.index(index=INDEX, id=failed_id, body=body)
    except Exception as exc:  # noqa: BLE001 - whatever the failure, the document is parked
        log.warning("parking document %s after retry: %s", failed_id, exc)
        dead_letter.park(failed_id, str(exc))
