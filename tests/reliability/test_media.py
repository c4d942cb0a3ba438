"""Every medium shows hostile text inert (issue 14, item 3): a terminal, a pull-request
comment, a CSV opened in a spreadsheet, an email, an HTML page.

The loader refuses control characters in access files, but the state, a forged file or an
exception can still carry them: the text here is written straight into the state, as an
attacker with the state (or an older version of the tool) would leave it."""

from __future__ import annotations

import csv
import io
import os
import re
import sys
from email import message_from_string
from email.policy import default as email_policy
from pathlib import Path

import pytest
from helpers import EXAMPLE, cli, on_terminal, remove_user, sqlite_only
from markdown_it import MarkdownIt
from smtp_server import starter

from reconciler.applying import mail
from reconciler.store import open_store, parse_location

EXE = Path(sys.executable).parent / "rvsq-access"
GMF = Path("access/06/gmf-hill-valley.yaml")
# Erases the line above and writes a false one in its place, on a terminal that obeys it;
# then a right-to-left override, a zero-width space, a backspace, a line separator.
HOSTILE = "Person\r\x1b[2K\x1b[1A\x1b[2K  + create account CE99999\u202e\u200b\x08\u2028end"
SHOWN = "Person\\u000d\\u001b[2K\\u001b[1A\\u001b[2K  + create account CE99999"
FORMULA = '=HYPERLINK("http://evil.example/x","open")'
# What no line a terminal receives may carry from data.
OBEYED = ("\r", "\x08", "\x1b[2K", "\x1b[1A", "\u202e", "\u200b", "\u2028")


def _dangerous(text: str) -> list[str]:
    return [c for c in OBEYED if c in text]


def _sql(url: str, statement: str, *params: str) -> None:
    store = open_store(parse_location(url), "2026-11-26T00:00:00Z", writing=True)
    try:
        with store.transaction():
            store._execute(statement, params)
    finally:
        store.close()


def _account(url: str, username: str) -> None:
    """The state's account `username` given a hostile name and email."""
    _sql(url, "UPDATE accounts SET first_name = ?, last_name = ?, email = ?, ticket = ? "
              "WHERE username = ?",
         HOSTILE, FORMULA, f"x{HOSTILE}@example.org", HOSTILE, username)


# --- the terminal -----------------------------------------------------------------------
def test_state_list_show_and_errors_show_hostile_text_as_escapes(repo: Path,
                                                                 state_url: str) -> None:
    _account(state_url, "CE10455")
    listed = cli("state", "list")
    assert listed.exit_code == 0, listed.output
    assert not _dangerous(listed.output) and SHOWN in listed.output
    shown = cli("state", "show", "CE10455")
    assert shown.exit_code == 0, shown.output
    assert not _dangerous(shown.output) and SHOWN in shown.output
    # An error whose parameter comes from outside (here the command line, as from data).
    missing = cli("state", "show", HOSTILE)
    assert missing.exit_code == 1 and "error[E123]" in missing.output
    assert not _dangerous(missing.output) and SHOWN in missing.output


def test_audit_log_text_and_csv_and_outbox_list_are_inert(repo: Path, state_url: str) -> None:
    applied = cli("--actor", FORMULA + HOSTILE, "apply", "--auto-approve")
    assert applied.exit_code == 4, applied.output  # applied; emails wait (no SMTP server)
    _sql(state_url, "UPDATE outbox SET recipient = ?", f"{FORMULA}{HOSTILE}@example.org")
    text = cli("audit", "log")
    assert text.exit_code == 0 and not _dangerous(text.output) and SHOWN in text.output
    table = cli("audit", "log", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(table.output)))
    actors = [row["actor"] for row in rows if "HYPERLINK" in row["actor"]]
    assert actors and all(actor.startswith("'=HYPERLINK(") for actor in actors)
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r"))
                   for row in rows for cell in row.values())
    outbox = cli("outbox", "list")
    assert outbox.exit_code == 0 and not _dangerous(outbox.output)
    assert "\\u001b[2K" in outbox.output


