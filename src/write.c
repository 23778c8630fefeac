/* Stage 6: writers.  JSONL for pipelines, brat standoff for annotation
 * tools and the PolNeAR scorer, and a plain listing for people.  All of
 * them append to an sw_buf; the caller decides where the bytes go. */
#include "internal.h"
#include "write.h"
#include <math.h>
#include <stdio.h>

static bool grow(sw_buf *b, size_t extra) {
  if (b->failed)
    return false;
  if (b->len + extra + 1 <= b->cap)
    return true;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < b->len + extra + 1)
    cap += cap / 2;
  char *p = realloc(b->data, cap);
  if (!p) {
    b->failed = 1;
    return false;
  }
  b->data = p;
  b->cap = cap;
  return true;
}

/* The slow path of sw_buf_put() (write.h), when the buffer must grow. */
void sw_buf_put_grow(sw_buf *b, const char *s, size_t n) {
  if (!grow(b, n))
    return;
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = 0;
}

void sw_buf_append(sw_buf *b, const void *data, size_t n) { sw_buf_put(b, data, n); }

void sw_buf_printf(sw_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char tmp[256];
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0)
    return;
  if ((size_t)n < sizeof tmp) {
    sw_buf_put(b, tmp, (size_t)n);
    return;
  }
  if (!grow(b, (size_t)n))
    return;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

/* Numbers without printf, which was a tenth of the run time: decimal
 * digits of an unsigned integer, a "[start,end]" pair, and %.2f. */
void sw_buf_uint(sw_buf *b, size_t v) {
  char tmp[24];
  int n = sizeof tmp;
  do
    tmp[--n] = (char)('0' + v % 10);
  while (v /= 10);
  sw_buf_put(b, tmp + n, sizeof tmp - (size_t)n);
}

static void buf_pair(sw_buf *b, bool comma, size_t s, size_t e) {
  if (comma)
    sw_buf_put(b, ",", 1);
  sw_buf_put(b, "[", 1);
  sw_buf_uint(b, s);
  sw_buf_put(b, ",", 1);
  sw_buf_uint(b, e);
  sw_buf_put(b, "]", 1);
}

static void buf_fixed2(sw_buf *b, double v) {
  double x = v * 100.0, f = floor(x);
  if (!isfinite(v) || fabs(v) > 1e9 || fabs(x - f - 0.5) < 1e-6) {
    sw_buf_printf(b, "%.2f", v); /* near a tie: let printf round exactly */
    return;
  }
  if (signbit(v))
    sw_buf_put(b, "-", 1), x = -x;
  size_t c = (size_t)floor(x + 0.5);
  sw_buf_uint(b, c / 100);
  char frac[3] = {'.', (char)('0' + c / 10 % 10), (char)('0' + c % 10)};
  sw_buf_put(b, frac, 3);
}

/* JSON string body: escapes quotes, backslashes and control characters,
 * and writes invalid UTF-8 bytes as U+FFFD so the output is always valid
 * JSON.  Offsets are unaffected: they index the input, not this text. */
void sw_json_escape(sw_buf *b, const char *s, size_t n) {
  size_t i = 0, run = 0;
  while (i < n) {
    /* plain ASCII eight bytes at a time: no quote, backslash, control
     * or non-ASCII byte among them */
    while (i + 8 <= n) {
      uint64_t x;
      memcpy(&x, s + i, sizeof x);
      if (sw_json_special8(x) || (x & 0x8080808080808080ull))
        break;
      i += 8, run += 8;
    }
    if (i >= n)
      break;
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      i++, run++;
      continue;
    }
    int32_t cp = c;
    bool bad = false;
    int l = 1;
    if (c >= 0x80) {
      /* a well-formed character other than U+2028 and U+2029 is copied
       * as it is, with the run */
      l = sw_utf8_next((const unsigned char *)s + i, n - i, &cp, &bad);
      if (!bad && cp != 0x2028 && cp != 0x2029) {
        i += (size_t)l, run += (size_t)l;
        continue;
      }
    }
    sw_buf_put(b, s + i - run, run);
    run = 0;
    if (c < 0x80) {
      switch (c) {
      case '"': sw_buf_put(b, "\\\"", 2); break;
      case '\\': sw_buf_put(b, "\\\\", 2); break;
      case '\n': sw_buf_put(b, "\\n", 2); break;
      case '\r': sw_buf_put(b, "\\r", 2); break;
      case '\t': sw_buf_put(b, "\\t", 2); break;
      default: sw_buf_printf(b, "\\u%04x", c); break;
      }
      i++;
      continue;
    }
    if (bad)
      sw_buf_put(b, "\xEF\xBF\xBD", 3);
    else
      sw_buf_printf(b, "\\u%04x", (unsigned)cp);
    i += (size_t)l;
  }
  sw_buf_put(b, s + i - run, run);
}

