"""The `check` use case: sync → parse → classify → thread → store, a batch per transaction.

A batch of messages is parsed, classified, matched and stored atomically together with its
folder's new watermark (``batches.Batch``), so an interrupted run leaves a consistent
database and the next run resumes where it stopped. A message that cannot be read is recorded as a problem and skipped; the run goes on.

Every per-message step (parse, classify — with the body of a customer's INBOX mail, read for an
out-of-office opening —, thread here; promise, phone, ack and reminder later in
the cycle) runs under ``Store.guard``: its failure costs only that step of that message, is
recorded in ``problems`` with the step and the reason, and the run goes on.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

from vasteaika.config import Config
from vasteaika.errors import ConfigError
from vasteaika.ledger import first_load
from vasteaika.ledger.answers import link_late_answers, link_owner_mail
from vasteaika.ledger.batches import Batch, chunks, collect_batch, collector_paused, store_chunk
from vasteaika.ledger.store import MessageRef, Store, epoch
from vasteaika.ledger.sync import FolderPlan, FolderRead, plan_folder
from vasteaika.mail.source import SENT_FOLDER_NAMES, MailSource
from vasteaika.models import Classification, Kind, Message, RawMessage

if TYPE_CHECKING:  # the parsing, classifying and threading only when there is new mail
    from vasteaika.ledger.batch_reach import BatchKeys
    from vasteaika.ledger.joins import ThreadTables

ProgressStart = Callable[[str, int], None]
ProgressStep = Callable[[], None]


@dataclass
class CheckResult:
    run_id: int
    folders: dict[str, int] = field(default_factory=dict)  # folder → messages read
    new_conversations: int = 0
    new_replies: int = 0
    problems: int = 0
    sent_folder: str | None = None  # None: [folders] sent = "none", so no reply can be seen


@dataclass
class _Context:
    config: Config
    store: Store
    run_id: int
    now: int
    sent_folder: str | None
    source: MailSource | None = None  # reads the body of a customer's mail (_out_of_office)
    window: int = field(init=False)
    # False while the ledger holds no conversation at all (a first sync reading Sent): an owner
    # message then has nothing to answer, and its two lookups are skipped.
    has_conversations: bool = True
    # The folder being read still holds rows from before fingerprints (m008) in an older
    # UIDVALIDITY: each message is first looked for among them (Store.insert_message).
    legacy: bool = False
    # Each batch is threaded in memory and written together (``batch_view``); False: mail by
    # mail through the store (a folder read again, whose mails may be stored already).
    bulk: bool = False

    def __post_init__(self) -> None:
        self.window = int(timedelta(days=self.config.new_conversation_after_days).total_seconds())


def run_check(
    config: Config,
    source: MailSource,
    store: Store,
    now: datetime,
    on_folder: ProgressStart | None = None,
    on_message: ProgressStep | None = None,
) -> CheckResult:
    """Read everything new from INBOX and Sent into the ledger."""
    sent = _sent_folder(config, source)
    failed_before = store.failed_steps
    run_id = store.start_run(epoch(now))
    ctx = _Context(config, store, run_id, epoch(now), sent, source)
    ctx.has_conversations = store.has_conversations()
    result = CheckResult(run_id, sent_folder=sent)
    # Sent first: a customer mail read later finds the owner's replies already stored, so the
    # conversation boundaries do not depend on which folder happened to be read first.
    deferred = first_load.defer(store.db.conn)  # an empty ledger: indexes after the load
    try:
        with collector_paused():
            for folder in ([sent] if sent else []) + [config.inbox]:
                _read_folder(ctx, source, folder, result, on_folder, on_message)
    finally:
        if deferred:
            first_load.restore(store.db.conn)
    with store.db.atomic():
        link_late_answers(store, config.owner_addresses, ctx.window, run_id, ctx.now)
    result.new_replies = store.count(
        "SELECT count(*) FROM messages m INDEXED BY messages_run WHERE m.run_id = ?"
        " AND m.kind = 'owner' AND EXISTS (SELECT 1 FROM turns t"
        " WHERE t.conversation_id = m.conversation_id AND t.answer_id = m.id)",
        run_id,
    )
    result.problems = store.failed_steps - failed_before
    store.finish_run(run_id, epoch(now))
    return result


def _read_folder(
    ctx: _Context,
    source: MailSource,
    folder: str,
    result: CheckResult,
    on_folder: ProgressStart | None,
    on_message: ProgressStep | None,
) -> None:
    store = ctx.store
    plan = _plan(ctx, source, folder)
    ctx.legacy = store.has_legacy(folder, plan.status.uidvalidity)
    count = 0

    def counted(total: int, folder: str = folder) -> None:
        if on_folder:
            on_folder(folder, total)

    read = FolderRead(source, plan)
    batch = Batch(store, folder, plan.status.uidvalidity, ctx.now, read)
    ingest = _ChunkIngest(ctx, plan.status.uidvalidity, result)
    # Read again after UIDVALIDITY changed, most mails are already stored: one by one.
    bulk = not ctx.legacy and not (plan.reset and store.has_messages(folder))
    ctx.bulk = bulk
    try:
        for chunk in chunks(read.messages(counted), Batch.COMMIT_EVERY, on_message):
            store_chunk(store, batch, chunk, ingest)
            count += len(chunk)
            collect_batch()
    finally:
        batch.commit()  # also when the connection drops: keep what was read
    try:
        _finish_folder(ctx, read)
    finally:
        read.close()
    result.folders[folder] = count


def _sent_folder(config: Config, source: MailSource) -> str | None:
    """The Sent folder to read; None only when the owner said there is none. Without it no reply
    is ever seen, every customer would wait forever and reminders would fire for answered mail,
    so a Sent folder that cannot be found stops the run."""
    if config.sent.lower() == "none":
        return None
    if config.sent != "auto":
        return config.sent
    found = source.find_sent_folder()
    if found is None:
        raise ConfigError(
            "no Sent folder found, so your replies could not be seen (looked for a folder marked"
            f" \\Sent and for the names {', '.join(SENT_FOLDER_NAMES)})",
            'set [folders] sent = "NAME" to its name, or [folders] sent = "none" if you keep no'
            " sent mail",
        )
    return found


_NOT_RETURNED = (
    "the server listed this message but did not return it when asked; it is read again on"
    " the next run"
)


def _finish_folder(ctx: _Context, read: FolderRead) -> None:
    """The folder's watermark once everything was asked for. A UID the server did not return
    although it is still there keeps the watermark below it (a problem, read again next run);
    its problem goes once it has been read."""
    store, plan, folder = ctx.store, read.plan, read.plan.status.name
    uidvalidity = plan.status.uidvalidity
    # Every UID below UIDNEXT (as of EXAMINE) was read or has been expunged: move past them,
    # or a deleted newest mail would look "new" forever (and keep `watch` from idling).
    complete = read.watermark.complete
    seen = max(plan.after_uid, plan.status.uidnext - 1) if complete else read.watermark.safe
    with store.db.atomic():
        store.set_folder_state(folder, uidvalidity, seen, ctx.now)
        store.db.execute(
            "DELETE FROM problems WHERE folder = ? AND uidvalidity = ? AND step = 'fetch'"
            " AND uid <= ?",
            [folder, uidvalidity, seen],
        )
        for uid in read.missing:
            store.record_problem(folder, uidvalidity, uid, _NOT_RETURNED, ctx.now, step="fetch")
            store.failed_steps += 1
        if ctx.legacy and complete:  # the whole folder has been read again: the rest is gone
            store.retire_legacy(folder, uidvalidity)


def _plan(ctx: _Context, source: MailSource, folder: str) -> FolderPlan:
    state = ctx.store.folder_state(folder)
    plan = plan_folder(source, folder, (state.uidvalidity, state.highest_uid) if state else None)
    if plan.reset and state is not None:
        with ctx.store.db.atomic():
            ctx.store.reset_folder(folder, plan.status.uidvalidity, ctx.now)
    return plan


@dataclass
class _ChunkIngest:
    """The check's side of a batch (``batches.store_chunk``): its mails threaded in memory and
    written together, or one by one through the store after the batch rolled back."""

    ctx: _Context
    uidvalidity: int
    result: CheckResult
    before: tuple[bool, int] = (True, 0)  # what a rolled-back batch had changed in memory

    def together(self, chunk: tuple[RawMessage, ...]) -> None:
        from vasteaika.ledger.batch_view import BatchView

        ctx, result = self.ctx, self.result
        self.before = (ctx.has_conversations, result.new_conversations)
        if not ctx.bulk:
            for raw in chunk:
                _store(ctx, _ingest_unguarded(ctx, raw, self.uidvalidity), result)
            return
        mails = [_ingest_unguarded(ctx, raw, self.uidvalidity) for raw in chunk]
        view = BatchView(ctx.store.db.conn)
        view.load(_keys(ctx, mails), ctx.window)
        for mail in mails:
            pk = view.insert_message(mail.row, mail.refs, mail.recipients)
            _thread(ctx, view, mail, pk, result)
        view.flush()

    def alone(self, raw: RawMessage) -> None:
        _ingest(self.ctx, raw, self.uidvalidity, self.result)

    @contextlib.contextmanager
    def one_by_one(self) -> Iterator[None]:
        ctx = self.ctx
        ctx.has_conversations, self.result.new_conversations = self.before
        bulk, ctx.bulk = ctx.bulk, False
        try:
            yield
        finally:
            ctx.bulk = bulk

    def abandon(self) -> None:
        """Nothing of a batch is kept in memory past it."""


@dataclass(frozen=True)
class _Mail:
    """A mail read, classified and made into its row, ready to be stored and threaded."""

    msg: Message
    cls: Classification
    row: dict[str, Any]
    refs: list[str]
    recipients: list[str]


def _ingest_unguarded(ctx: _Context, raw: RawMessage, uidvalidity: int) -> _Mail:
    from vasteaika.mail.parse import parse

    msg = _not_after(parse(raw), ctx.now)
    return _mail(ctx, msg, _out_of_office(ctx, msg, _classify(ctx, msg)), uidvalidity)


def _keys(ctx: _Context, mails: list[_Mail]) -> BatchKeys:
    """What the batch's threading can look up (``BatchView.load``)."""
    from vasteaika.ledger.batch_reach import BatchKeys
    from vasteaika.ledger.threads import counterparts

    keys = BatchKeys()
    for mail in mails:
        keys.refs.update(mail.refs)
        if mail.row["customer_email"] is not None:  # a customer's, or sharing a Message-ID
            keys.customer(mail.row)
        if mail.cls.kind is Kind.OWNER:
            keys.owner(mail.row, counterparts(mail.recipients, ctx.config.owner_addresses))
    return keys


