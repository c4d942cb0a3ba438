"""Every user-facing sentence, in English and French, keyed by a stable code.

Problem codes (E0xx errors, W1xx warnings) each have a message and a hint (`CODE.hint`);
a hint may have variants (`CODE.hint.suggest`) chosen by the caller. The two catalogs must
have exactly the same keys and placeholders (a test checks it).
"""

from __future__ import annotations

import os
from typing import Any

from reconciler.terminal import inert

LANGUAGES = ("en", "fr")

EN: dict[str, str] = {
    # --- reading the file -------------------------------------------------------------
    "E001": "the file is not valid UTF-8 text",
    "E001.hint": "save the file with the UTF-8 encoding (most editors offer it in 'Save as').",
    "E002": "the file is larger than {limit_mib} MiB",
    "E002.hint": "split the establishment's users over several establishments or remove "
    "what is not an access file.",
    "E003": "this is not valid YAML: {detail}",
    "E003.hint": "check the indentation, the colons and the quotes on this line and the "
    "one before it.",
    "E004": "the key '{key}' appears twice in the same block (first on line {first_line})",
    "E004.hint": "keep only one '{key}': YAML would silently use the last one.",
    "E005": "anchors and aliases ('&{anchor}', '*{anchor}') are not allowed",
    "E005.hint": "write the value out in full where it is needed.",
    "E006": "YAML tags such as '{tag}' are not allowed",
    "E006.hint": "remove the tag; if the value must be read as text, put it in quotes.",
    "E007": "the file is empty",
    "E007.hint": "start from an example file in access/ or remove this file.",
    "E008": "the file holds more than one YAML document",
    "E008.hint": "keep one establishment per file and remove the '---' separator.",
    "E009": "the key '{text}' is not a plain name",
    "E009.hint": "keys are field names such as 'email' or 'services'; check the spelling "
    "and the indentation.",
    "E010": "the file is nested more than {limit} levels deep",
    "E010.hint": "an access file needs only a few levels; check the indentation.",
    "E011": "the file cannot be read: {reason}",
    "E011.hint": "check that the file exists and that you may read it.",
    "E012": "'{path}' does not exist",
    "E012.hint": "give an access file or a folder of access files (default: ./access).",
    "E013": "no access file (*.yaml, *.yml) was found in '{path}'",
    "E013.hint": "access files are named access/<region>/<establishment-id>.yaml.",
    "E014": "more than {limit} access files were found in '{path}'",
    "E014.hint": "point the tool at the access folder itself, not at a folder above it.",
    "E015": "'{link}' is a symbolic link that leads outside '{path}'",
    "E015.hint": "access files must be in the repository itself: copy the file or folder "
    "there, or remove the link. Nothing was read through it.",
    "E016": "'{field}' holds the invisible or control character {char}",
    "E016.hint": "retype the value without {char} (column {column}): such a character can "
    "hide or rewrite text on a screen, in a pull request or in an email.",
    "E017": "'{value}' is not an email address that can receive mail: {reason}",
    "E017.hint": "correct the address; it is checked the way mail servers read it (the domain "
    "itself is not asked).",
    "E018": "'{field}: {text}' is read by some tools as {value} and by others as text",
    "E018.hint": "write {field}: true or {field}: false.",
    "E019": "the file holds the character {char}, which some YAML readers take for a line "
    "break and others for a character",
    "E019.hint": "remove it; to end a line, press Enter.",
    # --- reasons an email is refused (E017), after the email-validator library -------------
    "text.email.dots": "two periods in a row",
    "text.email.period": "a period at the start or end of a part",
    "text.email.no_dot": "the part after the @ needs a period (a domain such as example.org)",
    "text.email.reserved": "the domain is a reserved name that never receives mail",
    "text.email.characters": "characters not allowed in an address",
    "text.email.hyphen": "a hyphen misplaced (next to a period or the @, or at an end)",
    "text.email.quoted": "quotes around the part before the @ are not accepted",
    "text.email.literal": "an IP address instead of a domain is not accepted",
    "text.email.long": "the address or one of its parts is too long",
    "text.email.other": "{detail}",
    # --- shape of the file (JSON Schema) ----------------------------------------------
    "E020": "'{field}' is missing in {where}",
    "E020.hint": "add the line '{field}: ...'; see the file format in the README.",
    "E021": "'{field}' is not a known field in {where}",
    "E021.hint": "the fields allowed here are: {allowed}.",
    "E021.hint.suggest": "did you mean '{suggestion}'? The fields allowed here are: {allowed}.",
    "E022": "'{field}' should be {expected}, not {actual}",
    "E022.hint": "write it like this: {example}",
    "E023": "'{field}: {text}' is read by YAML as {actual}, not as text",
    "E023.hint": "quote it: {field}: \"{text}\"",
    "E024": "version {value} is not supported",
    "E024.hint": "write 'version: 1' (the only format version this tool knows).",
    "E025": "'{value}' is not a valid establishment id",
    "E025.hint": "use lower-case letters, digits and dashes, starting with a letter, "
    "for example 'gmf-hill-valley'.",
    "E026": "'{value}' is not a health region",
    "E026.hint": "write the region as two digits from 01 to 18 in quotes, "
    "for example region: \"06\".",
    "E027": "'{value}' is not an establishment type",
    "E027.hint": "use one of: {allowed}.",
    "E027.hint.suggest": "did you mean '{suggestion}'? Use one of: {allowed}.",
    "E028": "'{value}' is not a valid email address",
    "E028.hint": "write a full address such as martin.macfly@example.org.",
    "E029": "'{value}' is not a RAMQ username",
    "E029.hint": "an existing account's username is CE, IP or IELP followed by digits, in "
    "capitals (CE12345), or the email it was created with.",
    "E030": "'{value}' is not a title",
    "E030.hint": "use one of: {allowed}.",
    "E030.hint.suggest": "did you mean '{suggestion}'? Use one of: {allowed}.",
    "E031": "'{value}' is not a profile",
    "E031.hint": "use one of: {allowed}.",
    "E031.hint.suggest": "did you mean '{suggestion}'? Use one of: {allowed}.",
    "E032": "'{value}' is not an RVSQ service",
    "E032.hint": "use one of: {allowed}.",
    "E032.hint.suggest": "did you mean '{suggestion}'? Use one of: {allowed}.",
    "E033": "the service '{value}' is listed {times} times",
    "E033.hint": "list each service once.",
    "E034": "no service is listed",
    "E034.hint": "tick at least one service, for example services: [rvsq]; to remove the "
    "user's access, remove the user from the file.",
    "E035": "'{value}' is not a date",
    "E035.hint": "write the date as YYYY-MM-DD, for example 2027-06-30.",
    "E036": "'{field}' is empty",
    "E036.hint": "write a value, or remove the line if the field is optional.",
    "E037": "'{field}' is longer than {limit} characters",
    "E037.hint": "shorten it to at most {limit} characters.",
    "E038": "'{value}' is not an age public key",
    "E038.hint": "paste the recipient printed by 'age-keygen', which starts with 'age1'.",
    "E039": "'{field}' has a value that is not accepted: {detail}",
    "E039.hint": "see the file format in the README.",
    "E040": "'{field}' has no value",
    "E040.hint": "write a value after the colon, or remove the line if the field is "
    "optional.",
    "E041": "'{field}' starts or ends with spaces",
    "E041.hint": "remove the spaces around the value.",
    "E042": "the file should be a block of fields (version, establishment, representative, "
    "users), not {actual}",
    "E042.hint": "start from an example file in access/.",
    "E043": "'{field}' is {value}, outside the accepted range {low} to {high}",
    "E043.hint": "choose a value from {low} to {high}.",
    "E044": "'{field}' lists {count} entries, more than the limit of {limit}",
    "E044.hint": "split the establishment's users over several files (one per site).",
    # --- domain rules -----------------------------------------------------------------
    "E050": "the user list is empty",
    "E050.hint": "an empty list never means 'remove everyone': list the users, or, to close "
    "the establishment, write 'retired: true' under 'establishment' and keep 'users: []'.",
    "E051": "a retired establishment still lists users",
    "E051.hint": "write 'users: []' to remove every account it owns, or remove "
    "'retired: true' to keep it open.",
    "E052": "a {profile_label} must use an existing account, but no username is given",
    "E052.hint": "physicians, residents and IPS create their own RAMQ account with the "
    "reference number (numéro de référence) they received by mail; add their username "
    "(CE…, IP… or their email) once they have done so.",
    "E053": "a {profile_label} needs a professional number",
    "E053.hint": "add the line 'professional_number: \"{example}\"'.",
    "E054": "'{value}' is not a valid professional number for a {profile_label}",
    "E054.hint": "a {profile_label}'s number has 5 to 7 digits, starts with {prefix} and may "
    "have a dash after the first digit, for example \"{example}\".",
    "E055": "only physicians, residents and IPS have a professional number",
    "E055.hint": "remove 'professional_number', or correct the profile.",
    "E056": "a clinical nurse cannot have RVSQ added to an account she already uses",
    "E056.hint": "remove 'username' so that a new account is created, with an email that "
    "differs from the one her other RAMQ account uses.",
    "E057": "the service '{service}' is not for the profile '{profile}'",
    "E057.hint": "'{service}' is for these profiles: {allowed}; remove the service or "
    "correct the profile (policy: {policy}).",
    "E058": "the user's email is the representative's own email",
    "E058.hint": "each user needs an email of their own; the representative's account is "
    "managed separately.",
    "E059": "'{key}' is listed twice in this file (first on line {first_line})",
    "E059.hint": "keep one entry per person and merge their services.",
    "E060": "the account '{key}' is also listed in {other}",
    "E060.hint": "an account belongs to one establishment: keep it in one file only.",
    "E061": "the email '{key}' is also used in {other}",
    "E061.hint": "emails are unique across all accounts; each person needs their own.",
    "E062": "the establishment '{key}' is also described in {other}",
    "E062.hint": "keep one file per establishment.",
    # --- warnings ---------------------------------------------------------------------
    "W101": "the service '{service}' is unusual for a '{type}' establishment",
    "W101.hint": "'{service}' is usually for: {allowed}; check that this person needs it.",
    "W102": "the representative cannot regenerate the secret code of '{key}'",
    "W102.hint": "only accounts made through the representative service can have their code "
    "regenerated by the representative; the plan will list this request as blocked.",
    "W102.hint.ramq": "accounts made by RAMQ (CE…, IP…) manage their own password and code "
    "online; the plan will list this request as blocked.",
    "W102.hint.professional": "physicians, residents and IPS manage their own password and code "
    "online; the plan will list this request as blocked.",
    "W103": "the representative cannot reset the password of '{key}'",
    "W103.hint": "only accounts made through the representative service can have their "
    "password reset by the representative; the plan will list this request as blocked.",
    "W103.hint.ramq": "accounts made by RAMQ (CE…, IP…) reset their own password online; the "
    "plan will list this request as blocked.",
    "W103.hint.professional": "physicians, residents and IPS reset their own password online; "
    "the plan will list this request as blocked.",
    "W104": "the file name does not match the establishment id '{id}'",
    "W104.hint": "rename the file to '{expected}' so that it is easy to find.",
    "W105": "the file is in folder '{folder}' but the establishment is in region '{region}'",
    "W105.hint": "move the file to access/{region}/.",
    "W106": "the access of '{key}' was last reviewed on {date}, more than {days} days ago",
    "W106.hint": "review who may access what with the person's manager, then update "
    "'reviewed' (an error with --strict).",
    # --- words used in messages -------------------------------------------------------
    "where.file": "the file",
    "where.establishment": "'establishment'",
    "where.representative": "'representative'",
    "where.user": "user {n}",
    "where.policy": "the policy",
    "where.line": "{file} line {line}",
    "type.string": "text",
    "type.integer": "a whole number",
    "type.number": "a number",
    "type.boolean": "true or false",
    "type.array": "a list",
    "type.object": "a block of fields",
    "type.null": "empty",
    "type.date": "a date",
    "type.datetime": "a date and time",
    "example.string": "{field}: \"...\"",
    "example.integer": "{field}: 1",
    "example.boolean": "{field}: true",
    "example.array": "{field}: [first, second]",
    "example.object": "{field}: followed by indented fields on the next lines",
    "profile.medecin": "physician",
    "profile.resident": "resident",
    "profile.ips": "specialised nurse practitioner (IPS)",
    # --- command output ---------------------------------------------------------------
    "severity.error": "error",
    "severity.warning": "warning",
    "hint": "hint:",
    "summary": "{files} file(s), {users} user(s): {errors} error(s), {warnings} warning(s)",
    "problems.more_in_file": "{file}: {count} more problem(s) not shown ({shown} of {total} "
    "shown: at most {limit} per file)",
    "problems.more_in_run": "{count} more problem(s) in {files} more file(s) not shown: at "
    "most {limit} problems are shown per run",
    "valid": "All access files are valid.",
    "invalid": "Fix the errors above, then run validate again.",
    "fatal": "error",
    "output_cut": "note: the output was cut short (what read it stopped reading); the "
    "command carried on to its end, and its exit code says how it ended.",
    # --- command-line help ------------------------------------------------------------
    "help.main": "Manage RVSQ access as code: validate access files, plan and apply them.",
    "help.lang": "Language of messages (default: RVSQ_LANG, else LANG, else English).",
    "help.no_color": "Do not colour the output.",
    "help.validate": "Check access files (files or folders, default ./access) and report "
    "every problem with its file, line and a hint.",
    "help.format": "Output format.",
    "help.strict": "Treat warnings as errors.",
    "help.policy": "Policy file (default: policy.yaml at the top of the access folder).",
    # --- planning (needs the state) ---------------------------------------------------
    "E070": "this email is already used by the RAMQ account '{key}'",
    "E070.hint": "a clinical nurse cannot have RVSQ added to an account she already uses: "
    "give her new account an email that differs from her other account's.",
    "E071": "'{key}' is the email of the account '{username}', which is also listed in "
    "{other}",
    "E071.hint": "keep one entry for this account, with 'username: {username}'.",
    "B01": "the professional has no RAMQ account yet",
    "B01.hint": "physicians, residents and IPS create their own account with the reference "
    "number (numéro de référence) they received by mail; plan again once they have.",
    "B02": "the account '{key}' is not known",
    "B02.hint": "load the RAMQ directory with 'rvsq-access state import-directory FILE.csv', "
    "or remove 'username' to create a new account.",
    "B03": "this email already belongs to the account '{holder}'",
    "B03.hint": "write 'username: {holder}' to add RVSQ to that account instead of creating "
    "a new one.",
    "B04": "the account is held by the establishment '{owner}', which is not in this input",
    "B04.hint": "remove it from {owner}'s file first, or plan both files together to move it.",
    "B05": "the representative cannot regenerate this secret code",
    "B05.hint": "only accounts made through the representative service can have their code "
    "regenerated by the representative.",
    "B05.hint.ramq": "accounts made by RAMQ (CE…, IP…) manage their own password and code "
    "online; remove 'secret_code'.",
    "B05.hint.professional": "physicians, residents and IPS manage their own password and code "
    "online; remove 'secret_code'.",
    "B06": "the representative cannot reset this password",
    "B06.hint": "only accounts made through the representative service can have their "
    "password reset by the representative.",
    "B06.hint.ramq": "accounts made by RAMQ (CE…, IP…) reset their own password online; remove "
    "'password_reset'.",
    "B06.hint.professional": "physicians, residents and IPS reset their own password online; "
    "remove 'password_reset'.",
    "B07": "the new email '{email}' already belongs to the account '{holder}'",
    "B07.hint": "emails are unique: change or remove {holder}'s email first, apply, then plan "
    "again.",
    "W201": "the establishment '{establishment}' is in the state but no file describes it: "
    "it is not reconciled",
    "W201.hint": "nothing it owns changes; to close it, keep its file with 'retired: true' "
    "and 'users: []'.",
    "W202": "{count} account(s) in the state belong to no establishment ({examples})",
    "W202.hint": "they come from the RAMQ directory or were released; list them with "
    "'rvsq-access state list'.",
    "W203": "the access of '{key}' ends on {date}",
    "W203.hint": "every service will be revoked from that date; extend 'expires' if needed.",
    "W204": "the access of '{key}' ended on {date}: no account is created",
    "W204.hint": "remove the entry, or correct 'expires' if the access goes on.",
    "W205": "'{key}' is the email of the account '{username}': the entry is planned as that "
    "account",
    "W205.hint": "write 'username: {username}' in this entry, as the state knows it.",
    # --- state, apply, codes, audit -------------------------------------------------
    "E110": "another apply still holds the state lock after {timeout} s",
    "E110.hint": "nothing was changed. Wait for the other apply to finish, then run the "
    "command again (apply and outbox take --lock-timeout SECONDS to wait longer).",
    "E111": "'{url}' is not a state this tool can open",
    "E111.hint": "use sqlite:///path/to/state.db (default: sqlite:///.rvsq/state.db) or "
    "postgresql://user@host:port/db.",
    "E112": "the plan removes {count} accounts, more than the limit of {limit} per run "
    "(--max-deletes)",
    "E112.hint": "check the plan; if it is right, pass --max-deletes {count} or "
    "--allow-mass-delete. Nothing was changed.",
    "E112.hint.plan": "check the plan; if it is right, run apply (and plan) with "
    "--max-deletes {count} or --allow-mass-delete.",
    "E113": "the plan removes {count} of the {total} accounts of '{establishment}', more "
    "than the {limit} one run may remove without --allow-mass-delete (a quarter of an "
    "establishment's accounts, or 3)",
    "E113.hint": "check that these removals are intended (closing a site removes every "
    "account it owns); if so, pass --allow-mass-delete. Nothing was changed.",
    "E113.hint.plan": "check that these removals are intended (closing a site removes every "
    "account it owns); if so, run apply (and plan) with --allow-mass-delete.",
    "E114": "'{establishment}' would get {count} new secret code(s) but has no "
    "'age_recipient': without a terminal (as in CI), apply refuses to issue them",
    "E114.hint": "add the representative's age public key (from 'age-keygen') as "
    "'age_recipient' under 'representative', or apply from a terminal. Nothing was changed.",
    "E114.hint.plan": "add the representative's age public key (from 'age-keygen') as "
    "'age_recipient' under 'representative', or apply from a terminal, where each code is "
    "shown once.",
    "E115": "apply needs a confirmation and there is no terminal to ask",
    "E115.hint": "review the plan, then run apply with --auto-approve (as CI does). Nothing "
    "was changed.",
    "E116": "the plan was made for state serial {planned}, but the state is now at {current}",
    "E116.hint": "the state changed since the plan was made: run plan again. Nothing was "
    "changed.",
    "E117": "apply stopped at action {number} of {total} ({action} {target}): {reason}",
    "E117.hint": "that action was rolled back whole; the {done} before it are applied and "
    "recorded.",
    "E118": "the access files changed since the plan was made",
    "E118.hint": "run plan again on the current files. Nothing was changed.",
    "E119": "'{path}' is not a plan this tool made: {detail}",
    "E119.hint": "write a plan with 'rvsq-access plan --out PLAN.json'.",
    "E120": "the 'age_recipient' of '{establishment}' is not an age public key: "
    "'{recipient}'",
    "E120.hint": "copy the recipient exactly as 'age-keygen' printed it (it starts with "
    "'age1'): one wrong character makes it unusable.",
    "E121": "the identity file holds no age secret key",
    "E121.hint": "give the file made by 'age-keygen' (a line starting AGE-SECRET-KEY-).",
    "E122": "this file cannot be opened with that identity",
    "E122.hint": "use the identity whose public key is the establishment's 'age_recipient'.",
    "E123": "the state has no account '{username}'",
    "E123.hint": "list the accounts with 'rvsq-access state list'.",
    "E124": "'{path}' cannot be read: {reason}",
    "E124.hint": "check the path and that you may read it.",
    # Bounded, typed reads (files.py): what a file the tool was given turned out to be.
    "E170": "'{path}' does not exist",
    "E170.hint": "check the path (it is relative to the folder the command runs in).",
    "E171": "'{path}' cannot be read: you are not allowed to read it",
    "E171.hint": "ask for read access to the file, or copy it where you may read it.",
    "E172": "'{path}' is a folder, not a file",
    "E172.hint": "name the file itself, inside that folder.",
    "E173": "'{path}' is a named pipe (FIFO), not a file: it was not read",
    "E173.hint": "save what the pipe would give into a file, then name that file.",
    "E174": "'{path}' is a device or a socket, not a file: it was not read",
    "E174.hint": "name an ordinary file.",
    "E175": "'{path}' is larger than {limit_mib} MiB, the most such a file can hold: it "
    "was not read",
    "E175.hint": "check that it is the right file: one this tool wrote, or made for it.",
    "E176": "'{path}' cannot be read (system error {error})",
    "E176.hint": "check the file and the disk it is on, then run the command again.",
    "E177": "'{path}' is not a sealed file: its ASCII armour is damaged",
    "E177.hint": "use the file exactly as apply wrote it in .rvsq/codes/: an edit or a "
    "copy through a tool that changes text breaks it.",
    "E178": "'{path}' opens with this identity, but what it holds is not a list of codes "
    "written by this tool: nothing is shown",
    "E178.hint": "the file was made or changed outside rvsq-access: do not hand out "
    "anything from it, and ask the team that runs apply for the file it wrote.",
    "E125": "the audit log is broken at entry {seq}: {reason}",
    "E125.hint": "the log was edited or entries were removed outside this tool; keep the "
    "database as it is for investigation and restore it from a backup.",
    "E126": "'{value}' is not a date",
    "E126.hint": "write the date as YYYY-MM-DD.",
    "E127": "the state cannot be used: {reason}",
    "E127.hint": "if another apply is running, wait for it; otherwise check the --state URL "
    "(or RVSQ_STATE) and that the database is reachable.",
    "E128": "give either --establishment ID or --all",
    "E128.hint": "for example: rvsq-access import --establishment gmf-hill-valley, or "
    "rvsq-access import --all --out access.",
    "E129": "the state has no establishment '{establishment}'",
    "E129.hint": "the establishments it holds are: {known}.",
    "E130": "--all needs --out FOLDER",
    "E130.hint": "name a new folder, for example: rvsq-access import --all --out imported.",
    "E131": "'{path}' already exists ({count} file(s) in the way); nothing was written",
    "E131.hint": "import never overwrites an access file: choose a new file or an empty "
    "folder.",
    "import.written": "Wrote {count} access file(s) to {path}. Check them with 'rvsq-access "
    "plan': it should show no changes.",
    "E132": "this state is on PostgreSQL, but PostgreSQL support is not installed",
    "E132.hint": "install it with: pip install 'rvsq-access[postgres]'.",
    "E133": "'{url}' is not a mail server address this tool can use",
    "E133.hint": "set RVSQ_SMTP_URL to smtp://host:port (STARTTLS when offered) or "
    "smtps://host:port (TLS), or unset it: the emails then wait in the state's outbox.",
    "E134": "the saved plan '{path}' does not match what the files and the state give",
    "E134.hint": "it was edited after it was made, or made by another version of the tool: "
    "run plan again and review it. Nothing was changed.",
    "E135": "the state holds a file name that could reach outside .rvsq ('{name}')",
    "E135.hint": "the database was altered outside this tool: keep it as it is for "
    "investigation. Nothing was written.",
    "E136": "{origin} is set but empty",
    "E136.hint": "give the state's location (sqlite:///path/to/state.db, relative to the "
    "working folder; sqlite:////absolute/path/state.db; or postgresql://user@host:port/db), "
    "or unset it to use .rvsq/state.db under the working folder.",
    "E137": "'{url}' cannot hold a state: it names no file that outlives the command",
    "E137.hint": "name a file: sqlite:///path/to/state.db (relative to the working folder) "
    "or sqlite:////absolute/path/state.db.",
    "E138": "there is no state at {location}",
    "E138.hint": "if this is where the state should be, create it once with 'rvsq-access "
    "state init' (with the same --state or RVSQ_STATE); otherwise point --state or "
    "RVSQ_STATE at the existing state (sqlite:///path is relative to the working folder, "
    "sqlite:////path is absolute). Nothing was changed.",
    "E139": "{location} is not an rvsq-access state: it was never initialised",
    "E139.hint": "create the state there with 'rvsq-access state init', or point --state or "
    "RVSQ_STATE at the existing state. Nothing was changed.",
    "E140": "the state at {location} was made by an earlier version (schema {found}; this "
    "version uses {known})",
    "E140.hint": "bring it up to date with 'rvsq-access state init' (an apply does it too); "
    "read-only commands never change a state. Nothing was changed.",
    "E141": "the state at {location} was made by a later version of rvsq-access (schema "
    "{found}; this version knows up to {known})",
    "E141.hint": "install the version of rvsq-access that the other runners use. Nothing "
    "was changed.",
    "E142": "the saved plan '{path}' was made against another state ({planned_location}, id "
    "{planned_id}); this state is {location}, id {id}",
    "E142.hint": "plan again against this state, or point --state or RVSQ_STATE at the "
    "state the plan was made for. Nothing was changed.",
    "E143": "the change reference is not one line of printable text of at most 500 "
    "characters",
    "E143.hint": "give a pull request's URL or a ticket number with --change-ref (or "
    "RVSQ_CHANGE_REF). Nothing was changed.",
    "E144": "the state location '{url}' has a space or a line break at its start or end, "
    "or a control character inside",
    "E144.hint": "give it again without them (a CI secret pasted with its line break, say): "
    "it would name another file than the one you mean. Nothing was changed.",
    "E145": "{location} holds something other than an rvsq-access state",
    "E145.hint": "point --state or RVSQ_STATE at the state: rvsq-access keeps its tables in a "
    "file or a database of their own. Nothing was changed.",
    "E146": "the state at {location} has no id: it was altered outside this tool",
    "E146.hint": "keep it as it is for investigation and restore it from a backup; plans "
    "could not tell it from another state. Nothing was changed.",
    "state.upgraded": "Brought the state at {location} up to date (schema {found} to {known}; "
    "id {id}, serial {serial}).",
    "E143.hint.plan": "give a pull request's URL or a ticket number with --change-ref (or "
    "RVSQ_CHANGE_REF), in the plan as in the apply.",
    "E155": "--as-of {date} is outside the dates this tool can work with ({first} to "
    "{last})",
    "E155.hint": "give a date between {first} and {last}: the day a review falls due or an "
    "access ends, say.",
    "E147": "the state at {location} is damaged: its '{key}' record (table meta) is missing or "
    "is not what this tool writes (found: {found})",
    "E147.hint": "nothing was changed. Keep it as it is for investigation, run 'rvsq-access "
    "state check' to see all that is wrong, and restore the state from a backup.",
    "E148": "the audit log of the state at {location} is damaged at entry {seq}: its fields "
    "are not the JSON this tool writes",
    "E148.hint": "nothing was changed. Keep the state as it is for investigation, run "
    "'rvsq-access audit verify', and restore the state from a backup.",
    "E149": "'{path}' is a symbolic link: the tool keeps sealed codes, emails and its cache "
    "only in a folder of its own",
    "E149.hint": "nothing was written there. Remove the link (someone may have planted it to "
    "make the tool write elsewhere); the tool then creates a private folder in its place.",
    "E151": "interrupted",
    "E151.hint": "a change in progress was rolled back whole; what the command had finished "
    "before is kept. Run the command again.",
    "E152": "apply interrupted after {done} of {total} action(s)",
    "E152.hint": "the action in progress was rolled back whole; the ones before it are "
    "applied and recorded.",
    "E153": "every change is applied ({total} action(s)), but delivering failed: '{path}': "
    "{reason}",
    "E153.hint": "nothing is lost: what was not delivered waits in the state.",
    "E154": "the question got no answer (the input ended)",
    "E154.hint": "nothing was changed. Run the command again on a terminal, or give every "
    "value as an option.",
    "E156": "the state's location '{location}' cannot be used: {reason}",
    "E156.hint": "point --state or RVSQ_STATE at a file in an existing folder, with a "
    "shorter path if it is too long. Nothing was changed.",
    "E157": "the state's location {location} is a symbolic link",
    "E157.hint": "nothing was read or changed. Name the state file by its own path in --state "
    "or RVSQ_STATE; if nobody in your team made this link, remove it: it may have been "
    "planted to make the tool write elsewhere.",
    "E158": "the state file {location} was moved or deleted while apply ran: it stopped after "
    "{done} of {total} action(s)",
    "E158.hint": "those actions are in the file that was moved, and in its journal (-wal) "
    "still beside its old name: put the file back under its name first (do not run "
    "'state init'), then run 'rvsq-access state check' and 'rvsq-access apply' again.",
    "E193": "--lock-timeout {given} is not a number of seconds between 0 and {most}",
    "E193.hint": "give how long to wait for another apply, in seconds: 60 by default.",
    "E159": "apply interrupted before it changed anything",
    "E159.hint": "nothing was changed. Run apply again when you are ready.",
    "E191": "'{path}' cannot be used: {reason}",
    "E191.hint": "check that it exists and that you may read (or write) it; then run the "
    "command again. What the command said it did before this is done.",
    "E192": "a name or a text cannot be written with this system's character encoding: "
    "{reason}",
    "E192.hint": "use a UTF-8 locale (for example LANG=fr_CA.UTF-8), then run the command "
    "again.",
    "E199": "unexpected internal error ({kind}): {reason}",
    "E199.hint": "this is a defect of rvsq-access: please report it with the command you ran. "
    "Set RVSQ_DEBUG=1 to see where it happened. What the command said it did before this "
    "is done.",
    "state.created": "Created a new state at {location} (id {id}).",
    "state.exists": "The state at {location} already exists (id {id}, serial {serial}); it "
    "is up to date.",
    "state.named": "State: {location} (id {id}, serial {serial})",
    "audit.break.missing": "an entry is missing or out of order",
    "audit.break.edited": "the entry was changed after it was written",
    "audit.break.truncated": "entries were removed from the end of the log",
    # --- state check (commands/state.py, check.py) -------------------------------------
    "E180": "run {run_id}, establishment '{establishment}': the audit log records {issued} "
    "sealed code(s), but the state holds no sealed copy of them",
    "E180.hint": "the sealed copy was removed outside this tool, and these codes can no "
    "longer be handed over: request new ones for the accounts of that run (a new "
    "'secret_code' token), and restore the state from a backup to investigate.",
    "E181": "run {run_id}, establishment '{establishment}': the audit log records {issued} "
    "sealed code(s), but the state's sealed copy holds {sealed}",
    "E181.hint": "the sealed copy or the audit log was changed outside this tool: keep the "
    "state as it is for investigation, restore it from a backup, and request new codes for "
    "the accounts of that run.",
    "E182": "{path} is not the sealed copy the state holds for run {run_id}, establishment "
    "'{establishment}' ({size} byte(s) on disk, {expected} in the state)",
    "E182.hint": "the file was cut short or replaced after it was written: do not hand it "
    "over. Keep it for investigation; the state's copy is intact: restore the file from the "
    "run's artefacts, or request new codes for the accounts of that run.",
    "E183": "{path} (run {run_id}, establishment '{establishment}') cannot be read: {reason}",
    "E183.hint": "a sealed file is a regular file this tool wrote: check what replaced it and "
    "that you may read it, then run 'rvsq-access state check' again.",
    "E184": "audit entry {seq}: account '{username}' was created by run {run_id}, but the "
    "state holds no creation email for it",
    "E184.hint": "the outbox was changed outside this tool: tell the user that their account "
    "exists (with the creation instructions), and restore the state from a backup to "
    "investigate.",
    "E185": "audit entry {seq}: its fields cannot be read ({reason})",
    "E185.hint": "the audit log was edited outside this tool: keep the state as it is for "
    "investigation and compare the log with the copy kept outside the database.",
    "E186": "the state has no '{key}' (table meta)",
    "E186.hint": "the state was altered outside this tool: keep it as it is for "
    "investigation and restore it from a backup.",
    "E187": "the state's '{key}' is '{value}', not {expected}",
    "E187.hint": "the state was altered outside this tool: keep it as it is for "
    "investigation and restore it from a backup.",
    "E188": "the state's serial is {serial}, but the audit log records {count} change(s)",
    "E188.hint": "each change moves the serial by one and writes one audit entry: the serial "
    "or the log was edited outside this tool. Keep the state as it is for investigation and "
    "compare the log with the copy kept outside the database.",
    "E189": "the audit head names entry {head_seq} ({head_hash}), but the log ends at entry "
    "{last_seq} ({last_hash})",
    "E189.hint": "entries were removed from the end of the log, or the head was edited: keep "
    "the state as it is for investigation and compare the log with the copy kept outside "
    "the database.",
    "check.ok": "The state at {location} checks out: {entries} audit entr(y/ies), chain "
    "intact, serial {serial}; {sealed} sealed code(s) in {copies} sealed cop(y/ies), as the "
    "audit log records, {shown} shown on a terminal; sealed files: {identical} identical to "
    "the state, {elsewhere} not on this machine, {pending} waiting to be written; {created} "
    "created account(s), each with its creation email.",
    "check.unknown": "{unknown} code(s) issued before audit entries said where codes go are "
    "not counted.",
    "check.failed": "{count} problem(s) in the state at {location}. The check changed nothing.",
    "check.not_an_object": "not a JSON object",
    "check.not_a_file": "not a regular file",
    "check.not_json": "not JSON, from character {position}",
    "check.no_permission": "you may not read it",
    "check.expected.serial": "a whole number",
    "check.expected.audit_head": "an entry number and its hash",
    # --- directory import -------------------------------------------------------------
    "E080": "the CSV file has no column {columns}",
    "E080.hint": "the first line must name the columns: username, email, title, first_name, "
    "last_name, profile, professional_number.",
    "E081": "'{value}' is not a RAMQ username",
    "E081.hint": "CE, IP or IELP followed by digits, in capitals, or an email.",
    "E082": "'{value}' is not a valid email address",
    "E082.hint": "write a full address such as martin.macfly@example.org.",
    "E083": "'{value}' is not an accepted {field}",
    "E083.hint": "use one of: {allowed}.",
    "E084": "'{value}' is not a valid professional number for this profile",
    "E084.hint": "physicians 1-…, residents 5-…, IPS 8-1…: 5 to 7 digits in all.",
    "E085": "'{value}' is already used on line {first_line}",
    "E085.hint": "each account appears once, with an email of its own.",
    "E086": "the email '{value}' belongs to another account in the state ('{holder}')",
    "E086.hint": "correct the email, or the username if it is the same person.",
    "E150": "'{username}' is managed by an access file ({establishment}): this row would "
    "change {changes}",
    "E150.hint": "correct this row; or, if the directory is right, import again with "
    "--update-managed and correct the access file too, or the next plan will put its values "
    "back.",
    "import.value": "'{value}'",
    "import.change": "{field} {old} → {new}",
    "import.done": "Imported {count} existing RAMQ account(s) from {path}; nothing was "
    "granted.",
    "import.failed": "Nothing was imported: fix the lines above, then import again.",
    "import.managed_updated": "Updated {count} account(s) that access files manage: "
    "{accounts}. Correct those access files too, or the next plan will put their values "
    "back.",
    # --- emails (French then English, composed by mail.py) ----------------------------
    "mail.created.subject": "Your access to Rendez-vous santé Québec",
    "mail.created.body": "Hello {name},\n\n"
    "{establishment} has created your account for the RAMQ online services, with access to "
    "Rendez-vous santé Québec (RVSQ). Your username is: {username}\n\n"
    "To finish your registration you need a secret code. Your establishment's "
    "representative will give it to you directly; it is never sent by email.\n\n"
    "Please wait 24 hours before you log in for the first time (from {available_at}).\n\n"
    "If you did not expect this message, tell your establishment's representative.",
    "mail.reset.subject": "Resetting your RAMQ online services password",
    "mail.reset.body": "Hello {name},\n\n"
    "{establishment} has asked for your password to be reset, for the username: "
    "{username}\n\n"
    "Follow the instructions the RAMQ online services send you to choose a new "
    "password. Nobody at your establishment will ever ask you for your password.\n\n"
    "If you did not ask for this, tell your establishment's representative.",
    # --- the outbox: delivery failures kept on a message, and `outbox` -----------------
    "E160": "RVSQ_SMTP_URL is not set: there is no mail server to send the emails to",
    "E160.hint": "set RVSQ_SMTP_URL to smtp://host:port or smtps://host:port (with "
    "RVSQ_SMTP_USER and RVSQ_SMTP_PASSWORD if the server asks for a login), or write the "
    "emails as .eml files with 'rvsq-access outbox export DIR' and send them by hand. "
    "Nothing was changed.",
    "E161": "the address '{address}' has characters other than ASCII before the @, and the "
    "mail server does not offer SMTPUTF8",
    "E161.hint": "send this email through a server that offers SMTPUTF8 (RVSQ_SMTP_URL), or "
    "by hand ('rvsq-access outbox export DIR'); the other emails are not held up.",
    "E162": "the domain of the address '{address}' cannot be written in ASCII (IDNA)",
    "E162.hint": "check the address in the access file, or send this email by hand "
    "('rvsq-access outbox export DIR'); the other emails are not held up.",
    "E163": "the emails cannot be written to '{path}': {reason}",
    "E163.hint": "name a folder you may write to (it is created if missing). No email was "
    "marked as exported: they all still wait.",
    "E164": "RVSQ_SMTP_URL holds a login (user name or password) for '{url}': this tool "
    "takes the login only from RVSQ_SMTP_USER and RVSQ_SMTP_PASSWORD",
    "E164.hint": "remove the login from RVSQ_SMTP_URL (smtp://host:port or "
    "smtps://host:port) and give it in RVSQ_SMTP_USER and RVSQ_SMTP_PASSWORD. Nothing was "
    "changed.",
    "E165": "outbox send interrupted: {sent} email(s) sent by {where}",
    "E165.hint": "the emails sent are recorded and will not be sent again; the one in flight "
    "when it stopped, if the server had taken it, may arrive twice.",
    "E166": "outbox export interrupted: {written} of {total} email(s) written to '{path}'",
    "E166.hint": "every file in the folder is whole: none is cut short.",
    # --- plan output ------------------------------------------------------------------
    "plan.establishment": "Establishment {id} ({name}, region {region})",
    "plan.kind.create_establishment": "create establishment",
    "plan.kind.update_establishment": "update establishment",
    "plan.kind.create_account": "create account",
    "plan.kind.grant_services": "grant",
    "plan.kind.revoke_services": "revoke",
    "plan.kind.update_account": "update",
    "plan.kind.regenerate_code": "new secret code",
    "plan.kind.reset_password": "reset password",
    "plan.kind.delete_account": "delete account",
    "plan.released": "released from the establishment (the RAMQ account itself stays)",
    "plan.blocked": "blocked",
    "plan.warnings": "Warnings:",
    "plan.no_changes": "No changes. The state matches the access files.",
    "plan.summary": "Plan: {create_account} to create, {grant_services} to grant, "
    "{revoke_services} to revoke, {update_account} to update, {regenerate_code} new "
    "code(s), {reset_password} password reset(s), {delete_account} to delete, {blocked} "
    "blocked.",
    "plan.summary.establishments": "Plan: {create_account} to create, {grant_services} to "
    "grant, {revoke_services} to revoke, {update_account} to update, {regenerate_code} new "
    "code(s), {reset_password} password reset(s), {delete_account} to delete, {blocked} "
    "blocked; establishment(s): {create_establishment} to create, {update_establishment} to "
    "update.",
    "plan.saved": "Plan saved to {path}. Apply it with: rvsq-access apply --plan {path}",
    "plan.refusal.heading": "Apply would refuse this plan, and change nothing:",
    "plan.refusal.summary": "Apply would refuse this plan: {count} refusal(s), listed at the "
    "top.",
    "plan.refusal.help_max_deletes": "The --max-deletes that apply will run with: more "
    "removals are shown as a refusal.",
    "plan.refusal.help_allow_mass_delete": "Plan as for apply --allow-mass-delete: the "
    "deletion guard refuses nothing.",
    "plan.refusal.md": "Apply would refuse this plan ({count})",
    "plan.refusal.md_intro": "Apply stops before changing anything while one of these "
    "remains: fix it, or run apply with the option it names.",
    "plan.refusal.runbook": "Caution: many removals",
    "plan.refusal.runbook_intro": "The automated apply would stop before these removals (its "
    "deletion guard). Make sure with the establishment that they are intended before you "
    "remove anyone in the portal.",
    "plan.refusal.report": "Apply would refuse this plan",
    # --- apply output -----------------------------------------------------------------
    "apply.confirm": "Apply these changes?",
    "apply.cancelled": "Nothing was changed.",
    "apply.waiting": "Another apply holds the state lock; waiting up to {timeout} s…",
    "import.waiting": "An apply holds the state lock; waiting up to {timeout} s before "
    "importing…",
    "apply.progress": "Applying",
    "apply.done": "Applied {count} action(s) (run {run_id}).",
    "apply.nothing": "Nothing to apply.",
    "apply.login": "{username} can log in from {available_at} (about 24 hours after "
    "creation).",
    "apply.login_many": "The {count} new users can log in from {available_at} at the latest "
    "(about 24 hours after creation).",
    "apply.code_files": "New secret codes are sealed in {path}; open them with: "
    "rvsq-access codes reveal {path} --identity KEYFILE",
    "apply.codes_shown": "New secret codes, shown once: pass each one to its user by hand. "
    "They are not stored anywhere.",
    "apply.emails": "{count} email(s) delivered to {path}.",
    "apply.emails_waiting": "{count} email(s) wait in the state's outbox, not sent: "
    "RVSQ_SMTP_URL is not set. Send them with 'rvsq-access outbox send' once it is, or "
    "write them as .eml files with 'rvsq-access outbox export DIR' and send them by hand.",
    "apply.emails_failed": "{count} email(s) could not be delivered by {where}: {error}. "
    "They wait in the state's outbox: send them with 'rvsq-access outbox send' (the next "
    "apply tries too), or write them as .eml files with 'rvsq-access outbox export DIR' and "
    "send them by hand.",
    "outbox.header": "id\tstatus\tkind\tto\tattempts\tcreated\tlast error or delivery",
    "outbox.status.pending": "pending",
    "outbox.status.failed": "failed",
    "outbox.status.sent": "sent",
    "outbox.status.exported": "exported",
    "outbox.kind.created": "account creation",
    "outbox.kind.reset": "password reset",
    "outbox.sent_at": "sent {at}",
    "outbox.exported_at": "exported {at} to {folder}",
    "outbox.none_waiting": "No email waits in the outbox.",
    "outbox.empty": "The outbox is empty.",
    "outbox.counts": "Pending: {pending}, failed: {failed}, sent: {sent}, exported: "
    "{exported}.",
    "outbox.sent": "{count} email(s) sent by {where}.",
    "outbox.failed": "{count} email(s) could not be sent by {where}: {error}. They wait: "
    "run 'rvsq-access outbox send' again, or write them as .eml files with 'rvsq-access "
    "outbox export DIR' and send them by hand.",
    "outbox.nothing": "No email waits: nothing to send.",
    "outbox.exported": "{count} email(s) written to {path}, one .eml file each: send them "
    "by hand. They are marked as exported and will not be sent again.",
    "outbox.nothing_exported": "No email waits: nothing was written.",
    "outbox.why.not_folder": "a file is in the way: it is not a folder",
    "outbox.why.denied": "you may not write there",
    "outbox.why.full": "the disk is full",
    "outbox.why.link": "a symbolic link is in the way",
    "outbox.reason": "{reason} ({count} email(s))",
    "outbox.reasons_other": "and {count} email(s) for {reasons} other reason(s)",
    "outbox.reasons_joiner": "; ",
    "outbox.ending.waiting": "Still waiting: {count} email(s). To finish: run '{command}' "
    "again.",
    "outbox.ending.none_waiting": "No email waits any more.",
    "outbox.ending.unknown": "What still waits cannot be read: the state does not answer. "
    "Run '{command}' again once it does.",
    "outbox.ending.marked": "The {count} email(s) written are marked as exported: send them "
    "by hand; they will not be sent again.",
    "outbox.ending.unmarked": "The {count} email(s) written could not be marked as exported "
    "({reason}): they still count as waiting, and '{command}' writes them again under the "
    "same names (no duplicate file).",
    "apply.blocked": "{count} entr(y/ies) remain blocked: see the plan for what each needs.",
    "apply.ending.done": "Applied and recorded: {done} of {total} action(s) (run {run_id}).",
    "apply.ending.unknown": "What waits for delivery cannot be read: the state does not "
    "answer. Run 'rvsq-access apply' again once it does: it delivers what waits.",
    "apply.ending.rest": "To finish: fix the cause, then run 'rvsq-access apply' again; it "
    "plans and applies the {count} remaining action(s) and delivers what waits.",
    "apply.ending.waiting": "Waiting for delivery: {emails} email(s) and {sealed} file(s) of "
    "sealed codes.",
    "apply.ending.sealed": "To write the sealed codes in '{folder}': run 'rvsq-access apply' "
    "again (it writes them even with nothing else to apply).",
    "apply.ending.emails": "To deliver the emails: 'rvsq-access outbox send' (with "
    "RVSQ_SMTP_URL), or 'rvsq-access outbox export FOLDER' to send them by hand.",
    # --- state, codes and audit output ------------------------------------------------
    "state.empty": "The state holds no account.",
    "state.header": "username\temail\testablishment\torigin\tservices",
    "state.show": "username: {username}\nemail: {email}\nname: {title} {first_name} "
    "{last_name}\nprofile: {profile}\nprofessional number: {professional_number}\n"
    "establishment: {establishment}\norigin: {origin}\nservices: {services}\nexpires: "
    "{expires}\nreviewed: {reviewed}\nticket: {ticket}\nsecret code issued: "
    "{code_issued_at}\nlast password reset: {reset_at}\ncreated: {created_at}\nupdated: "
    "{updated_at}",
    "audit.ok": "The audit log verifies: {count} entr(y/ies), the chain is intact.",
    "audit.empty": "The audit log is empty.",
    "none": "—",
    # --- command-line help (continued) ------------------------------------------------
    "help.state": "Where the state is: sqlite:///path (relative to the working folder; "
    "default: sqlite:///.rvsq/state.db), sqlite:////absolute/path or "
    "postgresql://user@host:port/db; or RVSQ_STATE. Create it once with 'state init'.",
    "help.no_cache": "Parse every file again instead of reusing .rvsq/cache/ (files whose "
    "bytes did not change are otherwise not parsed twice).",
    "help.actor": "Who applies, for the audit log (default: CI's user, else the login name).",
    "help.change_ref": "The change being applied, recorded in every audit entry of the run "
    "(a pull request's URL, say); or RVSQ_CHANGE_REF.",
    "help.state_init": "Create the state (at --state or RVSQ_STATE, default "
    ".rvsq/state.db), or bring an existing one up to date. The only command that creates a "
    "state.",
    "help.plan": "Show what apply would change: create, grant, revoke, update, new codes, "
    "resets, deletions and blocked entries.",
    "help.plan_format": "Output format of the plan.",
    "help.out": "Also save the plan as JSON to this file, for apply --plan.",
    "help.detailed_exitcode": "Exit 1 when apply would refuse the plan, else 2 when the "
    "plan has changes, 0 when it has none.",
    "help.apply": "Apply the access files (or a saved plan) to the state: one transaction "
    "per action, audit entry and emails included.",
    "help.plan_file": "Apply this saved plan, refused if the state or the files changed.",
    "help.auto_approve": "Do not ask for confirmation (for CI).",
    "help.max_deletes": "Refuse to remove more accounts than this in one run.",
    "help.allow_mass_delete": "Allow removals beyond the deletion guard.",
    "help.lock_timeout": "Seconds to wait for another apply to finish.",
    "help.state_group": "Create the state, look at it, or load the RAMQ directory into it.",
    "help.state_list": "List every account the state holds.",
    "help.state_show": "Show one account.",
    "help.state_check": "Check the state, reading only: every sealed code has its sealed "
    "copy, each sealed file on this machine is identical to it, every created account has "
    "its creation email, the audit log verifies, the serial and the audit head agree with it.",
    "help.import_directory": "Load existing RAMQ accounts from a CSV file (username, email, "
    "title, first_name, last_name, profile, professional_number); grants nothing.",
    "help.update_managed": "Also update the accounts that access files manage when the CSV "
    "changes them (otherwise the import is refused); then correct those files too.",
    "help.codes": "Open sealed secret codes.",
    "help.codes_reveal": "Decrypt a sealed codes file with the representative's age "
    "identity and show the codes.",
    "help.identity": "The age identity file (from age-keygen).",
    "help.outbox": "See, send or write out the emails that wait in the state's outbox.",
    "help.outbox_list": "List the emails that wait (pending or failed): id, kind, "
    "recipient, attempts, last error. Changes nothing.",
    "help.outbox_all": "Also list the emails sent and exported.",
    "help.outbox_send": "Send the waiting emails by RVSQ_SMTP_URL; exit 4 when some still "
    "wait.",
    "help.outbox_export": "Write the waiting emails as .eml files in DIR (created if "
    "missing) for sending by hand, and mark them exported.",
    "help.audit": "Check and read the audit log.",
    "help.audit_verify": "Check that no audit entry was edited or removed.",
    "help.audit_log": "Show the audit log.",
    "help.since": "Only entries from this date (YYYY-MM-DD).",
    "help.as_of": "Check reviews and expiries as of this date instead of today.",
    "help.report": "Write a dry-run report for auditors: inventory, pending plan, blocked "
    "entries, recent accounts and codes, reviews due, accounts no file owns.",
    "help.report_out": "Write the report to this file instead of standard output.",
    "help.import": "Write access files (YAML) for what the state holds, which plan to no "
    "change.",
    "help.import_one": "The establishment to write.",
    "help.import_all": "Write every establishment the state holds.",
    "help.import_out": "The new file (with --establishment; default: standard output) or the "
    "new folder (with --all) to write.",
    "help.user": "Edit an access file in place, keeping its comments, then validate it.",
    "help.user_add": "Add a user to an access file (asks for what is missing on a terminal).",
    "help.user_email": "The user's own email.",
    "help.user_title": "Title of civility.",
    "help.user_first_name": "First name.",
    "help.user_last_name": "Last name.",
    "help.user_profile": "Profile.",
    "help.user_service": "A service to grant (repeat for several).",
    "help.user_username": "An existing RAMQ account (CE…, IP…, IELP… or an email).",
    "help.user_professional_number": "Professional number (physicians, residents, IPS).",
    "help.user_remove": "Remove a user (by username, or email for a new account).",
    "help.user_services": "Add or remove services of a user.",
    "help.user_services_add": "A service to add (repeat for several).",
    "help.user_services_remove": "A service to remove (repeat for several).",
    "help.user_rotate_code": "Request a new secret code for a user.",
    "help.user_reset_password": "Request a password reset for a user.",
    "help.user_token": "The request's token (default: the current date and time).",
    # --- markdown plan and runbook (render/plan_markdown.py, render/runbook.py) -------
    "md.title": "RVSQ access plan",
    "md.meta": "State {location} (id `{id}`, serial {serial}) · configuration `{digest}`",
    "md.col.region": "Region",
    "md.col.establishment": "Establishment",
    "md.col.create_establishment": "New establishment",
    "md.col.update_establishment": "Record updated",
    "md.col.create_account": "Create",
    "md.col.grant_services": "Grant",
    "md.col.revoke_services": "Revoke",
    "md.col.update_account": "Update",
    "md.col.regenerate_code": "New code",
    "md.col.reset_password": "Reset",
    "md.col.delete_account": "Delete",
    "md.col.blocked": "Blocked",
    "md.establishments": "{count} establishment(s)",
    "md.total": "Total",
    "md.people": "Changes by person",
    "md.line": "{who}: {what}",
    "md.establishment": "{name} ({id}, region {region})",
    "md.establishment.new": "New establishment: its record is created",
    "md.establishment.retired": "Establishment closed (retired): every account it owns is "
    "removed",
    "md.establishment.updated": "Establishment record updated: {fields}",
    "md.person.new_account": "new account",
    "md.person.added": "existing RAMQ account added",
    "md.person.moved": "moved from {establishment}",
    "md.person.new_code": "new secret code",
    "md.person.reset": "password reset",
    "md.person.deleted": "deleted",
    "md.person.released": "released (the RAMQ account stays)",
    "md.person.updated": "updated: {fields}",
    "md.person.ticket": "ticket {ticket}",
    "md.blocked": "Blocked ({count})",
    "md.warnings": "Warnings ({count})",
    "md.details": "Full plan: {count} action(s)",
    "md.more": "… {count} more line(s) left out",
    "md.truncated": "**This comment was shortened** to stay within GitHub's size limit: "
    "{count} line(s) were left out. Run `rvsq-access plan` locally to see the full plan.",
    "runbook.title": "Step by step in the RAMQ portal",
    "runbook.intro": "For sites that still make these changes by hand in the RAMQ online "
    "services. Follow the procedures in order, one establishment at a time. Screens, buttons "
    "and boxes keep the portal's own names, in French.",
    "runbook.meta": "Plan made from the state {location} (id `{id}`, serial {serial}; "
    "configuration `{digest}`).",
    "runbook.establishment": "{name} (region {region})",
    "runbook.representative": "Designated representative: {name}",
    "runbook.new_establishment": "New establishment: the tool creates its record. Nothing to "
    "do for it in the portal: follow the steps below for its users.",
    "runbook.login.title": "First, log in",
    "runbook.login.connect": "Log in to the RAMQ online services (« services en ligne de la "
    "RAMQ ») with your username and password.",
    "runbook.login.service": "Click « Inscription d'utilisateurs par un représentant "
    "désigné ». The list of the users you registered appears (« Nom », « Prénom », « Nom "
    "d'utilisateur »).",
    "runbook.field": "« {label} »: {value}",
    "runbook.change": "« {label} »: {old} → {new}",
    "runbook.h.create": "Create an account: {name}",
    "runbook.h.join": "Add RVSQ to an existing account: {name}",
    "runbook.h.grant": "Add services: {name}",
    "runbook.h.revoke": "Remove services: {name}",
    "runbook.h.update": "Correct the details: {name}",
    "runbook.h.release": "Release from the establishment: {name}",
    "runbook.h.code": "New secret code: {name}",
    "runbook.h.reset": "Reset the password: {name}",
    "runbook.h.delete": "Delete the account: {name}",
    "runbook.step.add_user": "Click the « Ajouter un utilisateur » button.",
    "runbook.step.has_account": "Under the question « L'utilisateur a-t-il déjà un compte? », "
    "tick {answer}.",
    "runbook.step.fill": "Fill in the form:",
    "runbook.step.tick_only": "Under « Services », tick these boxes, and only these:",
    "runbook.step.submit": "Click the « Ajouter un utilisateur » button at the bottom of the "
    "form. The RAMQ emails the account-creation instructions to {email}.",
    "runbook.step.code_created": "The confirmation shows a secret code: write it down and give "
    "it to {name} yourself, in person or by phone, never by email. They need it to finish "
    "registering for the RAMQ online services.",
    "runbook.step.wait": "Tell {name} to wait 24 hours before logging in to RVSQ for the "
    "first time.",
    "runbook.step.username": "Enter their username: {username}",
    "runbook.step.submit_existing": "Click the « Ajouter un utilisateur » button at the bottom "
    "of the form.",
    "runbook.note.existing": "{name} keeps their usual username and password: there is no "
    "secret code to pass on.",
    "runbook.note.moved": "This account was held by {establishment}: ask its representative "
    "to remove it from their list.",
    "runbook.note.clinical": "Clinical nurse: RVSQ needs a new account, with this email, even "
    "if the person already uses the RAMQ online services for something else.",
    "runbook.step.open": "In the list of users, find {name} (username {username}) and click "
    "the name.",
    "runbook.step.update": "Click « Mettre à jour ».",
    "runbook.step.tick": "Under « Services », tick these boxes (leave the others as they are):",
    "runbook.step.untick": "Under « Services », untick these boxes (leave the others as they "
    "are):",
    "runbook.step.correct": "Correct these fields:",
    "runbook.step.untick_all": "Under « Services », untick every box:",
    "runbook.step.untick_none": "Under « Services », check that no box is ticked.",
    "runbook.step.remove": "Back in the list, click « Supprimer » next to their name.",
    "runbook.note.released": "Only the link with your establishment ends: {name} keeps their "
    "own RAMQ account and their other online services.",
    "runbook.step.code_box": "Click the « Générer un nouveau code secret » box and enter the "
    "user's email: {email}",
    "runbook.step.code_shown": "A new secret code appears on the screen: write it down and give "
    "it to {name} yourself, never by email. The previous code no longer works.",
    "runbook.step.reset_box": "Click the « Réinitialiser le mot de passe » option and enter the "
    "user's email: {email}",
    "runbook.step.reset_sent": "Click « Mettre à jour ». The RAMQ emails the reset "
    "instructions to that address; you never see the password.",
    "runbook.step.delete": "In the list of users, find {name} (username {username}) and click "
    "« Supprimer » next to the name.",
    "runbook.note.deleted": "The account is deleted: {name} can no longer log in with it.",
    "runbook.ticket": "Ticket: {ticket}",
    "runbook.blocked": "Do not do these",
    "runbook.blocked.line": "**{what}** ({username}): {reason}.",
    "runbook.blocked.B01": "Do not create an account for {name}",
    "runbook.blocked.B02": "Do not add {name} to your list",
    "runbook.blocked.B03": "Do not create a new account for {name}",
    "runbook.blocked.B04": "Do not change anything for {name}",
    "runbook.blocked.B05": "Do not generate a new secret code for {name}",
    "runbook.blocked.B06": "Do not reset the password for {name}",
    "runbook.blocked.B07": "Do not change the email for {name}",
    "runbook.blocked.other": "Do not make this change for {name}",
    "runbook.quiet": "No step in the portal for {count} other change(s) (establishment "
    "record, review or end dates, tickets): the tool records them.",
    "runbook.untouched": "Nothing to do in the portal for: {names} (the tool records their "
    "changes).",
    "runbook.nothing": "Nothing to do in the portal: the state matches the access files.",
    # --- auditor report (report.py, render/report_*.py, commands/report.py) ----------
    "E190": "'{path}' cannot be written: {reason}",
    "E190.hint": "check that the folder exists and that you may write to it.",
    "report.title": "RVSQ access report",
    "report.dry_run": "Dry run for auditors: nothing was changed.",
    "report.contents": "Contents",
    "report.overview": "{accounts} account(s) in {establishments} establishment(s); "
    "{actions} pending change(s), {blocked} blocked entr(y/ies); {reviews} review(s) due; "
    "{expiring} access(es) ending or ended; {unowned} account(s) no file owns.",
    "report.empty": "Nothing to report.",
    "report.total": "Total",
    "report.meta.as_of": "As of",
    "report.meta.state": "State",
    "report.meta.state_value": "{location} (id {id})",
    "report.meta.state_serial": "State serial",
    "report.meta.files": "Access files",
    "report.meta.digest": "Access files digest",
    "report.meta.policy": "Review interval",
    "report.meta.policy_value": "{days} days (policy: {source})",
    "report.meta.last_change": "Last change applied",
    "report.meta.last_change_value": "{at} (commit {commit}; change {change})",
    "report.section.inventory": "Inventory by establishment and service",
    "report.section.plan": "Pending changes (plan)",
    "report.section.blocked": "Blocked entries",
    "report.section.recent": "Accounts created in the last {days} days",
    "report.section.codes": "Secret codes issued",
    "report.section.reviews": "Access reviews due",
    "report.section.expiring": "Access ending within {days} days or ended",
    "report.section.unowned": "Accounts no file owns",
    "report.section.accounts": "All accounts",
    "report.note.inventory": "Accounts holding each service, as last applied to the state.",
    "report.note.codes": "When each account's current secret code was issued. Codes are "
    "never stored in clear nor shown in a report.",
    "report.note.reviews": "Past due: last reviewed more than {days} days ago. Never "
    "reviewed: no 'reviewed' date in the access file.",
    "report.note.unowned": "Accounts in the state that belong to no establishment, or whose "
    "establishment no input file describes (such accounts are not reconciled).",
    "report.note.accounts": "Accounts in the state, then accounts the plan would create "
    "(pending) or cannot create (blocked).",
    "report.caption.services": "Services",
    "report.caption.establishments": "By establishment",
    "report.caption.regions": "By region",
    "report.caption.summary": "Summary",
    "report.caption.actions": "Actions",
    "report.col.service": "Service",
    "report.col.label": "Box in the portal",
    "report.col.establishment": "Establishment",
    "report.col.establishments": "Establishments",
    "report.col.name": "Name",
    "report.col.region": "Region",
    "report.col.type": "Type",
    "report.col.accounts": "Accounts",
    "report.col.action": "Action",
    "report.col.count": "Count",
    "report.col.username": "Username",
    "report.col.email": "Email",
    "report.col.first_name": "First name",
    "report.col.last_name": "Last name",
    "report.col.profile": "Profile",
    "report.col.origin": "Origin",
    "report.col.status": "Status",
    "report.col.services": "Services",
    "report.col.detail": "Detail",
    "report.col.source": "Source",
    "report.col.reason": "Reason",
    "report.col.hint": "What to do",
    "report.col.created_at": "Created",
    "report.col.code_issued_at": "Code issued",
    "report.col.reviewed": "Reviewed",
    "report.col.review_due": "Review due",
    "report.col.days_overdue": "Days overdue",
    "report.col.expires": "Expires",
    "report.col.days_left": "Days left",
    "report.status.applied": "applied",
    "report.status.pending": "pending",
    "report.status.blocked": "blocked",
    "report.review.overdue": "past due",
    "report.review.never": "never reviewed",
    "report.expiry.expired": "ended",
    "report.expiry.ending": "ending soon",
    "report.unowned.no_establishment": "no establishment",
    "report.unowned.no_file": "establishment not in the input",
    # --- user editing (edit.py, commands/user.py) ------------------------------------
    "E090": "there is no user '{key}' in {file}",
    "E090.hint": "a user is named by their username, or by their email when they have "
    "none; this file lists: {known}.",
    "E090.hint.suggest": "did you mean {suggestions}?",
    "E091": "'{key}' is already in {file}, on line {line}",
    "E091.hint": "each person appears once; to change their services, use "
    "'rvsq-access user services {file} {key} --add SERVICE'.",
    "E092": "some information is missing: {options}",
    "E092.hint": "give these options, or run the command in a terminal to be asked for them.",
    "E093": "the change would make {file} invalid, so nothing was written",
    "E093.hint": "correct the options (the problems are listed above), or fix the file by "
    "hand, then run the command again.",
    "E094": "{file} cannot be edited: {reason}",
    "E094.hint": "check that the file exists and is an access file; "
    "'rvsq-access validate {file}' shows where it needs fixing.",
    "E095": "{file} has no list of users to edit",
    "E095.hint": "an access file is a mapping with a 'users:' list; start from an example "
    "in access/.",
    "E096": "the services of '{key}' in {file} are not a list",
    "E096.hint": "write them as a list, such as 'services: [rvsq]', then run the command "
    "again.",
    "E097": "no service to add to or remove from '{key}'",
    "E097.hint": "give --add SERVICE or --remove SERVICE (repeat for several).",
    "E098": "the service '{service}' is both added and removed",
    "E098.hint": "give each service once, with --add or with --remove.",
    "user.added": "Added {key} to {file}; run 'rvsq-access plan' to see what it changes.",
    "user.removed": "Removed {key} from {file}; run 'rvsq-access plan' to see what it "
    "changes.",
    "user.service_added": "Added the service {service} to {key} in {file}; run "
    "'rvsq-access plan' to see what it changes.",
    "user.service_removed": "Removed the service {service} from {key} in {file}; run "
    "'rvsq-access plan' to see what it changes.",
    "user.code_requested": "Requested a new secret code for {key} in {file} (token "
    "'{token}'); run 'rvsq-access plan' to see what it changes.",
    "user.reset_requested": "Requested a password reset for {key} in {file} (token "
    "'{token}'); run 'rvsq-access plan' to see what it changes.",
    "user.unchanged": "Nothing to change: {file} already says so.",
    "user.reformatted": "note: the layout of {file} (indentation or quoting) could not be "
    "kept everywhere; review the whole change before committing it.",
    "user.prompt.title": "Title",
    "user.prompt.first_name": "First name",
    "user.prompt.last_name": "Last name",
    "user.prompt.email": "Email (account-creation instructions go to this address)",
    "user.prompt.profile": "Profile",
    "user.prompt.username": "Existing RAMQ account (CE…, IP…, IELP… or an email)",
    "user.prompt.professional_number": "Professional number",
    "user.prompt.services": "Services, separated by commas ({allowed})",
    "user.blank": "this cannot be left empty.",
    "user.bad_service": "'{value}' is not a service; use: {allowed}.",
}

