"""Anchoring the audit chain outside the database: the head apply prints and CI publishes,
`audit verify --head/--heads` that checks it, and the optional MAC (RVSQ_AUDIT_KEY)."""

from reconciler.catalog.message import Message

MESSAGES: dict[str, Message] = {
    # --- the head, at the end of every apply -------------------------------------------
    "audit.head": Message("Audit head: {head}", "Tête du journal d'audit : {head}"),
    "audit.head.hint": Message(
        "  Publish it where those who can write the database cannot rewrite it (the pull "
        "request, the job log): 'rvsq-access audit verify --head {head}' then finds any entry "
        "up to it rewritten or deleted.",
        "  Publiez-la là où ceux qui peuvent écrire dans la base de données ne peuvent pas la "
        "réécrire (la demande de tirage, le journal de la tâche) : « rvsq-access audit verify "
        "--head {head} » trouvera alors toute entrée jusqu'à elle réécrite ou supprimée.",
    ),
    # --- the command line -----------------------------------------------------------------
    "help.audit_head": Message(
        "Print the audit head, SEQ:HASH, to publish where the database's writers cannot "
        "rewrite it.",
        "Afficher la tête du journal d'audit, SEQ:HACHAGE, à publier là où ceux qui écrivent "
        "dans la base de données ne peuvent pas la réécrire.",
    ),
    "help.audit_verify_head": Message(
        "A head published earlier (SEQ:HASH, as apply prints it): check that the chain still "
        "holds it. Repeatable.",
        "Une tête publiée plus tôt (SEQ:HACHAGE, comme apply l'affiche) : vérifier que la "
        "chaîne la contient toujours. Répétable.",
    ),
    "help.audit_verify_heads": Message(
        "A file of published heads, one per line (blank lines and # comments ignored).",
        "Un fichier de têtes publiées, une par ligne (lignes vides et commentaires # ignorés).",
    ),
    "metavar.audit_head": Message("SEQ:HASH", "SEQ:HACHAGE"),
    # --- audit verify --head / --heads ---------------------------------------------------
    "audit.heads.held": Message(
        "Published head {head} holds: entry {seq} is in the chain with this hash, so no "
        "entry up to it was rewritten or deleted.",
        "La tête publiée {head} tient : l'entrée {seq} est dans la chaîne avec ce hachage; "
        "aucune entrée jusqu'à elle n'a donc été réécrite ni supprimée.",
    ),
    "audit.heads.after": Message(
        "{count} {count:entry comes|entries come} after the last published head: only a "
        "head published later vouches for {count:it|them}.",
        "{count} {count:entrée vient|entrées viennent} après la dernière tête publiée : seule "
        "une tête publiée plus tard en répond.",
    ),
    # --- the MAC -------------------------------------------------------------------------
    "audit.mac.ok": Message(
        "{count} {count:entry is|entries are} authenticated by RVSQ_AUDIT_KEY.",
        "{count} {count:entrée est authentifiée|entrées sont authentifiées} par "
        "RVSQ_AUDIT_KEY.",
    ),
    "audit.mac.before_key": Message(
        "{count} {count:entry was|entries were} written before the key (no MAC).",
        "{count} {count:entrée a été écrite|entrées ont été écrites} avant la clé (sans MAC).",
    ),
    "audit.mac.unchecked": Message(
        "{count} {count:entry carries|entries carry} a MAC, not checked: set RVSQ_AUDIT_KEY "
        "to check {count:it|them}.",
        "{count} {count:entrée porte|entrées portent} un MAC, non vérifié : définissez "
        "RVSQ_AUDIT_KEY pour {count:le|les} vérifier.",
    ),
    "audit.mac.missing": Message(
        "it has no MAC, though an entry before it was authenticated by the key",
        "elle n'a pas de MAC, alors qu'une entrée avant elle a été authentifiée par la clé",
    ),
    "audit.mac.wrong": Message(
        "its MAC is not the one the key gives",
        "son MAC n'est pas celui que donne la clé",
    ),
    # --- errors --------------------------------------------------------------------------
    "E200": Message(
        "'{value}' is not an audit head",
        "« {value} » n'est pas une tête de journal d'audit",
    ),
    "E200.hint": Message(
        "give it as apply prints it, SEQ:HASH: the entry's number, a colon, then sha256: and "
        "64 hexadecimal digits (e.g. 42:sha256:9f86d0…). 'rvsq-access audit head' prints the "
        "current one.",
        "donnez-la comme apply l'affiche, SEQ:HACHAGE : le numéro de l'entrée, un deux-points, "
        "puis sha256: et 64 chiffres hexadécimaux (par exemple 42:sha256:9f86d0…). "
        "« rvsq-access audit head » affiche celle d'aujourd'hui.",
    ),
    "E201": Message(
        "{path}:{line}: '{value}' is not an audit head",
        "{path}:{line} : « {value} » n'est pas une tête de journal d'audit",
    ),
    "E201.hint": Message(
        "write one head per line as apply prints it, SEQ:HASH (e.g. 42:sha256:9f86d0… with 64 "
        "hexadecimal digits); blank lines and lines starting with # are ignored.",
        "écrivez une tête par ligne comme apply l'affiche, SEQ:HACHAGE (par exemple "
        "42:sha256:9f86d0… avec 64 chiffres hexadécimaux); les lignes vides et celles qui "
        "commencent par # sont ignorées.",
    ),
    "E202": Message(
        "published head {head} is gone: the audit log has no entry {seq}, it ends at entry "
        "{last}",
        "la tête publiée {head} a disparu : le journal d'audit n'a pas d'entrée {seq}, il "
        "finit à l'entrée {last}",
    ),
    "E202.hint": Message(
        "entries up to the published head were deleted after it was published, and the rest "
        "of the log made consistent again to hide it: the log was tampered with. Keep the "
        "database as it is for investigation and restore it from a backup.",
        "des entrées jusqu'à la tête publiée ont été supprimées après sa publication, et le "
        "reste du journal rendu cohérent pour le cacher : le journal a été falsifié. Gardez la "
        "base de données telle quelle pour enquête et restaurez-la d'une sauvegarde.",
    ),
    "E203": Message(
        "published head {head} does not hold: entry {seq} now has the hash {found}",
        "la tête publiée {head} ne tient pas : l'entrée {seq} a maintenant le hachage {found}",
    ),
    "E203.hint": Message(
        "an entry at or before entry {seq} was rewritten, deleted or inserted after the head "
        "was published, and the hashes recomputed to hide it: the log was tampered with. Keep "
        "the database as it is for investigation and restore it from a backup.",
        "une entrée à l'entrée {seq} ou avant a été réécrite, supprimée ou insérée après la "
        "publication de la tête, et les hachages recalculés pour le cacher : le journal a été "
        "falsifié. Gardez la base de données telle quelle pour enquête et restaurez-la d'une "
        "sauvegarde.",
    ),
    "E204": Message(
        "{variable} is too short: an audit key has at least {minimum} characters",
        "la clé {variable} est trop courte : une clé d'audit a au moins {minimum} caractères",
    ),
    "E204.hint": Message(
        "nothing was changed. Make a long random key once (e.g. 'openssl rand -hex 32'), keep "
        "it as a CI secret that only the apply job sees, and never change it: the entries "
        "already written are checked with it.",
        "rien n'a été changé. Créez une fois une longue clé aléatoire (par exemple « openssl "
        "rand -hex 32 »), gardez-la comme secret de la CI que seule la tâche d'application "
        "voit, et ne la changez jamais : les entrées déjà écrites sont vérifiées avec elle.",
    ),
    "E205": Message(
        "the audit log's MAC fails at entry {seq}: {reason}",
        "le MAC du journal d'audit échoue à l'entrée {seq} : {reason}",
    ),
    "E205.hint": Message(
        "the entry was written or rewritten without RVSQ_AUDIT_KEY: by someone who can write "
        "the database but does not hold the key, or by a run not given the key. Check that "
        "the key is the one CI holds; if it is, keep the database as it is for investigation "
        "and restore it from a backup.",
        "l'entrée a été écrite ou réécrite sans RVSQ_AUDIT_KEY : par quelqu'un qui peut écrire "
        "dans la base de données mais n'a pas la clé, ou par une exécution à qui la clé n'a "
        "pas été donnée. Vérifiez que la clé est celle de la CI; si c'est le cas, gardez la "
        "base de données telle quelle pour enquête et restaurez-la d'une sauvegarde.",
    ),
    "E208": Message(
        "{variable} is not set, but the audit log's entries are authenticated with it",
        "la clé {variable} n'est pas définie, mais les entrées du journal d'audit sont "
        "authentifiées avec elle",
    ),
    "E208.hint": Message(
        "nothing was changed: an entry written without the key would be a break that 'audit "
        "verify' reports. Give this run the key CI holds (the secret RVSQ_AUDIT_KEY).",
        "rien n'a été changé : une entrée écrite sans la clé serait une brisure que « audit "
        "verify » signalerait. Donnez à cette exécution la clé que détient la CI (le secret "
        "RVSQ_AUDIT_KEY).",
    ),
    "E209": Message(
        "{variable} is not the key that authenticated the audit log's last entry",
        "{variable} n'est pas la clé qui a authentifié la dernière entrée du journal d'audit",
    ),
    "E209.hint": Message(
        "nothing was changed: an entry written with another key would be a break that 'audit "
        "verify' reports. Give this run the key CI holds; if it is that key, the last entry "
        "was forged: run 'rvsq-access audit verify' with it.",
        "rien n'a été changé : une entrée écrite avec une autre clé serait une brisure que "
        "« audit verify » signalerait. Donnez à cette exécution la clé que détient la CI; si "
        "c'est bien elle, la dernière entrée a été forgée : lancez « rvsq-access audit "
        "verify » avec elle.",
    ),
    "E206": Message(
        "'{path}' holds no audit head",
        "« {path} » ne contient aucune tête de journal d'audit",
    ),
    "E206.hint": Message(
        "it should hold the heads apply printed, one per line (SEQ:HASH); an empty list would "
        "prove nothing.",
        "il devrait contenir les têtes qu'apply a affichées, une par ligne (SEQ:HACHAGE); une "
        "liste vide ne prouverait rien.",
    ),
    "E207": Message(
        "'{path}' is not UTF-8 text",
        "« {path} » n'est pas du texte UTF-8",
    ),
    "E207.hint": Message(
        "it should hold the heads apply printed, one per line (SEQ:HASH).",
        "il devrait contenir les têtes qu'apply a affichées, une par ligne (SEQ:HACHAGE).",
    ),
}
