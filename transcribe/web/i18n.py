"""Interface text in Swedish (default) and English, chosen by ?lang=, a cookie or the user's setting.

A plain dict rather than gettext: a few hundred strings, no build step, and a test
checks that both languages define the same keys.
"""

from __future__ import annotations

from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from transcribe.web import accounts_text, llm_text, review_text

LANGS = ("sv", "en")

SV: dict[str, str] = {
    # navigation and accounts
    "nav": "Huvudmeny", "nav_meetings": "Möten", "nav_upload": "Ladda upp", "logout": "Logga ut",
    "login_title": "Logga in", "login": "Logga in", "username": "Användarnamn", "password": "Lösenord",
    "login_failed": "Fel användarnamn eller lösenord.",
    "login_throttled": "För många misslyckade försök. Vänta fem minuter och försök igen.",
    "role_secretary": "sekreterare", "role_facilitator": "samtalsledare", "role_admin": "administratör",
    # errors
    "error_title": "Något gick fel", "forbidden": "Du har inte behörighet till det här.",
    "not_found": "Sidan eller mötet finns inte (eller så har du inte tillgång till det).",
    "csrf": "Formuläret hade gått ut. Ladda om sidan och försök igen.", "bad_request": "Ogiltig begäran.",
    "error": "Ett oväntat fel inträffade.", "conflict": "Åtgärden kan inte utföras just nu.",
    "job_stopping": "Bearbetningen håller på att stoppas. Försök igen om en stund.",
    "locked": "Mötet är godkänt och låst. Det måste öppnas igen innan det kan ändras.",
    "not_ready": "Mötet är inte färdigbehandlat än.",
    "back_to_meetings": "Tillbaka till mötena", "back_to_meeting": "Tillbaka till mötet",
    # meetings list and status
    "meetings_title": "Möten", "no_meetings": "Inga möten än. Ladda upp en inspelning för att börja.",
    "no_meetings_shared": "Inga möten har delats med dig än. Den som laddade upp ett möte delar det med dig "
    "på mötets sida Dela.",
    "owner": "Ägare", "open": "Öppna", "retry": "Försök igen", "restart_job": "Starta igen", "cancel_job": "Avbryt",
    "confirm_cancel": "Avbryta behandlingen av mötet?", "share": "Dela", "delete": "Radera",
    "state_queued": "I kö", "state_queued_pos": "I kö (plats {n})", "state_running": "Bearbetas",
    "state_done": "Klar för granskning", "state_failed": "Misslyckades", "state_cancelled": "Avbruten",
    "state_approved": "Godkänd version {n}",
    "stage_start": "Startar", "stage_decode": "Avkodar ljud", "stage_decoding": "Avkodar ljud",
    "stage_transcribe": "Transkriberar", "stage_transcribing": "Transkriberar",
    "stage_diarize": "Identifierar talare", "stage_diarising": "Identifierar talare",
    "stage_minutes": "Skriver protokollutkast", "stage_writing": "Skriver protokollutkast",
    "eta": "ca {minutes} min kvar", "no_result": "ingen transkription skrevs",
    "fail_empty": "inspelningen är tom", "fail_not_audio": "filen är ingen ljudfil som kan läsas",
    "fail_corrupt": "inspelningen är skadad eller avkortad", "fail_silent": "inspelningen är tyst, inget tal hördes",
    "fail_too_large": "inspelningen är för stor eller för lång",
    "pending_hint": "Sidan uppdateras av sig själv när mötet är färdigbehandlat.",
    # upload
    "asr_model": "Taligenkänning",
    "upload_title": "Ladda upp möte", "title": "Rubrik", "title_placeholder": "t.ex. Styrelsemöte 12 maj",
    "date": "Datum", "date_placeholder": "ÅÅÅÅ-MM-DD",
    "place": "Plats", "speaker_count": "Antal talare", "auto": "automatiskt",
    "vocabulary": "Ordlista (namn, förkortningar – ett per rad)",
    "vocabulary_placeholder": "Kanalskolan\nSKR\nAnna Lindqvist",
    "drop_here": "Dra och släpp inspelningar här", "choose_files": "Välj filer …", "choose_file": "Välj fil …",
    "no_file_chosen": "Ingen fil vald", "files_chosen": "{n} filer valda", "remove_file": "Ta bort",
    "upload_hint": "Ljud- eller videofiler, högst {mb} MB per fil. Varje fil blir ett eget möte.",
    "upload_start": "Ladda upp och starta", "upload_failed": "Uppladdningen misslyckades",
    "upload_done": "Uppladdad", "upload_no_file": "Välj minst en inspelning.",
    "upload_too_large": "Filen är för stor: gränsen är {mb} MB.",
    "upload_bad_request": "Uppladdningen kunde inte läsas. Försök igen.",
    "upload_too_many": "För många filer på en gång.",
    "not_audio": "”{name}” är ingen ljudfil som kan läsas (eller så är den skadad).",
    "empty_audio": "”{name}” är tom (0 byte): välj inspelningen igen.",
    "upload_same_recording": "”{name}” är redan uppladdad som mötet ”{title}”: öppna det i stället. "
                             "Radera det mötet först om inspelningen ska göras om från början.",
    "upload_same_twice": "”{name}” är vald två gånger: en inspelning blir ett möte.",
    "agenda_file": "Dagordning (valfri: .txt, .md eller .docx)",
    "agenda_hint": "Med dagordning blir utkastet ett protokoll med en § per punkt, och orden hjälper igenkänningen.",
    "bad_agenda": "Dagordningen kunde inte läsas: {reason}",
    "upload_series": "Mötesserie (valfri)", "upload_series_none": "Ingen serie",
    "upload_series_hint": "Namn och återkommande termer från seriens tidigare möten hjälper igenkänningen.",
    "bad_series": "Serien finns inte eller är inte din.",
    "protokoll": "Protokoll enligt dagordningen", "not_treated": "Ej behandlad", "other_talk": "Utanför dagordningen",
    "para_start": "Punkten började", "decided": "Beslut", "tabled": "Bordlagd",
    "role_ordförande": "Ordförande", "role_sekreterare": "Sekreterare", "role_justerare": "Justerare",
    "bad_date": "Datumet ska skrivas ÅÅÅÅ-MM-DD.", "bad_speakers": "Antal talare ska vara ett tal mellan 1 och 50.",
    # delete and share
    "delete_title": "Radera ”{title}”?",
    "delete_explain": "Följande tas bort permanent från servern:",
    "delete_audio": "inspelningen och allt avkodat ljud",
    "delete_transcript": "transkriptionen, protokollutkastet och alla exporterade filer",
    "delete_versions": "alla godkända versioner, delningar och ändringshistoriken",
    "delete_irreversible": "Det går inte att ångra.", "delete_confirm": "Ja, radera mötet", "cancel": "Avbryt",
    "share_title": "Dela ”{title}”", "share_with": "Dela med",
    "share_explain": "Samtalsledare som mötet delas med kan granska och godkänna det; "
                     "sekreterare kan läsa och exportera.",
    "not_shared": "Mötet är inte delat med någon.", "unshare": "Sluta dela", "no_such_user": "Användaren finns inte.",
    # review
    "draft": "Utkast", "reopened_after": "öppnad igen efter version {n}", "export": "Exportera",
    "minutes": "Protokollutkast", "transcript": "Transkription", "history": "Historik",
    "approve": "Godkänn protokollet",
    "confirm_approve": "Godkänna och låsa den här versionen? Därefter kan den bara ändras om en "
                       "samtalsledare eller administratör öppnar den igen.",
    "reopen": "Öppna för ändringar", "confirm_reopen": "Öppna det godkända protokollet för nya ändringar?",
    "locked_notice": "Version {n} godkändes av {name} {at}. Den är låst.",
    "follow_audio": "Följ uppspelningen", "speakers": "Talare", "name": "Namn", "name_for": "Namn för {label}",
    "save_names": "Spara namn", "play_from_here": "Spela härifrån", "play_passage": "Spela avsnittet",
    "overlap": "överlappande tal", "segment_text": "Text i segment {n}", "save": "Spara",
    "regenerate": "Skapa om från redigerad transkription",
    "confirm_regenerate": "Skapa ett nytt protokollutkast från den redigerade transkriptionen? "
                          "Nuvarande utkast och dess granskning ersätts.",
    "regenerating": "Protokollutkastet skapas om …", "regen_failed": "Det gick inte att skapa om utkastet",
    "no_minutes": "Det finns inget protokollutkast. Skapa ett från transkriptionen.",
    "participants": "Deltagare", "none_found": "Inget hittat.", "confidence": "säkerhet",
    "needs_review": "behöver granskas",
    "mentions": "{n} omnämnanden", "share_of_time": "{p} % av taltiden",
    "sec_summary": "Beskrivning", "sec_themes": "Teman", "sec_decisions": "Beslut", "sec_actions": "Åtgärder",
    "sec_not_decided": "Inte beslutat", "sec_next_meeting": "Nästa möte", "sec_conclusions": "Slutsatser",
    "sec_emotions": "Stämning",
    "status_draft": "ej granskad", "status_accepted": "godkänd", "status_edited": "redigerad",
    "status_rejected": "avvisad",
    "save_edit": "Spara ändring", "accept": "Godkänn", "reject": "Avvisa", "restore": "Återställ",
    "remove": "Ta bort", "add": "Lägg till",
    "add_decisions": "Lägg till beslut", "add_actions": "Lägg till åtgärd", "add_themes": "Lägg till tema",
    "add_not_decided": "Lägg till obeslutad fråga", "add_conclusions": "Lägg till slutsats",
    "add_next_meeting": "Lägg till nästa möte",
    "evidence_segment": "Underlag: segment nr",
    "evidence_hint": "Klicka på ett segment i transkriptionen för att välja det som underlag.",
    "field_text": "Text", "field_proposed_by": "Föreslaget av", "field_what": "Vad", "field_owner": "Ansvarig",
    "field_due": "Klart senast", "field_reason": "Varför inte beslutat", "field_heading": "Rubrik",
    "field_paragraph": "Sammanfattning", "field_when": "När", "field_description": "Beskrivning av mötet",
    "field_mood": "Stämning",
    "err_no_such_segment": "Segmentet finns inte.", "err_no_such_item": "Punkten finns inte.",
    "err_bad_date": "Datumet ska skrivas ÅÅÅÅ-MM-DD (och tiden TT:MM).", "err_empty_text": "Texten får inte vara tom.",
    "err_choose_segment": "Välj ett segment i transkriptionen som underlag för punkten.",
    "err_no_minutes": "Det finns inget protokollutkast.", "err_bad_request": "Ogiltig begäran.",
    # history
    "history_title": "Historik: {title}", "versions": "Godkända versioner", "version_n": "Version {n}",
    "approved_by": "godkänd av {name}", "changes": "Ändringar", "when": "När", "who": "Vem", "what": "Vad",
    "detail": "Detaljer", "no_changes": "Inga ändringar än.",
    "action_upload": "Uppladdning", "action_rename_speaker": "Bytte talarnamn", "action_edit_segment": "Ändrade text",
    "action_edit_minutes": "Ändrade protokollet", "action_add_item": "Lade till punkt",
    "action_regenerate": "Skapade om utkastet", "action_approve": "Godkände", "action_reopen": "Öppnade igen",
    "action_share": "Delade med", "action_unshare": "Slutade dela med",
    # speakers
    "confirm": "Bekräfta", "dismiss": "Avfärda", "dismiss_for": "Avfärda förslaget {name}",
    "proposal_title": "Förslag från en röstprofil (likhet {p} %)", "n_proposals": "{n} namnförslag",
    "merge_speakers": "Slå ihop talare", "merge_drop": "Flytta allt som sagts av", "merge_keep": "till",
    "merge": "Slå ihop", "merge_hint": "När samma person har fått två etiketter.",
    "confirm_merge": "Slå ihop talarna? Allt den första sa räknas som den andras.",
    "split_speaker": "Dela upp talare", "split_from": "Talare", "split_segments": "Segment nr",
    "split": "Flytta till ny talare",
    "split_hint": "När två personer har fått samma etikett: klicka på segmenten som den andra personen sa "
                  "(eller skriv numren). Enstaka segment byter du talare för direkt vid tiden.",
    "new_speaker": "Ny talare …", "speaker_of": "Talare för segment {n}",
    "reassign_hint": "Byt talare för det här segmentet",
    "enroll_profiles": "Spara röstprofiler",
    "enroll_hint": "De namngivna talarnas röster känns då igen i kommande möten "
                   "(bara röstavtryck sparas, aldrig ljud).",
    "confirm_enroll": "Spara röstprofiler för talarna som har namn i den godkända versionen?",
    "enrolling": "Sparar röstprofiler …", "enrolled": "Röstprofiler sparade (antal prov): {names}",
    "enrol_failed": "Det gick inte att spara röstprofilerna",
    "err_same_speaker": "Välj två olika talare.", "err_no_such_speaker": "Talaren finns inte.",
    "err_bad_segments": "Skriv segmentnummer, t.ex. 3, 5, 8-10.",
    "err_split_wrong_segments": "Alla valda segment måste tillhöra den valda talaren.",
    "err_not_approved": "Röstprofiler sparas bara från en godkänd version.",
    "err_no_confirmed_names": "Ingen talare har ett namn som en person har skrivit eller bekräftat.",
    # recognition certainty
    "check_audio": "Kontrollera mot ljudet", "listen": "Lyssna",
    "uncertain": "osäkert igenkänt ord (igenkänningen {p} % säker)",
    "low_example": "ord", "low_legend": "= osäkert igenkänt ord: kontrollera mot ljudet.",
    "click_to_edit": "Klicka för att redigera",
    "action_merge_speakers": "Slog ihop talare", "action_split_speaker": "Delade upp talare",
    "action_reassign_turn": "Bytte talare för segment", "action_confirm_proposal": "Bekräftade namnförslag",
    "action_dismiss_proposal": "Avfärdade namnförslag", "action_enroll_profiles": "Sparade röstprofiler",
    # series
    "nav_series": "Serier", "series_title": "Mötesserier",
    "series_intro": "En serie samlar återkommande möten, till exempel ett nätverk, och ger en periodrapport "
                    "och räknade svar på frågor över alla möten.",
    "no_series": "Inga serier än.", "series_create": "Skapa serie",
    "series_name": "Namn (a–z, 0–9, bindestreck)", "series_description": "Översikt", "series_purpose": "Syfte och mål",
    "series_meetings": "Möten i serien", "n_meetings": "{n} möten", "series_add": "Lägg till möten",
    "series_no_candidates": "Det finns inga fler färdiga möten som du har tillgång till.",
    "series_no_meetings": "Inga möten i serien än.",
    "series_unavailable": "{n} möten i serien är raderade eller inte längre tillgängliga för dig och räknas inte med.",
    "series_report": "Periodrapport",
    "series_report_hint": "Byggs av de godkända protokollen (annars utkasten) och de granskade transkriptionerna.",
    "minutes_approved": "godkänt protokoll", "minutes_draft": "utkast", "minutes_generated": "utkast skapas",
    "ask": "Fråga", "ask_placeholder": "t.ex. Vem kan leda arbetet?",
    "ask_hint": "Hittar inläggen som svarar på frågan i seriens möten och räknar svaren per grupp.",
    "ask_contributions": "{n} inlägg svarar på frågan.",
    "ask_counted": "Antal och andelar är räknade av koden över de grupperade inläggen.",
    "ask_asked": "Ställd i möte {m} av {name}", "ask_none": "Inga svar hittades.",
    "col_answer": "Svar", "col_count": "Antal", "col_share": "Andel", "col_who": "Vem", "meeting_n": "Möte {n}",
    "series_exists": "Det finns redan en serie med det namnet.",
    "bad_series_name": "Namnet får bara innehålla a–z, 0–9 och enkla bindestreck, t.ex. natverk-skelleftea.",
    "series_empty": "Serien har inga möten som du har tillgång till.",
}  # fmt: skip

