"""Sending email over SMTP."""

import smtplib
import ssl
import unicodedata
from email.headerregistry import Address
from email.message import EmailMessage

from flask import current_app


class MailNotConfigured(RuntimeError):
    pass


def address(name: str | None, email: str) -> Address:
    """A To address whose name can never break the header: a line break or other control
    character in it (in a record saved before the forms refused them, say) is sent as a
    space. The forms refuse them (app/forms.py: OneLine); this is the last line."""
    name = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch
                   for ch in name or "")
    return Address(name, addr_spec=email)


def build_message(to: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    return message


def send(message: EmailMessage) -> None:
    """Send one message now; raises on any SMTP failure so the caller can say so."""
    cfg = current_app.config
    if not cfg.get("MAIL_SERVER"):
        raise MailNotConfigured("CONVENE_MAIL_SERVER is not set")
    with smtplib.SMTP(cfg["MAIL_SERVER"], int(cfg["MAIL_PORT"]), timeout=10) as smtp:
        if cfg.get("MAIL_USE_TLS"):
            smtp.starttls()
        if cfg.get("MAIL_USERNAME"):
            smtp.login(cfg["MAIL_USERNAME"], cfg["MAIL_PASSWORD"])
        smtp.send_message(message)


def is_configured() -> bool:
    return bool(current_app.config.get("MAIL_SERVER"))


def connect() -> smtplib.SMTP:
    """An SMTP connection to the configured server, encrypted and signed in as configured.

    MAIL_USE_SSL: TLS from the first byte (port 465); MAIL_USE_TLS: STARTTLS (port 587).
    Both check the server's certificate, which smtplib does not do by default.
    """
    cfg = current_app.config
    if not cfg.get("MAIL_SERVER"):
        raise MailNotConfigured("CONVENE_MAIL_SERVER is not set")
    host, port = cfg["MAIL_SERVER"], int(cfg["MAIL_PORT"])
    if cfg.get("MAIL_USE_SSL"):
        smtp = smtplib.SMTP_SSL(host, port, timeout=10, context=ssl.create_default_context())
    else:
        smtp = smtplib.SMTP(host, port, timeout=10)
    try:
        if cfg.get("MAIL_USE_TLS") and not cfg.get("MAIL_USE_SSL"):
            smtp.starttls(context=ssl.create_default_context())
        if cfg.get("MAIL_USERNAME"):
            smtp.login(cfg["MAIL_USERNAME"], cfg["MAIL_PASSWORD"])
    except BaseException:
        smtp.close()
        raise
    return smtp
