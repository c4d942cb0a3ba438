"""`audit log`: its table's columns, what an entry changed in words, its filters, and what an
empty answer says (commands/audit.py, render/audit_view.py)."""

from reconciler.catalog.message import Message

MESSAGES: dict[str, Message] = {
    # --- the options ---------------------------------------------------------------------
    "help.audit_since": Message(
        "Only entries from this moment: a day (YYYY-MM-DD, Quebec's day) or a time "
        "(YYYY-MM-DDTHH:MM, Quebec's time unless it ends with Z or an offset).",
        "Seulement les entrées à partir de ce moment : un jour (AAAA-MM-JJ, jour du Québec) "
        "ou une heure (AAAA-MM-JJTHH:MM, heure du Québec sauf si elle finit par Z ou un "
        "décalage).",
    ),
    "help.audit_until": Message(
        "Only entries up to this moment: a day is included whole; a time is excluded.",
        "Seulement les entrées jusqu'à ce moment : un jour est inclus en entier; une heure "
        "est exclue.",
    ),
    "help.audit_user": Message(
        "Only entries about this account: its username or its email (an import listing it "
        "included).",
        "Seulement les entrées qui concernent ce compte : son nom d'utilisateur ou son "
        "courriel (y compris un import qui le liste).",
    ),
    "help.audit_establishment": Message(
        "Only entries about this establishment (its id).",
        "Seulement les entrées qui concernent cet établissement (son identifiant).",
    ),
    "help.audit_action": Message(
        "Only entries of this action (repeat it for several): create_establishment, "
        "update_establishment, create_account, grant_services, revoke_services, "
        "update_account, regenerate_code, reset_password, delete_account, import_directory, "
        "confirm_task, reopen_task, adopt_portal.",
        "Seulement les entrées de cette action (répétez-la pour plusieurs) : "
        "create_establishment, update_establishment, create_account, grant_services, "
        "revoke_services, update_account, regenerate_code, reset_password, delete_account, "
        "import_directory, confirm_task, reopen_task, adopt_portal.",
    ),
    "metavar.action": Message("ACTION", "ACTION"),
    "metavar.moment": Message("YYYY-MM-DD[THH:MM]", "AAAA-MM-JJ[THH:MM]"),
    # --- a moment that is not one (--since, --until) -------------------------------------
    "E210": Message(
        "'{value}' is neither a date nor a time",
        "« {value} » n'est ni une date ni une heure",
    ),
    "E210.hint": Message(
        "write a day as YYYY-MM-DD (Quebec's day), or a time as YYYY-MM-DDTHH:MM (Quebec's "
        "time), or with Z or an offset (2026-12-02T14:30Z, 2026-12-02T09:30-05:00).",
        "écrivez un jour sous la forme AAAA-MM-JJ (jour du Québec), ou une heure sous la forme "
        "AAAA-MM-JJTHH:MM (heure du Québec), ou suivie de Z ou d'un décalage "
        "(2026-12-02T14:30Z, 2026-12-02T09:30-05:00).",
    ),
    # --- the table's columns (text format; the CSV and JSON keep the stored names) -------
    "audit_log.col.seq": Message("entry", "entrée"),
    "audit_log.col.when": Message("when (Quebec)", "quand (Québec)"),
    "audit_log.col.action": Message("action", "action"),
    "audit_log.col.person": Message("person", "personne"),
    "audit_log.col.establishment": Message("establishment", "établissement"),
    "audit_log.col.detail": Message("what changed", "ce qui a changé"),
    "audit_log.col.actor": Message("applied by", "appliqué par"),
    "audit_log.col.commit": Message("commit", "version git"),
    "audit_log.col.change_ref": Message("change", "changement"),
    "audit_log.col.ticket": Message("ticket", "billet"),
    # --- what an entry changed, in one line (render/audit_view.detail) -------------------
    "audit_log.detail.held": Message(
        "{services} (held after: {held})",
        "{services} (détenus ensuite : {held})",
    ),
    "audit_log.detail.deleted": Message(
        "services held: {services}",
        "services détenus : {services}",
    ),
    "audit_log.detail.token": Message("request {token}", "demande {token}"),
    "audit_log.detail.code.sealed": Message("secret code sealed", "code secret scellé"),
    "audit_log.detail.code.shown": Message(
        "secret code shown once", "code secret affiché une fois"),
    "audit_log.detail.import": Message(
        "{count} {count:account|accounts} imported from {file}",
        "{count} {count:compte importé|comptes importés} de {file}",
    ),
    "audit_log.detail.region": Message("region {region}", "région {region}"),
    # --- an answer with no entry ---------------------------------------------------------
    "audit_log.no_match": Message(
        "No entry matches: {filters} (the log holds {count} {count:entry|entries}, from "
        "{first} to {last}).",
        "Aucune entrée ne correspond : {filters} (le journal contient {count} "
        "{count:entrée|entrées}, du {first} au {last}).",
    ),
    "audit_log.filter.since": Message("since {moment}", "depuis le {moment}"),
    "audit_log.filter.until": Message("before {moment}", "avant le {moment}"),
    "audit_log.filter.user": Message("user {user}", "utilisateur {user}"),
    "audit_log.filter.establishment": Message(
        "establishment {establishment}", "établissement {establishment}"),
    "audit_log.filter.action": Message("action {actions}", "action {actions}"),
}
