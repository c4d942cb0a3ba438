"""Problems with the shape of a file, found by its JSON Schema (E020–E049)."""

from reconciler.catalog.message import Message

MESSAGES: dict[str, Message] = {
    # --- shape of the file (JSON Schema) ----------------------------------------------
    "E020": Message("'{field}' is missing in {where}", "« {field} » manque dans {where}"),
    "E020.hint": Message(
        "add the line '{field}: ...'; see the file format in the README.",
        "ajoutez la ligne « {field}: ... »; voyez le format des fichiers dans le README.",
    ),
    "E021": Message(
        "'{field}' is not a known field in {where}",
        "« {field} » n'est pas un champ connu dans {where}",
    ),
    "E021.hint": Message(
        "the fields allowed here are: {allowed}.",
        "les champs permis ici sont : {allowed}.",
    ),
    "E021.hint.suggest": Message(
        "did you mean '{suggestion}'? The fields allowed here are: {allowed}.",
        "vouliez-vous dire « {suggestion} »? Les champs permis ici sont : {allowed}.",
    ),
    "E022": Message(
        "'{field}' should be {expected}, not {actual}",
        "« {field} » doit être {expected}, pas {actual}",
    ),
    "E022.hint": Message("write it like this: {example}", "écrivez-le ainsi : {example}"),
    "E023": Message(
        "'{field}: {text}' is read by YAML as {actual}, not as text",
        "« {field}: {text} » est lu par YAML comme {actual}, pas comme du texte",
    ),
    "E023.hint": Message(
        "quote it: {field}: \"{text}\"",
        "mettez-le entre guillemets : {field}: \"{text}\"",
    ),
    "E024": Message(
        "version {value} is not supported",
        "la version {value} n'est pas prise en charge",
    ),
    "E024.hint": Message(
        "write 'version: 1' (the only format version this tool knows).",
        "écrivez « version: 1 » (la seule version de format que l'outil connaît).",
    ),
    "E025": Message(
        "'{value}' is not a valid establishment id",
        "« {value} » n'est pas un identifiant d'établissement valide",
    ),
    "E025.hint": Message(
        "use lower-case letters, digits and dashes, starting with a letter, for example "
        "'gmf-hill-valley'.",
        "utilisez des lettres minuscules, des chiffres et des tirets, en commençant par une "
        "lettre, par exemple « gmf-hill-valley ».",
    ),
    "E026": Message(
        "'{value}' is not a health region",
        "« {value} » n'est pas une région sociosanitaire",
    ),
    "E026.hint": Message(
        "write the region as two digits from 01 to 18 in quotes, for example region: \"06\".",
        "écrivez la région en deux chiffres de 01 à 18 entre guillemets, par exemple region: "
        "\"06\".",
    ),
    "E027": Message(
        "'{value}' is not an establishment type",
        "« {value} » n'est pas un type d'établissement",
    ),
    "E027.hint": Message("use one of: {allowed}.", "utilisez l'un de : {allowed}."),
    "E027.hint.suggest": Message(
        "did you mean '{suggestion}'? Use one of: {allowed}.",
        "vouliez-vous dire « {suggestion} »? Utilisez l'un de : {allowed}.",
    ),
    "E028": Message(
        "'{value}' is not a valid email address",
        "« {value} » n'est pas une adresse courriel valide",
    ),
    "E028.hint": Message(
        "write a full address such as martin.macfly@example.org.",
        "écrivez une adresse complète comme martin.macfly@example.org.",
    ),
    "E029": Message(
        "'{value}' is not a RAMQ username",
        "« {value} » n'est pas un nom d'utilisateur RAMQ",
    ),
    "E029.hint": Message(
        "an existing account's username is CE, IP or IELP followed by digits, in capitals "
        "(CE12345), or the email it was created with.",
        "le nom d'utilisateur d'un compte existant est CE, IP ou IELP suivi de chiffres, en "
        "majuscules (CE12345), ou le courriel avec lequel il a été créé.",
    ),
    "E030": Message("'{value}' is not a title", "« {value} » n'est pas un titre de civilité"),
    "E030.hint": Message("use one of: {allowed}.", "utilisez l'un de : {allowed}."),
    "E030.hint.suggest": Message(
        "did you mean '{suggestion}'? Use one of: {allowed}.",
        "vouliez-vous dire « {suggestion} »? Utilisez l'un de : {allowed}.",
    ),
    "E031": Message("'{value}' is not a profile", "« {value} » n'est pas un profil"),
    "E031.hint": Message("use one of: {allowed}.", "utilisez l'un de : {allowed}."),
    "E031.hint.suggest": Message(
        "did you mean '{suggestion}'? Use one of: {allowed}.",
        "vouliez-vous dire « {suggestion} »? Utilisez l'un de : {allowed}.",
    ),
    "E032": Message("'{value}' is not an RVSQ service", "« {value} » n'est pas un service RVSQ"),
    "E032.hint": Message("use one of: {allowed}.", "utilisez l'un de : {allowed}."),
    "E032.hint.suggest": Message(
        "did you mean '{suggestion}'? Use one of: {allowed}.",
        "vouliez-vous dire « {suggestion} »? Utilisez l'un de : {allowed}.",
    ),
    "E033": Message(
        "the service '{value}' is listed {times} times",
        "le service « {value} » est inscrit {times} fois",
    ),
    "E033.hint": Message("list each service once.", "inscrivez chaque service une seule fois."),
    "E034": Message("no service is listed", "aucun service n'est coché"),
    "E034.hint": Message(
        "tick at least one service, for example services: [rvsq]; to remove the user's access, "
        "remove the user from the file.",
        "cochez au moins un service, par exemple services: [rvsq]; pour retirer les accès de "
        "l'utilisateur, retirez-le du fichier.",
    ),
    "E035": Message("'{value}' is not a date", "« {value} » n'est pas une date"),
    "E035.hint": Message(
        "write the date as YYYY-MM-DD, for example 2027-06-30.",
        "écrivez la date sous la forme AAAA-MM-JJ, par exemple 2027-06-30.",
    ),
    "E036": Message("'{field}' is empty", "« {field} » est vide"),
    "E036.hint": Message(
        "write a value, or remove the line if the field is optional.",
        "inscrivez une valeur, ou retirez la ligne si le champ est facultatif.",
    ),
    "E037": Message(
        "'{field}' is longer than {limit} characters",
        "« {field} » dépasse {limit} caractères",
    ),
    "E037.hint": Message(
        "shorten it to at most {limit} characters.",
        "raccourcissez-le à {limit} caractères au plus.",
    ),
    "E038": Message(
        "'{value}' is not an age public key",
        "« {value} » n'est pas une clé publique age",
    ),
    "E038.hint": Message(
        "paste the recipient printed by 'age-keygen', which starts with 'age1'.",
        "collez le destinataire affiché par « age-keygen », qui commence par « age1 ».",
    ),
    "E039": Message(
        "'{field}' has a value that is not accepted: {detail}",
        "« {field} » a une valeur qui n'est pas acceptée : {detail}",
    ),
    "E039.hint": Message(
        "see the file format in the README.",
        "voyez le format des fichiers dans le README.",
    ),
    "E040": Message("'{field}' has no value", "« {field} » n'a pas de valeur"),
    "E040.hint": Message(
        "write a value after the colon, or remove the line if the field is optional.",
        "inscrivez une valeur après les deux-points, ou retirez la ligne si le champ est "
        "facultatif.",
    ),
    "E041": Message(
        "'{field}' starts or ends with spaces",
        "« {field} » commence ou finit par des espaces",
    ),
    "E041.hint": Message(
        "remove the spaces around the value.",
        "retirez les espaces autour de la valeur.",
    ),
    "E042": Message(
        "the file should be a block of fields (version, establishment, representative, users), "
        "not {actual}",
        "le fichier doit être un bloc de champs (version, establishment, representative, users), "
        "pas {actual}",
    ),
    "E042.hint": Message(
        "start from an example file in access/.",
        "partez d'un fichier d'exemple du dossier access/.",
    ),
    "E043": Message(
        "'{field}' is {value}, outside the accepted range {low} to {high}",
        "« {field} » vaut {value}, hors de l'intervalle accepté de {low} à {high}",
    ),
    "E043.hint": Message(
        "choose a value from {low} to {high}.",
        "choisissez une valeur de {low} à {high}.",
    ),
    "E044": Message(
        "'{field}' lists {count} entries, more than the limit of {limit}",
        "« {field} » compte {count} entrées, plus que la limite de {limit}",
    ),
    "E044.hint": Message(
        "split the establishment's users over several files (one per site).",
        "répartissez les utilisateurs sur plusieurs fichiers (un par site).",
    ),
}
