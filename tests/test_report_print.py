"""The HTML report as an auditor prints it: headless Chromium prints the example's report to
PDF, and pypdf reads each page. Sections flow (fewer pages than sections, where a page per
section made at least as many), no heading is left at a page's foot, and every page is
headed by the report's title and as-of moment and numbered "Page N of M", in the report's
language. Strings the page furniture puts in CSS are escaped: hostile text prints as itself.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from html import unescape
from pathlib import Path
from typing import NamedTuple

import pypdf
import pytest
from helpers import ok, run, sqlite_only

from reconciler.catalog import Messages
from reconciler.render import report_html
from reconciler.terminal import inert

# The page's top and bottom margins (report_html.STYLE's @page: 1.8cm), in PDF points: the
# furniture is printed there, the report's body never.
MARGIN = 1.8 / 2.54 * 72


def installed_chromium() -> str | None:
    """Chromium on PATH, else Debian's /usr/bin/chromium, if there."""
    debian = "/usr/bin/chromium"
    return shutil.which("chromium") or (debian if os.access(debian, os.X_OK) else None)


def chromium() -> str:
    """Chromium's path. Outside CI a machine without it skips these tests, saying so; in CI
    (`CI` set) they must run: .ci/run installs Debian's chromium package."""
    found = installed_chromium()
    if found:
        return found
    reason = ("Chromium is not installed (no chromium on PATH nor /usr/bin/chromium): the "
              "printed report is not tested; `apt-get install chromium` to test it")
    if os.environ.get("CI"):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def print_to_pdf(html: Path, folder: Path) -> Path:
    """`html` printed by headless Chromium, without Chromium's own header and footer."""
    pdf = folder / (html.stem + ".pdf")
    done = subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", f"--user-data-dir={folder / 'chromium-profile'}",
         "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri()],
        capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0 and pdf.is_file(), done.stderr
    return pdf


def said(text: str) -> str:
    """Text as compared: ligatures (ﬁ) and non-breaking spaces as plain letters and spaces,
    runs of white space as one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


class Page(NamedTuple):
    top: str  # the top margin's text: the title and the as-of moment
    bottom: str  # the bottom margin's text: the page number
    foot: str  # the body's lowest line


def pages(pdf: Path) -> list[Page]:
    """Each printed page's text, by where it is printed."""
    found = []
    for page in pypdf.PdfReader(pdf).pages:
        height = float(page.mediabox.height)
        pieces: list[tuple[float, str]] = []

        def seen(text: str, cm: list[float], tm: list[float], *_: object,
                 pieces: list[tuple[float, str]] = pieces) -> None:
            if text.strip():
                pieces.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text))

        page.extract_text(visitor_text=seen)
        body = [(y, t) for y, t in pieces if MARGIN < y < height - MARGIN]
        lowest = min(y for y, _ in body)
        found.append(Page(
            top=said(" ".join(t for y, t in pieces if y >= height - MARGIN)),
            bottom=said(" ".join(t for y, t in pieces if y <= MARGIN)),
            foot=said(" ".join(t for y, t in body if abs(y - lowest) < 1))))
    return found


def report(lang: str, folder: Path) -> Path:
    html = folder / f"report-{lang}.html"
    ok(run("--lang", lang, "--no-color", "report", "--format", "html", "--out", str(html)))
    return html


def headings(html: str) -> set[str]:
    """The section titles and table captions of the report."""
    return {said(unescape(re.sub(r"<[^>]+>", "", found)))
            for found in re.findall(r"<(?:h2|h3|caption)\b[^>]*>(.*?)</", html)}


def as_of(html: str) -> str:
    """The as-of pair as the page furniture says it: the report's first metadata pair."""
    first = re.search(r"<dt>(.*?)</dt><dd>(.*?)</dd>", html)
    assert first is not None
    label, value = first.groups()
    return said(f"{unescape(label)} {unescape(value)}")


@sqlite_only
@pytest.mark.parametrize(("lang", "numbered"), [("fr", "Page {n} sur {m}"),
                                                ("en", "Page {n} of {m}")])
def test_every_printed_page_says_what_report_it_is_and_its_number(
        applied: Path, tmp_path: Path, lang: str, numbered: str) -> None:
    html = report(lang, tmp_path)
    text = html.read_text(encoding="utf-8")
    printed = pages(print_to_pdf(html, tmp_path))
    sections = text.count("<section ")
    # A page per section printed at least as many pages as sections (9 for 13 accounts).
    assert 1 <= len(printed) < sections, (len(printed), sections)
    title, moment = said(Messages(lang)("report.title")), as_of(text)
    assert re.search(r"\b20\d\d\b", moment)  # the moment itself (its year), not only a label
    titles = headings(text)
    for number, page in enumerate(printed, 1):
        assert page.top == f"{title} {moment}", (number, page)
        assert page.bottom == numbered.format(n=number, m=len(printed)), (number, page)
        assert page.foot not in titles, (number, page)  # a heading is never left alone


HOSTILE = ('Hôpital "X" \\ </style><script>alert(1)</script> & \'Co\'\n'
           '; } @page { @top-left { content: "forged" } } /* \u2028 */')


@sqlite_only
def test_hostile_text_in_the_page_furniture_prints_as_itself(
        applied: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An as-of text holding an establishment's name that tries to end the CSS string, the
    rule or the style element: escaped, it prints as written (its control characters as
    escapes, as every message shows them), on every page."""
    real = report_html.metadata

    def hostile(*args: object) -> list[tuple[str, str]]:
        pairs = real(*args)  # type: ignore[arg-type]
        return [(pairs[0][0], HOSTILE), *pairs[1:]]

    monkeypatch.setattr(report_html, "metadata", hostile)
    html = report("en", tmp_path)
    text = html.read_text(encoding="utf-8")
    assert text.count("</style>") == 1 and "<script" not in text and "forged" in text
    printed = pages(print_to_pdf(html, tmp_path))
    for page in printed:
        assert page.top == said(f"RVSQ access report As of {inert(HOSTILE)}"), page


def _unescaped(literal: str) -> str:
    """A CSS string literal read back as a CSS parser reads it: an escape is 1 to 6 hex
    digits, and one white space after them is part of it."""
    assert literal[0] == literal[-1] == '"'
    return re.sub(r"\\([0-9a-f]{1,6})[ \t\n]?", lambda m: chr(int(m.group(1), 16)),
                  literal[1:-1])


@pytest.mark.parametrize("value", [HOSTILE, "", "plain", "a\\", "\x00\x1b[2J", "é « x »"])
def test_a_css_string_holds_any_text_and_nothing_ends_it(value: str) -> None:
    literal = report_html.css_string(value)
    assert _unescaped(literal) == value
    inner = literal[1:-1]
    assert not set(inner) & set("\"'<>&\n\r\f") and not re.search(r"\\[^0-9a-f]", inner)


def test_the_page_number_is_the_catalog_s_sentence_around_the_page_counters() -> None:
    assert report_html.page_numbers(Messages("fr")) == (
        '"Page " counter(page) " sur " counter(pages)')
    assert report_html.page_numbers(Messages("en")) == (
        '"Page " counter(page) " of " counter(pages)')


def test_without_chromium_ci_fails_and_elsewhere_the_test_is_skipped_saying_why(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules[__name__], "installed_chromium", lambda: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="Chromium is not installed"):
        chromium()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="Chromium is not installed"):
        chromium()
