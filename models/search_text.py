"""Full-text search over every field: SQLite FTS5 indexes each character as a word.

FTS5's unicode61 tokenizer sees a run of Chinese as one word, and the trigram tokenizer cannot find
two-character words such as 党建; so the index holds the text with a space between characters, and a
query is a phrase of its characters: "党 建" matches 党建 anywhere, and only there.
"""

from __future__ import annotations

from collections.abc import Iterable

# Between fields: a token of two letters never equals a one-character query token, so a phrase
# cannot run from the end of one field into the next.
FIELD_BREAK = " qq "


def spaced(texts: Iterable[str]) -> str:
    """The index form of a report's texts."""
    return FIELD_BREAK.join(" ".join(ch for ch in t if ch.isalnum()) for t in texts if t)


def phrase(query: str) -> str:
    """An FTS5 MATCH expression finding ``query`` as consecutive characters; '' for nothing to find."""
    chars = [ch.lower() for ch in query if ch.isalnum()]
    return '"' + " ".join(chars) + '"' if chars else ""
