"""khal, a real command-line calendar (Debian's, with its own icalendar and pytz), holding a
calendar of its own in a test's folder: the third, independent reader of our invites."""

import os
import shutil
import subprocess

KHAL_CONFIG = """\
[calendars]
[[convene]]
path = {calendar}
type = calendar

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = UTC
default_timezone = UTC

[sqlite]
path = {database}
"""


class Khal:
    """Times are listed in UTC, so a London time shows its offset plainly."""

    def __init__(self, folder):
        assert shutil.which("khal"), "khal is not installed: apt-get install khal"
        self.folder = folder
        (folder / "calendar").mkdir()
        (folder / "khal.conf").write_text(KHAL_CONFIG.format(
            calendar=folder / "calendar", database=folder / "khal.db"))

    def run(self, *args) -> str:
        env = {**os.environ, "HOME": str(self.folder), "LC_ALL": "C.UTF-8",
               "XDG_CONFIG_HOME": str(self.folder / "config"),
               "XDG_DATA_HOME": str(self.folder / "data")}
        return subprocess.run(["khal", "-c", str(self.folder / "khal.conf"), *args], env=env,
                              capture_output=True, text=True, timeout=60, check=True).stdout

    def import_calendar(self, data: bytes, name: str) -> None:
        path = self.folder / f"{name}.ics"
        path.write_bytes(data)
        self.run("import", "--batch", str(path))

    def events(self, start: str, span: str) -> list[str]:
        """'start end title | location' for each event from `start` for `span` (e.g. 60d)."""
        listed = self.run("list", "--format", "{start} {end} {title} | {location}", start, span)
        return [line for line in listed.splitlines() if "|" in line]
