"""Interface text for accounts, the admin page and request errors (merged into transcribe.web.i18n)."""

from __future__ import annotations

SV: dict[str, str] = {
    "nav_account": "Mitt konto", "nav_users": "Användare",
    "account_title": "Mitt konto", "change_password": "Byt lösenord", "current_password": "Nuvarande lösenord",
    "new_password": "Nytt lösenord", "confirm_password": "Nytt lösenord igen",
    "password_changed": "Lösenordet är bytt. Alla andra inloggningar med ditt konto har avslutats.",
    "password_short": "Lösenordet måste ha minst 8 tecken.", "password_long": "Lösenordet är för långt.",
    "password_mismatch": "De två nya lösenorden är inte lika.",
    "password_wrong": "Det nuvarande lösenordet stämmer inte.",
    "users_title": "Användare", "users_explain": "Stäng av, aktivera, radera, byt roll eller sätt ett nytt lösenord. "
    "Ett nytt lösenord eller en avstängning avslutar kontots alla inloggningar. Allt loggas.",
    "role": "Roll", "status": "Status", "active": "aktiv", "disabled": "avstängd", "actions": "Åtgärder",
    "disable": "Stäng av", "enable": "Aktivera", "set_role": "Byt roll", "set_password": "Sätt lösenord",
    "delete_user": "Radera konto", "confirm_delete_user": "Radera kontot {name}?",
    "user_changed": "Ändringen är sparad.",
    "no_such_user": "Användaren finns inte.", "last_admin": "Det måste finnas minst en aktiv administratör.",
    "owns_meetings": "Kontot äger möten. Radera eller flytta dem först, eller stäng av kontot.",
    "bad_role": "Okänd roll.",
    "too_long": "Något fält är för långt. Korta texten och försök igen.",
    "job_not_retryable": "Bearbetningen kan inte startas om: den är redan klar, köad eller pågår.",
    "job_not_cancellable": "Bearbetningen kan inte avbrytas: den är redan klar, misslyckad eller avbruten.",
}  # fmt: skip

EN: dict[str, str] = {
    "nav_account": "My account", "nav_users": "Users",
    "account_title": "My account", "change_password": "Change password", "current_password": "Current password",
    "new_password": "New password", "confirm_password": "New password again",
    "password_changed": "Your password is changed. Every other login with your account has been ended.",
    "password_short": "The password must have at least 8 characters.", "password_long": "The password is too long.",
    "password_mismatch": "The two new passwords differ.", "password_wrong": "The current password is wrong.",
    "users_title": "Users", "users_explain": "Disable, enable, delete, change a role or set a new password. "
    "A new password or disabling ends all of the account's logins. Everything is logged.",
    "role": "Role", "status": "Status", "active": "active", "disabled": "disabled", "actions": "Actions",
    "disable": "Disable", "enable": "Enable", "set_role": "Change role", "set_password": "Set password",
    "delete_user": "Delete account", "confirm_delete_user": "Delete the account {name}?",
    "user_changed": "The change is saved.",
    "no_such_user": "No such user.", "last_admin": "There must be at least one active administrator.",
    "owns_meetings": "The account owns meetings. Delete or move them first, or disable the account.",
    "bad_role": "Unknown role.",
    "too_long": "A field is too long. Shorten the text and try again.",
    "job_not_retryable": "The processing cannot be restarted: it is already done, queued or running.",
    "job_not_cancellable": "The processing cannot be cancelled: it is already done, failed or cancelled.",
}  # fmt: skip