EN: dict[str, str] = {
    "nav": "Main menu", "nav_meetings": "Meetings", "nav_upload": "Upload", "logout": "Log out",
    "login_title": "Log in", "login": "Log in", "username": "User name", "password": "Password",
    "login_failed": "Wrong user name or password.",
    "login_throttled": "Too many failed attempts. Wait five minutes and try again.",
    "role_secretary": "secretary", "role_facilitator": "facilitator", "role_admin": "administrator",
    "error_title": "Something went wrong", "forbidden": "You are not allowed to do this.",
    "not_found": "The page or meeting does not exist (or you have no access to it).",
    "csrf": "The form had expired. Reload the page and try again.", "bad_request": "Invalid request.",
    "error": "An unexpected error occurred.", "conflict": "This cannot be done right now.",
    "job_stopping": "Processing is being stopped. Try again in a moment.",
    "locked": "The meeting is approved and locked. It must be reopened before it can be changed.",
    "not_ready": "The meeting has not finished processing yet.",
    "back_to_meetings": "Back to meetings", "back_to_meeting": "Back to the meeting",
    "meetings_title": "Meetings", "no_meetings": "No meetings yet. Upload a recording to start.",
    "no_meetings_shared": "No meetings have been shared with you yet. Whoever uploaded a meeting shares it "
    "with you on its Share page.",
    "owner": "Owner", "open": "Open", "retry": "Retry", "restart_job": "Start again", "cancel_job": "Cancel",
    "confirm_cancel": "Cancel processing this meeting?", "share": "Share", "delete": "Delete",
    "state_queued": "Queued", "state_queued_pos": "Queued (position {n})", "state_running": "Processing",
    "state_done": "Ready for review", "state_failed": "Failed", "state_cancelled": "Cancelled",
    "state_approved": "Approved version {n}",
    "stage_start": "Starting", "stage_decode": "Decoding audio", "stage_decoding": "Decoding audio",
    "stage_transcribe": "Transcribing", "stage_transcribing": "Transcribing",
    "stage_diarize": "Identifying speakers", "stage_diarising": "Identifying speakers",
    "stage_minutes": "Writing minutes draft", "stage_writing": "Writing minutes draft",
    "eta": "about {minutes} min left", "no_result": "no transcript was written",
    "fail_empty": "the recording is empty", "fail_not_audio": "the file is not an audio file that can be read",
    "fail_corrupt": "the recording is damaged or cut short",
    "fail_silent": "the recording is silent, no speech was heard",
    "fail_too_large": "the recording is too large or too long",
    "pending_hint": "This page updates itself when the meeting has been processed.",
    "asr_model": "Speech recognition",
    "upload_title": "Upload a meeting", "title": "Title", "title_placeholder": "e.g. Board meeting 12 May",
    "date": "Date", "date_placeholder": "YYYY-MM-DD",
    "place": "Place", "speaker_count": "Number of speakers", "auto": "automatic",
    "vocabulary": "Vocabulary (names, abbreviations – one per line)",
    "vocabulary_placeholder": "Kanalskolan\nSKR\nAnna Lindqvist",
    "drop_here": "Drag and drop recordings here", "choose_files": "Choose files …", "choose_file": "Choose file …",
    "no_file_chosen": "No file chosen", "files_chosen": "{n} files chosen", "remove_file": "Remove",
    "upload_hint": "Audio or video files, at most {mb} MB each. Each file becomes its own meeting.",
    "upload_start": "Upload and start", "upload_failed": "Upload failed",
    "upload_done": "Uploaded", "upload_no_file": "Choose at least one recording.",
    "upload_too_large": "The file is too large: the limit is {mb} MB.",
    "upload_bad_request": "The upload could not be read. Try again.",
    "upload_too_many": "Too many files at once.",
    "not_audio": "“{name}” is not an audio file we can read (or it is damaged).",
    "empty_audio": "“{name}” is empty (0 bytes): choose the recording again.",
    "upload_same_recording": "“{name}” was already uploaded as the meeting “{title}”: open it instead. "
                             "Delete that meeting first to process the recording again from the start.",
    "upload_same_twice": "“{name}” is chosen twice: one recording makes one meeting.",
    "agenda_file": "Agenda (optional: .txt, .md or .docx)",
    "agenda_hint": "With an agenda the draft becomes a protokoll with one § per item, and its words help recognition.",
    "bad_agenda": "The agenda could not be read: {reason}",
    "upload_series": "Meeting series (optional)", "upload_series_none": "No series",
    "upload_series_hint": "Names and recurring terms from the series' earlier meetings help recognition.",
    "bad_series": "The series does not exist or is not yours.",
    "protokoll": "Protokoll by agenda item", "not_treated": "Not treated", "other_talk": "Outside the agenda",
    "para_start": "Item started", "decided": "Decision", "tabled": "Tabled",
    "role_ordförande": "Chair", "role_sekreterare": "Secretary", "role_justerare": "Minutes checkers",
    "bad_date": "Write the date as YYYY-MM-DD.", "bad_speakers": "Number of speakers must be between 1 and 50.",
    "delete_title": "Delete “{title}”?",
    "delete_explain": "The following is removed permanently from the server:",
    "delete_audio": "the recording and all decoded audio",
    "delete_transcript": "the transcript, the minutes draft and every exported file",
    "delete_versions": "all approved versions, shares and the change history",
    "delete_irreversible": "This cannot be undone.", "delete_confirm": "Yes, delete the meeting", "cancel": "Cancel",
    "share_title": "Share “{title}”", "share_with": "Share with",
    "share_explain": "Facilitators it is shared with can review and approve it; secretaries can read and export.",
    "not_shared": "The meeting is not shared with anyone.", "unshare": "Stop sharing",
    "no_such_user": "No such user.",
    "draft": "Draft", "reopened_after": "reopened after version {n}", "export": "Export",
    "minutes": "Minutes draft", "transcript": "Transcript", "history": "History",
    "approve": "Approve the minutes",
    "confirm_approve": "Approve and lock this version? After that only a facilitator or administrator "
                       "can reopen it for changes.",
    "reopen": "Reopen for changes", "confirm_reopen": "Reopen the approved minutes for new changes?",
    "locked_notice": "Version {n} was approved by {name} {at}. It is locked.",
    "follow_audio": "Follow playback", "speakers": "Speakers", "name": "Name", "name_for": "Name for {label}",
    "save_names": "Save names", "play_from_here": "Play from here", "play_passage": "Play the passage",
    "overlap": "overlapping speech", "segment_text": "Text of segment {n}", "save": "Save",
    "regenerate": "Regenerate from edited transcript",
    "confirm_regenerate": "Create a new minutes draft from the edited transcript? The current draft and "
                          "its review are replaced.",
    "regenerating": "Regenerating the minutes draft …", "regen_failed": "Could not regenerate the draft",
    "no_minutes": "There is no minutes draft. Create one from the transcript.",
    "participants": "Participants", "none_found": "Nothing found.", "confidence": "confidence",
    "needs_review": "needs review",
    "mentions": "{n} mentions", "share_of_time": "{p} % of speaking time",
    "sec_summary": "Description", "sec_themes": "Themes", "sec_decisions": "Decisions", "sec_actions": "Actions",
    "sec_not_decided": "Not decided", "sec_next_meeting": "Next meeting", "sec_conclusions": "Conclusions",
    "sec_emotions": "Mood",
    "status_draft": "not reviewed", "status_accepted": "accepted", "status_edited": "edited",
    "status_rejected": "rejected",
    "save_edit": "Save change", "accept": "Accept", "reject": "Reject", "restore": "Restore",
    "remove": "Remove", "add": "Add",
    "add_decisions": "Add decision", "add_actions": "Add action", "add_themes": "Add theme",
    "add_not_decided": "Add undecided question", "add_conclusions": "Add conclusion",
    "add_next_meeting": "Add next meeting",
    "evidence_segment": "Evidence: segment no.",
    "evidence_hint": "Click a segment in the transcript to choose it as evidence.",
    "field_text": "Text", "field_proposed_by": "Proposed by", "field_what": "What", "field_owner": "Owner",
    "field_due": "Due", "field_reason": "Why not decided", "field_heading": "Heading",
    "field_paragraph": "Summary", "field_when": "When", "field_description": "Description of the meeting",
    "field_mood": "Mood",
    "err_no_such_segment": "No such segment.", "err_no_such_item": "No such item.",
    "err_bad_date": "Write the date as YYYY-MM-DD (and the time as HH:MM).", "err_empty_text": "Text cannot be empty.",
    "err_choose_segment": "Choose a transcript segment as evidence for the item.",
    "err_no_minutes": "There is no minutes draft.", "err_bad_request": "Invalid request.",
    "history_title": "History: {title}", "versions": "Approved versions", "version_n": "Version {n}",
    "approved_by": "approved by {name}", "changes": "Changes", "when": "When", "who": "Who", "what": "What",
    "detail": "Details", "no_changes": "No changes yet.",
    "action_upload": "Upload", "action_rename_speaker": "Renamed speakers", "action_edit_segment": "Edited text",
    "action_edit_minutes": "Edited minutes", "action_add_item": "Added item",
    "action_regenerate": "Regenerated the draft", "action_approve": "Approved", "action_reopen": "Reopened",
    "action_share": "Shared with", "action_unshare": "Stopped sharing with",
    "confirm": "Confirm", "dismiss": "Dismiss", "dismiss_for": "Dismiss the suggestion {name}",
    "proposal_title": "Suggested by a voice profile (similarity {p} %)", "n_proposals": "{n} name suggestions",
    "merge_speakers": "Merge speakers", "merge_drop": "Move everything said by", "merge_keep": "to",
    "merge": "Merge", "merge_hint": "When one person got two labels.",
    "confirm_merge": "Merge the speakers? Everything the first said counts as the second's.",
    "split_speaker": "Split a speaker", "split_from": "Speaker", "split_segments": "Segment no.",
    "split": "Move to a new speaker",
    "split_hint": "When two people got the same label: click the segments the other person said (or type "
                  "their numbers). Change a single segment's speaker right beside its time.",
    "new_speaker": "New speaker …", "speaker_of": "Speaker of segment {n}",
    "reassign_hint": "Change who said this segment",
    "enroll_profiles": "Save voice profiles",
    "enroll_hint": "The named speakers' voices are then recognised in future meetings "
                   "(only voice prints, never audio).",
    "confirm_enroll": "Save voice profiles for the speakers named in the approved version?",
    "enrolling": "Saving voice profiles …", "enrolled": "Voice profiles saved (samples): {names}",
    "enrol_failed": "Could not save the voice profiles",
    "err_same_speaker": "Choose two different speakers.", "err_no_such_speaker": "No such speaker.",
    "err_bad_segments": "Write segment numbers, e.g. 3, 5, 8-10.",
    "err_split_wrong_segments": "Every chosen segment must belong to the chosen speaker.",
    "err_not_approved": "Voice profiles are saved only from an approved version.",
    "err_no_confirmed_names": "No speaker has a name a person typed or confirmed.",
    "check_audio": "Check against the audio", "listen": "Listen",
    "uncertain": "uncertainly recognised word (the recogniser {p} % sure)",
    "low_example": "word", "low_legend": "= uncertainly recognised word: check against the audio.",
    "click_to_edit": "Click to edit",
    "action_merge_speakers": "Merged speakers", "action_split_speaker": "Split a speaker",
    "action_reassign_turn": "Changed a segment's speaker", "action_confirm_proposal": "Confirmed a name suggestion",
    "action_dismiss_proposal": "Dismissed a name suggestion", "action_enroll_profiles": "Saved voice profiles",
    "nav_series": "Series", "series_title": "Meeting series",
    "series_intro": "A series gathers recurring meetings, for example a network, and gives a period report "
                    "and counted answers to questions across all of them.",
    "no_series": "No series yet.", "series_create": "Create series",
    "series_name": "Name (a–z, 0–9, hyphens)", "series_description": "Overview", "series_purpose": "Purpose and goals",
    "series_meetings": "Meetings in the series", "n_meetings": "{n} meetings", "series_add": "Add meetings",
    "series_no_candidates": "There are no more finished meetings you have access to.",
    "series_no_meetings": "No meetings in the series yet.",
    "series_unavailable": "{n} meetings of the series were deleted or are no longer available to you and are left out.",
    "series_report": "Period report",
    "series_report_hint": "Built from the approved minutes (else the drafts) and the reviewed transcripts.",
    "minutes_approved": "approved minutes", "minutes_draft": "draft", "minutes_generated": "draft made on the fly",
    "ask": "Ask", "ask_placeholder": "e.g. Who can lead the work?",
    "ask_hint": "Finds the contributions answering the question in the series' meetings and counts them by group.",
    "ask_contributions": "{n} contributions answer the question.",
    "ask_counted": "Counts and shares are computed by code over the grouped contributions.",
    "ask_asked": "Asked in meeting {m} by {name}", "ask_none": "No answers found.",
    "col_answer": "Answer", "col_count": "Count", "col_share": "Share", "col_who": "Who", "meeting_n": "Meeting {n}",
    "series_exists": "A series with that name already exists.",
    "bad_series_name": "Use only a–z, 0–9 and single hyphens, e.g. network-north.",
    "series_empty": "The series has no meetings you have access to.",
}  # fmt: skip

