"""saywho: who said what in news text.

Pure Python over the C library libsaywho through ctypes.

    >>> import saywho
    >>> atts = saywho.extract("“We will win,” Putin said.")
    >>> atts[0].source, atts[0].cue
    ('Putin', 'said')

Every span is a pair of Python string offsets [start, end) into the text
that was given (the C library counts bytes; this module converts).
"""
import ctypes
import ctypes.util
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Dict, Iterable, Iterator, List, Optional, Tuple

__all__ = ["Attribution", "SaywhoError", "extract", "extract_many", "to_records", "version"]


class SaywhoError(Exception):
    """An error reported by the saywho library, with its message."""


class _Span(ctypes.Structure):
    _fields_ = [("start", ctypes.c_size_t), ("end", ctypes.c_size_t)]


class _Role(ctypes.Structure):
    _fields_ = [("n", ctypes.c_size_t), ("spans", ctypes.POINTER(_Span))]


class _Certainty(ctypes.Structure):
    _fields_ = [("level", ctypes.c_int), ("score", ctypes.c_double),
                ("ncues", ctypes.c_size_t), ("cues", ctypes.POINTER(_Span))]


class _Attribution(ctypes.Structure):
    _fields_ = [("kind", ctypes.c_int), ("source", _Role), ("cue", _Role), ("content", _Role),
                ("sentence", ctypes.c_size_t), ("origin", ctypes.c_uint),
                ("speaker", ctypes.c_size_t), ("certainty", _Certainty)]


class _Speaker(ctypes.Structure):
    _fields_ = [("name", _Span), ("type", ctypes.c_int), ("title", ctypes.c_char_p),
                ("affiliation", ctypes.c_char_p), ("gender", ctypes.c_char),
                ("nmentions", ctypes.c_size_t), ("mentions", ctypes.POINTER(_Span)),
                ("attributions", ctypes.c_size_t)]


class _Error(ctypes.Structure):
    _fields_ = [("status", ctypes.c_int), ("offset", ctypes.c_size_t),
                ("message", ctypes.c_char * 256)]


_NO_SPEAKER = ctypes.c_size_t(-1).value
_KINDS = ("direct", "indirect", "mixed")
_TYPES = ("person", "organization", "group", "anonymous")
_LEVELS = ("certain", "probable", "possible", "doubtful", "unmarked")


def _find_library() -> str:
    env = os.environ.get("SAYWHO_LIBRARY")
    if env:
        return env
    found = ctypes.util.find_library("saywho")
    if found:
        return found
    here = os.path.dirname(os.path.abspath(__file__))
    for up in range(1, 5):
        cand = os.path.join(here, *([".."] * up), "build", "libsaywho.so")
        if os.path.exists(cand):
            return os.path.normpath(cand)
    raise SaywhoError("libsaywho not found: install saywho (make install) or set SAYWHO_LIBRARY")


_lib = None
_engine = None


def _load():
    global _lib, _engine
    if _engine is not None:
        return _lib, _engine
    lib = ctypes.CDLL(_find_library())
    lib.sw_engine_new.restype = ctypes.c_void_p
    lib.sw_engine_new.argtypes = [ctypes.c_void_p, ctypes.POINTER(_Error)]
    lib.sw_engine_free.argtypes = [ctypes.c_void_p]
    lib.sw_extract.restype = ctypes.c_void_p
    lib.sw_extract.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t,
                               ctypes.POINTER(_Error)]
    lib.sw_result_free.argtypes = [ctypes.c_void_p]
    lib.sw_result_count.restype = ctypes.c_size_t
    lib.sw_result_count.argtypes = [ctypes.c_void_p]
    lib.sw_result_get.restype = ctypes.POINTER(_Attribution)
    lib.sw_result_get.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    lib.sw_result_speaker_count.restype = ctypes.c_size_t
    lib.sw_result_speaker_count.argtypes = [ctypes.c_void_p]
    lib.sw_result_speaker.restype = ctypes.POINTER(_Speaker)
    lib.sw_result_speaker.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    lib.sw_version.restype = ctypes.c_char_p
    err = _Error()
    eng = lib.sw_engine_new(None, ctypes.byref(err))
    if not eng:
        raise SaywhoError(err.message.decode("utf-8", "replace"))
    _lib, _engine = lib, eng
    return lib, eng


def version() -> str:
    """The version of the loaded library."""
    lib, _ = _load()
    return lib.sw_version().decode()


