"""Evidence of progress: a web link (http/https only) or a file published from data/evidence/.

``read_evidence(text)`` says which one a written value is, or what is wrong with it. The
check (rules/progress.py) and the pages (tracking.py) use the same reading.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

EVIDENCE_PREFIX = "evidence/"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class Evidence:
    kind: str  # "link" | "file"
    target: str  # the URL, or the file's path in the site ("evidence/2567/a.pdf")

    @property
    def label(self) -> str:
        """Short text for the link: the file name, or the web site's host."""
        if self.kind == "file":
            return posixpath.basename(self.target)
        return urlsplit(self.target).hostname or self.target


def read_evidence(text: str) -> tuple[Evidence | None, str]:
    """(Evidence, "") or (None, problem). A file path is written from the data folder
    (``evidence/2567/a.pdf``); ``data/evidence/...`` is accepted too. Whether the file exists
    is checked by the caller, which knows the data folder."""
    value = text.strip()
    if any(c.isspace() for c in value) or "\\" in value:
        return None, "มีช่องว่างหรือเครื่องหมาย \\ อยู่ในลิงก์/ชื่อไฟล์"
    if _SCHEME.match(value):
        parts = urlsplit(value)
        if parts.scheme.lower() not in {"http", "https"}:
            return None, f"ลิงก์แบบ '{parts.scheme}:' ใช้ไม่ได้ (only http/https links)"
        if not parts.hostname or parts.username or parts.password:
            return None, "ลิงก์ไม่มีชื่อเว็บไซต์ที่ถูกต้อง (malformed link)"
        return Evidence("link", value), ""
    if value.startswith("//") or value.startswith("www."):
        return None, "ลิงก์ต้องขึ้นต้นด้วย http:// หรือ https://"
    path = value[len("data/"):] if value.startswith("data/") else value
    normal = posixpath.normpath(path)
    if not path.startswith(EVIDENCE_PREFIX) or normal != path or ".." in path.split("/"):
        return None, "ไฟล์หลักฐานต้องอยู่ในโฟลเดอร์ data/evidence/ (evidence file outside data/evidence/)"
    return Evidence("file", path), ""
