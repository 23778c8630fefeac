/* The reporting-cue lexicon: data/cues.txt, compiled in, expanded into all
 * inflected forms when the engine starts, and matched against tokens as
 * the longest entry starting at each token. */
#include "phrase.h"
#include <stdio.h>

extern const char sw_data_cues[], sw_data_cues_end[];

#define LX_MAXW SW_PHRASE_MAXW

struct sw_lexicon {
  sw_phrases p; /* value: LX_* class flags */
};

static bool add(sw_lexicon *lx, const uint32_t *w, int n, unsigned cls) {
  return sw_phrases_add(&lx->p, w, n, cls);
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
  sw_phrases_free(&lx->p);
  free(lx);
}

static bool line_cb(void *ctx, const char *s, size_t len) {
  if (len > 2 && (s[0] == 'S' || s[0] == 'V' || s[0] == 'N') && s[1] == ' ')
    return parse_line(ctx, s, s + len);
  return true;
}

static int cmp_phrase(const void *a, const void *b) {
  const sw_phrase *x = a, *y = b;
  if (x->n != y->n)
    return x->n < y->n ? -1 : 1;
  for (int i = 0; i < x->n; i++)
    if (x->w[i] != y->w[i])
      return x->w[i] < y->w[i] ? -1 : 1;
  return 0;
}

/* A form listed twice ("reports" the verb and the noun) is one entry
 * with both classes; otherwise the last one listed would hide the other. */
static void merge_duplicates(sw_phrases *p) {
  if (!p->n)
    return;
  qsort(p->e, p->n, sizeof *p->e, cmp_phrase);
  uint32_t out = 0;
  for (uint32_t i = 1; i < p->n; i++) {
    if (!cmp_phrase(&p->e[out], &p->e[i]))
      p->e[out].value |= p->e[i].value;
    else
      p->e[++out] = p->e[i];
  }
  p->n = out + 1;
}

sw_lexicon *sw_lexicon_new(void) {
  sw_lexicon *lx = calloc(1, sizeof *lx);
  if (!lx)
    return NULL;
  size_t total = (size_t)(sw_data_cues_end - sw_data_cues) - 1; /* drop the NUL */
  if (!sw_data_lines(sw_data_cues, sw_data_cues + total, lx, line_cb)) {
    sw_lexicon_free(lx);
    return NULL;
  }
  merge_duplicates(&lx->p);
  if (!sw_phrases_build(&lx->p)) {
    sw_lexicon_free(lx);
    return NULL;
  }
  return lx;
}

unsigned sw_lexicon_class(const sw_lexicon *lx, uint32_t id) {
  return id < lx->p.n ? lx->p.e[id].value : 0;
}

void sw_lexicon_mark(const sw_lexicon *lx, sw_doc *d) {
  sw_token *tok = d->tok.v;
  for (uint32_t si = 0; si < d->sent.n; si++) {
    const sw_sent *s = &VEC_AT(d->sent, sw_sent, si);
    for (uint32_t i = s->t0; i < s->t1; i++) {
      tok[i].lex = SW_NONE;
      tok[i].lexlen = 0;
      if (tok[i].kind != TK_WORD)
        continue;
      const sw_phrase *e = sw_phrases_match(&lx->p, tok, i, s->t1);
      if (e) {
        tok[i].lex = (uint32_t)(e - lx->p.e);
        tok[i].lexlen = e->n;
      }
    }
  }
}
