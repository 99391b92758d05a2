"""Validated config values → the frozen records (``Config`` and its parts).

Runs only after ``load`` found no problem, so every value here already has its expected type.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from vasteaika.catalogue import Said
from vasteaika.config.checks import WEEKDAYS, parse_duration
from vasteaika.config.paths import default_database_path, resolve
from vasteaika.config.records import (
    AccountConfig,
    AckConfig,
    CalendarConfig,
    Config,
    HoursConfig,
    RemindersConfig,
    ReportConfig,
    SmtpConfig,
    Vacation,
)


def build_config(
    v: dict[str, dict[str, Any]], path: Path | None, base: Path, warns: list[Said]
) -> Config:
    """The config record; its warnings said in the owner's language."""
    acc = v["account"]
    account = AccountConfig(
        imap_host=acc["imap_host"],
        imap_port=acc["imap_port"],
        security=acc["security"],
        username=acc["username"],
        password_command=tuple(acc["password_command"]),
        keyring=acc["keyring"],
        ca_file=resolve(acc["ca_file"], base),
        timeout=float(acc["timeout"]),
        maildir=resolve(acc["maildir"], base),
        mbox=resolve(acc["mbox"], base),
        auth=acc["auth"],
    )
    h = v["hours"]
    hours = HoursConfig(
        timezone=ZoneInfo(h["timezone"]),
        workdays=frozenset(WEEKDAYS.index(d) for d in h["workdays"]),
        start=time.fromisoformat(h["start"]),
        end=time.fromisoformat(h["end"]),
        holidays=(h["holidays"] or "").upper() or None,
    )
    db = v["storage"]["database"]
    owner = frozenset(a.strip().lower() for a in v["owner"]["addresses"])
    return Config(
        path=path,
        account=account,
        owner_name=v["owner"]["name"],
        owner_addresses=owner,
        owner_address=v["owner"]["addresses"][0].strip().lower(),
        inbox=v["folders"]["inbox"],
        sent=v["folders"]["sent"],
        hours=hours,
        ignore=tuple(x.strip().lower() for x in v["customers"]["ignore"]),
        companies=tuple(x.strip().lower().lstrip("@") for x in v["customers"]["companies"]),
        new_conversation_after_days=int(v["customers"]["new_conversation_after_days"]),
        database=default_database_path() if db == "auto" else resolve(db, base) or Path(db),
        language=v["owner"]["language"],
        smtp=_build_smtp(v["smtp"], base),
        ack=_build_ack(v["ack"], v["owner"], base),
        reminders=RemindersConfig(
            lead=parse_duration(v["reminders"]["lead"]),
            email_fallback=v["reminders"]["email_fallback"],
            alarm_before=parse_duration(v["reminders"]["alarm_before"]),
        ),
        report=ReportConfig(
            response_promise=timedelta(hours=v["report"]["response_promise_hours"]),
            key_response_promise=timedelta(hours=v["report"]["key_response_promise_hours"]),
        ),
        calendar=_build_calendar(v["calendar"], base),
        warnings=tuple(w.said(v["owner"]["language"]) for w in warns),
    )


def _build_calendar(c: dict[str, Any], base: Path) -> CalendarConfig:
    return CalendarConfig(
        url=c["url"].strip(),
        username=c["username"],
        password_command=tuple(c["password_command"]),
        keyring=c["keyring"],
        ca_file=resolve(c["ca_file"], base),
        timeout=float(c["timeout"]),
        auth=c["auth"],
        alarm=parse_duration(c["alarm"]),
    )


def _build_smtp(s: dict[str, Any], base: Path) -> SmtpConfig:
    return SmtpConfig(
        host=s["host"],
        port=s["port"],
        security=s["security"],
        username=s["username"],
        password_command=tuple(s["password_command"]),
        keyring=s["keyring"],
        ca_file=resolve(s["ca_file"], base),
        timeout=float(s["timeout"]),
        envelope_from=s["envelope_from"],
        login=s["login"],
    )


def _build_ack(a: dict[str, Any], owner: dict[str, Any], base: Path) -> AckConfig:
    vacation = None
    if a["vacation_from"]:
        vacation = Vacation(
            _as_date(a["vacation_from"]), _as_date(a["vacation_until"]), a["vacation_substitute"]
        )
    return AckConfig(
        mode=a["mode"],
        max_age=parse_duration(a["max_age"]),
        once_per_days=int(a["once_per_days"]),
        callback_times=tuple(sorted(time.fromisoformat(t) for t in a["callback_times"])),
        lead=parse_duration(a["lead"]),
        calls_per_slot=int(a["calls_per_slot"]),
        key_lead=parse_duration(a["key_lead"]),
        language=a["language"] or owner["language"],
        save_to_sent=a["save_to_sent"],
        key_customers=tuple(x.strip().lower() for x in a["key_customers"]),
        form_senders=tuple(x.strip().lower() for x in a["form_senders"]),
        templates=resolve(a["templates"], base),
        signature=a["signature"] if a["signature"] is not None else owner["name"],
        authserv_id=_authserv_id(a["authserv_id"]),
        subject_prefix=a["subject_prefix"],
        vacation=vacation,
    )


def _authserv_id(value: str | None) -> str | None:
    """ "auto" (also "", as older starter files wrote it): learned from the INBOX; "off": none
    trusted; anything else: that id."""
    value = (value or "").strip().lower()
    if value in ("off", "none"):
        return None
    return value or "auto"


def _as_date(v: str | date) -> date:
    return v if isinstance(v, date) else date.fromisoformat(v)
