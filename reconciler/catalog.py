"""Every user-facing sentence, in English and French, keyed by a stable code.

Problem codes (E0xx errors, W1xx warnings) each have a message and a hint (`CODE.hint`);
a hint may have variants (`CODE.hint.suggest`) chosen by the caller. The two catalogs must
have exactly the same keys and placeholders (a test checks it).
"""

from __future__ import annotations

import os
from typing import Any

LANGUAGES = ("en", "fr")

EN: dict[str, str] = {
    # --- reading the file -------------------------------------------------------------
    "E001": "the file is not valid UTF-8 text",
    "E001.hint": "save the file with the UTF-8 encoding (most editors offer it in 'Save as').",
    "E002": "the file is larger than {limit_mib} MiB",
    "E002.hint": "split the establishment's users over several establishments or remove "
    "what is not an access file.",
    "E003": "this is not valid YAML: {detail}",
    "E003.hint": "check the indentation, the colons and the quotes on this line and the "
    "one before it.",
    "E004": "the key '{key}' appears twice in the same block (first on line {first_line})",
    "E004.hint": "keep only one '{key}': YAML would silently use the last one.",
    "E005": "anchors and aliases ('&{anchor}', '*{anchor}') are not allowed",
    "E005.hint": "write the value out in full where it is needed.",
    "E006": "YAML tags such as '{tag}' are not allowed",
    "E006.hint": "remove the tag; if the value must be read as text, put it in quotes.",
    "E007": "the file is empty",
    "E007.hint": "start from an example file in access/ or remove this file.",
    "E008": "the file holds more than one YAML document",
    "E008.hint": "keep one establishment per file and remove the '---' separator.",
    "E009": "the key '{text}' is not a plain name",
    "E009.hint": "keys are field names such as 'email' or 'services'; check the spelling "
    "and the indentation.",
    "E010": "the file is nested more than {limit} levels deep",
    "E010.hint": "an access file needs only a few levels; check the indentation.",
    "E011": "the file cannot be read: {reason}",
    "E011.hint": "check that the file exists and that you may read it.",
    "E012": "'{path}' does not exist",
    "E012.hint": "give an access file or a folder of access files (default: ./access).",
    "E013": "no access file (*.yaml, *.yml) was found in '{path}'",
    "E013.hint": "access files are named access/<region>/<establishment-id>.yaml.",
    # --- shape of the file (JSON Schema) ----------------------------------------------
    "E020": "'{field}' is missing in {where}",
    "E020.hint": "add the line '{field}: ...'; see the file format in the README.",
    "E021": "'{field}' is not a known field in {where}",
    "E021.hint": "the fields allowed here are: {allowed}.",
    "E021.hint.suggest": "did you mean '{suggestion}'? The fields allowed here are: {allowed}.",
    "E022": "'{field}' should be {expected}, not {actual}",
    "E022.hint": "write it like this: {example}",
    "E023": "'{field}: {text}' is read by YAML as {actual}, not as text",
    "E023.hint": "quote it: {field}: \"{text}\"",
    "E024": "version {value} is not supported",
    "E024.hint": "write 'version: 1' (the only format version this tool knows).",
    "E025": "'{value}' is not a valid establishment id",
    "E025.hint": "use lower-case letters, digits and dashes, starting with a letter, "
    "for example 'gmf-hill-valley'.",
    "E026": "'{value}' is not a health region",
    "E026.hint": "write the region as two digits from 01 to 18 in quotes, "
    "for example region: \"06\".",
    "E027": "'{value}' is not an establishment type",
    "E027.hint": "use one of: {allowed}.",
    "E027.hint.suggest": "did you mean '{suggestion}'? Use one of: {allowed}.",
    "E028": "'{value}' is not a valid email address",
    "E028.hint": "write a full address such as martin.macfly@example.org.",
    "E029": "'{value}' is not a RAMQ username",
    "E029.hint": "an existing account's username is CE, IP or IELP followed by digits, in "
    "capitals (CE12345), or the email it was created with.",
    "E030": "'{value}' is not a title",
    "E030.hint": "use one of: {allowed}.",
    "E030.hint.suggest": "did you mean '{suggestion}'? Use one of: {allowed}.",
    "E031": "'{value}' is not a profile",
    "E031.hint": "use one of: {allowed}.",
    "E031.hint.suggest": "did you mean '{suggestion}'? Use one of: {allowed}.",
    "E032": "'{value}' is not an RVSQ service",
    "E032.hint": "use one of: {allowed}.",
    "E032.hint.suggest": "did you mean '{suggestion}'? Use one of: {allowed}.",
    "E033": "the service '{value}' is listed twice",
    "E033.hint": "list each service once.",
    "E034": "no service is listed",
    "E034.hint": "tick at least one service, for example services: [rvsq]; to remove the "
    "user's access, remove the user from the file.",
    "E035": "'{value}' is not a date",
    "E035.hint": "write the date as YYYY-MM-DD, for example 2027-06-30.",
    "E036": "'{field}' is empty",
    "E036.hint": "write a value, or remove the line if the field is optional.",
    "E037": "'{field}' is longer than {limit} characters",
    "E037.hint": "shorten it to at most {limit} characters.",
    "E038": "'{value}' is not an age public key",
    "E038.hint": "paste the recipient printed by 'age-keygen', which starts with 'age1'.",
    "E039": "'{field}' has a value that is not accepted: {detail}",
    "E039.hint": "see the file format in the README.",
    "E040": "'{field}' has no value",
    "E040.hint": "write a value after the colon, or remove the line if the field is "
    "optional.",
    "E041": "'{field}' starts or ends with spaces",
    "E041.hint": "remove the spaces around the value.",
    # --- domain rules -----------------------------------------------------------------
    "E050": "the user list is empty",
    "E050.hint": "an empty list never means 'remove everyone': list the users, or, to close "
    "the establishment, write 'retired: true' under 'establishment' and keep 'users: []'.",
    "E051": "a retired establishment still lists users",
    "E051.hint": "write 'users: []' to remove every account it owns, or remove "
    "'retired: true' to keep it open.",
    "E052": "a {profile_label} must use an existing account, but no username is given",
    "E052.hint": "physicians, residents and IPS create their own RAMQ account with the "
    "reference number (numéro de référence) they received by mail; add their username "
    "(CE…, IP… or their email) once they have done so.",
    "E053": "a {profile_label} needs a professional number",
    "E053.hint": "add the line 'professional_number: \"{example}\"'.",
    "E054": "'{value}' is not a valid professional number for a {profile_label}",
    "E054.hint": "a {profile_label}'s number has 5 to 7 digits, starts with {prefix} and may "
    "have a dash after the first digit, for example \"{example}\".",
    "E055": "only physicians, residents and IPS have a professional number",
    "E055.hint": "remove 'professional_number', or correct the profile.",
    "E056": "a clinical nurse cannot have RVSQ added to an account she already uses",
    "E056.hint": "remove 'username' so that a new account is created, with an email that "
    "differs from the one her other RAMQ account uses.",
    "E057": "the service '{service}' is not for the profile '{profile}'",
    "E057.hint": "'{service}' is for these profiles: {allowed}; remove the service or "
    "correct the profile (policy: {policy}).",
    "E058": "the user's email is the representative's own email",
    "E058.hint": "each user needs an email of their own; the representative's account is "
    "managed separately.",
    "E059": "'{key}' is listed twice in this file (first on line {first_line})",
    "E059.hint": "keep one entry per person and merge their services.",
    "E060": "the username '{key}' is also listed in {other}",
    "E060.hint": "an account belongs to one establishment: keep it in one file only.",
    "E061": "the email '{key}' is also used in {other}",
    "E061.hint": "emails are unique across all accounts; each person needs their own.",
    "E062": "the establishment '{key}' is also described in {other}",
    "E062.hint": "keep one file per establishment.",
    # --- warnings ---------------------------------------------------------------------
    "W101": "the service '{service}' is unusual for a '{type}' establishment",
    "W101.hint": "'{service}' is usually for: {allowed}; check that this person needs it.",
    "W102": "the representative cannot regenerate the secret code of '{key}'",
    "W102.hint": "{reason} The plan will list this request as blocked.",
    "W103": "the representative cannot reset the password of '{key}'",
    "W103.hint": "{reason} The plan will list this request as blocked.",
    "W104": "the file name does not match the establishment id '{id}'",
    "W104.hint": "rename the file to '{expected}' so that it is easy to find.",
    "W105": "the file is in folder '{folder}' but the establishment is in region '{region}'",
    "W105.hint": "move the file to access/{region}/.",
    "K.ramq": "Accounts made by RAMQ (CE…, IP…) manage their own password online.",
    "K.professional": "Physicians, residents and IPS manage their own password online.",
    # --- words used in messages -------------------------------------------------------
    "where.file": "the file",
    "where.establishment": "'establishment'",
    "where.representative": "'representative'",
    "where.user": "user {n}",
    "where.policy": "the policy",
    "where.line": "{file} line {line}",
    "type.string": "text",
    "type.integer": "a whole number",
    "type.number": "a number",
    "type.boolean": "true or false",
    "type.array": "a list",
    "type.object": "a block of fields",
    "type.null": "empty",
    "type.date": "a date",
    "type.datetime": "a date and time",
    "example.string": "{field}: \"...\"",
    "example.integer": "{field}: 1",
    "example.boolean": "{field}: true",
    "example.array": "{field}: [first, second]",
    "example.object": "{field}: followed by indented fields on the next lines",
    "profile.medecin": "physician",
    "profile.resident": "resident",
    "profile.ips": "specialised nurse practitioner (IPS)",
    # --- command output ---------------------------------------------------------------
    "severity.error": "error",
    "severity.warning": "warning",
    "hint": "hint:",
    "summary": "{files} file(s), {users} user(s): {errors} error(s), {warnings} warning(s)",
    "valid": "All access files are valid.",
    "invalid": "Fix the errors above, then run validate again.",
    "fatal": "error",
    # --- command-line help ------------------------------------------------------------
    "help.main": "Manage RVSQ access as code: validate access files, plan and apply them.",
    "help.lang": "Language of messages (default: RVSQ_LANG, else LANG, else English).",
    "help.no_color": "Do not colour the output.",
    "help.validate": "Check access files (files or folders, default ./access) and report "
    "every problem with its file, line and a hint.",
    "help.format": "Output format.",
    "help.strict": "Treat warnings as errors.",
    "help.policy": "Policy file (default: policy.yaml at the top of the access folder).",
}

