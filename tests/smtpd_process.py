"""A real aiosmtpd server for tests, run as its own process by smtp_fixture.py.

    python smtpd_process.py OUTDIR [--dsn] [--auth USER:PASSWORD] [--refuse-null-sender]
                                   [--drop-after-data] [--kill-client-file F] [--tls starttls|ssl --cert C --key K]

Listens on 127.0.0.1 on a free port, then writes the port to OUTDIR/port (atomically) so the
parent knows it is ready. Each accepted message becomes OUTDIR/msg-NNNN.json holding mail_from,
rcpt_tos, mail_options, rcpt_options and the data (base64), written before the 250 reply.
RCPT to an address starting with "reject5" gets 550, with "reject4" gets 450. The null sender
is recorded as "". --drop-after-data records the message, then cuts the connection unanswered.
(Not named smtpd.py: pytest puts tests/ on sys.path, where that would shadow the stdlib module.)
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import ssl
from pathlib import Path
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session


class Recorder:
    def __init__(
        self,
        outdir: Path,
        *,
        dsn: bool,
        refuse_null_sender: bool,
        drop_after_data: bool,
        kill_client_file: str | None = None,
    ) -> None:
        self.outdir = outdir
        self.kill_client_file = kill_client_file
        self.drop_after_data = drop_after_data
        self.dsn = dsn
        self.refuse_null_sender = refuse_null_sender
        self.count = 0

    async def handle_EHLO(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        hostname: str,
        responses: list[str],
    ) -> list[str]:
        session.host_name = hostname
        if self.dsn:
            responses.insert(len(responses) - 1, "250-DSN")
        return responses

    async def handle_MAIL(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        mail_options: list[str],
    ) -> str:
        if self.refuse_null_sender and address in ("", "<>"):
            return "550 5.7.1 null sender not accepted here"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        if address.startswith("reject5"):
            return "550 5.1.1 no such user"
        if address.startswith("reject4"):
            return "450 4.2.1 mailbox busy, try later"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend([*rcpt_options, *getattr(server, "dsn_params", [])])
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.count += 1
        record = {
            "mail_from": "" if envelope.mail_from == "<>" else envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "mail_options": envelope.mail_options,
            "rcpt_options": envelope.rcpt_options,
            "data": base64.b64encode(envelope.original_content or b"").decode("ascii"),
        }
        _write_atomic(self.outdir / f"msg-{self.count:04d}.json", json.dumps(record))
        if self.kill_client_file and Path(self.kill_client_file).exists():
            # The crash window: the server has the message, the client dies before the 250.
            os.kill(int(Path(self.kill_client_file).read_text()), 9)
        if self.drop_after_data and isinstance(server.transport, asyncio.Transport):
            server.transport.abort()  # accepted, but the client never hears so
        return "250 OK queued"


class DsnSMTP(SMTP):
    """aiosmtpd refuses every RCPT parameter; accept and record the DSN ones (NOTIFY, ORCPT)."""

    dsn_params: list[str]

    async def smtp_RCPT(self, arg: str | None) -> None:
        self.dsn_params = []
        if arg:
            words = arg.split()
            self.dsn_params = [w for w in words[1:] if w.upper().startswith(("NOTIFY=", "ORCPT="))]
            arg = " ".join(w for w in words if w not in self.dsn_params)
        await super().smtp_RCPT(arg)


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


async def serve(args: argparse.Namespace) -> None:
    outdir = Path(args.outdir)
    handler = Recorder(
        outdir,
        dsn=args.dsn,
        refuse_null_sender=args.refuse_null_sender,
        drop_after_data=args.drop_after_data,
        kill_client_file=args.kill_client_file,
    )
    context = None
    if args.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
    options: dict[str, Any] = {"hostname": "localhost", "ident": "vasteaika-test-smtpd"}
    if args.auth:
        user, _, password = args.auth.partition(":")

        def authenticator(
            server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
        ) -> AuthResult:
            ok = isinstance(auth_data, LoginPassword) and (
                auth_data.login.decode() == user and auth_data.password.decode() == password
            )
            return AuthResult(success=ok, handled=False)

        options.update(authenticator=authenticator, auth_required=True, auth_require_tls=False)
    if args.tls == "starttls":
        options.update(tls_context=context, require_starttls=True)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: DsnSMTP(handler, **options),
        host="127.0.0.1",
        port=0,
        ssl=context if args.tls == "ssl" else None,
    )
    port = server.sockets[0].getsockname()[1]
    _write_atomic(outdir / "port", str(port))
    await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("outdir")
    parser.add_argument("--dsn", action="store_true")
    parser.add_argument("--auth")
    parser.add_argument("--refuse-null-sender", action="store_true")
    parser.add_argument("--drop-after-data", action="store_true")
    parser.add_argument("--kill-client-file")
    parser.add_argument("--tls", choices=["starttls", "ssl"])
    parser.add_argument("--cert")
    parser.add_argument("--key")
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