void sw_buf_json_string(sw_buf *b, const char *s, size_t n) { sw_json_str(b, s, n); }

void sw_json_str(sw_buf *b, const char *s, size_t n) {
  sw_buf_put(b, "\"", 1);
  sw_json_escape(b, s, n);
  sw_buf_put(b, "\"", 1);
}

static const char *kind_name(sw_kind k) {
  return k == SW_DIRECT ? "direct" : k == SW_MIXED ? "mixed" : "indirect";
}

/* Text of a role: its fragments joined with " … ". */
static void role_text(sw_buf *b, const sw_role *r, const char *text, size_t len, bool json) {
  for (size_t i = 0; i < r->n; i++) {
    size_t s = r->spans[i].start, e = r->spans[i].end;
    if (e > len)
      e = len;
    if (s > e)
      s = e;
    if (i)
      sw_buf_puts(b, " \xE2\x80\xA6 ");
    if (json)
      sw_json_escape(b, text + s, e - s);
    else
      for (size_t k = s; k < e; k++)
        sw_buf_put(b, (text[k] == '\n' || text[k] == '\r' || text[k] == '\t') ? " " : text + k, 1);
  }
}

static void json_role(sw_buf *b, const char *name, const sw_role *r, const char *text, size_t len) {
  sw_buf_put(b, ",\"", 2);
  sw_buf_puts(b, name);
  sw_buf_put(b, "\":", 2);
  if (!r->n) {
    sw_buf_puts(b, "null");
    return;
  }
  sw_buf_puts(b, "{\"text\":\"");
  role_text(b, r, text, len, true);
  sw_buf_puts(b, "\",\"spans\":[");
  for (size_t i = 0; i < r->n; i++)
    buf_pair(b, i, r->spans[i].start, r->spans[i].end);
  sw_buf_puts(b, "]}");
}

static void json_text_span(sw_buf *b, sw_span sp, const char *text, size_t len) {
  size_t s = sp.start < len ? sp.start : len, e = sp.end < len ? sp.end : len;
  sw_json_str(b, text + s, e > s ? e - s : 0);
}

static void json_opt_str(sw_buf *b, const char *s) {
  if (s)
    sw_json_str(b, s, strlen(s));
  else
    sw_buf_puts(b, "null");
}

/* "{name, type, title, affiliation": the opening of a speaker object,
 * shared by the attribution's speaker and the document's list. */
static void json_speaker_fields(sw_buf *b, const sw_speaker *s, const char *text, size_t len) {
  sw_buf_puts(b, "{\"name\":");
  json_text_span(b, s->name, text, len);
  sw_buf_puts(b, ",\"type\":\"");
  sw_buf_puts(b, sw_speaker_type_str(s->type));
  sw_buf_puts(b, "\",\"title\":");
  json_opt_str(b, s->title);
  sw_buf_puts(b, ",\"affiliation\":");
  json_opt_str(b, s->affiliation);
}

static void json_speaker(sw_buf *b, const sw_result *r, const sw_attribution *a, const char *text,
                         size_t len) {
  sw_buf_puts(b, ",\"speaker\":");
  const sw_speaker *s = a->speaker == SW_NO_SPEAKER ? NULL : sw_result_speaker(r, a->speaker);
  if (!s) {
    sw_buf_puts(b, "null");
    return;
  }
  json_speaker_fields(b, s, text, len);
  sw_buf_puts(b, ",\"mention\":");
  if (a->source.n)
    json_text_span(b, a->source.spans[0], text, len);
  else
    sw_buf_puts(b, "null");
  sw_buf_puts(b, "}");
}

static void json_speakers(sw_buf *b, const sw_result *r, const char *text, size_t len) {
  sw_buf_puts(b, ",\"speakers\":[");
  for (size_t i = 0; i < sw_result_speaker_count(r); i++) {
    const sw_speaker *s = sw_result_speaker(r, i);
    if (i)
      sw_buf_puts(b, ",");
    json_speaker_fields(b, s, text, len);
    sw_buf_puts(b, ",\"mentions\":[");
    for (size_t k = 0; k < s->nmentions; k++)
      buf_pair(b, k, s->mentions[k].start, s->mentions[k].end);
    sw_buf_puts(b, "],\"attributions\":");
    sw_buf_uint(b, s->attributions);
    sw_buf_put(b, "}", 1);
  }
  sw_buf_puts(b, "]");
}

