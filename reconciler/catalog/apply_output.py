"""Applying a plan, and the secret codes it seals."""

from reconciler.catalog.message import Message

MESSAGES: dict[str, Message] = {
    # --- apply ------------------------------------------------------------------------
    "E115": Message(
        "apply needs a confirmation and there is no terminal to ask",
        "l'application demande une confirmation et aucun terminal ne permet de la demander",
    ),
    "E115.hint": Message(
        "review the plan, then run apply with --auto-approve (as CI does). Nothing was changed.",
        "relisez le plan, puis lancez apply avec --auto-approve (comme le fait la CI). Rien n'a "
        "été changé.",
    ),
    "E117": Message(
        "apply stopped at action {number} of {total} ({action} {target}): {reason}",
        "apply s'est arrêté à l'action {number} sur {total} ({action} {target}) : {reason}",
    ),
    "E117.hint": Message(
        "that action was rolled back whole; the {done} before it are applied and recorded.",
        "cette action a été annulée en entier; les {done} d'avant sont appliquées et consignées.",
    ),
    "E143": Message(
        "the change reference is not one line of printable text of at most 500 characters",
        "la référence du changement n'est pas une seule ligne de texte imprimable d'au plus 500 "
        "caractères",
    ),
    "E143.hint": Message(
        "give a pull request's URL or a ticket number with --change-ref (or RVSQ_CHANGE_REF). "
        "Nothing was changed.",
        "donnez l'adresse d'une demande de fusion (pull request) ou un numéro de billet avec "
        "--change-ref (ou RVSQ_CHANGE_REF). Rien n'a été changé.",
    ),
    "E143.hint.plan": Message(
        "give a pull request's URL or a ticket number with --change-ref (or RVSQ_CHANGE_REF), in "
        "the plan as in the apply.",
        "donnez l'adresse d'une demande de fusion (pull request) ou un numéro de billet avec "
        "--change-ref (ou RVSQ_CHANGE_REF), au plan comme à la commande apply.",
    ),
    "E151": Message("interrupted", "interrompu"),
    "E151.hint": Message(
        "a change in progress was rolled back whole; what the command had finished before is "
        "kept. Run the command again.",
        "un changement en cours a été annulé en entier; ce que la commande avait terminé avant "
        "est conservé. Relancez la commande.",
    ),
    "E152": Message(
        "apply interrupted after {done} of {total} {total:action|actions}",
        "apply interrompu après {done} {total:action|actions} sur {total}",
    ),
    "E152.hint": Message(
        "the action in progress was rolled back whole; the ones before it are applied and "
        "recorded.",
        "l'action en cours a été annulée en entier; celles d'avant sont appliquées et consignées.",
    ),
    "E153": Message(
        "every change is applied ({total} {total:action|actions}), but delivering failed: "
        "'{path}': {reason}",
        "tous les changements sont appliqués ({total} {total:action|actions}), mais la livraison "
        "a échoué : « {path} » : {reason}",
    ),
    "E153.hint": Message(
        "nothing is lost: what was not delivered waits in the state.",
        "rien n'est perdu : ce qui n'a pas été livré attend dans l'état.",
    ),
    "E154": Message(
        "the question got no answer (the input ended)",
        "la question est restée sans réponse (l'entrée s'est terminée)",
    ),
    "E154.hint": Message(
        "nothing was changed. Run the command again on a terminal, or give every value as an "
        "option.",
        "rien n'a été changé. Relancez la commande dans un terminal, ou donnez chaque valeur en "
        "option.",
    ),
    "E158": Message(
        "the state file {location} was moved or deleted while apply ran: it stopped after {done} "
        "of {total} {total:action|actions}",
        "le fichier de l'état {location} a été déplacé ou supprimé pendant apply : il s'est "
        "arrêté après {done} {total:action|actions} sur {total}",
    ),
    "E158.hint": Message(
        "those actions are in the file that was moved, and in its journal (-wal) still beside its "
        "old name: put the file back under its name first (do not run 'state init'), then run "
        "'rvsq-access state check' and 'rvsq-access apply' again.",
        "ces actions sont dans le fichier déplacé, et dans son journal (-wal) resté à côté de son "
        "ancien nom : remettez d'abord le fichier sous son nom (ne lancez pas « state init »), "
        "puis lancez « rvsq-access state check » et relancez « rvsq-access apply ».",
    ),
    "E159": Message(
        "apply interrupted before it changed anything",
        "apply interrompu avant d'avoir changé quoi que ce soit",
    ),
    "E159.hint": Message(
        "nothing was changed. Run apply again when you are ready.",
        "rien n'a été changé. Relancez apply quand vous serez prêt.",
    ),
    # --- secret codes, sealed to the representative's age key -------------------------
    "E120": Message(
        "the 'age_recipient' of '{establishment}' is not an age public key: '{recipient}'",
        "l'« age_recipient » de « {establishment} » n'est pas une clé publique age : "
        "« {recipient} »",
    ),
    "E120.hint": Message(
        "copy the recipient exactly as 'age-keygen' printed it (it starts with 'age1'): one wrong "
        "character makes it unusable.",
        "copiez le destinataire exactement comme « age-keygen » l'a affiché (il commence par "
        "« age1 ») : un seul caractère erroné le rend inutilisable.",
    ),
    "E121": Message(
        "the identity file holds no age secret key",
        "le fichier d'identité ne contient aucune clé secrète age",
    ),
    "E121.hint": Message(
        "give the file made by 'age-keygen' (a line starting AGE-SECRET-KEY-).",
        "indiquez le fichier fait par « age-keygen » (une ligne qui commence par AGE-SECRET-KEY-).",
    ),
    "E122": Message(
        "'{path}' cannot be opened with that identity",
        "« {path} » ne s'ouvre pas avec cette identité",
    ),
    "E122.hint": Message(
        "use the identity whose public key is the establishment's 'age_recipient'.",
        "utilisez l'identité dont la clé publique est l'« age_recipient » de l'établissement.",
    ),
    "E122.hint.several": Message(
        "use the identity whose public key is the establishment's 'age_recipient', and give only "
        "that establishment's files (.rvsq/codes/*-ESTABLISHMENT.age): nothing was shown.",
        "utilisez l'identité dont la clé publique est l'« age_recipient » de l'établissement, et "
        "ne donnez que les fichiers de cet établissement (.rvsq/codes/*-ÉTABLISSEMENT.age) : rien "
        "n'a été affiché.",
    ),
    "E123": Message(
        "the state has no account '{username}'",
        "l'état n'a aucun compte « {username} »",
    ),
    "E123.hint": Message(
        "list the accounts with 'rvsq-access state list'.",
        "affichez les comptes avec « rvsq-access state list ».",
    ),
    "E177": Message(
        "'{path}' is not a sealed file: its ASCII armour is damaged",
        "« {path} » n'est pas un fichier scellé : son armure ASCII est abîmée",
    ),
    "E177.hint": Message(
        "use the file exactly as apply wrote it in .rvsq/codes/: an edit or a copy through a tool "
        "that changes text breaks it.",
        "utilisez le fichier tel qu'apply l'a écrit dans .rvsq/codes/ : une modification, ou une "
        "copie par un outil qui change le texte, le brise.",
    ),
    "E178": Message(
        "'{path}' opens with this identity, but what it holds is not a list of codes written by "
        "this tool: nothing is shown",
        "« {path} » s'ouvre avec cette identité, mais son contenu n'est pas une liste de codes "
        "écrite par cet outil : rien n'est affiché",
    ),
    "E178.hint": Message(
        "the file was made or changed outside rvsq-access: do not hand out anything from it, and "
        "ask the team that runs apply for the file it wrote.",
        "le fichier a été fait ou modifié hors de rvsq-access : ne remettez rien de ce qu'il "
        "contient, et demandez à l'équipe qui lance apply le fichier qu'elle a écrit.",
    ),
    # --- codes reveal output -----------------------------------------------------------
    "codes.file": Message("Codes in {path}:", "Codes de {path} :"),
    "codes.file_of": Message("Codes for {establishment}, in {path}:",
                             "Codes de {establishment}, dans {path} :"),
    "codes.file_empty": Message("  (no code in this file)", "  (aucun code dans ce fichier)"),
    "codes.col.name": Message("Name", "Nom"),
    "codes.col.username": Message("Username", "Nom d'utilisateur"),
    "codes.col.code": Message("Secret code", "Code secret"),
    "codes.col.issued": Message("Issued (Quebec time)", "Émis (heure du Québec)"),
    "codes.col.status": Message("Status", "État"),
    "codes.status.current": Message("to hand out", "à remettre"),
    "codes.status.replaced": Message("replaced by the code of {issued}",
                                     "remplacé par le code du {issued}"),
    "codes.local_time": Message("{date} {hour:02d}:{minute:02d}",
                                 "{date} {hour} h {minute:02d}"),
    "codes.replaced_note": Message(
        "A code marked replaced no longer works: hand each person only the code marked 'to hand "
        "out'.",
        "Un code marqué remplacé ne fonctionne plus : ne remettez à chaque personne que le code "
        "marqué « à remettre ».",
    ),
    # --- apply output -----------------------------------------------------------------
    "apply.confirm": Message("Apply these changes?", "Appliquer ces changements?"),
    "apply.cancelled": Message("Nothing was changed.", "Rien n'a été changé."),
    "apply.waiting": Message(
        "Another apply holds the state lock; waiting up to {timeout} s…",
        "Une autre application détient le verrou de l'état; attente d'au plus {timeout} s…",
    ),
    "apply.progress": Message("Applying", "Application"),
    "apply.done": Message(
        "Applied {count} {count:action|actions} (run {run_id}).",
        "{count} {count:action appliquée|actions appliquées} (exécution {run_id}).",
    ),
    "apply.nothing": Message("Nothing to apply.", "Rien à appliquer."),
    "apply.login": Message(
        "{username} can log in from {available_at} (about 24 hours after creation).",
        "{username} pourra se connecter à partir du {available_at} (environ 24 heures après la "
        "création).",
    ),
    "apply.login_many": Message(
        "The {count} new users can log in from {available_at} at the latest (about 24 hours after "
        "creation).",
        "Les {count} nouveaux utilisateurs pourront se connecter au plus tard le {available_at} "
        "(environ 24 heures après la création).",
    ),
    "apply.code_files": Message(
        "New secret codes are sealed in {path}; open them with: rvsq-access codes reveal {path} "
        "--identity KEYFILE",
        "Les nouveaux codes secrets sont scellés dans {path}; ouvrez-les avec : rvsq-access codes "
        "reveal {path} --identity FICHIER-CLE",
    ),
    "apply.codes_shown": Message(
        "New secret codes, shown once: pass each one to its user by hand. They are not stored "
        "anywhere.",
        "Nouveaux codes secrets, affichés une seule fois : remettez chacun à son utilisateur en "
        "main propre. Ils ne sont conservés nulle part.",
    ),
    "apply.emails": Message(
        "{count} {count:email|emails} delivered to {path}.",
        "{count} {count:courriel livré|courriels livrés} dans {path}.",
    ),
    "apply.emails_waiting": Message(
        "{count} {count:email waits|emails wait} in the state's outbox, not sent: RVSQ_SMTP_URL "
        "is not set. Send {count:it|them} with 'rvsq-access outbox send' once it is, or write "
        "{count:it as an .eml file|them as .eml files} with 'rvsq-access outbox export DIR' and "
        "send {count:it|them} by hand.",
        "{count} {count:courriel attend|courriels attendent} dans la boîte d'envoi de l'état, "
        "non {count:envoyé|envoyés} : RVSQ_SMTP_URL n'est pas défini. "
        "{count:Envoyez-le|Envoyez-les} avec « rvsq-access outbox send » une fois qu'il l'est, "
        "ou {count:écrivez-le en fichier|écrivez-les en fichiers} .eml avec « rvsq-access outbox "
        "export DOSSIER » et {count:envoyez-le|envoyez-les} à la main.",
    ),
    "apply.emails_failed": Message(
        "{count} {count:email|emails} could not be delivered by {where}: {error}. {count:It "
        "waits|They wait} in the state's outbox: send {count:it|them} with 'rvsq-access outbox "
        "send' (the next apply tries too), or write {count:it as an .eml file|them as .eml "
        "files} with 'rvsq-access outbox export DIR' and send {count:it|them} by hand.",
        "{count} {count:courriel n'a pas pu être livré|courriels n'ont pas pu être livrés} par "
        "{where} : {error}. {count:Il attend|Ils attendent} dans la boîte d'envoi de l'état : "
        "{count:envoyez-le|envoyez-les} avec « rvsq-access outbox send » (la prochaine "
        "application essaie aussi), ou {count:écrivez-le en fichier|écrivez-les en fichiers} "
        ".eml avec « rvsq-access outbox export DOSSIER » et {count:envoyez-le|envoyez-les} à la "
        "main.",
    ),
    "apply.blocked": Message(
        "{count} {count:entry remains|entries remain} blocked: see the plan for what each needs.",
        "{count} {count:entrée reste bloquée|entrées restent bloquées} : voyez le plan pour ce "
        "qu'il faut à chacune.",
    ),
    "apply.ending.done": Message(
        "Applied and recorded: {done} of {total} {total:action|actions} (run {run_id}).",
        "Appliqué et consigné : {done} {total:action|actions} sur {total} (exécution {run_id}).",
    ),
    "apply.ending.unknown": Message(
        "What waits for delivery cannot be read: the state does not answer. Run 'rvsq-access "
        "apply' again once it does: it delivers what waits.",
        "Impossible de lire ce qui attend d'être livré : l'état ne répond pas. Relancez "
        "« rvsq-access apply » quand il répondra : il livrera ce qui attend.",
    ),
    "apply.ending.rest": Message(
        "To finish: fix the cause, then run 'rvsq-access apply' again; it plans and applies the "
        "{count} remaining {count:action|actions} and delivers what waits.",
        "Pour terminer : corrigez la cause, puis relancez « rvsq-access apply »; il planifie et "
        "applique {count:l'action restante|les {count} actions restantes} et livre ce qui attend.",
    ),
    "apply.ending.waiting": Message(
        "Waiting for delivery: {emails} {emails:email|emails} and {sealed} {sealed:file|files} "
        "of sealed codes.",
        "En attente de livraison : {emails} {emails:courriel|courriels} et {sealed} "
        "{sealed:fichier|fichiers} de codes scellés.",
    ),
    "apply.ending.sealed": Message(
        "To write the sealed codes in '{folder}': run 'rvsq-access apply' again (it writes them "
        "even with nothing else to apply).",
        "Pour écrire les codes scellés dans « {folder} » : relancez « rvsq-access apply » (il les "
        "écrit même s'il n'y a rien d'autre à appliquer).",
    ),
    "apply.ending.emails": Message(
        "To deliver the emails: 'rvsq-access outbox send' (with RVSQ_SMTP_URL), or 'rvsq-access "
        "outbox export FOLDER' to send them by hand.",
        "Pour livrer les courriels : « rvsq-access outbox send » (avec RVSQ_SMTP_URL), ou "
        "« rvsq-access outbox export DOSSIER » pour les envoyer à la main.",
    ),
}
