"""A store with one small collection inserted directly (ingest is built elsewhere)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from models import Store, open_store
from models.records import Collection, Record, RecordPage
from reviewer.ingest.types import pack_words


@dataclass(frozen=True)
class Fixture:
    store: Store
    url: str
    collection_id: int
    ids: dict[str, int]  # path -> record id


FILES = {
    # path: (sha256, mtime year, parent path, page texts)
    "case1/statement.pdf": ("a" * 64, 2004, None, ["Witness statement about a murder.", "Page 2"]),
    "case1/notes.txt": ("b" * 64, 2004, None, ["Officer notes"]),
    "case1/sub/memo.docx": ("c" * 64, 2005, None, ["Memo on the appeal"]),
    "case2/statement_copy.pdf": ("a" * 64, 2006, None, ["Witness statement about a murder."]),
    "case2/mail.eml": ("d" * 64, 2003, None, ["Email body"]),
    "case2/mail.eml/attachment.pdf": ("e" * 64, 2003, "case2/mail.eml", ["Attached report"]),
    "corp/minutes.docx": ("f" * 64, 2001, None, ["Board minutes, undercover policing"]),
}


def make_store(url: str) -> Fixture:
    store = open_store(url)
    ids: dict[str, int] = {}
    with store.session() as s:
        coll = Collection(name="Test case files", kind="case")
        s.add(coll)
        s.flush()
        for path, (sha, year, parent, pages) in FILES.items():
            rec = Record(
                collection_id=coll.id,
                parent_id=ids.get(parent) if parent else None,
                path=path,
                name=path.rsplit("/", 1)[-1],
                size=100,
                sha256=sha,
                mtime=datetime(year, 6, 15, 12, 0, tzinfo=UTC),
                mime="message/rfc822" if path.endswith(".eml") else "application/pdf",
            )
            s.add(rec)
            s.flush()
            ids[path] = rec.id
            for no, text in enumerate(pages, 1):
                words = [
                    [m.start(), m.end(), 10.0 * k, 700.0, 10.0 * k + 8, 712.0]
                    for k, m in enumerate(re.finditer(r"\S+", text))
                ]
                s.add(
                    RecordPage(
                        record_id=rec.id,
                        page_no=no,
                        text=text,
                        words=pack_words(tuple(map(tuple, words))),
                    )
                )
        cid = coll.id
    return Fixture(store, url, cid, ids)
