"""Every mail in the shared public corpora goes through parse + classify, and what the source
projects label as a bounce, a feedback report or an auto-reply is never a customer contact."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest

from vasteaika.errors import ParseError
from vasteaika.mail.classify import classify
from vasteaika.mail.parse import parse
from vasteaika.models import Classification, RawMessage

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
if not CORPORA.is_dir():
    pytest.skip(f"no corpora at {CORPORA}", allow_module_level=True)

ARRIVED = datetime(2024, 5, 6, 9, 30, tzinfo=UTC)
OWNERS = frozenset({"owner@vasteaika-test.fi"})
NOT_CONTACT_LABELS = ("bounce", "feedback-report", "auto-reply", "auto-generated")

# Labelled files that we classify as a customer contact, each for a reason we accept.
ALLOWED_AS_CUSTOMER = {
    # Hotmail's old complaint format (JMRP): multipart/mixed from a normal-looking address with
    # no machine header at all; only the body tells it is an abuse report. Rare for a small
    # business, and a human at staff@hotmail.com could write the same headers.
    "set-of-emails/maildir/bsd/arf-22.eml": "Hotmail complaint without report headers",
    "set-of-emails/maildir/bsd/arf-23.eml": "Hotmail complaint without report headers",
    "set-of-emails/maildir/bsd/arf-24.eml": "Hotmail complaint without report headers",
    # fml's "Loop Alert" from neko-admin@: plain text, no DSN, no auto header; "-admin" is a
    # common human local part too, so §8 does not list it.
    "set-of-emails/maildir/bsd/lhost-fml-03.eml": "mailing-list error notice with no header signal",
    # A person forwarding a bounce ("Fwd: Returned mail: …" from an Apple Mail user): the mail
    # itself is human-written.
    "set-of-emails/maildir/bsd/lhost-sendmail-14.eml": "a human forwarded the bounce",
}


def mail_files() -> list[Path]:
    return sorted(path for path in CORPORA.rglob("*.eml") if path.is_file())


def run(path: Path) -> Classification | None:
    """The classification, or None for a mail that parse() rejects (a problem, never a contact)."""
    try:
        msg = parse(RawMessage("INBOX", 1, ARRIVED, path.read_bytes()))
    except ParseError:
        return None
    return classify(msg, OWNERS)


def labelled_not_contacts() -> list[tuple[str, str]]:
    """(path relative to CORPORA, label) of every file an EXPECTED.csv calls a machine's mail."""
    found = []
    for table in sorted(CORPORA.glob("*/EXPECTED.csv")):
        folder = table.parent
        lines = [
            line for line in table.read_text().splitlines() if not line.startswith(("#", '"#'))
        ]
        for row in csv.DictReader(lines):
            label = row.get("class_for_vasteaika") or row.get("class") or ""
            if not label.startswith(NOT_CONTACT_LABELS):
                continue
            for path in _locate(folder, row["file"]):
                found.append((path.relative_to(CORPORA).as_posix(), label))
    return found


def _locate(folder: Path, name: str) -> list[Path]:
    """EXPECTED.csv names a path (alaveteli, discourse) or a bare file name (set-of-emails).
    Rows marked listed-only name files that were not copied; they are skipped."""
    direct = folder / name
    if direct.is_file():
        return [direct]
    return [path for path in folder.rglob(Path(name).name) if path.is_file()]


ALL_FILES = mail_files()
LABELLED = labelled_not_contacts()


def test_the_corpora_are_there() -> None:
    assert len(ALL_FILES) > 800
    assert len(LABELLED) > 600


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.relative_to(CORPORA).as_posix())
def test_every_file_parses_or_is_a_parse_error(path: Path) -> None:
    result = run(path)
    if result is not None:
        assert result.reasons
        assert (result.customer is not None) == result.kind.is_contact


@pytest.mark.parametrize(("name", "label"), LABELLED, ids=[name for name, _ in LABELLED])
def test_labelled_machine_mail_is_not_a_contact(name: str, label: str) -> None:
    result = run(CORPORA / name)
    is_contact = result is not None and result.kind.is_contact
    if name in ALLOWED_AS_CUSTOMER:
        assert is_contact, f"{name} is no longer a contact: drop it from ALLOWED_AS_CUSTOMER"
    else:
        reasons = result.reasons if result else ()
        assert not is_contact, f"{name} labelled {label!r} but classified customer: {reasons}"


def test_allow_list_names_only_labelled_files() -> None:
    assert set(ALLOWED_AS_CUSTOMER) <= {name for name, _ in LABELLED}


@pytest.mark.parametrize(
    "name",
    [
        "discourse/spec/fixtures/emails/quirks_exchange_xars.eml",
        "set-of-emails/maildir/not/is-not-bounce-01.eml",
        "set-of-emails/maildir/not/is-not-bounce-02.eml",
    ],
)
def test_labelled_human_mail_is_a_contact(name: str) -> None:
    result = run(CORPORA / name)
    assert result is not None and result.kind.is_contact, result
