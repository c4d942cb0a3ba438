"""How problems are shown, and the words rules and the schema put in them."""

from reconciler.catalog.message import Message

MESSAGES: dict[str, Message] = {
    # --- problem output ---------------------------------------------------------------
    "severity.error": Message("error", "erreur"),
    "severity.warning": Message("warning", "avertissement"),
    "hint": Message("hint:", "conseil :"),
    "summary": Message(
        "{files} {files:file|files}, {users} {users:user|users}: {errors} {errors:error|errors}, "
        "{warnings} {warnings:warning|warnings}",
        "{files} {files:fichier|fichiers}, {users} {users:utilisateur|utilisateurs} : {errors} "
        "{errors:erreur|erreurs}, {warnings} {warnings:avertissement|avertissements}",
    ),
    "problems.more_in_file": Message(
        "{file}: {count} more {count:problem|problems} not shown ({shown} of {total} shown: at "
        "most {limit} per file)",
        "{file} : {count} {count:autre problème non affiché|autres problèmes non affichés} "
        "({shown} sur {total} {shown:affiché|affichés} : au plus {limit} par fichier)",
    ),
    "problems.more_in_run": Message(
        "{count} more {count:problem|problems} in {files} more {files:file|files} not shown: at "
        "most {limit} problems are shown per run",
        "{count} {count:autre problème|autres problèmes} dans {files} {files:autre "
        "fichier|autres fichiers} non {count:affiché|affichés} : au plus {limit} problèmes sont "
        "affichés par exécution",
    ),
    "valid": Message("All access files are valid.", "Tous les fichiers d'accès sont valides."),
    "invalid": Message(
        "Fix the errors above, then run validate again.",
        "Corrigez les erreurs ci-dessus, puis relancez validate.",
    ),
    # --- words used in problems (rules.py, schema.py: see catalog.phrase) -------------
    "where.file": Message("the file", "le fichier"),
    "where.establishment": Message("'establishment'", "« establishment »"),
    "where.representative": Message("'representative'", "« representative »"),
    "where.user": Message("user {n}", "l'utilisateur {n}"),
    "where.user_named": Message("user {n} ({person})", "l'utilisateur {n} ({person})"),
    "where.policy": Message("the policy", "la politique"),
    "where.line": Message("{file} line {line}", "{file} ligne {line}"),
    "type.string": Message("text", "du texte"),
    "type.integer": Message("a whole number", "un nombre entier"),
    "type.number": Message("a number", "un nombre"),
    "type.boolean": Message("true or false", "true ou false"),
    "type.array": Message("a list", "une liste"),
    "type.object": Message("a block of fields", "un bloc de champs"),
    "type.null": Message("empty", "vide"),
    "type.date": Message("a date", "une date"),
    "type.datetime": Message("a date and time", "une date et une heure"),
    "example.string": Message("{field}: \"...\"", "{field}: \"...\""),
    "example.integer": Message("{field}: 1", "{field}: 1"),
    "example.boolean": Message("{field}: true", "{field}: true"),
    "example.array": Message("{field}: [first, second]", "{field}: [premier, second]"),
    "example.secret_code": Message(
        "{field}: {{rotate: \"2026-12-02\"}} (any new text, such as today's date, asks for one "
        "new secret code)",
        "{field}: {{rotate: \"2026-12-02\"}} (tout nouveau texte, comme la date du jour, "
        "demande un nouveau code secret)",
    ),
    "example.password_reset": Message(
        "{field}: {{requested: \"INC-1234\"}} (any new text, such as a ticket number, asks for "
        "one password reset)",
        "{field}: {{requested: \"INC-1234\"}} (tout nouveau texte, comme un numéro de billet, "
        "demande une réinitialisation du mot de passe)",
    ),
    "example.object": Message(
        "{field}: followed by indented fields on the next lines",
        "{field}: suivi de champs indentés sur les lignes suivantes",
    ),
    "profile.medecin": Message("physician", "médecin"),
    "profile.resident": Message("resident", "résident"),
    "profile.ips": Message(
        "specialised nurse practitioner (IPS)",
        "infirmière praticienne spécialisée (IPS)",
    ),
}
