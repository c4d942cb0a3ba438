"""The state, its audit log and `state check`."""

from reconciler.catalog.message import Message

MESSAGES: dict[str, Message] = {
    # --- the state: where it is, what it is, whether it can be used -------------------
    "E110": Message(
        "another apply still holds the state lock after {timeout} s",
        "une autre application détient encore le verrou de l'état après {timeout} s",
    ),
    "E110.hint": Message(
        "nothing was changed. Wait for the other apply to finish, then run the command again "
        "(apply and outbox take --lock-timeout SECONDS to wait longer).",
        "rien n'a été changé. Attendez que l'autre application se termine, puis relancez la "
        "commande (apply et outbox acceptent --lock-timeout SECONDES pour attendre plus "
        "longtemps).",
    ),
    "E111": Message(
        "'{url}' is not a state this tool can open",
        "« {url} » n'est pas un état que l'outil peut ouvrir",
    ),
    "E111.hint": Message(
        "use sqlite:///path/to/state.db (default: sqlite:///.rvsq/state.db) or "
        "postgresql://user@host:port/db.",
        "utilisez sqlite:///chemin/vers/state.db (par défaut : sqlite:///.rvsq/state.db) ou "
        "postgresql://utilisateur@hôte:port/base.",
    ),
    "E127": Message(
        "the state cannot be used: {reason}",
        "l'état ne peut pas être utilisé : {reason}",
    ),
    "E127.hint": Message(
        "if another apply is running, wait for it; otherwise check the --state URL (or "
        "RVSQ_STATE) and that the database is reachable.",
        "si une autre application est en cours, attendez-la; sinon vérifiez l'URL --state (ou "
        "RVSQ_STATE) et que la base de données est joignable.",
    ),
    "E132": Message(
        "this state is on PostgreSQL, but PostgreSQL support is not installed",
        "cet état est sur PostgreSQL, mais la prise en charge de PostgreSQL n'est pas installée",
    ),
    "E132.hint": Message(
        "install it with: pip install 'rvsq-access[postgres]'.",
        "installez-la avec : pip install 'rvsq-access[postgres]'.",
    ),
    "E135": Message(
        "the state holds a file name that could reach outside .rvsq ('{name}')",
        "l'état contient un nom de fichier qui pourrait sortir de .rvsq (« {name} »)",
    ),
    "E135.hint": Message(
        "the database was altered outside this tool: keep it as it is for investigation. Nothing "
        "was written.",
        "la base de données a été modifiée hors de cet outil : gardez-la telle quelle pour "
        "enquête. Rien n'a été écrit.",
    ),
    "E137": Message(
        "'{url}' cannot hold a state: it names no file that outlives the command",
        "« {url} » ne peut pas contenir un état : aucun fichier qui survive à la commande n'y est "
        "nommé",
    ),
    "E137.hint": Message(
        "name a file: sqlite:///path/to/state.db (relative to the working folder) or "
        "sqlite:////absolute/path/state.db.",
        "nommez un fichier : sqlite:///chemin/vers/state.db (relatif au dossier de travail) ou "
        "sqlite:////chemin/absolu/state.db.",
    ),
    "E138": Message("there is no state at {location}", "il n'y a pas d'état à {location}"),
    "E138.hint": Message(
        "if this is where the state should be, create it once with 'rvsq-access state init' (with "
        "the same --state or RVSQ_STATE); otherwise point --state or RVSQ_STATE at the existing "
        "state (sqlite:///path is relative to the working folder, sqlite:////path is absolute). "
        "Nothing was changed.",
        "si l'état doit être là, créez-le une fois avec « rvsq-access state init » (avec le même "
        "--state ou RVSQ_STATE); sinon, indiquez l'état existant avec --state ou RVSQ_STATE "
        "(sqlite:///chemin est relatif au dossier de travail, sqlite:////chemin est absolu). Rien "
        "n'a été changé.",
    ),
    "E139": Message(
        "{location} is not an rvsq-access state: it was never initialised",
        "{location} n'est pas un état de rvsq-access : il n'a jamais été initialisé",
    ),
    "E139.hint": Message(
        "create the state there with 'rvsq-access state init', or point --state or RVSQ_STATE at "
        "the existing state. Nothing was changed.",
        "créez-y l'état avec « rvsq-access state init », ou indiquez l'état existant avec --state "
        "ou RVSQ_STATE. Rien n'a été changé.",
    ),
    "E140": Message(
        "the state at {location} was made by an earlier version (schema {found}; this version "
        "uses {known})",
        "l'état à {location} a été fait par une version antérieure (schéma {found}; cette version "
        "utilise le schéma {known})",
    ),
    "E140.hint": Message(
        "bring it up to date with 'rvsq-access state init' (an apply does it too); read-only "
        "commands never change a state. Nothing was changed.",
        "mettez-le à jour avec « rvsq-access state init » (apply le fait aussi); les commandes de "
        "lecture ne changent jamais un état. Rien n'a été changé.",
    ),
    "E141": Message(
        "the state at {location} was made by a later version of rvsq-access (schema {found}; this "
        "version knows up to {known})",
        "l'état à {location} a été fait par une version plus récente de rvsq-access (schéma "
        "{found}; cette version connaît jusqu'au schéma {known})",
    ),
    "E141.hint": Message(
        "install the version of rvsq-access that the other runners use. Nothing was changed.",
        "installez la version de rvsq-access qu'utilisent les autres exécutants. Rien n'a été "
        "changé.",
    ),
    "E144": Message(
        "the state location '{url}' has a space or a line break at its start or end, or a control "
        "character inside",
        "l'emplacement de l'état « {url} » commence ou finit par une espace ou un saut de ligne, "
        "ou contient un caractère de contrôle",
    ),
    "E144.hint": Message(
        "give it again without them (a CI secret pasted with its line break, say): it would name "
        "another file than the one you mean. Nothing was changed.",
        "donnez-le de nouveau sans eux (un secret de la CI collé avec son saut de ligne, par "
        "exemple) : il nommerait un autre fichier que celui que vous visez. Rien n'a été changé.",
    ),
    "E145": Message(
        "{location} holds something other than an rvsq-access state",
        "{location} contient autre chose qu'un état de rvsq-access",
    ),
    "E145.hint": Message(
        "point --state or RVSQ_STATE at the state: rvsq-access keeps its tables in a file or a "
        "database of their own. Nothing was changed.",
        "indiquez l'état avec --state ou RVSQ_STATE : rvsq-access garde ses tables dans un "
        "fichier ou une base de données qui leur sont propres. Rien n'a été changé.",
    ),
    "E146": Message(
        "the state at {location} has no id: it was altered outside this tool",
        "l'état à {location} n'a pas d'identifiant : il a été modifié hors de cet outil",
    ),
    "E146.hint": Message(
        "keep it as it is for investigation and restore it from a backup; plans could not tell it "
        "from another state. Nothing was changed.",
        "gardez-le tel quel pour enquête et restaurez-le d'une sauvegarde; les plans ne "
        "pourraient pas le distinguer d'un autre état. Rien n'a été changé.",
    ),
    "E147": Message(
        "the state at {location} is damaged: its '{key}' record (table meta) is missing or is not "
        "what this tool writes (found: {found})",
        "l'état à {location} est endommagé : son enregistrement « {key} » (table meta) manque ou "
        "n'est pas ce que l'outil écrit (trouvé : {found})",
    ),
    "E147.hint": Message(
        "nothing was changed. Keep it as it is for investigation, run 'rvsq-access state check' "
        "to see all that is wrong, and restore the state from a backup.",
        "rien n'a été changé. Gardez-le tel quel pour enquête, lancez « rvsq-access state check » "
        "pour voir tout ce qui ne va pas, et restaurez l'état d'une sauvegarde.",
    ),
    "E148": Message(
        "the audit log of the state at {location} is damaged at entry {seq}: its fields are not "
        "the JSON this tool writes",
        "le journal d'audit de l'état à {location} est endommagé à l'entrée {seq} : ses champs ne "
        "sont pas le JSON que l'outil écrit",
    ),
    "E148.hint": Message(
        "nothing was changed. Keep the state as it is for investigation, run 'rvsq-access audit "
        "verify', and restore the state from a backup.",
        "rien n'a été changé. Gardez l'état tel quel pour enquête, lancez « rvsq-access audit "
        "verify » et restaurez l'état d'une sauvegarde.",
    ),
    "E156": Message(
        "the state's location '{location}' cannot be used: {reason}",
        "l'emplacement de l'état « {location} » ne peut pas être utilisé : {reason}",
    ),
    "E156.hint": Message(
        "point --state or RVSQ_STATE at a file in an existing folder, with a shorter path if it "
        "is too long. Nothing was changed.",
        "indiquez dans --state ou RVSQ_STATE un fichier dans un dossier existant, avec un chemin "
        "plus court s'il est trop long. Rien n'a été changé.",
    ),
    "E157": Message(
        "the state's location {location} is a symbolic link",
        "l'emplacement de l'état {location} est un lien symbolique",
    ),
    "E157.hint": Message(
        "nothing was read or changed. Name the state file by its own path in --state or "
        "RVSQ_STATE; if nobody in your team made this link, remove it: it may have been planted "
        "to make the tool write elsewhere.",
        "rien n'a été lu ni changé. Nommez le fichier de l'état par son propre chemin dans "
        "--state ou RVSQ_STATE; si personne de votre équipe n'a créé ce lien, supprimez-le : il a "
        "pu être placé pour faire écrire l'outil ailleurs.",
    ),
    # --- the audit log ----------------------------------------------------------------
    "E125": Message(
        "the audit log is broken at entry {seq}: {reason}",
        "le journal d'audit est brisé à l'entrée {seq} : {reason}",
    ),
    "E125.hint": Message(
        "the log was edited or entries were removed outside this tool; keep the database as it is "
        "for investigation and restore it from a backup.",
        "le journal a été modifié ou des entrées ont été retirées hors de cet outil; gardez la "
        "base de données telle quelle pour enquête et restaurez-la d'une sauvegarde.",
    ),
    # --- state check (commands/state.py, store/integrity.py) -------------------------
    "E180": Message(
        "run {run_id}, establishment '{establishment}': the audit log records {issued} sealed "
        "{issued:code|codes}, but the state holds no sealed copy of them",
        "exécution {run_id}, établissement « {establishment} » : le journal d'audit consigne "
        "{issued} {issued:code scellé|codes scellés}, mais l'état n'en a aucune copie scellée",
    ),
    "E180.hint": Message(
        "the sealed copy was removed outside this tool, and these codes can no longer be handed "
        "over: request new ones for the accounts of that run (a new 'secret_code' token), and "
        "restore the state from a backup to investigate.",
        "la copie scellée a été retirée hors de cet outil et ces codes ne peuvent plus être "
        "remis : demandez-en de nouveaux pour les comptes de cette exécution (un nouveau jeton "
        "« secret_code »), et restaurez l'état à partir d'une sauvegarde pour enquêter.",
    ),
    "E181": Message(
        "run {run_id}, establishment '{establishment}': the audit log records {issued} sealed "
        "{issued:code|codes}, but the state's sealed copy holds {sealed}",
        "exécution {run_id}, établissement « {establishment} » : le journal d'audit consigne "
        "{issued} {issued:code scellé|codes scellés}, mais la copie scellée de l'état en "
        "contient {sealed}",
    ),
    "E181.hint": Message(
        "the sealed copy or the audit log was changed outside this tool: keep the state as it is "
        "for investigation, restore it from a backup, and request new codes for the accounts of "
        "that run.",
        "la copie scellée ou le journal d'audit a été modifié hors de cet outil : gardez l'état "
        "tel quel pour enquête, restaurez-le à partir d'une sauvegarde et demandez de nouveaux "
        "codes pour les comptes de cette exécution.",
    ),
    "E182": Message(
        "{path} is not the sealed copy the state holds for run {run_id}, establishment "
        "'{establishment}' ({size} {size:byte|bytes} on disk, {expected} in the state)",
        "{path} n'est pas la copie scellée que l'état garde pour l'exécution {run_id}, "
        "établissement « {establishment} » ({size} {size:octet|octets} sur le disque, {expected} "
        "dans l'état)",
    ),
    "E182.hint": Message(
        "the file was cut short or replaced after it was written: do not hand it over. Keep it "
        "for investigation; the state's copy is intact: restore the file from the run's "
        "artefacts, or request new codes for the accounts of that run.",
        "le fichier a été tronqué ou remplacé après son écriture : ne le remettez pas. Gardez-le "
        "pour enquête; la copie de l'état est intacte : restaurez le fichier à partir des "
        "artefacts de l'exécution, ou demandez de nouveaux codes pour les comptes de cette "
        "exécution.",
    ),
    "E183": Message(
        "{path} (run {run_id}, establishment '{establishment}') cannot be read: {reason}",
        "{path} (exécution {run_id}, établissement « {establishment} ») ne peut pas être lu : "
        "{reason}",
    ),
    "E183.hint": Message(
        "a sealed file is a regular file this tool wrote: check what replaced it and that you may "
        "read it, then run 'rvsq-access state check' again.",
        "un fichier scellé est un fichier ordinaire écrit par cet outil : vérifiez ce qui l'a "
        "remplacé et que vous pouvez le lire, puis relancez « rvsq-access state check ».",
    ),
    "E184": Message(
        "audit entry {seq}: account '{username}' was created by run {run_id}, but the state holds "
        "no creation email for it",
        "entrée d'audit {seq} : le compte « {username} » a été créé par l'exécution {run_id}, "
        "mais l'état n'a aucun courriel de création pour lui",
    ),
    "E184.hint": Message(
        "the outbox was changed outside this tool: tell the user that their account exists (with "
        "the creation instructions), and restore the state from a backup to investigate.",
        "la boîte d'envoi a été modifiée hors de cet outil : dites à l'utilisateur que son compte "
        "existe (avec les consignes de création), et restaurez l'état à partir d'une sauvegarde "
        "pour enquêter.",
    ),
    "E185": Message(
        "audit entry {seq}: its fields cannot be read ({reason})",
        "entrée d'audit {seq} : ses champs ne peuvent pas être lus ({reason})",
    ),
    "E185.hint": Message(
        "the audit log was edited outside this tool: keep the state as it is for investigation "
        "and compare the log with the copy kept outside the database.",
        "le journal d'audit a été modifié hors de cet outil : gardez l'état tel quel pour enquête "
        "et comparez le journal à la copie gardée hors de la base de données.",
    ),
    "E186": Message(
        "the state has no '{key}' (table meta)",
        "l'état n'a pas de « {key} » (table meta)",
    ),
    "E186.hint": Message(
        "the state was altered outside this tool: keep it as it is for investigation and restore "
        "it from a backup.",
        "l'état a été modifié hors de cet outil : gardez-le tel quel pour enquête et restaurez-le "
        "à partir d'une sauvegarde.",
    ),
    "E187": Message(
        "the state's '{key}' is '{value}', not {expected}",
        "« {key} » vaut « {value} » dans l'état, et non {expected}",
    ),
    "E187.hint": Message(
        "the state was altered outside this tool: keep it as it is for investigation and restore "
        "it from a backup.",
        "l'état a été modifié hors de cet outil : gardez-le tel quel pour enquête et restaurez-le "
        "à partir d'une sauvegarde.",
    ),
    "E188": Message(
        "the state's serial is {serial}, but the audit log records {count} {count:change|changes}",
        "le numéro de série de l'état est {serial}, mais le journal d'audit consigne {count} "
        "{count:changement|changements}",
    ),
    "E188.hint": Message(
        "each change moves the serial by one and writes one audit entry: the serial or the log "
        "was edited outside this tool. Keep the state as it is for investigation and compare the "
        "log with the copy kept outside the database.",
        "chaque changement avance le numéro de série d'un et écrit une entrée d'audit : le numéro "
        "ou le journal a été modifié hors de cet outil. Gardez l'état tel quel pour enquête et "
        "comparez le journal à la copie gardée hors de la base de données.",
    ),
    "E189": Message(
        "the audit head names entry {head_seq} ({head_hash}), but the log ends at entry "
        "{last_seq} ({last_hash})",
        "la tête du journal d'audit désigne l'entrée {head_seq} ({head_hash}), mais le journal se "
        "termine à l'entrée {last_seq} ({last_hash})",
    ),
    "E189.hint": Message(
        "entries were removed from the end of the log, or the head was edited: keep the state as "
        "it is for investigation and compare the log with the copy kept outside the database.",
        "des entrées ont été retirées à la fin du journal, ou la tête a été modifiée : gardez "
        "l'état tel quel pour enquête et comparez le journal à la copie gardée hors de la base de "
        "données.",
    ),
    # --- state check output -----------------------------------------------------------
    "check.ok": Message(
        "The state at {location} checks out: {entries} audit {entries:entry|entries}, chain "
        "intact, serial {serial}; {sealed} sealed {sealed:code|codes} in {copies} sealed "
        "{copies:copy|copies}, as the audit log records, {shown} shown on a terminal; sealed "
        "files: {identical} identical to the state, {elsewhere} not on this machine, {pending} "
        "waiting to be written; {created} created {created:account|accounts}, each with its "
        "creation email.",
        "L'état à {location} est cohérent : {entries} {entries:entrée|entrées} d'audit, chaîne "
        "intacte, numéro de série {serial}; {sealed} {sealed:code scellé|codes scellés} dans "
        "{copies} {copies:copie scellée|copies scellées}, comme le consigne le journal d'audit, "
        "{shown} {shown:affiché|affichés} au terminal; fichiers scellés : {identical} "
        "{identical:identique|identiques} à l'état, {elsewhere} {elsewhere:absent|absents} de "
        "cette machine, {pending} en attente d'écriture; {created} {created:compte créé|comptes "
        "créés}, chacun avec son courriel de création.",
    ),
    "check.unknown": Message(
        "{unknown} {unknown:code|codes} issued before audit entries said where codes go "
        "{unknown:is|are} not counted.",
        "{unknown} {unknown:code émis|codes émis} avant que les entrées d'audit disent où vont "
        "les codes {unknown:n'est pas compté|ne sont pas comptés}.",
    ),
    "check.portal": Message(
        "{portal} {portal:code was|codes were} left to RAMQ's portal (portal mode), which "
        "issues {portal:it|them} and writes to the user.",
        "{portal} {portal:code a été laissé|codes ont été laissés} au portail de la RAMQ "
        "(mode portail), qui {portal:l'émet|les émet} et écrit à l'utilisateur.",
    ),
    "check.failed": Message(
        "{count} {count:problem|problems} in the state at {location}. The check changed nothing.",
        "{count} {count:problème|problèmes} dans l'état à {location}. La vérification n'a rien "
        "changé.",
    ),
    "check.not_an_object": Message("not a JSON object", "ce n'est pas un objet JSON"),
    "check.not_a_file": Message("not a regular file", "ce n'est pas un fichier ordinaire"),
    "check.not_json": Message(
        "not JSON, from character {position}",
        "ce n'est pas du JSON, à partir du caractère {position}",
    ),
    "check.no_permission": Message("you may not read it", "vous n'avez pas le droit de le lire"),
    "check.expected.serial": Message("a whole number", "un nombre entier"),
    "check.expected.audit_head": Message(
        "an entry number and its hash",
        "un numéro d'entrée suivi de son empreinte",
    ),
    # --- state and audit output -------------------------------------------------------
    "state.upgraded": Message(
        "Brought the state at {location} up to date (schema {found} to {known}; id {id}, serial "
        "{serial}).",
        "L'état à {location} a été mis à jour (schéma {found} à {known}; identifiant {id}, numéro "
        "de série {serial}).",
    ),
    "state.created": Message(
        "Created a new state at {location} (id {id}).",
        "Nouvel état créé à {location} (identifiant {id}).",
    ),
    "state.exists": Message(
        "The state at {location} already exists (id {id}, serial {serial}); it is up to date.",
        "L'état à {location} existe déjà (identifiant {id}, numéro de série {serial}); il est à "
        "jour.",
    ),
    "state.named": Message(
        "State: {location} (id {id}, serial {serial})",
        "État : {location} (identifiant {id}, numéro de série {serial})",
    ),
    "audit.break.missing": Message(
        "an entry is missing or out of order",
        "une entrée manque ou est hors d'ordre",
    ),
    "audit.break.edited": Message(
        "the entry was changed after it was written",
        "l'entrée a été modifiée après son écriture",
    ),
    "audit.break.truncated": Message(
        "entries were removed from the end of the log",
        "des entrées ont été retirées à la fin du journal",
    ),
    "state.empty": Message("The state holds no account.", "L'état ne contient aucun compte."),
    "state.header": Message(
        "username\temail\testablishment\torigin\tservices",
        "nom d'utilisateur\tcourriel\tétablissement\torigine\tservices",
    ),
    "state.show": Message(
        "username: {username}\n"
        "email: {email}\n"
        "name: {title} {first_name} {last_name}\n"
        "profile: {profile}\n"
        "professional number: {professional_number}\n"
        "establishment: {establishment}\n"
        "origin: {origin}\n"
        "services: {services}\n"
        "expires: {expires}\n"
        "reviewed: {reviewed}\n"
        "ticket: {ticket}\n"
        "secret code issued: {code_issued_at}\n"
        "last password reset: {reset_at}\n"
        "created: {created_at}\n"
        "last change: {updated_at}",
        "nom d'utilisateur : {username}\n"
        "courriel : {email}\n"
        "nom : {title} {first_name} {last_name}\n"
        "profil : {profile}\n"
        "numéro de professionnel : {professional_number}\n"
        "établissement : {establishment}\n"
        "origine : {origin}\n"
        "services : {services}\n"
        "expire : {expires}\n"
        "révisé : {reviewed}\n"
        "billet : {ticket}\n"
        "code secret émis : {code_issued_at}\n"
        "dernière réinitialisation : {reset_at}\n"
        "créé : {created_at}\n"
        "dernière modification : {updated_at}",
    ),
    "audit.ok": Message(
        "The audit log verifies: {count} {count:entry|entries}, the chain is intact.",
        "Le journal d'audit est vérifié : {count} {count:entrée|entrées}, la chaîne est intacte.",
    ),
    "audit.empty": Message("The audit log is empty.", "Le journal d'audit est vide."),
    "audit.action.import_directory": Message(
        "import the RAMQ directory", "importer le répertoire de la RAMQ"),
}
