"""The emails to new users, and the outbox that delivers them."""

from reconciler.catalog.message import Message

MESSAGES: dict[str, Message] = {
    # --- emails (French then English, composed by mail.py) ----------------------------
    "mail.created.subject": Message(
        "Your access to Rendez-vous santé Québec",
        "Votre accès à Rendez-vous santé Québec",
    ),
    "mail.created.body": Message(
        "Hello {name},\n\n"
        "{establishment} has created your account for the RAMQ online services, with access to "
        "Rendez-vous santé Québec (RVSQ). Your username is: {username}\n\n"
        "To finish your registration you need a secret code. Your establishment's representative "
        "will give it to you directly; it is never sent by email.\n\n"
        "Please wait 24 hours before you log in for the first time (from {available_at}).\n\n"
        "If you did not expect this message, tell your establishment's representative.",
        "Bonjour {name},\n\n"
        "{establishment} a créé votre compte aux services en ligne de la RAMQ, avec l'accès à "
        "Rendez-vous santé Québec (RVSQ). Votre nom d'utilisateur est : {username}\n\n"
        "Pour terminer votre inscription, vous aurez besoin d'un code secret. Le représentant de "
        "votre établissement vous le remettra directement; il n'est jamais envoyé par "
        "courriel.\n\n"
        "Attendez 24 heures avant de vous connecter pour la première fois (à partir du "
        "{available_at}).\n\n"
        "Si vous n'attendiez pas ce message, avisez le représentant de votre établissement.",
    ),
    "mail.reset.subject": Message(
        "Resetting your RAMQ online services password",
        "Réinitialisation de votre mot de passe aux services en ligne de la RAMQ",
    ),
    "mail.reset.body": Message(
        "Hello {name},\n\n"
        "{establishment} has asked for your password to be reset, for the username: {username}\n\n"
        "Follow the instructions the RAMQ online services send you to choose a new password. "
        "Nobody at your establishment will ever ask you for your password.\n\n"
        "If you did not ask for this, tell your establishment's representative.",
        "Bonjour {name},\n\n"
        "{establishment} a demandé la réinitialisation de votre mot de passe, pour le nom "
        "d'utilisateur : {username}\n\n"
        "Suivez les consignes que les services en ligne de la RAMQ vous envoient pour choisir un "
        "nouveau mot de passe. Personne de votre établissement ne vous demandera jamais votre mot "
        "de passe.\n\n"
        "Si vous n'avez rien demandé, avisez le représentant de votre établissement.",
    ),
    # --- the outbox: delivery failures kept on a message, and `outbox` ----------------
    "E133": Message(
        "'{url}' is not a mail server address this tool can use",
        "« {url} » n'est pas une adresse de serveur de courriel utilisable",
    ),
    "E133.hint": Message(
        "set RVSQ_SMTP_URL to smtp://host:port (STARTTLS when offered) or smtps://host:port "
        "(TLS), or unset it: the emails then wait in the state's outbox.",
        "donnez à RVSQ_SMTP_URL la forme smtp://hôte:port (STARTTLS s'il est offert) ou "
        "smtps://hôte:port (TLS), ou retirez-la : les courriels attendent alors dans la boîte "
        "d'envoi de l'état.",
    ),
    "E160": Message(
        "RVSQ_SMTP_URL is not set: there is no mail server to send the emails to",
        "RVSQ_SMTP_URL n'est pas défini : aucun serveur de courriel ne peut envoyer les courriels",
    ),
    "E160.hint": Message(
        "set RVSQ_SMTP_URL to smtp://host:port or smtps://host:port (with RVSQ_SMTP_USER and "
        "RVSQ_SMTP_PASSWORD if the server asks for a login), or write the emails as .eml files "
        "with 'rvsq-access outbox export DIR' and send them by hand. Nothing was changed.",
        "donnez à RVSQ_SMTP_URL la forme smtp://hôte:port ou smtps://hôte:port (avec "
        "RVSQ_SMTP_USER et RVSQ_SMTP_PASSWORD si le serveur demande une connexion), ou écrivez "
        "les courriels en fichiers .eml avec « rvsq-access outbox export DOSSIER » et envoyez-les "
        "à la main. Rien n'a été changé.",
    ),
    "E161": Message(
        "the address '{address}' has characters other than ASCII before the @, and the mail "
        "server does not offer SMTPUTF8",
        "l'adresse « {address} » contient, avant le @, des caractères hors ASCII, et le serveur "
        "de courriel n'offre pas SMTPUTF8",
    ),
    "E161.hint": Message(
        "send this email through a server that offers SMTPUTF8 (RVSQ_SMTP_URL), or by hand "
        "('rvsq-access outbox export DIR'); the other emails are not held up.",
        "envoyez ce courriel par un serveur qui offre SMTPUTF8 (RVSQ_SMTP_URL), ou à la main (« "
        "rvsq-access outbox export DOSSIER ») ; les autres courriels ne sont pas retenus.",
    ),
    "E162": Message(
        "the domain of the address '{address}' cannot be written in ASCII (IDNA)",
        "le domaine de l'adresse « {address} » ne peut pas s'écrire en ASCII (IDNA)",
    ),
    "E162.hint": Message(
        "check the address in the access file, or send this email by hand ('rvsq-access outbox "
        "export DIR'); the other emails are not held up.",
        "vérifiez l'adresse dans le fichier d'accès, ou envoyez ce courriel à la main (« "
        "rvsq-access outbox export DOSSIER ») ; les autres courriels ne sont pas retenus.",
    ),
    "E163": Message(
        "the emails cannot be written to '{path}': {reason}",
        "les courriels ne peuvent pas être écrits dans « {path} » : {reason}",
    ),
    "E163.hint": Message(
        "name a folder you may write to (it is created if missing). No email was marked as "
        "exported: they all still wait.",
        "nommez un dossier où vous pouvez écrire (il est créé s'il manque). Aucun courriel n'a "
        "été marqué comme exporté : ils attendent tous encore.",
    ),
    "E164": Message(
        "RVSQ_SMTP_URL holds a login (user name or password) for '{url}': this tool takes the "
        "login only from RVSQ_SMTP_USER and RVSQ_SMTP_PASSWORD",
        "RVSQ_SMTP_URL contient un identifiant (nom d'utilisateur ou mot de passe) pour "
        "« {url} » : l'outil ne prend l'identifiant que dans RVSQ_SMTP_USER et RVSQ_SMTP_PASSWORD",
    ),
    "E164.hint": Message(
        "remove the login from RVSQ_SMTP_URL (smtp://host:port or smtps://host:port) and give it "
        "in RVSQ_SMTP_USER and RVSQ_SMTP_PASSWORD. Nothing was changed.",
        "retirez l'identifiant de RVSQ_SMTP_URL (smtp://hôte:port ou smtps://hôte:port) et "
        "donnez-le dans RVSQ_SMTP_USER et RVSQ_SMTP_PASSWORD. Rien n'a été changé.",
    ),
    "E165": Message(
        "outbox send interrupted: {sent} {sent:email|emails} sent by {where}",
        "outbox send interrompu : {sent} {sent:courriel envoyé|courriels envoyés} par {where}",
    ),
    "E165.hint": Message(
        "the emails sent are recorded and will not be sent again; the one in flight when it "
        "stopped, if the server had taken it, may arrive twice.",
        "les courriels envoyés sont consignés et ne seront plus envoyés; celui en cours d'envoi "
        "au moment de l'arrêt, si le serveur l'avait déjà pris, pourrait arriver deux fois.",
    ),
    "E166": Message(
        "outbox export interrupted: {written} of {total} {total:email|emails} written to '{path}'",
        "outbox export interrompu : {written} {total:courriel|courriels} sur {total} "
        "{written:écrit|écrits} dans « {path} »",
    ),
    "E166.hint": Message(
        "every file in the folder is whole: none is cut short.",
        "chaque fichier du dossier est entier : aucun n'est tronqué.",
    ),
    # --- outbox output ----------------------------------------------------------------
    "outbox.header": Message(
        "id\tstatus\tkind\tto\tattempts\tcreated\tlast error or delivery",
        "identifiant\tstatut\ttype\tdestinataire\ttentatives\tcréé\tdernière erreur ou livraison",
    ),
    "outbox.status.pending": Message("pending", "en attente"),
    "outbox.status.failed": Message("failed", "en échec"),
    "outbox.status.sent": Message("sent", "envoyé"),
    "outbox.status.exported": Message("exported", "exporté"),
    "outbox.kind.created": Message("account creation", "création de compte"),
    "outbox.kind.reset": Message("password reset", "réinitialisation du mot de passe"),
    "outbox.sent_at": Message("sent on {at}", "envoyé le {at}"),
    "outbox.exported_at": Message("exported on {at} to {folder}", "exporté le {at} dans {folder}"),
    "outbox.none_waiting": Message(
        "No email waits in the outbox.",
        "Aucun courriel n'attend dans la boîte d'envoi.",
    ),
    "outbox.empty": Message("The outbox is empty.", "La boîte d'envoi est vide."),
    "outbox.counts": Message(
        "Pending: {pending}, failed: {failed}, sent: {sent}, exported: {exported}.",
        "En attente : {pending}, en échec : {failed}, envoyés : {sent}, exportés : {exported}.",
    ),
    "outbox.sent": Message(
        "{count} {count:email|emails} sent by {where}.",
        "{count} {count:courriel envoyé|courriels envoyés} par {where}.",
    ),
    "outbox.failed": Message(
        "{count} {count:email|emails} could not be sent by {where}: {error}. {count:It "
        "waits|They wait}: run 'rvsq-access outbox send' again, or write {count:it as an .eml "
        "file|them as .eml files} with 'rvsq-access outbox export DIR' and send {count:it|them} "
        "by hand.",
        "{count} {count:courriel n'a pas pu être envoyé|courriels n'ont pas pu être envoyés} par "
        "{where} : {error}. {count:Il attend|Ils attendent} : relancez « rvsq-access outbox send "
        "», ou {count:écrivez-le en fichier|écrivez-les en fichiers} .eml avec « rvsq-access "
        "outbox export DOSSIER » et {count:envoyez-le|envoyez-les} à la main.",
    ),
    "outbox.nothing": Message(
        "No email waits: nothing to send.",
        "Aucun courriel n'attend : rien à envoyer.",
    ),
    "outbox.exported": Message(
        "{count} {count:email|emails} written to {path}, one .eml file each: send "
        "{count:it|them} by hand. {count:It is|They are} marked as exported and will not be sent "
        "again.",
        "{count} {count:courriel écrit|courriels écrits} dans {path}, un fichier .eml chacun : "
        "{count:envoyez-le|envoyez-les} à la main. {count:Il est marqué comme exporté et ne sera "
        "plus envoyé|Ils sont marqués comme exportés et ne seront plus envoyés}.",
    ),
    "outbox.nothing_exported": Message(
        "No email waits: nothing was written.",
        "Aucun courriel n'attend : rien n'a été écrit.",
    ),
    "outbox.why.not_folder": Message(
        "a file is in the way: it is not a folder",
        "un fichier est là : ce n'est pas un dossier",
    ),
    "outbox.why.denied": Message("you may not write there", "vous ne pouvez pas y écrire"),
    "outbox.why.full": Message("the disk is full", "le disque est plein"),
    "outbox.why.link": Message("a symbolic link is in the way", "un lien symbolique est là"),
    "outbox.reason": Message(
        "{reason} ({count} {count:email|emails})",
        "{reason} ({count} {count:courriel|courriels})",
    ),
    "outbox.reasons_other": Message(
        "and {count} {count:email|emails} for {reasons} other {reasons:reason|reasons}",
        "et {count} {count:courriel|courriels} pour {reasons} {reasons:autre raison|autres "
        "raisons}",
    ),
    "outbox.reasons_joiner": Message("; ", " ; "),
    "outbox.ending.waiting": Message(
        "Still waiting: {count} {count:email|emails}. To finish: run '{command}' again.",
        "Encore en attente : {count} {count:courriel|courriels}. Pour terminer : relancez « "
        "{command} ».",
    ),
    "outbox.ending.none_waiting": Message(
        "No email waits any more.",
        "Plus aucun courriel n'attend.",
    ),
    "outbox.ending.unknown": Message(
        "What still waits cannot be read: the state does not answer. Run '{command}' again once "
        "it does.",
        "Impossible de lire ce qui attend encore : l'état ne répond pas. Relancez « {command} » "
        "quand il répondra.",
    ),
    "outbox.ending.marked": Message(
        "The {count} {count:email|emails} written {count:is|are} marked as exported: send "
        "{count:it|them} by hand; {count:it|they} will not be sent again.",
        "{count:Le courriel écrit est marqué comme exporté : envoyez-le à la main; il ne sera "
        "plus envoyé|Les {count} courriels écrits sont marqués comme exportés : envoyez-les à la "
        "main; ils ne seront plus envoyés}.",
    ),
    "outbox.ending.unmarked": Message(
        "The {count} {count:email|emails} written could not be marked as exported ({reason}): "
        "{count:it still counts|they still count} as waiting, and '{command}' writes "
        "{count:it|them} again under the same {count:name|names} (no duplicate file).",
        "{count:Le courriel écrit n'a pas pu être marqué comme exporté|Les {count} courriels "
        "écrits n'ont pas pu être marqués comme exportés} ({reason}) : {count:il compte|ils "
        "comptent} encore comme en attente, et « {command} » {count:l'écrit|les écrit} de "
        "nouveau sous {count:le même nom|les mêmes noms} (sans fichier en double).",
    ),
}
