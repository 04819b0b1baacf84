"""``newslint audit``: lint an archive on Dask and report what it finds, by group and over time.

Modules, one job each:

- :mod:`.linting` — the one link to the engine: finding drafts, linting a batch, fact-pack dates;
- :mod:`.run` — the Dask scheduler and the stream of batches through it;
- :mod:`.aggregate` — adding records up as they arrive;
- :mod:`.outputs` — ``drafts.csv`` and ``summary.json``;
- :mod:`.charts` and :mod:`.report` — ``report.html``;
- :mod:`.progress` — the progress line;
- :mod:`.driver` — putting them together (:func:`audit`).

Dask and matplotlib are imported only here, never by ``newslint check``.
"""
from __future__ import annotations

from .driver import AuditResult, audit

__all__ = ["audit", "AuditResult"]