def _ingest(ctx: _Context, raw: RawMessage, uidvalidity: int, result: CheckResult) -> None:
    """Parse, classify, then store and thread: each a guarded step; a failed step skips the
    message's later ones (they need its result)."""
    from vasteaika.mail.parse import parse

    ref, guard = MessageRef(raw.folder, uidvalidity, raw.uid), ctx.store.guard
    msg: Message | None = None
    cls: Classification | None = None
    with guard(ref, "parse", ctx.now, writes=False):
        msg = _not_after(parse(raw), ctx.now)
    if msg is None:
        return
    with guard(ref, "classify", ctx.now, writes=False):
        cls = _out_of_office(ctx, msg, _classify(ctx, msg))
    if cls is None:
        return
    with guard(ref, "thread", ctx.now):
        _store(ctx, _mail(ctx, msg, cls, uidvalidity), result)


FUTURE_SLACK = timedelta(hours=1)  # clocks of mail servers and this computer differ this much


def _not_after(msg: Message, now: int) -> Message:
    """A mail cannot have arrived after it was read: an arrival time in the future (a Date used
    for want of a better one, a server's clock) is replaced by the time it was read, so that no
    waiting time is negative; ``why`` says so (arrival_source "future")."""
    read_at = datetime.fromtimestamp(now, msg.received_at.tzinfo)
    if msg.received_at - read_at <= FUTURE_SLACK:
        return msg
    return replace(msg, received_at=read_at, arrival_source="future")


