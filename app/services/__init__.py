"""Work that is not a web request: audit, passwords, mail."""
