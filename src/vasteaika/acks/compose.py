"""Build the acknowledgment mail that ``acks.decision`` allowed: every header set here, nothing
from the customer's mail reaching a header unsanitized.

Apart from the decision because it is the other half of the risk: the decision says whether a
mail may go, this module says what goes. Python 3.11.7 predates the stdlib's header-injection
fix, so every piece of mail-derived text that reaches a header of the ack goes through
``parse.header_safe`` (no CR/LF, no control characters, capped), message ids through
``_clean_id``, and addresses through ``address_problem``.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import format_datetime

from vasteaika.acks.decision import AckSettings, require_aware
from vasteaika.catalogue import Said, fault
from vasteaika.errors import DataError
from vasteaika.mail.addresses import address_problem, address_problem_key
from vasteaika.mail.parse import header_safe
from vasteaika.models import Address, Message

_MSG_ID = re.compile(r"^[\x21-\x7e]{1,250}$")
_ID_HEADERS = {"in-reply-to", "references", "message-id"}


class _AckPolicy(EmailPolicy):
    """policy.SMTP, except that message-id lists are folded between ids, never RFC 2047-encoded
    (the stdlib encodes a long Outlook id as =?utf-8?q?…?=, which breaks threading)."""

    def fold(self, name: str, value: str) -> str:
        if name.lower() in _ID_HEADERS:
            return _fold_ids(name, str(value), self.linesep)
        return str(super().fold(name, value))

    def fold_binary(self, name: str, value: str) -> bytes:
        if name.lower() in _ID_HEADERS:
            return _fold_ids(name, str(value), self.linesep).encode("ascii")
        return super().fold_binary(name, value)


ACK_POLICY = _AckPolicy(linesep="\r\n")


def _fold_ids(name: str, value: str, linesep: str) -> str:
    lines = [f"{name}:"]
    for token in value.split():
        if len(lines[-1]) + 1 + len(token) > 78 and lines[-1] != f"{name}:":
            lines.append("")
        lines[-1] += " " + token
    return linesep.join(lines) + linesep


def _clean_id(value: str) -> str | None:
    value = value.strip().removeprefix("<").removesuffix(">")
    ok = _MSG_ID.match(value) and not set(value) & set('<>()[],;:\\"') and "=?" not in value
    return value if ok and "@" in value else None


def ack_subject(original: str, settings: AckSettings) -> str:
    """``subject_prefix`` + the sanitized original subject (at most 150 characters), without
    doubling the prefix; ``fallback_subject`` when the mail had none."""
    subject = header_safe(original, 150)
    if not subject:
        return header_safe(settings.fallback_subject, 150)
    marker = settings.subject_prefix.strip().casefold()
    if marker and subject.casefold().startswith(marker):
        return subject
    return settings.subject_prefix + subject


def build_ack(
    msg: Message,
    recipient: Address,
    *,
    body: str,
    settings: AckSettings,
    message_id_domain: str,
    now: datetime,
) -> EmailMessage:
    """The acknowledgment of ``msg`` to ``recipient`` (the one from ``decide``). Every header is
    set here; nothing from the customer's mail reaches a header unsanitized."""
    require_aware(now, "now")
    problem = address_problem_key(recipient.email) or (
        None if recipient.email.isascii() else "address.not_ascii"
    )
    if problem:
        raise fault(DataError, "compose.refuse_address", recipient=recipient.email,
                    problem=Said(problem))  # fmt: skip
    if recipient.email.lower() in settings.all_owner_addresses:
        raise fault(DataError, "compose.own_address", recipient=recipient.email)
    domain = message_id_domain.strip().lower()
    if address_problem(f"x@{domain}") or not domain.isascii():
        raise DataError(f"message_id_domain {message_id_domain!r} is not a host name")
    ack = EmailMessage(policy=ACK_POLICY)
    ack["From"] = HeaderAddress(
        header_safe(settings.owner_name, 100), addr_spec=settings.owner_address
    )
    name = header_safe(recipient.name, 100)
    name = "" if set(name) & set("@<>") else name  # no address-like text beside the address
    ack["To"] = HeaderAddress(name, addr_spec=recipient.email)
    ack["Subject"] = ack_subject(msg.subject, settings)
    ack["Date"] = format_datetime(now)
    ack["Message-ID"] = f"<vasteaika-ack.{uuid.uuid4().hex}@{domain}>"
    original = None if msg.synthetic_id else _clean_id(msg.message_id)
    if original:
        ack["In-Reply-To"] = f"<{original}>"
        chain = [i for i in map(_clean_id, msg.references or msg.in_reply_to[:1]) if i]
        ack["References"] = " ".join(f"<{i}>" for i in _cap_references([*chain, original]))
    ack["Auto-Submitted"] = "auto-replied"
    ack["X-Auto-Response-Suppress"] = "All"
    if settings.precedence_bulk:
        ack["Precedence"] = "bulk"
    ack["X-Vasteaika-Ack"] = "1"
    text = "\n".join(line.rstrip() for line in body.replace("\r\n", "\n").split("\n"))
    ack.set_content(
        text.strip("\n") + "\n", subtype="plain", charset="utf-8", cte="quoted-printable"
    )
    return ack


def _cap_references(ids: list[str], max_ids: int = 10, max_chars: int = 900) -> list[str]:
    """Keep the first id (the thread root) and as many of the latest as fit."""
    unique = list(dict.fromkeys(ids))
    if len(unique) <= 1:
        return unique
    kept = [unique[-1]]
    for ref in reversed(unique[1:-1]):
        if len(kept) + 2 > max_ids or sum(len(i) + 3 for i in [unique[0], ref, *kept]) > max_chars:
            break
        kept.insert(0, ref)
    return [unique[0], *kept]