_TEXT_ONLY = frozenset({"text/plain", "text/html", "multipart/alternative"})
BODY_OUT_OF_OFFICE = "out-of-office: the text opens like an out-of-office reply (no header says so)"


def _out_of_office(ctx: _Context, msg: Message, cls: Classification) -> Classification:
    """An out-of-office reply with no header or subject marker shows itself only in its first
    lines: the body of an INBOX reply the headers call a customer's is read (BODY.PEEK), so that
    it never becomes a contact or a waiting customer. Only a reply (it answers something, as an
    auto-reply does): a customer's new mail that opens "Olen lomalla 7.12. asti, mutta…" stays a
    contact (and gets no acknowledgment, acks.content)."""
    if cls.kind is not Kind.CUSTOMER or msg.folder != ctx.config.inbox or ctx.source is None:
        return cls
    if not (msg.in_reply_to or msg.references or _has_reply_prefix(msg.subject)):
        return cls
    if msg.content_type not in _TEXT_ONLY:  # photos attached: a person's; never fetched whole
        return cls
    from vasteaika.mail.body import out_of_office_body

    data = ctx.source.fetch_text(msg.folder, msg.uid)
    if data is not None and out_of_office_body(data):
        return Classification(Kind.AUTO_REPLY, (BODY_OUT_OF_OFFICE,))
    return cls


def _has_reply_prefix(subject: str) -> bool:
    from vasteaika.mail.parse import base_subject

    return base_subject(subject) != " ".join(subject.split()).casefold()