FR: dict[str, str] = {
    # --- lecture du fichier -----------------------------------------------------------
    "E001": "le fichier n'est pas du texte UTF-8 valide",
    "E001.hint": "enregistrez le fichier avec l'encodage UTF-8 (la plupart des éditeurs "
    "l'offrent dans « Enregistrer sous »).",
    "E002": "le fichier dépasse {limit_mib} Mio",
    "E002.hint": "répartissez les utilisateurs sur plusieurs établissements ou retirez ce "
    "qui n'est pas un fichier d'accès.",
    "E003": "ce n'est pas du YAML valide : {detail}",
    "E003.hint": "vérifiez l'indentation, les deux-points et les guillemets sur cette ligne "
    "et la précédente.",
    "E004": "la clé « {key} » apparaît deux fois dans le même bloc (d'abord à la ligne "
    "{first_line})",
    "E004.hint": "ne gardez qu'un seul « {key} » : YAML garderait le dernier sans rien dire.",
    "E005": "les ancres et les alias (« &{anchor} », « *{anchor} ») ne sont pas permis",
    "E005.hint": "écrivez la valeur au complet là où elle sert.",
    "E006": "les étiquettes YAML comme « {tag} » ne sont pas permises",
    "E006.hint": "retirez l'étiquette; si la valeur doit être lue comme du texte, "
    "mettez-la entre guillemets.",
    "E007": "le fichier est vide",
    "E007.hint": "partez d'un fichier d'exemple du dossier access/ ou supprimez ce fichier.",
    "E008": "le fichier contient plus d'un document YAML",
    "E008.hint": "gardez un établissement par fichier et retirez le séparateur « --- ».",
    "E009": "la clé « {text} » n'est pas un simple nom",
    "E009.hint": "les clés sont des noms de champs comme « email » ou « services »; "
    "vérifiez l'orthographe et l'indentation.",
    "E010": "le fichier est imbriqué sur plus de {limit} niveaux",
    "E010.hint": "un fichier d'accès n'a besoin que de quelques niveaux; vérifiez "
    "l'indentation.",
    "E011": "le fichier ne peut pas être lu : {reason}",
    "E011.hint": "vérifiez que le fichier existe et que vous avez le droit de le lire.",
    "E012": "« {path} » n'existe pas",
    "E012.hint": "indiquez un fichier d'accès ou un dossier de fichiers d'accès (par défaut "
    ": ./access).",
    "E013": "aucun fichier d'accès (*.yaml, *.yml) n'a été trouvé dans « {path} »",
    "E013.hint": "les fichiers d'accès se nomment access/<région>/<id-établissement>.yaml.",
    "E014": "plus de {limit} fichiers d'accès ont été trouvés dans « {path} »",
    "E014.hint": "indiquez le dossier d'accès lui-même, pas un dossier au-dessus.",
    "E015": "« {link} » est un lien symbolique qui mène hors de « {path} »",
    "E015.hint": "les fichiers d'accès doivent être dans le dépôt lui-même : copiez-y le "
    "fichier ou le dossier, ou retirez le lien. Rien n'a été lu par ce lien.",
    "E016": "« {field} » contient le caractère invisible ou de contrôle {char}",
    "E016.hint": "retapez la valeur sans {char} (colonne {column}) : un tel caractère peut "
    "cacher ou réécrire du texte à l'écran, dans une demande de fusion ou dans un courriel.",
    "E017": "« {value} » n'est pas une adresse qui peut recevoir des courriels : "
    "{reason}",
    "E017.hint": "corrigez l'adresse; elle est vérifiée comme les serveurs de courriel la "
    "lisent (sans interroger le domaine).",
    "E018": "« {field}: {text} » est lu par certains outils comme {value} et par d'autres "
    "comme du texte",
    "E018.hint": "écrivez {field}: true ou {field}: false.",
    "E019": "le fichier contient le caractère {char}, que certains lecteurs YAML prennent "
    "pour un saut de ligne et d'autres pour un caractère",
    "E019.hint": "retirez-le; pour finir une ligne, appuyez sur Entrée.",
    # --- raisons du refus d'une adresse (E017), d'après la bibliothèque email-validator ---
    "text.email.dots": "deux points de suite",
    "text.email.period": "un point au début ou à la fin d'une partie",
    "text.email.no_dot": "la partie après le @ doit contenir un point (un domaine comme "
    "example.org)",
    "text.email.reserved": "le domaine est un nom réservé qui ne reçoit jamais de courriels",
    "text.email.characters": "des caractères interdits dans une adresse",
    "text.email.hyphen": "un trait d'union mal placé (près d'un point ou du @, ou en bout)",
    "text.email.quoted": "les guillemets autour de la partie avant le @ ne sont pas acceptés",
    "text.email.literal": "une adresse IP à la place d'un domaine n'est pas acceptée",
    "text.email.long": "l'adresse ou l'une de ses parties est trop longue",
    "text.email.other": "{detail}",
    # --- forme du fichier (JSON Schema) -----------------------------------------------
    "E020": "« {field} » manque dans {where}",
    "E020.hint": "ajoutez la ligne « {field}: ... »; voyez le format des fichiers dans le "
    "README.",
    "E021": "« {field} » n'est pas un champ connu dans {where}",
    "E021.hint": "les champs permis ici sont : {allowed}.",
    "E021.hint.suggest": "vouliez-vous dire « {suggestion} »? Les champs permis ici sont : "
    "{allowed}.",
    "E022": "« {field} » doit être {expected}, pas {actual}",
    "E022.hint": "écrivez-le ainsi : {example}",
    "E023": "« {field}: {text} » est lu par YAML comme {actual}, pas comme du texte",
    "E023.hint": "mettez-le entre guillemets : {field}: \"{text}\"",
    "E024": "la version {value} n'est pas prise en charge",
    "E024.hint": "écrivez « version: 1 » (la seule version de format que l'outil connaît).",
    "E025": "« {value} » n'est pas un identifiant d'établissement valide",
    "E025.hint": "utilisez des lettres minuscules, des chiffres et des tirets, en commençant "
    "par une lettre, par exemple « gmf-hill-valley ».",
    "E026": "« {value} » n'est pas une région sociosanitaire",
    "E026.hint": "écrivez la région en deux chiffres de 01 à 18 entre guillemets, par "
    "exemple region: \"06\".",
    "E027": "« {value} » n'est pas un type d'établissement",
    "E027.hint": "utilisez l'un de : {allowed}.",
    "E027.hint.suggest": "vouliez-vous dire « {suggestion} »? Utilisez l'un de : {allowed}.",
    "E028": "« {value} » n'est pas une adresse courriel valide",
    "E028.hint": "écrivez une adresse complète comme martin.macfly@example.org.",
    "E029": "« {value} » n'est pas un nom d'utilisateur RAMQ",
    "E029.hint": "le nom d'utilisateur d'un compte existant est CE, IP ou IELP suivi de "
    "chiffres, en majuscules (CE12345), ou le courriel avec lequel il a été créé.",
    "E030": "« {value} » n'est pas un titre de civilité",
    "E030.hint": "utilisez l'un de : {allowed}.",
    "E030.hint.suggest": "vouliez-vous dire « {suggestion} »? Utilisez l'un de : {allowed}.",
    "E031": "« {value} » n'est pas un profil",
    "E031.hint": "utilisez l'un de : {allowed}.",
    "E031.hint.suggest": "vouliez-vous dire « {suggestion} »? Utilisez l'un de : {allowed}.",
    "E032": "« {value} » n'est pas un service RVSQ",
    "E032.hint": "utilisez l'un de : {allowed}.",
    "E032.hint.suggest": "vouliez-vous dire « {suggestion} »? Utilisez l'un de : {allowed}.",
    "E033": "le service « {value} » est inscrit {times} fois",
    "E033.hint": "inscrivez chaque service une seule fois.",
    "E034": "aucun service n'est coché",
    "E034.hint": "cochez au moins un service, par exemple services: [rvsq]; pour retirer "
    "les accès de l'utilisateur, retirez-le du fichier.",
    "E035": "« {value} » n'est pas une date",
    "E035.hint": "écrivez la date sous la forme AAAA-MM-JJ, par exemple 2027-06-30.",
    "E036": "« {field} » est vide",
    "E036.hint": "inscrivez une valeur, ou retirez la ligne si le champ est facultatif.",
    "E037": "« {field} » dépasse {limit} caractères",
    "E037.hint": "raccourcissez-le à {limit} caractères au plus.",
    "E038": "« {value} » n'est pas une clé publique age",
    "E038.hint": "collez le destinataire affiché par « age-keygen », qui commence par "
    "« age1 ».",
    "E039": "« {field} » a une valeur qui n'est pas acceptée : {detail}",
    "E039.hint": "voyez le format des fichiers dans le README.",
    "E040": "« {field} » n'a pas de valeur",
    "E040.hint": "inscrivez une valeur après les deux-points, ou retirez la ligne si le "
    "champ est facultatif.",
    "E041": "« {field} » commence ou finit par des espaces",
    "E041.hint": "retirez les espaces autour de la valeur.",
    "E042": "le fichier doit être un bloc de champs (version, establishment, representative, "
    "users), pas {actual}",
    "E042.hint": "partez d'un fichier d'exemple du dossier access/.",
    "E043": "« {field} » vaut {value}, hors de l'intervalle accepté de {low} à {high}",
    "E043.hint": "choisissez une valeur de {low} à {high}.",
    "E044": "« {field} » compte {count} entrées, plus que la limite de {limit}",
    "E044.hint": "répartissez les utilisateurs sur plusieurs fichiers (un par site).",
    # --- règles du domaine ------------------------------------------------------------
    "E050": "la liste des utilisateurs est vide",
    "E050.hint": "une liste vide ne veut jamais dire « retirer tout le monde » : inscrivez "
    "les utilisateurs ou, pour fermer l'établissement, écrivez « retired: true » sous "
    "« establishment » et gardez « users: [] ».",
    "E051": "un établissement fermé inscrit encore des utilisateurs",
    "E051.hint": "écrivez « users: [] » pour retirer tous les comptes qu'il détient, ou "
    "retirez « retired: true » pour le garder ouvert.",
    "E052": "un {profile_label} doit utiliser un compte existant, mais aucun nom "
    "d'utilisateur n'est inscrit",
    "E052.hint": "les médecins, résidents et IPS créent eux-mêmes leur compte RAMQ avec le "
    "numéro de référence reçu par la poste; inscrivez leur nom d'utilisateur (CE…, IP… ou "
    "leur courriel) une fois que c'est fait.",
    "E053": "un {profile_label} doit avoir un numéro de professionnel",
    "E053.hint": "ajoutez la ligne « professional_number: \"{example}\" ».",
    "E054": "« {value} » n'est pas un numéro de professionnel valide pour un "
    "{profile_label}",
    "E054.hint": "le numéro d'un {profile_label} a de 5 à 7 chiffres, commence par {prefix} "
    "et peut avoir un tiret après le premier chiffre, par exemple \"{example}\".",
    "E055": "seuls les médecins, résidents et IPS ont un numéro de professionnel",
    "E055.hint": "retirez « professional_number » ou corrigez le profil.",
    "E056": "une infirmière clinicienne ne peut pas ajouter RVSQ à un compte qu'elle "
    "utilise déjà",
    "E056.hint": "retirez « username » pour qu'un nouveau compte soit créé, avec une "
    "adresse courriel différente de celle de son autre compte RAMQ.",
    "E057": "le service « {service} » n'est pas destiné au profil « {profile} »",
    "E057.hint": "« {service} » est destiné à ces profils : {allowed}; retirez le service "
    "ou corrigez le profil (politique : {policy}).",
    "E058": "le courriel de l'utilisateur est celui du représentant",
    "E058.hint": "chaque utilisateur a besoin de son propre courriel; le compte du "
    "représentant est géré à part.",
    "E059": "« {key} » est inscrit deux fois dans ce fichier (d'abord à la ligne "
    "{first_line})",
    "E059.hint": "gardez une seule entrée par personne et regroupez ses services.",
    "E060": "le compte « {key} » est aussi inscrit dans {other}",
    "E060.hint": "un compte appartient à un seul établissement : gardez-le dans un seul "
    "fichier.",
    "E061": "le courriel « {key} » est aussi utilisé dans {other}",
    "E061.hint": "les courriels sont uniques pour tous les comptes; chaque personne a "
    "besoin du sien.",
    "E062": "l'établissement « {key} » est aussi décrit dans {other}",
    "E062.hint": "gardez un fichier par établissement.",
    # --- avertissements ---------------------------------------------------------------
    "W101": "le service « {service} » est inhabituel pour un établissement de type "
    "« {type} »",
    "W101.hint": "« {service} » est habituellement pour : {allowed}; vérifiez que cette "
    "personne en a besoin.",
    "W102": "le représentant ne peut pas générer un nouveau code secret pour « {key} »",
    "W102.hint": "seuls les comptes créés par le service du représentant peuvent recevoir un "
    "nouveau code du représentant; le plan inscrira cette demande comme bloquée.",
    "W102.hint.ramq": "les comptes créés par la RAMQ (CE…, IP…) gèrent eux-mêmes leur mot de "
    "passe et leur code en ligne; le plan inscrira cette demande comme bloquée.",
    "W102.hint.professional": "les médecins, résidents et IPS gèrent eux-mêmes leur mot de passe "
    "et leur code en ligne; le plan inscrira cette demande comme bloquée.",
    "W103": "le représentant ne peut pas réinitialiser le mot de passe de « {key} »",
    "W103.hint": "seuls les comptes créés par le service du représentant peuvent voir leur mot "
    "de passe réinitialisé par le représentant; le plan inscrira cette demande comme bloquée.",
    "W103.hint.ramq": "les comptes créés par la RAMQ (CE…, IP…) réinitialisent eux-mêmes leur "
    "mot de passe en ligne; le plan inscrira cette demande comme bloquée.",
    "W103.hint.professional": "les médecins, résidents et IPS réinitialisent eux-mêmes leur mot "
    "de passe en ligne; le plan inscrira cette demande comme bloquée.",
    "W104": "le nom du fichier ne correspond pas à l'identifiant d'établissement « {id} »",
    "W104.hint": "renommez le fichier « {expected} » pour qu'il soit facile à trouver.",
    "W105": "le fichier est dans le dossier « {folder} », mais l'établissement est dans "
    "la région « {region} »",
    "W105.hint": "déplacez le fichier dans access/{region}/.",
    "W106": "l'accès de « {key} » a été révisé le {date}, il y a plus de {days} jours",
    "W106.hint": "révisez les accès avec le gestionnaire de la personne, puis mettez à jour "
    "« reviewed » (une erreur avec --strict).",
    # --- mots utilisés dans les messages ----------------------------------------------
    "where.file": "le fichier",
    "where.establishment": "« establishment »",
    "where.representative": "« representative »",
    "where.user": "l'utilisateur {n}",
    "where.policy": "la politique",
    "where.line": "{file} ligne {line}",
    "type.string": "du texte",
    "type.integer": "un nombre entier",
    "type.number": "un nombre",
    "type.boolean": "true ou false",
    "type.array": "une liste",
    "type.object": "un bloc de champs",
    "type.null": "vide",
    "type.date": "une date",
    "type.datetime": "une date et une heure",
    "example.string": "{field}: \"...\"",
    "example.integer": "{field}: 1",
    "example.boolean": "{field}: true",
    "example.array": "{field}: [premier, second]",
    "example.object": "{field}: suivi de champs indentés sur les lignes suivantes",
    "profile.medecin": "médecin",
    "profile.resident": "résident",
    "profile.ips": "infirmière praticienne spécialisée (IPS)",
    # --- sortie des commandes ---------------------------------------------------------
    "severity.error": "erreur",
    "severity.warning": "avertissement",
    "hint": "conseil :",
    "summary": "{files} fichier(s), {users} utilisateur(s) : {errors} erreur(s), "
    "{warnings} avertissement(s)",
    "problems.more_in_file": "{file} : {count} autre(s) problème(s) non affiché(s) "
    "({shown} sur {total} affichés : au plus {limit} par fichier)",
    "problems.more_in_run": "{count} autre(s) problème(s) dans {files} autre(s) fichier(s) "
    "non affiché(s) : au plus {limit} problèmes sont affichés par exécution",
    "valid": "Tous les fichiers d'accès sont valides.",
    "invalid": "Corrigez les erreurs ci-dessus, puis relancez validate.",
    "fatal": "erreur",
    "output_cut": "remarque : la sortie a été coupée (ce qui la lisait a cessé de la lire); "
    "la commande a continué jusqu'au bout, et son code de sortie dit comment elle s'est "
    "terminée.",
    # --- aide de la ligne de commande -------------------------------------------------
    "help.main": "Gérer les accès à RVSQ comme du code : valider les fichiers d'accès, "
    "planifier et appliquer les changements.",
    "help.lang": "Langue des messages (par défaut : RVSQ_LANG, sinon LANG, sinon anglais).",
    "help.no_color": "Ne pas colorer la sortie.",
    "help.validate": "Vérifier les fichiers d'accès (fichiers ou dossiers, ./access par "
    "défaut) et signaler chaque problème avec son fichier, sa ligne et un conseil.",
    "help.format": "Format de sortie.",
    "help.strict": "Traiter les avertissements comme des erreurs.",
    "help.policy": "Fichier de politique (par défaut : policy.yaml à la racine du dossier "
    "d'accès).",
    # --- planification (avec l'état) --------------------------------------------------
    "E070": "ce courriel est déjà utilisé par le compte RAMQ « {key} »",
    "E070.hint": "on ne peut pas ajouter RVSQ à un compte qu'une infirmière clinicienne "
    "utilise déjà : donnez à son nouveau compte un courriel différent de celui de son autre "
    "compte.",
    "E071": "« {key} » est le courriel du compte « {username} », qui est aussi inscrit dans "
    "{other}",
    "E071.hint": "gardez une seule entrée pour ce compte, avec « username: {username} ».",
    "B01": "le professionnel n'a pas encore de compte RAMQ",
    "B01.hint": "les médecins, résidents et IPS créent eux-mêmes leur compte avec le numéro "
    "de référence reçu par la poste; planifiez de nouveau une fois que c'est fait.",
    "B02": "le compte « {key} » est inconnu",
    "B02.hint": "chargez le répertoire de la RAMQ avec « rvsq-access state import-directory "
    "FICHIER.csv », ou retirez « username » pour créer un nouveau compte.",
    "B03": "ce courriel appartient déjà au compte « {holder} »",
    "B03.hint": "écrivez « username: {holder} » pour ajouter RVSQ à ce compte plutôt que d'en "
    "créer un nouveau.",
    "B04": "le compte est détenu par l'établissement « {owner} », qui ne fait pas partie de "
    "cette exécution",
    "B04.hint": "retirez-le d'abord du fichier de {owner}, ou planifiez les deux fichiers "
    "ensemble pour le déplacer.",
    "B05": "le représentant ne peut pas générer un nouveau code secret pour ce compte",
    "B05.hint": "seuls les comptes créés par le service du représentant peuvent recevoir un "
    "nouveau code du représentant.",
    "B05.hint.ramq": "les comptes créés par la RAMQ (CE…, IP…) gèrent eux-mêmes leur mot de "
    "passe et leur code en ligne; retirez « secret_code ».",
    "B05.hint.professional": "les médecins, résidents et IPS gèrent eux-mêmes leur mot de passe "
    "et leur code en ligne; retirez « secret_code ».",
    "B06": "le représentant ne peut pas réinitialiser ce mot de passe",
    "B06.hint": "seuls les comptes créés par le service du représentant peuvent voir leur mot "
    "de passe réinitialisé par le représentant.",
    "B06.hint.ramq": "les comptes créés par la RAMQ (CE…, IP…) réinitialisent eux-mêmes leur "
    "mot de passe en ligne; retirez « password_reset ».",
    "B06.hint.professional": "les médecins, résidents et IPS réinitialisent eux-mêmes leur mot "
    "de passe en ligne; retirez « password_reset ».",
    "B07": "le nouveau courriel « {email} » appartient déjà au compte « {holder} »",
    "B07.hint": "les courriels sont uniques : changez ou retirez d'abord le courriel de "
    "{holder}, appliquez, puis planifiez de nouveau.",
    "W201": "l'établissement « {establishment} » est dans l'état, mais aucun fichier ne le "
    "décrit : il n'est pas réconcilié",
    "W201.hint": "rien de ce qu'il détient ne change; pour le fermer, gardez son fichier avec "
    "« retired: true » et « users: [] ».",
    "W202": "{count} compte(s) de l'état n'appartiennent à aucun établissement "
    "({examples})",
    "W202.hint": "ils viennent du répertoire de la RAMQ ou ont été libérés; affichez-les avec "
    "« rvsq-access state list ».",
    "W203": "l'accès de « {key} » prend fin le {date}",
    "W203.hint": "tous ses services seront retirés à cette date; prolongez « expires » au "
    "besoin.",
    "W204": "l'accès de « {key} » a pris fin le {date} : aucun compte n'est créé",
    "W204.hint": "retirez l'entrée, ou corrigez « expires » si l'accès se poursuit.",
    "W205": "« {key} » est le courriel du compte « {username} » : l'entrée est planifiée "
    "comme ce compte",
    "W205.hint": "écrivez « username: {username} » dans cette entrée, comme l'état le connaît.",
    # --- état, application, codes, journal --------------------------------------------
    "E110": "une autre application détient encore le verrou de l'état après {timeout} s",
    "E110.hint": "rien n'a été changé. Attendez que l'autre application se termine, puis "
    "relancez la commande (apply et outbox acceptent --lock-timeout SECONDES pour attendre "
    "plus longtemps).",
    "E111": "« {url} » n'est pas un état que l'outil peut ouvrir",
    "E111.hint": "utilisez sqlite:///chemin/vers/state.db (par défaut : "
    "sqlite:///.rvsq/state.db) ou postgresql://utilisateur@hôte:port/base.",
    "E112": "le plan retire {count} comptes, plus que la limite de {limit} par exécution "
    "(--max-deletes)",
    "E112.hint": "vérifiez le plan; s'il est juste, ajoutez --max-deletes {count} ou "
    "--allow-mass-delete. Rien n'a été changé.",
    "E112.hint.plan": "vérifiez le plan; s'il est juste, lancez apply (et plan) avec "
    "--max-deletes {count} ou --allow-mass-delete.",
    "E113": "le plan retire {count} des {total} comptes de « {establishment} », plus que les "
    "{limit} qu'une exécution peut retirer sans --allow-mass-delete (le quart des comptes "
    "d'un établissement, ou 3)",
    "E113.hint": "vérifiez que ces retraits sont voulus (fermer un établissement retire tous "
    "ses comptes); si oui, ajoutez --allow-mass-delete. Rien n'a été changé.",
    "E113.hint.plan": "vérifiez que ces retraits sont voulus (fermer un établissement retire "
    "tous ses comptes); si oui, lancez apply (et plan) avec --allow-mass-delete.",
    "E114": "« {establishment} » recevrait {count} nouveau(x) code(s) secret(s), mais n'a pas "
    "d'« age_recipient » : sans terminal (comme dans la CI), la commande apply refuse de "
    "les émettre",
    "E114.hint": "ajoutez la clé publique age du représentant (donnée par « age-keygen ») "
    "comme « age_recipient » sous « representative », ou appliquez depuis un terminal. Rien "
    "n'a été changé.",
    "E114.hint.plan": "ajoutez la clé publique age du représentant (donnée par « age-keygen ») "
    "comme « age_recipient » sous « representative », ou appliquez depuis un terminal, où "
    "chaque code est affiché une seule fois.",
    "E115": "l'application demande une confirmation et aucun terminal ne permet de la "
    "demander",
    "E115.hint": "relisez le plan, puis lancez apply avec --auto-approve (comme le fait la "
    "CI). Rien n'a été changé.",
    "E116": "le plan a été fait pour le numéro d'état {planned}, mais l'état en est "
    "maintenant à {current}",
    "E116.hint": "l'état a changé depuis le plan : relancez plan. Rien n'a été changé.",
    "E117": "apply s'est arrêté à l'action {number} sur {total} ({action} {target}) : "
    "{reason}",
    "E117.hint": "cette action a été annulée en entier; les {done} d'avant sont appliquées "
    "et consignées.",
    "E118": "les fichiers d'accès ont changé depuis le plan",
    "E118.hint": "relancez plan sur les fichiers actuels. Rien n'a été changé.",
    "E119": "« {path} » n'est pas un plan fait par cet outil : {detail}",
    "E119.hint": "écrivez un plan avec « rvsq-access plan --out PLAN.json ».",
    "E120": "l'« age_recipient » de « {establishment} » n'est pas une clé publique age : "
    "« {recipient} »",
    "E120.hint": "copiez le destinataire exactement comme « age-keygen » l'a affiché (il "
    "commence par « age1 ») : un seul caractère erroné le rend inutilisable.",
    "E121": "le fichier d'identité ne contient aucune clé secrète age",
    "E121.hint": "indiquez le fichier fait par « age-keygen » (une ligne qui commence par "
    "AGE-SECRET-KEY-).",
    "E122": "ce fichier ne s'ouvre pas avec cette identité",
    "E122.hint": "utilisez l'identité dont la clé publique est l'« age_recipient » de "
    "l'établissement.",
    "E123": "l'état n'a aucun compte « {username} »",
    "E123.hint": "affichez les comptes avec « rvsq-access state list ».",
    "E124": "« {path} » ne peut pas être lu : {reason}",
    "E124.hint": "vérifiez le chemin et que vous avez le droit de le lire.",
    # Lectures bornées et typées (files.py) : ce qu'était le fichier donné à l'outil.
    "E170": "« {path} » n'existe pas",
    "E170.hint": "vérifiez le chemin (il part du dossier où la commande est lancée).",
    "E171": "« {path} » ne peut pas être lu : vous n'avez pas le droit de le lire",
    "E171.hint": "demandez le droit de lire ce fichier, ou copiez-le là où vous pouvez le "
    "lire.",
    "E172": "« {path} » est un dossier, pas un fichier",
    "E172.hint": "nommez le fichier lui-même, dans ce dossier.",
    "E173": "« {path} » est un tube nommé, pas un fichier : il n'a pas été lu",
    "E173.hint": "enregistrez dans un fichier ce que le tube donnerait, puis nommez ce "
    "fichier.",
    "E174": "« {path} » est un périphérique ou un point de connexion, pas un fichier : il "
    "n'a pas été lu",
    "E174.hint": "nommez un fichier ordinaire.",
    "E175": "« {path} » dépasse {limit_mib} Mio, le plus qu'un tel fichier puisse contenir : "
    "il n'a pas été lu",
    "E175.hint": "vérifiez que c'est le bon fichier : un fichier écrit par cet outil, ou "
    "préparé pour lui.",
    "E176": "« {path} » ne peut pas être lu (erreur système {error})",
    "E176.hint": "vérifiez le fichier et le disque où il se trouve, puis relancez la "
    "commande.",
    "E177": "« {path} » n'est pas un fichier scellé : son armure ASCII est abîmée",
    "E177.hint": "utilisez le fichier tel qu'apply l'a écrit dans .rvsq/codes/ : une "
    "modification, ou une copie par un outil qui change le texte, le brise.",
    "E178": "« {path} » s'ouvre avec cette identité, mais son contenu n'est pas une liste "
    "de codes écrite par cet outil : rien n'est affiché",
    "E178.hint": "le fichier a été fait ou modifié hors de rvsq-access : ne remettez rien "
    "de ce qu'il contient, et demandez à l'équipe qui lance apply le fichier qu'elle a "
    "écrit.",
    "E125": "le journal d'audit est brisé à l'entrée {seq} : {reason}",
    "E125.hint": "le journal a été modifié ou des entrées ont été retirées hors de cet outil; "
    "gardez la base de données telle quelle pour enquête et restaurez-la d'une sauvegarde.",
    "E126": "« {value} » n'est pas une date",
    "E126.hint": "écrivez la date sous la forme AAAA-MM-JJ.",
    "E127": "l'état ne peut pas être utilisé : {reason}",
    "E127.hint": "si une autre application est en cours, attendez-la; sinon vérifiez l'URL "
    "--state (ou RVSQ_STATE) et que la base de données est joignable.",
    "E128": "indiquez --establishment ID ou --all",
    "E128.hint": "par exemple : rvsq-access import --establishment gmf-hill-valley, ou "
    "rvsq-access import --all --out access.",
    "E129": "l'état n'a aucun établissement « {establishment} »",
    "E129.hint": "les établissements qu'il contient sont : {known}.",
    "E130": "--all demande --out DOSSIER",
    "E130.hint": "nommez un nouveau dossier, par exemple : rvsq-access import --all --out "
    "importe.",
    "E131": "« {path} » existe déjà ({count} fichier(s) en travers); rien n'a été écrit",
    "E131.hint": "import n'écrase jamais un fichier d'accès : choisissez un nouveau fichier "
    "ou un dossier vide.",
    "import.written": "{count} fichier(s) d'accès écrit(s) dans {path}. Vérifiez-les avec "
    "« rvsq-access plan » : il ne devrait montrer aucun changement.",
    "E132": "cet état est sur PostgreSQL, mais la prise en charge de PostgreSQL n'est pas "
    "installée",
    "E132.hint": "installez-la avec : pip install 'rvsq-access[postgres]'.",
    "E133": "« {url} » n'est pas une adresse de serveur de courriel utilisable",
    "E133.hint": "donnez à RVSQ_SMTP_URL la forme smtp://hôte:port (STARTTLS s'il est offert) "
    "ou smtps://hôte:port (TLS), ou retirez-la : les courriels attendent alors dans la "
    "boîte d'envoi de l'état.",
    "E134": "le plan enregistré « {path} » ne correspond pas à ce que donnent les fichiers "
    "et l'état",
    "E134.hint": "il a été modifié après sa création, ou fait par une autre version de "
    "l'outil : relancez plan et relisez-le. Rien n'a été changé.",
    "E135": "l'état contient un nom de fichier qui pourrait sortir de .rvsq (« {name} »)",
    "E135.hint": "la base de données a été modifiée hors de cet outil : gardez-la telle quelle "
    "pour enquête. Rien n'a été écrit.",
    "E136": "{origin} est défini, mais vide",
    "E136.hint": "indiquez où est l'état (sqlite:///chemin/vers/state.db, relatif au dossier "
    "de travail; sqlite:////chemin/absolu/state.db; ou "
    "postgresql://utilisateur@hôte:port/base), ou retirez-le pour utiliser .rvsq/state.db "
    "dans le dossier de travail.",
    "E137": "« {url} » ne peut pas contenir un état : aucun fichier qui survive à la "
    "commande n'y est nommé",
    "E137.hint": "nommez un fichier : sqlite:///chemin/vers/state.db (relatif au dossier de "
    "travail) ou sqlite:////chemin/absolu/state.db.",
    "E138": "il n'y a pas d'état à {location}",
    "E138.hint": "si l'état doit être là, créez-le une fois avec « rvsq-access state init » "
    "(avec le même --state ou RVSQ_STATE); sinon, indiquez l'état existant avec --state ou "
    "RVSQ_STATE (sqlite:///chemin est relatif au dossier de travail, sqlite:////chemin est "
    "absolu). Rien n'a été changé.",
    "E139": "{location} n'est pas un état de rvsq-access : il n'a jamais été initialisé",
    "E139.hint": "créez-y l'état avec « rvsq-access state init », ou indiquez l'état existant "
    "avec --state ou RVSQ_STATE. Rien n'a été changé.",
    "E140": "l'état à {location} a été fait par une version antérieure (schéma {found}; "
    "cette version utilise le schéma {known})",
    "E140.hint": "mettez-le à jour avec « rvsq-access state init » (apply le fait aussi); "
    "les commandes de lecture ne changent jamais un état. Rien n'a été changé.",
    "E141": "l'état à {location} a été fait par une version plus récente de rvsq-access "
    "(schéma {found}; cette version connaît jusqu'au schéma {known})",
    "E141.hint": "installez la version de rvsq-access qu'utilisent les autres exécutants. "
    "Rien n'a été changé.",
    "E142": "le plan enregistré « {path} » a été fait à partir d'un autre état "
    "({planned_location}, identifiant {planned_id}); cet état-ci est {location}, "
    "identifiant {id}",
    "E142.hint": "relancez plan à partir de cet état, ou indiquez avec --state ou RVSQ_STATE "
    "l'état à partir duquel le plan a été fait. Rien n'a été changé.",
    "E143": "la référence du changement n'est pas une seule ligne de texte imprimable d'au "
    "plus 500 caractères",
    "E143.hint": "donnez l'adresse d'une demande de fusion (pull request) ou un numéro de "
    "billet avec --change-ref (ou RVSQ_CHANGE_REF). Rien n'a été changé.",
    "E144": "l'emplacement de l'état « {url} » commence ou finit par une espace ou un saut "
    "de ligne, ou contient un caractère de contrôle",
    "E144.hint": "donnez-le de nouveau sans eux (un secret de la CI collé avec son saut de "
    "ligne, par exemple) : il nommerait un autre fichier que celui que vous visez. Rien n'a "
    "été changé.",
    "E145": "{location} contient autre chose qu'un état de rvsq-access",
    "E145.hint": "indiquez l'état avec --state ou RVSQ_STATE : rvsq-access garde ses tables "
    "dans un fichier ou une base de données qui leur sont propres. Rien n'a été changé.",
    "E146": "l'état à {location} n'a pas d'identifiant : il a été modifié hors de cet outil",
    "E146.hint": "gardez-le tel quel pour enquête et restaurez-le d'une sauvegarde; les plans "
    "ne pourraient pas le distinguer d'un autre état. Rien n'a été changé.",
    "state.upgraded": "L'état à {location} a été mis à jour (schéma {found} à {known}; "
    "identifiant {id}, numéro de série {serial}).",
    "E143.hint.plan": "donnez l'adresse d'une demande de fusion (pull request) ou un numéro "
    "de billet avec --change-ref (ou RVSQ_CHANGE_REF), au plan comme à la commande apply.",
    "E155": "--as-of {date} est hors des dates avec lesquelles l'outil peut travailler "
    "(du {first} au {last})",
    "E155.hint": "donnez une date entre le {first} et le {last} : par exemple le jour où une "
    "révision est due ou celui où un accès prend fin.",
    "E147": "l'état à {location} est endommagé : son enregistrement « {key} » (table meta) "
    "manque ou n'est pas ce que l'outil écrit (trouvé : {found})",
    "E147.hint": "rien n'a été changé. Gardez-le tel quel pour enquête, lancez « rvsq-access "
    "state check » pour voir tout ce qui ne va pas, et restaurez l'état d'une sauvegarde.",
    "E148": "le journal d'audit de l'état à {location} est endommagé à l'entrée {seq} : ses "
    "champs ne sont pas le JSON que l'outil écrit",
    "E148.hint": "rien n'a été changé. Gardez l'état tel quel pour enquête, lancez "
    "« rvsq-access audit verify » et restaurez l'état d'une sauvegarde.",
    "E149": "« {path} » est un lien symbolique : l'outil ne garde les codes scellés, les "
    "courriels et son cache que dans un dossier bien à lui",
    "E149.hint": "rien n'y a été écrit. Supprimez le lien (quelqu'un a pu le placer pour faire "
    "écrire l'outil ailleurs); l'outil créera alors un dossier privé à sa place.",
    "E151": "interrompu",
    "E151.hint": "un changement en cours a été annulé en entier; ce que la commande avait "
    "terminé avant est conservé. Relancez la commande.",
    "E152": "apply interrompu après {done} action(s) sur {total}",
    "E152.hint": "l'action en cours a été annulée en entier; celles d'avant sont appliquées "
    "et consignées.",
    "E153": "tous les changements sont appliqués ({total} action(s)), mais la livraison a "
    "échoué : « {path} » : {reason}",
    "E153.hint": "rien n'est perdu : ce qui n'a pas été livré attend dans l'état.",
    "E154": "la question est restée sans réponse (l'entrée s'est terminée)",
    "E154.hint": "rien n'a été changé. Relancez la commande dans un terminal, ou donnez "
    "chaque valeur en option.",
    "E156": "l'emplacement de l'état « {location} » ne peut pas être utilisé : {reason}",
    "E156.hint": "indiquez dans --state ou RVSQ_STATE un fichier dans un dossier existant, "
    "avec un chemin plus court s'il est trop long. Rien n'a été changé.",
    "E157": "l'emplacement de l'état {location} est un lien symbolique",
    "E157.hint": "rien n'a été lu ni changé. Nommez le fichier de l'état par son propre chemin "
    "dans --state ou RVSQ_STATE; si personne de votre équipe n'a créé ce lien, supprimez-le : "
    "il a pu être placé pour faire écrire l'outil ailleurs.",
    "E158": "le fichier de l'état {location} a été déplacé ou supprimé pendant apply : il "
    "s'est arrêté après {done} action(s) sur {total}",
    "E158.hint": "ces actions sont dans le fichier déplacé, et dans son journal (-wal) resté à "
    "côté de son ancien nom : remettez d'abord le fichier sous son nom (ne lancez pas "
    "« state init »), puis lancez « rvsq-access state check » et relancez « rvsq-access "
    "apply ».",
    "E193": "--lock-timeout {given} n'est pas un nombre de secondes entre 0 et {most}",
    "E193.hint": "indiquez combien de secondes attendre une autre application : 60 par "
    "défaut.",
    "E159": "apply interrompu avant d'avoir changé quoi que ce soit",
    "E159.hint": "rien n'a été changé. Relancez apply quand vous serez prêt.",
    "E191": "« {path} » ne peut pas être utilisé : {reason}",
    "E191.hint": "vérifiez qu'il existe et que vous pouvez le lire (ou y écrire), puis "
    "relancez la commande. Ce que la commande a dit avoir fait avant est fait.",
    "E192": "un nom ou un texte ne peut pas être écrit avec l'encodage de caractères de ce "
    "système : {reason}",
    "E192.hint": "utilisez des paramètres régionaux UTF-8 (par exemple LANG=fr_CA.UTF-8), "
    "puis relancez la commande.",
    "E199": "erreur interne inattendue ({kind}) : {reason}",
    "E199.hint": "c'est un défaut de rvsq-access : signalez-le avec la commande lancée. "
    "Définissez RVSQ_DEBUG=1 pour voir où il s'est produit. Ce que la commande a dit avoir "
    "fait avant est fait.",
    "state.created": "Nouvel état créé à {location} (identifiant {id}).",
    "state.exists": "L'état à {location} existe déjà (identifiant {id}, numéro de série "
    "{serial}); il est à jour.",
    "state.named": "État : {location} (identifiant {id}, numéro de série {serial})",
    "audit.break.missing": "une entrée manque ou est hors d'ordre",
    "audit.break.edited": "l'entrée a été modifiée après son écriture",
    "audit.break.truncated": "des entrées ont été retirées à la fin du journal",
    # --- state check (commands/state.py, check.py) -------------------------------------
    "E180": "exécution {run_id}, établissement « {establishment} » : le journal d'audit "
    "consigne {issued} code(s) scellé(s), mais l'état n'en a aucune copie scellée",
    "E180.hint": "la copie scellée a été retirée hors de cet outil et ces codes ne peuvent "
    "plus être remis : demandez-en de nouveaux pour les comptes de cette exécution (un "
    "nouveau jeton « secret_code »), et restaurez l'état à partir d'une sauvegarde pour "
    "enquêter.",
    "E181": "exécution {run_id}, établissement « {establishment} » : le journal d'audit "
    "consigne {issued} code(s) scellé(s), mais la copie scellée de l'état en contient {sealed}",
    "E181.hint": "la copie scellée ou le journal d'audit a été modifié hors de cet outil : "
    "gardez l'état tel quel pour enquête, restaurez-le à partir d'une sauvegarde et demandez "
    "de nouveaux codes pour les comptes de cette exécution.",
    "E182": "{path} n'est pas la copie scellée que l'état garde pour l'exécution {run_id}, "
    "établissement « {establishment} » ({size} octet(s) sur le disque, {expected} dans l'état)",
    "E182.hint": "le fichier a été tronqué ou remplacé après son écriture : ne le remettez "
    "pas. Gardez-le pour enquête; la copie de l'état est intacte : restaurez le fichier à "
    "partir des artefacts de l'exécution, ou demandez de nouveaux codes pour les comptes de "
    "cette exécution.",
    "E183": "{path} (exécution {run_id}, établissement « {establishment} ») ne peut pas être "
    "lu : {reason}",
    "E183.hint": "un fichier scellé est un fichier ordinaire écrit par cet outil : vérifiez "
    "ce qui l'a remplacé et que vous pouvez le lire, puis relancez « rvsq-access state "
    "check ».",
    "E184": "entrée d'audit {seq} : le compte « {username} » a été créé par l'exécution "
    "{run_id}, mais l'état n'a aucun courriel de création pour lui",
    "E184.hint": "la boîte d'envoi a été modifiée hors de cet outil : dites à l'utilisateur "
    "que son compte existe (avec les consignes de création), et restaurez l'état à partir "
    "d'une sauvegarde pour enquêter.",
    "E185": "entrée d'audit {seq} : ses champs ne peuvent pas être lus ({reason})",
    "E185.hint": "le journal d'audit a été modifié hors de cet outil : gardez l'état tel quel "
    "pour enquête et comparez le journal à la copie gardée hors de la base de données.",
    "E186": "l'état n'a pas de « {key} » (table meta)",
    "E186.hint": "l'état a été modifié hors de cet outil : gardez-le tel quel pour enquête et "
    "restaurez-le à partir d'une sauvegarde.",
    "E187": "« {key} » vaut « {value} » dans l'état, et non {expected}",
    "E187.hint": "l'état a été modifié hors de cet outil : gardez-le tel quel pour enquête et "
    "restaurez-le à partir d'une sauvegarde.",
    "E188": "le numéro de série de l'état est {serial}, mais le journal d'audit consigne "
    "{count} changement(s)",
    "E188.hint": "chaque changement avance le numéro de série d'un et écrit une entrée "
    "d'audit : le numéro ou le journal a été modifié hors de cet outil. Gardez l'état tel "
    "quel pour enquête et comparez le journal à la copie gardée hors de la base de données.",
    "E189": "la tête du journal d'audit désigne l'entrée {head_seq} ({head_hash}), mais le "
    "journal se termine à l'entrée {last_seq} ({last_hash})",
    "E189.hint": "des entrées ont été retirées à la fin du journal, ou la tête a été "
    "modifiée : gardez l'état tel quel pour enquête et comparez le journal à la copie gardée "
    "hors de la base de données.",
    "check.ok": "L'état à {location} est cohérent : {entries} entrée(s) d'audit, chaîne "
    "intacte, numéro de série {serial}; {sealed} code(s) scellé(s) dans {copies} copie(s) "
    "scellée(s), comme le consigne le journal d'audit, {shown} affiché(s) au terminal; "
    "fichiers scellés : {identical} identique(s) à l'état, {elsewhere} absent(s) de cette "
    "machine, {pending} en attente d'écriture; {created} compte(s) créé(s), chacun avec son "
    "courriel de création.",
    "check.unknown": "{unknown} code(s) émis avant que les entrées d'audit disent où vont les "
    "codes ne sont pas comptés.",
    "check.failed": "{count} problème(s) dans l'état à {location}. La vérification n'a rien "
    "changé.",
    "check.not_an_object": "ce n'est pas un objet JSON",
    "check.not_a_file": "ce n'est pas un fichier ordinaire",
    "check.not_json": "ce n'est pas du JSON, à partir du caractère {position}",
    "check.no_permission": "vous n'avez pas le droit de le lire",
    "check.expected.serial": "un nombre entier",
    "check.expected.audit_head": "un numéro d'entrée suivi de son empreinte",
    # --- import du répertoire ---------------------------------------------------------
    "E080": "le fichier CSV n'a pas de colonne {columns}",
    "E080.hint": "la première ligne doit nommer les colonnes : username, email, title, "
    "first_name, last_name, profile, professional_number.",
    "E081": "« {value} » n'est pas un nom d'utilisateur RAMQ",
    "E081.hint": "CE, IP ou IELP suivi de chiffres, en majuscules, ou un courriel.",
    "E082": "« {value} » n'est pas une adresse courriel valide",
    "E082.hint": "écrivez une adresse complète comme martin.macfly@example.org.",
    "E083": "« {value} » n'est pas une valeur acceptée pour {field}",
    "E083.hint": "utilisez l'un de : {allowed}.",
    "E084": "« {value} » n'est pas un numéro de professionnel valide pour ce profil",
    "E084.hint": "médecins 1-…, résidents 5-…, IPS 8-1… : de 5 à 7 chiffres en tout.",
    "E085": "« {value} » est déjà utilisé à la ligne {first_line}",
    "E085.hint": "chaque compte paraît une seule fois, avec son propre courriel.",
    "E086": "le courriel « {value} » appartient à un autre compte de l'état (« {holder} »)",
    "E086.hint": "corrigez le courriel, ou le nom d'utilisateur s'il s'agit de la même "
    "personne.",
    "E150": "« {username} » est géré par un fichier d'accès ({establishment}) : cette ligne "
    "changerait {changes}",
    "E150.hint": "corrigez cette ligne; ou, si le répertoire a raison, relancez l'import avec "
    "--update-managed et corrigez aussi le fichier d'accès, sinon le prochain plan remettra "
    "ses valeurs.",
    "import.value": "« {value} »",
    "import.change": "{field} {old} → {new}",
    "import.done": "{count} compte(s) RAMQ existant(s) importé(s) de {path}; aucun accès n'a "
    "été accordé.",
    "import.failed": "Rien n'a été importé : corrigez les lignes ci-dessus, puis relancez "
    "l'import.",
    "import.managed_updated": "{count} compte(s) géré(s) par des fichiers d'accès mis à jour "
    ": {accounts}. Corrigez aussi ces fichiers d'accès, sinon le prochain plan remettra "
    "leurs valeurs.",
    # --- courriels (français puis anglais, composés par mail.py) ----------------------
    "mail.created.subject": "Votre accès à Rendez-vous santé Québec",
    "mail.created.body": "Bonjour {name},\n\n"
    "{establishment} a créé votre compte aux services en ligne de la RAMQ, avec l'accès à "
    "Rendez-vous santé Québec (RVSQ). Votre nom d'utilisateur est : {username}\n\n"
    "Pour terminer votre inscription, vous aurez besoin d'un code secret. Le représentant "
    "de votre établissement vous le remettra directement; il n'est jamais envoyé par "
    "courriel.\n\n"
    "Attendez 24 heures avant de vous connecter pour la première fois (à partir du "
    "{available_at}).\n\n"
    "Si vous n'attendiez pas ce message, avisez le représentant de votre établissement.",
    "mail.reset.subject": "Réinitialisation de votre mot de passe aux services en ligne de "
    "la RAMQ",
    "mail.reset.body": "Bonjour {name},\n\n"
    "{establishment} a demandé la réinitialisation de votre mot de passe, pour le nom "
    "d'utilisateur : {username}\n\n"
    "Suivez les consignes que les services en ligne de la RAMQ vous envoient pour choisir "
    "un nouveau mot de passe. Personne de votre établissement ne vous demandera jamais "
    "votre mot de passe.\n\n"
    "Si vous n'avez rien demandé, avisez le représentant de votre établissement.",
    # --- la boîte d'envoi : échecs gardés sur un message, et « outbox » ---------------
    "E160": "RVSQ_SMTP_URL n'est pas défini : aucun serveur de courriel ne peut envoyer les "
    "courriels",
    "E160.hint": "donnez à RVSQ_SMTP_URL la forme smtp://hôte:port ou smtps://hôte:port "
    "(avec RVSQ_SMTP_USER et RVSQ_SMTP_PASSWORD si le serveur demande une connexion), ou "
    "écrivez les courriels en fichiers .eml avec « rvsq-access outbox export DOSSIER » et "
    "envoyez-les à la main. Rien n'a été changé.",
    "E161": "l'adresse « {address} » contient, avant le @, des caractères hors ASCII, et le "
    "serveur de courriel n'offre pas SMTPUTF8",
    "E161.hint": "envoyez ce courriel par un serveur qui offre SMTPUTF8 (RVSQ_SMTP_URL), ou "
    "à la main (« rvsq-access outbox export DOSSIER ») ; les autres courriels ne sont pas "
    "retenus.",
    "E162": "le domaine de l'adresse « {address} » ne peut pas s'écrire en ASCII (IDNA)",
    "E162.hint": "vérifiez l'adresse dans le fichier d'accès, ou envoyez ce courriel à la "
    "main (« rvsq-access outbox export DOSSIER ») ; les autres courriels ne sont pas "
    "retenus.",
    "E163": "les courriels ne peuvent pas être écrits dans « {path} » : {reason}",
    "E163.hint": "nommez un dossier où vous pouvez écrire (il est créé s'il manque). Aucun "
    "courriel n'a été marqué comme exporté : ils attendent tous encore.",
    "E164": "RVSQ_SMTP_URL contient un identifiant (nom d'utilisateur ou mot de passe) pour "
    "« {url} » : l'outil ne prend l'identifiant que dans RVSQ_SMTP_USER et "
    "RVSQ_SMTP_PASSWORD",
    "E164.hint": "retirez l'identifiant de RVSQ_SMTP_URL (smtp://hôte:port ou "
    "smtps://hôte:port) et donnez-le dans RVSQ_SMTP_USER et RVSQ_SMTP_PASSWORD. Rien n'a "
    "été changé.",
    "E165": "outbox send interrompu : {sent} courriel(s) envoyé(s) par {where}",
    "E165.hint": "les courriels envoyés sont consignés et ne seront plus envoyés; celui en "
    "cours d'envoi au moment de l'arrêt, si le serveur l'avait déjà pris, pourrait arriver "
    "deux fois.",
    "E166": "outbox export interrompu : {written} courriel(s) sur {total} écrit(s) dans "
    "« {path} »",
    "E166.hint": "chaque fichier du dossier est entier : aucun n'est tronqué.",
    # --- sortie du plan ---------------------------------------------------------------
    "plan.establishment": "Établissement {id} ({name}, région {region})",
    "plan.kind.create_establishment": "créer l'établissement",
    "plan.kind.update_establishment": "mettre à jour l'établissement",
    "plan.kind.create_account": "créer le compte",
    "plan.kind.grant_services": "accorder",
    "plan.kind.revoke_services": "retirer",
    "plan.kind.update_account": "mettre à jour",
    "plan.kind.regenerate_code": "nouveau code secret",
    "plan.kind.reset_password": "réinitialiser le mot de passe",
    "plan.kind.delete_account": "supprimer le compte",
    "plan.released": "libéré de l'établissement (le compte RAMQ lui-même reste)",
    "plan.blocked": "bloqué",
    "plan.warnings": "Avertissements :",
    "plan.no_changes": "Aucun changement. L'état correspond aux fichiers d'accès.",
    "plan.summary": "Plan : {create_account} à créer, {grant_services} à accorder, "
    "{revoke_services} à retirer, {update_account} à mettre à jour, {regenerate_code} "
    "nouveau(x) code(s), {reset_password} réinitialisation(s), {delete_account} à supprimer, "
    "{blocked} bloqué(s).",
    "plan.summary.establishments": "Plan : {create_account} à créer, {grant_services} à "
    "accorder, {revoke_services} à retirer, {update_account} à mettre à jour, "
    "{regenerate_code} nouveau(x) code(s), {reset_password} réinitialisation(s), "
    "{delete_account} à supprimer, {blocked} bloqué(s); établissement(s) : "
    "{create_establishment} à créer, {update_establishment} à mettre à jour.",
    "plan.saved": "Plan enregistré dans {path}. Appliquez-le avec : rvsq-access apply "
    "--plan {path}",
    "plan.refusal.heading": "La commande apply refuserait ce plan, sans rien changer :",
    "plan.refusal.summary": "La commande apply refuserait ce plan : {count} refus, énumérés "
    "en haut.",
    "plan.refusal.help_max_deletes": "Le --max-deletes avec lequel apply sera lancé : au-delà, "
    "les retraits sont montrés comme un refus.",
    "plan.refusal.help_allow_mass_delete": "Planifier comme pour apply --allow-mass-delete : "
    "le garde-fou des retraits ne refuse rien.",
    "plan.refusal.md": "La commande apply refuserait ce plan ({count})",
    "plan.refusal.md_intro": "La commande apply s'arrête avant de changer quoi que ce soit "
    "tant qu'il en reste un : corrigez-le, ou lancez apply avec l'option qu'il nomme.",
    "plan.refusal.runbook": "Attention : retraits nombreux",
    "plan.refusal.runbook_intro": "La commande apply, lancée par la CI, s'arrêterait avant "
    "ces retraits (son garde-fou). Vérifiez avec l'établissement qu'ils sont voulus avant "
    "de retirer qui que ce soit dans le portail.",
    "plan.refusal.report": "La commande apply refuserait ce plan",
    # --- sortie de apply --------------------------------------------------------------
    "apply.confirm": "Appliquer ces changements?",
    "apply.cancelled": "Rien n'a été changé.",
    "import.waiting": "Une application détient le verrou de l'état; attente d'au plus "
    "{timeout} s avant l'importation…",
    "apply.waiting": "Une autre application détient le verrou de l'état; attente d'au plus "
    "{timeout} s…",
    "apply.progress": "Application",
    "apply.done": "{count} action(s) appliquée(s) (exécution {run_id}).",
    "apply.nothing": "Rien à appliquer.",
    "apply.login": "{username} pourra se connecter à partir du {available_at} (environ 24 "
    "heures après la création).",
    "apply.login_many": "Les {count} nouveaux utilisateurs pourront se connecter au plus tard "
    "le {available_at} (environ 24 heures après la création).",
    "apply.code_files": "Les nouveaux codes secrets sont scellés dans {path}; ouvrez-les "
    "avec : rvsq-access codes reveal {path} --identity FICHIER-CLE",
    "apply.codes_shown": "Nouveaux codes secrets, affichés une seule fois : remettez chacun à "
    "son utilisateur en main propre. Ils ne sont conservés nulle part.",
    "apply.emails": "{count} courriel(s) livré(s) dans {path}.",
    "apply.emails_waiting": "{count} courriel(s) attendent dans la boîte d'envoi de l'état, "
    "non envoyé(s) : RVSQ_SMTP_URL n'est pas défini. Envoyez-les avec « rvsq-access outbox "
    "send » une fois qu'il l'est, ou écrivez-les en fichiers .eml avec « rvsq-access outbox "
    "export DOSSIER » et envoyez-les à la main.",
    "apply.emails_failed": "{count} courriel(s) n'ont pas pu être livrés par {where} : "
    "{error}. Ils attendent dans la boîte d'envoi de l'état : envoyez-les avec « rvsq-access "
    "outbox send » (la prochaine application essaie aussi), ou écrivez-les en fichiers .eml "
    "avec « rvsq-access outbox export DOSSIER » et envoyez-les à la main.",
    "outbox.header": "identifiant\tstatut\ttype\tdestinataire\ttentatives\tcréé\tdernière erreur "
    "ou livraison",
    "outbox.status.pending": "en attente",
    "outbox.status.failed": "en échec",
    "outbox.status.sent": "envoyé",
    "outbox.status.exported": "exporté",
    "outbox.kind.created": "création de compte",
    "outbox.kind.reset": "réinitialisation du mot de passe",
    "outbox.sent_at": "envoyé le {at}",
    "outbox.exported_at": "exporté le {at} dans {folder}",
    "outbox.none_waiting": "Aucun courriel n'attend dans la boîte d'envoi.",
    "outbox.empty": "La boîte d'envoi est vide.",
    "outbox.counts": "En attente : {pending}, en échec : {failed}, envoyés : {sent}, "
    "exportés : {exported}.",
    "outbox.sent": "{count} courriel(s) envoyé(s) par {where}.",
    "outbox.failed": "{count} courriel(s) n'ont pas pu être envoyés par {where} : {error}. "
    "Ils attendent : relancez « rvsq-access outbox send », ou écrivez-les en fichiers .eml "
    "avec « rvsq-access outbox export DOSSIER » et envoyez-les à la main.",
    "outbox.nothing": "Aucun courriel n'attend : rien à envoyer.",
    "outbox.exported": "{count} courriel(s) écrit(s) dans {path}, un fichier .eml chacun : "
    "envoyez-les à la main. Ils sont marqués comme exportés et ne seront plus envoyés.",
    "outbox.nothing_exported": "Aucun courriel n'attend : rien n'a été écrit.",
    "outbox.why.not_folder": "un fichier est là : ce n'est pas un dossier",
    "outbox.why.denied": "vous ne pouvez pas y écrire",
    "outbox.why.full": "le disque est plein",
    "outbox.why.link": "un lien symbolique est là",
    "outbox.reason": "{reason} ({count} courriel(s))",
    "outbox.reasons_other": "et {count} courriel(s) pour {reasons} autre(s) raison(s)",
    "outbox.reasons_joiner": " ; ",
    "outbox.ending.waiting": "Encore en attente : {count} courriel(s). Pour terminer : "
    "relancez « {command} ».",
    "outbox.ending.none_waiting": "Plus aucun courriel n'attend.",
    "outbox.ending.unknown": "Impossible de lire ce qui attend encore : l'état ne répond "
    "pas. Relancez « {command} » quand il répondra.",
    "outbox.ending.marked": "Les {count} courriel(s) écrit(s) sont marqués comme exportés : "
    "envoyez-les à la main; ils ne seront plus envoyés.",
    "outbox.ending.unmarked": "Les {count} courriel(s) écrit(s) n'ont pas pu être marqués "
    "comme exportés ({reason}) : ils comptent encore comme en attente, et « {command} » "
    "les écrit de nouveau sous les mêmes noms (sans fichier en double).",
    "apply.ending.done": "Appliqué et consigné : {done} action(s) sur {total} (exécution "
    "{run_id}).",
    "apply.ending.unknown": "Impossible de lire ce qui attend d'être livré : l'état ne répond "
    "pas. Relancez « rvsq-access apply » quand il répondra : il livrera ce qui attend.",
    "apply.ending.rest": "Pour terminer : corrigez la cause, puis relancez « rvsq-access "
    "apply »; il planifie et applique la ou les {count} action(s) restantes et livre ce qui "
    "attend.",
    "apply.ending.waiting": "En attente de livraison : {emails} courriel(s) et {sealed} "
    "fichier(s) de codes scellés.",
    "apply.ending.sealed": "Pour écrire les codes scellés dans « {folder} » : relancez "
    "« rvsq-access apply » (il les écrit même s'il n'y a rien d'autre à appliquer).",
    "apply.ending.emails": "Pour livrer les courriels : « rvsq-access outbox send » (avec "
    "RVSQ_SMTP_URL), ou « rvsq-access outbox export DOSSIER » pour les envoyer à la main.",
    "apply.blocked": "{count} entrée(s) restent bloquées : voyez le plan pour ce qu'il faut "
    "à chacune.",
    # --- sortie de state, codes et audit ----------------------------------------------
    "state.empty": "L'état ne contient aucun compte.",
    "state.header": "nom d'utilisateur\tcourriel\tétablissement\torigine\tservices",
    "state.show": "nom d'utilisateur : {username}\ncourriel : {email}\nnom : {title} "
    "{first_name} {last_name}\nprofil : {profile}\nnuméro de professionnel : "
    "{professional_number}\nétablissement : {establishment}\norigine : {origin}\nservices : "
    "{services}\nexpire : {expires}\nrévisé : {reviewed}\nbillet : {ticket}\ncode secret "
    "émis : {code_issued_at}\ndernière réinitialisation : {reset_at}\ncréé : {created_at}\n"
    "mis à jour : {updated_at}",
    "audit.ok": "Le journal d'audit est vérifié : {count} entrée(s), la chaîne est intacte.",
    "audit.empty": "Le journal d'audit est vide.",
    "none": "—",
    # --- aide de la ligne de commande (suite) -----------------------------------------
    "help.state": "Où est l'état : sqlite:///chemin (relatif au dossier de travail; par "
    "défaut : sqlite:///.rvsq/state.db), sqlite:////chemin/absolu ou "
    "postgresql://utilisateur@hôte:port/base; ou RVSQ_STATE. Créez-le une fois avec "
    "« state init ».",
    "help.no_cache": "Relire tous les fichiers plutôt que de réutiliser .rvsq/cache/ (sinon, "
    "les fichiers dont le contenu n'a pas changé ne sont pas relus).",
    "help.actor": "Qui applique, pour le journal d'audit (par défaut : l'utilisateur de la "
    "CI, sinon le nom de connexion).",
    "help.change_ref": "Le changement appliqué, consigné dans chaque entrée du journal de "
    "l'exécution (l'adresse d'une demande de fusion, par exemple); ou RVSQ_CHANGE_REF.",
    "help.state_init": "Créer l'état (à --state ou RVSQ_STATE, par défaut .rvsq/state.db), "
    "ou mettre à jour un état existant. La seule commande qui crée un état.",
    "help.plan": "Montrer ce que apply changerait : créations, accès accordés ou retirés, "
    "mises à jour, nouveaux codes, réinitialisations, suppressions et entrées bloquées.",
    "help.plan_format": "Format de sortie du plan.",
    "help.out": "Enregistrer aussi le plan en JSON dans ce fichier, pour apply --plan.",
    "help.detailed_exitcode": "Sortir avec 1 si la commande apply refuserait le plan, sinon "
    "avec 2 si le plan a des changements, 0 sinon.",
    "help.apply": "Appliquer les fichiers d'accès (ou un plan enregistré) à l'état : une "
    "transaction par action, avec son entrée de journal et ses courriels.",
    "help.plan_file": "Appliquer ce plan enregistré, refusé si l'état ou les fichiers ont "
    "changé.",
    "help.auto_approve": "Ne pas demander de confirmation (pour la CI).",
    "help.max_deletes": "Refuser de retirer plus de comptes que ceci en une exécution.",
    "help.allow_mass_delete": "Permettre des retraits au-delà du garde-fou.",
    "help.lock_timeout": "Secondes d'attente si une autre application est en cours.",
    "help.state_group": "Créer l'état, le consulter, ou y charger le répertoire de la RAMQ.",
    "help.state_list": "Lister tous les comptes de l'état.",
    "help.state_show": "Afficher un compte.",
    "help.state_check": "Vérifier l'état, en lecture seule : chaque code scellé a sa copie "
    "scellée, chaque fichier scellé de cette machine lui est identique, chaque compte créé a "
    "son courriel de création, le journal d'audit se vérifie, le numéro de série et la tête "
    "du journal concordent avec lui.",
    "help.import_directory": "Charger des comptes RAMQ existants d'un fichier CSV (username, "
    "email, title, first_name, last_name, profile, professional_number); n'accorde rien.",
    "help.update_managed": "Mettre aussi à jour les comptes gérés par des fichiers d'accès "
    "quand le CSV les change (sinon l'import est refusé); corrigez ensuite ces fichiers "
    "aussi.",
    "help.codes": "Ouvrir des codes secrets scellés.",
    "help.codes_reveal": "Déchiffrer un fichier de codes scellés avec l'identité age du "
    "représentant et afficher les codes.",
    "help.identity": "Le fichier d'identité age (fait par age-keygen).",
    "help.outbox": "Voir, envoyer ou écrire les courriels qui attendent dans la boîte "
    "d'envoi de l'état.",
    "help.outbox_list": "Lister les courriels qui attendent (en attente ou en échec) : "
    "identifiant, type, destinataire, tentatives, dernière erreur. Ne change rien.",
    "help.outbox_all": "Lister aussi les courriels envoyés et exportés.",
    "help.outbox_send": "Envoyer les courriels qui attendent par RVSQ_SMTP_URL ; code de "
    "sortie 4 s'il en reste.",
    "help.outbox_export": "Écrire les courriels qui attendent en fichiers .eml dans DOSSIER "
    "(créé s'il manque), pour les envoyer à la main, et les marquer comme exportés.",
    "help.audit": "Vérifier et lire le journal d'audit.",
    "help.audit_verify": "Vérifier qu'aucune entrée du journal n'a été modifiée ou retirée.",
    "help.audit_log": "Afficher le journal d'audit.",
    "help.since": "Seulement les entrées à partir de cette date (AAAA-MM-JJ).",
    "help.as_of": "Vérifier les révisions et les échéances à cette date plutôt "
    "qu'aujourd'hui.",
    "help.report": "Écrire un rapport de simulation pour les auditeurs : inventaire, plan en "
    "attente, entrées bloquées, comptes et codes récents, révisions dues, comptes sans "
    "fichier.",
    "help.report_out": "Écrire le rapport dans ce fichier plutôt qu'à la sortie standard.",
    "help.import": "Écrire des fichiers d'accès (YAML) pour ce que contient l'état, qui ne "
    "planifient aucun changement.",
    "help.import_one": "L'établissement à écrire.",
    "help.import_all": "Écrire tous les établissements de l'état.",
    "help.import_out": "Le nouveau fichier (avec --establishment; par défaut : la sortie "
    "standard) ou le nouveau dossier (avec --all) à écrire.",
    "help.user": "Modifier un fichier d'accès sur place, en gardant ses commentaires, puis le "
    "valider.",
    "help.user_add": "Ajouter un utilisateur à un fichier d'accès (demande ce qui manque dans "
    "un terminal).",
    "help.user_email": "Le courriel de l'utilisateur.",
    "help.user_title": "Titre de civilité.",
    "help.user_first_name": "Prénom.",
    "help.user_last_name": "Nom.",
    "help.user_profile": "Profil.",
    "help.user_service": "Un service à accorder (répétez pour plusieurs).",
    "help.user_username": "Un compte RAMQ existant (CE…, IP…, IELP… ou un courriel).",
    "help.user_professional_number": "Numéro de professionnel (médecins, résidents, IPS).",
    "help.user_remove": "Retirer un utilisateur (par nom d'utilisateur, ou courriel pour un "
    "nouveau compte).",
    "help.user_services": "Ajouter ou retirer des services à un utilisateur.",
    "help.user_services_add": "Un service à ajouter (répétez pour plusieurs).",
    "help.user_services_remove": "Un service à retirer (répétez pour plusieurs).",
    "help.user_rotate_code": "Demander un nouveau code secret pour un utilisateur.",
    "help.user_reset_password": "Demander la réinitialisation du mot de passe d'un "
    "utilisateur.",
    "help.user_token": "Le jeton de la demande (par défaut : la date et l'heure actuelles).",
    # --- markdown plan and runbook (render/plan_markdown.py, render/runbook.py) -------
    "md.title": "Plan d'accès RVSQ",
    "md.meta": "État {location} (identifiant `{id}`, numéro de série {serial}) · "
    "configuration `{digest}`",
    "md.col.region": "Région",
    "md.col.establishment": "Établissement",
    "md.col.create_establishment": "Nouvel établissement",
    "md.col.update_establishment": "Fiche mise à jour",
    "md.col.create_account": "Créations",
    "md.col.grant_services": "Accès accordés",
    "md.col.revoke_services": "Accès retirés",
    "md.col.update_account": "Mises à jour",
    "md.col.regenerate_code": "Nouveaux codes",
    "md.col.reset_password": "Réinitialisations",
    "md.col.delete_account": "Suppressions",
    "md.col.blocked": "Bloqués",
    "md.establishments": "{count} établissement(s)",
    "md.total": "Total",
    "md.people": "Changements par personne",
    "md.line": "{who} : {what}",
    "md.establishment": "{name} ({id}, région {region})",
    "md.establishment.new": "Nouvel établissement : sa fiche est créée",
    "md.establishment.retired": "Établissement fermé (retired) : tous les comptes qu'il "
    "détient sont retirés",
    "md.establishment.updated": "Fiche de l'établissement mise à jour : {fields}",
    "md.person.new_account": "nouveau compte",
    "md.person.added": "compte RAMQ existant ajouté",
    "md.person.moved": "transféré de {establishment}",
    "md.person.new_code": "nouveau code secret",
    "md.person.reset": "réinitialisation du mot de passe",
    "md.person.deleted": "compte supprimé",
    "md.person.released": "libéré (le compte RAMQ reste)",
    "md.person.updated": "mis à jour : {fields}",
    "md.person.ticket": "billet {ticket}",
    "md.blocked": "Entrées bloquées ({count})",
    "md.warnings": "Avertissements ({count})",
    "md.details": "Plan complet : {count} action(s)",
    "md.more": "… {count} autre(s) ligne(s) omise(s)",
    "md.truncated": "**Ce commentaire a été raccourci** pour respecter la limite de taille de "
    "GitHub : {count} ligne(s) omise(s). Lancez `rvsq-access plan` sur votre poste pour voir "
    "le plan complet.",
    "runbook.title": "Marche à suivre dans le portail de la RAMQ",
    "runbook.intro": "Pour les établissements qui font encore ces changements à la main dans "
    "les services en ligne de la RAMQ. Suivez les procédures dans l'ordre, un établissement à "
    "la fois. Les écrans, les boutons et les cases sont nommés comme dans le portail.",
    "runbook.meta": "Plan établi à partir de l'état {location} (identifiant `{id}`, "
    "numéro de série {serial}; configuration `{digest}`).",
    "runbook.establishment": "{name} (région {region})",
    "runbook.representative": "Représentant désigné : {name}",
    "runbook.new_establishment": "Nouvel établissement : l'outil crée sa fiche. Rien à faire "
    "pour elle dans le portail : suivez les étapes ci-dessous pour ses utilisateurs.",
    "runbook.login.title": "D'abord, se connecter",
    "runbook.login.connect": "Connectez-vous aux services en ligne de la RAMQ avec votre nom "
    "d'utilisateur et votre mot de passe.",
    "runbook.login.service": "Cliquez sur « Inscription d'utilisateurs par un représentant "
    "désigné ». La liste des utilisateurs que vous avez inscrits s'affiche (« Nom », "
    "« Prénom », « Nom d'utilisateur »).",
    "runbook.field": "« {label} » : {value}",
    "runbook.change": "« {label} » : {old} → {new}",
    "runbook.h.create": "Créer un compte : {name}",
    "runbook.h.join": "Ajouter RVSQ à un compte existant : {name}",
    "runbook.h.grant": "Ajouter des services : {name}",
    "runbook.h.revoke": "Retirer des services : {name}",
    "runbook.h.update": "Corriger les renseignements : {name}",
    "runbook.h.release": "Retirer de l'établissement : {name}",
    "runbook.h.code": "Nouveau code secret : {name}",
    "runbook.h.reset": "Réinitialiser le mot de passe : {name}",
    "runbook.h.delete": "Supprimer le compte : {name}",
    "runbook.step.add_user": "Cliquez sur le bouton « Ajouter un utilisateur ».",
    "runbook.step.has_account": "Sous la question « L'utilisateur a-t-il déjà un compte? », "
    "cochez {answer}.",
    "runbook.step.fill": "Remplissez le formulaire :",
    "runbook.step.tick_only": "Sous « Services », cochez ces cases, et seulement celles-ci :",
    "runbook.step.submit": "Cliquez sur le bouton « Ajouter un utilisateur » au bas du "
    "formulaire. La RAMQ envoie à {email} un courriel avec les consignes de création du "
    "compte.",
    "runbook.step.code_created": "Un code secret s'affiche dans la confirmation : notez-le et "
    "remettez-le vous-même à {name}, en personne ou par téléphone, jamais par courriel. Cette "
    "personne en aura besoin pour terminer son inscription aux services en ligne de la RAMQ.",
    "runbook.step.wait": "Avisez {name} d'attendre 24 heures avant de se connecter à RVSQ pour "
    "la première fois.",
    "runbook.step.username": "Inscrivez son nom d'utilisateur : {username}",
    "runbook.step.submit_existing": "Cliquez sur le bouton « Ajouter un utilisateur » au bas "
    "du formulaire.",
    "runbook.note.existing": "{name} garde son nom d'utilisateur et son mot de passe "
    "habituels : il n'y a aucun code secret à transmettre.",
    "runbook.note.moved": "Ce compte était rattaché à {establishment} : demandez à son "
    "représentant de le retirer de sa liste.",
    "runbook.note.clinical": "Infirmière clinicienne : RVSQ exige un nouveau compte, avec ce "
    "courriel, même si la personne utilise déjà les services en ligne de la RAMQ pour autre "
    "chose.",
    "runbook.step.open": "Dans la liste des utilisateurs, repérez {name} (nom d'utilisateur "
    "{username}) et cliquez sur son nom.",
    "runbook.step.update": "Cliquez sur « Mettre à jour ».",
    "runbook.step.tick": "Sous « Services », cochez ces cases (laissez les autres telles "
    "quelles) :",
    "runbook.step.untick": "Sous « Services », décochez ces cases (laissez les autres telles "
    "quelles) :",
    "runbook.step.correct": "Corrigez ces champs :",
    "runbook.step.untick_all": "Sous « Services », décochez toutes les cases :",
    "runbook.step.untick_none": "Sous « Services », vérifiez qu'aucune case n'est cochée.",
    "runbook.step.remove": "De retour dans la liste, cliquez sur « Supprimer » à côté de son "
    "nom.",
    "runbook.note.released": "Seul le lien avec votre établissement prend fin : {name} garde "
    "son propre compte RAMQ et ses autres services en ligne.",
    "runbook.step.code_box": "Cliquez dans la case « Générer un nouveau code secret » et "
    "inscrivez le courriel de l'utilisateur : {email}",
    "runbook.step.code_shown": "Un nouveau code secret s'affiche à l'écran : notez-le et "
    "remettez-le vous-même à {name}, jamais par courriel. L'ancien code ne fonctionne plus.",
    "runbook.step.reset_box": "Cliquez sur l'option « Réinitialiser le mot de passe » et "
    "inscrivez le courriel de l'utilisateur : {email}",
    "runbook.step.reset_sent": "Cliquez sur « Mettre à jour ». La RAMQ envoie les consignes de "
    "réinitialisation à cette adresse; vous ne voyez jamais le mot de passe.",
    "runbook.step.delete": "Dans la liste des utilisateurs, repérez {name} (nom d'utilisateur "
    "{username}) et cliquez sur « Supprimer » à côté de son nom.",
    "runbook.note.deleted": "Le compte est supprimé : {name} ne pourra plus s'en servir pour "
    "se connecter.",
    "runbook.ticket": "Billet : {ticket}",
    "runbook.blocked": "À ne pas faire",
    "runbook.blocked.line": "**{what}** ({username}) : {reason}.",
    "runbook.blocked.B01": "Ne créez pas de compte pour {name}",
    "runbook.blocked.B02": "N'ajoutez pas {name} à votre liste",
    "runbook.blocked.B03": "Ne créez pas de nouveau compte pour {name}",
    "runbook.blocked.B04": "Ne modifiez rien pour {name}",
    "runbook.blocked.B05": "Ne générez pas de nouveau code secret pour {name}",
    "runbook.blocked.B06": "Ne demandez pas de réinitialisation du mot de passe pour {name}",
    "runbook.blocked.B07": "Ne changez pas le courriel inscrit pour {name}",
    "runbook.blocked.other": "Ne faites pas ce changement pour {name}",
    "runbook.quiet": "Aucune étape dans le portail pour {count} autre(s) changement(s) (fiche "
    "de l'établissement, dates de révision ou d'échéance, billets) : l'outil les enregistre "
    "lui-même.",
    "runbook.untouched": "Rien à faire dans le portail pour : {names} (l'outil enregistre "
    "lui-même leurs changements).",
    "runbook.nothing": "Rien à faire dans le portail : l'état correspond aux fichiers d'accès.",
    # --- auditor report (report.py, render/report_*.py, commands/report.py) ----------
    "E190": "« {path} » ne peut pas être écrit : {reason}",
    "E190.hint": "vérifiez que le dossier existe et que vous pouvez y écrire.",
    "report.title": "Rapport des accès RVSQ",
    "report.dry_run": "Simulation pour les auditeurs : rien n'a été modifié.",
    "report.contents": "Sommaire",
    "report.overview": "{accounts} compte(s) dans {establishments} établissement(s); "
    "{actions} changement(s) en attente, {blocked} entrée(s) bloquée(s); {reviews} "
    "révision(s) à faire; {expiring} accès terminé(s) ou sur le point de l'être; {unowned} "
    "compte(s) qu'aucun fichier ne détient.",
    "report.empty": "Rien à signaler.",
    "report.total": "Total",
    "report.meta.as_of": "En date du",
    "report.meta.state": "État",
    "report.meta.state_value": "{location} (identifiant {id})",
    "report.meta.state_serial": "Numéro de série de l'état",
    "report.meta.files": "Fichiers d'accès",
    "report.meta.digest": "Empreinte des fichiers d'accès",
    "report.meta.policy": "Intervalle de révision",
    "report.meta.policy_value": "{days} jours (politique : {source})",
    "report.meta.last_change": "Dernier changement appliqué",
    "report.meta.last_change_value": "{at} (version git {commit}; changement {change})",
    "report.section.inventory": "Inventaire par établissement et par service",
    "report.section.plan": "Changements en attente (plan)",
    "report.section.blocked": "Entrées bloquées",
    "report.section.recent": "Comptes créés dans les {days} derniers jours",
    "report.section.codes": "Codes secrets émis",
    "report.section.reviews": "Révisions des accès à faire",
    "report.section.expiring": "Accès qui prennent fin d'ici {days} jours ou terminés",
    "report.section.unowned": "Comptes qu'aucun fichier ne détient",
    "report.section.accounts": "Tous les comptes",
    "report.note.inventory": "Comptes qui ont chaque service, tels que dernièrement "
    "appliqués à l'état.",
    "report.note.codes": "Date d'émission du code secret actuel de chaque compte. Les codes "
    "ne sont jamais conservés en clair ni montrés dans un rapport.",
    "report.note.reviews": "En retard : dernière révision il y a plus de {days} jours. Jamais "
    "révisé : aucune date « reviewed » dans le fichier d'accès.",
    "report.note.unowned": "Comptes de l'état qui n'appartiennent à aucun établissement, ou "
    "dont l'établissement n'est décrit par aucun fichier lu (ces comptes ne sont pas "
    "réconciliés).",
    "report.note.accounts": "Comptes de l'état, puis comptes que le plan créerait (en "
    "attente) ou ne peut pas créer (bloqués).",
    "report.caption.services": "Services",
    "report.caption.establishments": "Par établissement",
    "report.caption.regions": "Par région",
    "report.caption.summary": "Résumé",
    "report.caption.actions": "Actions",
    "report.col.service": "Service",
    "report.col.label": "Case dans le portail",
    "report.col.establishment": "Établissement",
    "report.col.establishments": "Établissements",
    "report.col.name": "Nom",
    "report.col.region": "Région",
    "report.col.type": "Type",
    "report.col.accounts": "Comptes",
    "report.col.action": "Action",
    "report.col.count": "Nombre",
    "report.col.username": "Nom d'utilisateur",
    "report.col.email": "Courriel",
    "report.col.first_name": "Prénom",
    "report.col.last_name": "Nom de famille",
    "report.col.profile": "Profil",
    "report.col.origin": "Origine",
    "report.col.status": "Statut",
    "report.col.services": "Services",
    "report.col.detail": "Détail",
    "report.col.source": "Source",
    "report.col.reason": "Raison",
    "report.col.hint": "Quoi faire",
    "report.col.created_at": "Créé le",
    "report.col.code_issued_at": "Code émis le",
    "report.col.reviewed": "Révisé le",
    "report.col.review_due": "Révision due le",
    "report.col.days_overdue": "Jours de retard",
    "report.col.expires": "Expire le",
    "report.col.days_left": "Jours restants",
    "report.status.applied": "appliqué",
    "report.status.pending": "en attente",
    "report.status.blocked": "bloqué",
    "report.review.overdue": "en retard",
    "report.review.never": "jamais révisé",
    "report.expiry.expired": "terminé",
    "report.expiry.ending": "bientôt terminé",
    "report.unowned.no_establishment": "aucun établissement",
    "report.unowned.no_file": "établissement absent des fichiers lus",
    # --- user editing (edit.py, commands/user.py) ------------------------------------
    "E090": "aucun utilisateur « {key} » dans {file}",
    "E090.hint": "un utilisateur est désigné par son nom d'utilisateur, ou par son courriel "
    "s'il n'en a pas; ce fichier inscrit : {known}.",
    "E090.hint.suggest": "vouliez-vous dire {suggestions}?",
    "E091": "« {key} » est déjà dans {file}, à la ligne {line}",
    "E091.hint": "chaque personne n'apparaît qu'une fois; pour changer ses services, "
    "utilisez « rvsq-access user services {file} {key} --add SERVICE ».",
    "E092": "des renseignements manquent : {options}",
    "E092.hint": "donnez ces options, ou lancez la commande dans un terminal pour qu'elle "
    "vous les demande.",
    "E093": "le changement rendrait {file} invalide; rien n'a été écrit",
    "E093.hint": "corrigez les options (les problèmes sont listés ci-dessus), ou corrigez le "
    "fichier à la main, puis relancez la commande.",
    "E094": "{file} ne peut pas être modifié : {reason}",
    "E094.hint": "vérifiez que le fichier existe et qu'il s'agit d'un fichier d'accès; "
    "« rvsq-access validate {file} » montre où le corriger.",
    "E095": "{file} n'a pas de liste d'utilisateurs à modifier",
    "E095.hint": "un fichier d'accès contient une liste « users: »; partez d'un exemple "
    "dans access/.",
    "E096": "les services de « {key} » dans {file} ne forment pas une liste",
    "E096.hint": "écrivez-les en liste, par exemple « services: [rvsq] », puis relancez la "
    "commande.",
    "E097": "aucun service à ajouter à « {key} » ou à lui retirer",
    "E097.hint": "indiquez --add SERVICE ou --remove SERVICE (répétez pour plusieurs).",
    "E098": "le service « {service} » est à la fois ajouté et retiré",
    "E098.hint": "indiquez chaque service une seule fois, avec --add ou avec --remove.",
    "user.added": "{key} ajouté à {file}; lancez « rvsq-access plan » pour voir ce que cela "
    "change.",
    "user.removed": "{key} retiré de {file}; lancez « rvsq-access plan » pour voir ce que "
    "cela change.",
    "user.service_added": "Service {service} ajouté à {key} dans {file}; lancez "
    "« rvsq-access plan » pour voir ce que cela change.",
    "user.service_removed": "Service {service} retiré à {key} dans {file}; lancez "
    "« rvsq-access plan » pour voir ce que cela change.",
    "user.code_requested": "Nouveau code secret demandé pour {key} dans {file} (jeton "
    "« {token} »); lancez « rvsq-access plan » pour voir ce que cela change.",
    "user.reset_requested": "Réinitialisation du mot de passe demandée pour {key} dans "
    "{file} (jeton « {token} »); lancez « rvsq-access plan » pour voir ce que cela change.",
    "user.unchanged": "Rien à changer : {file} le dit déjà.",
    "user.reformatted": "note : la mise en forme de {file} (indentation ou guillemets) n'a pas "
    "pu être gardée partout; relisez tout le changement avant de le valider.",
    "user.prompt.title": "Titre de civilité",
    "user.prompt.first_name": "Prénom",
    "user.prompt.last_name": "Nom",
    "user.prompt.email": "Courriel (les consignes de création du compte y seront envoyées)",
    "user.prompt.profile": "Profil",
    "user.prompt.username": "Compte RAMQ existant (CE…, IP…, IELP… ou un courriel)",
    "user.prompt.professional_number": "Numéro de professionnel",
    "user.prompt.services": "Services, séparés par des virgules ({allowed})",
    "user.blank": "ce champ ne peut pas rester vide.",
    "user.bad_service": "« {value} » n'est pas un service; utilisez : {allowed}.",
}

