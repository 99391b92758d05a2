"""``why``'s reasons in words. The ledger stores each reason as written when the mail was read:
classify's ``"<evidence> (<rule>, B12 heuristic)"`` and the acknowledgment decision's
``"<code>: <prose>"``, in English. Here they are read back into the rule they name and said in
the owner's language: the evidence (a header and its value, quoted from the mail) stays as it
is, the rule becomes words from the catalogue, its code in parentheses. A reason no rule here
knows (from an older version) is shown as stored.
"""

from __future__ import annotations

import re

from vasteaika.catalogue import say, say_known
from vasteaika.catalogue.words import WORDS

# Whole reasons whose wording is the rule itself: (pattern, key, evidence group or None).
_WHOLE = (
    (re.compile(r"customer: From (\S+), no machine signal"), "rule.customer", r"From: \1"),
    (re.compile(r"From: (\S+) is an owner address"), "rule.owner", r"From: \1"),
    (re.compile(r"contact form: From (\S+), Reply-To (\S+) \(C5\)"), "rule.form",
     r"From: \1, Reply-To: \2"),
    (re.compile(r"in the Sent folder: sent by the owner"), "rule.in_sent", None),
    (re.compile(r"sent by the owner, but not written by a human"), "rule.not_human", None),
    (re.compile(r"X-Vasteaika-Ack: our own acknowledgment \(B14\)"), "rule.B14",
     "X-Vasteaika-Ack"),
    (re.compile(r"(Message-ID: <.*>) is our own acknowledgment \(B14\)", re.DOTALL), "rule.B14",
     r"\1"),
    (re.compile(r"Return-Path: <> with an out-of-office subject \(.*\)"), "rule.B2_ooo",
     "Return-Path: <>"),
    (re.compile(r"Return-Path: <> null sender \(.*\)"), "rule.B2", "Return-Path: <>"),
    (re.compile(r"(X-MS-Exchange-Inbox-Rules-Loop) with (X-Auto-Response-Suppress: All) \(.*\)"),
     "rule.B9", r"\1, \2"),
    (re.compile(r"out-of-office: the text opens like an out-of-office reply \(no header says so\)"),
     "rule.body_ooo", None),
)  # fmt: skip
_IGNORED = re.compile(r"((?:From|Reply-To): \S+) is on the ignore list \((.*)\)", re.DOTALL)
_TAIL = re.compile(r"(?P<evidence>.*) \((?P<rule>[^()]*)\)", re.DOTALL)
_CODE = re.compile(r"\b(B1[0-4]|B[1-9])\b|(§6)|\bRFC 3834\)?$")
_ACK_CODE = re.compile(r"(?P<code>[a-z][a-z-]*(?: or [a-z]+)?): ")


def message_reason(lang: str, reason: str) -> str:
    """One stored classification reason in ``lang``: "<evidence> — <rule in words> (code)"."""
    for pattern, rule_key, evidence in _WHOLE:
        if m := pattern.fullmatch(reason):
            said = say(lang, rule_key)
            return f"{m.expand(evidence)} — {said}" if evidence else said
    if m := _IGNORED.fullmatch(reason):
        return f"{m[1]} — {say(lang, 'rule.ignored', entry=m[2])}"
    m = _TAIL.fullmatch(reason)
    if m is None:
        return reason
    evidence, rule = m["evidence"], m["rule"]
    key, code = _rule_key(rule)
    if key is None:
        return reason
    words = say(lang, key, phrase=_quoted(rule))
    return f"{evidence} — {words} ({code})" if code else f"{evidence} — {words}"


def _rule_key(rule: str) -> tuple[str | None, str]:
    """The catalogue key and the code of a rule's parenthesised wording."""
    if m := _CODE.search(rule):
        code = m[1] or m[2] or "B1"
        if code == "B12":
            return ("rule.B12_bounce" if "bounce" in rule else "rule.B12_ooo"), code
        return f"rule.{code}", code
    if rule.startswith("display name says"):
        return "rule.display_name", ""
    if rule.startswith("platform notification sender"):
        return "rule.platform", ""
    if rule == "meeting invitation or response":
        return "rule.calendar", ""
    return None, ""


def _quoted(rule: str) -> str:
    m = re.search(r"'(.*)'", rule)
    return m[1] if m else ""


def ack_reason(lang: str, reason: str) -> str:
    """One stored reason against acknowledging, in ``lang``: in English as stored (it names the
    address or header), else the code's words with the code in parentheses."""
    m = _ACK_CODE.match(reason)
    code = m["code"].replace(" ", "-") if m else ""
    if m is None or f"ack.{code}" not in WORDS["en"]:
        return reason
    if lang == "en":
        return reason[m.end():] + f" ({code})"
    return f"{say(lang, 'ack.' + code)} ({code})"


# Why a promised time could not be read (reminders/promise_times.py, promise_due.py).
_PROMISE = (
    (re.compile(r"the weekday and the date disagree"), "unread.disagree"),
    (re.compile(r"the day and the time are apart"), "unread.apart"),
    (re.compile(r"morning or evening\?"), "unread.morning_or_evening"),
    (re.compile(r"the (?P<part>morning|forenoon|afternoon|evening) has passed"), "unread.part_passed"),
    (re.compile(r"(?P<text>.+) is a date or a clock time", re.DOTALL), "unread.date_or_clock"),
    (re.compile(r"(?P<text>.+): which is the day and which the month\?", re.DOTALL),
     "unread.day_or_month"),
    (re.compile(r"(?P<text>.+): no such day this month", re.DOTALL), "unread.no_such_day"),
    (re.compile(r"(?P<text>.+): today or a week from today\?", re.DOTALL), "unread.today_or_next"),
    (re.compile(r"(?P<text>.+) is not a day ahead", re.DOTALL), "unread.not_ahead"),
    (re.compile(r"(?P<text>.+) has passed", re.DOTALL), "unread.passed"),
    (re.compile(r"(?P<text>.+) is no date", re.DOTALL), "unread.no_date"),
    (re.compile(r"'(?P<text>.*)' not understood", re.DOTALL), "unread.not_understood"),
)  # fmt: skip


def promise_reason(lang: str, reason: str | None) -> str:
    """Why the time of a promise could not be read, in ``lang``; unknown reasons as they are."""
    for pattern, key in _PROMISE:
        if m := pattern.fullmatch(reason or ""):
            values = m.groupdict()
            if "part" in values:
                values["part"] = say(lang, f"part.{values['part']}")
            return say(lang, key, **values)
    return reason or ""


def kind_words(lang: str, kind: str) -> str:
    """What a message is, in words, its kind in parentheses."""
    words = say_known(lang, f"kind.{kind}", "")
    return f"{words} ({kind})" if words else kind