SV.update(review_text.SV)
EN.update(review_text.EN)
SV.update(accounts_text.SV)
EN.update(accounts_text.EN)
SV.update(llm_text.SV)
EN.update(llm_text.EN)
MESSAGES = {"sv": SV, "en": EN}


def translate(lang: str, key: str, **kwargs: object) -> str:
    """The text for `key`; unknown keys fall back to Swedish, then to the key itself."""
    text = MESSAGES.get(lang, SV).get(key) or SV.get(key) or key
    try:
        return text.format(**kwargs) if kwargs else text
    except (KeyError, IndexError, ValueError):
        return text


class LangMiddleware:
    """Puts the language in scope['state']['lang']; `?lang=xx` also remembers it in a cookie."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("lang", [""])[0]
        cookie = ""
        for name, value in scope.get("headers", []):
            if name == b"cookie":
                jar: SimpleCookie = SimpleCookie()
                try:
                    jar.load(value.decode("latin-1"))
                except Exception:  # a malformed cookie header must not break the page
                    continue
                if "lang" in jar:
                    cookie = jar["lang"].value
        lang = query if query in LANGS else cookie if cookie in LANGS else "sv"
        scope.setdefault("state", {})["lang"] = lang

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start" and query in LANGS and query != cookie:
                header = f"lang={query}; Max-Age=31536000; Path=/; SameSite=Lax; HttpOnly".encode()
                message["headers"] = list(message.get("headers", [])) + [(b"set-cookie", header)]
            await send(message)

        await self.app(scope, receive, send_with_cookie)
