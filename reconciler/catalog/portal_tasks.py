"""Portal mode: the tasks apply records for a representative to carry out in RAMQ's portal,
their confirmation (`tasks`, applying/portal_tasks.py) and how the log says them."""

from reconciler.catalog.message import Message

MESSAGES: dict[str, Message] = {
    "E220": Message(
        "No portal task has the number {ids}: nothing was confirmed or reopened.",
        "Aucune tâche de portail ne porte le numéro {ids} : rien n'a été confirmé ni "
        "rouvert.",
    ),
    "E220.hint": Message(
        "Run 'rvsq-access tasks list --all' to see every task with its number.",
        "Lancez « rvsq-access tasks list --all » pour voir chaque tâche avec son numéro.",
    ),
    "E222": Message(
        "The note cannot be recorded: it must be one line of printable text of at most "
        "{limit} characters.",
        "La note ne peut pas être consignée : elle doit tenir sur une ligne de texte "
        "imprimable d'au plus {limit} caractères.",
    ),
    "E222.hint": Message(
        "Write the note on one line, without tabs, e.g. --note \"done on 2026-12-02, "
        "ticket 4521\".",
        "Écrivez la note sur une seule ligne, sans tabulation, p. ex. --note \"fait le "
        "2026-12-02, billet 4521\".",
    ),
    "apply.tasks": Message(
        "{count} portal {count:task|tasks} recorded for representatives to carry out by hand "
        "in RAMQ's portal (no code issued, no email sent for {count:it|them}). "
        "See them: rvsq-access tasks list --format runbook",
        "{count} {count:tâche|tâches} de portail {count:consignée|consignées} pour que les "
        "représentants {count:l'effectuent|les effectuent} à la main dans le portail de la "
        "RAMQ (aucun code émis, aucun courriel envoyé). Pour les voir : rvsq-access tasks "
        "list --format runbook",
    ),
    "plan.by_hand": Message(
        "By hand in RAMQ's portal: apply records {count} portal {count:task|tasks} for the "
        "representative, issues no code and sends no email.",
        "À la main dans le portail de la RAMQ : la commande apply consigne {count} "
        "{count:tâche|tâches} de portail pour le représentant, n'émet aucun code et "
        "n'envoie aucun courriel.",
    ),
    "audit.action.confirm_task": Message(
        "confirm a portal task", "confirmer une tâche de portail"),
    "audit.action.reopen_task": Message(
        "reopen a portal task", "rouvrir une tâche de portail"),
    "audit_log.detail.task": Message(
        "task {task} ({action})", "tâche {task} ({action})"),
    "audit_log.detail.task_how.hand": Message(
        "confirmed by hand", "confirmée à la main"),
    "audit_log.detail.task_how.export": Message(
        "shown done by the portal's export {source}",
        "montrée faite par l'export du portail {source}"),
    "audit_log.detail.note": Message("note: {note}", "note : {note}"),
    "audit_log.detail.code.portal": Message(
        "secret code left to the portal", "code secret laissé au portail"),
}
