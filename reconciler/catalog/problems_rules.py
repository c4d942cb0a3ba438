"""Problems found by the domain rules: errors (E050–E069) and warnings (W101–W199)."""

from reconciler.catalog.message import Message

MESSAGES: dict[str, Message] = {
    # --- domain rules -----------------------------------------------------------------
    "E050": Message("the user list is empty", "la liste des utilisateurs est vide"),
    "E050.hint": Message(
        "an empty list never means 'remove everyone': list the users, or, to close the "
        "establishment, write 'retired: true' under 'establishment' and keep 'users: []'.",
        "une liste vide ne veut jamais dire « retirer tout le monde » : inscrivez les "
        "utilisateurs ou, pour fermer l'établissement, écrivez « retired: true » sous "
        "« establishment » et gardez « users: [] ».",
    ),
    "E051": Message(
        "a retired establishment still lists users",
        "un établissement fermé inscrit encore des utilisateurs",
    ),
    "E051.hint": Message(
        "write 'users: []' to remove every account it owns, or remove 'retired: true' to keep it "
        "open.",
        "écrivez « users: [] » pour retirer tous les comptes qu'il détient, ou retirez « retired: "
        "true » pour le garder ouvert.",
    ),
    "E052": Message(
        "a {profile_label} must use an existing account, but no username is given",
        "un {profile_label} doit utiliser un compte existant, mais aucun nom d'utilisateur n'est "
        "inscrit",
    ),
    "E052.hint": Message(
        "physicians, residents and IPS create their own RAMQ account with the reference number "
        "(numéro de référence) they received by mail; add their username (CE…, IP… or their "
        "email) once they have done so.",
        "les médecins, résidents et IPS créent eux-mêmes leur compte RAMQ avec le numéro de "
        "référence reçu par la poste; inscrivez leur nom d'utilisateur (CE…, IP… ou leur "
        "courriel) une fois que c'est fait.",
    ),
    "E053": Message(
        "a {profile_label} needs a professional number",
        "un {profile_label} doit avoir un numéro de professionnel",
    ),
    "E053.hint": Message(
        "add the line 'professional_number: \"{example}\"'.",
        "ajoutez la ligne « professional_number: \"{example}\" ».",
    ),
    "E054": Message(
        "'{value}' is not a valid professional number for a {profile_label}",
        "« {value} » n'est pas un numéro de professionnel valide pour un {profile_label}",
    ),
    "E054.hint": Message(
        "a {profile_label}'s number has 5 to 7 digits, starts with {prefix} and may have a dash "
        "after the first digit, for example \"{example}\".",
        "le numéro d'un {profile_label} a de 5 à 7 chiffres, commence par {prefix} et peut avoir "
        "un tiret après le premier chiffre, par exemple \"{example}\".",
    ),
    "E055": Message(
        "only physicians, residents and IPS have a professional number",
        "seuls les médecins, résidents et IPS ont un numéro de professionnel",
    ),
    "E055.hint": Message(
        "remove 'professional_number', or correct the profile.",
        "retirez « professional_number » ou corrigez le profil.",
    ),
    "E056": Message(
        "a clinical nurse cannot have RVSQ added to an account she already uses",
        "une infirmière clinicienne ne peut pas ajouter RVSQ à un compte qu'elle utilise déjà",
    ),
    "E056.hint": Message(
        "remove 'username' so that a new account is created, with an email that differs from the "
        "one her other RAMQ account uses.",
        "retirez « username » pour qu'un nouveau compte soit créé, avec une adresse courriel "
        "différente de celle de son autre compte RAMQ.",
    ),
    "E057": Message(
        "the service '{service}' is not for the profile '{profile}'",
        "le service « {service} » n'est pas destiné au profil « {profile} »",
    ),
    "E057.hint": Message(
        "'{service}' is for these profiles: {allowed}; remove the service or correct the profile "
        "(policy: {policy}).",
        "« {service} » est destiné à ces profils : {allowed}; retirez le service ou corrigez le "
        "profil (politique : {policy}).",
    ),
    "E058": Message(
        "the user's email is the representative's own email",
        "le courriel de l'utilisateur est celui du représentant",
    ),
    "E058.hint": Message(
        "each user needs an email of their own; the representative's account is managed "
        "separately.",
        "chaque utilisateur a besoin de son propre courriel; le compte du représentant est géré à "
        "part.",
    ),
    "E059": Message(
        "'{key}' is listed twice in this file (first on line {first_line})",
        "« {key} » est inscrit deux fois dans ce fichier (d'abord à la ligne {first_line})",
    ),
    "E059.hint": Message(
        "keep one entry per person and merge their services.",
        "gardez une seule entrée par personne et regroupez ses services.",
    ),
    "E060": Message(
        "the account '{key}' is also listed in {other}",
        "le compte « {key} » est aussi inscrit dans {other}",
    ),
    "E060.hint": Message(
        "an account belongs to one establishment: keep it in one file only.",
        "un compte appartient à un seul établissement : gardez-le dans un seul fichier.",
    ),
    "E061": Message(
        "the email '{key}' is also used in {other}",
        "le courriel « {key} » est aussi utilisé dans {other}",
    ),
    "E061.hint": Message(
        "emails are unique across all accounts; each person needs their own.",
        "les courriels sont uniques pour tous les comptes; chaque personne a besoin du sien.",
    ),
    "E062": Message(
        "the establishment '{key}' is also described in {other}",
        "l'établissement « {key} » est aussi décrit dans {other}",
    ),
    "E062.hint": Message(
        "keep one file per establishment.",
        "gardez un fichier par établissement.",
    ),
    # --- warnings ---------------------------------------------------------------------
    "W101": Message(
        "the service '{service}' is unusual for a '{type}' establishment",
        "le service « {service} » est inhabituel pour un établissement de type « {type} »",
    ),
    "W101.hint": Message(
        "'{service}' is usually for: {allowed}; check that this person needs it.",
        "« {service} » est habituellement pour : {allowed}; vérifiez que cette personne en a "
        "besoin.",
    ),
    "W102": Message(
        "the representative cannot regenerate the secret code of '{key}'",
        "le représentant ne peut pas générer un nouveau code secret pour « {key} »",
    ),
    "W102.hint": Message(
        "only accounts made through the representative service can have their code regenerated by "
        "the representative; the plan will list this request as blocked.",
        "seuls les comptes créés par le service du représentant peuvent recevoir un nouveau code "
        "du représentant; le plan inscrira cette demande comme bloquée.",
    ),
    "W102.hint.ramq": Message(
        "accounts made by RAMQ (CE…, IP…) manage their own password and code online; the plan "
        "will list this request as blocked.",
        "les comptes créés par la RAMQ (CE…, IP…) gèrent eux-mêmes leur mot de passe et leur code "
        "en ligne; le plan inscrira cette demande comme bloquée.",
    ),
    "W102.hint.professional": Message(
        "physicians, residents and IPS manage their own password and code online; the plan will "
        "list this request as blocked.",
        "les médecins, résidents et IPS gèrent eux-mêmes leur mot de passe et leur code en ligne; "
        "le plan inscrira cette demande comme bloquée.",
    ),
    "W103": Message(
        "the representative cannot reset the password of '{key}'",
        "le représentant ne peut pas réinitialiser le mot de passe de « {key} »",
    ),
    "W103.hint": Message(
        "only accounts made through the representative service can have their password reset by "
        "the representative; the plan will list this request as blocked.",
        "seuls les comptes créés par le service du représentant peuvent voir leur mot de passe "
        "réinitialisé par le représentant; le plan inscrira cette demande comme bloquée.",
    ),
    "W103.hint.ramq": Message(
        "accounts made by RAMQ (CE…, IP…) reset their own password online; the plan will list "
        "this request as blocked.",
        "les comptes créés par la RAMQ (CE…, IP…) réinitialisent eux-mêmes leur mot de passe en "
        "ligne; le plan inscrira cette demande comme bloquée.",
    ),
    "W103.hint.professional": Message(
        "physicians, residents and IPS reset their own password online; the plan will list this "
        "request as blocked.",
        "les médecins, résidents et IPS réinitialisent eux-mêmes leur mot de passe en ligne; le "
        "plan inscrira cette demande comme bloquée.",
    ),
    "W104": Message(
        "the file name does not match the establishment id '{id}'",
        "le nom du fichier ne correspond pas à l'identifiant d'établissement « {id} »",
    ),
    "W104.hint": Message(
        "rename the file to '{expected}' so that it is easy to find.",
        "renommez le fichier « {expected} » pour qu'il soit facile à trouver.",
    ),
    "W105": Message(
        "the file is in folder '{folder}' but the establishment is in region '{region}'",
        "le fichier est dans le dossier « {folder} », mais l'établissement est dans la région "
        "« {region} »",
    ),
    "W105.hint": Message(
        "move the file to access/{region}/.",
        "déplacez le fichier dans access/{region}/.",
    ),
    "W106": Message(
        "the access of '{key}' was last reviewed on {date}, more than {days} days ago",
        "l'accès de « {key} » a été révisé le {date}, il y a plus de {days} jours",
    ),
    "W106.hint": Message(
        "review who may access what with the person's manager, then update 'reviewed' (an error "
        "with --strict).",
        "révisez les accès avec le gestionnaire de la personne, puis mettez à jour « reviewed » "
        "(une erreur avec --strict).",
    ),
}
