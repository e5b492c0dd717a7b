#!/usr/bin/env python3
"""Read a built board's feeds and calendars with real parsers.

    feeds_check.py DIR

RSS (feed.xml, and the feed.xml of every employer and facet value:
employeurs/*/, lieux/*/, grades/*/, categories/*/, filieres/*/, contrats/*/)
with feedparser: not bozo, and every entry has a title, link, id, published
date, summary and content. iCalendar (every echeances.ics) with icalendar:
lines end with CRLF and are at most 75 octets, the calendar holds at least
one component (RFC 5545), every VEVENT has a UID, an all-day DTSTART (a
date), a SUMMARY and a URL, and UIDs are unique. flux.opml lists every feed,
each at an address of the board.

Uses Debian's python3-feedparser and python3-icalendar. Prints one line
per file and one per problem; exits 1 if there is any problem.
"""
import datetime
import glob
import os
import sys

import feedparser
import icalendar

problems = []


def problem(path, msg):
    problems.append(f"{path}: {msg}")


def check_feed(path, must_have_entries):
    d = feedparser.parse(path)
    if d.bozo:
        problem(path, f"not well-formed: {d.bozo_exception!r}")
    if d.version != "rss20":
        problem(path, f"version {d.version!r}, want rss20")
    for key in ("title", "link", "description"):
        if not d.feed.get(key):
            problem(path, f"channel has no {key}")
    if must_have_entries and not d.entries:
        problem(path, "no entries")
    ids = set()
    for i, e in enumerate(d.entries):
        where = f"entry {i + 1} ({e.get('title', '?')!r})"
        for key in ("title", "link", "id", "published", "summary"):
            if not e.get(key):
                problem(path, f"{where} has no {key}")
        if not e.get("published_parsed"):
            problem(path, f"{where}: published date {e.get('published')!r} unreadable")
        if not e.get("content") or not e.content[0].get("value"):
            problem(path, f"{where} has no content")
        if e.get("id") in ids:
            problem(path, f"{where}: id {e.get('id')!r} used twice")
        ids.add(e.get("id"))
        if e.get("link") and not e.link.startswith(("http://", "https://")):
            problem(path, f"{where}: link {e.link!r} is not absolute")
    print(f"read {path}: {len(d.entries)} entries")


def check_calendar(path, must_have_events):
    raw = open(path, "rb").read()
    if not raw.endswith(b"\r\n"):
        problem(path, "does not end with CRLF")
    body = raw[:-2] if raw.endswith(b"\r\n") else raw
    for n, line in enumerate(body.split(b"\r\n"), 1):
        if b"\n" in line or b"\r" in line:
            problem(path, f"line {n}: bare LF or CR")
        if len(line) > 75:
            problem(path, f"line {n}: {len(line)} octets, more than 75")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as err:
        problem(path, f"not UTF-8: {err}")
    cal = icalendar.Calendar.from_ical(raw)
    if cal.name != "VCALENDAR":
        problem(path, f"top component {cal.name}, want VCALENDAR")
    for key in ("VERSION", "PRODID"):
        if key not in cal:
            problem(path, f"calendar has no {key}")
    events = cal.walk("VEVENT")
    if must_have_events and not events:
        problem(path, "no events")
    if not cal.subcomponents:
        problem(path, "no component: RFC 5545 wants at least one (an event, or a time zone)")
    uids = set()
    for i, ev in enumerate(events):
        where = f"event {i + 1} ({str(ev.get('SUMMARY', '?'))!r})"
        for key in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL"):
            if key not in ev:
                problem(path, f"{where} has no {key}")
        if "DTSTART" in ev:
            start = ev.decoded("DTSTART")
            if not isinstance(start, datetime.date) or isinstance(start, datetime.datetime):
                problem(path, f"{where}: DTSTART {start!r} is not a date")
            if "DTEND" in ev and ev.decoded("DTEND") != start + datetime.timedelta(days=1):
                problem(path, f"{where}: DTEND is not the day after DTSTART")
        if not str(ev.get("URL", "")).startswith(("http://", "https://")):
            problem(path, f"{where}: URL {str(ev.get('URL'))!r} is not absolute")
        uid = str(ev.get("UID"))
        if uid in uids:
            problem(path, f"{where}: UID {uid!r} used twice")
        uids.add(uid)
    print(f"read {path}: {len(events)} events")


def check_opml(root, feeds):
    import xml.etree.ElementTree as ET
    path = os.path.join(root, "flux.opml")
    doc = ET.parse(path).getroot()
    if doc.tag != "opml" or doc.get("version") != "2.0":
        problem(path, f"root {doc.tag} version {doc.get('version')!r}, want opml 2.0")
    urls = [o.get("xmlUrl") for o in doc.iter("outline") if o.get("xmlUrl")]
    if len(urls) != len(feeds):
        problem(path, f"{len(urls)} feeds listed, the board has {len(feeds)}")
    base = urls[0].rsplit("feed.xml", 1)[0] if urls else ""
    for u in urls:
        rel = u[len(base):] if u.startswith(base) else u
        if not os.path.exists(os.path.join(root, rel)):
            problem(path, f"{u}: no such file in the board")
    print(f"read {path}: {len(urls)} feeds")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    dirs = ["employeurs", "lieux", "grades", "categories", "filieres", "contrats"]
    feeds = [os.path.join(root, "feed.xml")]
    cals = [os.path.join(root, "echeances.ics")]
    for d in dirs:
        feeds += sorted(glob.glob(os.path.join(root, d, "*", "feed.xml")))
        cals += sorted(glob.glob(os.path.join(root, d, "*", "echeances.ics")))
        if not glob.glob(os.path.join(root, d, "*", "feed.xml")):
            problem(root, f"no feed under {d}/")
    check_opml(root, feeds)
    for i, p in enumerate(feeds):
        check_feed(p, must_have_entries=(i == 0))
    for i, p in enumerate(cals):
        check_calendar(p, must_have_events=(i == 0))
    for p in problems:
        print("FAIL " + p)
    print(f"{len(feeds)} feeds, {len(cals)} calendars, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