def test_a_forged_sealed_file_name_is_shown_inert(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    forged = Path(f"codes-{HOSTILE.replace(chr(0x2028), '')}.age")
    forged.write_text("-----BEGIN AGE ENCRYPTED FILE-----\nno end\n", encoding="utf-8")
    identity = EXAMPLE.parent / "examples" / "demo-identities" / "gmf-hill-valley.txt"
    result = cli("codes", "reveal", str(forged), "--identity", str(identity))
    assert result.exit_code == 1 and "error[E177]" in result.output, result.output
    assert not _dangerous(result.output) and "\\u001b[2K" in result.output


def test_validate_names_a_hostile_file_name_inert(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("access").mkdir()
    Path("access", "x\x1b[2K\ry.yaml").write_text("version: 1\n", encoding="utf-8")
    result = cli("validate", "access")
    assert result.exit_code == 1 and "access/x\\u001b[2K\\u000dy.yaml:1:1: error[E020]" in (
        result.output)
    assert not _dangerous(result.output)


# --- a pseudo-terminal: no plan line can be hidden or rewritten (item 6) -------------------
def _terminal_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "RVSQ_LANG"}
    return {**env, "RVSQ_LANG": "en", "COLUMNS": "200", "TERM": "xterm-256color"}


@sqlite_only
def test_no_line_of_plan_or_apply_can_be_hidden_on_a_terminal(repo: Path,
                                                              state_url: str) -> None:
    assert cli("apply", "--auto-approve").exit_code == 4
    # One account the files still manage (updated: its old name is shown), one they no
    # longer do (deleted: the state's name is all there is).
    _account(state_url, "CE10455")
    _sql(state_url, "UPDATE accounts SET first_name = ?, last_name = ? "
                    "WHERE email = 'georgemacfly@ramq.gouv.qc.ca'", HOSTILE, HOSTILE)
    _sql(state_url, "UPDATE establishments SET name = ?", HOSTILE)
    remove_user(repo / GMF, "email: georgemacfly@ramq.gouv.qc.ca")
    env = _terminal_env()
    for colour in ([], ["--no-color"]):
        code, out = on_terminal([str(EXE), *colour, "plan"], repo, b"", env)
        assert code == 0, out
        assert not _dangerous(out) and SHOWN in out
        # The tool's own colours are the only escape sequences the terminal receives.
        assert re.sub(r"\x1b\[[0-9;]*m", "", out).count("\x1b") == 0
        if colour:
            assert "\x1b" not in out
    code, out = on_terminal([str(EXE), "--no-color", "apply"], repo, b"y\n", env)
    assert code in (0, 4), out
    assert not _dangerous(out) and "\x1b" not in out and SHOWN in out


# --- Markdown: rendered by a real CommonMark/GFM renderer --------------------------------
MENTION = "@octocat"
URLS = ("https://evil.example/phish", "www.evil.example", "evil.example")


@sqlite_only
def test_the_markdown_plan_has_no_link_mention_or_full_address(repo: Path,
                                                                state_url: str) -> None:
    assert cli("apply", "--auto-approve").exit_code == 4
    name = f"{MENTION} see {URLS[0]} or {URLS[1]} «x»@evil.example [a](http://b.example)"
    emails = ('"o\'hara"@secret.example', "«jean»@secret.example")
    _sql(state_url, "UPDATE accounts SET first_name = ?, last_name = ?, email = ?, ticket = ? "
                    "WHERE username = 'CE10455'", name, HOSTILE, emails[0], name)
    _sql(state_url, "UPDATE accounts SET first_name = ?, email = ? "
                    "WHERE email = 'georgemacfly@ramq.gouv.qc.ca'", name, emails[1])
    _sql(state_url, "UPDATE establishments SET name = ?", f"{name} {HOSTILE}")
    remove_user(repo / GMF, "email: georgemacfly@ramq.gouv.qc.ca")
    result = cli("plan", "--format", "markdown")
    assert result.exit_code == 0, result.output
    text = result.output
    assert "secret.example" not in text and "evil.example/phish" in text  # shown, inert
    assert not _dangerous(text)
    html = MarkdownIt("gfm-like").render(text)  # linkify-it stands for GitHub's autolinks
    assert "<a" not in html and "secret.example" not in html
    # A mention or URL is only ever shown inside a code span, where GitHub leaves it be.
    outside = re.sub(r"<code[^>]*>.*?</code>", "", html, flags=re.S)
    assert MENTION not in outside and not any(url in outside for url in URLS)
    assert f"<code>{MENTION}</code>" in html


@sqlite_only
def test_the_markdown_report_has_no_link_mention_or_full_address(repo: Path,
                                                                  state_url: str) -> None:
    assert cli("apply", "--auto-approve").exit_code == 4
    name = f"{MENTION} | {URLS[0]} {URLS[1]}"
    _sql(state_url, "UPDATE accounts SET first_name = ?, last_name = ? WHERE username = 'CE55120'",
         name, HOSTILE)
    _sql(state_url, "UPDATE accounts SET email = ? WHERE username = 'CE55120'",
         "«biff»@secret.example")
    result = cli("report", "access", "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert "secret.example" not in result.output and not _dangerous(result.output)
    assert "@ramq.gouv.qc.ca" not in result.output  # every email shortened, not only hostile ones
    html = MarkdownIt("gfm-like").render(result.output)
    outside = re.sub(r"<code[^>]*>.*?</code>", "", html, flags=re.S)
    assert "<a" not in html and MENTION not in outside
    assert not any(url in outside for url in URLS[:2])
    assert f"<code>{MENTION}</code>" in html


# --- emails: data's CR and LF never reach a header or the body ---------------------------
def test_a_composed_email_carries_no_control_character_from_data() -> None:
    import datetime as dt
    injected = "Jean\r\nBcc: victim@evil.example\r\n\r\nfake body\x00\x07\x7f"
    text = mail.compose("created", "jean@example.org\r\nBcc: victim@evil.example\x00",
                        "m1", dt.datetime(2026, 11, 26, tzinfo=dt.UTC), name=injected,
                        establishment=injected, username="CE1", available_at="demain")
    message = message_from_string(text, policy=email_policy)
    assert message["Bcc"] is None and len(message.get_all("To")) == 1
    assert not any(c in str(message["To"]) for c in "\r\n\x00")
    body = message.get_content()
    assert "\r" not in body and "\x00" not in body and "\x07" not in body
    assert "\nBcc:" not in body and "Jean\\u000d\\u000aBcc" in body
    assert "\r" not in text.replace("\r\n", "")  # no bare CR on the wire either


def test_what_the_smtp_server_receives_holds_no_header_or_command_from_data(
        repo: Path, state_url: str, request: pytest.FixtureRequest,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt
    assert cli("apply", "--auto-approve").exit_code == 4
    injected = "Jean\r\nBcc: victim@evil.example\r\n"
    to = "jean@example.org\r\nRCPT TO:<victim@evil.example>"
    forged = mail.compose("created", to, "forged", dt.datetime(2026, 11, 26, tzinfo=dt.UTC),
                          name=injected, establishment=injected, username="CE1",
                          available_at="2026-11-27")
    _sql(state_url, "UPDATE outbox SET recipient = ?, message = ? WHERE id = "
                    "(SELECT min(id) FROM outbox)", to, forged)
    server = starter(request)()
    monkeypatch.setenv("RVSQ_SMTP_URL", server.url)
    result = cli("outbox", "send")
    assert result.exit_code in (0, 4), result.output  # the forged one may fail alone
    assert "Traceback" not in result.output and not _dangerous(result.output)
    assert server.handler.received and "victim@evil.example" not in server.handler.recipients()
    for received in server.handler.received:
        assert received.message["Bcc"] is None and len(received.message.get_all("To")) == 1
        assert "\r" not in received.raw.replace("\r\n", "")  # no bare CR on the wire
        assert "\nBcc:" not in received.message.get_content()


# --- HTML stays escaped ---------------------------------------------------------------
@sqlite_only
def test_the_html_report_escapes_hostile_state_text(repo: Path, state_url: str) -> None:
    assert cli("apply", "--auto-approve").exit_code == 4
    _sql(state_url, "UPDATE accounts SET first_name = ?, last_name = ? "
                    "WHERE username = 'CE10455'",
         '<img src=x onerror="alert(1)">' + HOSTILE, "</td><script>x</script>")
    result = cli("report", "access", "--format", "html")
    assert result.exit_code == 0, result.output
    assert "<script" not in result.output.lower() and "<img" not in result.output
    assert "&lt;img" in result.output.replace("<wbr>", "")
    assert "\x1b" not in result.output