def _classify(ctx: _Context, msg: Message) -> Classification:
    """INBOX and Sent by the same rules. Mail the owner sent (From an owner address, or found
    in Sent) is their answer only when a human wrote it: read as if a stranger had sent it, a
    vacation reply, an out-of-office subject or a noreply sender shows it is not."""
    from vasteaika.mail.classify import classify

    cfg = ctx.config
    cls = classify(msg, cfg.owner_addresses, cfg.ignore, cfg.ack.form_senders)
    in_sent = msg.folder == ctx.sent_folder
    if cls.kind is Kind.OWNER or (in_sent and cls.kind is Kind.CUSTOMER):
        stranger = classify(msg, frozenset(), machine_checked=True)
        if stranger.kind is not Kind.CUSTOMER:
            return Classification(stranger.kind, ("sent by the owner, but not written by a human",
                                                  *stranger.reasons))  # fmt: skip
        if cls.kind is Kind.CUSTOMER:
            return Classification(Kind.OWNER, ("in the Sent folder: sent by the owner",))
    return _own_address_form(ctx, msg, cls)


OWN_MAIL_NO_FORM = "its text has no contact form's fields (a message and another): the owner's mail"


def _own_address_form(ctx: _Context, msg: Message, cls: Classification) -> Classification:
    """A contact form sent From the owner's own address is a lead only when its text is a form's:
    the body is read (BODY.PEEK) to tell it from the owner's own mail with a Reply-To, which is
    never a contact; a body that cannot be read proves nothing."""
    from vasteaika.mail.classify import own_address_form

    if not own_address_form(msg, cls, ctx.config.owner_addresses):
        return cls
    from vasteaika.mail.body import is_form_text

    data = ctx.source.fetch_text(msg.folder, msg.uid) if ctx.source is not None else None
    if data is not None and is_form_text(data):
        return cls
    reason = f"From: {msg.from_addr.email} is an owner address; {OWN_MAIL_NO_FORM}"
    return Classification(Kind.OWNER, (reason,))


def _mail(ctx: _Context, msg: Message, cls: Classification, uidvalidity: int) -> _Mail:
    from vasteaika.mail.authresults import topmost_authserv_id
    from vasteaika.mail.parse import base_subject, content_fingerprint

    customer = cls.customer
    row: dict[str, Any] = {
        "folder": msg.folder,
        "uid": msg.uid,
        "uidvalidity": uidvalidity,
        "message_id": msg.message_id,
        "fingerprint": content_fingerprint(msg),
        "synthetic_id": int(msg.synthetic_id),
        "kind": cls.kind.value,
        "reasons": _json_list(cls.reasons),
        "from_email": msg.from_addr.email,
        "from_name": msg.from_addr.name,
        "customer_email": customer.email if customer else None,
        "customer_name": customer.name if customer else None,
        "subject": msg.subject,
        "base_subject": base_subject(msg.subject),
        "received_at": epoch(msg.received_at),
        "arrival_source": msg.arrival_source,
        "run_id": ctx.run_id,
    }
    if msg.folder == ctx.config.inbox:  # the owner's provider stamps what it delivers there
        row["authserv_id"] = topmost_authserv_id(msg.header("authentication-results"))
    # A mail never answers itself: a broken mailer's self-reference would thread it into
    # whichever conversation holds another mail with the same Message-ID.
    refs = [r for r in dict.fromkeys(msg.references + msg.in_reply_to) if r != msg.message_id]
    recipients = [a.email for a in msg.recipients]
    return _Mail(msg, cls, row, refs, recipients)


def _json_list(texts: tuple[str, ...]) -> str:
    """``json.dumps(list(texts), ensure_ascii=False)``, the same text, without building an
    encoder for each of a first sync's 100,000 mails."""
    return "[" + ", ".join(map(encode_basestring, texts)) + "]"


def _store(ctx: _Context, mail: _Mail, result: CheckResult) -> None:
    """Store and thread one mail through the store (SQL, a statement at a time)."""
    pk = ctx.store.insert_message(mail.row, mail.refs, mail.recipients, ctx.legacy)
    if pk is None:  # already stored (a UIDVALIDITY change, or an identical copy): nothing to do
        return
    _thread(ctx, ctx.store, mail, pk, result)


def _thread(ctx: _Context, tables: ThreadTables, mail: _Mail, pk: int, result: CheckResult) -> None:
    from vasteaika.ledger.joins import thread_customer

    cls = mail.cls
    if cls.kind is Kind.CUSTOMER and cls.customer is not None:
        opened = thread_customer(tables, mail.msg, cls, pk, mail.row, mail.refs, ctx.window)
        if opened:
            ctx.has_conversations = True
            result.new_conversations += opened
    elif cls.kind is Kind.OWNER and ctx.has_conversations:
        row = {**mail.row, "id": pk}
        link_owner_mail(tables, ctx.config.owner_addresses, ctx.window, row, mail.refs,
                        mail.recipients)  # fmt: skip
