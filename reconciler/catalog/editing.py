"""Editing an access file from the command line (`user`: E090–E099)."""

from reconciler.catalog.message import Message

MESSAGES: dict[str, Message] = {
    # --- user editing (edit.py, commands/user.py) -------------------------------------
    "E090": Message(
        "there is no user '{key}' in {file}",
        "aucun utilisateur « {key} » dans {file}",
    ),
    "E090.hint": Message(
        "a user is named by their username, or by their email when they have none; this file "
        "lists: {known}.",
        "un utilisateur est désigné par son nom d'utilisateur, ou par son courriel s'il n'en a "
        "pas; ce fichier inscrit : {known}.",
    ),
    "E090.hint.suggest": Message("did you mean {suggestions}?", "vouliez-vous dire {suggestions}?"),
    "E091": Message(
        "'{key}' is already in {file}, on line {line}",
        "« {key} » est déjà dans {file}, à la ligne {line}",
    ),
    "E091.hint": Message(
        "each person appears once; to change their services, use 'rvsq-access user services "
        "{file} {key} --add SERVICE'.",
        "chaque personne n'apparaît qu'une fois; pour changer ses services, utilisez "
        "« rvsq-access user services {file} {key} --add SERVICE ».",
    ),
    "E092": Message(
        "some information is missing: {options}",
        "des renseignements manquent : {options}",
    ),
    "E092.hint": Message(
        "give these options, or run the command in a terminal to be asked for them.",
        "donnez ces options, ou lancez la commande dans un terminal pour qu'elle vous les demande.",
    ),
    "E093": Message(
        "the change would make {file} invalid, so nothing was written",
        "le changement rendrait {file} invalide; rien n'a été écrit",
    ),
    "E093.hint": Message(
        "correct the options (the problems are listed above), or fix the file by hand, then run "
        "the command again.",
        "corrigez les options (les problèmes sont listés ci-dessus), ou corrigez le fichier à la "
        "main, puis relancez la commande.",
    ),
    "E094": Message(
        "{file} cannot be edited: {reason}",
        "{file} ne peut pas être modifié : {reason}",
    ),
    "E094.hint": Message(
        "check that the file exists and is an access file; 'rvsq-access validate {file}' shows "
        "where it needs fixing.",
        "vérifiez que le fichier existe et qu'il s'agit d'un fichier d'accès; « rvsq-access "
        "validate {file} » montre où le corriger.",
    ),
    "E095": Message(
        "{file} has no list of users to edit",
        "{file} n'a pas de liste d'utilisateurs à modifier",
    ),
    "E095.hint": Message(
        "an access file is a mapping with a 'users:' list; start from an example in access/.",
        "un fichier d'accès contient une liste « users: »; partez d'un exemple dans access/.",
    ),
    "E096": Message(
        "the services of '{key}' in {file} are not a list",
        "les services de « {key} » dans {file} ne forment pas une liste",
    ),
    "E096.hint": Message(
        "write them as a list, such as 'services: [rvsq]', then run the command again.",
        "écrivez-les en liste, par exemple « services: [rvsq] », puis relancez la commande.",
    ),
    "E097": Message(
        "no service to add to or remove from '{key}'",
        "aucun service à ajouter à « {key} » ou à lui retirer",
    ),
    "E097.hint": Message(
        "give --add SERVICE or --remove SERVICE (repeat for several).",
        "indiquez --add SERVICE ou --remove SERVICE (répétez pour plusieurs).",
    ),
    "E098": Message(
        "the service '{service}' is both added and removed",
        "le service « {service} » est à la fois ajouté et retiré",
    ),
    "E098.hint": Message(
        "give each service once, with --add or with --remove.",
        "indiquez chaque service une seule fois, avec --add ou avec --remove.",
    ),
    # --- user editing output and questions --------------------------------------------
    "user.added": Message(
        "Added {key} to {file}; run 'rvsq-access plan' to see what it changes.",
        "{key} ajouté à {file}; lancez « rvsq-access plan » pour voir ce que cela change.",
    ),
    "user.removed": Message(
        "Removed {key} from {file}; run 'rvsq-access plan' to see what it changes.",
        "{key} retiré de {file}; lancez « rvsq-access plan » pour voir ce que cela change.",
    ),
    "user.service_added": Message(
        "Added the service {service} to {key} in {file}; run 'rvsq-access plan' to see what it "
        "changes.",
        "Service {service} ajouté à {key} dans {file}; lancez « rvsq-access plan » pour voir ce "
        "que cela change.",
    ),
    "user.service_removed": Message(
        "Removed the service {service} from {key} in {file}; run 'rvsq-access plan' to see what "
        "it changes.",
        "Service {service} retiré à {key} dans {file}; lancez « rvsq-access plan » pour voir ce "
        "que cela change.",
    ),
    "user.code_requested": Message(
        "Requested a new secret code for {key} in {file} (token '{token}'); run 'rvsq-access "
        "plan' to see what it changes.",
        "Nouveau code secret demandé pour {key} dans {file} (jeton « {token} »); lancez "
        "« rvsq-access plan » pour voir ce que cela change.",
    ),
    "user.reset_requested": Message(
        "Requested a password reset for {key} in {file} (token '{token}'); run 'rvsq-access plan' "
        "to see what it changes.",
        "Réinitialisation du mot de passe demandée pour {key} dans {file} (jeton « {token} »); "
        "lancez « rvsq-access plan » pour voir ce que cela change.",
    ),
    "user.unchanged": Message(
        "Nothing to change: {file} already says so.",
        "Rien à changer : {file} le dit déjà.",
    ),
    "user.reformatted": Message(
        "note: the layout of {file} (indentation or quoting) could not be kept everywhere; review "
        "the whole change before committing it.",
        "note : la mise en forme de {file} (indentation ou guillemets) n'a pas pu être gardée "
        "partout; relisez tout le changement avant de le valider.",
    ),
    "user.prompt.title": Message("Title", "Titre de civilité"),
    "user.prompt.first_name": Message("First name", "Prénom"),
    "user.prompt.last_name": Message("Last name", "Nom"),
    "user.prompt.email": Message(
        "Email (account-creation instructions go to this address)",
        "Courriel (les consignes de création du compte y seront envoyées)",
    ),
    "user.prompt.profile": Message("Profile", "Profil"),
    "user.prompt.username": Message(
        "Existing RAMQ account (CE…, IP…, IELP… or an email)",
        "Compte RAMQ existant (CE…, IP…, IELP… ou un courriel)",
    ),
    "user.prompt.professional_number": Message("Professional number", "Numéro de professionnel"),
    "user.prompt.services": Message(
        "Services, separated by commas ({allowed})",
        "Services, séparés par des virgules ({allowed})",
    ),
    "user.blank": Message("this cannot be left empty.", "ce champ ne peut pas rester vide."),
    "user.bad_service": Message(
        "'{value}' is not a service; use: {allowed}.",
        "« {value} » n'est pas un service; utilisez : {allowed}.",
    ),
}
