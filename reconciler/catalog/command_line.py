"""The command line: its help, its last word, what it was given."""

from reconciler.catalog.message import Message

MESSAGES: dict[str, Message] = {
    # --- command output ---------------------------------------------------------------
    "fatal": Message("error", "erreur"),
    "output_cut": Message(
        "note: the output was cut short (what read it stopped reading); the command carried on to "
        "its end, and its exit code says how it ended.",
        "remarque : la sortie a été coupée (ce qui la lisait a cessé de la lire) ; la commande a "
        "continué jusqu'au bout, et son code de sortie dit comment elle s'est terminée.",
    ),
    "none": Message("—", "—"),
    # --- what the command line was given ----------------------------------------------
    "E136": Message("{origin} is set but empty", "{origin} est défini, mais vide"),
    "E136.hint": Message(
        "give the state's location (sqlite:///path/to/state.db, relative to the working folder; "
        "sqlite:////absolute/path/state.db; or postgresql://user@host:port/db), or unset it to "
        "use .rvsq/state.db under the working folder.",
        "indiquez où est l'état (sqlite:///chemin/vers/state.db, relatif au dossier de travail ; "
        "sqlite:////chemin/absolu/state.db ; ou postgresql://utilisateur@hôte:port/base), ou "
        "retirez-le pour utiliser .rvsq/state.db dans le dossier de travail.",
    ),
    "E155": Message(
        "--as-of {date} is outside the dates this tool can work with ({first} to {last})",
        "--as-of {date} est hors des dates avec lesquelles l'outil peut travailler (du {first} au "
        "{last})",
    ),
    "E155.hint": Message(
        "give a date between {first} and {last}: the day a review falls due or an access ends, "
        "say.",
        "donnez une date entre le {first} et le {last} : par exemple le jour où une révision est "
        "due ou celui où un accès prend fin.",
    ),
    "E149": Message(
        "'{path}' is a symbolic link: the tool keeps sealed codes, emails and its cache only in a "
        "folder of its own",
        "« {path} » est un lien symbolique : l'outil ne garde les codes scellés, les courriels et "
        "son cache que dans un dossier bien à lui",
    ),
    "E149.hint": Message(
        "nothing was written there. Remove the link (someone may have planted it to make the tool "
        "write elsewhere); the tool then creates a private folder in its place.",
        "rien n'y a été écrit. Supprimez le lien (quelqu'un a pu le placer pour faire écrire "
        "l'outil ailleurs) ; l'outil créera alors un dossier privé à sa place.",
    ),
    "E193": Message(
        "--lock-timeout {given} is not a number of seconds between 0 and {most}",
        "--lock-timeout {given} n'est pas un nombre de secondes entre 0 et {most}",
    ),
    "E193.hint": Message(
        "give how long to wait for another apply, in seconds: 60 by default.",
        "indiquez combien de secondes attendre une autre application : 60 par défaut.",
    ),
    "E191": Message(
        "'{path}' cannot be used: {reason}",
        "« {path} » ne peut pas être utilisé : {reason}",
    ),
    "E191.hint": Message(
        "check that it exists and that you may read (or write) it; then run the command again. "
        "What the command said it did before this is done.",
        "vérifiez qu'il existe et que vous pouvez le lire (ou y écrire), puis relancez la "
        "commande. Ce que la commande a dit avoir fait avant est fait.",
    ),
    "E192": Message(
        "a name or a text cannot be written with this system's character encoding: {reason}",
        "un nom ou un texte ne peut pas être écrit avec l'encodage de caractères de ce système : "
        "{reason}",
    ),
    "E192.hint": Message(
        "use a UTF-8 locale (for example LANG=fr_CA.UTF-8), then run the command again.",
        "utilisez des paramètres régionaux UTF-8 (par exemple LANG=fr_CA.UTF-8), puis relancez la "
        "commande.",
    ),
    "E199": Message(
        "unexpected internal error ({kind}): {reason}",
        "erreur interne inattendue ({kind}) : {reason}",
    ),
    "E199.hint": Message(
        "this is a defect of rvsq-access: please report it with the command you ran. Set "
        "RVSQ_DEBUG=1 to see where it happened. What the command said it did before this is done.",
        "c'est un défaut de rvsq-access : signalez-le avec la commande lancée. Définissez "
        "RVSQ_DEBUG=1 pour voir où il s'est produit. Ce que la commande a dit avoir fait avant "
        "est fait.",
    ),
    # --- bounded, typed reads (files.py): what a file the tool was given turned out to be ---
    "E170": Message("'{path}' does not exist", "« {path} » n'existe pas"),
    "E170.hint": Message(
        "check the path (it is relative to the folder the command runs in).",
        "vérifiez le chemin (il part du dossier où la commande est lancée).",
    ),
    "E171": Message(
        "'{path}' cannot be read: you are not allowed to read it",
        "« {path} » ne peut pas être lu : vous n'avez pas le droit de le lire",
    ),
    "E171.hint": Message(
        "ask for read access to the file, or copy it where you may read it.",
        "demandez le droit de lire ce fichier, ou copiez-le là où vous pouvez le lire.",
    ),
    "E172": Message(
        "'{path}' is a folder, not a file",
        "« {path} » est un dossier, pas un fichier",
    ),
    "E172.hint": Message(
        "name the file itself, inside that folder.",
        "nommez le fichier lui-même, dans ce dossier.",
    ),
    "E173": Message(
        "'{path}' is a named pipe (FIFO), not a file: it was not read",
        "« {path} » est un tube nommé, pas un fichier : il n'a pas été lu",
    ),
    "E173.hint": Message(
        "save what the pipe would give into a file, then name that file.",
        "enregistrez dans un fichier ce que le tube donnerait, puis nommez ce fichier.",
    ),
    "E174": Message(
        "'{path}' is a device or a socket, not a file: it was not read",
        "« {path} » est un périphérique ou un point de connexion, pas un fichier : il n'a pas été "
        "lu",
    ),
    "E174.hint": Message("name an ordinary file.", "nommez un fichier ordinaire."),
    "E175": Message(
        "'{path}' is larger than {limit_mib} MiB, the most such a file can hold: it was not read",
        "« {path} » dépasse {limit_mib} Mio, le plus qu'un tel fichier puisse contenir : il n'a "
        "pas été lu",
    ),
    "E175.hint": Message(
        "check that it is the right file: one this tool wrote, or made for it.",
        "vérifiez que c'est le bon fichier : un fichier écrit par cet outil, ou préparé pour lui.",
    ),
    "E176": Message(
        "'{path}' cannot be read (system error {error})",
        "« {path} » ne peut pas être lu (erreur système {error})",
    ),
    "E176.hint": Message(
        "check the file and the disk it is on, then run the command again.",
        "vérifiez le fichier et le disque où il se trouve, puis relancez la commande.",
    ),
    # --- command-line help ------------------------------------------------------------
    "help.main": Message(
        "Manage RVSQ access as code: validate access files, plan and apply them.",
        "Gérer les accès à RVSQ comme du code : valider les fichiers d'accès, planifier et "
        "appliquer les changements.",
    ),
    "help.lang": Message(
        "Language of messages, before or after the command (default: the first of RVSQ_LANG, "
        "LANGUAGE, LC_ALL, LC_MESSAGES and LANG that is set; else English).",
        "Langue des messages, avant ou après la commande (par défaut : la première définie de "
        "RVSQ_LANG, LANGUAGE, LC_ALL, LC_MESSAGES et LANG ; sinon l'anglais).",
    ),
    "help.version": Message("Show the version and exit.", "Afficher la version et quitter."),
    "version": Message("{prog}, version {version}", "{prog}, version {version}"),
    "help.no_color": Message("Do not colour the output.", "Ne pas colorer la sortie."),
    "help.validate": Message(
        "Check access files (files or folders, default ./access) and report every problem with "
        "its file, line and a hint.",
        "Vérifier les fichiers d'accès (fichiers ou dossiers, ./access par défaut) et signaler "
        "chaque problème avec son fichier, sa ligne et un conseil.",
    ),
    "help.format": Message("Output format.", "Format de sortie."),
    "help.delimiter": Message(
        "The CSV separator: ';' for an Excel set to French (--format csv).",
        "Le séparateur du CSV : « ; » pour un Excel en français (--format csv).",
    ),
    "help.strict": Message(
        "Treat warnings as errors.",
        "Traiter les avertissements comme des erreurs.",
    ),
    "help.policy": Message(
        "Policy file (default: policy.yaml at the top of the access folder).",
        "Fichier de politique (par défaut : policy.yaml à la racine du dossier d'accès).",
    ),
    "help.state": Message(
        "Where the state is: sqlite:///path (relative to the working folder; default: "
        "sqlite:///.rvsq/state.db), sqlite:////absolute/path or postgresql://user@host:port/db; "
        "or RVSQ_STATE. Create it once with 'state init'.",
        "Où est l'état : sqlite:///chemin (relatif au dossier de travail ; par défaut : "
        "sqlite:///.rvsq/state.db), sqlite:////chemin/absolu ou "
        "postgresql://utilisateur@hôte:port/base ; ou RVSQ_STATE. Créez-le une fois avec « state "
        "init ».",
    ),
    "help.no_cache": Message(
        "Parse every file again instead of reusing .rvsq/cache/ (files whose bytes did not change "
        "are otherwise not parsed twice).",
        "Relire tous les fichiers plutôt que de réutiliser .rvsq/cache/ (sinon, les fichiers dont "
        "le contenu n'a pas changé ne sont pas relus).",
    ),
    "help.actor": Message(
        "Who applies, for the audit log (default: CI's user, else the login name).",
        "Qui applique, pour le journal d'audit (par défaut : l'utilisateur de la CI, sinon le nom "
        "de connexion).",
    ),
    "help.change_ref": Message(
        "The change being applied, recorded in every audit entry of the run (a pull request's "
        "URL, say); or RVSQ_CHANGE_REF.",
        "Le changement appliqué, consigné dans chaque entrée du journal de l'exécution (l'adresse "
        "d'une demande de fusion, par exemple) ; ou RVSQ_CHANGE_REF.",
    ),
    "help.state_init": Message(
        "Create the state (at --state or RVSQ_STATE, default .rvsq/state.db), or bring an "
        "existing one up to date. The only command that creates a state.",
        "Créer l'état (à --state ou RVSQ_STATE, par défaut .rvsq/state.db), ou mettre à jour un "
        "état existant. La seule commande qui crée un état.",
    ),
    "help.plan": Message(
        "Show what apply would change: create, grant, revoke, update, new codes, resets, "
        "deletions and blocked entries.",
        "Montrer ce que apply changerait : créations, accès accordés ou retirés, mises à jour, "
        "nouveaux codes, réinitialisations, suppressions et entrées bloquées.",
    ),
    "help.plan_format": Message("Output format of the plan.", "Format de sortie du plan."),
    "help.out": Message(
        "Also save the plan as JSON to this file, for apply --plan.",
        "Enregistrer aussi le plan en JSON dans ce fichier, pour apply --plan.",
    ),
    "help.detailed_exitcode": Message(
        "Exit 1 when apply would refuse the plan, else 2 when the plan has changes, 0 when it has "
        "none.",
        "Sortir avec 1 si la commande apply refuserait le plan, sinon avec 2 si le plan a des "
        "changements, 0 sinon.",
    ),
    "help.apply": Message(
        "Apply the access files (or a saved plan) to the state: one transaction per action, audit "
        "entry and emails included.",
        "Appliquer les fichiers d'accès (ou un plan enregistré) à l'état : une transaction par "
        "action, avec son entrée de journal et ses courriels.",
    ),
    "help.plan_file": Message(
        "Apply this saved plan, refused if the state or the files changed.",
        "Appliquer ce plan enregistré, refusé si l'état ou les fichiers ont changé.",
    ),
    "help.auto_approve": Message(
        "Do not ask for confirmation (for CI).",
        "Ne pas demander de confirmation (pour la CI).",
    ),
    "help.max_deletes": Message(
        "Refuse to remove more accounts than this in one run.",
        "Refuser de retirer plus de comptes que ceci en une exécution.",
    ),
    "help.allow_mass_delete": Message(
        "Allow removals beyond the deletion guard.",
        "Permettre des retraits au-delà du garde-fou.",
    ),
    "help.lock_timeout": Message(
        "Seconds to wait for another apply to finish.",
        "Secondes d'attente si une autre application est en cours.",
    ),
    "help.state_group": Message(
        "Create the state, look at it, or load the RAMQ directory into it.",
        "Créer l'état, le consulter, ou y charger le répertoire de la RAMQ.",
    ),
    "help.state_list": Message(
        "List every account the state holds.",
        "Lister tous les comptes de l'état.",
    ),
    "help.state_show": Message("Show one account.", "Afficher un compte."),
    "help.state_check": Message(
        "Check the state, reading only: every sealed code has its sealed copy, each sealed file "
        "on this machine is identical to it, every created account has its creation email, the "
        "audit log verifies, the serial and the audit head agree with it.",
        "Vérifier l'état, en lecture seule : chaque code scellé a sa copie scellée, chaque "
        "fichier scellé de cette machine lui est identique, chaque compte créé a son courriel de "
        "création, le journal d'audit se vérifie, le numéro de série et la tête du journal "
        "concordent avec lui.",
    ),
    "help.import_directory": Message(
        "Load existing RAMQ accounts from a CSV file (username, email, title, first_name, "
        "last_name, profile, professional_number, or their French names); commas or "
        "semicolons, UTF-8 or Windows-1252; grants nothing.",
        "Charger des comptes RAMQ existants d'un fichier CSV (nom_utilisateur, courriel, titre, "
        "prénom, nom, profil, numéro de professionnel, ou leurs noms anglais); virgules ou "
        "points-virgules, UTF-8 ou Windows-1252; n'accorde rien.",
    ),
    "help.update_managed": Message(
        "Also update the accounts that access files manage when the CSV changes them (otherwise "
        "the import is refused); then correct those files too.",
        "Mettre aussi à jour les comptes gérés par des fichiers d'accès quand le CSV les change "
        "(sinon l'import est refusé) ; corrigez ensuite ces fichiers aussi.",
    ),
    "help.codes": Message("Open sealed secret codes.", "Ouvrir des codes secrets scellés."),
    "help.codes_reveal": Message(
        "Decrypt sealed codes files with the representative's age identity and show their codes "
        "as a table: name, username, code, time issued, and whether a later code replaced it.",
        "Déchiffrer des fichiers de codes scellés avec l'identité age du représentant et afficher "
        "leurs codes en tableau : nom, nom d'utilisateur, code, heure d'émission, et si un code "
        "plus récent l'a remplacé.",
    ),
    "help.codes_latest": Message(
        "Open only each establishment's newest file among those given.",
        "N'ouvrir que le fichier le plus récent de chaque établissement parmi ceux donnés.",
    ),
    "help.identity": Message(
        "The age identity file (from age-keygen).",
        "Le fichier d'identité age (fait par age-keygen).",
    ),
    "help.outbox": Message(
        "See, send or write out the emails that wait in the state's outbox.",
        "Voir, envoyer ou écrire les courriels qui attendent dans la boîte d'envoi de l'état.",
    ),
    "help.outbox_list": Message(
        "List the emails that wait (pending or failed): id, kind, recipient, attempts, last "
        "error. Changes nothing.",
        "Lister les courriels qui attendent (en attente ou en échec) : identifiant, type, "
        "destinataire, tentatives, dernière erreur. Ne change rien.",
    ),
    "help.outbox_all": Message(
        "Also list the emails sent and exported.",
        "Lister aussi les courriels envoyés et exportés.",
    ),
    "help.outbox_send": Message(
        "Send the waiting emails by RVSQ_SMTP_URL; exit 4 when some still wait.",
        "Envoyer les courriels qui attendent par RVSQ_SMTP_URL ; code de sortie 4 s'il en reste.",
    ),
    "help.outbox_export": Message(
        "Write the waiting emails as .eml files in DIR (created if missing) for sending by hand, "
        "and mark them exported.",
        "Écrire les courriels qui attendent en fichiers .eml dans DOSSIER (créé s'il manque), "
        "pour les envoyer à la main, et les marquer comme exportés.",
    ),
    "help.audit": Message("Check and read the audit log.", "Vérifier et lire le journal d'audit."),
    "help.audit_verify": Message(
        "Check that no audit entry was edited or removed.",
        "Vérifier qu'aucune entrée du journal n'a été modifiée ou retirée.",
    ),
    "help.audit_log": Message("Show the audit log.", "Afficher le journal d'audit."),
    "help.as_of": Message(
        "Check reviews and expiries as of this date instead of today.",
        "Vérifier les révisions et les échéances à cette date plutôt qu'aujourd'hui.",
    ),
    "help.report": Message(
        "Write a dry-run report for auditors: inventory, pending plan, blocked entries, the "
        "changes of a period, recent accounts and codes, reviews due, accounts no file owns; "
        "or, --as-of a moment gone by, the state then, rebuilt from the audit log.",
        "Écrire un rapport de simulation pour les auditeurs : inventaire, plan en attente, "
        "entrées bloquées, changements d'une période, comptes et codes récents, révisions "
        "dues, comptes sans fichier ; ou, avec --as-of un moment passé, l'état d'alors, "
        "reconstitué à partir du journal d'audit.",
    ),
    "help.report_out": Message(
        "Write the report to this file instead of standard output.",
        "Écrire le rapport dans ce fichier plutôt qu'à la sortie standard.",
    ),
    "help.import": Message(
        "Write access files (YAML) for what the state holds, which plan to no change.",
        "Écrire des fichiers d'accès (YAML) pour ce que contient l'état, qui ne planifient aucun "
        "changement.",
    ),
    "help.import_one": Message("The establishment to write.", "L'établissement à écrire."),
    "help.import_all": Message(
        "Write every establishment the state holds.",
        "Écrire tous les établissements de l'état.",
    ),
    "help.import_out": Message(
        "The new file (with --establishment; default: standard output) or the new folder (with "
        "--all) to write.",
        "Le nouveau fichier (avec --establishment ; par défaut : la sortie standard) ou le nouveau "
        "dossier (avec --all) à écrire.",
    ),
    "help.user": Message(
        "Edit an access file in place, keeping its comments, then validate it.",
        "Modifier un fichier d'accès sur place, en gardant ses commentaires, puis le valider.",
    ),
    "help.user_add": Message(
        "Add a user to an access file (asks for what is missing on a terminal).",
        "Ajouter un utilisateur à un fichier d'accès (demande ce qui manque dans un terminal).",
    ),
    "help.user_email": Message("The user's own email.", "Le courriel de l'utilisateur."),
    "help.user_title": Message("Title of civility.", "Titre de civilité."),
    "help.user_first_name": Message("First name.", "Prénom."),
    "help.user_last_name": Message("Last name.", "Nom."),
    "help.user_profile": Message("Profile.", "Profil."),
    "help.user_service": Message(
        "A service to grant (repeat for several).",
        "Un service à accorder (répétez pour plusieurs).",
    ),
    "help.user_username": Message(
        "An existing RAMQ account (CE…, IP…, IELP… or an email).",
        "Un compte RAMQ existant (CE…, IP…, IELP… ou un courriel).",
    ),
    "help.user_professional_number": Message(
        "Professional number (physicians, residents, IPS).",
        "Numéro de professionnel (médecins, résidents, IPS).",
    ),
    "help.user_remove": Message(
        "Remove a user (by username, or email for a new account).",
        "Retirer un utilisateur (par nom d'utilisateur, ou courriel pour un nouveau compte).",
    ),
    "help.user_services": Message(
        "Add or remove services of a user.",
        "Ajouter ou retirer des services à un utilisateur.",
    ),
    "help.user_services_add": Message(
        "A service to add (repeat for several).",
        "Un service à ajouter (répétez pour plusieurs).",
    ),
    "help.user_services_remove": Message(
        "A service to remove (repeat for several).",
        "Un service à retirer (répétez pour plusieurs).",
    ),
    "help.user_rotate_code": Message(
        "Request a new secret code for a user.",
        "Demander un nouveau code secret pour un utilisateur.",
    ),
    "help.user_reset_password": Message(
        "Request a password reset for a user.",
        "Demander la réinitialisation du mot de passe d'un utilisateur.",
    ),
    "help.user_token": Message(
        "The request's token (default: the current date and time).",
        "Le jeton de la demande (par défaut : la date et l'heure actuelles).",
    ),
    # --- what the arguments and option values stand for in the help (metavars) --------
    "metavar.path": Message("PATH", "CHEMIN"),
    "metavar.file": Message("FILE", "FICHIER"),
    "metavar.folder": Message("DIR", "DOSSIER"),
    "metavar.csv_file": Message("CSV_FILE", "FICHIER_CSV"),
    "metavar.sealed_file": Message("SEALED_FILE", "FICHIER_SCELLÉ"),
    "metavar.keyfile": Message("KEYFILE", "FICHIER-CLÉ"),
    "metavar.user": Message("USER", "UTILISATEUR"),
    "metavar.username": Message("USERNAME", "NOM_UTILISATEUR"),
    "metavar.email": Message("EMAIL", "COURRIEL"),
    "metavar.first_name": Message("FIRST_NAME", "PRÉNOM"),
    "metavar.last_name": Message("LAST_NAME", "NOM"),
    "metavar.number": Message("NUMBER", "NUMÉRO"),
    "metavar.token": Message("TOKEN", "JETON"),
    "metavar.date": Message("YYYY-MM-DD", "AAAA-MM-JJ"),
    "metavar.seconds": Message("SECONDS", "SECONDES"),
    "metavar.count": Message("N", "N"),
    "metavar.url": Message("URL", "URL"),
    "metavar.name": Message("NAME", "NOM"),
    "metavar.ref": Message("REF", "RÉFÉRENCE"),
    "metavar.establishment": Message("ID", "IDENTIFIANT"),
    # --- the command-line framework's own words (click's; cli_words.CLICK_SENTENCES) ----
    "click.usage": Message("Usage:", "Utilisation :"),
    "click.heading": Message("{heading}:", "{heading} :"),
    "click.options": Message("Options", "Options"),
    "click.commands": Message("Commands", "Commandes"),
    "click.arguments": Message("Arguments", "Arguments"),
    "click.options_metavar": Message("[OPTIONS]", "[OPTIONS]"),
    "click.command_metavar": Message("COMMAND [ARGS]...", "COMMANDE [ARGUMENTS]..."),
    "click.help": Message("Show this message and exit.", "Afficher cette aide et quitter."),
    "click.error": Message("Error: {message}", "Erreur : {message}"),
    "click.try_help": Message(
        "Try '{command} {option}' for help.",
        "Pour de l'aide, lancez « {command} {option} ».",
    ),
    "click.no_such_option": Message("No such option: {name}.", "option inconnue : {name}."),
    "click.no_such_command": Message(
        "No such command: '{name}'.", "commande inconnue : « {name} »."
    ),
    "click.did_you_mean": Message(
        "Did you mean {possibility}?", "Vouliez-vous dire {possibility} ?"
    ),
    "click.possible": Message(
        "(Did you mean one of: {possibilities}?)",
        "(Vouliez-vous dire l'une de celles-ci : {possibilities} ?)",
    ),
    "click.extra_argument": Message(
        "Got unexpected extra argument ({args})", "argument en trop : {args}"
    ),
    "click.extra_arguments": Message(
        "Got unexpected extra arguments ({args})", "arguments en trop : {args}"
    ),
    "click.missing_command": Message("Missing command.", "il manque la commande."),
    "click.missing_argument": Message("Missing argument", "il manque l'argument"),
    "click.missing_option": Message("Missing option", "il manque l'option"),
    "click.missing_parameter": Message("Missing parameter", "il manque le paramètre"),
    "click.missing_other": Message("Missing {param_type}", "il manque : {param_type}"),
    "click.missing_named": Message(
        "Missing parameter: {param_name}", "il manque le paramètre {param_name}"
    ),
    "click.invalid": Message("Invalid value: {message}", "valeur refusée : {message}"),
    "click.invalid_for": Message(
        "Invalid value for {param_hint}: {message}",
        "valeur refusée pour {param_hint} : {message}",
    ),
    "click.takes_no_value": Message(
        "Option '{name}' does not take a value.", "l'option {name} ne prend pas de valeur."
    ),
    "click.requires_value": Message(
        "Option '{name}' requires a value.", "l'option {name} demande une valeur."
    ),
    "click.requires_values": Message(
        "Option '{name}' requires {nargs} values.", "l'option {name} demande {nargs} valeurs."
    ),
    "click.argument_values": Message(
        "Argument '{name}' takes {nargs} values.", "l'argument {name} prend {nargs} valeurs."
    ),
    "click.not_choice": Message("'{value}' is not {choice}.", "« {value} » n'est pas {choice}."),
    "click.not_choices": Message(
        "'{value}' is not one of {choices}.",
        "« {value} » n'est pas une des valeurs possibles : {choices}.",
    ),
    "click.choose_from": Message("Choose from:\n\t{choices}", "Choisissez parmi :\n\t{choices}"),
    "click.not_format": Message(
        "'{value}' is not a date written {format}.",
        "« {value} » n'est pas une date écrite {format}.",
    ),
    "click.not_formats": Message(
        "'{value}' is not a date written {formats}.",
        "« {value} » n'est pas une date écrite {formats}.",
    ),
    "click.not_number": Message("'{value}' is not a number.", "« {value} » n'est pas un nombre."),
    "click.not_in_range": Message(
        "{value} is not {range}.", "{value} n'est pas {range}."
    ),
    "click.at_least": Message("{min} or more", "{min} ou plus"),
    "click.notes": Message("; ", " ; "),
    "click.quoted": Message("'{name}'", "« {name} »"),
    "click.default": Message("default: {default}", "par défaut : {default}"),
    "click.required": Message("required", "obligatoire"),
    "click.env_var": Message("env var: {var}", "variable d'environnement : {var}"),
    "click.dynamic": Message("(dynamic)", "(calculé)"),
    "click.aborted": Message("Aborted!", "Abandon."),
    "click.invalid_input": Message("Error: invalid input", "Erreur : réponse non comprise"),
    "click.values_differ": Message(
        "Error: the two values differ.", "Erreur : les deux valeurs diffèrent."
    ),
    "click.repeat": Message("Repeat for confirmation", "Répétez pour confirmer"),
    "click.cannot_open": Message(
        "Could not open file '{filename}': {message}",
        "Impossible d'ouvrir le fichier « {filename} » : {message}",
    ),
    "click.unknown_error": Message("unknown error", "erreur inconnue"),
    "click.press_any_key": Message(
        "Press any key to continue...", "Appuyez sur une touche pour continuer…"
    ),
    # --- yes-or-no questions (asking.py) ----------------------------------------------
    "answer.choices": Message("[y/N]", "[o/N]"),
    "answer.suffix": Message(": ", " : "),
    "answer.yes": Message("y yes", "o oui"),
    "answer.no": Message("n no", "n non"),
    "answer.invalid": Message(
        "answer y (yes) or n (no).", "répondez o (oui) ou n (non)."
    ),
}
