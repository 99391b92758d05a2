"""Surviving mutants judged equivalent by reading them (issue 19): no test can tell them from the
original, for the reason given. Apart from benchmarks/mutation.py because it is data.

Each entry: mutmut's name of the mutant → (the line the mutant changes, as ``ast.unparse``
writes it, and the reason). mutmut numbers a function's mutants afresh when the function
changes, so a judgement holds only while its mutant still changes that same line; otherwise
mutation.py shows the mutant as a survivor again, to be judged or killed anew.
"""

from __future__ import annotations

_ONLY_CALLER_FILTERS = (
    "next_callback_slot, the one caller, keeps only the times with start <= t < end: the end"
    " itself, hours before the start and a second copy of the start are dropped there"
)
_SAME_INSTANT = (
    "astimezone(None) is the computer's zone with a fixed offset: the same instant as in UTC,"
    " converted to the business zone right after (or only added to, which is elapsed time)"
)
_OWNER_ONE_AT = (
    "the owner's addresses have exactly one @: AckSettings refuses any other (address_problem),"
    " so partition and rpartition split them alike"
)
_RESENT_ONLY_ASKED_IF_OURS = (
    "_resent's addresses are only asked whether they are the owner's (_is_ours), which reads the"
    " address alone and lower-cases it: its name and letter case change nothing"
)
_RECIPIENT_ALWAYS_SAYS_WHY = (
    "a dead fallback: _recipient returns no recipient only together with a bad-address reason,"
    " so the reasons are never empty there"
)
_SQLITE_EMPTY_IN = (
    "SQLite reads an empty list as a set with nothing in it: 'id IN ()' is false and"
    " 'id NOT IN ()' true, so the clause added without ids selects what leaving it out does"
)
_SQL_NAMES_ANY_CASE = "SQLite's column names are case-insensitive: ACK_STATUS is ack_status"
_LONGEST_FIRST = (
    "the order of literals in an alternation matters only where one is a prefix of another,"
    " and sorted in reverse without the length key the longer still comes first there"
)
_LOWERED_NO_X = (
    "the ignore-list entry is lower-cased just before, so it holds no 'X' for lstrip to take:"
    " 'XX@XX' strips what '@' does"
)
_PROMISE_POSITIVE = (
    "business_deadline is called only with the response promise, which the config requires"
    " positive (is_positive): with seconds >= 1 both give the same deadline"
)

