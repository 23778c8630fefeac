#!/usr/bin/env python3
"""Writes a test WARC: usage: make_warc.py OUT N [--plain] [--corrupt]

N copies of a mix of records: warcinfo, request, an English HTML response
(a saved page of tests/pages), an image response, a French HTML
response; each record gzip-compressed on its own unless --plain.
--corrupt puts a record with a broken header in the middle and cuts the
last gzip member short."""
import gzip
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
out, n = sys.argv[1], int(sys.argv[2])
plain = "--plain" in sys.argv
corrupt = "--corrupt" in sys.argv
pages = sorted(f for f in os.listdir(os.path.join(here, "pages")) if f.endswith(".html"))


def record(wtype, uri, block, ctype, rid):
    head = ("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Target-URI: %s\r\n"
            "WARC-Date: 2026-03-03T10:00:00Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (wtype, rid, uri, ctype, len(block))).encode()
    return head + block + b"\r\n\r\n"


def http(body, ctype, extra=""):
    return ("HTTP/1.1 200 OK\r\nContent-Type: %s\r\n%sContent-Length: %d\r\n\r\n"
            % (ctype, extra, len(body))).encode() + body


recs = []
for i in range(n):
    page = open(os.path.join(here, "pages", pages[i % len(pages)]), "rb").read()
    recs.append(record("warcinfo", "", b"software: saywho tests\r\n", "application/warc-fields", "info-%d" % i))
    recs.append(record("request", "https://news.example/%d" % i, b"GET / HTTP/1.1\r\n\r\n", "application/http; msgtype=request", "req-%d" % i))
    recs.append(record("response", "https://news.example/story/%d" % i, http(page, "text/html; charset=utf-8"), "application/http; msgtype=response", "resp-%d" % i))
    recs.append(record("response", "https://news.example/img/%d.jpg" % i, http(b"\xff\xd8\xff\xe0 not really a jpeg", "image/jpeg"), "application/http; msgtype=response", "img-%d" % i))
    fr = "<html lang=\"fr\"><body><p>Le maire a déclaré que le port rouvrirait bientôt, selon un communiqué.</p></body></html>".encode()
    recs.append(record("response", "https://news.example/fr/%d" % i, http(fr, "text/html"), "application/http; msgtype=response", "fr-%d" % i))
    if corrupt and i == n // 2:
        recs.append(b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\nxxxx\r\n\r\n")
        recs.append(b"GARBAGE LINE THAT IS NOT A HEADER\r\n\r\n")
with open(out, "wb") as f:
    for k, r in enumerate(recs):
        if plain:
            f.write(r)
        else:
            z = gzip.compress(r)
            if corrupt and k == len(recs) - 1:
                z = z[: len(z) // 2]
            f.write(z)
