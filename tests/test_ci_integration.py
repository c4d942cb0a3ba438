"""The pre-commit hook and the example pipelines in docs/ci/ are real: the pipelines match
their platforms' published schemas, and each job's own commands, run with bash in a scratch
access repository as the platform would run them, pass and fail when they should."""

from __future__ import annotations

import os
import re
import secrets
import shlex
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
import yaml
from conftest import drop_postgres_database, new_postgres_database, postgres_admin_url
from helpers import EXAMPLE, REPO, cli, edit, ok
from test_audit_anchor import rewrite_chain

BIN = Path(sys.executable).parent
GITHUB = REPO / "docs" / "ci" / "github-actions.yml"
GITLAB = REPO / "docs" / "ci" / "gitlab-ci.yml"
GMF = Path("access") / "06" / "gmf-hill-valley.yaml"

# The one rule for what a job runs here: commands that need the network are left out
# (installing the tool, which is on PATH already; posting the plan on the pull or merge
# request). Artefact uploads are not commands: the files they name are checked instead.
NEEDS_NETWORK = ("pip install ", "gh ", "curl ")

# What the wrappers and guards print (the pipelines set RVSQ_LANG: fr).
BLOCKED = "Appliqué, avec des entrées bloquées"
FAILED = "L'application a échoué (code 1)"
TRACKED = "Git suit des fichiers sous .rvsq/"
LINKED = "Git suit des liens symboliques sous access/"
EMAILS_TO_SEND = "Courriels à envoyer à la main :"
UNDELIVERED = "Appliqué, mais des courriels ou des codes scellés attendent d'être livrés"


