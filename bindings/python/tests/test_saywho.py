"""Tests of the Python module (standard library unittest).

Run from the repository: SAYWHO_LIBRARY=build/libsaywho.so
SAYWHO=build/saywho python3 -m unittest discover bindings/python/tests
"""
import json
import os
import subprocess
import unittest

import saywho

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
CLI = os.environ.get("SAYWHO", os.path.join(ROOT, "build", "saywho"))


class TestExtract(unittest.TestCase):
    def test_direct_quote(self):
        atts = saywho.extract("“We will rebuild the harbor before summer,” Okafor said.")
        self.assertEqual(len(atts), 1)
        a = atts[0]
        self.assertEqual((a.kind, a.source, a.cue), ("direct", "Okafor", "said"))
        self.assertEqual(a.speaker["name"], "Okafor")

    def test_offsets_are_python_string_offsets(self):
        text = "Café owners — “Prices will rise,” said Zoë Martín."
        a = saywho.extract(text)[0]
        s, e = a.spans["source"][0]
        self.assertEqual(text[s:e], "Zoë Martín")
        s, e = a.spans["content"][0]
        self.assertEqual(text[s:e], "“Prices will rise,”")

    def test_certainty(self):
        a = saywho.extract("The contractor denied that its workers had touched the valve.")[0]
        self.assertEqual(a.certainty["level"], "doubtful")
        self.assertIn("denied", a.certainty["cues"])

    def test_type_error(self):
        with self.assertRaises(TypeError):
            saywho.extract(b"bytes")

    def test_extract_many_keeps_order(self):
        texts = ["“One is ready,” said Ann Lee.", "No attribution here.",
                 "“Three is late,” Bo Park said."] * 20
        out = list(saywho.extract_many(texts, jobs=2))
        self.assertEqual(len(out), 60)
        self.assertEqual(out[0][0].source, "Ann Lee")
        self.assertEqual(out[1], [])
        self.assertEqual(out[2][0].source, "Bo Park")

    def test_to_records(self):
        rows = saywho.to_records(saywho.extract("“We are ready,” said Ann Lee."), doc="d1")
        self.assertEqual(rows[0]["doc"], "d1")
        self.assertEqual(rows[0]["speaker"], "Ann Lee")
        self.assertEqual(rows[0]["certainty"], "unmarked")
        self.assertTrue(all(not isinstance(v, (list, dict)) for v in rows[0].values()))

    def test_same_as_cli(self):
        for name in ("examples/harbor-spill.txt", "tests/speakers/chemical-inquiry.txt"):
            path = os.path.join(ROOT, name)
            text = open(path, encoding="utf-8").read()
            rec = json.loads(subprocess.run([CLI, path], capture_output=True, check=True).stdout)
            want = [(a["kind"], [tuple(s) for s in (a["content"]["spans"])],
                     a["speaker"]["name"] if a["speaker"] else None, a["certainty"]["level"])
                    for a in rec["attributions"]]
            b = lambda c: len(text[:c].encode("utf-8"))
            got = [(a.kind, [(b(s), b(e)) for s, e in a.spans["content"]],
                    a.speaker["name"] if a.speaker else None, a.certainty["level"])
                   for a in saywho.extract(text)]
            self.assertEqual(got, want, name)


if __name__ == "__main__":
    unittest.main()
