"""Interface text for the review, approval and login flows (merged into transcribe.web.i18n)."""

from __future__ import annotations

SV: dict[str, str] = {
    "saved": "Sparat", "saving": "Sparar …", "save_failed": "Kunde inte spara",
    "logged_out": "Du har loggats ut. Logga in i en ny flik och spara igen: texten finns kvar här.",
    "minutes_final": "Protokoll", "speed": "Hastighet", "play_pause": "Spela/pausa", "back_5": "5 s bakåt",
    "next_uncertain": "Nästa osäkra ställe", "no_more_uncertain": "Inga fler osäkra ställen.",
    "shortcuts": "Kortkommandon", "shortcut_help": "Alt+K spela/pausa · Alt+J 5 s bakåt · Alt+N nästa osäkra ställe",
    "unc_all": "Visa alla osäkra ord", "unc_evidence": "Bara underlag för protokollet",
    "low_legend_graded": "= osäkert igenkänt ord, klart sämre än resten av mötet (starkare färg: ännu sämre).",
    "unreviewed_n": "{n} punkter är inte granskade", "unreviewed_1": "1 punkt är inte granskad",
    "confirm_unreviewed": "{n} punkter har ingen granskat än:", "confirm_unreviewed_end": "Godkänna protokollet ändå?",
    "approve_title": "Godkänna {title}?",
    "nameless": "Talare utan namn står så i protokollet: {labels}. Namnge dem under Talare.",
    "and_more": "… och {n} till", "approved_by_at": "godkänt {at} av {name}",
    "login_expired": "Sidan hade legat öppen för länge. Logga in igen.",
    "field_error": "Fel i fältet", "playback": "Uppspelning", "skip_to_content": "Hoppa till innehållet",
    "field_filed_under": "Under §", "filed_where_said": "Där det sades",
    "read_from_item": "Läst ur punktens förlopp, inte ur beslutslistan:",
    "deleted_by": "Mötet har tagits bort av {by}.",
    "deleted_kept": "Det du skrev sparades inte. Här är det, så att du kan kopiera det:",
    "deleted_go_back": "Det du skrev sparades inte: gå tillbaka i webbläsaren, så står texten kvar att kopiera.",
    "err_changed_by": "{by} ändrade punkten medan du hade sidan öppen. Ladda om sidan för att se ändringen.",
    "err_changed_someone": "Någon annan ändrade punkten medan du hade sidan öppen. Ladda om sidan för att se den.",
    "err_changed": "Någon annan ändrade punkten medan du hade sidan öppen. Din text står kvar i fältet: sparar du "
                   "igen ersätter den ändringen. Ladda om sidan om du vill se den först.",
    "err_seg_changed_by": "{by} ändrade segmentet medan du hade sidan öppen. Ladda om sidan för att se ändringen.",
    "err_seg_changed_someone": "Någon annan ändrade segmentet medan du hade sidan öppen. Ladda om för att se det.",
    "err_seg_changed": "Någon annan ändrade segmentet medan du hade sidan öppen. Din text står kvar i fältet: sparar "
                       "du igen ersätter den ändringen. Ladda om sidan om du vill se den först.",
}  # fmt: skip

EN: dict[str, str] = {
    "saved": "Saved", "saving": "Saving …", "save_failed": "Could not save",
    "logged_out": "You have been logged out. Log in in a new tab and save again: your text is still here.",
    "minutes_final": "Minutes", "speed": "Speed", "play_pause": "Play/pause", "back_5": "Back 5 s",
    "next_uncertain": "Next uncertain passage", "no_more_uncertain": "No more uncertain passages.",
    "shortcuts": "Keyboard shortcuts",
    "shortcut_help": "Alt+K play/pause · Alt+J back 5 s · Alt+N next uncertain passage",
    "unc_all": "Show all uncertain words", "unc_evidence": "Only passages behind the minutes",
    "low_legend_graded": "= uncertain word, clearly worse than the rest of the meeting (stronger colour: worse still).",
    "unreviewed_n": "{n} items have not been reviewed", "unreviewed_1": "1 item has not been reviewed",
    "confirm_unreviewed": "{n} items have not been reviewed by anyone:", "confirm_unreviewed_end": "Approve anyway?",
    "approve_title": "Approve {title}?",
    "nameless": "Speakers without a name appear so in the minutes: {labels}. Name them under Speakers.",
    "and_more": "… and {n} more", "approved_by_at": "approved {at} by {name}",
    "login_expired": "The page had been open too long. Please log in again.",
    "field_error": "Error in the field", "playback": "Playback", "skip_to_content": "Skip to content",
    "field_filed_under": "Under §", "filed_where_said": "Where it was said",
    "read_from_item": "Read from the item's course, not from the list of decisions:",
    "deleted_by": "The meeting was deleted by {by}.",
    "deleted_kept": "What you typed was not saved. Here it is, so that you can copy it:",
    "deleted_go_back": "What you typed was not saved: go back in the browser and it is still there to copy.",
    "err_changed_by": "{by} changed this item while you had the page open. Reload the page to see the change.",
    "err_changed_someone": "Someone else changed this item while you had the page open. Reload the page to see it.",
    "err_changed": "Someone else changed this item while you had the page open. Your text is still in the field: "
                   "saving again replaces that change. Reload the page if you want to see it first.",
    "err_seg_changed_by": "{by} changed this segment while you had the page open. Reload the page to see the change.",
    "err_seg_changed_someone": "Someone else changed this segment while you had the page open. Reload to see it.",
    "err_seg_changed": "Someone else changed this segment while you had the page open. Your text is still in the "
                       "field: saving again replaces that change. Reload the page if you want to see it first.",
}  # fmt: skip
