"""Reminders, their claims and the promises read from the owner's words, at their edges: each
test holds a rule whose breaking mutation testing showed no other test noticed (issue 19)."""

from __future__ import annotations
