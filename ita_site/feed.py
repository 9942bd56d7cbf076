"""The Atom feed of progress updates and of dated OIT disclosures (``feed.xml``), and the
evidence files they link to.

The feed is deterministic: one entry per update, newest first, every date taken from the
data (the feed's ``updated`` is the newest update's date), ids derived from what an update
is (year, issue, question, date), never from the clock. Links are absolute only when the
site has a ``site_url``; otherwise they are relative to the feed, which sits at the root.
"""

from __future__ import annotations

import functools
import uuid
import xml.etree.ElementTree as ET
from datetime import date

from . import disclosure, paths, tracking
from .assets import Asset
from .site import Site
from .templating import Options, labels, relative
from .dates import fmt_date

ATOM = "http://www.w3.org/2005/Atom"


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _uuid(*parts: object) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'ita-progress:' + ':'.join(map(str, parts)))}"


def _href(options: Options, site_path: str, anchor: str | None = None) -> str:
    """A link to a built file (``issues/2566/4.md`` -> ``issues/2566/4.html``), from the feed."""
    rel = relative(paths.FEED, site_path, anchor, html=True)
    return (options.site_url.rstrip("/") + "/" + rel) if options.site_url else rel


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = text
    return el


def _progress_entry(entry: ET.Element, action, update, options: Options, org: str) -> None:
    words = labels()
    same_day = sum(1 for u in action.updates if u.date == update.date and u.number < update.number)
    _sub(entry, "id", _uuid(org, action.year, action.issue.number, action.row.question, update.date, same_day))
    _sub(
        entry,
        "title",
        words["feed"]["entry"].format(
            code=action.row.question,
            issue=action.issue.number,
            title=action.issue.title,
            date=fmt_date(update.date, words["months"]),
        ),
    )
    _sub(entry, "updated", _stamp(update.date))
    _sub(entry, "published", _stamp(update.date))
    _sub(entry, "link", rel="alternate", type="text/html", href=_href(options, paths.issue(action.year, action.issue.number), action.anchor))
    for e in update.evidence:
        href = _href(options, e.target) if e.kind == "file" else e.target
        _sub(entry, "link", rel="related", href=href, title=e.label)
    _sub(entry, "category", term=action.row.question, label=f"{action.issue.number}. {action.issue.title}")
    _sub(entry, "content", update.text, type="text")


def _disclosure_entry(entry: ET.Element, item: disclosure.Item, link: disclosure.Link, options: Options, org: str) -> None:
    """A disclosure added to an OIT item, dated by the disclosure's own date."""
    words = labels()
    e = link.evidence
    _sub(entry, "id", _uuid(org, "oit", item.year, item.code, e.target))
    title = item.title or words["oit"]["no_title"]
    _sub(entry, "title", words["feed"]["disclosure"].format(code=item.code, title=title, label=link.label, date=fmt_date(link.date, words["months"])))
    _sub(entry, "updated", _stamp(link.date))
    _sub(entry, "published", _stamp(link.date))
    _sub(entry, "link", rel="alternate", type="text/html", href=_href(options, paths.oit(item.year), item.code))
    _sub(entry, "link", rel="related", href=_href(options, e.target) if e.kind == "file" else e.target, title=link.label)
    _sub(entry, "category", term=item.code, label="OIT")
    _sub(entry, "content", link.label, type="text")


def atom_feed(site: Site, options: Options) -> bytes:
    words = labels()
    org = site.organization
    # (date, how to write the entry): progress updates and dated OIT disclosures, newest first;
    # the sort is stable, so entries of one day keep each list's own order
    entries = [(u.date, functools.partial(_progress_entry, action=a, update=u)) for a, u in tracking.feed_items(site)]
    entries += [(l.date, functools.partial(_disclosure_entry, item=i, link=l)) for i, l in disclosure.feed_items(site)]
    entries.sort(key=lambda e: -e[0].toordinal())
    plans = tracking.plans(site)
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "th"})
    _sub(feed, "id", _uuid(org.name, "feed"))
    _sub(feed, "title", words["feed"]["title"].format(org=org.name))
    _sub(feed, "subtitle", words["feed"]["subtitle"])
    newest = entries[0][0] if entries else site.build_date
    _sub(feed, "updated", _stamp(newest))
    author = _sub(feed, "author")
    _sub(author, "name", org.name)
    if options.site_url:
        _sub(feed, "link", rel="self", type="application/atom+xml", href=_href(options, paths.FEED))
    if plans:
        _sub(feed, "link", rel="alternate", type="text/html", href=_href(options, paths.plan(plans[-1].year)))
    for _, write in entries:
        write(_sub(feed, "entry"), options=options, org=org.name)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def progress_feed(site: Site, options: Options) -> list[Asset]:
    """The feed, when some year has an action table (even before any update: subscribe early)
    or a dated OIT disclosure."""
    if not any(y.actions for y in site.years.values()) and not disclosure.feed_items(site):
        return []
    return [Asset(paths.FEED, atom_feed(site, options))]


def evidence_files(site: Site, options: Options) -> list[Asset]:
    """Evidence files that updates and OIT disclosures link to, published at the same path (``evidence/...``)."""
    used = {e.target for _, u in tracking.feed_items(site) for e in u.evidence if e.kind == "file"}
    used |= {l.evidence.target for o in disclosure.oit_years(site) for i in o.items.values() for l in i.links if l.evidence.kind == "file"}
    return [Asset(name, path.read_bytes()) for name, path in site.evidence.items() if name in used]
