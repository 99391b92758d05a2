"""The acknowledgment's decision and outbox at their edges: each test holds a rule whose
breaking mutation testing showed no other test noticed (issue 19, benchmarks/mutation.py)."""

from __future__ import annotations
