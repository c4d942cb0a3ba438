"""Problems found reading a file (E001–E019), and why an email is refused."""

from reconciler.catalog.message import Message

MESSAGES: dict[str, Message] = {
    # --- reading the file -------------------------------------------------------------
    "E001": Message(
        "byte {byte} at line {line}, column {column} is not UTF-8",
        "l'octet {byte} à la ligne {line}, colonne {column} n'est pas de l'UTF-8",
    ),
    "E001.hint": Message(
        "the file was probably saved as Windows-1252 or Latin-1 (an accented letter such as é "
        "written as one byte): save it as UTF-8 (most editors offer it in 'Save as').",
        "le fichier a probablement été enregistré en Windows-1252 ou en Latin-1 (une lettre "
        "accentuée comme é écrite sur un seul octet) : enregistrez-le en UTF-8 (la plupart des "
        "éditeurs l'offrent dans « Enregistrer sous »).",
    ),
    "E001.hint.utf16": Message(
        "the file was saved as UTF-16 (\"Unicode\" in some editors): save it as UTF-8 (most "
        "editors offer it in 'Save as').",
        "le fichier a été enregistré en UTF-16 (« Unicode » dans certains éditeurs) : "
        "enregistrez-le en UTF-8 (la plupart des éditeurs l'offrent dans « Enregistrer sous »).",
    ),
    "E002": Message(
        "the file is larger than {limit_mib} MiB",
        "le fichier dépasse {limit_mib} Mio",
    ),
    "E002.hint": Message(
        "split the establishment's users over several establishments or remove what is not an "
        "access file.",
        "répartissez les utilisateurs sur plusieurs établissements ou retirez ce qui n'est pas un "
        "fichier d'accès.",
    ),
    "E003": Message("this is not valid YAML: {detail}", "ce n'est pas du YAML valide : {detail}"),
    "E003.hint": Message(
        "check the indentation, the colons and the quotes on this line and the one before it.",
        "vérifiez l'indentation, les deux-points et les guillemets sur cette ligne et la "
        "précédente.",
    ),
    "E003.hint.tab": Message(
        "use spaces, not tabs, to indent: replace the tab at column {column} with spaces (two "
        "per level, aligned with the lines around it).",
        "indentez avec des espaces, pas des tabulations : remplacez la tabulation de la colonne "
        "{column} par des espaces (deux par niveau, alignés sur les lignes voisines).",
    ),
    "E003.hint.nbsp": Message(
        "delete the no-break space at column {column} and type an ordinary space (a word "
        "processor, a web page or Alt+Space can slip one in).",
        "effacez l'espace insécable de la colonne {column} et tapez une espace ordinaire (un "
        "traitement de texte, une page Web ou Alt+Espace peuvent en glisser une).",
    ),
    "E004": Message(
        "the key '{key}' appears twice in the same block (first on line {first_line})",
        "la clé « {key} » apparaît deux fois dans le même bloc (d'abord à la ligne {first_line})",
    ),
    "E004.hint": Message(
        "keep only one '{key}': YAML would silently use the last one.",
        "ne gardez qu'un seul « {key} » : YAML garderait le dernier sans rien dire.",
    ),
    "E005": Message(
        "anchors and aliases ('&{anchor}', '*{anchor}') are not allowed",
        "les ancres et les alias (« &{anchor} », « *{anchor} ») ne sont pas permis",
    ),
    "E005.hint": Message(
        "write the value out in full where it is needed.",
        "écrivez la valeur au complet là où elle sert.",
    ),
    "E006": Message(
        "YAML tags such as '{tag}' are not allowed",
        "les étiquettes YAML comme « {tag} » ne sont pas permises",
    ),
    "E006.hint": Message(
        "remove the tag; if the value must be read as text, put it in quotes.",
        "retirez l'étiquette; si la valeur doit être lue comme du texte, mettez-la entre "
        "guillemets.",
    ),
    "E007": Message("the file is empty", "le fichier est vide"),
    "E007.hint": Message(
        "start from an example file in access/ or remove this file.",
        "partez d'un fichier d'exemple du dossier access/ ou supprimez ce fichier.",
    ),
    "E008": Message(
        "the file holds more than one YAML document",
        "le fichier contient plus d'un document YAML",
    ),
    "E008.hint": Message(
        "keep one establishment per file and remove the '---' separator.",
        "gardez un établissement par fichier et retirez le séparateur « --- ».",
    ),
    "E009": Message(
        "the key '{text}' is not a plain name",
        "la clé « {text} » n'est pas un simple nom",
    ),
    "E009.hint": Message(
        "keys are field names such as 'email' or 'services'; check the spelling and the "
        "indentation.",
        "les clés sont des noms de champs comme « email » ou « services »; vérifiez l'orthographe "
        "et l'indentation.",
    ),
    "E010": Message(
        "the file is nested more than {limit} levels deep",
        "le fichier est imbriqué sur plus de {limit} niveaux",
    ),
    "E010.hint": Message(
        "an access file needs only a few levels; check the indentation.",
        "un fichier d'accès n'a besoin que de quelques niveaux; vérifiez l'indentation.",
    ),
    "E011": Message(
        "the file cannot be read: {reason}",
        "le fichier ne peut pas être lu : {reason}",
    ),
    "E011.hint": Message(
        "check that the file exists and that you may read it.",
        "vérifiez que le fichier existe et que vous avez le droit de le lire.",
    ),
    "E012": Message("'{path}' does not exist", "« {path} » n'existe pas"),
    "E012.hint": Message(
        "give an access file or a folder of access files (default: ./access).",
        "indiquez un fichier d'accès ou un dossier de fichiers d'accès (par défaut : ./access).",
    ),
    "E013": Message(
        "no access file (*.yaml, *.yml) was found in '{path}'",
        "aucun fichier d'accès (*.yaml, *.yml) n'a été trouvé dans « {path} »",
    ),
    "E013.hint": Message(
        "access files are named access/<region>/<establishment-id>.yaml.",
        "les fichiers d'accès se nomment access/<région>/<id-établissement>.yaml.",
    ),
    "E014": Message(
        "more than {limit} access files were found in '{path}'",
        "plus de {limit} fichiers d'accès ont été trouvés dans « {path} »",
    ),
    "E014.hint": Message(
        "point the tool at the access folder itself, not at a folder above it.",
        "indiquez le dossier d'accès lui-même, pas un dossier au-dessus.",
    ),
    "E015": Message(
        "'{link}' is a symbolic link that leads outside '{path}'",
        "« {link} » est un lien symbolique qui mène hors de « {path} »",
    ),
    "E015.hint": Message(
        "access files must be in the repository itself: copy the file or folder there, or remove "
        "the link. Nothing was read through it.",
        "les fichiers d'accès doivent être dans le dépôt lui-même : copiez-y le fichier ou le "
        "dossier, ou retirez le lien. Rien n'a été lu par ce lien.",
    ),
    "E016": Message(
        "'{field}' holds the invisible or control character {char}",
        "« {field} » contient le caractère invisible ou de contrôle {char}",
    ),
    "E016.hint": Message(
        "retype the value without {char} (column {column}): such a character can hide or rewrite "
        "text on a screen, in a pull request or in an email.",
        "retapez la valeur sans {char} (colonne {column}) : un tel caractère peut cacher ou "
        "réécrire du texte à l'écran, dans une demande de fusion ou dans un courriel.",
    ),
    "E017": Message(
        "'{value}' is not an email address that can receive mail: {reason}",
        "« {value} » n'est pas une adresse qui peut recevoir des courriels : {reason}",
    ),
    "E017.hint": Message(
        "correct the address; it is checked the way mail servers read it (the domain itself is "
        "not asked).",
        "corrigez l'adresse; elle est vérifiée comme les serveurs de courriel la lisent (sans "
        "interroger le domaine).",
    ),
    "E018": Message(
        "'{field}: {text}' is read by some tools as {value} and by others as text",
        "« {field}: {text} » est lu par certains outils comme {value} et par d'autres comme du "
        "texte",
    ),
    "E018.hint": Message(
        "write {field}: true or {field}: false.",
        "écrivez {field}: true ou {field}: false.",
    ),
    "E019": Message(
        "the file holds the character {char}, which some YAML readers take for a line break and "
        "others for a character",
        "le fichier contient le caractère {char}, que certains lecteurs YAML prennent pour un "
        "saut de ligne et d'autres pour un caractère",
    ),
    "E019.hint": Message(
        "remove it; to end a line, press Enter.",
        "retirez-le; pour finir une ligne, appuyez sur Entrée.",
    ),
    "E045": Message(
        "user {n} starts here without '- ': its '{key}' is read as a second '{key}' of the user "
        "above",
        "l'utilisateur {n} commence ici sans « - » : son « {key} » est lu comme un second "
        "« {key} » de l'utilisateur précédent",
    ),
    "E045.hint": Message(
        "each user starts with '- ': write '- {key}: …' on this line, the dash aligned with "
        "the other users' dashes.",
        "chaque utilisateur commence par « - » : écrivez « - {key}: … » sur cette ligne, le "
        "tiret aligné sur celui des autres utilisateurs.",
    ),
    "E046": Message(
        "'{field}: {text}' is in typographic quotes (“ ” or ‘ ’), which YAML keeps as part of "
        "the text",
        "« {field}: {text} » est entre guillemets typographiques (“ ” ou ‘ ’), que YAML garde "
        "dans le texte",
    ),
    "E046.hint": Message(
        "use straight quotes: {field}: \"{value}\" (a word processor such as Word curls them: "
        "edit the file in a text editor).",
        "utilisez des guillemets droits : {field}: \"{value}\" (un traitement de texte comme "
        "Word les recourbe : modifiez le fichier dans un éditeur de texte).",
    ),
    # --- what the YAML parser found (E003), by its problem (loader._YAML_PROBLEMS) ----
    "yaml.tab": Message(
        "a tab is used to indent this line",
        "une tabulation sert à indenter cette ligne",
    ),
    "yaml.nbsp": Message(
        "a no-break space (U+00A0) at column {column} stands where YAML wants an ordinary space",
        "une espace insécable (U+00A0) à la colonne {column} est là où YAML attend une espace "
        "ordinaire",
    ),
    "yaml.cannot_start": Message(
        "a character here cannot start a value (such as @, ` or %): put the value in quotes",
        "un caractère ici ne peut pas commencer une valeur (comme @, ` ou %) : mettez la valeur "
        "entre guillemets",
    ),
    "yaml.no_colon": Message(
        "a key without its colon (name: value), or a line indented differently from the others",
        "une clé sans ses deux-points (nom: valeur), ou une ligne indentée autrement que les "
        "autres",
    ),
    "yaml.colon_in_value": Message(
        "a colon where it cannot be: a value with ': ' in it must be in quotes, or the line is "
        "indented wrongly",
        "des deux-points là où ils ne peuvent pas être : une valeur contenant « : » doit être "
        "entre guillemets, ou la ligne est mal indentée",
    ),
    "yaml.dash_misplaced": Message(
        "a list item ('- ') where a field is expected: check the indentation",
        "un élément de liste (« - ») là où un champ est attendu : vérifiez l'indentation",
    ),
    "yaml.dash_expected": Message(
        "a list item that does not start with '- ', or is indented differently from the others",
        "un élément de liste qui ne commence pas par « - », ou indenté autrement que les autres",
    ),
    "yaml.indentation": Message(
        "this line is indented differently from the lines of its block",
        "cette ligne est indentée autrement que les lignes de son bloc",
    ),
    "yaml.no_value": Message(
        "a value is expected here",
        "une valeur est attendue ici",
    ),
    "yaml.unclosed_bracket": Message(
        "a list opened with '[' is not closed with ']', or an item lacks its comma",
        "une liste ouverte par « [ » n'est pas fermée par « ] », ou il manque une virgule",
    ),
    "yaml.unclosed_brace": Message(
        "a block opened with '{{' is not closed with '}}', or a field lacks its comma",
        "un bloc ouvert par « {{ » n'est pas fermé par « }} », ou il manque une virgule",
    ),
    "yaml.unclosed_quote": Message(
        "a quote opened here is never closed",
        "un guillemet ouvert ici n'est jamais fermé",
    ),
    "yaml.escape": Message(
        "a backslash (\\) starts an escape that does not exist: double it, or use single quotes",
        "une barre oblique inverse (\\) commence un échappement qui n'existe pas : doublez-la, "
        "ou utilisez des apostrophes droites",
    ),
    "yaml.after_value": Message(
        "something follows a complete value on this line (a second value, or a quote closed too "
        "early)",
        "quelque chose suit une valeur complète sur cette ligne (une seconde valeur, ou un "
        "guillemet fermé trop tôt)",
    ),
    "yaml.control": Message(
        "the file holds a control character that is not allowed",
        "le fichier contient un caractère de contrôle interdit",
    ),
    "yaml.tag": Message(
        "an '!' starts a YAML tag that is not written correctly: put the value in quotes",
        "un « ! » commence une étiquette YAML mal écrite : mettez la valeur entre guillemets",
    ),
    "yaml.anchor": Message(
        "an '&' or '*' starts a YAML anchor or alias: put the value in quotes",
        "un « & » ou un « * » commence une ancre ou un alias YAML : mettez la valeur entre "
        "guillemets",
    ),
    "yaml.directive": Message(
        "a line starting with '%' is a YAML directive: put the value in quotes",
        "une ligne qui commence par « % » est une directive YAML : mettez la valeur entre "
        "guillemets",
    ),
    "yaml.block_scalar": Message(
        "a '|' or '>' block is written incorrectly",
        "un bloc « | » ou « > » est mal écrit",
    ),
    "yaml.duplicate_key": Message(
        "a key appears twice in the same block",
        "une clé apparaît deux fois dans le même bloc",
    ),
    "yaml.other": Message(
        "the parser cannot read the file from here",
        "l'analyseur ne peut pas lire le fichier à partir d'ici",
    ),
    # --- what the system said (os_words: an OSError by its errno) ---------------------
    "os.missing": Message("no such file or folder", "ce fichier ou ce dossier n'existe pas"),
    "os.not_a_folder": Message(
        "a part of the path is a file, not a folder",
        "une partie du chemin est un fichier, pas un dossier",
    ),
    "os.is_a_folder": Message("it is a folder, not a file", "c'est un dossier, pas un fichier"),
    "os.exists": Message("it already exists", "il existe déjà"),
    "os.denied": Message(
        "permission denied (check who owns it and its rights)",
        "permission refusée (vérifiez son propriétaire et ses droits)",
    ),
    "os.read_only": Message(
        "the disk is mounted read-only",
        "le disque est monté en lecture seule",
    ),
    "os.full": Message(
        "no space left on the disk (or the quota is reached)",
        "il ne reste plus d'espace sur le disque (ou le quota est atteint)",
    ),
    "os.too_large": Message("the file is too large", "le fichier est trop gros"),
    "os.name_too_long": Message("the name is too long", "le nom est trop long"),
    "os.link": Message(
        "a symbolic link is in the way (or links loop)",
        "un lien symbolique est en travers du chemin (ou des liens tournent en rond)",
    ),
    "os.too_many_open": Message(
        "too many files are open at once",
        "trop de fichiers sont ouverts à la fois",
    ),
    "os.io": Message(
        "the disk could not be read or written (input/output error)",
        "le disque n'a pas pu être lu ou écrit (erreur d'entrée-sortie)",
    ),
    "os.busy": Message(
        "it is in use by another program",
        "il est utilisé par un autre programme",
    ),
    "os.not_empty": Message("the folder is not empty", "le dossier n'est pas vide"),
    "os.other_disk": Message(
        "it cannot be moved to another disk",
        "il ne peut pas être déplacé vers un autre disque",
    ),
    "os.refused": Message(
        "the connection was refused (is the server running, on this port?)",
        "la connexion a été refusée (le serveur est-il en marche, sur ce port?)",
    ),
    "os.timed_out": Message(
        "the server did not answer in time",
        "le serveur n'a pas répondu à temps",
    ),
    "os.reset": Message(
        "the connection was cut by the other side",
        "la connexion a été coupée par l'autre côté",
    ),
    "os.unreachable": Message(
        "the network cannot reach the server",
        "le réseau ne peut pas joindre le serveur",
    ),
    "os.unknown_host": Message(
        "the server's name cannot be found (check its spelling and the network)",
        "le nom du serveur est introuvable (vérifiez son orthographe et le réseau)",
    ),
    "os.memory": Message("not enough memory", "pas assez de mémoire"),
    "os.encoding": Message(
        "a name or a text holds a character the system's encoding cannot write",
        "un nom ou un texte contient un caractère que l'encodage du système ne peut pas écrire",
    ),
    "os.not_utf8": Message(
        "byte {byte} at line {line}, column {column} is not UTF-8: the file was probably saved as "
        "Windows-1252 or Latin-1; save it as UTF-8",
        "l'octet {byte} à la ligne {line}, colonne {column} n'est pas de l'UTF-8 : le fichier a "
        "probablement été enregistré en Windows-1252 ou en Latin-1; enregistrez-le en UTF-8",
    ),
    "os.character": Message(
        "the character {char} cannot be written in the system's encoding",
        "le caractère {char} ne peut pas être écrit dans l'encodage du système",
    ),
    "os.other": Message(
        "the system refused the operation (error {name})",
        "le système a refusé l'opération (erreur {name})",
    ),
    "os.said": Message("{text}", "{text}"),
    # --- why a saved plan is not one (E119) --------------------------------------------
    "planfile.not_json": Message(
        "it is not JSON (line {line}, column {column})",
        "ce n'est pas du JSON (ligne {line}, colonne {column})",
    ),
    "planfile.too_deep": Message("it is nested too deeply", "il est imbriqué trop profondément"),
    "planfile.missing": Message(
        "'{field}' is missing at '{where}'",
        "« {field} » manque à « {where} »",
    ),
    "planfile.shape": Message(
        "what is at '{where}' does not have the shape of a saved plan",
        "ce qui est à « {where} » n'a pas la forme d'un plan enregistré",
    ),
    # --- reasons an email is refused (E017), after the email-validator library --------
    "text.email.dots": Message("two periods in a row", "deux points de suite"),
    "text.email.period": Message(
        "a period at the start or end of a part",
        "un point au début ou à la fin d'une partie",
    ),
    "text.email.no_dot": Message(
        "the part after the @ needs a period (a domain such as example.org)",
        "la partie après le @ doit contenir un point (un domaine comme example.org)",
    ),
    "text.email.reserved": Message(
        "the domain is a reserved name that never receives mail",
        "le domaine est un nom réservé qui ne reçoit jamais de courriels",
    ),
    "text.email.characters": Message(
        "characters not allowed in an address",
        "des caractères interdits dans une adresse",
    ),
    "text.email.hyphen": Message(
        "a hyphen misplaced (next to a period or the @, or at an end)",
        "un trait d'union mal placé (près d'un point ou du @, ou en bout)",
    ),
    "text.email.quoted": Message(
        "quotes around the part before the @ are not accepted",
        "les guillemets autour de la partie avant le @ ne sont pas acceptés",
    ),
    "text.email.literal": Message(
        "an IP address instead of a domain is not accepted",
        "une adresse IP à la place d'un domaine n'est pas acceptée",
    ),
    "text.email.long": Message(
        "the address or one of its parts is too long",
        "l'adresse ou l'une de ses parties est trop longue",
    ),
    "text.email.other": Message("{detail}", "{detail}"),
}
