"""taxcalc over HTTP and JSON lines, for accounting systems written in any language.

* :mod:`taxcalc.service.answers` — the answers themselves, as plain JSON data: a rule's
  result, the report, a law key's history or value, the coverage of a day, the
  registry.  No web framework is imported: ``taxcalc jsonl`` uses them too.
* :mod:`taxcalc.service.problems` — every refusal as one JSON error document, each
  problem naming where it is (``body``, ``query``, ``path``, ``header``) and the field.
* :mod:`taxcalc.service.settings` — what the server is started with (address, size and
  time limits, the bearer token) and the checks that keep it safe by default.
* :mod:`taxcalc.service.app` — the FastAPI application (needs ``taxcalc-cn[server]``).

Start it with ``taxcalc serve``; see ``docs/service.md``.
"""

from __future__ import annotations

__all__: list[str] = []