static void render_jsonl(const sw_result *r, const sw_doc_info *info, const char *text,
                         size_t len, sw_buf *b) {
  const char *id = info->id;
  sw_buf_puts(b, "{\"doc\":");
  sw_json_str(b, id ? id : "", id ? strlen(id) : 0);
  const char *names[] = {"title", "author", "date", "publisher"};
  const char *vals[] = {info->title, info->author, info->date, info->publisher};
  for (int i = 0; i < 4; i++) {
    sw_buf_put(b, ",\"", 2);
    sw_buf_puts(b, names[i]);
    sw_buf_put(b, "\":", 2);
    json_opt_str(b, vals[i] && vals[i][0] ? vals[i] : NULL);
  }
  if (info->url && info->url[0]) {
    sw_buf_puts(b, ",\"url\":");
    json_opt_str(b, info->url);
  }
  if (info->include_text) {
    sw_buf_puts(b, ",\"text\":");
    sw_json_str(b, text, len);
  }
  sw_buf_puts(b, ",\"attributions\":[");
  for (size_t i = 0; i < sw_result_count(r); i++) {
    const sw_attribution *a = sw_result_get(r, i);
    sw_buf_puts(b, i ? ",{\"kind\":\"" : "{\"kind\":\"");
    sw_buf_puts(b, kind_name(a->kind));
    sw_buf_put(b, "\"", 1);
    json_role(b, "source", &a->source, text, len);
    json_role(b, "cue", &a->cue, text, len);
    json_role(b, "content", &a->content, text, len);
    json_speaker(b, r, a, text, len);
    sw_buf_puts(b, ",\"certainty\":{\"level\":\"");
    sw_buf_puts(b, sw_certainty_level_str(a->certainty.level));
    sw_buf_puts(b, "\",\"score\":");
    buf_fixed2(b, a->certainty.score);
    sw_buf_puts(b, ",\"cues\":[");
    for (size_t k = 0; k < a->certainty.ncues; k++) {
      sw_buf_puts(b, k ? ",{\"text\":" : "{\"text\":");
      json_text_span(b, a->certainty.cues[k], text, len);
      sw_buf_puts(b, ",\"spans\":[");
      buf_pair(b, false, a->certainty.cues[k].start, a->certainty.cues[k].end);
      sw_buf_puts(b, "]}");
    }
    sw_buf_puts(b, "]}");
    sw_buf_puts(b, ",\"sentence\":");
    sw_buf_uint(b, a->sentence);
    sw_buf_put(b, "}", 1);
  }
  sw_buf_puts(b, "]");
  json_speakers(b, r, text, len);
  sw_buf_puts(b, "}\n");
}

/* brat counts Unicode code points.  The offsets of a document are
 * gathered, sorted and converted in one pass over the text. */
typedef struct {
  size_t byte, cp;
} offmap;

static int cmp_off(const void *a, const void *b) {
  size_t x = ((const offmap *)a)->byte, y = ((const offmap *)b)->byte;
  return x < y ? -1 : x > y;
}

static size_t lookup(const offmap *m, size_t n, size_t byte) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (m[mid].byte < byte)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < n ? m[lo].cp : 0;
}

static void brat_t(sw_buf *b, unsigned *tn, const char *label, const sw_role *r, const offmap *m,
                   size_t nm, const char *text, size_t len) {
  sw_buf_printf(b, "T%u\t%s ", ++*tn, label);
  for (size_t i = 0; i < r->n; i++)
    sw_buf_printf(b, "%s%zu %zu", i ? ";" : "", lookup(m, nm, r->spans[i].start),
                  lookup(m, nm, r->spans[i].end));
  sw_buf_puts(b, "\t");
  for (size_t i = 0; i < r->n; i++) {
    sw_role one = {1, &r->spans[i]};
    if (i)
      sw_buf_puts(b, " ");
    role_text(b, &one, text, len, false);
  }
  sw_buf_puts(b, "\n");
}