FR: dict[str, str] = {
    # --- lecture du fichier -----------------------------------------------------------
    "E001": "le fichier n'est pas du texte UTF-8 valide",
    "E001.hint": "enregistrez le fichier avec l'encodage UTF-8 (la plupart des éditeurs "
    "l'offrent dans « Enregistrer sous »).",
    "E002": "le fichier dépasse {limit_mib} Mio",
    "E002.hint": "répartissez les utilisateurs sur plusieurs établissements ou retirez ce "
    "qui n'est pas un fichier d'accès.",
    "E003": "ce n'est pas du YAML valide : {detail}",
    "E003.hint": "vérifiez l'indentation, les deux-points et les guillemets sur cette ligne "
    "et la précédente.",
    "E004": "la clé « {key} » apparaît deux fois dans le même bloc (d'abord à la ligne "
    "{first_line})",
    "E004.hint": "ne gardez qu'un seul « {key} » : YAML garderait le dernier sans rien dire.",
    "E005": "les ancres et les alias (« &{anchor} », « *{anchor} ») ne sont pas permis",
    "E005.hint": "écrivez la valeur au complet là où elle sert.",
    "E006": "les étiquettes YAML comme « {tag} » ne sont pas permises",
    "E006.hint": "retirez l'étiquette; si la valeur doit être lue comme du texte, "
    "mettez-la entre guillemets.",
    "E007": "le fichier est vide",
    "E007.hint": "partez d'un fichier d'exemple du dossier access/ ou supprimez ce fichier.",
    "E008": "le fichier contient plus d'un document YAML",
    "E008.hint": "gardez un établissement par fichier et retirez le séparateur « --- ».",
    "E009": "la clé « {text} » n'est pas un simple nom",
    "E009.hint": "les clés sont des noms de champs comme « email » ou « services »; "
    "vérifiez l'orthographe et l'indentation.",
    "E010": "le fichier est imbriqué sur plus de {limit} niveaux",
    "E010.hint": "un fichier d'accès n'a besoin que de quelques niveaux; vérifiez "
    "l'indentation.",
    "E011": "le fichier ne peut pas être lu : {reason}",
    "E011.hint": "vérifiez que le fichier existe et que vous avez le droit de le lire.",
    "E012": "« {path} » n'existe pas",
    "E012.hint": "indiquez un fichier d'accès ou un dossier de fichiers d'accès (par défaut "
    ": ./access).",
    "E013": "aucun fichier d'accès (*.yaml, *.yml) n'a été trouvé dans « {path} »",
    "E013.hint": "les fichiers d'accès se nomment access/<région>/<id-établissement>.yaml.",
    # --- forme du fichier (JSON Schema) -----------------------------------------------
    "E020": "« {field} » manque dans {where}",
    "E020.hint": "ajoutez la ligne « {field}: ... »; voyez le format des fichiers dans le "
    "README.",
    "E021": "« {field} » n'est pas un champ connu dans {where}",
    "E021.hint": "les champs permis ici sont : {allowed}.",
    "E021.hint.suggest": "vouliez-vous dire « {suggestion} »? Les champs permis ici sont : "
    "{allowed}.",
    "E022": "« {field} » doit être {expected}, pas {actual}",
    "E022.hint": "écrivez-le ainsi : {example}",
    "E023": "« {field}: {text} » est lu par YAML comme {actual}, pas comme du texte",
    "E023.hint": "mettez-le entre guillemets : {field}: \"{text}\"",
    "E024": "la version {value} n'est pas prise en charge",
    "E024.hint": "écrivez « version: 1 » (la seule version de format que l'outil connaît).",
    "E025": "« {value} » n'est pas un identifiant d'établissement valide",
    "E025.hint": "utilisez des lettres minuscules, des chiffres et des tirets, en commençant "
    "par une lettre, par exemple « gmf-hill-valley ».",
    "E026": "« {value} » n'est pas une région sociosanitaire",
    "E026.hint": "écrivez la région en deux chiffres de 01 à 18 entre guillemets, par "
    "exemple region: \"06\".",
    "E027": "« {value} » n'est pas un type d'établissement",
    "E027.hint": "utilisez l'un de : {allowed}.",
    "E027.hint.suggest": "vouliez-vous dire « {suggestion} »? Utilisez l'un de : {allowed}.",
    "E028": "« {value} » n'est pas une adresse courriel valide",
    "E028.hint": "écrivez une adresse complète comme martin.macfly@example.org.",
    "E029": "« {value} » n'est pas un nom d'utilisateur RAMQ",
    "E029.hint": "le nom d'utilisateur d'un compte existant est CE, IP ou IELP suivi de "
    "chiffres, en majuscules (CE12345), ou le courriel avec lequel il a été créé.",
    "E030": "« {value} » n'est pas un titre de civilité",
    "E030.hint": "utilisez l'un de : {allowed}.",
    "E030.hint.suggest": "vouliez-vous dire « {suggestion} »? Utilisez l'un de : {allowed}.",
    "E031": "« {value} » n'est pas un profil",
    "E031.hint": "utilisez l'un de : {allowed}.",
    "E031.hint.suggest": "vouliez-vous dire « {suggestion} »? Utilisez l'un de : {allowed}.",
    "E032": "« {value} » n'est pas un service RVSQ",
    "E032.hint": "utilisez l'un de : {allowed}.",
    "E032.hint.suggest": "vouliez-vous dire « {suggestion} »? Utilisez l'un de : {allowed}.",
    "E033": "le service « {value} » est inscrit deux fois",
    "E033.hint": "inscrivez chaque service une seule fois.",
    "E034": "aucun service n'est coché",
    "E034.hint": "cochez au moins un service, par exemple services: [rvsq]; pour retirer "
    "les accès de l'utilisateur, retirez-le du fichier.",
    "E035": "« {value} » n'est pas une date",
    "E035.hint": "écrivez la date sous la forme AAAA-MM-JJ, par exemple 2027-06-30.",
    "E036": "« {field} » est vide",
    "E036.hint": "inscrivez une valeur, ou retirez la ligne si le champ est facultatif.",
    "E037": "« {field} » dépasse {limit} caractères",
    "E037.hint": "raccourcissez-le à {limit} caractères au plus.",
    "E038": "« {value} » n'est pas une clé publique age",
    "E038.hint": "collez le destinataire affiché par « age-keygen », qui commence par "
    "« age1 ».",
    "E039": "« {field} » a une valeur qui n'est pas acceptée : {detail}",
    "E039.hint": "voyez le format des fichiers dans le README.",
    "E040": "« {field} » n'a pas de valeur",
    "E040.hint": "inscrivez une valeur après les deux-points, ou retirez la ligne si le "
    "champ est facultatif.",
    "E041": "« {field} » commence ou finit par des espaces",
    "E041.hint": "retirez les espaces autour de la valeur.",
    # --- règles du domaine ------------------------------------------------------------
    "E050": "la liste des utilisateurs est vide",
    "E050.hint": "une liste vide ne veut jamais dire « retirer tout le monde » : inscrivez "
    "les utilisateurs ou, pour fermer l'établissement, écrivez « retired: true » sous "
    "« establishment » et gardez « users: [] ».",
    "E051": "un établissement fermé inscrit encore des utilisateurs",
    "E051.hint": "écrivez « users: [] » pour retirer tous les comptes qu'il détient, ou "
    "retirez « retired: true » pour le garder ouvert.",
    "E052": "un {profile_label} doit utiliser un compte existant, mais aucun nom "
    "d'utilisateur n'est inscrit",
    "E052.hint": "les médecins, résidents et IPS créent eux-mêmes leur compte RAMQ avec le "
    "numéro de référence reçu par la poste; inscrivez leur nom d'utilisateur (CE…, IP… ou "
    "leur courriel) une fois que c'est fait.",
    "E053": "un {profile_label} doit avoir un numéro de professionnel",
    "E053.hint": "ajoutez la ligne « professional_number: \"{example}\" ».",
    "E054": "« {value} » n'est pas un numéro de professionnel valide pour un "
    "{profile_label}",
    "E054.hint": "le numéro d'un {profile_label} a de 5 à 7 chiffres, commence par {prefix} "
    "et peut avoir un tiret après le premier chiffre, par exemple \"{example}\".",
    "E055": "seuls les médecins, résidents et IPS ont un numéro de professionnel",
    "E055.hint": "retirez « professional_number » ou corrigez le profil.",
    "E056": "une infirmière clinicienne ne peut pas ajouter RVSQ à un compte qu'elle "
    "utilise déjà",
    "E056.hint": "retirez « username » pour qu'un nouveau compte soit créé, avec une "
    "adresse courriel différente de celle de son autre compte RAMQ.",
    "E057": "le service « {service} » n'est pas destiné au profil « {profile} »",
    "E057.hint": "« {service} » est destiné à ces profils : {allowed}; retirez le service "
    "ou corrigez le profil (politique : {policy}).",
    "E058": "le courriel de l'utilisateur est celui du représentant",
    "E058.hint": "chaque utilisateur a besoin de son propre courriel; le compte du "
    "représentant est géré à part.",
    "E059": "« {key} » est inscrit deux fois dans ce fichier (d'abord à la ligne "
    "{first_line})",
    "E059.hint": "gardez une seule entrée par personne et regroupez ses services.",
    "E060": "le nom d'utilisateur « {key} » est aussi inscrit dans {other}",
    "E060.hint": "un compte appartient à un seul établissement : gardez-le dans un seul "
    "fichier.",
    "E061": "le courriel « {key} » est aussi utilisé dans {other}",
    "E061.hint": "les courriels sont uniques pour tous les comptes; chaque personne a "
    "besoin du sien.",
    "E062": "l'établissement « {key} » est aussi décrit dans {other}",
    "E062.hint": "gardez un fichier par établissement.",
    # --- avertissements ---------------------------------------------------------------
    "W101": "le service « {service} » est inhabituel pour un établissement de type "
    "« {type} »",
    "W101.hint": "« {service} » est habituellement pour : {allowed}; vérifiez que cette "
    "personne en a besoin.",
    "W102": "le représentant ne peut pas générer un nouveau code secret pour « {key} »",
    "W102.hint": "{reason} Le plan inscrira cette demande comme bloquée.",
    "W103": "le représentant ne peut pas réinitialiser le mot de passe de « {key} »",
    "W103.hint": "{reason} Le plan inscrira cette demande comme bloquée.",
    "W104": "le nom du fichier ne correspond pas à l'identifiant d'établissement « {id} »",
    "W104.hint": "renommez le fichier « {expected} » pour qu'il soit facile à trouver.",
    "W105": "le fichier est dans le dossier « {folder} », mais l'établissement est dans "
    "la région « {region} »",
    "W105.hint": "déplacez le fichier dans access/{region}/.",
    "K.ramq": "Les comptes créés par la RAMQ (CE…, IP…) gèrent eux-mêmes leur mot de passe "
    "en ligne.",
    "K.professional": "Les médecins, résidents et IPS gèrent eux-mêmes leur mot de passe "
    "en ligne.",
    # --- mots utilisés dans les messages ----------------------------------------------
    "where.file": "le fichier",
    "where.establishment": "« establishment »",
    "where.representative": "« representative »",
    "where.user": "l'utilisateur {n}",
    "where.policy": "la politique",
    "where.line": "{file} ligne {line}",
    "type.string": "du texte",
    "type.integer": "un nombre entier",
    "type.number": "un nombre",
    "type.boolean": "true ou false",
    "type.array": "une liste",
    "type.object": "un bloc de champs",
    "type.null": "vide",
    "type.date": "une date",
    "type.datetime": "une date et une heure",
    "example.string": "{field}: \"...\"",
    "example.integer": "{field}: 1",
    "example.boolean": "{field}: true",
    "example.array": "{field}: [premier, second]",
    "example.object": "{field}: suivi de champs indentés sur les lignes suivantes",
    "profile.medecin": "médecin",
    "profile.resident": "résident",
    "profile.ips": "infirmière praticienne spécialisée (IPS)",
    # --- sortie des commandes ---------------------------------------------------------
    "severity.error": "erreur",
    "severity.warning": "avertissement",
    "hint": "conseil :",
    "summary": "{files} fichier(s), {users} utilisateur(s) : {errors} erreur(s), "
    "{warnings} avertissement(s)",
    "valid": "Tous les fichiers d'accès sont valides.",
    "invalid": "Corrigez les erreurs ci-dessus, puis relancez validate.",
    "fatal": "erreur",
    # --- aide de la ligne de commande -------------------------------------------------
    "help.main": "Gérer les accès à RVSQ comme du code : valider les fichiers d'accès, "
    "planifier et appliquer les changements.",
    "help.lang": "Langue des messages (par défaut : RVSQ_LANG, sinon LANG, sinon anglais).",
    "help.no_color": "Ne pas colorer la sortie.",
    "help.validate": "Vérifier les fichiers d'accès (fichiers ou dossiers, ./access par "
    "défaut) et signaler chaque problème avec son fichier, sa ligne et un conseil.",
    "help.format": "Format de sortie.",
    "help.strict": "Traiter les avertissements comme des erreurs.",
    "help.policy": "Fichier de politique (par défaut : policy.yaml à la racine du dossier "
    "d'accès).",
}

CATALOGS = {"en": EN, "fr": FR}


def language_from_env(environ: dict[str, str] | None = None) -> str:
    """RVSQ_LANG, else LANG; French when it starts with 'fr', English otherwise."""
    env = os.environ if environ is None else environ
    value = env.get("RVSQ_LANG") or env.get("LANG") or ""
    return "fr" if value.lower().startswith("fr") else "en"


class Messages:
    """The catalog of one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._catalog = CATALOGS[lang]

    def __call__(self, key: str, /, **params: Any) -> str:
        return self._catalog[key].format(**params)

    def has(self, key: str) -> bool:
        return key in self._catalog