@dataclass
class Attribution:
    """One attribution: who (source, speaker) said what (content), and how
    firmly (certainty).  Texts of split spans are joined with " … "."""
    kind: str
    source: Optional[str]
    cue: Optional[str]
    content: str
    speaker: Optional[Dict[str, Optional[str]]]
    certainty: Dict[str, object]
    spans: Dict[str, List[Tuple[int, int]]] = field(default_factory=dict)
    sentence: int = 0


class _Offsets:
    """Byte offsets of the UTF-8 text to str offsets."""

    def __init__(self, text: str, data: bytes):
        self.text = text
        if len(data) == len(text):
            self.map = None
        else:
            m = [0] * (len(data) + 1)
            b = 0
            for i, ch in enumerate(text):
                n = len(ch.encode("utf-8", "surrogatepass"))
                for k in range(n):
                    m[b + k] = i
                b += n
            m[b] = len(text)
            self.map = m

    def __call__(self, off: int) -> int:
        return off if self.map is None else self.map[off]


def _spans(role: _Role, conv: _Offsets) -> List[Tuple[int, int]]:
    return [(conv(role.spans[i].start), conv(role.spans[i].end)) for i in range(role.n)]


def _text(spans, text: str) -> Optional[str]:
    if not spans:
        return None
    return " \u2026 ".join(text[s:e] for s, e in spans)


def extract(text: str) -> List[Attribution]:
    """The attributions of one document."""
    if not isinstance(text, str):
        raise TypeError("extract() takes a str")
    lib, eng = _load()
    data = text.encode("utf-8", "surrogatepass")
    err = _Error()
    res = lib.sw_extract(eng, data, len(data), ctypes.byref(err))
    if not res:
        raise SaywhoError(err.message.decode("utf-8", "replace"))
    try:
        conv = _Offsets(text, data)
        speakers = []
        for i in range(lib.sw_result_speaker_count(res)):
            s = lib.sw_result_speaker(res, i).contents
            speakers.append({
                "name": text[conv(s.name.start):conv(s.name.end)],
                "type": _TYPES[s.type] if 0 <= s.type < len(_TYPES) else None,
                "title": s.title.decode() if s.title else None,
                "affiliation": s.affiliation.decode() if s.affiliation else None,
            })
        out = []
        for i in range(lib.sw_result_count(res)):
            a = lib.sw_result_get(res, i).contents
            spans = {r: _spans(getattr(a, r), conv) for r in ("source", "cue", "content")}
            cues = [(conv(a.certainty.cues[k].start), conv(a.certainty.cues[k].end))
                    for k in range(a.certainty.ncues)]
            out.append(Attribution(
                kind=_KINDS[a.kind],
                source=_text(spans["source"], text),
                cue=_text(spans["cue"], text),
                content=_text(spans["content"], text) or "",
                speaker=dict(speakers[a.speaker]) if a.speaker != _NO_SPEAKER else None,
                certainty={"level": _LEVELS[a.certainty.level], "score": round(a.certainty.score, 2),
                           "cues": [text[s:e] for s, e in cues]},
                spans=spans,
                sentence=a.sentence,
            ))
        return out
    finally:
        lib.sw_result_free(res)


def extract_many(texts: Iterable[str], jobs: int = 0) -> Iterator[List[Attribution]]:
    """The attributions of many documents, in order, on `jobs` threads
    (default: all cores).  The library releases Python while it works."""
    jobs = jobs or os.cpu_count() or 1
    _load()
    if jobs == 1:
        for t in texts:
            yield extract(t)
        return
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(extract, texts, chunksize=1)


def to_records(attributions: Iterable[Attribution], doc=None) -> List[dict]:
    """Flat dicts, one per attribution, ready for pandas.DataFrame."""
    rows = []
    for a in attributions:
        d = asdict(a)
        sp = d.pop("speaker") or {}
        ce = d.pop("certainty")
        spans = d.pop("spans")
        row = {"doc": doc} if doc is not None else {}
        row.update(d)
        row.update({"speaker": sp.get("name"), "speaker_type": sp.get("type"),
                    "speaker_title": sp.get("title"), "speaker_affiliation": sp.get("affiliation"),
                    "certainty": ce["level"], "certainty_score": ce["score"]})
        for role, s in spans.items():
            row[role + "_start"] = s[0][0] if s else None
            row[role + "_end"] = s[-1][1] if s else None
        rows.append(row)
    return rows
