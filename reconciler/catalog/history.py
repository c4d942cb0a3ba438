"""The past, rebuilt from the audit log: `--as-of` on `state list`, `state show` and
`report` (history/replay.py)."""

from reconciler.catalog.message import Message

MESSAGES: dict[str, Message] = {
    "help.as_of_state": Message(
        "Show the state as it was at this date (the end of that day, in Quebec) or time, "
        "rebuilt from the audit log.",
        "Montrer l'état tel qu'il était à cette date (la fin de cette journée, au Québec) ou "
        "à cette heure, reconstitué à partir du journal d'audit.",
    ),
    "help.as_of_report": Message(
        "Report as of this date or time: a moment gone by is rebuilt from the audit log; "
        "today or a date to come counts reviews and expiries from that day.",
        "Produire le rapport à cette date ou à cette heure : un moment passé est reconstitué "
        "à partir du journal d'audit ; aujourd'hui ou une date à venir compte les révisions "
        "et les échéances à partir de ce jour.",
    ),
    "history.rebuilt": Message(
        "Rebuilt from the audit log: the state as it was {when}, after entry {seq} of "
        "{total} (hash {hash}). Nothing of today's state is mixed in.",
        "Reconstitué à partir du journal d'audit : l'état tel qu'il était {when}, après "
        "l'entrée {seq} sur {total} (empreinte {hash}). Rien de l'état actuel n'y est mêlé.",
    ),
    "history.rebuilt_empty": Message(
        "Rebuilt from the audit log: the state held nothing {when}, before the log's first "
        "entry.",
        "Reconstitué à partir du journal d'audit : l'état ne contenait rien {when}, avant la "
        "première entrée du journal.",
    ),
    "E219": Message(
        "Entry {seq} of the audit log ({action}, {at}) cannot be replayed: its fields are "
        "not as apply writes them",
        "L'entrée {seq} du journal d'audit ({action}, {at}) ne peut pas être rejouée : ses "
        "champs ne sont pas tels qu'apply les écrit",
    ),
    "E219.hint": Message(
        "it was written or edited outside rvsq-access, so no moment after it can be rebuilt "
        "truthfully: run 'rvsq-access audit verify' and see docs/SECURITY.md. Nothing was "
        "changed.",
        "elle a été écrite ou modifiée hors de rvsq-access ; aucun moment après elle ne peut "
        "donc être reconstitué fidèlement : lancez « rvsq-access audit verify » et consultez "
        "docs/SECURITY.md. Rien n'a été modifié.",
    ),
    "history.empty": Message("The state held no account then.",
                             "L'état ne contenait alors aucun compte."),
    # {when}, said of a day given whole or of a moment.
    "history.when_day": Message("at the end of {day}", "à la fin du {day}"),
    "history.when_moment": Message("on {moment}", "le {moment}"),
    "history.unknown": Message(
        "{count} {count:account comes|accounts come} from a directory import recorded "
        "before imports kept their rows: the log names {count:it|them} but not "
        "{count:its|their} email and names ({usernames}).",
        "{count} {count:compte provient|comptes proviennent} d'une importation de répertoire "
        "consignée avant que les importations gardent leurs lignes : le journal "
        "{count:le nomme|les nomme} sans {count:son courriel ni son nom|leurs courriels ni "
        "leurs noms} ({usernames}).",
    ),
    "E216": Message(
        "No account '{username}' {when}, as the audit log tells it.",
        "Aucun compte « {username} » {when}, selon le journal d'audit.",
    ),
    "E216.hint": Message(
        "it was created later, or deleted before: `rvsq-access audit log --user {username}` "
        "tells its story.",
        "il a été créé plus tard, ou supprimé avant : « rvsq-access audit log --user "
        "{username} » en raconte l'histoire.",
    ),
    "history.last_change": Message(
        "{at} ({action}, applied by {actor})",
        "{at} ({action}, appliqué par {actor})",
    ),
    "E217": Message(
        "The period from {since} to {until} is empty",
        "La période du {since} au {until} est vide",
    ),
    "E217.hint": Message(
        "give a --since earlier than --until (a day given as --until counts whole).",
        "donnez un --since antérieur au --until (un jour donné comme --until compte en "
        "entier).",
    ),
    "E218": Message(
        "--until {until} is after --as-of {as_of}: a report of a moment gone by lists no "
        "change made after it",
        "--until {until} est postérieur à --as-of {as_of} : un rapport d'un moment passé ne "
        "liste aucun changement fait après lui",
    ),
    "E218.hint": Message(
        "leave --until out (the period then ends at --as-of), or give one no later than it.",
        "omettez --until (la période se termine alors à --as-of), ou donnez-en un qui ne le "
        "dépasse pas.",
    ),
    "help.report_since": Message(
        "List the changes applied from this date or time on (default: 30 days before the "
        "report's day).",
        "Lister les changements appliqués à partir de cette date ou de cette heure (par "
        "défaut : 30 jours avant le jour du rapport).",
    ),
    "help.report_until": Message(
        "List the changes applied up to this date (the whole day) or time (default: the "
        "report's moment).",
        "Lister les changements appliqués jusqu'à cette date (la journée entière) ou cette "
        "heure (par défaut : le moment du rapport).",
    ),
    "help.report_table": Message(
        "CSV only: the table written, the accounts, the changes of the period or the open "
        "portal tasks.",
        "CSV seulement : le tableau écrit, les comptes, les changements de la période ou les "
        "tâches de portail ouvertes.",
    ),
    # --- the report: changes in the period, a past moment rebuilt
    "report.overview_changes": Message(
        "{count} {count:change|changes} applied in the period.",
        "{count} {count:changement appliqué|changements appliqués} dans la période.",
    ),
    "report.overview_rebuilt": Message(
        "{accounts} {accounts:account|accounts} in {establishments} "
        "{establishments:establishment|establishments}, {unowned} held by none, as the audit "
        "log rebuilds them.",
        "{accounts} {accounts:compte|comptes} dans {establishments} "
        "{establishments:établissement|établissements}, {unowned} sans établissement, tels "
        "que le journal d'audit les reconstitue.",
    ),
    # A past moment's report: what it shows, then how it was rebuilt (the first pair also
    # heads every printed page).
    "report.meta.moment": Message("State as it was", "État tel qu'il était"),
    "report.meta.moment_value": Message("{when}, rebuilt from the audit log",
                                        "{when}, reconstitué à partir du journal d'audit"),
    "report.meta.rebuilt": Message("Rebuilt", "Reconstitution"),
    "report.meta.rebuilt_value": Message(
        "from the audit log's entries 1 to {seq} of {total} (hash {hash}); nothing of "
        "today's state is mixed in.",
        "à partir des entrées 1 à {seq} sur {total} du journal d'audit (empreinte {hash}) ; "
        "rien de l'état actuel n'y est mêlé.",
    ),
    "report.meta.rebuilt_empty": Message(
        "before the audit log's first entry: the state held nothing.",
        "avant la première entrée du journal d'audit : l'état ne contenait rien.",
    ),
    "report.meta.period": Message("Changes listed", "Changements listés"),
    "report.meta.period_value": Message("from {since} to {until}", "du {since} au {until}"),
    "report.meta.period_days": Message("from {since} to {until} inclusive",
                                       "du {since} au {until} inclusivement"),
    "report.section.changes": Message("Changes in the period", "Changements de la période"),
    "report.note.changes": Message(
        "What was applied {period}, as the audit log records it, oldest first: who applied "
        "it, from which commit and change, and why (the ticket).",
        "Ce qui a été appliqué {period}, tel que le journal d'audit le consigne, du plus ancien "
        "au plus récent : qui l'a appliqué, à partir de quelle version et de quel changement, "
        "et pourquoi (le billet).",
    ),
    "report.note.inventory_rebuilt": Message(
        "Accounts holding each service at that moment, as the audit log rebuilds them. The "
        "plan, the reviews and the expiries come from the access files, which the log does "
        "not hold: those of that day are in Git, at the commit of the last change.",
        "Comptes qui avaient chaque service à ce moment, tels que le journal d'audit les "
        "reconstitue. Le plan, les révisions et les échéances viennent des fichiers d'accès, "
        "que le journal ne contient pas : ceux de ce jour-là sont dans Git, à la version du "
        "dernier changement.",
    ),
    "report.section.unowned_rebuilt": Message(
        "Accounts no establishment held", "Comptes qu'aucun établissement ne détenait",
    ),
    "report.note.unowned_rebuilt": Message(
        "Accounts the state held at that moment that belonged to no establishment.",
        "Comptes que l'état contenait à ce moment et qui n'appartenaient à aucun "
        "établissement.",
    ),
    "report.note.accounts_rebuilt": Message(
        "Every account the state held at that moment, and its services then.",
        "Tous les comptes que l'état contenait à ce moment, et leurs services d'alors.",
    ),
    "report.col.entry": Message("Entry", "Entrée"),
    "report.col.applied_at": Message("Applied", "Appliqué le"),
    "report.col.applied_by": Message("Applied by", "Appliqué par"),
    "report.col.commit": Message("Commit", "Version Git"),
    "report.col.change_ref": Message("Change", "Changement"),
    "report.col.ticket": Message("Ticket", "Billet"),
    # `report --format csv --table changes`: machine values under readable headers.
    "report.change_col.seq": Message("Entry", "Entrée"),
    "report.change_col.at": Message("Applied (UTC)", "Appliqué le (UTC)"),
    "report.change_col.action": Message("Action", "Action"),
    "report.change_col.establishment": Message("Establishment", "Établissement"),
    "report.change_col.username": Message("Username", "Nom d'utilisateur"),
    "report.change_col.name": Message("Name", "Nom"),
    "report.change_col.email": Message("Email", "Courriel"),
    "report.change_col.profile": Message("Profile", "Profil"),
    "report.change_col.granted": Message("Services granted", "Services accordés"),
    "report.change_col.removed": Message("Services removed", "Services retirés"),
    "report.change_col.changes": Message("Fields changed", "Champs modifiés"),
    "report.change_col.actor": Message("Applied by", "Appliqué par"),
    "report.change_col.git_commit": Message("Commit", "Version Git"),
    "report.change_col.change_ref": Message("Change", "Changement"),
    "report.change_col.ticket": Message("Ticket", "Billet"),
}
