"""Interface text for the admin page of the LLM server (merged into transcribe.web.i18n)."""

from __future__ import annotations

SV: dict[str, str] = {
    "nav_llm": "LLM-server", "llm_title": "LLM-server för protokollutkast",
    "llm_explain": "Protokollutkasten kan skrivas av teamets egen OpenAI-kompatibla LLM-server (Ollama, llama.cpp, "
    "vLLM, LM Studio). Transkriptionen skickas dit, så servern ska stå i ert eget nät.",
    "llm_now": "Används nu", "llm_now_none": "Inget LLM – protokollutkast med regler",
    "llm_now_private": "Transkriptionen skickas till {url} ({model}; loopback/privat nät)",
    "llm_now_remote": "Transkriptionen skickas till {url} ({model}; uttryckligen tillåten utanför det privata nätet)",
    "llm_now_refused": "En LLM-server är inställd men vägras: {reason}",
    "llm_source": "Inställningarna läses från {path}.",
    "llm_other_source": "Den filen går före den här sidans fil ({path}): ändringar här märks inte förrän den tas bort.",
    "llm_overridden": "Miljövariabeln {names} är satt i serverns miljö och går före sidans inställning.",
    "llm_web_backend": "Uppladdningar i webben skriver utkast med: {backend}",
    "llm_web_backend_hint": "Styrs av {env} ({choices}); LLM-servern används bara med llm, merge eller auto.",
    "llm_backend_rules": "regler", "llm_backend_llm": "LLM", "llm_backend_merge": "LLM och regler sammanvägda",
    "llm_backend_auto": "LLM och regler om en LLM finns, annars regler",
    "llm_backend_none": "inget automatiskt utkast",
    "llm_url": "Adress (URL)", "llm_model": "Modellnamn",
    "llm_model_hint": "Tomt: serverns enda modell.", "llm_only_model": "serverns enda modell",
    "llm_allow_remote": "Tillåt en adress utanför det privata nätverket",
    "llm_save": "Spara", "llm_clear": "Ta bort inställningen",
    "llm_saved": "LLM-servern är sparad.", "llm_cleared": "Inställningen är borttagen.",
    "llm_url_required": "Ange serverns adress, t.ex. http://127.0.0.1:11434/v1.",
    "llm_bad_url": "Adressen ska se ut som http://värd:port/v1.",
    "llm_remote_refused": "{host} är ingen loopback- eller privat adress: transkriptionen skulle lämna ert nät. "
    "Kryssa i rutan nedan om servern verkligen är er.",
    "llm_bad_model": "Modellnamnet är för långt eller innehåller otillåtna tecken.",
}  # fmt: skip

EN: dict[str, str] = {
    "nav_llm": "LLM server", "llm_title": "LLM server for draft minutes",
    "llm_explain": "Draft minutes can be written by the team's own OpenAI-compatible LLM server (Ollama, llama.cpp, "
    "vLLM, LM Studio). The transcript is sent there, so the server should be on your own network.",
    "llm_now": "In use now", "llm_now_none": "No LLM – draft minutes by rules",
    "llm_now_private": "The transcript is sent to {url} ({model}; loopback/private network)",
    "llm_now_remote": "The transcript is sent to {url} ({model}; explicitly allowed outside the private network)",
    "llm_now_refused": "An LLM server is configured but refused: {reason}",
    "llm_source": "The settings are read from {path}.",
    "llm_other_source": "That file comes before this page's file ({path}): "
    "changes here take effect once it is removed.",
    "llm_overridden": "The environment variable {names} is set for the server and comes before this page's setting.",
    "llm_web_backend": "Web uploads draft minutes with: {backend}",
    "llm_web_backend_hint": "Set by {env} ({choices}); the LLM server is used only with llm, merge or auto.",
    "llm_backend_rules": "rules", "llm_backend_llm": "LLM", "llm_backend_merge": "LLM and rules merged",
    "llm_backend_auto": "LLM and rules when an LLM is set, otherwise rules",
    "llm_backend_none": "no automatic draft",
    "llm_url": "Address (URL)", "llm_model": "Model name",
    "llm_model_hint": "Empty: the server's only model.", "llm_only_model": "its only model",
    "llm_allow_remote": "Allow an address outside the private network",
    "llm_save": "Save", "llm_clear": "Remove the setting",
    "llm_saved": "The LLM server is saved.", "llm_cleared": "The setting is removed.",
    "llm_url_required": "Enter the server's address, e.g. http://127.0.0.1:11434/v1.",
    "llm_bad_url": "The address should look like http://host:port/v1.",
    "llm_remote_refused": "{host} is not a loopback or private address: the transcript would leave your network. "
    "Tick the box below if the server really is yours.",
    "llm_bad_model": "The model name is too long or holds characters that are not allowed.",
}  # fmt: skip
