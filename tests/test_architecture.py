"""The layering STYLE.md asks for, checked on the imports: only the adapters touch the outside
world's libraries, only the command line and the renderers know typer and rich, and the domain
modules never reach back up to the CLI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "vasteaika"
ADAPTERS = {
    "imapclient": {"imap"},
    "smtplib": {"smtp"},
    "plyer": {"notify"},
    "jeepney": {"notify"},
    "sqlite_utils": {"store"},
}
PRESENTATION = {"typer": {"cli", "cli_acks", "cli_reminders", "cli_rebuild"},
                "rich": {"cli", "render", "report_render", "cli_reminders", "cli_acks", "terminal"}}  # fmt: skip
PURE = {
    "parse", "classify", "threads", "schedule", "promises", "acknowledge", "wording", "models", "errors"
}  # fmt: skip


def imports(module: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            names.add(base)
            if node.level and not node.module:
                names |= {"." + alias.name for alias in node.names}
    return names


MODULES = sorted(p for p in PACKAGE.glob("*.py") if p.name != "__init__.py")


@pytest.mark.parametrize("module", MODULES, ids=[m.stem for m in MODULES])
def test_outside_libraries_only_in_their_adapter(module: Path) -> None:
    for library, allowed in {**ADAPTERS, **PRESENTATION}.items():
        used = any(n == library or n.startswith(library + ".") for n in imports(module))
        assert not used or module.stem in allowed, f"{module.stem} imports {library}"


@pytest.mark.parametrize("module", sorted(PURE))
def test_domain_modules_do_no_io_and_never_import_the_cli(module: str) -> None:
    names = imports(PACKAGE / f"{module}.py")
    forbidden = {".cli", ".render", ".store", ".imap", ".smtp", ".notify", "sqlite3", "socket"}
    assert not names & forbidden, f"{module} imports {names & forbidden}"
