"""Running the audit on Dask: which scheduler, and streaming batches of drafts through it.

Drafts go to the workers in batches, a bounded number in flight at once, and come back in
the order they finish (``distributed.as_completed``); the client adds each batch up and
forgets it. So the client holds a few batches of paths and records, however large the
archive. A worker that dies takes its batches with it; the scheduler gives them to
another worker, and the audit carries on.
"""
from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING, Iterable, Iterator

from .linting import AuditSpec, DraftRecord, lint_batch

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client

LOCAL = ("processes", "threads")
RETRIES = 3  # a batch whose result is lost (its worker died, a connection broke) is sent again
BATCH = 20  # drafts per task: enough to hide the scheduler's per-task cost, small enough to balance
IN_FLIGHT_PER_WORKER = 4


class SchedulerError(Exception):
    """The scheduler named cannot be used; the message says why (exit 2)."""


def is_address(value: str) -> bool:
    return "://" in value


def check_scheduler(scheduler: str) -> None:
    if not is_address(scheduler) and scheduler not in LOCAL:
        raise SchedulerError(f"unknown scheduler '{scheduler}' (processes, threads, or an address such as "
                             "tcp://host:8786)")


@contextmanager
def client_for(scheduler: str, workers: int) -> Iterator["Client"]:
    """A dask.distributed client: a local cluster of ``workers`` processes (or threads in
    this process), or a connection to the running scheduler at an address."""
    from distributed import Client, LocalCluster

    if is_address(scheduler):
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as exc:
            raise SchedulerError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        try:
            yield client
        finally:
            client.close()
        return
    check_scheduler(scheduler)
    processes = scheduler == "processes"
    with _workers_ignore_ctrl_c():
        cluster = LocalCluster(n_workers=workers if processes else 1, threads_per_worker=1 if processes else workers,
                               processes=processes, dashboard_address=":0", silence_logs=logging.ERROR)
    try:
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


@contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Ctrl-C on a terminal reaches every process of the group. Local workers started while
    SIGINT is ignored keep ignoring it (an ignored signal stays ignored across exec), so only
    this process stops, and it shuts the cluster down itself instead of each worker printing
    a traceback."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _batches(paths: Iterable[str], size: int) -> Iterator[list[str]]:
    it = iter(paths)
    while True:
        batch = list(islice(it, size))
        if not batch:
            return
        yield batch


class Stream:
    """Batches of records as they finish. :meth:`cancel` drops what is still running."""

    def __init__(self, client: "Client", spec: AuditSpec, paths: Iterable[str], *, batch: int = BATCH,
                 in_flight: int | None = None) -> None:
        self.client = client
        self.spec = spec
        self._batches = _batches(paths, batch)
        if in_flight is None:
            workers = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))
            in_flight = IN_FLIGHT_PER_WORKER * workers
        self.in_flight = in_flight
        self._pending: dict = {}
        self._cwd = os.getcwd()
        self._linted = False

    def _submit(self, ac, batch: list[str] | None = None, tries: int = 0) -> bool:
        batch = batch if batch is not None else next(self._batches, None)
        if batch is None:
            return False
        future = self.client.submit(lint_batch, self.spec, batch, self._cwd, pure=False)
        self._pending[future.key] = (future, batch, tries)
        ac.add(future)
        return True

    def __iter__(self) -> Iterator[list[DraftRecord]]:
        from distributed import as_completed

        ac = as_completed()
        for _ in range(self.in_flight):
            if not self._submit(ac):
                break
        for future in ac:
            _f, batch, tries = self._pending.pop(future.key)
            try:
                records = future.result()
            except Exception as exc:
                # lint_batch catches what a draft can raise, so this is the cluster's trouble: the
                # scheduler already retried on other workers (KilledWorker), or the client lost
                # the result on the way. Send it again a few times; then list it, never stop.
                future.release()
                if tries < RETRIES:
                    self._submit(ac, batch, tries + 1)
                    continue
                why = f"{type(exc).__name__}: {exc}".strip()
                if not self._linted:  # nothing has worked yet: the workers cannot lint (no newslint there?)
                    raise SchedulerError(f"the Dask workers could not lint a draft: {why}") from None
                records = [DraftRecord(p, error=f"{p}: not linted ({why})") for p in batch]
            future.release()
            self._linted = True
            self._submit(ac)
            yield records

    def cancel(self) -> None:
        futures = [entry[0] for entry in self._pending.values()]
        self._pending.clear()
        if futures:
            try:
                self.client.cancel(futures)
            except Exception:  # the cluster may already be going away; nothing is left to save
                pass
