/* Phrase tables: multiword entries matched against tokens, longest entry
 * first, case-insensitively.  The cue lexicon and the speaker lexicons
 * (titles, affiliations, first names) are all phrase tables.  Entries are
 * kept as word hashes; a word's hash is sw_hash_lower() of its bytes, the
 * same hash the tokenizer stores in each token. */
#include "phrase.h"

void sw_phrases_free(sw_phrases *p) {
  free(p->e);
  free(p->slot);
  free(p->next);
  free(p->filter);
  memset(p, 0, sizeof *p);
}

bool sw_phrases_add(sw_phrases *p, const uint32_t *w, int n, uint32_t value) {
  if (n < 1 || n > SW_PHRASE_MAXW)
    return true; /* too long to match: ignored */
  if (p->n == p->cap) {
    uint32_t cap = p->cap ? p->cap * 2 : 256;
    sw_phrase *e = realloc(p->e, cap * sizeof *e);
    if (!e)
      return false;
    p->e = e;
    p->cap = cap;
  }
  sw_phrase *e = &p->e[p->n++];
  memset(e, 0, sizeof *e);
  memcpy(e->w, w, (size_t)n * sizeof *w);
  e->n = (uint8_t)n;
  e->value = value;
  return true;
}

/* Splits s[0..len) at spaces into word hashes; returns the count, or -1
 * when there are more than SW_PHRASE_MAXW words. */
int sw_phrase_words(const char *s, size_t len, uint32_t *w) {
  int n = 0;
  size_t i = 0;
  while (i < len) {
    while (i < len && s[i] == ' ')
      i++;
    size_t st = i;
    while (i < len && s[i] != ' ')
      i++;
    if (i == st)
      break;
    if (n == SW_PHRASE_MAXW)
      return -1;
    w[n++] = sw_hash_lower(s + st, i - st);
  }
  return n;
}

bool sw_phrases_build(sw_phrases *p) {
  uint32_t size = 64;
  while (size < p->n * 4)
    size *= 2;
  p->mask = size - 1;
  p->slot = calloc((size_t)size * 2, sizeof *p->slot);
  p->next = calloc(p->n ? p->n : 1, sizeof *p->next);
  uint32_t bits = 9; /* 512 bits at least */
  while (bits < 24 && (1u << bits) < p->n * 16)
    bits++;
  p->fshift = 32 - bits;
  p->filter = calloc((size_t)1 << (bits - 6), sizeof *p->filter);
  if (!p->slot || !p->next || !p->filter)
    return false;
  for (uint32_t i = 0; i < p->n; i++) {
    uint32_t h = p->e[i].w[0];
    uint32_t k = h & p->mask;
    while (p->slot[2 * k + 1] && p->slot[2 * k] != h)
      k = (k + 1) & p->mask;
    p->next[i] = p->slot[2 * k + 1];
    p->slot[2 * k] = h;
    p->slot[2 * k + 1] = i + 1;
    uint32_t b = sw_phrase_fbit(p, h);
    p->filter[b >> 6] |= (uint64_t)1 << (b & 63);
  }
  return true;
}

const sw_phrase *sw_phrases_match_slot(const sw_phrases *p, const sw_token *tok, uint32_t i,
                                       uint32_t end) {
  uint32_t h = tok[i].hash;
  uint32_t k = h & p->mask;
  while (p->slot[2 * k + 1] && p->slot[2 * k] != h)
    k = (k + 1) & p->mask;
  const sw_phrase *best = NULL;
  for (uint32_t id = p->slot[2 * k + 1]; id; id = p->next[id - 1]) {
    const sw_phrase *e = &p->e[id - 1];
    if ((best && e->n <= best->n) || i + e->n > end)
      continue;
    bool ok = true;
    for (uint32_t j = 1; j < e->n && ok; j++)
      ok = tok[i + j].hash == e->w[j];
    if (ok)
      best = e;
  }
  return best;
}

/* Calls fn for each data line of an embedded text file: lines that are
 * neither empty nor comments, without their line end. */
bool sw_data_lines(const char *data, const char *end, void *ctx,
                   bool (*fn)(void *ctx, const char *line, size_t len)) {
  const char *s = data;
  while (s < end) {
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    const char *le = nl ? nl : end;
    size_t len = (size_t)(le - s);
    if (len && s[len - 1] == '\r')
      len--;
    if (len && s[0] != '#' && !fn(ctx, s, len))
      return false;
    s = le + 1;
  }
  return true;
}
