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
_SQLITE_ANY_CASE = (
    "SQLite reads its keywords, pragma names and values and table and column names in any"
    " letter case (sync's private _Pending table is read by position, not by column name)"
)
# The stores' SQL strings (acks/store.py above all) stay mutated, with no "pragma: no mutate":
# a mutant that breaks a query ("XXSELECT …XX", a clause lost) fails the first test that runs
# it; one that changes only the letter case of SQLite's keywords and names is told equivalent
# by mutation.py itself (_same_but_case); what is left changes a value a query compares with
# ('sent', 'pending', 'draft', 'ack', 'customer'), which is the very bug that sends a second
# acknowledgment or forgets one: those are for tests to kill, not for a pragma to hide.
_LOAD_REPLACES = (
    "BatchView.load replaces conv_of_mid and customers_of_mid with what the batch reaches before"
    " any lookup or insert, and the check makes no view without loading it at once"
)
_OF_OTHER_COLUMN = (
    "BatchView._of reads every column but customer_email from the Reply-To index: None and"
    " any other spelling of reply_to name it as well"
)
_OWN_ID_INDEXED = (
    "the customer's mail being threaded is indexed (insert_message, _index) under its own"
    " Message-ID before its lookups, so the Message-ID is always there and the default unused"
)
_INSERT_NAMES = (
    "the row's keys and the table's name go into the INSERT as they are (_insert), and SQLite"
    " matches names in any letter case"
)
_FIRST_CONTACT_TWICE = (
    "the first contact's mail is in the timeline already (TIMELINE reads the conversation's m"
    "ails), and a customer happening's message only orders it among customer happenings of it"
    "s second, which start or join the same turn"
)
_OWNERS_TRUTH = (
    "_owners is read only as true or false (has an owner's mail been seen): any count that "
    "is not 0 after the first one reads alike"
)
_ROW_KEYS = "the row's keys are the INSERT's column names, which SQLite matches in any letter case"
_ROW_KEYS_UNREAD = _ROW_KEYS + " (the batch view reads none of this one)"
_CHANNEL_FALLBACK = (
    "the fallback stands for a channel not recorded and is only compared with 'call':"
    " any other text differs from it as 'mail' does"
)
_RUNS_START_EMPTY = (
    "before the first row, None and [] alike: the first row's columns differ from either and"
    " 'if run' is false for either, so the first run starts with that row; no rows, no run"
)
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


_NO_TEXT = (
    "no plain text (an HTML-only or unreadable body): 'XXXX' holds no phone number and no word"
    " of any language, so find_phone and detect_language answer as for ''"
)
_READ_AGAIN_UNNAMED = (
    "the mail read again is only decided on and answered: parse puts its folder and UID in the"
    " Message and in a ParseError's text, which decide, classify and build_ack never read (a"
    " ParseError is a gone mail either way; the ledger's row names the mail)"
)

# reminders.store (tests/test_reminder_store.py kills the rest of its survivors)
_SAME_ROWS_OVERLAPPING = (
    "the chunks of conversation ids overlap (or repeat) but each conversation's earliest reminder"
    " is the same whichever chunk finds it, and a dict keeps one: the same answer, only slower"
)
_IDENTIFIER_CASE = "SQLite's names of tables and columns are not case-sensitive: the same SQL"
_REMINDERS_STORE: dict[str, tuple[str, str]] = {
    "vasteaika.reminders.store.x_next_due_by_conversation__mutmut_7": (
        "for start in range(0, len(ids)):",
        _SAME_ROWS_OVERLAPPING,
    ),
    "vasteaika.reminders.store.x_next_due_by_conversation__mutmut_12": (
        "chunk = ids[start:start + 501]",
        _SAME_ROWS_OVERLAPPING,
    ),
    "vasteaika.reminders.store.x_mark_done__mutmut_15": (
        "counted = None",
        "a reminder without a conversation: None instead of False, and the one caller"
        " (cli/reminders.py done) only asks whether it is true",
    ),
    "vasteaika.reminders.store.x_cancel_ignored__mutmut_9": (
        "sql, params = ignored_sql('CUSTOMER_EMAIL', ignore)",
        _IDENTIFIER_CASE,
    ),
    "vasteaika.reminders.store.x_get_reminder__mutmut_9": (
        "found = _rows(store, 'ID = ?', [reminder_id])",
        _IDENTIFIER_CASE,
    ),
}

# reminders.callbacks (tests/test_reminder_callbacks.py kills the rest of its survivors)
_MSGID_WORD = (
    "the word inside the reminder mail's Message-ID is read by nothing (no code, no mail"
    " reader); make_msgid keeps the ID unique with or without it"
)
_MIME_CASE = (
    "a MIME type, subtype and parameter name are case-insensitive (RFC 2045 5.1): mail"
    " readers and Python's email read text/calendar; method=PUBLISH either way"
)
_CALL_FALLBACK = "a kind left out of the list falls back to 'call': for 'call' itself, the same"
_REMINDERS_CALLBACKS: dict[str, tuple[str, str]] = {
    "vasteaika.reminders.callbacks.x_notification_text__mutmut_8": (
        "verb = reminder.kind if reminder.kind in ('XXcallXX', 'visit', 'message') else 'call'",
        _CALL_FALLBACK,
    ),
    "vasteaika.reminders.callbacks.x_notification_text__mutmut_9": (
        "verb = reminder.kind if reminder.kind in ('CALL', 'visit', 'message') else 'call'",
        _CALL_FALLBACK,
    ),
    "vasteaika.reminders.callbacks.x_notification_text__mutmut_28": (
        "lines = [f'{reminder.subject}' if reminder.subject or True else '', f\"{say(lang, 'mail.phone')} {reminder.phone}\" if reminder.phone else reminder.customer_email, f\"{say(lang, 'mail.promised')} {(moment(lang, when) if reminder.has_time else day(lang, when))}\", say(lang, 'mail.in_doubt') if reminder.source == ACK_IN_DOUBT else '', f'vasteaika done {reminder.id} · vasteaika snooze {reminder.id} 30m']",
        "an empty subject gives the empty line either way (f'{reminder.subject}' of '' is ''),"
        " and empty lines are left out; the ledger's subject is never NULL",
    ),
    "vasteaika.reminders.callbacks.x_reminder_email__mutmut_44": (
        "msg['Message-ID'] = make_msgid(None, domain=owner.rpartition('@')[2])",
        _MSGID_WORD,
    ),
    "vasteaika.reminders.callbacks.x_reminder_email__mutmut_46": (
        "msg['Message-ID'] = make_msgid(domain=owner.rpartition('@')[2])",
        _MSGID_WORD,
    ),
    "vasteaika.reminders.callbacks.x_reminder_email__mutmut_48": (
        "msg['Message-ID'] = make_msgid('XXreminderXX', domain=owner.rpartition('@')[2])",
        _MSGID_WORD,
    ),
    "vasteaika.reminders.callbacks.x_reminder_email__mutmut_49": (
        "msg['Message-ID'] = make_msgid('REMINDER', domain=owner.rpartition('@')[2])",
        _MSGID_WORD,
    ),
    "vasteaika.reminders.callbacks.x_reminder_email__mutmut_51": (
        "msg['Message-ID'] = make_msgid('reminder', domain=owner.partition('@')[2])",
        _OWNER_ONE_AT,
    ),
    "vasteaika.reminders.callbacks.x_reminder_email__mutmut_125": (
        "msg.add_attachment(ics, maintype='TEXT', subtype='calendar', filename=say(lang, 'mail.file', id=reminder.id), params={'method': 'PUBLISH'})",
        _MIME_CASE,
    ),
    "vasteaika.reminders.callbacks.x_reminder_email__mutmut_127": (
        "msg.add_attachment(ics, maintype='text', subtype='CALENDAR', filename=say(lang, 'mail.file', id=reminder.id), params={'method': 'PUBLISH'})",
        _MIME_CASE,
    ),
    "vasteaika.reminders.callbacks.x_reminder_email__mutmut_137": (
        "msg.add_attachment(ics, maintype='text', subtype='calendar', filename=say(lang, 'mail.file', id=reminder.id), params={'METHOD': 'PUBLISH'})",
        _MIME_CASE,
    ),
}
_PROTOCOL_STUB = (
    "a Protocol's method is never run: callers reach the store's or the batch view's own"
    " method, with its own default"
)
_NOON_AS_SAID = (
    "12 is noon either way: hour % 12 or 12 and hour % 13 give 12 for every hour 0-12 the readers"
    ' pass, and "at 12" read as an office hour is 12:00 with no p.m. reading, as said'
)
_H2_NEVER_HERE = (
    "a spoken hour in group h2 never reaches this line: the English h2 comes only after 'half'"
    " (returned above), a Swedish h2 only with minutes (returned above) or alone, which"
    " _sv_spoken turns away before ('tre' alone is no time): only h3 decides here"
)
_ONLY_THE_CLOCK_READ = (
    "the scratch moment only carries the arithmetic of 'fem i halv tre' across the hour: only"
    " its hour and minute are read, and 00:25 at the earliest never crosses a day, so the year,"
    " month and day it starts from change nothing"
)
_LEAP_WITHIN_EIGHT = (
    "the next year with the date is at most eight years on (29.2.: a leap year comes within"
    " eight years even across 2100), so a ninth year is never reached"
)
_NEXT_NEVER_THIS_MONTH = (
    "the month is the current one here only for a named month said without 'next', which"
    " returned before: month < today's month and <= differ only where this line is not reached"
)
_LEAD_DOT = (
    "the lead's only dot is that of 'n.', which is neither a clock word nor 'ennen' with or"
    " without it; the lead is lower case and has no spaces, and no lead reads like no lead"
)
_MONTH_NAME_NO_DOT = (
    "the month name's groups end before its dot (the regex puts \\.? outside them) and hold no"
    " spaces, so stripping a dot or spaces strips nothing"
)
_MINUTES_ALWAYS_THERE = "a colon or dot clock time always has its minutes: m['m'] is never empty"
_UNIT_ALWAYS_THERE = (
    "each alternative of the duration regexes has a unit group, so one is always set"
)
_UNREADABLE_HAS_NO_TIME = (
    "an unreadable Resolved (due_at None) gives the owner only its reason (promises._better):"
    " its has_time is never read"
)
_FALSE_OR_NONE = "same_weekday False or None: both are false wherever it is read"
_EQUAL_RANKS_LEFT_BEFORE = "equal ranks returned None two lines above: > and >= differ only there"
_EVERY_PART_AND_WINDOW_SAID = (
    "say_known's default is used only for a key the English table lacks: every part of the day"
    " (a DayParts field) and every window the reader sets (after, by, week, month, a part) has"
    " its part./window. words there, so the default is never reached"
)
_VISIT_AND_MESSAGE_NEVER_START_TOGETHER = (
    "no visit word starts where a message word starts (the two lists share no word, and none"
    " begins another), so the two matches never start at the same place: < and <= agree"
)

