"""What the blind second review screen does, without Qt: the GUI calls these and shows results.

The screen walks a sample's records for one checker. For each it shows `record(i)` (no first
decision), takes the checker's decision to `submit`, then shows the returned comparison and,
for a disagreement, takes `decide(uphold|overturn, note)`.
"""

from __future__ import annotations

from sqlalchemy import select

from models import Store
from models.qa import QaSample
from reviewer.decisions.exemptions import allowed_codes, suggest_period
from reviewer.decisions.store import collection_id_of
from reviewer.decisions.types import DecisionError
from reviewer.qa.blind import BlindRecord, blind_view, review_ids, submit_review
from reviewer.qa.blinding import Blind
from reviewer.qa.compare import Comparison
from reviewer.qa.outcomes import ReviewView, record_outcome
from reviewer.qa.sampling import get_sample
from reviewer.qa.types import QaDecision


class BlindReviewFlow:
    """One checker's pass over one sample (the collection's newest sample by default)."""

    def __init__(
        self, store: Store, collection: str, checker: str, sample_id: int | None = None
    ) -> None:
        if not checker.strip():
            raise DecisionError(["the checker's name is required"])
        self.store = store
        self.checker = checker.strip()
        with store.session() as s:
            self.collection_id = collection_id_of(s, collection)
            if sample_id is None:
                sample_id = s.scalar(
                    select(QaSample.id)
                    .where(QaSample.collection_id == self.collection_id)
                    .order_by(QaSample.id.desc())
                )
            if sample_id is None:
                raise DecisionError(["draw a sample first (reviewer qa sample)"])
            sample = get_sample(s, sample_id)
        self.sample_id = sample.id
        self.record_ids = [i.record_id for i in sample.items]

    def __len__(self) -> int:
        return len(self.record_ids)

    def record(self, index: int) -> BlindRecord:
        with self.store.session() as s:
            return blind_view(s, self.record_ids[index])

    def reviewed(self) -> dict[int, int]:
        """Review id by record id, for the records this checker has already submitted."""
        with self.store.session() as s:
            return review_ids(s, self.record_ids, self.checker)

    def blind(self) -> Blind:
        """What every other surface must hide from this checker now: the first decision of
        each sample record they have not yet judged."""
        return Blind(frozenset(set(self.record_ids) - set(self.reviewed())))

    def submit(self, record_id: int, decision: QaDecision) -> tuple[int, Comparison]:
        with self.store.session() as s:
            return submit_review(s, record_id, self.checker, decision, sample_id=self.sample_id)

    def decide(self, review_id: int, outcome: str, note: str) -> ReviewView:
        with self.store.session() as s:
            return record_outcome(s, review_id, outcome, note, self.checker)

    @staticmethod
    def exemption_codes() -> list[str]:
        return list(allowed_codes())

    @staticmethod
    def suggested_period(code: str) -> int | None:
        return suggest_period(code)
