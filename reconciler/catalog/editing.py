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
    "E099": Message(
        "interrupted: nothing was written to {file}",
        "interrompu : rien n'a été écrit dans {file}",
    ),
    "E099.hint": Message(
        "the file is as it was. Run the command again when you are ready, or give every value "
        "as an option.",
        "le fichier est resté tel quel. Relancez la commande quand vous serez prêt, ou donnez "
        "chaque valeur en option.",
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
    "user.prompt.has_account": Message(
        "Does the user already have an account?",
        "L'utilisateur a-t-il déjà un compte?",
    ),
    "user.prompt.title": Message("Title ({allowed})", "Titre de civilité ({allowed})"),
    "user.prompt.first_name": Message("First name", "Prénom"),
    "user.prompt.last_name": Message("Last name", "Nom"),
    "user.prompt.email": Message(
        "Email (account-creation instructions go to this address)",
        "Courriel (les consignes de création du compte seront envoyées à cette adresse)",
    ),
    "user.prompt.profile": Message("Profile ({allowed})", "Profil ({allowed})"),
    "user.prompt.username": Message(
        "Username (CE…, IP…, IELP… or an email)",
        "Nom d'utilisateur (CE…, IP…, IELP… ou un courriel)",
    ),
    "user.prompt.professional_number": Message(
        "Professional number (such as {example})",
        "Numéro de professionnel (par exemple {example})",
    ),
    "user.prompt.services": Message(
        "Services (their numbers or ids, separated by commas or spaces)",
        "Services (leurs numéros ou identifiants, séparés par des virgules ou des espaces)",
    ),
    "user.services.heading": Message(
        "Tick the services the user must use (at least one):",
        "Veuillez cocher les services dont l'utilisateur doit faire usage (au moins un) :",
    ),
    "user.services.box": Message("  [{number}] {label} ({service})",
                                 "  [{number}] {label} ({service})"),
    "user.services.box_closed": Message(
        "  [{number}] {label} ({service}): not for the profile {profile}",
        "  [{number}] {label} ({service}) : pas pour le profil {profile}",
    ),
    "user.summary": Message("The entry to add to {file}:", "L'entrée à ajouter à {file} :"),
    "user.confirm": Message("Add it?", "L'ajouter?"),
    "user.not_written": Message(
        "Nothing was written to {file}.",
        "Rien n'a été écrit dans {file}.",
    ),
    "user.blank": Message("this cannot be left empty.", "ce champ ne peut pas rester vide."),
    "user.bad_service": Message(
        "'{value}' is not a service; give a number from 1 to {count}, or an id: {allowed}.",
        "« {value} » n'est pas un service; indiquez un numéro de 1 à {count}, ou un "
        "identifiant : {allowed}.",
    ),
    "user.no_service": Message(
        "tick at least one service: the form requires one.",
        "cochez au moins un service : le formulaire l'exige.",
    ),
    "user.service_not_for_profile": Message(
        "the service {service} is not for the profile {profile} (the eligibility policy); "
        "choose among: {allowed}.",
        "le service {service} n'est pas pour le profil {profile} (la politique d'admissibilité); "
        "choisissez parmi : {allowed}.",
    ),
    "user.bad_title": Message(
        "'{value}' is not a title; use: {allowed}.",
        "« {value} » n'est pas un titre de civilité; utilisez : {allowed}.",
    ),
    "user.bad_profile": Message(
        "'{value}' is not a profile; use: {allowed}.",
        "« {value} » n'est pas un profil; utilisez : {allowed}.",
    ),
    "user.bad_email": Message(
        "'{value}' is not an email address the portal takes: {reason}.",
        "« {value} » n'est pas une adresse courriel que le portail accepte : {reason}.",
    ),
    "user.email_shape": Message(
        "an address is written name@domain.example, without spaces",
        "une adresse s'écrit nom@domaine.exemple, sans espaces",
    ),
    "user.bad_username": Message(
        "'{value}' is not a RAMQ username; write CE, IP or IELP followed by digits (CE12345), "
        "or the email the account was created with.",
        "« {value} » n'est pas un nom d'utilisateur RAMQ; écrivez CE, IP ou IELP suivi de "
        "chiffres (CE12345), ou le courriel avec lequel le compte a été créé.",
    ),
    "user.bad_number": Message(
        "'{value}' is not a {profile}'s professional number; write it like {example}.",
        "« {value} » n'est pas un numéro de professionnel de {profile}; écrivez-le comme "
        "{example}.",
    ),
    "user.clinical_nurse_account": Message(
        "a clinical nurse cannot add RVSQ to an existing account ({username}): she needs a "
        "new account, with an email of her own. Press Ctrl-C and start again, answering no to "
        "the first question.",
        "une infirmière clinicienne ne peut pas ajouter RVSQ à un compte existant "
        "({username}) : il lui faut un nouveau compte, avec un courriel qui lui est propre. "
        "Faites Ctrl-C et recommencez en répondant non à la première question.",
    ),
    "user.taken_here": Message(
        "'{value}' is already in {where}; each person appears once: to change their services, "
        "use 'rvsq-access user services {file} {key} --add SERVICE'.",
        "« {value} » est déjà dans {where}; chaque personne n'apparaît qu'une fois : pour "
        "changer ses services, utilisez « rvsq-access user services {file} {key} --add "
        "SERVICE ».",
    ),
    "user.taken_elsewhere": Message(
        "'{value}' is already used in {where}, by another establishment's entry; an account "
        "and an email belong to one person at one establishment: give another, or to move "
        "this person to {file}, first run 'rvsq-access user remove {other} {key}'.",
        "« {value} » est déjà utilisé dans {where}, par l'entrée d'un autre établissement; un "
        "compte et un courriel appartiennent à une personne dans un seul établissement : "
        "indiquez-en un autre, ou pour déplacer cette personne dans {file}, lancez d'abord "
        "« rvsq-access user remove {other} {key} ».",
    ),
}
