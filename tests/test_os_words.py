"""The system's errors in the user's words: by errno, in both languages, never its English."""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path

import pytest
from helpers import typeset

from reconciler import os_words
from reconciler.catalog import EN, FR, Messages
from reconciler.cli import _user_error
from reconciler.errors import UserError
from reconciler.planning import planfile
from reconciler.render.error_text import error_text
from reconciler.store import integrity


def said(exc: BaseException, lang: str) -> str:
    words = os_words.reason(exc)
    return Messages(lang)(words["message"], **words["params"])



@pytest.mark.parametrize(("number", "french"), [
    (errno.ENOENT, "ce fichier ou ce dossier n'existe pas"),
    (errno.EACCES, "permission refusée"),
    (errno.EISDIR, "c'est un dossier, pas un fichier"),
    (errno.ENOSPC, "il ne reste plus d'espace sur le disque"),
    (errno.EROFS, "le disque est monté en lecture seule"),
    (errno.ECONNREFUSED, "la connexion a été refusée"),
    (errno.ETIMEDOUT, "le serveur n'a pas répondu à temps"),
])
def test_an_errno_is_said_in_french_without_the_systems_words(number: int, french: str) -> None:
    exc = OSError(number, os.strerror(number))
    assert typeset(french) in said(exc, "fr")
    assert os.strerror(number) not in said(exc, "fr")
    assert "Errno" not in said(exc, "fr") and "Errno" not in said(exc, "en")


def test_an_errno_not_in_the_table_is_named_in_a_translated_sentence() -> None:
    exc = OSError(errno.ESRCH, os.strerror(errno.ESRCH))
    assert said(exc, "fr") == "le système a refusé l'opération (erreur ESRCH)"
    assert said(exc, "en") == "the system refused the operation (error ESRCH)"


def test_network_names_timeouts_and_encodings_are_said() -> None:
    assert "introuvable" in said(socket.gaierror(-2, "Name or service not known"), "fr")
    assert "à temps" in said(TimeoutError("timed out"), "fr")
    try:
        b"a\nb\xe9c".decode("utf-8")
    except UnicodeDecodeError as exc:
        assert said(exc, "fr").startswith("l'octet 0xE9 à la ligne 2, colonne 2 n'est pas")
        assert "Windows-1252" in said(exc, "en")


def test_every_phrase_of_the_table_is_in_the_catalog() -> None:
    keys = set(os_words._BY_ERRNO.values()) | {
        "os.unknown_host", "os.timed_out", "os.other", "os.not_utf8", "os.character",
        "os.encoding", "os.said"}
    assert keys <= EN.keys() and keys <= FR.keys()


def test_an_os_error_escaping_a_command_is_said_in_french() -> None:
    exc = _user_error(FileNotFoundError(errno.ENOENT, "No such file or directory", "x.csv"), ())
    text = error_text(Messages("fr"), exc, None)
    assert typeset("« x.csv » ne peut pas être utilisé : ce fichier ou ce dossier n'existe "
                   "pas") in text
    assert "No such file" not in text


def test_the_state_check_says_a_refusal_in_french() -> None:
    reason = integrity._reason(OSError(errno.EIO, "Input/output error"), Messages("fr"))
    assert reason == "le disque n'a pas pu être lu ou écrit (erreur d'entrée-sortie)"


@pytest.mark.parametrize(("content", "french"), [
    (b"{not json", "ce n'est pas du JSON (ligne 1, colonne 2)"),
    (b"[" * 100_000 + b"]" * 100_000, "il est imbriqué trop profondément"),
    (b"{}", "manque à « / »"),
    (b"\xe9", "l'octet 0xE9 à la ligne 1, colonne 1 n'est pas de l'UTF-8"),
])
def test_a_saved_plan_that_is_not_one_is_said_in_french(
        tmp_path: Path, content: bytes, french: str) -> None:
    saved = tmp_path / "plan.json"
    saved.write_bytes(content)
    with pytest.raises(UserError) as caught:
        planfile.read(saved)
    text = error_text(Messages("fr"), caught.value, None)
    assert "error[E119]" not in text and "[E119]" in text and typeset(french) in text, text


def test_a_delivery_failure_of_the_system_is_kept_in_no_language_and_said_in_french() -> None:
    from reconciler.applying import mail

    kept = os_words.kept(ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"))
    assert kept == "OS ECONNREFUSED"
    assert mail.reason_text(Messages("fr"), kept).startswith("la connexion a été refusée")
    assert os_words.kept(socket.gaierror(-2, "Name or service not known")) == "OS EAI_NONAME"
    assert "introuvable" in mail.reason_text(Messages("fr"), "OS EAI_NONAME")
    assert mail.reason_text(Messages("fr"), "550 mailbox unavailable") == \
        "550 mailbox unavailable"  # a server's own reply, as it gave it
