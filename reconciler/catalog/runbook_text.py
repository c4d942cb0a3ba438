"""The Markdown plan (a pull request's comment) and the runbook."""

from reconciler.catalog.message import Message

MESSAGES: dict[str, Message] = {
    # --- markdown plan (render/plan_markdown.py) --------------------------------------
    "md.title": Message("RVSQ access plan", "Plan d'accès RVSQ"),
    "md.meta": Message(
        "State {location} (id `{id}`, serial {serial}) · configuration `{digest}`",
        "État {location} (identifiant `{id}`, numéro de série {serial}) · configuration `{digest}`",
    ),
    "md.col.region": Message("Region", "Région"),
    "md.col.establishment": Message("Establishment", "Établissement"),
    "md.col.create_establishment": Message("New establishment", "Nouvel établissement"),
    "md.col.update_establishment": Message("Record updated", "Fiche mise à jour"),
    "md.col.create_account": Message("Create", "Créations"),
    "md.col.grant_services": Message("Grant", "Accès accordés"),
    "md.col.revoke_services": Message("Revoke", "Accès retirés"),
    "md.col.update_account": Message("Update", "Mises à jour"),
    "md.col.regenerate_code": Message("New code", "Nouveaux codes"),
    "md.col.reset_password": Message("Reset", "Réinitialisations"),
    "md.col.delete_account": Message("Delete", "Suppressions"),
    "md.col.blocked": Message("Blocked", "Bloqués"),
    "md.establishments": Message(
        "{count} {count:establishment|establishments}",
        "{count} {count:établissement|établissements}",
    ),
    "md.total": Message("Total", "Total"),
    "md.people": Message("Changes by person", "Changements par personne"),
    "md.line": Message("{who}: {what}", "{who} : {what}"),
    "md.establishment": Message("{name} ({id}, region {region})", "{name} ({id}, région {region})"),
    "md.establishment.new": Message(
        "New establishment: its record is created",
        "Nouvel établissement : sa fiche est créée",
    ),
    "md.establishment.retired": Message(
        "Establishment closed (retired): every account it owns is removed",
        "Établissement fermé (retired) : tous les comptes qu'il détient sont retirés",
    ),
    "md.establishment.updated": Message(
        "Establishment record updated: {fields}",
        "Fiche de l'établissement mise à jour : {fields}",
    ),
    "md.person.new_account": Message("new account", "nouveau compte"),
    "md.person.added": Message("existing RAMQ account added", "compte RAMQ existant ajouté"),
    "md.person.moved": Message("moved from {establishment}", "transféré de {establishment}"),
    "md.person.new_code": Message("new secret code", "nouveau code secret"),
    "md.person.reset": Message("password reset", "réinitialisation du mot de passe"),
    "md.person.deleted": Message("deleted", "compte supprimé"),
    "md.person.released": Message(
        "released (the RAMQ account stays)",
        "libéré (le compte RAMQ reste)",
    ),
    "md.person.updated": Message("updated: {fields}", "mis à jour : {fields}"),
    "md.person.ticket": Message("ticket {ticket}", "billet {ticket}"),
    "md.blocked": Message("Blocked ({count})", "Entrées bloquées ({count})"),
    "md.warnings": Message("Warnings ({count})", "Avertissements ({count})"),
    "md.details": Message(
        "Full plan: {count} {count:action|actions}",
        "Plan complet : {count} {count:action|actions}",
    ),
    "md.more": Message(
        "… {count} more {count:line|lines} left out",
        "… {count} {count:autre ligne omise|autres lignes omises}",
    ),
    "md.truncated": Message(
        "**This comment was shortened** to stay within GitHub's size limit: {count} {count:line "
        "was|lines were} left out. Run `rvsq-access plan` locally to see the full plan.",
        "**Ce commentaire a été raccourci** pour respecter la limite de taille de GitHub : "
        "{count} {count:ligne omise|lignes omises}. Lancez `rvsq-access plan` sur votre poste "
        "pour voir le plan complet.",
    ),
    # --- runbook (render/runbook.py) --------------------------------------------------
    "runbook.title": Message(
        "Step by step in the RAMQ portal",
        "Marche à suivre dans le portail de la RAMQ",
    ),
    "runbook.intro": Message(
        "For sites that still make these changes by hand in the RAMQ online services. Follow the "
        "procedures in order, one establishment at a time. Screens, buttons and boxes keep the "
        "portal's own names, in French, glossed in brackets.",
        "Pour les établissements qui font encore ces changements à la main dans les services en "
        "ligne de la RAMQ. Suivez les procédures dans l'ordre, un établissement à la fois. Les "
        "écrans, les boutons et les cases sont nommés comme dans le portail.",
    ),
    "runbook.meta": Message(
        "Plan made from the state {location} (id `{id}`, serial {serial}; configuration "
        "`{digest}`).",
        "Plan établi à partir de l'état {location} (identifiant `{id}`, numéro de série {serial}; "
        "configuration `{digest}`).",
    ),
    "runbook.establishment": Message("{name} (region {region})", "{name} (région {region})"),
    "runbook.representative": Message(
        "Designated representative: {name}",
        "Représentant désigné : {name}",
    ),
    "runbook.new_establishment": Message(
        "New establishment: the tool creates its record. Nothing to do for it in the portal: "
        "follow the steps below for its users.",
        "Nouvel établissement : l'outil crée sa fiche. Rien à faire pour elle dans le portail : "
        "suivez les étapes ci-dessous pour ses utilisateurs.",
    ),
    "runbook.login.title": Message("First, log in", "D'abord, se connecter"),
    "runbook.login.connect": Message(
        "Log in to the RAMQ online services (« services en ligne de la RAMQ ») with your username "
        "and password.",
        "Connectez-vous aux services en ligne de la RAMQ avec votre nom d'utilisateur et votre "
        "mot de passe.",
    ),
    "runbook.login.service": Message(
        "Click « Inscription d'utilisateurs par un représentant désigné » (user registration by "
        "a designated representative). The list of the users you registered appears (« Nom », "
        "« Prénom », « Nom d'utilisateur »: last name, first name, username).",
        "Cliquez sur « Inscription d'utilisateurs par un représentant désigné ». La liste des "
        "utilisateurs que vous avez inscrits s'affiche (« Nom », « Prénom », « Nom "
        "d'utilisateur »).",
    ),
    "runbook.field": Message("{label}: {value}", "{label} : {value}"),
    "runbook.change": Message("{label}: {old} → {new}", "{label} : {old} → {new}"),
    # The fields of « Ajouter un utilisateur », as the form labels them.
    "runbook.label.title": Message("« Titre de civilité » (title)", "« Titre de civilité »"),
    "runbook.label.first_name": Message("« Prénom » (first name)", "« Prénom »"),
    "runbook.label.last_name": Message("« Nom » (last name)", "« Nom »"),
    "runbook.label.email": Message("« Courriel » (email)", "« Courriel »"),
    "runbook.answer.yes": Message("« Oui » (yes)", "« Oui »"),
    "runbook.answer.no": Message("« Non » (no)", "« Non »"),
    "runbook.h.create": Message("Create an account: {name}", "Créer un compte : {name}"),
    "runbook.h.join": Message(
        "Add RVSQ to an existing account: {name}",
        "Ajouter RVSQ à un compte existant : {name}",
    ),
    "runbook.h.grant": Message("Add services: {name}", "Ajouter des services : {name}"),
    "runbook.h.revoke": Message("Remove services: {name}", "Retirer des services : {name}"),
    "runbook.h.services": Message("Change services: {name}", "Changer les services : {name}"),
    "runbook.h.no_service": Message(
        "No service left: {name}",
        "Plus aucun service : {name}",
    ),
    "runbook.h.departure": Message(
        "Release for a move: {name}",
        "Retirer pour un transfert : {name}",
    ),
    "runbook.h.update": Message(
        "Correct the details: {name}",
        "Corriger les renseignements : {name}",
    ),
    "runbook.h.release": Message(
        "Release from the establishment: {name}",
        "Retirer de l'établissement : {name}",
    ),
    "runbook.h.code": Message("New secret code: {name}", "Nouveau code secret : {name}"),
    "runbook.h.reset": Message(
        "Reset the password: {name}",
        "Réinitialiser le mot de passe : {name}",
    ),
    "runbook.h.delete": Message("Delete the account: {name}", "Supprimer le compte : {name}"),
    "runbook.step.add_user": Message(
        "Click the « Ajouter un utilisateur » (add a user) button.",
        "Cliquez sur le bouton « Ajouter un utilisateur ».",
    ),
    "runbook.step.has_account": Message(
        "Under the question « L'utilisateur a-t-il déjà un compte? » (does the user already "
        "have an account?), tick {answer}.",
        "Sous la question « L'utilisateur a-t-il déjà un compte? », cochez {answer}.",
    ),
    "runbook.step.fill": Message("Fill in the form:", "Remplissez le formulaire :"),
    "runbook.step.tick_only": Message(
        "Under « Services » (services), tick these boxes, and only these:",
        "Sous « Services », cochez ces cases, et seulement celles-ci :",
    ),
    "runbook.step.submit": Message(
        "Click the « Ajouter un utilisateur » (add a user) button at the bottom of the form. The "
        "RAMQ emails the account-creation instructions to {email}.",
        "Cliquez sur le bouton « Ajouter un utilisateur » au bas du formulaire. La RAMQ envoie à "
        "{email} un courriel avec les consignes de création du compte.",
    ),
    "runbook.step.code_created": Message(
        "The confirmation shows a secret code: write it down and give it to {name} yourself, in "
        "person or by phone, never by email. They need it to finish registering for the RAMQ "
        "online services.",
        "Un code secret s'affiche dans la confirmation : notez-le et remettez-le vous-même à "
        "{name}, en personne ou par téléphone, jamais par courriel. Cette personne en aura besoin "
        "pour terminer son inscription aux services en ligne de la RAMQ.",
    ),
    "runbook.step.wait": Message(
        "Tell {name} to wait 24 hours before logging in to RVSQ for the first time.",
        "Avisez {name} d'attendre 24 heures avant de se connecter à RVSQ pour la première fois.",
    ),
    "runbook.step.username": Message(
        "Enter their username: {username}",
        "Inscrivez son nom d'utilisateur : {username}",
    ),
    "runbook.step.submit_existing": Message(
        "Click the « Ajouter un utilisateur » (add a user) button at the bottom of the form.",
        "Cliquez sur le bouton « Ajouter un utilisateur » au bas du formulaire.",
    ),
    "runbook.step.after_release": Message(
        "First make sure {name} is no longer on the list of {establishment}: its representative "
        "({representative}) clicks « Supprimer » (delete) next to the name, as that "
        "establishment's procedures say. The portal adds a person to your list only once the "
        "other list has let them go.",
        "Assurez-vous d'abord que {name} ne figure plus dans la liste de {establishment} : son "
        "représentant ({representative}) clique sur « Supprimer » à côté du nom, comme le "
        "prévoient les procédures de cet établissement. Le portail n'ajoute la personne à votre "
        "liste qu'une fois qu'elle est retirée de l'autre.",
    ),
    "runbook.note.departure": Message(
        "{name} moves to {establishment}, whose representative adds them afterwards with "
        "« Ajouter un utilisateur » (add a user): do this first. {name} keeps their account.",
        "{name} est transféré à {establishment}, dont le représentant l'ajoutera ensuite avec "
        "« Ajouter un utilisateur » : faites cette étape en premier. {name} garde son compte.",
    ),
    "runbook.note.existing": Message(
        "{name} keeps their usual username and password: there is no secret code to pass on.",
        "{name} garde son nom d'utilisateur et son mot de passe habituels : il n'y a aucun code "
        "secret à transmettre.",
    ),
    "runbook.note.clinical": Message(
        "Clinical nurse: RVSQ needs a new account, even if the person already uses the RAMQ "
        "online services for something else, with an email that differs from the one of their "
        "other services.",
        "Infirmière clinicienne : RVSQ exige un nouveau compte, même si la personne utilise déjà "
        "les services en ligne de la RAMQ pour autre chose, avec une adresse courriel différente "
        "de celle de ses autres services.",
    ),
    "runbook.step.open": Message(
        "In the list of users, find {name} (« Nom d'utilisateur », username: {username}) and "
        "click the name.",
        "Dans la liste des utilisateurs, repérez {name} (« Nom d'utilisateur » : {username}) et "
        "cliquez sur son nom.",
    ),
    "runbook.step.update": Message(
        "Click « Mettre à jour » (update).",
        "Cliquez sur « Mettre à jour ».",
    ),
    "runbook.step.tick": Message(
        "Under « Services » (services), tick these boxes (leave the others as they are):",
        "Sous « Services », cochez ces cases (laissez les autres telles quelles) :",
    ),
    "runbook.step.untick": Message(
        "Under « Services » (services), untick these boxes (leave the others as they are):",
        "Sous « Services », décochez ces cases (laissez les autres telles quelles) :",
    ),
    "runbook.step.no_field": Message(
        "The portal cannot make this change: once an account exists, its screen shows only "
        "« Nom d'utilisateur » (username), « Réinitialiser le mot de passe » (reset the "
        "password) and « Services » (services). What changes:",
        "Le portail ne permet pas ce changement : une fois le compte créé, son écran ne montre "
        "que « Nom d'utilisateur », « Réinitialiser le mot de passe » et « Services ». Ce qui "
        "change :",
    ),
    "runbook.step.ask_regional": Message(
        "Ask your regional representative, or the RAMQ, to make the correction for {name} "
        "(username {username}). The tool records the new values when the plan is applied.",
        "Demandez à votre représentant régional, ou à la RAMQ, de faire la correction pour "
        "{name} (nom d'utilisateur {username}). L'outil enregistre les nouvelles valeurs quand "
        "le plan est appliqué.",
    ),
    "runbook.note.no_service": Message(
        "The form needs at least one ticked box under « Services » (services), so a person "
        "who keeps no service leaves your list. Should {name} need RVSQ again, add them back "
        "with « Ajouter un utilisateur » (add a user), « Oui » (yes) and their username.",
        "Le formulaire exige au moins une case cochée sous « Services » : une personne qui ne "
        "garde aucun service est retirée de votre liste. Si {name} a de nouveau besoin de RVSQ, "
        "ajoutez-la avec « Ajouter un utilisateur », « Oui » et son nom d'utilisateur.",
    ),
    "runbook.note.released": Message(
        "Only the link with your establishment ends: {name} keeps their own RAMQ account and "
        "their other online services.",
        "Seul le lien avec votre établissement prend fin : {name} garde son propre compte RAMQ et "
        "ses autres services en ligne.",
    ),
    "runbook.step.code_box": Message(
        "Click the « Générer un nouveau code secret » (generate a new secret code) box and enter "
        "the user's email: {email}",
        "Cliquez dans la case « Générer un nouveau code secret » et inscrivez le courriel de "
        "l'utilisateur : {email}",
    ),
    "runbook.step.code_shown": Message(
        "A new secret code appears on the screen: write it down and give it to {name} yourself, "
        "never by email. The previous code no longer works.",
        "Un nouveau code secret s'affiche à l'écran : notez-le et remettez-le vous-même à {name}, "
        "jamais par courriel. L'ancien code ne fonctionne plus.",
    ),
    "runbook.step.reset_box": Message(
        "Click the « Réinitialiser le mot de passe » (reset the password) option and enter the "
        "user's email in its « Courriel » (email) field: {email}",
        "Cliquez sur l'option « Réinitialiser le mot de passe » et inscrivez le courriel de "
        "l'utilisateur dans son champ « Courriel » : {email}",
    ),
    "runbook.step.reset_sent": Message(
        "Click « Mettre à jour » (update). The RAMQ emails the reset instructions to that "
        "address; you never see the password.",
        "Cliquez sur « Mettre à jour ». La RAMQ envoie les consignes de réinitialisation à cette "
        "adresse; vous ne voyez jamais le mot de passe.",
    ),
    "runbook.step.delete": Message(
        "In the list of users, find {name} (« Nom d'utilisateur », username: {username}) and "
        "click « Supprimer » (delete) next to the name.",
        "Dans la liste des utilisateurs, repérez {name} (« Nom d'utilisateur » : {username}) et "
        "cliquez sur « Supprimer » à côté de son nom.",
    ),
    "runbook.note.deleted": Message(
        "The account is deleted: {name} can no longer log in with it.",
        "Le compte est supprimé : {name} ne pourra plus s'en servir pour se connecter.",
    ),
    "runbook.ticket": Message("Ticket: {ticket}", "Billet : {ticket}"),
    "runbook.blocked": Message("Do not do these", "À ne pas faire"),
    "runbook.blocked.line": Message(
        "**{what}** ({username}): {reason}.",
        "**{what}** ({username}) : {reason}.",
    ),
    "runbook.blocked.B01": Message(
        "Do not create an account for {name}",
        "Ne créez pas de compte pour {name}",
    ),
    "runbook.blocked.B02": Message(
        "Do not add {name} to your list",
        "N'ajoutez pas {name} à votre liste",
    ),
    "runbook.blocked.B03": Message(
        "Do not create a new account for {name}",
        "Ne créez pas de nouveau compte pour {name}",
    ),
    "runbook.blocked.B04": Message(
        "Do not change anything for {name}",
        "Ne modifiez rien pour {name}",
    ),
    "runbook.blocked.B05": Message(
        "Do not generate a new secret code for {name}",
        "Ne générez pas de nouveau code secret pour {name}",
    ),
    "runbook.blocked.B06": Message(
        "Do not reset the password for {name}",
        "Ne demandez pas de réinitialisation du mot de passe pour {name}",
    ),
    "runbook.blocked.B07": Message(
        "Do not change the email for {name}",
        "Ne changez pas le courriel inscrit pour {name}",
    ),
    "runbook.blocked.other": Message(
        "Do not make this change for {name}",
        "Ne faites pas ce changement pour {name}",
    ),
    "runbook.quiet": Message(
        "No step in the portal for {count} other {count:change|changes} (establishment record, "
        "review or end dates, tickets): the tool records them.",
        "Aucune étape dans le portail pour {count} {count:autre changement|autres changements} "
        "(fiche de l'établissement, dates de révision ou d'échéance, billets) : l'outil les "
        "enregistre lui-même.",
    ),
    "runbook.untouched": Message(
        "Nothing to do in the portal for: {names} (the tool records their changes).",
        "Rien à faire dans le portail pour : {names} (l'outil enregistre lui-même leurs "
        "changements).",
    ),
    "runbook.nothing": Message(
        "Nothing to do in the portal: the state matches the access files.",
        "Rien à faire dans le portail : l'état correspond aux fichiers d'accès.",
    ),
}