_NO_SAVEPOINT_NEEDED = (
    "parse and classify write nothing to the ledger (the body is read from the server): a"
    " savepoint around them rolls back nothing, and None is as false as False"
)
_FINISHED_AT = "runs.finished_at is read only by Store.previous_run_at, which nothing calls"
_SYNCED_AT = "the time is written only as folder_state.synced_at, which nothing reads"
_BOUNCE_NAMES_NO_AT = (
    "the mail-system names (robot_words.ACK_BOUNCE_LOCAL_PARTS: mailer[-_]?daemon, postmaster)"
    " are matched whole, in lower case, and hold no @: the part before the last @ matches one"
    " only when the address has a single @, and then it is the part before the first, which"
    " is read anyway (mailer-daemon@relay@example.com is caught by that reading)"
)
_MACHINE_CHECKS_AGAIN = (
    "the second classify (ledger.check._classify, its one caller with machine_checked) reads a"
    " mail whose first classify ran every machine check and decided owner or customer, so none"
    " fired; they read only the mail, so running them again finds nothing again: only time is"
    " lost"
)
_CUSTOMER_ONLY_FOR_CUSTOMER = (
    "a Classification carries a customer exactly when its kind is CUSTOMER: classify gives one"
    " to every customer's mail and to no other, and the check's own (_classify, _out_of_office,"
    " _own_address_form) give none; so either half of the test decides alone"
)
_ROW_KEYS_MAIL = (
    "the row's keys are only the INSERT's column names (messages.insert_message, BatchView.flush"
    " by runs of the same keys), which SQLite matches in any letter case; nothing reads this key"
    " back from the row (BatchView.insert_message, the joins and _adopt_legacy read others)"
)
_PATTERN_IGNORES_CASE = (
    "the pattern is searched with re.IGNORECASE: the letter case it is written in is not read"
)
# ledger.check._mail's row, as ast.unparse writes it (its mutants upper-case one key)
_MAIL_ROW = (
    "row: dict[str, Any] = {'folder': msg.folder, 'uid': msg.uid, 'uidvalidity': uidvalidity,"
    " 'message_id': msg.message_id, 'fingerprint': content_fingerprint(msg), 'synthetic_id':"
    " int(msg.synthetic_id), 'kind': cls.kind.value, 'reasons': _json_list(cls.reasons),"
    " 'from_email': msg.from_addr.email, 'from_name': msg.from_addr.name, 'customer_email':"
    " customer.email if customer else None, 'customer_name': customer.name if customer else"
    " None, 'subject': msg.subject, 'base_subject': base_subject(msg.subject), 'received_at':"
    " epoch(msg.received_at), 'arrival_source': msg.arrival_source, 'run_id': ctx.run_id}"
)
JUDGED: dict[str, tuple[str, str]] = {
    **_REMINDERS_STORE,
    **_REMINDERS_CALLBACKS,
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
    "vasteaika.acks.decision.x_decide__mutmut_98": (
        "return AckDecision(False, None, tuple(reasons) or ('XXbad-address: no recipientXX',))",
        _RECIPIENT_ALWAYS_SAYS_WHY,
    ),
    "vasteaika.acks.decision.x_decide__mutmut_99": (
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
    "vasteaika.acks.decision.x__bounce_reasons__mutmut_38": (
        "for label, email in (('From', msg.from_addr.email), ('Sender', msg.sender.email if"
        " msg.sender else ''), ('Return-Path', _envelope(msg.return_path or 'XXXX'))):",
        "without a Return-Path the address has no @, so its local part (before the last @) is"
        " empty either way and matches no mail-system name",
    ),
    "vasteaika.acks.decision.x__local_parts__mutmut_6": (
        "return {email.partition('@')[0].lower(), email.rpartition('@')[0].upper()}",
        _BOUNCE_NAMES_NO_AT,
    ),
    "vasteaika.acks.decision.x__local_parts__mutmut_8": (
        "return {email.partition('@')[0].lower(), email.partition('@')[0].lower()}",
        _BOUNCE_NAMES_NO_AT,
    ),
    "vasteaika.acks.decision.x__local_parts__mutmut_9": (
        "return {email.partition('@')[0].lower(), email.rpartition('XX@XX')[0].lower()}",
        "the addresses read here come lower-cased from mail.parse (From, Sender) and _envelope"
        " (Return-Path): 'XX@XX' is never in them, so that reading is '', no mail-system name",
    ),
    "vasteaika.acks.decision.x__local_parts__mutmut_10": (
        "return {email.partition('@')[0].lower(), email.rpartition('@')[1].lower()}",
        "rpartition('@')[1] is '@' or '', neither a mail-system name; the part before the first"
        " @ is read anyway",
    ),
    "vasteaika.acks.decision.xǁAckSettingsǁ__post_init____mutmut_55": (
        "if len(prefix) > 20 or any((unicodedata.category(c)[0] in 'XXCZXX' and c != ' ' for c"
        " in prefix)):",
        "no Unicode general category starts with X (they start with C, L, M, N, P, S or Z), so"
        " 'XXCZXX' holds a character's class exactly when 'CZ' does",
    ),
    "vasteaika.acks.outbox.x__deliver__mutmut_6": (
        "message_id = str(plan.message['MESSAGE-ID']).strip('<>')",
        "an EmailMessage looks its header names up in any letter case (RFC 5322 field names)",
    ),
    "vasteaika.acks.outbox.x__deliver__mutmut_7": (
        "message_id = str(plan.message['Message-ID']).strip('XX<>XX')",
        "the Message-ID vasteaika makes is <vasteaika-ack.HEX@domain>, its domain the owner's"
        " lower-cased by the config: no capital X at either end for strip to take",
    ),
    "vasteaika.acks.outbox.x__deliver__mutmut_91": (
        "_remind(store, plan.conversation_id, epoch(plan.callback_at), plan.phone, now,"
        " in_doubt=None)",
        "_remind only asks whether in_doubt is true: None and False alike",
    ),
    "vasteaika.acks.outbox.x__fetch_contact__mutmut_8": (
        "return (None, b'XXXX')",
        "with no message (None) the caller skips the conversation as gone and never reads the data",
    ),
    "vasteaika.acks.outbox.x__fetch_contact__mutmut_38": (
        "return (None, b'XXXX')",
        "with no message (None) the caller skips the conversation as gone and never reads the data",
    ),
    "vasteaika.acks.outbox.x__fetch_contact__mutmut_19": (
        "return (None, b'XXXX')",
        "with no message (None) the caller skips the conversation as gone and never reads the data",
    ),
    "vasteaika.acks.outbox.x__deliver__mutmut_5": (
        "message_id = str(plan.message['message-id']).strip('<>')",
        "an EmailMessage looks its header names up in any letter case (RFC 5322 field names)",
    ),
    "vasteaika.acks.outbox.x__is_key__mutmut_3": (
        "domain = email_address.partition('@')[2]",
        "the customer's address comes from mail.parse, which keeps only addresses with exactly"
        " one @: partition and rpartition split it alike",
    ),
    "vasteaika.acks.outbox.x__plain_text__mutmut_11": (
        "return str(part.get_content())[:20000] if part is not None or True else ''",
        "without a plain part, None.get_content() raises AttributeError, which the except below"
        " turns into '' as the else did",
    ),
    "vasteaika.acks.outbox.x__plain_text__mutmut_15": (
        "return str(part.get_content())[:20000] if part is not None else 'XXXX'",
        _NO_TEXT,
    ),
    "vasteaika.acks.outbox.x__plain_text__mutmut_16": ("return 'XXXX'", _NO_TEXT),
    "vasteaika.acks.outbox.x__fetch_contact__mutmut_26": (
        "msg = parse(RawMessage(None, row['uid'], at, data))",
        _READ_AGAIN_UNNAMED,
    ),
    "vasteaika.acks.outbox.x__fetch_contact__mutmut_27": (
        "msg = parse(RawMessage(row['folder'], None, at, data))",
        _READ_AGAIN_UNNAMED,
    ),
    "vasteaika.acks.outbox.x__plan_one__mutmut_145": (
        "lang = detect_language(msg.subject, text, cast(None, config.ack.language))",
        "typing.cast returns its value unchanged, whatever type it names",
    ),
    "vasteaika.acks.outbox.x__plan_one__mutmut_149": (
        "phone: str | None = ''",
        "phone is only read as 'phone or customer_phone(…)' and find_phone's answer replaces it:"
        " '' and None alike",
    ),
    "vasteaika.acks.outbox.x__plan_one__mutmut_188": (
        "domain = settings.owner_address.partition('@')[2]",
        _OWNER_ONE_AT,
    ),
    "vasteaika.acks.outbox.x__plan_one__mutmut_81": (
        "decision: AckDecision = decide(msg, cls, now=now, settings=settings, answered=None,"
        " conversation_acked=acked, last_ack_to_address_at=last, content=data)",
        "decide reads answered only as 'if answered:' (_state_reasons): None and False alike",
    ),
    "vasteaika.acks.outbox.x__plan_one__mutmut_94": (
        "if not decision.send and decision.recipient is None:",
        "decide returns AckDecision(False, None, …) or AckDecision(True, recipient, ()), never"
        " anything else: send is false exactly when the recipient is None, so 'or' and 'and'"
        " skip the same decisions",
    ),
    "vasteaika.acks.outbox.x__remind__mutmut_3": (
        "if callback_at is None and first is None:",
        "first_contact_ref is never None for a conversation a caller names (first_contact_id is"
        " NOT NULL and names a message, and the ledger deletes none), so only a callback_at"
        " of None (a pending ack recorded before callbacks were) goes on: add_reminder's INSERT"
        " OR IGNORE then drops the row (reminders.due_at is NOT NULL) and confirm_ack_reminder"
        " finds no reminder in doubt (made only with a callback)",
    ),
    "vasteaika.acks.outbox.x_ack_settings__mutmut_20": (
        "return AckSettings(mode=cast(None, config.ack.mode), owner_name=config.owner_name,"
        " owner_address=owner, owner_addresses=config.owner_addresses,"
        " max_age=config.ack.max_age, once_per_days=config.ack.once_per_days,"
        " form_senders=config.ack.form_senders, trusted_authserv_id=authserv_id,"
        " subject_prefix=config.ack.subject_prefix)",
        "typing.cast returns its value unchanged, whatever type it names",
    ),
    "vasteaika.acks.outbox.x_acknowledge_new__mutmut_23": (
        "settings: AckSettings | None = ''",
        "settings is only read as 'settings or ack_settings(…)': '' and None alike",
    ),
    "vasteaika.acks.store.x__of_run__mutmut_3": (
        "extra = f\" OR id IN ({','.join('?' * len(also))})\" if also or True else ''",
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
    "vasteaika.ledger.sync.xǁFolderReadǁ_confirm_gone__mutmut_11": (
        "present = set(self.source.uids_after(folder, min(absent) - 2, max(absent)))",
        "the wider SEARCH also lists one UID below the lowest absent one, which is no absent UID:"
        " the same UIDs are found present or gone",
    ),
    "vasteaika.ledger.sync.x_uid_ranges__mutmut_13": (
        "width = max(size, size * highest // (status.exists or 2))",
        "only an empty folder (exists 0) divides by the fallback, and an empty folder is never"
        " listed (has_new); even so, with any slice of 2 or more the width still exceeds every"
        " UID: one open range either way",
    ),
    "vasteaika.ledger.sync.xǁFolderReadǁ_confirm_gone__mutmut_5": (
        "present = set(self.source.uids_after(folder, min(absent) - 1, None))",
        "the open-ended SEARCH also lists UIDs above the highest absent one, none of them absent:"
        " the same UIDs are found present or gone (only the listing is longer)",
    ),
    "vasteaika.ledger.sync.xǁFolderReadǁ_confirm_gone__mutmut_8": (
        "present = set(self.source.uids_after(folder, min(absent) - 1))",
        "the open-ended SEARCH also lists UIDs above the highest absent one, none of them absent:"
        " the same UIDs are found present or gone (only the listing is longer)",
    ),
    "vasteaika.ledger.joins.x_thread_customer__mutmut_71": (
        "followup: str | None = ''",
        "followup is only asked whether it is empty (if followup): '' and None alike",
    ),
    "vasteaika.ledger.joins.xǁThreadTablesǁconversation_for_reply__mutmut_1": (
        "def f(self, recipients: list[str], base_subject: str, at: int, window: int,"
        " column: str='XXcustomer_emailXX') -> ConversationRef | None:",
        _PROTOCOL_STUB,
    ),
    "vasteaika.ledger.joins.xǁThreadTablesǁconversation_for_reply__mutmut_2": (
        "def f(self, recipients: list[str], base_subject: str, at: int, window: int,"
        " column: str='CUSTOMER_EMAIL') -> ConversationRef | None:",
        _PROTOCOL_STUB,
    ),
    "vasteaika.ledger.turns.x_derive__mutmut_8": (
        "for h in sorted(happenings, key=lambda h: (h.at, h.event, h.message_pk or 1)):",
        "the message breaks a tie only between happenings of the same second and kind; a"
        " customer mail or an answer always has one (>= 1), calls, closes and reopens never,"
        " so their keys stay equal either way",
    ),
    "vasteaika.ledger.joins.x_thread_customer__mutmut_126": (
        "conv_id = tables.open_conversation({'customer_email': row['customer_email'],"
        " 'customer_name': row['customer_name'] or '', 'subject': msg.subject, 'base_subject':"
        " row['base_subject'], 'via_form': int(cls.via_form), 'reply_to': _other_reply_to(msg,"
        " row['customer_email']), 'first_contact_id': pk, 'first_contact_message_id': None if"
        " msg.synthetic_id else msg.message_id, 'first_contact_at': at, 'last_customer_at': at,"
        " 'RUN_ID': row['run_id'], **decided})",
        "the row's keys are the INSERT's column names, which SQLite matches in any letter case",
    ),
    "vasteaika.ledger.joins.x_thread_customer__mutmut_144": (
        "reply = tables.earliest_owner_reply(None if msg.synthetic_id and False else"
        " msg.message_id, customer, row['base_subject'], at, at + window)",
        "a mail without a Message-ID gets one made up by vasteaika, which no mail of the owner"
        " can name in its In-Reply-To or References: looking it up finds nothing either way",
    ),
    # the promise reader (issue 19, i19-promises)
    "vasteaika.reminders.promise_times.x__at_clock__mutmut_13": (
        "if 1 <= hour < 12 and (not m['h'].startswith('0')):",
        _NOON_AS_SAID,
    ),
    "vasteaika.reminders.promise_times.x__spoken__mutmut_78": (
        "if groups.get('h3') or groups.get(None):",
        _H2_NEVER_HERE,
    ),
    "vasteaika.reminders.promise_times.x__spoken__mutmut_79": (
        "if groups.get('h3') or groups.get('XXh2XX'):",
        _H2_NEVER_HERE,
    ),
    "vasteaika.reminders.promise_times.x__spoken__mutmut_80": (
        "if groups.get('h3') or groups.get('H2'):",
        _H2_NEVER_HERE,
    ),
    "vasteaika.reminders.promise_times.x__sv_spoken__mutmut_51": (
        "moment = datetime(2001, 1, 1, hour - 1, 30) + sign * timedelta(minutes=step)",
        _ONLY_THE_CLOCK_READ,
    ),
    "vasteaika.reminders.promise_times.x__sv_spoken__mutmut_52": (
        "moment = datetime(2000, 2, 1, hour - 1, 30) + sign * timedelta(minutes=step)",
        _ONLY_THE_CLOCK_READ,
    ),
    "vasteaika.reminders.promise_times.x__sv_spoken__mutmut_53": (
        "moment = datetime(2000, 1, 2, hour - 1, 30) + sign * timedelta(minutes=step)",
        _ONLY_THE_CLOCK_READ,
    ),
    "vasteaika.reminders.promise_times.x__sv_spoken__mutmut_64": (
        "return _spoken(W.SV_HOUR_WORDS, W.SV_MINUTE_WORDS, half_before=True)(m, None)",
        "the spoken-hour handler _spoken builds reads only the match, never the context: a clock"
        " time said in words is the same moment whenever it is read",
    ),
    "vasteaika.reminders.promise_times.x__hour_reading__mutmut_5": (
        "hour = hour % 13 or 12",
        _NOON_AS_SAID,
    ),
    "vasteaika.reminders.promise_times.x__date_spec__mutmut_52": (
        "nxt = next((d for i in range(1, 10) if (d := _valid_date(ctx.today.year + i, month, day))), None)",
        _LEAP_WITHIN_EIGHT,
    ),
    "vasteaika.reminders.promise_times.x__month_window__mutmut_28": (
        "year = ctx.today.year + (month <= ctx.today.month)",
        _NEXT_NEVER_THIS_MONTH,
    ),
    "vasteaika.reminders.promise_times.x__fi_spoken__mutmut_6": (
        "lead = (m['lead'] or '').lower().rstrip(None)",
        _LEAD_DOT,
    ),
    "vasteaika.reminders.promise_times.x__fi_spoken__mutmut_7": (
        "lead = (m['lead'] or '').lower().lstrip('.')",
        _LEAD_DOT,
    ),
    "vasteaika.reminders.promise_times.x__fi_spoken__mutmut_12": (
        "lead = (m['lead'] or 'XXXX').lower().rstrip('.')",
        _LEAD_DOT,
    ),
    "vasteaika.reminders.promise_times.x__fi_spoken__mutmut_13": (
        "lead = (m['lead'] or '').lower().rstrip('XX.XX')",
        _LEAD_DOT,
    ),
    "vasteaika.reminders.promise_times.x__month_name_date__mutmut_13": (
        "name = next((m[g] for g in ('gen', 'par', 'n1', 'n2') if m[g])).lower().rstrip(None)",
        _MONTH_NAME_NO_DOT,
    ),
    "vasteaika.reminders.promise_times.x__month_name_date__mutmut_14": (
        "name = next((m[g] for g in ('gen', 'par', 'n1', 'n2') if m[g])).lower().lstrip('.')",
        _MONTH_NAME_NO_DOT,
    ),
    "vasteaika.reminders.promise_times.x__month_name_date__mutmut_25": (
        "name = next((m[g] for g in ('gen', 'par', 'n1', 'n2') if m[g])).lower().rstrip('XX.XX')",
        _MONTH_NAME_NO_DOT,
    ),
    "vasteaika.reminders.promise_times.x__relative__mutmut_24": (
        "unit = (groups.get('u') or groups.get('u2') or groups.get('u3') or 'XXXX').lower()",
        _UNIT_ALWAYS_THERE,
    ),
    "vasteaika.reminders.promise_due.x__at_clock_time__mutmut_38": (
        "return Resolved(None, None, None, f'{clock:%H:%M} has passed')",
        _UNREADABLE_HAS_NO_TIME,
    ),
    "vasteaika.reminders.promise_due.x__at_clock_time__mutmut_44": (
        "return Resolved(None, True, None, f'{clock:%H:%M} has passed')",
        _UNREADABLE_HAS_NO_TIME,
    ),
    "vasteaika.reminders.promise_due.x_groups__mutmut_7": (
        "merged = None if token.start < end and False else _merge(spec, token.spec, sentence[end:token.start])",
        "tokens overlap only where a left-over clock word or date (promise_times._residue, always"
        " unreadable) meets a token read: the kept tokens never overlap, nor do the left-overs;"
        " _merge on the empty gap goes past its distance test and refuses any unreadable spec,"
        " so merged is None either way",
    ),
    "vasteaika.reminders.promise_due.x_resolve__mutmut_1": (
        "return Resolved(None, None, None, spec.unreadable)",
        _UNREADABLE_HAS_NO_TIME,
    ),
    "vasteaika.reminders.promise_due.x_resolve__mutmut_7": (
        "return Resolved(None, True, None, spec.unreadable)",
        _UNREADABLE_HAS_NO_TIME,
    ),
    "vasteaika.reminders.promise_due.x_resolve__mutmut_43": (
        "return Resolved(None, None, None, 'morning or evening?')",
        _UNREADABLE_HAS_NO_TIME,
    ),
    "vasteaika.reminders.promise_due.x_resolve__mutmut_49": (
        "return Resolved(None, True, None, 'morning or evening?')",
        _UNREADABLE_HAS_NO_TIME,
    ),
    "vasteaika.reminders.promise_due.x__in_part__mutmut_30": (
        "return Resolved(None, None, None, f'the {part} has passed')",
        _UNREADABLE_HAS_NO_TIME,
    ),
    "vasteaika.reminders.promise_due.x__in_part__mutmut_36": (
        "return Resolved(None, True, None, f'the {part} has passed')",
        _UNREADABLE_HAS_NO_TIME,
    ),
    "vasteaika.reminders.promise_due.x__merge__mutmut_62": (
        "return _joined(a, b, day, rank, same_weekday=None)",
        _FALSE_OR_NONE,
    ),
    "vasteaika.reminders.promise_due.x__merge__mutmut_47": (
        "day = a.day if a.rank >= b.rank else b.day",
        _EQUAL_RANKS_LEFT_BEFORE,
    ),
    "vasteaika.reminders.promises.x__describe__mutmut_69": (
        "bits.append(say(lang, 'explain.part', part=say_known(lang, f'part.{spec.part}', None)))",
        _EVERY_PART_AND_WINDOW_SAID,
    ),
    "vasteaika.reminders.promises.x__describe__mutmut_92": (
        "window = say_known(lang, f'window.{spec.window}', None)",
        _EVERY_PART_AND_WINDOW_SAID,
    ),
    "vasteaika.reminders.promises.x_promise_kind__mutmut_7": (
        "if visit and (message is None or visit.start() < message.start()):",
        _VISIT_AND_MESSAGE_NEVER_START_TOGETHER,
    ),
    # the ledger's threading (issue 19, i19-ledger)
    "vasteaika.ledger.conversations.xǁConversationTableǁconversation_for_reply__mutmut_2": (
        "def f(self, recipients: list[str], base_subject: str, at: int, window: int,"
        " column: str='CUSTOMER_EMAIL') -> ConversationRef | None:",
        "the default names the column the SQL compares, and SQLite's column names are"
        " case-insensitive: CUSTOMER_EMAIL is customer_email",
    ),
    "vasteaika.ledger.conversations.xǁConversationTableǁearliest_owner_reply__mutmut_30": (
        "found = [(row[0], row[1], 'reference')] if row else []",
        "found is still the empty list there (the reference lookup comes first): assigning"
        " the list and adding it to the empty one give the same list",
    ),
    "vasteaika.ledger.conversations.xǁConversationTableǁearliest_owner_reply__mutmut_38": (
        "if base_subject is not None or customer_email:",
        "a customer's mail always has an address, so only base_subject decides; with None the"
        " lookup compares m.base_subject = NULL, which no row satisfies: nothing found either way",
    ),
    "vasteaika.ledger.conversations.xǁConversationTableǁlink_answer__mutmut_19": (
        "return False",
        "after a link its result only decides whether thread_customer derives the turns once"
        " more (the same turns, from the same rows) and what link_owner_mail returns, which its"
        " callers (check._thread, answers.link_late_answers) do not read",
    ),
    "vasteaika.ledger.conversations.xǁConversationTableǁconversations__mutmut_11": (
        "sql, values = ignored_sql('CUSTOMER_EMAIL', ignore)",
        "the column's name goes into the SQL as it is, and SQLite's column names are"
        " case-insensitive: CUSTOMER_EMAIL is customer_email",
    ),
    "vasteaika.ledger.conversations.xǁConversationTableǁconversations__mutmut_13": (
        "params = values",
        "params is still the empty list there (the ignore list is the first condition):"
        " assigning the values and adding them to the empty list give the same parameters",
    ),
    "vasteaika.ledger.conversations.xǁConversationTableǁconversations__mutmut_18": (
        "where.append('RUN_ID = ?')",
        _SQL_NAMES_ANY_CASE,
    ),
    "vasteaika.ledger.conversations.xǁConversationTableǁconversations__mutmut_23": (
        "where.append('FIRST_CONTACT_AT >= ?')",
        _SQL_NAMES_ANY_CASE,
    ),
    "vasteaika.ledger.conversations.xǁConversationTableǁconversations__mutmut_28": (
        "where.append('FIRST_CONTACT_AT < ?')",
        _SQL_NAMES_ANY_CASE,
    ),
    "vasteaika.ledger.conversations.xǁConversationTableǁconversations__mutmut_32": (
        "order = 'FIRST_CONTACT_AT'",
        _SQL_NAMES_ANY_CASE,
    ),
    "vasteaika.ledger.conversations.xǁConversationTableǁconversations__mutmut_39": (
        "order = 'WAITING_SINCE, FIRST_CONTACT_AT'",
        _SQL_NAMES_ANY_CASE,
    ),
    "vasteaika.ledger.batch_view.x__runs__mutmut_1": (
        "columns: list[str] = None",
        _RUNS_START_EMPTY,
    ),
    "vasteaika.ledger.batch_view.x__runs__mutmut_2": (
        "run: list[tuple[Any, ...]] = None",
        _RUNS_START_EMPTY,
    ),
    "vasteaika.ledger.batch_view.xǁBatchViewǁ__init____mutmut_10": (
        "self.conv_of_mid: dict[str, set[int]] = None",
        _LOAD_REPLACES,
    ),
    "vasteaika.ledger.batch_view.xǁBatchViewǁ__init____mutmut_11": (
        "self.conv_of_mid: dict[str, set[int]] = defaultdict(None)",
        _LOAD_REPLACES,
    ),
    "vasteaika.ledger.batch_view.xǁBatchViewǁ__init____mutmut_12": (
        "self.customers_of_mid: dict[str, set[str]] = None",
        _LOAD_REPLACES,
    ),
    "vasteaika.ledger.batch_view.xǁBatchViewǁ__init____mutmut_13": (
        "self.customers_of_mid: dict[str, set[str]] = defaultdict(None)",
        _LOAD_REPLACES,
    ),
    "vasteaika.ledger.batch_view.xǁBatchViewǁopen_conversations_at__mutmut_9": (
        "candidates = {c.id: c for c in [*self._of(emails, 'customer_email'),"
        " *self._of(emails, None)]}",
        _OF_OTHER_COLUMN,
    ),
    "vasteaika.ledger.batch_view.xǁBatchViewǁopen_conversations_at__mutmut_12": (
        "candidates = {c.id: c for c in [*self._of(emails, 'customer_email'),"
        " *self._of(emails, 'XXreply_toXX')]}",
        _OF_OTHER_COLUMN,
    ),
    "vasteaika.ledger.batch_view.xǁBatchViewǁopen_conversations_at__mutmut_13": (
        "candidates = {c.id: c for c in [*self._of(emails, 'customer_email'),"
        " *self._of(emails, 'REPLY_TO')]}",
        _OF_OTHER_COLUMN,
    ),
    "vasteaika.ledger.batch_view.xǁBatchViewǁearliest_owner_reply__mutmut_5": (
        "others = self.customers_of_mid.get(message_id, None)",
        _OWN_ID_INDEXED,
    ),
    "vasteaika.ledger.batch_view.xǁBatchViewǁearliest_owner_reply__mutmut_7": (
        "others = self.customers_of_mid.get(message_id)",
        _OWN_ID_INDEXED,
    ),
    "vasteaika.ledger.batch_view.xǁBatchViewǁearliest_owner_reply__mutmut_28": (
        "if base_subject is not None or customer_email:",
        "a customer's mail always has an address, so only base_subject decides; with None no"
        " owner mail's base subject (a text) equals it: nothing found either way",
    ),
    "vasteaika.ledger.batch_view.xǁBatchViewǁopen_conversation__mutmut_7": (
        "self.new_conversations.append({'ID': conv_id, **row})",
        "the row's keys are the INSERT's column names (flush), which SQLite matches in any"
        " letter case",
    ),
    "vasteaika.ledger.batch_view.xǁBatchViewǁopen_conversation__mutmut_14": (
        "self._add(Conversation(conv_id, row['customer_email'], row.get('reply_to'),"
        " row['base_subject'], row['first_contact_at'], None, row['last_customer_at'], None,"
        " None, None, None))",
        "the first contact's mail is in the new conversation's timeline already"
        " (set_message_conversation follows at once), and a customer happening's message only"
        " orders it among customer happenings of its second, which start or join the same turn",
    ),
    "vasteaika.ledger.conversations.xǁConversationTableǁconversations__mutmut_47": (
        'return list(self.db.query(f"SELECT * FROM conversations WHERE'
        " {' and '.join(where)} ORDER BY {order}\", params))",
        "SQLite's keywords are case-insensitive: and is AND",
    ),
    "vasteaika.ledger.conversations.xǁConversationTableǁopen_conversation__mutmut_15": (
        "return int(cur.lastrowid or 1)",
        "an INSERT into a table with an INTEGER PRIMARY KEY always gives a rowid of 1 or more:"
        " the fallback is never taken",
    ),
    "vasteaika.ledger.batch_view.xǁBatchViewǁlink_answer__mutmut_14": (
        "return False",
        "after a link its result only decides whether thread_customer derives the turns once"
        " more (the same turns) and what link_owner_mail returns, which its callers do not read",
    ),
    "vasteaika.ledger.batch_view.xǁBatchViewǁflush__mutmut_12": (
        "rows.append({'ID': m.id, **(m.row or {})"
        ", 'conversation_id': conv_id, 'answer_rule': m.answer_rule})",
        _INSERT_NAMES,
    ),
    "vasteaika.ledger.batch_view.xǁBatchViewǁflush__mutmut_15": (
        "rows.append({'id': m.id, **(m.row or {})"
        ", 'CONVERSATION_ID': conv_id, 'answer_rule': m.answer_rule})",
        _INSERT_NAMES,
    ),
    "vasteaika.ledger.batch_view.xǁBatchViewǁflush__mutmut_17": (
        "rows.append({'id': m.id, **(m.row or {})"
        ", 'conversation_id': conv_id, 'ANSWER_RULE': m.answer_rule})",
        _INSERT_NAMES,
    ),
    "vasteaika.ledger.batch_view.xǁBatchViewǁflush__mutmut_28": (
        "_insert(conn, 'MESSAGES', columns, run)",
        _INSERT_NAMES,
    ),
    "vasteaika.ledger.batch_view.xǁBatchViewǁflush__mutmut_53": (
        "_insert(conn, 'CONVERSATIONS', columns, run)",
        _INSERT_NAMES,
    ),
    "vasteaika.ledger.batch_view.xǁBatchViewǁmark_unanswered__mutmut_3": (
        "mail.answer_rule, mail.changed = (note, False)",
        "mark_unanswered is given only the mail being threaded, one of the batch's own, whose row"
        " flush inserts whole; changed marks only stored mails for flush's UPDATE",
    ),
    "vasteaika.ledger.batch_view.xǁBatchViewǁflush__mutmut_68": (
        "conn.executemany('UPDATE messages SET conversation_id = ?, answer_rule = ? WHERE id = ?',"
        " [(m.conversation_id, m.answer_rule, m.id) for m in self.mails.values() if m.changed or"
        " m.row is None])",
        "the wider UPDATE writes the same values: a stored mail unchanged has its conversation and"
        " rule as loaded, a mail of the batch those it was inserted with or the UPDATE just before"
        " gave it (no trigger reads messages)",
    ),
    "vasteaika.ledger.batch_reach.x__reachable_conversations__mutmut_21": (
        "for column in ('CUSTOMER_EMAIL', 'reply_to'):",
        "the column's name goes into the SQL as it is: " + _SQL_NAMES_ANY_CASE,
    ),
    "vasteaika.ledger.batch_reach.x__reachable_conversations__mutmut_23": (
        "for column in ('customer_email', 'REPLY_TO'):",
        "the column's name goes into the SQL as it is: " + _SQL_NAMES_ANY_CASE,
    ),
    "vasteaika.ledger.batch_reach.x__load_owner_mail__mutmut_29": (
        "mails = {r[0]: Mail(r[0], r[1], r[2], None, r[4], r[5], r[6], r[7], [], []) for r in rows}",
        "only the owner's mails are loaded here (kind = 'owner'), whose customer_email is always"
        " NULL: a customer is set only on a customer's mail",
    ),
    "vasteaika.ledger.batch_reach.x__load_owner_mail__mutmut_33": (
        "mails = {r[0]: Mail(r[0], r[1], r[2], r[3], r[4], r[5], r[6], None, [], []) for r in rows}",
        "a stored mail's answer rule is written back only after link_answer or mark_unanswered"
        " set a new one: the rule as loaded is never read",
    ),
    "vasteaika.ledger.batch_reach.x__load_owner_mail__mutmut_49": (
        "mails = {r[0]: Mail(r[0], r[1], r[2], r[4], r[4], r[5], r[6], r[7], [], []) for r in rows}",
        "an owner's mail given its subject as a customer only adds a text without @ to the"
        " customers sharing its Message-ID, which earliest_owner_reply only intersects with"
        " addresses: it never matches",
    ),
    "vasteaika.ledger.batch_reach.xǁConversationǁref__mutmut_3": (
        "reply = self.last_reply_at if self.last_reply_at is not None or True else"
        " self.first_reply_at",
        "every derivation (and m011's backfill of the older ledgers) writes last_reply_at whenever"
        " it writes first_reply_at: a conversation with a first reply always has a last one",
    ),
    "vasteaika.ledger.batch_reach.xǁConversationǁref__mutmut_8": (
        "return ConversationRef(self.id, self.customer_email, self.base_subject, None,"
        " max(self.last_customer_at, reply or 0), self.first_reply_at)",
        "no caller reads a ConversationRef's first_contact_at: threading reads its id, customer,"
        " subject, last activity and first reply (joins, answers, threads)",
    ),
    "vasteaika.ledger.batch_reach.xǁConversationǁref__mutmut_22": (
        "return ConversationRef(self.id, self.customer_email, self.base_subject,"
        " self.first_contact_at, max(self.last_customer_at, reply or 1), self.first_reply_at)",
        "last_customer_at is a mail's time, always above 1: max() gives it either way",
    ),
    "vasteaika.ledger.batch_reach.xǁConversationǁhappenings__mutmut_4": (
        "rows = [*self.timeline, Happening(self.first_contact_at, Event.CUSTOMER, None)]",
        _FIRST_CONTACT_TWICE,
    ),
    "vasteaika.ledger.batch_reach.xǁConversationǁhappenings__mutmut_7": (
        "rows = [*self.timeline, Happening(self.first_contact_at, Event.CUSTOMER)]",
        _FIRST_CONTACT_TWICE,
    ),
    "vasteaika.ledger.batch_reach.xǁConversationǁhappenings__mutmut_5": (
        "rows = [*self.timeline, Happening(Event.CUSTOMER, self.first_contact_id)]",
        "the happening lands at time 0, before every turn, where no event of any kind counts;"
        " the first contact's mail itself is in the timeline already",
    ),
    "vasteaika.ledger.batch_reach.xǁBatchKeysǁcustomer__mutmut_7": (
        "self.customer_span = (min(lo, at), max(hi, at)) if self.customers or True else (at, at)",
        "the span then opens at 0: the batch loads more of the ledger, and the view's lookups"
        " apply the store's own conditions to what is loaded, so they find the same rows",
    ),
    "vasteaika.ledger.batches.x_chunks__mutmut_3": (
        "if len(chunk) != size:",
        "batches of one mail: the ledger does not depend on how mails are grouped"
        " (test_batch_threads, test_batch_vs_one_by_one), and commits follow Batch.done's count",
    ),
    "vasteaika.ledger.batches.xǁBatchǁ__init____mutmut_5": (
        "self.now = None",
        "it is written only as folder_state.synced_at, which nothing reads",
    ),
    "vasteaika.ledger.joins.x_thread_customer__mutmut_53": (
        "reply = tables.earliest_owner_reply(msg.message_id, customer, None, at, None)",
        "a follow-up's lookup is by reference only (base_subject None): until bounds only the"
        " lookup by subject, so nothing reads it",
    ),
    "vasteaika.ledger.joins.x_thread_customer__mutmut_80": (
        "decided = {'ACK_STATUS': 'skipped', 'ack_reasons': json.dumps([followup])} if followup"
        " else {}",
        _ROW_KEYS,
    ),
    "vasteaika.ledger.joins.x_thread_customer__mutmut_84": (
        "decided = {'ack_status': 'skipped', 'ACK_REASONS': json.dumps([followup])} if followup"
        " else {}",
        _ROW_KEYS,
    ),
    "vasteaika.ledger.batch_reach.xǁBatchKeysǁowner__mutmut_7": (
        "self.owner_span = (min(lo, at), max(hi, at)) if self._owners or True else (at, at)",
        "the span then opens at 0: the batch loads more of the ledger, and the view's lookups"
        " apply the store's own conditions to what is loaded, so they find the same rows",
    ),
    "vasteaika.ledger.batch_reach.xǁBatchKeysǁowner__mutmut_16": (
        "self._owners = 1",
        _OWNERS_TRUTH,
    ),
    "vasteaika.ledger.batch_reach.xǁBatchKeysǁowner__mutmut_17": (
        "self._owners -= 1",
        _OWNERS_TRUTH,
    ),
    "vasteaika.ledger.batch_reach.xǁBatchKeysǁowner__mutmut_18": (
        "self._owners += 2",
        _OWNERS_TRUTH,
    ),
    "vasteaika.ledger.batch_reach.xǁConversationǁhappenings__mutmut_13": (
        "if self.first_reply_at is not None and self.first_reply_id is None and"
        " ((self.reply_channel or 'XXmailXX') != 'call'):",
        _CHANNEL_FALLBACK,
    ),
    "vasteaika.ledger.batch_reach.xǁConversationǁhappenings__mutmut_14": (
        "if self.first_reply_at is not None and self.first_reply_id is None and"
        " ((self.reply_channel or 'MAIL') != 'call'):",
        _CHANNEL_FALLBACK,
    ),
    "vasteaika.ledger.batch_reach.xǁConversationǁhappenings__mutmut_23": (
        "rows.append(Happening(self.first_reply_at, Event.ANSWER))",
        "Happening's message defaults to None, the value given",
    ),
    "vasteaika.ledger.joins.x_thread_customer__mutmut_93": (
        "conv_id = tables.open_conversation({'customer_email': row['customer_email'],"
        " 'CUSTOMER_NAME': row['customer_name'] or '', 'subject': msg.subject, 'base_subject':"
        " row['base_subject'], 'via_form': int(cls.via_form), 'reply_to': _other_reply_to(msg,"
        " row['customer_email']), 'first_contact_id': pk, 'first_contact_message_id': None if"
        " msg.synthetic_id else msg.message_id, 'first_contact_at': at, 'last_customer_at': at,"
        " 'run_id': row['run_id'], **decided})",
        _ROW_KEYS_UNREAD,
    ),
    "vasteaika.ledger.joins.x_thread_customer__mutmut_99": (
        "conv_id = tables.open_conversation({'customer_email': row['customer_email'],"
        " 'customer_name': row['customer_name'] or '', 'SUBJECT': msg.subject, 'base_subject':"
        " row['base_subject'], 'via_form': int(cls.via_form), 'reply_to': _other_reply_to(msg,"
        " row['customer_email']), 'first_contact_id': pk, 'first_contact_message_id': None if"
        " msg.synthetic_id else msg.message_id, 'first_contact_at': at, 'last_customer_at': at,"
        " 'run_id': row['run_id'], **decided})",
        _ROW_KEYS_UNREAD,
    ),
    "vasteaika.ledger.joins.x_thread_customer__mutmut_105": (
        "conv_id = tables.open_conversation({'customer_email': row['customer_email'],"
        " 'customer_name': row['customer_name'] or '', 'subject': msg.subject, 'base_subject':"
        " row['base_subject'], 'VIA_FORM': int(cls.via_form), 'reply_to': _other_reply_to(msg,"
        " row['customer_email']), 'first_contact_id': pk, 'first_contact_message_id': None if"
        " msg.synthetic_id else msg.message_id, 'first_contact_at': at, 'last_customer_at': at,"
        " 'run_id': row['run_id'], **decided})",
        _ROW_KEYS_UNREAD,
    ),
    "vasteaika.ledger.joins.x_thread_customer__mutmut_118": (
        "conv_id = tables.open_conversation({'customer_email': row['customer_email'],"
        " 'customer_name': row['customer_name'] or '', 'subject': msg.subject, 'base_subject':"
        " row['base_subject'], 'via_form': int(cls.via_form), 'reply_to': _other_reply_to(msg,"
        " row['customer_email']), 'first_contact_id': pk, 'FIRST_CONTACT_MESSAGE_ID': None if"
        " msg.synthetic_id else msg.message_id, 'first_contact_at': at, 'last_customer_at': at,"
        " 'run_id': row['run_id'], **decided})",
        _ROW_KEYS_UNREAD,
    ),
    "vasteaika.ledger.conversations.xǁConversationTableǁconversation_by_message_ids__mutmut_18": (
        "row = self.one(f'{_CONV_REF_SQL} WHERE id IN (SELECT conversation_id FROM"
        " messages WHERE message_id IN ({marks}) AND conversation_id IS NOT NULL) ORDER"
        " BY customer_email IN ({preferred}) DESC, first_contact_at DESC, id DESC limit"
        " 1', *ids, *(prefer or []))",
        "SQLite's keywords are case-insensitive: limit is LIMIT",
    ),
    "vasteaika.ledger.batches.xǁBatchǁbegin__mutmut_4": (
        "self.conn.execute('begin')",
        "SQLite's keywords are case-insensitive: begin is BEGIN",
    ),
    "vasteaika.ledger.batches.xǁBatchǁcommit__mutmut_12": (
        "self.conn.execute('commit')",
        "SQLite's keywords are case-insensitive: commit is COMMIT",
    ),
    "vasteaika.ledger.batches.xǁBatchǁcommit__mutmut_5": (
        "self.store.set_folder_state(self.folder, self.uidvalidity, safe, None)",
        "the time is written only as folder_state.synced_at, which nothing reads",
    ),
    "vasteaika.ledger.check.x_run_check__mutmut_74": (
        "store.finish_run(None, epoch(now))",
        _FINISHED_AT,
    ),
    "vasteaika.ledger.check.x_run_check__mutmut_75": (
        "store.finish_run(run_id, None)",
        _FINISHED_AT,
    ),
    "vasteaika.ledger.check.x__finish_folder__mutmut_16": (
        "store.set_folder_state(folder, uidvalidity, seen, None)",
        _SYNCED_AT,
    ),
    "vasteaika.ledger.check.x__read_folder__mutmut_29": (
        "batch = Batch(store, folder, plan.status.uidvalidity, None, read)",
        _SYNCED_AT,
    ),
    "vasteaika.ledger.check.x__ingest__mutmut_13": (
        "with guard(ref, 'parse', ctx.now, writes=None):",
        _NO_SAVEPOINT_NEEDED,
    ),
    "vasteaika.ledger.check.x__ingest__mutmut_17": (
        "with guard(ref, 'parse', ctx.now):",
        _NO_SAVEPOINT_NEEDED,
    ),
    "vasteaika.ledger.check.x__ingest__mutmut_20": (
        "with guard(ref, 'parse', ctx.now, writes=True):",
        _NO_SAVEPOINT_NEEDED,
    ),
    "vasteaika.ledger.check.x__ingest__mutmut_31": (
        "with guard(ref, 'classify', ctx.now, writes=None):",
        _NO_SAVEPOINT_NEEDED,
    ),
    "vasteaika.ledger.check.x__ingest__mutmut_35": (
        "with guard(ref, 'classify', ctx.now):",
        _NO_SAVEPOINT_NEEDED,
    ),
    "vasteaika.ledger.check.x__ingest__mutmut_38": (
        "with guard(ref, 'classify', ctx.now, writes=True):",
        _NO_SAVEPOINT_NEEDED,
    ),
    "vasteaika.ledger.check.x__plan__mutmut_16": (
        "ctx.store.reset_folder(folder, plan.status.uidvalidity, None)",
        _SYNCED_AT,
    ),
    "vasteaika.ledger.check.x__out_of_office__mutmut_1": (
        "if cls.kind is not Kind.CUSTOMER or (msg.folder != ctx.config.inbox and ctx.source is"
        " None):",
        "a customer's mail is always in INBOX: the check reads only INBOX and Sent, and in Sent"
        " _classify makes a mail the headers call a customer's the owner's or a machine's",
    ),
    "vasteaika.ledger.check.x__own_address_form__mutmut_10": (
        "data = ctx.source.fetch_text(msg.folder, msg.uid) if ctx.source is not None or True"
        " else None",
        "run_check, the one maker of a _Context, always gives it the source: never None",
    ),
    "vasteaika.ledger.sync.x__micros__mutmut_1": (
        "return (t - _EPOCH) / timedelta(microseconds=1)",
        "a timedelta is a whole number of microseconds: the true quotient is that number as a"
        " float, exact below 2**53 µs (the year 2255), and _Pending's INTEGER column stores a"
        " whole REAL as the INTEGER: the same keys, the same order",
    ),
    "vasteaika.ledger.sync.x_has_new__mutmut_5": (
        "if plan.status.uidnext <= 1:",
        "uidnext 1 with mail in the folder (exists > 0 is asked first) comes from no source:"
        " UIDNEXT exceeds every UID and UIDs start at 1 (RFC 3501 2.3.1.1); Maildir and mbox"
        " say count + 1; the IMAP source, when the server leaves UIDNEXT out, says the highest"
        " UID + 1, which is 1 only when its SEARCH ALL found the folder emptied meanwhile, and"
        " then asking lists nothing (at most mail come since, which the next run reads anyway)",
    ),
    "vasteaika.ledger.sync.x_plan_folder__mutmut_17": (
        "return FolderPlan(status, stored[1], reset=None)",
        "FolderPlan.reset is only read as a condition (check._read_folder, check._plan):"
        " None reads as False",
    ),
    "vasteaika.ledger.sync.xǁFolderReadǁ__post_init____mutmut_2": (
        "self.watermark = Watermark(None)",
        "the first watermark holds no UIDs, so it is complete: messages() replaces it before"
        " any mail is handed over (Batch reads safe only once a mail is done), and a folder"
        " with nothing new leaves it to _finish_folder, which then takes max(after_uid,"
        " uidnext - 1) and never its safe",
    ),
    "vasteaika.ledger.sync.xǁFolderReadǁclose__mutmut_2": (
        "self._pending = ''",
        "nothing reads _pending after the one close of a reading (check._read_folder's"
        " finally); messages() closes first only an earlier reading, and each FolderRead is"
        " read once",
    ),
    "vasteaika.ledger.sync.xǁ_Pendingǁ__init____mutmut_4": (
        "self._db = sqlite3.connect('')",
        "with the sqlite3 module's own transaction control the explicit BEGIN and COMMIT of"
        " add still make its one transaction: the module begins one by itself only before an"
        " INSERT outside a transaction, and never before PRAGMA, CREATE TABLE or SELECT",
    ),
    "vasteaika.ledger.sync.xǁ_Pendingǁ__init____mutmut_8": (
        "self._db.execute('pragma journal_mode = off')",
        _SQLITE_ANY_CASE,
    ),
    "vasteaika.ledger.sync.xǁ_Pendingǁ__init____mutmut_9": (
        "self._db.execute('PRAGMA JOURNAL_MODE = OFF')",
        _SQLITE_ANY_CASE,
    ),
    "vasteaika.ledger.sync.xǁ_Pendingǁ__init____mutmut_12": (
        "self._db.execute('create table pending (uid integer primary key, arrival integer not"
        " null)')",
        _SQLITE_ANY_CASE,
    ),
    "vasteaika.ledger.sync.xǁ_Pendingǁ__init____mutmut_13": (
        "self._db.execute('CREATE TABLE PENDING (UID INTEGER PRIMARY KEY, ARRIVAL INTEGER NOT"
        " NULL)')",
        _SQLITE_ANY_CASE,
    ),
    "vasteaika.ledger.sync.xǁ_Pendingǁadd__mutmut_8": (
        "self._db.execute('begin')",
        _SQLITE_ANY_CASE,
    ),
    "vasteaika.ledger.sync.xǁ_Pendingǁadd__mutmut_18": (
        "self._db.execute('commit')",
        _SQLITE_ANY_CASE,
    ),
    "vasteaika.acks.outbox.x_resolve_pending__mutmut_7": (
        "_remind(store, conversation_id, callback_at, None, now, in_doubt=None)",
        "_remind reads in_doubt only as a condition (if not in_doubt, ACK_IN_DOUBT if in_doubt"
        " else 'ack'): None reads as False",
    ),
    "vasteaika.mail.classify.x__report_content__mutmut_22": (
        r"""match = re.search('REPORT-TYPE\\s*=\\s*\\"?([\\w.-]+)', content_type, re.IGNORECASE)""",
        _PATTERN_IGNORES_CASE,
    ),
    "vasteaika.mail.classify.x_classify__mutmut_5": (
        "checks = () if machine_checked and False else _machine_checks(msg)",
        _MACHINE_CHECKS_AGAIN,
    ),
    "vasteaika.ledger.check.x__classify__mutmut_20": (
        "stranger = classify(msg, frozenset(), machine_checked=None)",
        _MACHINE_CHECKS_AGAIN,
    ),
    "vasteaika.ledger.check.x__classify__mutmut_23": (
        "stranger = classify(msg, frozenset())",
        _MACHINE_CHECKS_AGAIN,
    ),
    "vasteaika.ledger.check.x__classify__mutmut_24": (
        "stranger = classify(msg, frozenset(), machine_checked=False)",
        _MACHINE_CHECKS_AGAIN,
    ),
    "vasteaika.ledger.check.x__thread__mutmut_2": (
        "if cls.kind is Kind.CUSTOMER or cls.customer is not None:",
        _CUSTOMER_ONLY_FOR_CUSTOMER,
    ),
    **{
        f"vasteaika.ledger.check.x__mail__mutmut_{n}": (
            _MAIL_ROW.replace(f"'{key}':", f"'{key.upper()}':"),
            _ROW_KEYS_MAIL,
        )
        for n, key in (
            (15, "synthetic_id"),
            (20, "reasons"),
            (25, "from_name"),
            (43, "arrival_source"),
        )
    },
    "vasteaika.ledger.check.x__mail__mutmut_49": (
        "row['AUTHSERV_ID'] = topmost_authserv_id(msg.header('authentication-results'))",
        _ROW_KEYS_MAIL,
    ),
    "vasteaika.ledger.batches.x_collect_batch__mutmut_3": (
        "gc.collect(2)",
        "a full pass frees what the pass of the young generations frees (a sync makes no cyclic"
        " garbage that survives a batch, and what collector_paused froze is in neither): the"
        " same objects are freed and the same ledger written; only the CPU differs, which is"
        " the sync benchmark's to measure, not a test's",
    ),
}
