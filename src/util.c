/* Small shared helpers: errors, growable arrays, buffers, hashing. */
#include "internal.h"
#include <stdio.h>
#include <strings.h>

const char *sw_status_str(sw_status s) {
  switch (s) {
  case SW_OK: return "ok";
  case SW_ERR_NOMEM: return "out of memory";
  case SW_ERR_INPUT: return "bad input";
  case SW_ERR_MODEL: return "bad model";
  case SW_ERR_IO: return "i/o error";
  case SW_ERR_TOOBIG: return "document too large";
  case SW_ERR_ARG: return "bad argument";
  }
  return "unknown error";
}

const char *sw_version(void) { return SW_VERSION; }

void sw_seterr(sw_error *err, sw_status st, size_t off, const char *fmt, ...) {
  if (!err)
    return;
  err->status = st;
  err->offset = off;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
}

bool sw_vec_reserve(sw_vec *a, size_t sz, size_t need) {
  if (need <= a->cap)
    return true;
  if (need > UINT32_MAX - 1)
    return false;
  size_t cap = a->cap ? a->cap : 16;
  while (cap < need)
    cap += cap / 2 + 8;
  if (cap > UINT32_MAX)
    cap = UINT32_MAX;
  void *p = realloc(a->v, cap * sz);
  if (!p)
    return false;
  a->v = p;
  a->cap = (uint32_t)cap;
  return true;
}

void *sw_vec_push(sw_vec *a, size_t sz) {
  if (!sw_vec_reserve(a, sz, (size_t)a->n + 1))
    return NULL;
  void *p = (char *)a->v + (size_t)a->n * sz;
  a->n++;
  memset(p, 0, sz);
  return p;
}

void sw_buf_free(sw_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
  b->failed = 0;
}

#define R16(b) b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, b + 8, b + 9, b + 10, b + 11, \
               b + 12, b + 13, b + 14, b + 15
const unsigned char sw_lower[256] = {R16(0),   R16(16),  R16(32),  R16(48),  '@',
                                     R16('a'), 'q',      'r',      's',      't',
                                     'u',      'v',      'w',      'x',      'y',
                                     'z',      '[',      '\\',     ']',      '^',
                                     '_',      R16(96),  R16(112), R16(128), R16(144),
                                     R16(160), R16(176), R16(192), R16(208), R16(224),
                                     R16(240)};
#undef R16

/* FNV-1a, folded: small, fast, and stable across platforms, which matters
 * because model files store these hashes. */
uint32_t sw_hash_bytes(const void *p, size_t n, uint32_t seed) {
  const unsigned char *s = p;
  uint32_t h = 2166136261u ^ seed;
  for (size_t i = 0; i < n; i++) {
    h ^= s[i];
    h *= 16777619u;
  }
  return h;
}

void sw_doc_free(sw_doc *d) {
  free(d->tok.v);
  free(d->sent.v);
  free(d->para_start.v);
  free(d->quote.v);
  free(d->att.v);
  free(d->tf.v);
  free(d->ent.v);
  free(d->mention.v);
  free(d->smention.v);
  free(d->certcue.v);
  memset(d, 0, sizeof *d);
}

/* ---- a map from 32-bit keys to 32-bit values, open addressing ---- */

static uint32_t slot_of(uint32_t key, uint32_t mask) { return (key * 0x9E3779B1u >> 7) & mask; }

void sw_map_free(sw_map *m) {
  free(m->k);
  free(m->v);
  free(m->used);
  memset(m, 0, sizeof *m);
}

static bool map_grow(sw_map *m) {
  uint32_t cap = m->cap ? m->cap * 2 : 64;
  sw_map n = {0};
  n.k = malloc(cap * sizeof *n.k);
  n.v = malloc(cap * sizeof *n.v);
  n.used = calloc(cap, 1);
  if (!n.k || !n.v || !n.used) {
    sw_map_free(&n);
    return false;
  }
  n.cap = cap;
  for (uint32_t i = 0; i < m->cap; i++)
    if (m->used[i]) {
      uint32_t j = slot_of(m->k[i], cap - 1);
      while (n.used[j])
        j = (j + 1) & (cap - 1);
      n.used[j] = 1;
      n.k[j] = m->k[i];
      n.v[j] = m->v[i];
      n.n++;
    }
  sw_map_free(m);
  *m = n;
  return true;
}

bool sw_map_put(sw_map *m, uint32_t key, uint32_t val) {
  if ((m->n + 1) * 2 > m->cap && !map_grow(m))
    return false;
  uint32_t j = slot_of(key, m->cap - 1);
  while (m->used[j] && m->k[j] != key)
    j = (j + 1) & (m->cap - 1);
  if (!m->used[j]) {
    m->used[j] = 1;
    m->k[j] = key;
    m->n++;
  }
  m->v[j] = val;
  return true;
}

uint32_t sw_map_get(const sw_map *m, uint32_t key) {
  if (!m->cap)
    return SW_NONE;
  uint32_t j = slot_of(key, m->cap - 1);
  while (m->used[j]) {
    if (m->k[j] == key)
      return m->v[j];
    j = (j + 1) & (m->cap - 1);
  }
  return SW_NONE;
}

/* ---- dates ---- */

static int month_of(const char *s) {
  static const char *const m[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  for (int i = 0; i < 12; i++)
    if (!strncasecmp(s, m[i], 3))
      return i + 1;
  return 0;
}

/* ISO 8601 from the usual ways pages write dates; the input when none
 * fits.  Writes into out (at least 32 bytes). */
void sw_iso_date(const char *in, char *out, size_t n) {
  int y = 0, mo = 0, d = 0;
  const char *s = in;
  while (*s == ' ')
    s++;
  if (sscanf(s, "%4d-%2d-%2d", &y, &mo, &d) == 3 && y > 1900) {
    /* keep the time when there is one: 2017-04-13T04:23:00Z */
    size_t k = 0;
    while (s[k] && s[k] != ' ' && k + 1 < n)
      k++;
    snprintf(out, n, "%.*s", (int)k, s);
    return;
  }
  char w1[16] = "", w2[16] = "";
  if (sscanf(s, "%15[A-Za-z]. %d, %d", w1, &d, &y) == 3 || sscanf(s, "%15[A-Za-z] %d, %d", w1, &d, &y) == 3 ||
      sscanf(s, "%15[A-Za-z] %d %d", w1, &d, &y) == 3) {
    mo = month_of(w1);
  } else if (sscanf(s, "%d %15[A-Za-z] %d", &d, w2, &y) == 3) {
    mo = month_of(w2);
  } else if (sscanf(s, "%*[A-Za-z], %15[A-Za-z] %d, %d", w1, &d, &y) == 3) {
    mo = month_of(w1);
  } else if (sscanf(s, "%d/%d/%d", &mo, &d, &y) == 3 && y > 1900) {
    /* US order */
  }
  if (y > 1900 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)
    snprintf(out, n, "%04d-%02d-%02d", y, mo, d);
  else
    snprintf(out, n, "%s", s);
}

