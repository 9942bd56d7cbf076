"""The link-health report: what the last check of the disclosed links found.

The check itself (``ita_site.linkcheck``, ``scripts/check_links.py``) runs outside the build,
on a schedule, and writes this report as JSON; the build only reads it (``read_report``), so
the site can show the date of the last check and which links failed, and never touches the
network. One record per checked URL: whether it answered, its status, and since when it has
been failing (carried over from the previous report while it keeps failing).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

FORMAT = "ita-link-health/1"


@dataclass(frozen=True)
class LinkStatus:
    url: str
    ok: bool
    status: str  # "200", "404", "timeout", "error"
    text: str  # the checker's own words ("Rejected status code: 404 Not Found")
    failing_since: datetime | None = None  # first check of the current run of failures


@dataclass(frozen=True)
class LinkHealth:
    checked_at: datetime
    checker: str
    links: dict[str, LinkStatus] = field(default_factory=dict)

    def status(self, url: str) -> LinkStatus | None:
        return self.links.get(url)

    @property
    def failed(self) -> list[LinkStatus]:
        return [s for s in self.links.values() if not s.ok]


def _time(value: Any) -> datetime:
    stamp = datetime.fromisoformat(str(value))
    if stamp.tzinfo is None:
        raise ValueError(f"เวลา '{value}' ไม่มีเขตเวลา (no time zone)")
    return stamp


def from_json(doc: dict[str, Any]) -> LinkHealth:
    """The report from its JSON; ValueError (in Thai) when it is not one."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError(f"ไม่ใช่รายงานผลการตรวจลิงก์ (format ต้องเป็น {FORMAT})")
    links = {}
    for entry in doc.get("links", []):
        since = entry.get("failing_since")
        status = LinkStatus(
            url=str(entry["url"]),
            ok=bool(entry["ok"]),
            status=str(entry["status"]),
            text=str(entry.get("text", "")),
            failing_since=_time(since) if since else None,
        )
        links[status.url] = status
    return LinkHealth(_time(doc["checked_at"]), str(doc.get("checker", "")), links)


def to_json(report: LinkHealth) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "checked_at": report.checked_at.isoformat(),
        "checker": report.checker,
        "links": [
            {
                "url": s.url,
                "ok": s.ok,
                "status": s.status,
                "text": s.text,
                "failing_since": s.failing_since.isoformat() if s.failing_since else None,
            }
            for s in sorted(report.links.values(), key=lambda s: s.url)
        ],
    }


def read_report(path: Path | str) -> LinkHealth:
    """Read a report file; ValueError with a Thai message naming the file when it cannot."""
    path = Path(path)
    try:
        return from_json(json.loads(path.read_text(encoding="utf-8")))
    except OSError as exc:
        raise ValueError(f"{path}: อ่านรายงานผลการตรวจลิงก์ไม่ได้ ({exc.strerror})") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path}: รายงานผลการตรวจลิงก์ไม่ถูกต้อง ({exc})") from None