def _load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_pre_commit_hook_runs_validate_on_the_access_folder(tmp_path: Path) -> None:
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    command = [str(BIN / shlex.split(hook["entry"])[0]), *shlex.split(hook["entry"])[1:],
               *hook["args"]]
    shutil.copytree(EXAMPLE, tmp_path / "access")  # as in an access repository's checkout
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True,
                            env={"PATH": str(BIN), "RVSQ_LANG": "en"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All access files are valid." in result.stdout


# --- the published schemas -------------------------------------------------------------
def _check_schema(schema: str, path: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema with the schema it ships; a proxy that refuses every connection
    makes sure nothing is fetched."""
    offline = {"PATH": os.environ["PATH"], "HOME": str(home), "XDG_CACHE_HOME": str(home),
               "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9",
               "NO_PROXY": ""}
    return subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(path)],
                          capture_output=True, text=True, env=offline, timeout=120)


@pytest.mark.parametrize(("schema", "path", "break_it"), [
    ("vendor.github-workflows", GITHUB, ("    runs-on: ubuntu-latest\n", "    run-on: x\n")),
    ("vendor.gitlab-ci", GITLAB, ("  resource_group: rvsq-access-apply\n",
                                  "  resource_group: [rvsq-access-apply]\n")),
], ids=["github", "gitlab"])
def test_pipelines_match_their_platforms_published_schemas(
    schema: str, path: Path, break_it: tuple[str, str], tmp_path: Path,
) -> None:
    result = _check_schema(schema, path, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout
    broken = tmp_path / path.name  # the same check refuses a mistake
    text = path.read_text(encoding="utf-8")
    assert break_it[0] in text
    broken.write_text(text.replace(break_it[0], break_it[1], 1), encoding="utf-8")
    assert _check_schema(schema, broken, tmp_path).returncode == 1


def test_only_the_apply_job_takes_the_apply_lock_and_the_write_credentials() -> None:
    github = _load(GITHUB)
    assert "concurrency" not in github, "a workflow-level group puts plans with applies"
    jobs = github["jobs"]
    assert jobs["apply"]["concurrency"] == {"group": "rvsq-access-apply",
                                            "cancel-in-progress": False}
    assert "rvsq-access-apply" not in str(jobs["plan"]["concurrency"]["group"])
    assert "secrets.RVSQ_STATE }}" in str(jobs["apply"])
    assert "secrets.RVSQ_STATE }}" not in str(jobs["plan"])
    # Codes and emails of the actions committed before a failure are kept too.
    uploads = [step for step in jobs["apply"]["steps"]
               if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert len(uploads) == 2 and all(step["if"] == "always()" for step in uploads)
    gitlab = _load(GITLAB)
    jobs = {name: job for name, job in gitlab.items() if isinstance(job, dict) and "script" in job}
    assert {name for name, job in jobs.items() if "resource_group" in job} == {"apply"}
    assert jobs["apply"]["artifacts"]["when"] == "always"
    # pip needs git for the git+https install line; the slim and alpine images have none.
    image = gitlab["default"]["image"]
    assert "git+https://" in str(gitlab["default"]["before_script"])
    assert not any(small in image for small in ("slim", "alpine")), image


# --- a scratch access repository and its shared state ------------------------------------
def _git(repo: Path, *args: str) -> str:
    # Identity and no signing given here: the developer's own Git configuration may differ.
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                           "-c", "commit.gpgsign=false",
                           *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@dataclass
class Scratch:
    repo: Path
    home: Path
    state: str  # read-write, for the apply job
    readonly: str  # for plans: a SELECT-only role on PostgreSQL; SQLite has no roles

    def commit(self, message: str) -> str:
        _git(self.repo, "add", "-A")
        _git(self.repo, "commit", "-q", "-m", message)
        return _git(self.repo, "rev-parse", "HEAD").strip()


def _select_only_role(url: str) -> tuple[str, str]:
    """A role that can only read the state's tables (the README's read-only role):
    (the state's URL through it, the role's name)."""
    import psycopg

    role, password = f"rvsq_plan_{secrets.token_hex(4)}", secrets.token_hex(8)
    database = urlsplit(url).path.lstrip("/")
    with psycopg.connect(url, autocommit=True) as db:
        db.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
        db.execute(f"GRANT CONNECT ON DATABASE {database} TO {role}")
        db.execute(f"GRANT USAGE ON SCHEMA public TO {role}")
        db.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
    parts = urlsplit(url)
    server = f"{parts.hostname or ''}" + (f":{parts.port}" if parts.port else "")
    readonly = urlunsplit(parts._replace(netloc=f"{role}:{password}@{server}"))
    with psycopg.connect(readonly) as db, pytest.raises(psycopg.errors.InsufficientPrivilege):
        db.execute("DELETE FROM accounts")
    return readonly, role


@pytest.fixture
def scratch(request: pytest.FixtureRequest, tmp_path: Path,
            monkeypatch: pytest.MonkeyPatch) -> Iterator[Scratch]:
    """The example access repository in a fresh Git repository, and a shared state
    prepared once, as an operator would, outside the checkout (SQLite unless the test is
    parametrised with `backend`)."""
    backend = getattr(request, "param", "sqlite")
    database = role = None
    if backend == "postgresql":
        state, database = new_postgres_database()
    else:
        state = f"sqlite:///{tmp_path / 'shared' / 'state.db'}"
    monkeypatch.setenv("RVSQ_STATE", state)
    # The README's way to prepare a state: created once, then the RAMQ directory.
    created = cli("state", "init")
    assert created.exit_code == 0, created.output
    imported = cli("state", "import-directory", str(REPO / "examples" / "ramq-directory.csv"))
    assert imported.exit_code == 0, imported.output
    monkeypatch.delenv("RVSQ_STATE")
    readonly = state
    try:
        if backend == "postgresql":
            readonly, role = _select_only_role(state)
        repo = tmp_path / "repo"
        shutil.copytree(EXAMPLE, repo / "access")
        (repo / ".gitignore").write_text(".rvsq/\n", encoding="utf-8")
        _git(repo, "init", "-q")
        home = tmp_path / "home"
        home.mkdir()
        made = Scratch(repo, home, state, readonly)
        made.commit("access files")
        yield made
    finally:
        if database is not None:
            drop_postgres_database(database)
        if role is not None:
            import psycopg

            with psycopg.connect(postgres_admin_url(), autocommit=True) as admin:
                admin.execute(f"DROP ROLE IF EXISTS {role}")


BACKENDS = pytest.mark.parametrize("scratch", ["sqlite", "postgresql"], indirect=True)


# --- running a job as its platform would --------------------------------------------------
@dataclass
class Job:
    passed: bool = True
    output: str = ""
    env: dict[str, str] = field(default_factory=dict)
    left_out: list[str] = field(default_factory=list)  # commands that need the network
    artefacts: list[str] = field(default_factory=list)  # paths (globs) uploaded

    def uploaded(self, repo: Path) -> list[str]:
        return sorted(path.relative_to(repo).as_posix() for pattern in self.artefacts
                      for path in repo.glob(pattern.rstrip("/") + ("/*" if pattern.endswith("/")
                                                                   else "")))


def _bash(script: str, repo: Path, env: dict[str, str]) -> tuple[int, str]:
    # What both platforms run: bash with -e and -o pipefail (GitHub's `shell: bash`,
    # the GitLab runner's bash shell).
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                          cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=300)
    return done.returncode, done.stdout


def _runner_env(scratch: Scratch) -> dict[str, str]:
    """A throwaway runner: the tool on PATH, an empty home, CI set."""
    return {"PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "HOME": str(scratch.home),
            "LANG": "C.UTF-8", "CI": "true"}


def run_github_job(name: str, scratch: Scratch, repository_secrets: dict[str, str],
                   environment_secrets: dict[str, str]) -> Job:
    """The job's steps in order, with ${{ }} expressions replaced by local values; after a
    failed step, only the `if: always()` steps. Environment secrets reach only a job that
    names an environment; a secret nobody set is empty, as on GitHub."""
    workflow = _load(GITHUB)
    assert workflow["defaults"]["run"]["shell"] == "bash"
    job = workflow["jobs"][name]
    sha = _git(scratch.repo, "rev-parse", "HEAD").strip()
    given = {**repository_secrets, **(environment_secrets if "environment" in job else {})}
    context = {"github.event.pull_request.number": "17", "github.token": "a-token",
               "github.server_url": "https://github.example", "github.sha": sha,
               "github.repository": "sante/acces-rvsq", "github.run_id": "4242"}

    def expand(text: str) -> str:
        def value(match: re.Match[str]) -> str:
            name = match.group(1)
            if name.startswith("secrets."):
                return given.get(name.removeprefix("secrets."), "")
            return context[name]  # a KeyError here: give the new expression a local value
        return re.sub(r"\$\{\{\s*(.*?)\s*\}\}", value, str(text))

    summary = scratch.home / "step-summary.md"
    env = {**_runner_env(scratch), "GITHUB_ACTOR": "jparker", "GITHUB_SHA": sha,
           "GITHUB_RUN_ID": "4242", "GITHUB_WORKSPACE": str(scratch.repo),
           "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_ACTIONS": "true"}
    for scope in (workflow.get("env", {}), job.get("env", {})):
        env |= {key: expand(value) for key, value in scope.items()}
    result = Job(env=env)
    for step in job["steps"]:
        if not result.passed and "always()" not in str(step.get("if", "")):
            continue
        if "uses" in step:
            if step["uses"].startswith("actions/upload-artifact@"):
                paths = str(step["with"]["path"]).split()
                if any(part.startswith(".") for path in paths for part in Path(path).parts):
                    assert step["with"].get("include-hidden-files") is True, step
                result.artefacts += paths
            continue
        script = expand(step["run"])
        if script.startswith(NEEDS_NETWORK):
            result.left_out.append(script.split()[0])
            continue
        step_env = env | {key: expand(value) for key, value in step.get("env", {}).items()}
        code, output = _bash(script, scratch.repo, step_env)
        result.output += output
        result.passed = result.passed and code == 0
    return result


def _expand_variables(value: str, env: dict[str, str]) -> str:
    """$NAME and ${NAME} in a GitLab `variables:` value; an unknown one is empty."""
    return re.sub(r"\$\{?(\w+)\}?", lambda match: env.get(match.group(1), ""), value)


def run_gitlab_job(name: str, scratch: Scratch, project_variables: dict[str, str],
                   source: str) -> Job:
    """before_script and script in one shell, then after_script in another, as the runner
    does; YAML variables expanded; project variables (given only where the platform gives
    them) over the YAML's."""
    config = _load(GITLAB)
    job, default = config[name], config.get("default", {})
    sha = _git(scratch.repo, "rev-parse", "HEAD").strip()
    env = {**_runner_env(scratch), "GITLAB_CI": "true", "CI_COMMIT_SHA": sha,
           "CI_PROJECT_URL": "https://gitlab.example/sante/acces-rvsq", "CI_PROJECT_ID": "7",
           "CI_PIPELINE_ID": "4242", "CI_PIPELINE_SOURCE": source, "CI_DEFAULT_BRANCH": "main",
           "GITLAB_USER_LOGIN": "jparker", "CI_API_V4_URL": "https://gitlab.example/api/v4",
           "CI_MERGE_REQUEST_IID": "17"}
    if source != "merge_request_event":
        env["CI_COMMIT_BRANCH"] = "main"
    for scope in (config.get("variables", {}), job.get("variables", {})):
        env |= {key: _expand_variables(str(value), env) for key, value in scope.items()}
    env |= project_variables
    result = Job(env=env)
    commands = [*job.get("before_script", default.get("before_script", [])), *job["script"]]
    kept = []
    for command in commands:
        if command.startswith(NEEDS_NETWORK):
            result.left_out.append(command.split()[0])
        else:
            kept.append(command)
    code, result.output = _bash("\n".join(kept), scratch.repo, env)
    result.passed = code == 0
    after = job.get("after_script", default.get("after_script", []))
    if after:  # its own shell; its failure does not fail the job
        result.output += _bash("\n".join(after), scratch.repo, env)[1]
    artifacts = job.get("artifacts", {})
    if result.passed or artifacts.get("when") == "always":
        result.artefacts = list(artifacts.get("paths", []))
    return result


def plan_job(platform: str, scratch: Scratch, *, readonly: bool = True) -> Job:
    """The pull-request (merge-request) job, with the variables it gets there: the
    read-only state only (none for a fork's pull request, or when the variable is
    protected on GitLab)."""
    given = {"RVSQ_STATE_READONLY": scratch.readonly} if readonly else {}
    if platform == "github":
        return run_github_job("plan", scratch, given, {"RVSQ_STATE": scratch.state})
    return run_gitlab_job("plan", scratch, {**given, "GITLAB_TOKEN": "a-token"},
                          "merge_request_event")


def apply_job(platform: str, scratch: Scratch, smtp_url: str | None = None,
              key: str | None = None) -> Job:
    """The main branch's job, with the read-write state and no SMTP server (unless
    `smtp_url`), and no audit key (unless `key`)."""
    smtp = {"RVSQ_SMTP_URL": smtp_url} if smtp_url else {}
    if key:
        smtp["RVSQ_AUDIT_KEY"] = key
    if platform == "github":
        return run_github_job("apply", scratch, {"RVSQ_STATE_READONLY": scratch.readonly},
                              {"RVSQ_STATE": scratch.state, **smtp})
    return run_gitlab_job("apply", scratch, {"RVSQ_STATE": scratch.state,
                                             "RVSQ_STATE_READONLY": scratch.readonly, **smtp},
                          "push")


PLATFORMS = pytest.mark.parametrize("platform", ["github", "gitlab"])


# --- the jobs ----------------------------------------------------------------------------
@PLATFORMS
@BACKENDS
def test_plan_job_plans_against_the_shared_state_through_the_read_only_role(
    platform: str, scratch: Scratch,
) -> None:
    job = plan_job(platform, scratch)
    assert job.passed, job.output
    assert job.left_out == ["pip", "gh" if platform == "github" else "curl"]
    plan = (scratch.repo / "plan.md").read_text(encoding="utf-8")
    assert plan.startswith("## Plan d'accès RVSQ"), plan
    # The RAMQ directory is in the state it read: existing accounts are adopted.
    assert "Emmett Brown (CE10455)\u00a0: compte RAMQ existant ajouté" in plan
    assert not (scratch.repo / ".rvsq").exists()  # no local state, no cache
    assert "Traceback" not in job.output
    if platform == "github":  # the plan is also on the run's page
        assert "## Plan d'accès RVSQ" in (scratch.home / "step-summary.md").read_text()
    else:
        assert job.artefacts == ["plan.md"]


@PLATFORMS
def test_plan_job_without_the_read_only_state_stops_instead_of_planning_against_nothing(
    platform: str, scratch: Scratch,
) -> None:
    job = plan_job(platform, scratch, readonly=False)
    assert not job.passed
    assert "RVSQ_STATE_READONLY" in job.output and "aucun plan n'est fait" in job.output
    assert not (scratch.repo / "plan.md").exists()
    assert not (scratch.repo / ".rvsq").exists()


@PLATFORMS
@BACKENDS
def test_apply_job_applies_and_keeps_the_sealed_codes_and_the_emails(
    platform: str, scratch: Scratch,
) -> None:
    job = apply_job(platform, scratch)
    assert job.passed, job.output
    # Posting the audit head on the merged pull (merge) request needs the network.
    assert job.left_out == ["pip", "gh" if platform == "github" else "curl"]
    assert "18 actions appliquées" in job.output
    # The audit head is in the job log (and the run's summary on GitHub), to publish.
    head = audit_head(scratch)
    assert head.startswith("19:sha256:")
    assert f"Tête du journal d'audit\u00a0: {head}" in job.output  # apply's last word
    assert f"Tête du journal d'audit : {head}" in job.output  # the job's own line
    if platform == "github":
        assert f"`{head}`" in (scratch.home / "step-summary.md").read_text(encoding="utf-8")
    assert BLOCKED not in job.output and "Traceback" not in job.output
    uploaded = job.uploaded(scratch.repo)
    # The two register-mode sites' codes and emails; the emergency department's changes
    # (portal mode) wait as portal tasks, with neither.
    assert len([path for path in uploaded if path.startswith(".rvsq/codes/")]) == 2
    assert len([path for path in uploaded if path.startswith(".rvsq/outbox/")]) == 5
    assert f"{EMAILS_TO_SEND} 5." in job.output  # no SMTP server: someone must send them
    assert "est cohérent" in job.output  # `state check` after the apply
    assert job.env["RVSQ_CHANGE_REF"] == (
        ("https://github.example/sante/acces-rvsq" if platform == "github"
         else "https://gitlab.example/sante/acces-rvsq/-")
        + f"/commit/{job.env['GITHUB_SHA' if platform == 'github' else 'CI_COMMIT_SHA']}")
    # The next pull request's plan sees what was applied.
    plan = plan_job(platform, scratch)
    assert plan.passed, plan.output
    assert "Aucun changement" in (scratch.repo / "plan.md").read_text(encoding="utf-8")


@PLATFORMS
def test_apply_job_passes_with_blocked_entries_and_says_so(
    platform: str, scratch: Scratch,
) -> None:
    # Rule K: a representative may not reset a physician's password; the request is blocked.
    edit(scratch.repo / GMF, '    professional_number: "1-85012"\n',
         '    professional_number: "1-85012"\n    password_reset: {requested: "INC-1"}\n')
    scratch.commit("a reset the representative may not ask for")
    job = apply_job(platform, scratch)
    assert job.passed, job.output
    assert "1 entrée reste bloquée" in job.output  # rvsq-access exited 3
    assert BLOCKED in job.output
    assert "18 actions appliquées" in job.output


@PLATFORMS
def test_apply_job_fails_when_the_mail_server_takes_no_email_and_keeps_them_waiting(
    platform: str, scratch: Scratch,
) -> None:
    with socket.socket() as sock:  # a port nothing listens on: the server is down
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    job = apply_job(platform, scratch, f"smtp://127.0.0.1:{port}")
    assert not job.passed
    assert "18 actions appliquées" in job.output
    # The register-mode sites' 5 creation emails (none for the portal-mode one).
    assert "5 courriels n'ont pas pu être livrés" in job.output
    assert UNDELIVERED in job.output and FAILED not in job.output
    uploaded = job.uploaded(scratch.repo)
    assert len([path for path in uploaded if path.startswith(".rvsq/codes/")]) == 2
    assert not [path for path in uploaded if path.startswith(".rvsq/outbox/")]
    assert EMAILS_TO_SEND not in job.output  # they wait in the state, for the next run
    listed = cli("--state", scratch.state, "outbox", "list", "--format", "json")
    assert listed.exit_code == 0, listed.output
    assert '"failed": 5' in listed.stdout


@PLATFORMS
def test_apply_job_fails_on_an_invalid_file_and_applies_nothing(
    platform: str, scratch: Scratch,
) -> None:
    edit(scratch.repo / GMF, "last_name: MacFly", "last_name: NO")
    scratch.commit("an invalid file")
    job = apply_job(platform, scratch)
    assert not job.passed
    assert "E023" in job.output and FAILED in job.output
    assert job.uploaded(scratch.repo) == [] and EMAILS_TO_SEND not in job.output


@PLATFORMS
@pytest.mark.parametrize("job_name", ["plan", "apply"])
@pytest.mark.parametrize("committed", ["cache entry", "link"])
def test_jobs_stop_first_when_git_tracks_something_under_rvsq_or_a_link(
    platform: str, job_name: str, committed: str, scratch: Scratch,
) -> None:
    if committed == "cache entry":  # what the pre-commit hook can leave in a repository
        entry = scratch.repo / ".rvsq" / "cache" / "entry.json"
        entry.parent.mkdir(parents=True)
        entry.write_text("{}", encoding="utf-8")
        _git(scratch.repo, "add", "-f", ".rvsq")
    else:
        (scratch.repo / "access" / "06" / "other.yaml").symlink_to("gmf-hill-valley.yaml")
    scratch.commit(committed)
    job = (plan_job if job_name == "plan" else apply_job)(platform, scratch)
    assert not job.passed
    if committed == "cache entry":
        assert TRACKED in job.output and ".rvsq/cache/entry.json" in job.output
    else:
        assert LINKED in job.output
    assert not (scratch.repo / "plan.md").exists()
    assert not (scratch.repo / ".rvsq" / "codes").exists()  # nothing was applied


# --- the audit head, published and verified ------------------------------------------------
def audit_head(scratch: Scratch) -> str:
    return ok(cli("--state", scratch.state, "audit", "head")).stdout.strip()


def verify_job(platform: str, scratch: Scratch, key: str | None = None) -> Job:
    """The scheduled job: the read-only state, and the key where the apply job has it."""
    keyed = {"RVSQ_AUDIT_KEY": key} if key else {}
    if platform == "github":
        return run_github_job("verify", scratch, {"RVSQ_STATE_READONLY": scratch.readonly},
                              {"RVSQ_STATE": scratch.state, **keyed})
    return run_gitlab_job("verify", scratch, {"RVSQ_STATE": scratch.state,
                                              "RVSQ_STATE_READONLY": scratch.readonly,
                                              **keyed}, "schedule")


@PLATFORMS
@BACKENDS
def test_verify_job_checks_the_published_heads_and_fails_on_a_rewritten_chain(
    platform: str, scratch: Scratch,
) -> None:
    key = "a-ci-secret-of-at-least-32-characters"
    assert apply_job(platform, scratch, key=key).passed
    without = verify_job(platform, scratch, key)  # no heads kept yet: the chain alone, said
    assert without.passed, without.output
    assert "audit/heads.txt n'existe pas" in without.output
    assert "18 entrées sont authentifiées par RVSQ_AUDIT_KEY" in without.output
    head = audit_head(scratch)
    (scratch.repo / "audit").mkdir()
    (scratch.repo / "audit" / "heads.txt").write_text(
        f"# Têtes publiées par la tâche d'application\n{head}\n", encoding="utf-8")
    scratch.commit("the published audit head")
    job = verify_job(platform, scratch, key)
    assert job.passed, job.output
    assert job.left_out == ["pip"]
    assert f"La tête publiée {head} tient" in job.output
    # The next apply checks the heads too (nothing to apply: the chain is as published).
    again = apply_job(platform, scratch, key=key)
    assert again.passed and f"La tête publiée {head} tient" in again.output, again.output
    # Whoever can write the database deletes an entry and makes the chain consistent again.
    rewrite_chain(scratch.state, lambda entries: [e for e in entries if e.seq != 5])
    assert "la chaîne est intacte" in ok(cli("--lang", "fr", "--state", scratch.state,
                                             "audit", "verify")).stdout
    caught = verify_job(platform, scratch, key)
    assert not caught.passed
    assert f"erreur[E202] la tête publiée {head} a disparu" in caught.output, caught.output
    assert "Le journal d'audit ne tient plus une tête publiée" in caught.output
