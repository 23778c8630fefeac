#!/usr/bin/env python3
"""Checks a report page as a real browser built it (chromium --dump-dom).

usage: check.py article DOM.html SAYWHO.jsonl [--hostile]
       check.py versions DOM.html

article: every attribution of the JSONL record is highlighted, each of its
marks in its speaker's colour class, that class has a colour in the page's
CSS, and the speaker panel lists every speaker.  --hostile: the page has
no script element and no event-handler attribute, and the dangerous text
is shown as text.  versions: one section per speaker, each with claims.
"""
import json
import re
import sys
from html.parser import HTMLParser


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []  # (tag, attrs)
        self.text = []
        self.css = ""
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.css += data
        else:
            self.text.append(data)


def main(argv):
    kind, dom = argv[1], argv[2]
    page = Page()
    page.feed(open(dom, encoding="utf-8").read())
    errors = []
    if kind == "versions":
        secs = [a for t, a in page.tags if t == "section" and "data-speaker" in a]
        rows = [a for t, a in page.tags if t == "tr" and a.get("class") == "claim"]
        if not secs or not rows:
            errors.append("versions page: %d speaker sections, %d claims" % (len(secs), len(rows)))
    else:
        rec = json.loads(open(argv[3], encoding="utf-8").readline())
        marks = [a for t, a in page.tags if t == "mark" and "data-att" in a]
        colours = set(re.findall(r"\.spk-(\d+)\{background:#[0-9a-f]{6}\}", page.css))
        for i, att in enumerate(rec["attributions"]):
            mine = [m for m in marks if m["data-att"] == str(i)]
            if not mine:
                errors.append("attribution %d has no highlight" % i)
                continue
            if att["speaker"] is not None:
                k = next(j for j, s in enumerate(rec["speakers"]) if s["name"] == att["speaker"]["name"])
                for m in mine:
                    if "spk-%d" % k not in m.get("class", "").split():
                        errors.append("attribution %d: a mark without its speaker's colour spk-%d" % (i, k))
                        break
                if str(k) not in colours:
                    errors.append("speaker %d has no colour in the CSS" % k)
            for m in mine:
                if not m.get("title") or m.get("tabindex") != "0":
                    errors.append("attribution %d: a mark without details or focus" % i)
                    break
        panel = [a for t, a in page.tags if t == "a" and a.get("class") == "speaker"]
        if len(panel) != len(rec["speakers"]):
            errors.append("panel lists %d speakers of %d" % (len(panel), len(rec["speakers"])))
        if "--hostile" in argv:
            for t, a in page.tags:
                if t in ("script", "img", "iframe", "object"):
                    errors.append("an injected <%s> element" % t)
                for name in a:
                    if name.startswith("on"):
                        errors.append("an injected %s attribute on <%s>" % (name, t))
            text = "".join(page.text)
            for s in ('<script>document.title=', '"><img src=x onerror=alert(1)>', "&amp;"):
                if s not in text:
                    errors.append("the text %r is not shown as text" % s)
    for e in errors:
        print("  " + e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
