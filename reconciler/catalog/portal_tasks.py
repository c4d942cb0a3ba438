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
    "E224": Message(
        "Interrupted: tasks changed before the stop: {done}; not changed: {rest}. Each "
        "change that was made is in the audit log.",
        "Interrompu : tâches modifiées avant l'arrêt : {done}; non modifiées : {rest}. "
        "Chaque modification faite figure au journal d'audit.",
    ),
    "E224.hint": Message(
        "Run the same command again for the tasks not changed (a task already done is left "
        "as it is).",
        "Relancez la même commande pour les tâches non modifiées (une tâche déjà faite est "
        "laissée telle quelle).",
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

    # --- the command line: `tasks list | done | reopen` -----------------------------------
    "help.tasks": Message(
        "Portal tasks: the changes apply recorded for a representative to carry out by hand "
        "in RAMQ's portal (portal mode), and their confirmation.",
        "Tâches de portail : les changements qu'apply a consignés pour qu'un représentant "
        "les effectue à la main dans le portail de la RAMQ (mode portail), et leur "
        "confirmation.",
    ),
    "help.tasks_list": Message(
        "List the open portal tasks, oldest first; read only.",
        "Lister les tâches de portail ouvertes, la plus ancienne d'abord; en lecture seule.",
    ),
    "help.tasks_done": Message(
        "Confirm that the portal shows these tasks done (each confirmation is audited).",
        "Confirmer que le portail montre ces tâches faites (chaque confirmation est "
        "consignée au journal d'audit).",
    ),
    "help.tasks_reopen": Message(
        "Open a confirmed task again: the portal does not show it done after all.",
        "Rouvrir une tâche confirmée : le portail ne la montre pas faite, finalement.",
    ),
    "help.tasks_establishment": Message(
        "Only the tasks of this establishment.", "Seulement les tâches de cet établissement."),
    "help.tasks_all": Message(
        "Also list the tasks already done, with who confirmed them, when, and their note.",
        "Lister aussi les tâches déjà faites, avec qui les a confirmées, quand, et leur note.",
    ),
    "help.tasks_format": Message(
        "Output format: runbook gives the open tasks as numbered portal procedures.",
        "Format de sortie : runbook donne les tâches ouvertes en procédures numérotées du "
        "portail.",
    ),
    "help.tasks_note": Message(
        "A note recorded in the audit entry (one line), e.g. a ticket number.",
        "Une note consignée dans l'entrée d'audit (une ligne), p. ex. un numéro de billet.",
    ),
    "metavar.task": Message("NUMBER", "NUMÉRO"),
    "metavar.note": Message("TEXT", "TEXTE"),
    # --- tasks list --------------------------------------------------------------------------
    "tasks.col.number": Message("No.", "N°"),
    "tasks.col.age": Message("Age", "Âge"),
    "tasks.col.recorded": Message("Recorded", "Consignée"),
    "tasks.col.establishment": Message("Establishment", "Établissement"),
    "tasks.col.person": Message("Person", "Personne"),
    "tasks.col.username": Message("Username", "Nom d'utilisateur"),
    "tasks.col.name": Message("Name", "Nom"),
    "tasks.col.what": Message("To do in the portal", "À faire dans le portail"),
    "tasks.col.status": Message("Status", "Statut"),
    "tasks.col.done_by": Message("Confirmed by", "Confirmée par"),
    "tasks.col.done_at": Message("Confirmed", "Confirmée le"),
    "tasks.col.note": Message("Note", "Note"),
    "tasks.age.today": Message("today", "aujourd'hui"),
    "tasks.age.days": Message("{days} {days:day|days}", "{days} {days:jour|jours}"),
    "tasks.status.open": Message("open", "ouverte"),
    "tasks.status.done": Message("done", "faite"),
    "tasks.place": Message("{name} ({id})", "{name} ({id})"),
    "tasks.what": Message("{kind}: {detail}", "{kind} : {detail}"),
    "tasks.none_open": Message(
        "No portal task is open; {done} {done:task is|tasks are} done.",
        "Aucune tâche de portail n'est ouverte; {done} {done:tâche est faite|tâches sont "
        "faites}.",
    ),
    "tasks.none_open_at": Message(
        "No portal task is open at {establishment}; {done} {done:task is|tasks are} done "
        "there.",
        "Aucune tâche de portail n'est ouverte à {establishment}; {done} {done:tâche y est "
        "faite|tâches y sont faites}.",
    ),
    "tasks.counts": Message(
        "{open} open {open:task|tasks}, {done} done. Once a task is carried out in the portal: "
        "rvsq-access tasks done NUMBER",
        "{open} {open:tâche ouverte|tâches ouvertes}, {done} {done:faite|faites}. Une fois "
        "une tâche effectuée dans le portail : rvsq-access tasks done NUMÉRO",
    ),
    "tasks.confirmed": Message(
        "Confirmed {count} portal {count:task|tasks}: {ids}.",
        "{count} {count:tâche|tâches} de portail {count:confirmée|confirmées} : {ids}.",
    ),
    "tasks.already_done": Message(
        "Already done, left as {count:it was|they were}: {ids}.",
        "Déjà {count:faite, laissée telle quelle|faites, laissées telles quelles} : {ids}.",
    ),
    "tasks.reopened": Message(
        "Task {ids} is open again.", "La tâche {ids} est de nouveau ouverte."),
    "tasks.already_open": Message(
        "Task {ids} is already open: nothing changed.",
        "La tâche {ids} est déjà ouverte : rien n'a changé.",
    ),
    # --- tasks list --format markdown ---------------------------------------------------------
    "tasks.md.title": Message("Open portal tasks", "Tâches de portail ouvertes"),
    "tasks.md.title_all": Message("Portal tasks", "Tâches de portail"),
    "tasks.md.intro": Message(
        "Changes apply recorded for a representative to carry out by hand in RAMQ's portal, "
        "oldest first. Confirm each once the portal shows it: `rvsq-access tasks done NUMBER`.",
        "Changements qu'apply a consignés pour qu'un représentant les effectue à la main dans "
        "le portail de la RAMQ, le plus ancien d'abord. Confirmez chacun une fois que le "
        "portail le montre : `rvsq-access tasks done NUMÉRO`.",
    ),
    # --- tasks list --format runbook ------------------------------------------------------------
    "tasks.runbook.title": Message(
        "Portal tasks to carry out", "Tâches à effectuer dans le portail"),
    "tasks.runbook.intro": Message(
        "The open portal tasks as procedures in RAMQ's portal, in an order the portal allows "
        "(whoever leaves a list is removed first). Each procedure names the tasks it carries "
        "out and ends with the command that confirms them.",
        "Les tâches de portail ouvertes en procédures dans le portail de la RAMQ, dans un "
        "ordre que le portail permet (qui quitte une liste est retiré d'abord). Chaque "
        "procédure nomme les tâches qu'elle effectue et se termine par la commande qui les "
        "confirme.",
    ),
    "tasks.runbook.meta": Message(
        "State: {location} (id {id}); {count} open {count:task|tasks}.",
        "État : {location} (id {id}); {count} {count:tâche ouverte|tâches ouvertes}.",
    ),
    "tasks.runbook.carries": Message(
        "Carries out {count:task|tasks} {numbers}.",
        "Effectue {count:la tâche|les tâches} {numbers}.",
    ),
    "tasks.runbook.part": Message(
        "Part of {count:task|tasks} {numbers}: confirm {count:it|them} once the whole "
        "procedure is done.",
        "Fait partie {count:de la tâche|des tâches} {numbers} : {count:confirmez-la|"
        "confirmez-les} une fois toute la procédure faite.",
    ),
    "tasks.runbook.confirm": Message(
        "Once the portal shows it done, confirm: {command}",
        "Une fois que le portail le montre, confirmez : {command}",
    ),
    # --- state show, state list, reports and the Markdown plan -----------------------------------
    "tasks.requested": Message(
        "requested, not yet confirmed in the portal (portal {count:task|tasks} {numbers})",
        "demandé, pas encore confirmé dans le portail ({count:tâche|tâches} de portail "
        "{numbers})",
    ),
    "tasks.state_column": Message("portal", "portail"),
    "tasks.state_show": Message("portal: {requested}", "portail : {requested}"),
    # `report --format csv --table tasks`: machine values under readable headers.
    "report.task_col.id": Message("Task", "Tâche"),
    "report.task_col.establishment": Message("Establishment", "Établissement"),
    "report.task_col.username": Message("Username", "Nom d'utilisateur"),
    "report.task_col.action": Message("Action", "Action"),
    "report.task_col.services": Message("Services", "Services"),
    "report.task_col.changes": Message("Changes", "Changements"),
    "report.task_col.created_at": Message("Recorded (UTC)", "Consignée le (UTC)"),
    "report.task_col.age_days": Message("Age (days)", "Âge (jours)"),
    "tasks.report.title": Message("Open portal tasks", "Tâches de portail ouvertes"),
    "tasks.report.note": Message(
        "Changes apply recorded at portal-mode establishments that no representative has "
        "confirmed yet, oldest first: the state holds them, the portal may not show them.",
        "Changements qu'apply a consignés aux établissements en mode portail et qu'aucun "
        "représentant n'a encore confirmés, le plus ancien d'abord : l'état les contient, le "
        "portail ne les montre peut-être pas.",
    ),
    "tasks.plan.title": Message(
        "Portal tasks already waiting", "Tâches de portail déjà en attente"),
    "tasks.plan.intro": Message(
        "Changes of an earlier apply, at the establishments this plan touches, not yet "
        "confirmed in the portal (rvsq-access tasks list --format runbook):",
        "Changements d'un apply précédent, aux établissements que ce plan touche, pas encore "
        "confirmés dans le portail (rvsq-access tasks list --format runbook) :",
    ),
    "tasks.plan.item": Message(
        "**{number}** ({age}) {establishment}: {person}, {what}",
        "**{number}** ({age}) {establishment} : {person}, {what}",
    ),
    "E223": Message(
        "No establishment has the id {id}: the state knows none by that id.",
        "Aucun établissement ne porte l'identifiant {id} : l'état n'en connaît aucun.",
    ),
    "E223.hint": Message(
        "Check the id in the access file's 'establishment:' block, or run 'rvsq-access tasks "
        "list' without --establishment.",
        "Vérifiez l'identifiant dans le bloc « establishment: » du fichier d'accès, ou lancez "
        "« rvsq-access tasks list » sans --establishment.",
    ),
}
