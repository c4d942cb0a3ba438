"""Drift: the state against what RAMQ's portal shows (`drift`, planning/drift.py), the
export's problems, and `--adopt`."""

from reconciler.catalog.message import Message

_COLUMNS_EN = ("'Nom', 'Prénom', 'Nom d'utilisateur' (or last_name, first_name, "
               "username), optionally 'Établissement' and one column per service (its id, "
               "e.g. rvsq-811, or its label in the portal)")
_COLUMNS_FR = ("« Nom », « Prénom », « Nom d'utilisateur » (ou last_name, first_name, "
               "username), au besoin « Établissement » et une colonne par service (son "
               "identifiant, p. ex. rvsq-811, ou son libellé dans le portail)")

MESSAGES: dict[str, Message] = {
    "drift.windows_1252": Message(
        "{path} is not UTF-8: it was read as Windows-1252, as Excel saves CSV on a French "
        "Windows. If names below lose their accents, save the export again as "
        "\"CSV UTF-8\".",
        "{path} n'est pas en UTF-8 : il a été lu en Windows-1252, comme Excel enregistre le CSV "
        "sous un Windows français. Si les noms ci-dessous perdent leurs accents, enregistrez "
        "l'export de nouveau en « CSV UTF-8 ».",
    ),
    # --- the export's problems (located at a line) -----------------------------------------
    "E230": Message(
        "the portal's export has no column {columns}",
        "l'export du portail n'a pas de colonne {columns}",
    ),
    "E230.hint": Message(
        f"the first line must name the columns, separated by commas or semicolons: "
        f"{_COLUMNS_EN}.",
        f"la première ligne doit nommer les colonnes, séparées par des virgules ou des "
        f"points-virgules : {_COLUMNS_FR}.",
    ),
    "E231": Message(
        "'{value}' is not a username as the portal writes one",
        "« {value} » n'est pas un nom d'utilisateur comme le portail l'écrit",
    ),
    "E231.hint": Message(
        "copy the 'Nom d'utilisateur' column as the portal shows it (a RAMQ code such as "
        "CE10455, or an email).",
        "copiez la colonne « Nom d'utilisateur » telle que le portail l'affiche (un code de "
        "la RAMQ comme CE10455, ou un courriel).",
    ),
    "E232": Message(
        "'{value}' is listed twice (first on line {first_line})",
        "« {value} » figure deux fois (d'abord à la ligne {first_line})",
    ),
    "E232.hint": Message(
        "keep one row per user and establishment.",
        "gardez une ligne par utilisateur et par établissement.",
    ),
    "E233": Message(
        "'{value}' is not an establishment the state knows (known: {known})",
        "« {value} » n'est pas un établissement connu de l'état (connus : {known})",
    ),
    "E233.hint": Message(
        "write the establishment's id, as its access file's 'establishment: id:' gives it, "
        "in each row's 'Établissement' cell.",
        "écrivez l'identifiant de l'établissement, tel que le donne « establishment: id: » "
        "dans son fichier d'accès, dans la case « Établissement » de chaque ligne.",
    ),
    "E234": Message(
        "'{value}' in the column of {service} is neither ticked nor unticked",
        "« {value} » dans la colonne de {service} n'est ni cochée ni décochée",
    ),
    "E234.hint": Message(
        "write oui, x, 1 or ✓ for a ticked box; leave it empty, or write non or 0, for an "
        "unticked one.",
        "écrivez oui, x, 1 ou ✓ pour une case cochée; laissez-la vide, ou écrivez non ou 0, "
        "pour une case décochée.",
    ),
    # --- the command's errors ----------------------------------------------------------------
    "E235": Message(
        "'{path}' does not say which establishment it lists: it has no 'Établissement' "
        "column.",
        "« {path} » ne dit pas quel établissement il liste : il n'a pas de colonne « "
        "Établissement ».",
    ),
    "E235.hint": Message(
        "give the establishment: rvsq-access drift {path} --establishment ID.",
        "donnez l'établissement : rvsq-access drift {path} --establishment ID.",
    ),
    "E236": Message(
        "'{establishment}' is not an establishment the state knows (known: {known}).",
        "« {establishment} » n'est pas un établissement connu de l'état (connus : {known}).",
    ),
    "E236.hint": Message(
        "give the id of an establishment already applied, as its access file writes it; "
        "'rvsq-access state list' shows them.",
        "donnez l'identifiant d'un établissement déjà appliqué, tel que son fichier d'accès "
        "l'écrit; « rvsq-access state list » les montre.",
    ),
    "E237": Message(
        "--adopt takes the portal's export, not a RAMQ directory export.",
        "--adopt prend l'export du portail, pas un export du répertoire de la RAMQ.",
    ),
    "E237.hint": Message(
        "load the directory's identity fields with 'rvsq-access state import-directory "
        "FILE.csv --update-managed'.",
        "chargez les champs d'identité du répertoire avec « rvsq-access state "
        "import-directory FICHIER.csv --update-managed ».",
    ),
    "E238": Message(
        "'{username}' (line {line}) cannot be adopted: the state does not know this account "
        "and its username is not an email to reach it at.",
        "« {username} » (ligne {line}) ne peut pas être adopté : l'état ne connaît pas ce "
        "compte et son nom d'utilisateur n'est pas un courriel où le joindre.",
    ),
    "E238.hint": Message(
        "load it first from RAMQ's directory ('rvsq-access state import-directory "
        "FILE.csv'), then run drift --adopt again; nothing was adopted.",
        "chargez-le d'abord depuis le répertoire de la RAMQ (« rvsq-access state "
        "import-directory FICHIER.csv »), puis relancez drift --adopt; rien n'a été adopté.",
    ),
    "E239": Message(
        "'{username}' (line {line}) cannot be adopted: its email is already {holder}'s.",
        "« {username} » (ligne {line}) ne peut pas être adopté : son courriel est déjà celui "
        "de {holder}.",
    ),
    "E239.hint": Message(
        "correct the account that holds this email in its access file, apply, then run "
        "drift --adopt again; nothing was adopted.",
        "corrigez le compte qui porte ce courriel dans son fichier d'accès, appliquez, puis "
        "relancez drift --adopt; rien n'a été adopté.",
    ),
    # --- output ----------------------------------------------------------------------------
    "drift.failed": Message(
        "Nothing was compared: correct the export's rows above and run drift again.",
        "Rien n'a été comparé : corrigez les lignes de l'export ci-dessus et relancez drift.",
    ),
    "drift.title": Message(
        "What the portal shows ({path}) compared with the state",
        "Ce que montre le portail ({path}) comparé à l'état",
    ),
    "drift.title.directory": Message(
        "RAMQ's directory ({path}) compared with the state: usernames and identity fields, "
        "no services",
        "Le répertoire de la RAMQ ({path}) comparé à l'état : noms d'utilisateur et champs "
        "d'identité, sans les services",
    ),
    "drift.no_services": Message(
        "The export has no service columns: services were not compared.",
        "L'export n'a pas de colonne de service : les services n'ont pas été comparés.",
    ),
    "drift.establishment": Message(
        "Establishment {id} ({name})", "Établissement {id} ({name})"),
    "drift.establishment.none": Message(
        "Accounts of no establishment", "Comptes d'aucun établissement"),
    "drift.confirmed": Message(
        "{count} {count:task|tasks} the portal shows done, now confirmed:",
        "{count} {count:tâche|tâches} que le portail montre {count:faite|faites}, "
        "maintenant {count:confirmée|confirmées} :",
    ),
    "drift.waiting": Message(
        "{count} {count:task|tasks} the portal does not show done yet:",
        "{count} {count:tâche|tâches} que le portail ne montre pas encore "
        "{count:faite|faites} :",
    ),
    "drift.unseeable": Message(
        "{count} {count:task|tasks} no export can show (confirm {count:it|them} with "
        "'rvsq-access tasks done ID' once done):",
        "{count} {count:tâche|tâches} qu'aucun export ne peut montrer ({count:confirmez-la|"
        "confirmez-les} avec « rvsq-access tasks done ID » une fois {count:faite|faites}) :",
    ),
    "drift.task": Message(
        "task {id}: {action} {username} ({name}){what}",
        "tâche {id} : {action} {username} ({name}){what}",
    ),
    "drift.accounts": Message(
        "{count} {count:account differs|accounts differ} from the portal:",
        "{count} {count:compte diffère|comptes diffèrent} du portail :",
    ),
    "drift.orphan": Message(
        "{username} ({name}), line {line}: listed in the portal; no access file declares it "
        "here",
        "{username} ({name}), ligne {line} : listé dans le portail; aucun fichier d'accès ne "
        "le déclare ici",
    ),
    "drift.orphan.elsewhere": Message(
        "{username} ({name}), line {line}: listed in the portal; the state holds it at "
        "{elsewhere}",
        "{username} ({name}), ligne {line} : listé dans le portail; l'état le place à "
        "{elsewhere}",
    ),
    "drift.missing": Message(
        "{username} ({name}): declared, not listed in the portal",
        "{username} ({name}) : déclaré, absent de la liste du portail",
    ),
    "drift.differs": Message(
        "{username} ({name}), line {line}: {differences}",
        "{username} ({name}), ligne {line} : {differences}",
    ),
    "drift.difference": Message(
        "{field}: state {state}, portal {portal}",
        "{field} : état {state}, portail {portal}",
    ),
    "drift.in_step": Message(
        "In step: the portal shows what the state holds.",
        "Concordance : le portail montre ce que contient l'état.",
    ),
    "drift.summary": Message(
        "Drift: {confirmed} {confirmed:task|tasks} confirmed, {waiting} waiting, {drift} "
        "{drift:account differs|accounts differ}.",
        "Écart : {confirmed} {confirmed:tâche confirmée|tâches confirmées}, {waiting} en "
        "attente, {drift} {drift:compte diffère|comptes diffèrent}.",
    ),
    "drift.next": Message(
        "Record the portal's truth in the state with --adopt, or correct the portal; the "
        "next plan then shows what the access files still ask for.",
        "Consignez la réalité du portail dans l'état avec --adopt, ou corrigez le portail; "
        "le prochain plan montre alors ce que les fichiers d'accès demandent encore.",
    ),
    "drift.adopted": Message(
        "Adopted what the portal shows for {count} {count:account|accounts} (audited); run "
        "'rvsq-access plan' to see what the access files still ask for.",
        "Réalité du portail adoptée pour {count} {count:compte|comptes} (journalisé); "
        "lancez « rvsq-access plan » pour voir ce que les fichiers d'accès demandent encore.",
    ),
    "drift.services": Message("services", "services"),
    "audit.action.adopt_portal": Message(
        "adopt what the portal shows", "adopter ce que montre le portail"),
    "audit_log.detail.adopted": Message(
        "as the portal's export shows it ({source})",
        "tel que le montre l'export du portail ({source})"),
    # --- the command line ------------------------------------------------------------------
    "help.drift": Message(
        "Compare what RAMQ's portal shows (a CSV export) with the state: confirm the portal "
        "tasks it shows done and list the drift. Exit 0 in step, 2 drift, 1 error.",
        "Comparer ce que montre le portail de la RAMQ (un export CSV) à l'état : confirmer "
        "les tâches de portail qu'il montre faites et lister les écarts. Sortie 0 en "
        "concordance, 2 écart, 1 erreur.",
    ),
    "help.drift_establishment": Message(
        "The establishment the export lists (else its 'Établissement' column).",
        "L'établissement que liste l'export (sinon sa colonne « Établissement »).",
    ),
    "help.drift_adopt": Message(
        "Record what the portal shows in the state (audited).",
        "Consigner dans l'état ce que montre le portail (journalisé).",
    ),
    "help.drift_directory": Message(
        "The CSV is a RAMQ directory export (as state import-directory reads it).",
        "Le CSV est un export du répertoire de la RAMQ (tel que le lit state "
        "import-directory).",
    ),
    "metavar.export": Message("EXPORT_CSV", "EXPORT_CSV"),
}
