/* Input reader: one JSON object per line with "id" (or "doc") and "text"
 * string members, the format big pipelines feed, and optionally "title",
 * "author", "date", "publisher" and "url".  Other members are skipped,
 * whatever their type; so saywho's own output, written with --text, reads
 * back.  The parser is iterative with a depth limit, so
 * hostile nesting costs neither stack nor time. */
#include "internal.h"
#include "write.h"
#include <stddef.h>

typedef struct {
  const char *s;
  size_t n, i;
  sw_error *err;
} jp;

static void ws(jp *p) {
  while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\r' ||
                         p->s[p->i] == '\n'))
    p->i++;
}

static bool fail(jp *p, const char *what) {
  sw_seterr(p->err, SW_ERR_INPUT, p->i, "%s at column %zu", what, p->i + 1);
  return false;
}

static int hexval(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  c = (char)(c | 32);
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

static bool hex4(jp *p, uint32_t *v) {
  if (p->i + 4 > p->n)
    return fail(p, "truncated \\u escape");
  *v = 0;
  for (int k = 0; k < 4; k++) {
    int h = hexval(p->s[p->i + (size_t)k]);
    if (h < 0)
      return fail(p, "bad \\u escape");
    *v = *v * 16 + (uint32_t)h;
  }
  p->i += 4;
  return true;
}

static void put_utf8(sw_buf *b, uint32_t cp) {
  char u[4];
  size_t n;
  if (cp < 0x80)
    u[0] = (char)cp, n = 1;
  else if (cp < 0x800)
    u[0] = (char)(0xC0 | (cp >> 6)), u[1] = (char)(0x80 | (cp & 63)), n = 2;
  else if (cp < 0x10000)
    u[0] = (char)(0xE0 | (cp >> 12)), u[1] = (char)(0x80 | ((cp >> 6) & 63)),
    u[2] = (char)(0x80 | (cp & 63)), n = 3;
  else
    u[0] = (char)(0xF0 | (cp >> 18)), u[1] = (char)(0x80 | ((cp >> 12) & 63)),
    u[2] = (char)(0x80 | ((cp >> 6) & 63)), u[3] = (char)(0x80 | (cp & 63)), n = 4;
  sw_buf_put(b, u, n);
}

/* Parses a string at p->i (which is at '"'); appends it to out if given. */
static bool string(jp *p, sw_buf *out) {
  p->i++;
  size_t run = p->i;
  while (p->i < p->n) {
    /* runs of plain bytes, eight at a time */
    while (p->i + 8 <= p->n) {
      uint64_t x;
      memcpy(&x, p->s + p->i, sizeof x);
      if (sw_json_special8(x))
        break;
      p->i += 8;
    }
    if (p->i >= p->n)
      break;
    char c = p->s[p->i];
    if (c == '"') {
      if (out)
        sw_buf_put(out, p->s + run, p->i - run);
      p->i++;
      return true;
    }
    if ((unsigned char)c < 0x20)
      return fail(p, "control character in string");
    if (c != '\\') {
      p->i++;
      continue;
    }
    if (out)
      sw_buf_put(out, p->s + run, p->i - run);
    p->i++;
    if (p->i >= p->n)
      break;
    char e = p->s[p->i++];
    const char *rep = NULL;
    switch (e) {
    case '"': rep = "\""; break;
    case '\\': rep = "\\"; break;
    case '/': rep = "/"; break;
    case 'b': rep = "\b"; break;
    case 'f': rep = "\f"; break;
    case 'n': rep = "\n"; break;
    case 'r': rep = "\r"; break;
    case 't': rep = "\t"; break;
    case 'u': {
      uint32_t v;
      if (!hex4(p, &v))
        return false;
      if (v >= 0xD800 && v <= 0xDBFF && p->i + 6 <= p->n && p->s[p->i] == '\\' &&
          p->s[p->i + 1] == 'u') {
        size_t save = p->i;
        uint32_t lo;
        p->i += 2;
        if (hex4(p, &lo) && lo >= 0xDC00 && lo <= 0xDFFF)
          v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
        else
          p->i = save, v = 0xFFFD;
      } else if (v >= 0xD800 && v <= 0xDFFF) {
        v = 0xFFFD; /* a lone surrogate */
      }
      if (out)
        put_utf8(out, v);
      break;
    }
    default:
      p->i--;
      return fail(p, "bad escape in string");
    }
    if (rep && out)
      sw_buf_put(out, rep, 1);
    run = p->i;
  }
  return fail(p, "unterminated string");
}

/* Skips any value without recursion: brackets are counted. */
static bool skip_value(jp *p) {
  size_t depth = 0;
  do {
    ws(p);
    if (p->i >= p->n)
      return fail(p, "unexpected end of line");
    char c = p->s[p->i];
    if (c == '"') {
      if (!string(p, NULL))
        return false;
    } else if (c == '{' || c == '[') {
      if (++depth > 10000)
        return fail(p, "nesting too deep");
      p->i++;
    } else if (c == '}' || c == ']') {
      if (!depth)
        return fail(p, "unexpected bracket");
      depth--;
      p->i++;
    } else if (c == ',' || c == ':') {
      if (!depth)
        return fail(p, "unexpected separator");
      p->i++;
    } else {
      size_t st = p->i;
      while (p->i < p->n && strchr(",:]} \t\r\n", p->s[p->i]) == NULL)
        p->i++;
      if (p->i == st)
        return fail(p, "bad value");
    }
  } while (depth);
  return true;
}

/* Which member of sw_input_doc a key names, or NULL. */
static sw_buf *field_for(sw_input_doc *doc, const sw_buf *key) {
  static const struct {
    const char *name;
    size_t off;
  } fields[] = {
      {"id", offsetof(sw_input_doc, id)},       {"doc", offsetof(sw_input_doc, id)},
      {"text", offsetof(sw_input_doc, text)},   {"title", offsetof(sw_input_doc, title)},
      {"author", offsetof(sw_input_doc, author)}, {"date", offsetof(sw_input_doc, date)},
      {"publisher", offsetof(sw_input_doc, publisher)}, {"url", offsetof(sw_input_doc, url)},
  };
  for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
    if (key->len == strlen(fields[i].name) && !memcmp(key->data, fields[i].name, key->len))
      return (sw_buf *)((char *)doc + fields[i].off);
  return NULL;
}

void sw_input_doc_free(sw_input_doc *doc) {
  sw_buf_free(&doc->id);
  sw_buf_free(&doc->text);
  sw_buf_free(&doc->title);
  sw_buf_free(&doc->author);
  sw_buf_free(&doc->date);
  sw_buf_free(&doc->publisher);
  sw_buf_free(&doc->url);
}

sw_status sw_jsonl_read(const char *line, size_t n, sw_input_doc *doc, sw_error *err) {
  jp p = {line, n, 0, err};
  if (err)
    memset(err, 0, sizeof *err);
  sw_buf *all[] = {&doc->id, &doc->text, &doc->title, &doc->author, &doc->date, &doc->publisher,
                   &doc->url};
  for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
    all[i]->len = 0;
    sw_buf_put(all[i], "", 0);
  }
  doc->has_text = 0;
  ws(&p);
  if (p.i >= n || line[p.i] != '{')
    return fail(&p, "expected a JSON object"), SW_ERR_INPUT;
  p.i++;
  ws(&p);
  if (p.i < n && line[p.i] == '}') {
    p.i++;
  } else {
    sw_buf key = {0};
    for (;;) {
      ws(&p);
      if (p.i >= n || line[p.i] != '"') {
        sw_buf_free(&key);
        return fail(&p, "expected a member name"), SW_ERR_INPUT;
      }
      key.len = 0;
      if (!string(&p, &key)) {
        sw_buf_free(&key);
        return SW_ERR_INPUT;
      }
      ws(&p);
      if (p.i >= n || line[p.i] != ':') {
        sw_buf_free(&key);
        return fail(&p, "expected ':'"), SW_ERR_INPUT;
      }
      p.i++;
      ws(&p);
      sw_buf *dst = field_for(doc, &key);
      bool ok;
      if (dst && p.i < n && line[p.i] == '"') {
        dst->len = 0;
        ok = string(&p, dst);
        if (dst == &doc->text)
          doc->has_text = 1;
        sw_buf_put(dst, "", 0);
      } else if (dst == &doc->id && p.i < n &&
                 (line[p.i] == '-' || (line[p.i] >= '0' && line[p.i] <= '9'))) {
        size_t st = p.i;
        ok = skip_value(&p); /* numeric ids are kept as written */
        dst->len = 0;
        sw_buf_put(dst, line + st, p.i - st);
      } else {
        ok = skip_value(&p);
      }
      if (!ok) {
        sw_buf_free(&key);
        return SW_ERR_INPUT;
      }
      ws(&p);
      if (p.i < n && line[p.i] == ',') {
        p.i++;
        continue;
      }
      if (p.i < n && line[p.i] == '}') {
        p.i++;
        break;
      }
      sw_buf_free(&key);
      return fail(&p, "expected ',' or '}'"), SW_ERR_INPUT;
    }
    sw_buf_free(&key);
  }
  ws(&p);
  if (p.i != n)
    return fail(&p, "trailing characters after the object"), SW_ERR_INPUT;
  for (size_t i = 0; i < sizeof all / sizeof *all; i++)
    if (all[i]->failed)
      return SW_ERR_NOMEM;
  if (!doc->has_text)
    return fail(&p, "no \"text\" member"), SW_ERR_INPUT;
  return SW_OK;
}