static sw_status render_brat(const sw_result *r, const char *text, size_t len, sw_buf *b) {
  size_t n = 0, na = sw_result_count(r);
  for (size_t i = 0; i < na; i++) {
    const sw_attribution *a = sw_result_get(r, i);
    n += 2 * (a->source.n + a->cue.n + a->content.n);
  }
  offmap *m = malloc((n ? n : 1) * sizeof *m);
  if (!m)
    return SW_ERR_NOMEM;
  size_t k = 0;
  for (size_t i = 0; i < na; i++) {
    const sw_attribution *a = sw_result_get(r, i);
    const sw_role *roles[3] = {&a->source, &a->cue, &a->content};
    for (int j = 0; j < 3; j++)
      for (size_t s = 0; s < roles[j]->n; s++) {
        m[k++].byte = roles[j]->spans[s].start;
        m[k++].byte = roles[j]->spans[s].end;
      }
  }
  qsort(m, k, sizeof *m, cmp_off);
  size_t pos = 0, cp = 0;
  for (size_t i = 0; i < k; i++) {
    size_t to = m[i].byte < len ? m[i].byte : len;
    if (to > pos) {
      cp += sw_utf8_count(text + pos, to - pos);
      pos = to;
    }
    m[i].cp = cp;
  }
  unsigned tn = 0, en = 0;
  for (size_t i = 0; i < na; i++) {
    const sw_attribution *a = sw_result_get(r, i);
    unsigned ts = 0, tc, tx, tt;
    if (a->source.n) {
      brat_t(b, &tn, "Source", &a->source, m, k, text, len);
      ts = tn;
    }
    const sw_role *trig = a->cue.n ? &a->cue : &a->content;
    if (a->cue.n)
      brat_t(b, &tn, "Cue", &a->cue, m, k, text, len);
    tc = a->cue.n ? tn : 0;
    brat_t(b, &tn, "Content", &a->content, m, k, text, len);
    tx = tn;
    brat_t(b, &tn, a->source.n ? "Attribution" : "Attribution-no-source", trig, m, k, text, len);
    tt = tn;
    sw_buf_printf(b, "E%u\t%s:T%u Content:T%u", ++en,
                  a->source.n ? "Attribution" : "Attribution-no-source", tt, tx);
    if (tc)
      sw_buf_printf(b, " Cue:T%u", tc);
    if (ts)
      sw_buf_printf(b, " Source:T%u", ts);
    sw_buf_puts(b, "\n");
  }
  free(m);
  return SW_OK;
}

static void text_role(sw_buf *b, const char *name, const sw_role *r, const char *text, size_t len) {
  sw_buf_printf(b, "    %-8s ", name);
  if (!r->n) {
    sw_buf_puts(b, "-\n");
    return;
  }
  role_text(b, r, text, len, false);
  sw_buf_puts(b, "  [");
  for (size_t i = 0; i < r->n; i++)
    sw_buf_printf(b, "%s%zu-%zu", i ? " " : "", r->spans[i].start, r->spans[i].end);
  sw_buf_puts(b, "]\n");
}

static void render_text(const sw_result *r, const char *id, const char *text, size_t len,
                        sw_buf *b) {
  size_t n = sw_result_count(r);
  sw_buf_printf(b, "%s: %zu attribution%s\n", id ? id : "-", n, n == 1 ? "" : "s");
  for (size_t i = 0; i < n; i++) {
    const sw_attribution *a = sw_result_get(r, i);
    sw_buf_printf(b, "  %zu. %s, sentence %zu\n", i + 1, kind_name(a->kind), a->sentence);
    text_role(b, "source", &a->source, text, len);
    text_role(b, "cue", &a->cue, text, len);
    text_role(b, "content", &a->content, text, len);
    sw_buf_printf(b, "    %-8s %s (%.2f)", "firmness", sw_certainty_level_str(a->certainty.level),
                  a->certainty.score);
    for (size_t k = 0; k < a->certainty.ncues; k++) {
      sw_role one = {1, &a->certainty.cues[k]};
      sw_buf_puts(b, k ? ", " : ": ");
      role_text(b, &one, text, len, false);
    }
    sw_buf_puts(b, "\n");
    const sw_speaker *s = a->speaker == SW_NO_SPEAKER ? NULL : sw_result_speaker(r, a->speaker);
    sw_buf_printf(b, "    %-8s ", "speaker");
    if (s) {
      sw_role nm = {1, &s->name};
      role_text(b, &nm, text, len, false);
      sw_buf_printf(b, " (%s", sw_speaker_type_str(s->type));
      if (s->title)
        sw_buf_printf(b, ", %s", s->title);
      if (s->affiliation)
        sw_buf_printf(b, ", %s", s->affiliation);
      sw_buf_puts(b, ")\n");
    } else {
      sw_buf_puts(b, "-\n");
    }
  }
}

sw_status sw_render(const sw_result *r, sw_format fmt, const char *id, const char *text,
                    size_t len, sw_buf *out) {
  sw_doc_info info = {0};
  info.id = id;
  return sw_render_doc(r, fmt, &info, text, len, out);
}

sw_status sw_render_doc(const sw_result *r, sw_format fmt, const sw_doc_info *info,
                        const char *text, size_t len, sw_buf *out) {
  if (!r || !out || !info || (!text && len))
    return SW_ERR_ARG;
  sw_status st = SW_OK;
  switch (fmt) {
  case SW_FORMAT_JSONL: render_jsonl(r, info, text, len, out); break;
  case SW_FORMAT_BRAT: st = render_brat(r, text, len, out); break;
  case SW_FORMAT_TEXT: render_text(r, info->id, text, len, out); break;
  case SW_FORMAT_HTML: st = sw_render_html(r, info, text, len, out); break;
  default: return SW_ERR_ARG;
  }
  if (!st && out->failed)
    st = SW_ERR_NOMEM;
  return st;
}
