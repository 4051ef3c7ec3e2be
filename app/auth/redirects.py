"""Where a redirect after signing in may go: a path on this site, and nothing else."""

from urllib.parse import unquote, urlsplit, urlunsplit


def _plain(text: str) -> bool:
    # Browsers drop tabs and newlines and trim spaces before reading an address, so "/\t/x"
    # becomes "//x", another host; invisible characters hide what a link says.
    return all(ch.isprintable() and not ch.isspace() for ch in text)


def local_path(target: str) -> str | None:
    """The target as a path (and query) on this site, or None when it is anything else."""
    if not target or len(target) > 2000 or not _plain(target) or "\\" in target:
        return None
    if not target.startswith("/") or target.startswith("//"):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or parts.fragment:
        return None
    path = parts.path
    # Encoded once or twice more, the path must still be a plain one of ours: a proxy or
    # browser that decodes it again must not find another host in it.
    for _ in range(3):
        if (not path.startswith("/") or path.startswith("//") or not path.isascii()
                or "\\" in path or not _plain(path)):
            return None
        path = unquote(path)
    return urlunsplit(("", "", parts.path, parts.query, ""))
