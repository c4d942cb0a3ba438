"""The main outputs of every command on the example repository, in French, hold no English
word from a list, and in English no French word from another (issue 16, items 2, 3 and 7).

What is data is taken out before looking: emails, paths, usernames, service and profile
ids, the example's names, the CLI's own options.
The command line's help and the parser's problems belong to other tests."""

from __future__ import annotations

import email
import json
import re
from email import policy
from pathlib import Path

import pytest
from helpers import run
from paths import REPO

# Words a French reader must not meet: field names, values as the code spells them, the
# English of plans, reports and apply.
ENGLISH = (
    "last_name", "first_name", "last name", "first name", "professional_number",
    "representative_name", "representative_email", "establishment", "expires", "reviewed",
    "ticket", "created", "existing", "default", "none", "true", "false", "Plan:",
    "to create", "to grant", "to update", "blocked", "account", "accounts", "email",
    "emails", "Applied", "wait", "waiting", "update", "review", "warning", "error",
    "change", "changes", "entry", "entries", "the", "and", "of", "from", "at", "by",
    "a.m.", "p.m.", "December", "January", "sent", "exported", "pending", "time",
)
# Words an English reader must not meet (none of them a name or an id of the example).
FRENCH = (
    "courriel", "courriels", "compte", "comptes", "établissement", "établissements",
    "créer", "créé", "existant", "mettre à jour", "mis à jour", "bloqué", "bloquée",
    "erreur", "avertissement", "politique", "par défaut", "oui", "non", "entrée", "entrées",
    "attendent", "à partir du", "décembre", "janvier", "heure", "envoyé", "exporté",
    "en attente", "billet", "nom", "prénom", "révision", "date de fin", "aucun",
)

# Data that may hold any word: taken out before the words are looked for.
DATA = re.compile(
    r"[\w.+-]+@[\w.-]+"                              # emails (and elided ones, x@…)
    r"|`[^`]*`"                                      # Markdown code: ids, paths, commands
    r"|(?:\.?/|\b)[\w.-]+(?:/[\w.*<>-]+)+"           # paths
    r"|\b(?:CE|IP|IELP)\d+\b"                        # RAMQ usernames
    r"|\brvsq[\w-]*"                                 # services and the command's name
    r"|\b\d{8}T\d{6,12}Z-[0-9a-f]+(?:-\d+)?"         # run and email ids
    r"|\b[0-9a-f]{32}\b|sha256:[0-9a-f]+"            # state ids, digests
    r"|\d{4}-\d\d-\d\d(?:T[\d:]+Z)?"                 # stored dates (UTC)
    r"|--[\w-]+|\bRVSQ_\w+|\bage1\w+|\.eml\b|\.age\b"
    r"|personnel-\w+|infirmiere-\w+|medecin|resident|\bips\b|docteure?|madame|monsieur"
    r"|\bgmf\b|clinique|urgence-ch|centrale-regionale|info-sante-811"
    r"|Hill Valley|MacFly|Jennifer Parker|Emmett Brown|Biff Tannen|Lorraine Baines"
    r"|Urgence – CHU de Québec, Hôpital de l'Enfant-Jésus|Info-Santé 811 – Capitale-Nationale"
    r"|Gérer les accès à RVSQ|Rendez-vous santé Québec[^»|<\n]*"
    r"|«[^»\n]*»"                                    # the portal's own labels, quoted
    r"|<style>.*?</style>|<[^>\n]*>"                 # HTML: its style sheet, its tags
    r"|\bCI\b|\bgit\b|\bapply\b|\bplan\b|\baudit\b|\bcodes reveal\b",
    re.DOTALL,
)


def _said(text: str) -> str:
    return DATA.sub(" ", text)


def _found(text: str, words: tuple[str, ...]) -> list[str]:
    said = _said(text)
    return [word for word in words
            if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", said, re.IGNORECASE)]


def _outputs(lang: str) -> dict[str, str]:
    """Each command's main output on the example repository, in `lang`."""

    def cli(*args: str, code: int = 0) -> str:
        result = run("--lang", lang, "--no-color", *args)
        assert result.exit_code == code, result.output
        return result.output

    out = {
        "validate": cli("validate"),
        "plan": cli("plan"),
        "plan markdown": cli("plan", "--format", "markdown"),
        "runbook": cli("plan", "--format", "runbook"),
    }
    messages = json.loads(run("--lang", lang, "plan", "--format", "json").stdout)
    out["plan json messages"] = "\n".join(
        f"{entry.get('message') or entry.get('reason')} {entry['hint']}"
        for part in ("warnings", "blocked", "refusals") for entry in messages[part])
    out["apply"] = cli("apply", "--auto-approve", code=4)
    out["outbox list"] = cli("outbox", "list")
    cli("outbox", "export", "sent-by-hand")
    bodies = []
    for path in sorted(Path("sent-by-hand").glob("*.eml")):
        mail = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        french, english = mail.get_content().split("\n---\n")
        bodies.append(french if lang == "fr" else english)
    out["emails"] = "\n".join(bodies)
    out["outbox list --all"] = cli("outbox", "list", "--all")
    out["report markdown"] = cli("report", "--format", "markdown")
    out["report html"] = cli("report", "--format", "html")
    out["audit log"] = cli("audit", "log")
    out["audit verify"] = cli("audit", "verify")
    out["state list"] = cli("state", "list")
    out["state show"] = (cli("state", "show", "CE10455")
                         + cli("state", "show", "martinmacfly@ramq.gouv.qc.ca"))
    out["state check"] = cli("state", "check")
    out["import"] = cli("import", "--establishment", "gmf-hill-valley", "--out",
                        "gmf-hill-valley.yaml")
    out["import-directory"] = cli("state", "import-directory",
                                  str(REPO / "examples" / "ramq-directory.csv"))
    return out


@pytest.mark.parametrize(("lang", "words"), [("fr", ENGLISH), ("en", FRENCH)])
def test_no_word_of_the_other_language(sqlite_repo: Path, lang: str,
                                       words: tuple[str, ...]) -> None:
    found = {name: _found(text, words) for name, text in _outputs(lang).items()}
    assert {name: hits for name, hits in found.items() if hits} == {}


def test_the_outputs_are_not_empty(sqlite_repo: Path) -> None:
    """The test above looks at something: each output says something in its language."""
    outputs = _outputs("fr")
    assert all(text.strip() for text in outputs.values()), outputs
    assert "à partir du" in outputs["apply"] and "à partir du" in outputs["emails"]


def test_the_lists_find_what_they_look_for() -> None:
    """What issue 16 quoted is found; data is not."""
    assert _found("mis à jour : last_name; origine : created (politique : default)",
                  ENGLISH) == ["last_name", "created", "default"]
    assert _found("3 courriels pour martin@ramq.gouv.qc.ca", FRENCH) == ["courriels"]
    assert _found("access/06/gmf-hill-valley.yaml: CE10455 rvsq-811", ENGLISH) == []
