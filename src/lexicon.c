/* The reporting-cue lexicon: data/cues.txt, compiled in, expanded into all
 * inflected forms when the engine starts, and matched against tokens as
 * the longest entry starting at each token. */
#include "internal.h"
#include <stdio.h>

extern const char sw_data_cues[], sw_data_cues_end[];

#define LX_MAXW 5

typedef struct {
  uint32_t w[LX_MAXW]; /* word hashes */
  uint8_t n;
  uint8_t cls;
} lx_entry;

struct sw_lexicon {
  lx_entry *e;
  uint32_t n, cap;
  uint32_t *slot; /* open addressing on first-word hash: entry index + 1 */
  uint32_t *next; /* chain of entries sharing a first word */
  uint32_t mask;
};

static bool add(sw_lexicon *lx, const uint32_t *w, int n, unsigned cls) {
  if (lx->n == lx->cap) {
    uint32_t cap = lx->cap ? lx->cap * 2 : 1024;
    lx_entry *p = realloc(lx->e, cap * sizeof *p);
    if (!p)
      return false;
    lx->e = p;
    lx->cap = cap;
  }
  lx_entry *e = &lx->e[lx->n++];
  memset(e, 0, sizeof *e);
  memcpy(e->w, w, (size_t)n * sizeof *w);
  e->n = (uint8_t)n;
  e->cls = (uint8_t)cls;
  return true;
}

static bool is_vowel(char c) { return strchr("aeiou", c) != NULL; }

/* Writes the regular forms of lemma (length n) into out[4][40]:
 * past, -ing, 3sg; returns false if the lemma is too long. */
static bool inflect(const char *lem, size_t n, bool dbl, char out[3][48]) {
  if (n == 0 || n > 40)
    return false;
  char last = lem[n - 1];
  char prev = n > 1 ? lem[n - 2] : 0;
  /* past */
  if (last == 'e')
    snprintf(out[0], 48, "%.*sd", (int)n, lem);
  else if (last == 'y' && !is_vowel(prev))
    snprintf(out[0], 48, "%.*sied", (int)n - 1, lem);
  else if (dbl)
    snprintf(out[0], 48, "%.*s%ced", (int)n, lem, last);
  else
    snprintf(out[0], 48, "%.*sed", (int)n, lem);
  /* -ing */
  if (last == 'e' && prev != 'e' && prev != 'y' && prev != 'o' && n > 2)
    snprintf(out[1], 48, "%.*sing", (int)n - 1, lem);
  else if (dbl)
    snprintf(out[1], 48, "%.*s%cing", (int)n, lem, last);
  else
    snprintf(out[1], 48, "%.*sing", (int)n, lem);
  /* third person */
  if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's')))
    snprintf(out[2], 48, "%.*ses", (int)n, lem);
  else if (last == 'y' && !is_vowel(prev))
    snprintf(out[2], 48, "%.*sies", (int)n - 1, lem);
  else
    snprintf(out[2], 48, "%.*ss", (int)n, lem);
  return true;
}

static size_t word_at(const char *s, const char *end, const char **w) {
  while (s < end && *s == ' ')
    s++;
  *w = s;
  while (s < end && *s != ' ')
    s++;
  return (size_t)(s - *w);
}

