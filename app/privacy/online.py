"""Where a child can be found online: social media and game handles, and email addresses
written to dodge filters ("kayla dot smith at gmail dot com", "x.y[at]outlook.com")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

# --------------------------------------------------------------------------- handles

_AT_HANDLE_RE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,29})(?<!\.)")
_PLATFORM = (
    r"snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|tt|roblox|psn|playstation|xbox|gamertag|"
    r"discord|twitter|twitch|steam|fortnite|minecraft|whats\s?app|telegram|facebook|fb|"
    r"youtube|yt|threads|bereal|be\s?real|kik|wink|yubo|epic|switch|twitter/x|x"
)
_HANDLE_AFTER_RE = re.compile(
    rf"(?<![\w@])(?:{_PLATFORM})\b(?:\s*(?:'s|’s))?"
    r"(?:\s+(?:user\s?name|name|handle|account|acc|id|tag|gamer\s?tag|profile|page|is|was|"
    r"called|as|under|there|here|=|:|-|–)\b)*\s*[:=\-–]?\s*"
    r"[\"'“‘(]?(?P<handle>@?[A-Za-z0-9][A-Za-z0-9_.\-]{2,29})",
    re.IGNORECASE,
)
_HANDLE_BEFORE_RE = re.compile(
    r"(?P<handle>@?[A-Za-z0-9][A-Za-z0-9_.\-]{2,29})[\"'”’)]?\s+on\s+"
    rf"(?:{_PLATFORM})\b",
    re.IGNORECASE,
)


def _handle_like(handle: str, is_word: Callable[[str], bool]) -> bool:
    """A handle has a digit, an underscore or a dot, mixed case, or is no English word:
    "his Snapchat is blocked" names no account."""
    bare = handle.lstrip("@")
    if handle.startswith("@"):
        return True
    if any(char.isdigit() or char in "_." for char in bare):
        return not bare.replace(".", "").isdigit()
    if bare[1:] != bare[1:].lower():
        return True  # BigManK, xXKaylaXx
    return not is_word(bare.lower())


_PLATFORM_RE = re.compile(rf"(?<![\w@])(?:{_PLATFORM})\b", re.IGNORECASE)
_HANDLE_SHAPED_RE = re.compile(
    r"(?<![\w@.])[A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)+_?(?![\w@]|\.\w)"
)


def find_handles(text: str, is_word: Callable[[str], bool]) -> Iterator[tuple[str, int, int]]:
    for match in _AT_HANDLE_RE.finditer(text):
        yield "handle", match.start(), match.end()
    if not _PLATFORM_RE.search(text):
        return  # no platform named: the costlier patterns cannot match
    for pattern in (_HANDLE_AFTER_RE, _HANDLE_BEFORE_RE):
        for match in pattern.finditer(text):
            handle = match.group("handle").rstrip(".-")
            if _handle_like(handle, is_word):
                start = match.start("handle")
                yield "handle", start, start + len(handle)
    # A name with an underscore or a dot inside, a few words after a platform:
    # "Snapchat username given by YP: smileyy.mo", "account called 'ldn_opps_only'".
    for match in _HANDLE_SHAPED_RE.finditer(text):
        before = text[max(0, match.start() - 60):match.start()]
        platform = _PLATFORM_RE.search(before)
        if platform and not re.search(r"[.!?;\n]\s", before[platform.end():]):
            yield "handle", match.start(), match.end()


# --------------------------------------------------------------------------- emails

_DOT = r"(?:\s*\.\s*|\s+dot\s+|\s*[\[({<]\s*dot\s*[\])}>]\s*|\s*\(\.\)\s*|\s*\[\.\]\s*)"
_AT = r"(?:\s*[\[({<]\s*at\s*[\])}>]\s*|\s+at\s+|\s*@\s+|\s+@\s*|\s*\(@\)\s*|\s*\[@\]\s*)"
_TLD = r"(?:com|co|uk|org|net|gov|ac|sch|nhs|ie|io|me|info|edu|biz|ro|pl|lt|de|fr|es|it|pt)"
_PROVIDERS = (
    r"gmail|googlemail|hotmail|outlook|live|yahoo|ymail|icloud|me|mac|aol|btinternet|"
    r"btopenworld|sky|virginmedia|ntlworld|talktalk|protonmail|proton|msn|mail|gmx|yandex|"
    r"wp|o2|onet|interia"
)
_OBFUSCATED_EMAIL_RE = re.compile(
    rf"(?<![\w.])[A-Za-z0-9][\w%+\-]*(?:{_DOT}[A-Za-z0-9][\w%+\-]*)*"
    rf"(?P<at>{_AT})"
    rf"(?P<domain>[A-Za-z0-9][\w\-]*(?:{_DOT}[A-Za-z0-9][\w\-]*)*{_DOT}{_TLD}"
    rf"|(?:{_PROVIDERS})\b)(?![\w])",
    re.IGNORECASE,
)


def find_obfuscated_emails(text: str) -> Iterator[tuple[str, int, int]]:
    for match in _OBFUSCATED_EMAIL_RE.finditer(text):
        at = match.group("at").strip()
        domain = match.group("domain")
        local = match.group()[: match.start("at") - match.start()]
        if at.lower() == "at" and not re.search(rf"{_DOT}{_TLD}$", domain, re.IGNORECASE) and (
                not re.search(r"[._\d]", local)):
            # " at " is ordinary English: only with a domain ending ".com" or "dot com", or
            # a mail provider after an address-like name ("rasa.p at gmail")
            continue
        yield "email", match.start(), match.end()
