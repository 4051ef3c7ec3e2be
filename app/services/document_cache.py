"""Built documents (PDF bytes) kept in memory, keyed by a fingerprint of what they show.

Building a PDF with reportlab takes many times longer than loading what it shows, and a
document built from the same content is the same document. So each process keeps the
bytes of the documents it built lately, keyed by (kind, record, fingerprint), where the
fingerprint is a sha256 over everything the document prints.

Why this is safe:
- Nothing invalidates an entry, because nothing needs to: an amendment, a renamed school or
  EP, a social worker's shorter list of amendments, anything printed that differs, gives a
  different fingerprint, so a different key. A stale entry is never found again; it ages out.
- It sits below the views: every request still signs in, passes the permission check and
  the school scoping (404 for another school's record), loads the record and writes its
  audit row, before it asks for the bytes. A hit only means someone built a document with
  exactly the content this requester was already allowed to see.
- It is bounded, in documents and in bytes, least recently used first out, so memory stays
  small however many records are downloaded.
"""

import hashlib
import json
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from threading import Lock

MAX_DOCUMENTS = 64
MAX_BYTES = 16 * 1024 * 1024


def fingerprint(*parts) -> str:
    """A sha256 over a canonical form of `parts` (text, numbers, dates, lists, dataclasses)."""
    canonical = json.dumps(parts, default=_plain, ensure_ascii=False, sort_keys=True,
                           separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _plain(value):
    if is_dataclass(value) and not isinstance(value, type):
        # Its fields as they are (json walks into them); asdict would deep-copy them first.
        return {"type": type(value).__name__,
                **{each.name: getattr(value, each.name) for each in fields(value)}}
    if isinstance(value, datetime | date):  # tagged: never equal to a text that reads the same
        return {"type": type(value).__name__, "iso": value.isoformat()}
    raise TypeError(f"No canonical form for {type(value).__name__}")


class DocumentCache:
    """A least-recently-used map of key → bytes, bounded in count and in total size."""

    def __init__(self, max_documents: int = MAX_DOCUMENTS, max_bytes: int = MAX_BYTES):
        self.max_documents = max_documents
        self.max_bytes = max_bytes
        self._documents: OrderedDict[Hashable, bytes] = OrderedDict()
        self._size = 0
        self._lock = Lock()  # a threaded server may serve two downloads at once

    def get_or_build(self, key: Hashable, build: Callable[[], bytes]) -> bytes:
        with self._lock:
            if key in self._documents:
                self._documents.move_to_end(key)
                return self._documents[key]
        # Built outside the lock: two first requests may both build; both get the same bytes.
        document = build()
        self._keep(key, document)
        return document

    def _keep(self, key: Hashable, document: bytes) -> None:
        if len(document) > self.max_bytes:
            return  # bigger than the whole budget: served, not kept
        with self._lock:
            if key in self._documents:
                self._size -= len(self._documents.pop(key))
            self._documents[key] = document
            self._size += len(document)
            while len(self._documents) > self.max_documents or self._size > self.max_bytes:
                _, oldest = self._documents.popitem(last=False)
                self._size -= len(oldest)

    def clear(self) -> None:
        with self._lock:
            self._documents.clear()
            self._size = 0

    def __len__(self) -> int:
        return len(self._documents)

    @property
    def size(self) -> int:
        """The bytes held."""
        return self._size


# One per process (each gunicorn worker has its own).
documents = DocumentCache()