static bool parse_line(sw_lexicon *lx, const char *s, const char *end) {
  unsigned cls = s[0] == 'S' ? LX_VERB | LX_SPEECH : s[0] == 'V' ? LX_VERB : LX_NOUN;
  s += 2;
  const char *bar = memchr(s, '|', (size_t)(end - s));
  const char *wend = bar ? bar : end;
  uint32_t rest[LX_MAXW];
  int nw = 0;
  const char *first = NULL;
  size_t firstn = 0;
  for (const char *p = s;;) {
    const char *w;
    size_t n = word_at(p, wend, &w);
    if (!n)
      break;
    if (nw == LX_MAXW)
      return true; /* too long: ignore */
    if (!first)
      first = w, firstn = n;
    rest[nw++] = sw_hash_lower(w, n);
    p = w + n;
  }
  if (!nw)
    return true;
  if (cls & LX_NOUN)
    return add(lx, rest, nw, cls);
  bool dbl = first[firstn - 1] == '+';
  if (dbl) {
    firstn--;
    rest[0] = sw_hash_lower(first, firstn);
  }
  if (!add(lx, rest, nw, cls | LX_FINITE))
    return false;
  if (bar) {
    /* past, participle, -ing, 3sg */
    const char *p = bar + 1;
    for (int k = 0; k < 4; k++) {
      const char *w;
      size_t n = word_at(p, end, &w);
      if (!n)
        break;
      rest[0] = sw_hash_lower(w, n);
      if (!add(lx, rest, nw, cls | (k == 2 ? LX_PART : LX_FINITE)))
        return false;
      p = w + n;
    }
    return true;
  }
  char forms[3][48];
  if (!inflect(first, firstn, dbl, forms))
    return true;
  for (int k = 0; k < 3; k++) {
    rest[0] = sw_hash_lower(forms[k], strlen(forms[k]));
    if (!add(lx, rest, nw, cls | (k == 1 ? LX_PART : LX_FINITE)))
      return false;
  }
  return true;
}

void sw_lexicon_free(sw_lexicon *lx) {
  if (!lx)
    return;
  free(lx->e);
  free(lx->slot);
  free(lx->next);
  free(lx);
}

sw_lexicon *sw_lexicon_new(void) {
  sw_lexicon *lx = calloc(1, sizeof *lx);
  if (!lx)
    return NULL;
  size_t total = (size_t)(sw_data_cues_end - sw_data_cues) - 1; /* drop the NUL */
  const char *s = sw_data_cues, *end = sw_data_cues + total;
  while (s < end) {
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    const char *le = nl ? nl : end;
    if (le - s > 2 && (s[0] == 'S' || s[0] == 'V' || s[0] == 'N') && s[1] == ' ')
      if (!parse_line(lx, s, le))
        goto fail;
    s = le + 1;
  }
  uint32_t size = 64;
  while (size < lx->n * 2)
    size *= 2;
  lx->mask = size - 1;
  lx->slot = calloc(size, sizeof *lx->slot);
  lx->next = calloc(lx->n ? lx->n : 1, sizeof *lx->next);
  if (!lx->slot || !lx->next)
    goto fail;
  for (uint32_t i = 0; i < lx->n; i++) {
    uint32_t h = lx->e[i].w[0];
    uint32_t k = h & lx->mask;
    while (lx->slot[k] && lx->e[lx->slot[k] - 1].w[0] != h)
      k = (k + 1) & lx->mask;
    lx->next[i] = lx->slot[k]; /* chain */
    lx->slot[k] = i + 1;
  }
  return lx;
fail:
  sw_lexicon_free(lx);
  return NULL;
}

unsigned sw_lexicon_class(const sw_lexicon *lx, uint32_t id) {
  return id < lx->n ? lx->e[id].cls : 0;
}

void sw_lexicon_mark(const sw_lexicon *lx, sw_doc *d) {
  sw_token *tok = d->tok.v;
  uint32_t n = d->tok.n;
  for (uint32_t i = 0; i < n; i++) {
    tok[i].lex = SW_NONE;
    tok[i].lexlen = 0;
    if (tok[i].kind != TK_WORD)
      continue;
    uint32_t h = tok[i].hash;
    uint32_t k = h & lx->mask;
    while (lx->slot[k] && lx->e[lx->slot[k] - 1].w[0] != h)
      k = (k + 1) & lx->mask;
    uint32_t best = SW_NONE, bestn = 0;
    for (uint32_t id = lx->slot[k]; id; id = lx->next[id - 1]) {
      const lx_entry *e = &lx->e[id - 1];
      if (e->n <= bestn || i + e->n > n)
        continue;
      bool ok = true;
      for (uint32_t j = 1; j < e->n && ok; j++)
        ok = tok[i + j].hash == e->w[j] && tok[i + j].sent == tok[i].sent;
      if (ok)
        best = id - 1, bestn = e->n;
    }
    tok[i].lex = best;
    tok[i].lexlen = (uint8_t)bestn;
  }
}
