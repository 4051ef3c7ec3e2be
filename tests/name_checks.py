"""What the tests read of the identifier guard's not-a-name checkboxes on a page."""

import re

_BOX = re.compile(r'(<input[^>]*name="not_a_name"[^>]*value="([^"]*)"[^>]*>)')


def not_a_name_boxes(html: str) -> list[str]:
    """The value of each not-a-name checkbox on the page, "ticked " before a ticked one."""
    return [("ticked " if " checked" in tag else "") + value for tag, value in _BOX.findall(html)]