JUDGED: dict[str, tuple[str, str]] = {
    "vasteaika.hours.x__hourly_times__mutmut_10": (
        "return (hours.start, *(t for t in later if t <= hours.end))",
        _ONLY_CALLER_FILTERS,
    ),
    "vasteaika.hours.x__hourly_times__mutmut_5": (
        "later = (time(h) for h in range(24))",
        _ONLY_CALLER_FILTERS,
    ),
    "vasteaika.hours.x__hourly_times__mutmut_7": (
        "later = (time(h) for h in range(hours.start.hour - 1, 24))",
        _ONLY_CALLER_FILTERS,
    ),
    "vasteaika.hours.x__local__mutmut_2": (
        "return datetime.combine(d, t, tzinfo=zone).astimezone(None).astimezone(zone)",
        _SAME_INSTANT,
    ),
    "vasteaika.hours.x_next_callback_slot__mutmut_13": (
        "earliest = now.astimezone(None) + lead",
        _SAME_INSTANT,
    ),
    "vasteaika.hours.x_business_seconds__mutmut_4": (
        "if b < a:",
        "when b == a the calendar's cumulative(b) - cumulative(a) is 0, as the early return is",
    ),
    "vasteaika.hours.x_business_deadline__mutmut_7": ("left = max(seconds, 1)", _PROMISE_POSITIVE),
    "vasteaika.hours.x_business_deadline__mutmut_33": ("if opens <= closes:", _PROMISE_POSITIVE),
    "vasteaika.ledger.sync.x_plan_folder__mutmut_22": (
        "return FolderPlan(status, stored[1], reset=True)",
        "a reset with the same UIDVALIDITY still reads from the stored UID and the watermark is"
        " written back by each batch and at the folder's end: the same ledger, only slower (one"
        " by one instead of the bulk load)",
    ),
    "vasteaika.acks.decision.x__is_form_relay__mutmut_6": (
        "own_domains = {a.partition('@')[2] for a in settings.all_owner_addresses} - FREEMAIL_DOMAINS",
        _OWNER_ONE_AT,
    ),
    "vasteaika.acks.decision.x__is_ours__mutmut_6": (
        "own_domains = {a.partition('@')[2] for a in settings.all_owner_addresses} - FREEMAIL_DOMAINS",
        _OWNER_ONE_AT,
    ),
    "vasteaika.acks.decision.x__resent__mutmut_9": (
        "return [Address(email.lower(), None) for name, email in getaddresses(values) if email]",
        _RESENT_ONLY_ASKED_IF_OURS,
    ),
    "vasteaika.acks.decision.x__resent__mutmut_11": (
        "return [Address(email.lower()) for name, email in getaddresses(values) if email]",
        _RESENT_ONLY_ASKED_IF_OURS,
    ),
    "vasteaika.acks.decision.x__resent__mutmut_12": (
        "return [Address(email.upper(), name) for name, email in getaddresses(values) if email]",
        _RESENT_ONLY_ASKED_IF_OURS,
    ),
    "vasteaika.acks.decision.x_decide__mutmut_85": (
        "return AckDecision(False, None, tuple(reasons) or ('XXbad-address: no recipientXX',))",
        _RECIPIENT_ALWAYS_SAYS_WHY,
    ),
    "vasteaika.acks.decision.x_decide__mutmut_86": (
        "return AckDecision(False, None, tuple(reasons) or ('BAD-ADDRESS: NO RECIPIENT',))",
        _RECIPIENT_ALWAYS_SAYS_WHY,
    ),
    "vasteaika.acks.decision.x__header_reasons__mutmut_69": (
        "addresses = [('Sender', msg.sender.email if msg.sender else 'XXXX')]",
        "without a Sender the address has no @, so its local part (before the last @) is empty"
        " either way and nothing is checked",
    ),
    "vasteaika.acks.decision.x__header_reasons__mutmut_81": (
        "addresses += [('From', msg.from_addr.email), ('Return-Path', _envelope(msg.return_path or 'XXXX'))]",
        "without a Return-Path the address has no @, so its local part (before the last @) is"
        " empty either way and nothing is checked",
    ),
    "vasteaika.acks.decision.x__bounce_reasons__mutmut_32": (
        "for label, email in (('From', msg.from_addr.email), ('Sender', msg.sender.email if msg.sender else 'XXXX'), ('Return-Path', _envelope(msg.return_path or ''))):",
        "without a Sender the address has no @, so its local part (before the last @) is empty"
        " either way and matches no mail-system name",
    ),
    "vasteaika.acks.store.x_ack_states__mutmut_8": (
        "extra = f' OR id IN ({marks})' if also or True else ''",
        _SQLITE_EMPTY_IN,
    ),
    "vasteaika.acks.store.x_callbacks_held__mutmut_8": (
        "skip = f' AND id NOT IN ({marks})' if excluding or True else ''",
        _SQLITE_EMPTY_IN,
    ),
    "vasteaika.mail.classify.x__literals__mutmut_5": (
        "return '|'.join((re.escape(t) for t in sorted(texts, key=None, reverse=True)))",
        _LONGEST_FIRST,
    ),
    "vasteaika.mail.classify.x__literals__mutmut_8": (
        "return '|'.join((re.escape(t) for t in sorted(texts, reverse=True)))",
        _LONGEST_FIRST,
    ),
    "vasteaika.mail.classify.x__ignore_match__mutmut_3": (
        "domain = email.partition('@')[2]",
        "the addresses classify reads come from mail.parse, which keeps only addresses with"
        " exactly one @ (_VALID_ADDRESS): partition and rpartition split them alike",
    ),
    "vasteaika.mail.classify.x__ignore_match__mutmut_12": (
        "if '@' in wanted.lstrip('XX@XX'):",
        _LOWERED_NO_X,
    ),
    "vasteaika.mail.classify.x__ignore_match__mutmut_18": (
        "elif domain == wanted.lstrip('XX@XX') or domain.endswith('.' + wanted.lstrip('@')):",
        _LOWERED_NO_X,
    ),
    "vasteaika.mail.classify.x__ignore_match__mutmut_24": (
        "elif domain == wanted.lstrip('@') or domain.endswith('.' + wanted.lstrip('XX@XX')):",
        _LOWERED_NO_X,
    ),
    "vasteaika.acks.store.x_ack_seen_for__mutmut_1": (
        "if message_id is None and (not emails):",
        "the early return only saves a query that finds nothing: without a Message-ID it asks"
        " 'r.ref = NULL', true for no row, and without addresses 'p.email IN ()', false for all",
    ),
    "vasteaika.acks.store.x_last_ack_to__mutmut_12": (
        "return row[0] if row or True else None",
        "an aggregate (SELECT max(…)) without GROUP BY always gives exactly one row: NULL when"
        " there was no acknowledgment, so row is never empty",
    ),
    "vasteaika.acks.store.x_set_ack__mutmut_3": (
        "columns = {'ACK_STATUS': status}",
        _SQL_NAMES_ANY_CASE,
    ),
    "vasteaika.ledger.sync.xǁFolderReadǁ_confirm_gone__mutmut_9": (
        "present = set(self.source.uids_after(folder, min(absent) - 2))",
        "the wider SEARCH also lists one UID below the lowest absent one, which is no absent UID:"
        " the same UIDs are found present or gone",
    ),
}
