"""The auditor report."""

from reconciler.catalog.message import Message

MESSAGES: dict[str, Message] = {
    # --- auditor report (render/report_view.py, render/report_*.py, commands/report.py)
    "E190": Message(
        "'{path}' cannot be written: {reason}",
        "« {path} » ne peut pas être écrit : {reason}",
    ),
    "E190.hint": Message(
        "check that the folder exists and that you may write to it.",
        "vérifiez que le dossier existe et que vous pouvez y écrire.",
    ),
    "report.title": Message("RVSQ access report", "Rapport des accès RVSQ"),
    "report.dry_run": Message(
        "Dry run for auditors: nothing was changed.",
        "Simulation pour les auditeurs : rien n'a été modifié.",
    ),
    "report.contents": Message("Contents", "Sommaire"),
    "report.overview": Message(
        "{accounts} {accounts:account|accounts} in {establishments} "
        "{establishments:establishment|establishments}; {actions} pending "
        "{actions:change|changes}, {blocked} blocked {blocked:entry|entries}; {reviews} "
        "{reviews:review|reviews} due; {expiring} {expiring:access|accesses} ending or ended; "
        "{unowned} {unowned:account|accounts} no file owns.",
        "{accounts} {accounts:compte|comptes} dans {establishments} "
        "{establishments:établissement|établissements}; {actions} "
        "{actions:changement|changements} en attente, {blocked} {blocked:entrée bloquée|entrées "
        "bloquées}; {reviews} {reviews:révision|révisions} à faire; {expiring} accès "
        "{expiring:terminé|terminés} ou sur le point de l'être; {unowned} "
        "{unowned:compte|comptes} qu'aucun fichier ne détient.",
    ),
    "report.empty": Message("Nothing to report.", "Rien à signaler."),
    "report.total": Message("Total", "Total"),
    "report.meta.as_of": Message("As of", "En date du"),
    "report.meta.state": Message("State", "État"),
    "report.meta.state_value": Message("{location} (id {id})", "{location} (identifiant {id})"),
    "report.meta.state_serial": Message("State serial", "Numéro de série de l'état"),
    "report.meta.files": Message("Access files", "Fichiers d'accès"),
    "report.meta.digest": Message("Access files digest", "Empreinte des fichiers d'accès"),
    "report.meta.policy": Message("Review interval", "Intervalle de révision"),
    "report.meta.policy_value": Message(
        "{days} days (policy: {source})",
        "{days} jours (politique : {source})",
    ),
    "report.meta.last_change": Message("Last change applied", "Dernier changement appliqué"),
    "report.meta.last_change_value": Message(
        "{at} (commit {commit}; change {change})",
        "{at} (version git {commit}; changement {change})",
    ),
    "report.section.inventory": Message(
        "Inventory by establishment and service",
        "Inventaire par établissement et par service",
    ),
    "report.section.plan": Message("Pending changes (plan)", "Changements en attente (plan)"),
    "report.section.blocked": Message("Blocked entries", "Entrées bloquées"),
    "report.section.recent": Message(
        "Accounts created in the last {days} days",
        "Comptes créés dans les {days} derniers jours",
    ),
    "report.section.codes": Message("Secret codes issued", "Codes secrets émis"),
    "report.section.reviews": Message("Access reviews due", "Révisions des accès à faire"),
    "report.section.expiring": Message(
        "Access ending within {days} days or ended",
        "Accès qui prennent fin d'ici {days} jours ou terminés",
    ),
    "report.section.unowned": Message(
        "Accounts no file owns",
        "Comptes qu'aucun fichier ne détient",
    ),
    "report.section.accounts": Message("All accounts", "Tous les comptes"),
    "report.note.inventory": Message(
        "Accounts holding each service, as last applied to the state.",
        "Comptes qui ont chaque service, tels que dernièrement appliqués à l'état.",
    ),
    "report.note.codes": Message(
        "When each account's current secret code was issued. Codes are never stored in clear nor "
        "shown in a report.",
        "Date d'émission du code secret actuel de chaque compte. Les codes ne sont jamais "
        "conservés en clair ni montrés dans un rapport.",
    ),
    "report.note.reviews": Message(
        "Past due: last reviewed more than {days} days ago. Never reviewed: no 'reviewed' date in "
        "the access file.",
        "En retard : dernière révision il y a plus de {days} jours. Jamais révisé : aucune date "
        "« reviewed » dans le fichier d'accès.",
    ),
    "report.note.unowned": Message(
        "Accounts in the state that belong to no establishment, or whose establishment no input "
        "file describes (such accounts are not reconciled).",
        "Comptes de l'état qui n'appartiennent à aucun établissement, ou dont l'établissement "
        "n'est décrit par aucun fichier lu (ces comptes ne sont pas réconciliés).",
    ),
    "report.note.accounts": Message(
        "Accounts in the state, then accounts the plan would create (pending) or cannot create "
        "(blocked).",
        "Comptes de l'état, puis comptes que le plan créerait (en attente) ou ne peut pas créer "
        "(bloqués).",
    ),
    "report.caption.services": Message("Services", "Services"),
    "report.caption.establishments": Message("By establishment", "Par établissement"),
    "report.caption.regions": Message("By region", "Par région"),
    "report.caption.summary": Message("Summary", "Résumé"),
    "report.caption.actions": Message("Actions", "Actions"),
    "report.col.service": Message("Service", "Service"),
    "report.col.label": Message("Box in the portal", "Case dans le portail"),
    "report.col.establishment": Message("Establishment", "Établissement"),
    "report.col.establishments": Message("Establishments", "Établissements"),
    "report.col.name": Message("Name", "Nom"),
    "report.col.region": Message("Region", "Région"),
    "report.col.type": Message("Type", "Type"),
    "report.col.accounts": Message("Accounts", "Comptes"),
    "report.col.action": Message("Action", "Action"),
    "report.col.count": Message("Count", "Nombre"),
    "report.col.username": Message("Username", "Nom d'utilisateur"),
    "report.col.email": Message("Email", "Courriel"),
    "report.col.first_name": Message("First name", "Prénom"),
    "report.col.last_name": Message("Last name", "Nom de famille"),
    "report.col.profile": Message("Profile", "Profil"),
    "report.col.origin": Message("Origin", "Origine"),
    "report.col.status": Message("Status", "Statut"),
    "report.col.services": Message("Services", "Services"),
    "report.col.detail": Message("Detail", "Détail"),
    "report.col.source": Message("Source", "Source"),
    "report.col.reason": Message("Reason", "Raison"),
    "report.col.hint": Message("What to do", "Quoi faire"),
    "report.col.created_at": Message("Created", "Créé le"),
    "report.col.code_issued_at": Message("Code issued", "Code émis le"),
    "report.col.reviewed": Message("Reviewed", "Révisé le"),
    "report.col.review_due": Message("Review due", "Révision due le"),
    "report.col.days_overdue": Message("Days overdue", "Jours de retard"),
    "report.col.expires": Message("Expires", "Expire le"),
    "report.col.days_left": Message("Days left", "Jours restants"),
    "report.status.applied": Message("applied", "appliqué"),
    "report.status.pending": Message("pending", "en attente"),
    "report.status.blocked": Message("blocked", "bloqué"),
    "report.review.overdue": Message("past due", "en retard"),
    "report.review.never": Message("never reviewed", "jamais révisé"),
    "report.expiry.expired": Message("ended", "terminé"),
    "report.expiry.ending": Message("ending soon", "bientôt terminé"),
    "report.unowned.no_establishment": Message("no establishment", "aucun établissement"),
    "report.unowned.no_file": Message(
        "establishment not in the input",
        "établissement absent des fichiers lus",
    ),
    # Printed on every page of the HTML report (render/report_html.py): the as-of pair of
    # the report's metadata ("As of", its moment), and the page's number.
    "report.page.as_of": Message("{label} {value}", "{label} {value}"),
    "report.page": Message("Page {page} of {pages}", "Page {page} sur {pages}"),
}