CATALOGS = {"en": EN, "fr": FR}


def language_from_env(environ: dict[str, str] | None = None) -> str:
    """RVSQ_LANG, else LANG; French when it starts with 'fr', English otherwise."""
    env = os.environ if environ is None else environ
    value = env.get("RVSQ_LANG") or env.get("LANG") or ""
    return "fr" if value.lower().startswith("fr") else "en"


def _inert(value: Any) -> Any:
    """A message parameter as it may be shown: text (a path, an exception's words too) with
    its control characters escaped; numbers as they are, for their format specifications."""
    if type(value) is str:
        return inert(value)
    if isinstance(value, os.PathLike | BaseException):
        return inert(str(value))
    return value


# A problem's words: parameters that are themselves messages ("user 3", "physician"). The
# rules and the schema keep them as data, in no language (their findings are cached as
# JSON), under the parameter `_words` (a name data never takes); they are said here, in the
# reader's language, when the message that holds them is.
WORDS = "_words"


def phrase(key: str, /, **params: Any) -> dict[str, Any]:
    """A message as data: its key and parameters, said when the message holding it is."""
    return {"message": key, "params": params}


class Messages:
    """The catalog of one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._catalog = CATALOGS[lang]

    def __call__(self, key: str, /, **params: Any) -> str:
        words = params.pop(WORDS, None)
        if words:
            params.update({name: self._said(said) for name, said in words.items()})
        # Parameters come from data (files, the state, exceptions): none of their control
        # or format characters reaches a terminal, a log or an email as such.
        return self._catalog[key].format(**{k: _inert(v) for k, v in params.items()})

    def _said(self, words: dict[str, Any] | list[dict[str, Any]]) -> str:
        """A phrase (see `phrase`) in this language; several, joined by '; '."""
        if isinstance(words, list):
            return "; ".join(self._said(each) for each in words)
        return self(words["message"], **words["params"])

    def has(self, key: str) -> bool:
        return key in self._catalog

    def hint(self, code: str, **params: Any) -> str:
        """The hint for `code`, in the variant named by the `_hint` parameter if it has one."""
        key = f"{code}.hint"
        variant = f"{key}.{params.get('_hint')}"
        return self(variant if variant in self._catalog else key, **params)
