"""Importing: the RAMQ directory into the state, and access files from the state."""

from reconciler.catalog.message import Message

MESSAGES: dict[str, Message] = {
    # --- directory import (state import-directory) ------------------------------------
    "E124": Message(
        "'{path}' cannot be read: {reason}",
        "« {path} » ne peut pas être lu : {reason}",
    ),
    "E124.hint": Message(
        "check the path and that you may read it.",
        "vérifiez le chemin et que vous avez le droit de le lire.",
    ),
    "E124.hint.encoding": Message(
        "save the file as CSV UTF-8 (in Excel: File → Save As → CSV UTF-8), then import again.",
        "enregistrez le fichier en CSV UTF-8 (dans Excel : Fichier → Enregistrer sous → CSV "
        "UTF-8), puis relancez l'import.",
    ),
    "E124.hint.malformed": Message(
        "open the file in a spreadsheet and save it again as CSV, or close the quote left open "
        "on that line.",
        "ouvrez le fichier dans un tableur et enregistrez-le de nouveau en CSV, ou fermez le "
        "guillemet resté ouvert sur cette ligne.",
    ),
    "import.undecodable": Message(
        "byte {byte} on line {line} is neither UTF-8 nor Windows-1252 text",
        "l'octet {byte} de la ligne {line} n'est un texte ni en UTF-8 ni en Windows-1252",
    ),
    "import.malformed": Message(
        "line {line} is not CSV that can be read (a quote left open, or a cell far too long)",
        "la ligne {line} n'est pas du CSV lisible (un guillemet resté ouvert, ou une cellule "
        "beaucoup trop longue)",
    ),
    # a column's name, as its header may be written in each language (see HEADERS)
    "import.column.username": Message("username", "nom_utilisateur"),
    "import.column.email": Message("email", "courriel"),
    "import.column.title": Message("title", "titre"),
    "import.column.first_name": Message("first_name", "prénom"),
    "import.column.last_name": Message("last_name", "nom"),
    "import.column.profile": Message("profile", "profil"),
    "import.column.professional_number": Message("professional_number",
                                                 "numéro de professionnel"),
    "E080": Message(
        "the CSV file has no column {columns}",
        "le fichier CSV n'a pas de colonne {columns}",
    ),
    "E080.hint": Message(
        "the first line must name the columns, separated by commas or semicolons: username, "
        "email, title, first_name, last_name, profile, professional_number (or, in French: "
        "nom_utilisateur, courriel, titre, prénom, nom, profil, numéro de professionnel).",
        "la première ligne doit nommer les colonnes, séparées par des virgules ou des "
        "points-virgules : nom_utilisateur, courriel, titre, prénom, nom, profil, numéro de "
        "professionnel (ou leurs noms anglais : username, email, title, first_name, last_name, "
        "profile, professional_number).",
    ),
    "E081": Message(
        "'{value}' is not a RAMQ username",
        "« {value} » n'est pas un nom d'utilisateur RAMQ",
    ),
    "E081.hint": Message(
        "CE, IP or IELP followed by digits, in capitals, or an email.",
        "CE, IP ou IELP suivi de chiffres, en majuscules, ou un courriel.",
    ),
    "E082": Message(
        "'{value}' is not a valid email address",
        "« {value} » n'est pas une adresse courriel valide",
    ),
    "E082.hint": Message(
        "write a full address such as martin.macfly@example.org.",
        "écrivez une adresse complète comme martin.macfly@example.org.",
    ),
    "E083": Message(
        "'{value}' is not an accepted {field}",
        "« {value} » n'est pas une valeur acceptée pour {field}",
    ),
    "E083.hint": Message("use one of: {allowed}.", "utilisez l'un de : {allowed}."),
    "E084": Message(
        "'{value}' is not a valid professional number for this profile",
        "« {value} » n'est pas un numéro de professionnel valide pour ce profil",
    ),
    "E084.hint": Message(
        "physicians 1-…, residents 5-…, IPS 8-1…: 5 to 7 digits in all.",
        "médecins 1-…, résidents 5-…, IPS 8-1… : de 5 à 7 chiffres en tout.",
    ),
    "E085": Message(
        "'{value}' is already used on line {first_line}",
        "« {value} » est déjà utilisé à la ligne {first_line}",
    ),
    "E085.hint": Message(
        "each account appears once, with an email of its own.",
        "chaque compte paraît une seule fois, avec son propre courriel.",
    ),
    "E086": Message(
        "the email '{value}' belongs to another account in the state ('{holder}')",
        "le courriel « {value} » appartient à un autre compte de l'état (« {holder} »)",
    ),
    "E086.hint": Message(
        "correct the email, or the username if it is the same person.",
        "corrigez le courriel, ou le nom d'utilisateur s'il s'agit de la même personne.",
    ),
    "E150": Message(
        "'{username}' is managed by an access file ({establishment}): this row would change "
        "{changes}",
        "« {username} » est géré par un fichier d'accès ({establishment}) : cette ligne "
        "changerait {changes}",
    ),
    "E150.hint": Message(
        "correct this row; or, if the directory is right, import again with --update-managed and "
        "correct the access file too, or the next plan will put its values back.",
        "corrigez cette ligne; ou, si le répertoire a raison, relancez l'import avec "
        "--update-managed et corrigez aussi le fichier d'accès, sinon le prochain plan remettra "
        "ses valeurs.",
    ),
    # --- access files from the state (import) -----------------------------------------
    "E128": Message(
        "give either --establishment ID or --all",
        "indiquez --establishment ID ou --all",
    ),
    "E128.hint": Message(
        "for example: rvsq-access import --establishment gmf-hill-valley, or rvsq-access import "
        "--all --out access.",
        "par exemple : rvsq-access import --establishment gmf-hill-valley, ou rvsq-access import "
        "--all --out access.",
    ),
    "E129": Message(
        "the state has no establishment '{establishment}'",
        "l'état n'a aucun établissement « {establishment} »",
    ),
    "E129.hint": Message(
        "the establishments it holds are: {known}.",
        "les établissements qu'il contient sont : {known}.",
    ),
    "E130": Message("--all needs --out FOLDER", "--all demande --out DOSSIER"),
    "E130.hint": Message(
        "name a new folder, for example: rvsq-access import --all --out imported.",
        "nommez un nouveau dossier, par exemple : rvsq-access import --all --out importe.",
    ),
    "E131": Message(
        "'{path}' already exists ({count} {count:file|files} in the way); nothing was written",
        "« {path} » existe déjà ({count} {count:fichier|fichiers} en travers); rien n'a été écrit",
    ),
    "E131.hint": Message(
        "import never overwrites an access file: choose a new file or an empty folder.",
        "import n'écrase jamais un fichier d'accès : choisissez un nouveau fichier ou un dossier "
        "vide.",
    ),
    # --- import output ----------------------------------------------------------------
    "import.written": Message(
        "Wrote {count} access {count:file|files} to {path}. Check {count:it|them} with "
        "'rvsq-access plan': it should show no changes.",
        "{count} {count:fichier d'accès écrit|fichiers d'accès écrits} dans {path}. "
        "{count:Vérifiez-le|Vérifiez-les} avec « rvsq-access plan » : il ne devrait montrer "
        "aucun changement.",
    ),
    "import.value": Message("'{value}'", "« {value} »"),
    "import.change": Message("{field} {old} → {new}", "{field} {old} → {new}"),
    "import.done": Message(
        "Imported {count} existing RAMQ {count:account|accounts} from {path}; nothing was "
        "granted.",
        "{count} {count:compte RAMQ existant importé|comptes RAMQ existants importés} de {path}; "
        "aucun accès n'a été accordé.",
    ),
    "import.windows_1252": Message(
        "{path} is not UTF-8: it was read as Windows-1252, as Excel saves CSV on a French "
        "Windows. Check that accents look right with 'rvsq-access state list'.",
        "{path} n'est pas en UTF-8 : il a été lu en Windows-1252, comme Excel enregistre le CSV "
        "sous un Windows français. Vérifiez que les accents sont justes avec « rvsq-access "
        "state list ».",
    ),
    "import.failed": Message(
        "Nothing was imported: fix the lines above, then import again.",
        "Rien n'a été importé : corrigez les lignes ci-dessus, puis relancez l'import.",
    ),
    "import.managed_updated": Message(
        "Updated {count} {count:account|accounts} that access files manage: {accounts}. Correct "
        "those access files too, or the next plan will put their values back.",
        "{count} {count:compte géré|comptes gérés} par des fichiers d'accès {count:mis|mis} à "
        "jour : {accounts}. Corrigez aussi ces fichiers d'accès, sinon le prochain plan remettra "
        "leurs valeurs.",
    ),
    "import.waiting": Message(
        "An apply holds the state lock; waiting up to {timeout} s before importing…",
        "Une application détient le verrou de l'état; attente d'au plus {timeout} s avant "
        "l'importation…",
    ),
}
