#!/usr/bin/env python3
"""Runs one SQL statement on a SQLite file and prints the rows (tests only)."""
import sqlite3
import sys

con = sqlite3.connect(sys.argv[1], timeout=10)
for row in con.execute(sys.argv[2]):
    print("\t".join("" if v is None else str(v) for v in row))
