"""The HTML report in a real browser: headless Chromium (Debian package ``chromium``) kept off the
network. Skipped when Chromium is missing, unless VASTEAIKA_REQUIRE_CHROMIUM=1 (CI installs it).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from test_report import Ledger, _sample
from vasteaika.ledger.store import open_database
from vasteaika.report.render import render_report

CHROMIUM = Path("/usr/bin/chromium")
REQUIRE = os.environ.get("VASTEAIKA_REQUIRE_CHROMIUM") == "1"
TIMEOUT = 90


@pytest.fixture
def chromium(tmp_path: Path) -> list[str]:
    if not CHROMIUM.exists():
        if REQUIRE:
            pytest.fail(f"VASTEAIKA_REQUIRE_CHROMIUM=1 but {CHROMIUM} is missing", pytrace=False)
        pytest.skip(f"{CHROMIUM} missing (apt-get install chromium)")
    return [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]


@pytest.fixture
def page(tmp_path: Path) -> tuple[Path, str]:
    ledger = Ledger(open_database(tmp_path / "x.db"))
    text = render_report(_sample(ledger), "html", "fi")
    path = tmp_path / "report.html"
    path.write_text(text, encoding="utf-8")
    return path, text


def test_the_page_is_self_contained(page: tuple[Path, str]) -> None:
    _, text = page
    assert not re.search(r"""(src|href)\s*=|url\(|@import|<script|<link""", text, re.I)
    assert '<meta name="viewport"' in text
    assert "<svg" in text


def test_chromium_renders_the_content(chromium: list[str], page: tuple[Path, str]) -> None:
    path, _ = page
    done = subprocess.run(
        [*chromium, "--dump-dom", path.as_uri()],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert "Vastausaikaraportti: ma 16.11.2026 – su 22.11.2026" in dom
    assert "63 h 15 min" in dom
    assert "cia@gmail.com" in dom
    assert "&lt;b&gt;kiire&lt;/b&gt;" in dom  # the subject stayed text
    assert "<rect" in dom  # the SVG chart's bars


def test_chromium_takes_a_phone_sized_screenshot(
    chromium: list[str], page: tuple[Path, str], tmp_path: Path
) -> None:
    path, _ = page
    shot = tmp_path / "report.png"
    done = subprocess.run(
        [*chromium, f"--screenshot={shot}", "--window-size=412,900", path.as_uri()],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (412, 900)
    assert len(data) > 5000  # something was drawn, not a blank page


MEASURE = """<script>
const px = (el) => parseFloat(getComputedStyle(el).fontSize);
const label = document.querySelector("svg text");
document.body.dataset.sizes = JSON.stringify({
  h1: px(document.querySelector("h1")), h2: px(document.querySelector("h2")),
  label: px(label) * label.getScreenCTM().a,
});
</script>"""


@pytest.mark.parametrize("window", ["1280,900", "412,900"])
def test_chart_labels_are_not_larger_than_the_titles(
    chromium: list[str], page: tuple[Path, str], tmp_path: Path, window: str
) -> None:
    """As drawn on a desktop and a phone: the SVG's labels scale with the chart."""
    import html
    import json

    _, text = page
    measured = tmp_path / "measured.html"  # the report and a script that measures it
    measured.write_text(text.replace("</body>", f"{MEASURE}</body>"), encoding="utf-8")
    done = subprocess.run(
        [*chromium, f"--window-size={window}", "--dump-dom", measured.as_uri()],
        capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    found = re.search(r'data-sizes="([^"]+)"', done.stdout)
    assert found, done.stdout[-2000:]
    sizes = json.loads(html.unescape(found[1]))
    assert 8 <= sizes["label"] <= sizes["h2"] < sizes["h1"], sizes
