"""Predictive review in the window: the queue read in a likely-* order, kept up to date.

Choosing an order ranks the collection in the background (`reviewer.predict`); while it is
chosen, the model is retrained after every `RETRAIN_EVERY` saved decisions, so the queue keeps
learning from the reviewer. Records of an open blind sample show no score.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from models import Store
from reviewer.predict.queue_order import ordered_queue
from reviewer.predict.tasks import BY_ORDER
from ui.queue.queue_panel import QueuePanel
from ui.tasks import Task, TaskManager

RETRAIN_EVERY = 10
Ranked = dict[int, tuple[int, float | None, tuple[str, ...]]]


class QueueRanking(QObject):
    """Ranks `queue` for the collection `current()` names, through `tasks`, as `actor()`."""

    def __init__(
        self,
        queue: QueuePanel,
        store: Store,
        tasks: TaskManager,
        current: Callable[[], str | None],
        actor: Callable[[], str],
        status: Callable[[str], None],
    ) -> None:
        super().__init__(queue)
        self.queue, self.store, self.tasks = queue, store, tasks
        self.current, self.actor, self.status = current, actor, status
        self._since = 0
        self._generation = 0
        self._running = False  # one ranking at a time: each one writes its model to the store
        self._again = False
        queue.order_chosen.connect(lambda _o: self.rank())

    def collection_loaded(self) -> None:
        """A (re)loaded queue: rank it again if a likely order is chosen."""
        self._since = 0
        if self.queue.current_order() != "file":
            self.rank()

    def decision_saved(self, *_args: object) -> None:
        """Count saves; retrain after a batch of them."""
        if self.queue.current_order() == "file":
            return
        self._since += 1
        if self._since >= RETRAIN_EVERY:
            self._since = 0
            self.rank()

    def rank(self) -> None:
        order, name = self.queue.current_order(), self.current()
        self._generation += 1
        generation = self._generation
        if order == "file" or name is None:
            self.queue.set_ranking({})
            return
        if self._running:
            self._again = True  # the newest wish runs when this one ends
            return
        self._running = True
        store, actor = self.store, self.actor()
        task = BY_ORDER[order]

        def work(_progress: Task) -> tuple[Ranked, str]:
            with store.session() as session:
                # The core puts the blind sample first, unscored: see reviewer.predict.queue_order.
                items, info = ordered_queue(session, name, order, actor=actor)
                session.commit()
            ranked: Ranked = {
                it.record_id: (rank, it.score, it.reasons) for rank, it in enumerate(items)
            }
            what = (
                "" if info is None else f"{info.kind} v{info.version}, {info.n_labelled} decisions"
            )
            return ranked, what

        def done(result: tuple[Ranked, str]) -> None:
            if generation == self._generation and self.queue.current_order() == order:
                self.queue.set_ranking(result[0])
                self.status(f"{task.title} ({result[1]})")

        def ended() -> None:
            self._running = False
            if self._again:
                self._again = False
                self.rank()

        self.status(f"Ranking the queue: {task.title.lower()}…")
        self.tasks.run(
            work,
            name="ranking the queue",
            on_done=done,
            on_failed=lambda msg: self.status(f"Could not rank the queue: {msg}"),
            on_ended=ended,
        )
