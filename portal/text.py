"""Cleaning text that visitors type into queries and filters."""


def printable(text):
    """The text without control characters or undecodable bytes (U+FFFD), spaces folded: PostgreSQL
    refuses a NUL byte in a query, and a stray tab or newline would only miss."""
    return " ".join("".join(char for char in text if char.isprintable() and char != "\ufffd").split())
