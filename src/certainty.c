/* Stage 8: certainty.  How firmly each source commits to its claim, from
 * the hedges and boosters of data/certainty.txt found in the cue and in
 * the content.  The lexicon's header documents the scale and how entries
 * combine; this file implements exactly that. */
#include "certainty.h"
#include "phrase.h"
#include <stdio.h>

extern const char sw_data_cert[], sw_data_cert_end[];

enum { W_CUE = 1, W_CONTENT = 2 };

typedef struct {
  float weight;
  uint8_t where;
} cert_entry;

struct sw_certlex {
  sw_phrases p; /* value: index into e */
  cert_entry *e;
  uint32_t n;
};

static bool load_line(void *ctx, const char *s, size_t len) {
  sw_certlex *x = ctx;
  const char *tab1 = memchr(s, '\t', len);
  if (!tab1)
    return true;
  const char *tab2 = memchr(tab1 + 1, '\t', len - (size_t)(tab1 + 1 - s));
  char num[32];
  size_t nl = (size_t)((tab2 ? tab2 : s + len) - (tab1 + 1));
  if (nl == 0 || nl >= sizeof num)
    return true;
  memcpy(num, tab1 + 1, nl);
  num[nl] = 0;
  char *end;
  float w = strtof(num, &end);
  if (end == num)
    return true;
  uint8_t where = W_CUE | W_CONTENT;
  if (tab2) {
    size_t rl = len - (size_t)(tab2 + 1 - s);
    if (rl == 3 && !memcmp(tab2 + 1, "cue", 3))
      where = W_CUE;
    else if (rl == 7 && !memcmp(tab2 + 1, "content", 7))
      where = W_CONTENT;
  }
  uint32_t words[SW_PHRASE_MAXW];
  int nw = sw_phrase_words(s, (size_t)(tab1 - s), words);
  if (nw < 1)
    return true;
  cert_entry *e = realloc(x->e, (x->n + 1) * sizeof *e);
  if (!e)
    return false;
  x->e = e;
  e[x->n].weight = w;
  e[x->n].where = where;
  return sw_phrases_add(&x->p, words, nw, x->n++);
}

void sw_certlex_free(sw_certlex *x) {
  if (!x)
    return;
  sw_phrases_free(&x->p);
  free(x->e);
  free(x);
}

sw_certlex *sw_certlex_new(void) {
  sw_certlex *x = calloc(1, sizeof *x);
  if (!x)
    return NULL;
  const char *end = sw_data_cert + ((size_t)(sw_data_cert_end - sw_data_cert) - 1);
  if (!sw_data_lines(sw_data_cert, end, x, load_line) || !sw_phrases_build(&x->p)) {
    sw_certlex_free(x);
    return NULL;
  }
  return x;
}

static bool negator(const sw_doc *d, const sw_token *t) {
  return tok_is(d, t, "not") || tok_is(d, t, "n't") || tok_is(d, t, "n’t") ||
         tok_is(d, t, "never") || tok_is(d, t, "no") || tok_is(d, t, "cannot");
}

static float negate(float w) {
  if (w > 0.5f)
    return 0.0f; /* "not sure" */
  if (w >= 0.0f)
    return -0.6f; /* "not possible" */
  return 0.1f;    /* "did not rule out" */
}

/* Marks tokens of the content that do not speak for the source: brackets,
 * relative clauses between commas, and the cues and contents of
 * attributions nested inside. */
static void mark_excluded(const sw_doc *d, const sw_att *a, uint32_t self, uint8_t *skip,
                          uint32_t base, uint32_t n, const uint32_t *cue_owner) {
  const sw_token *tok = d->tok.v;
  for (uint32_t c = 0; c < a->ncon; c++) {
    int paren = 0;
    bool rel = false;
    for (uint32_t i = a->con[c][0]; i < a->con[c][1]; i++) {
      const sw_token *t = &tok[i];
      if (tok_is(d, t, "("))
        paren++;
      if (i > a->con[c][0] && tok_is(d, &tok[i - 1], ",") &&
          (tok_is(d, t, "who") || tok_is(d, t, "which") || tok_is(d, t, "whose")))
        rel = true;
      if (rel && tok_is(d, t, ","))
        rel = false;
      if (paren || rel)
        skip[i - base] = 1;
      if (tok_is(d, t, ")") && paren)
        paren--;
      uint32_t o = cue_owner[i];
      if (o != SW_NONE && o != self) {
        /* a nested attribution: its cue and its content are its own */
        const sw_att *in = &VEC_AT(d->att, sw_att, o);
        for (uint32_t k = in->cue[0]; k < in->cue[1]; k++)
          if (k >= base && k < base + n)
            skip[k - base] = 1;
        for (uint32_t cc = 0; cc < in->ncon; cc++)
          for (uint32_t k = in->con[cc][0]; k < in->con[cc][1]; k++)
            if (k >= base && k < base + n)
              skip[k - base] = 1;
      }
    }
  }
}

static sw_status add_cue(sw_doc *d, uint32_t att, uint32_t t0, uint32_t t1) {
  sw_certcue *c = sw_vec_push(&d->certcue, sizeof *c);
  if (!c)
    return SW_ERR_NOMEM;
  c->att = att;
  c->t0 = t0;
  c->t1 = t1;
  return SW_OK;
}

/* "firm" is mostly a company ("a law firm", "the firm's"; 116 of 121
 * times in the PolNeAR texts).  It is a booster after a degree adverb or
 * a verb of standing ("very firm", "remains firm", "stand firm") or
 * before a word of commitment ("a firm stance", "their firm commitment"). */
static bool firm_company(const sw_doc *d, uint32_t i, uint32_t to) {
  static const char *const before[] = {"very", "quite", "so", "too", "remain", "remains",
                                       "remained", "stand", "stands", "stood", "standing",
                                       "is", "are", "was", "were", "be", "been", "held",
                                       "hold", "holds", NULL};
  static const char *const after[] = {"stance", "commitment", "belief", "view", "position",
                                      "conviction", "support", "opposition", "evidence",
                                      "answer", "resolve", "denial", "line", "decision",
                                      "assurance", "pledge", "promise", "grip", "no", NULL};
  const sw_token *tok = d->tok.v;
  if (!tok_is(d, &tok[i], "firm"))
    return false;
  if (i > 0 && tok[i - 1].sent == tok[i].sent && sw_tok_in(d, &tok[i - 1], before))
    return false;
  return !(i + 1 < to && sw_tok_in(d, &tok[i + 1], after));
}

/* An adjective of the lexicon before the noun it qualifies qualifies
 * that noun, not the claim: "a possible carcinogen", "spreading false
 * claims", "certain people".  Predicative uses are followed by
 * punctuation, a capitalised word or a function word ("was possible
 * that", "is clear to", "was false."). */
static bool attributive(const sw_doc *d, uint32_t i, uint32_t to) {
  /* not "likely" or "sure", mostly adverbs before a verb ("will likely
   * win", "we sure should") */
  static const char *const adjectives[] = {"possible", "probable", "improbable", "false", "fake",
                                           "untrue", "baseless", "certain", "clear", NULL};
  static const char *const function[] = {
      "that", "to", "and", "or", "but", "if", "whether", "in", "at", "for", "of", "by", "with",
      "as", "than", "because", "when", "enough", "about", "from", "on", "after", "before",
      "since", "this", "these", "those", "the", "a", "an", "it", "he", "she", "they", "we",
      "you", "there", "not", "now", "yet", "too", "so", "again", "either", "then", "what",
      "who", "how", "why", "where", "is", "was", "are", "were", "will", "would", "only",
      "also", "just", "even", "still", "here", "today", NULL};
  const sw_token *tok = d->tok.v;
  if (i + 1 >= to || !sw_tok_in(d, &tok[i], adjectives))
    return false;
  const sw_token *n = &tok[i + 1];
  return n->kind == TK_WORD && !(n->flags & TF_CAP) && n->sent == tok[i].sent &&
         !sw_tok_in(d, n, function);
}

/* Scans tokens [from, to) for entries that count in `where`. */
static sw_status scan(const sw_certlex *x, sw_doc *d, uint32_t att, uint32_t from, uint32_t to,
                      uint8_t where, const uint8_t *skip, uint32_t base, float *hedge,
                      float *boost, bool *any) {
  const sw_token *tok = d->tok.v;
  for (uint32_t i = from; i < to;) {
    if (skip && skip[i - base]) {
      i++;
      continue;
    }
    const sw_phrase *p = sw_phrases_match(&x->p, tok, i, to);
    if (!p || !(x->e[p->value].where & where) ||
        /* "May 3" is a month, not a modal */
        ((tok[i].flags & TF_CAP) && i > 0 && tok[i - 1].sent == tok[i].sent &&
         !(tok[i - 1].kind == TK_QUOTE)) ||
        firm_company(d, i, to) || (p->n == 1 && attributive(d, i, to))) {
      i++;
      continue;
    }
    float w = x->e[p->value].weight;
    for (uint32_t k = i; k-- > 0 && i - k <= 3 && tok[k].sent == tok[i].sent;)
      if (negator(d, &tok[k])) {
        w = negate(w);
        break;
      }
    if (w < 0.5f && w < *hedge)
      *hedge = w;
    if (w > 0.5f && w > *boost)
      *boost = w;
    *any = true;
    sw_status st = add_cue(d, att, i, i + p->n);
    if (st)
      return st;
    i += p->n;
  }
  return SW_OK;
}

static uint8_t level_of(float s, bool any) {
  if (!any)
    return SW_CERT_UNMARKED;
  if (s >= 0.7f)
    return SW_CERT_CERTAIN;
  if (s >= 0.45f)
    return SW_CERT_UNMARKED;
  if (s >= 0.2f)
    return SW_CERT_PROBABLE;
  if (s >= -0.2f)
    return SW_CERT_POSSIBLE;
  return SW_CERT_DOUBTFUL;
}

sw_status sw_grade_certainty(const sw_certlex *x, sw_doc *d) {
  d->certcue.n = 0;
  uint32_t n = d->tok.n;
  if (!d->att.n)
    return SW_OK;
  sw_vec owner = {0}, skip = {0};
  sw_status st = SW_ERR_NOMEM;
  if (!sw_vec_reserve(&owner, sizeof(uint32_t), n))
    goto out;
  uint32_t *cue_owner = owner.v;
  for (uint32_t i = 0; i < n; i++)
    cue_owner[i] = SW_NONE;
  for (uint32_t k = 0; k < d->att.n; k++) {
    const sw_att *a = &VEC_AT(d->att, sw_att, k);
    if (a->cue[1] > a->cue[0])
      cue_owner[a->cue[0]] = k;
  }
  const sw_token *tok = d->tok.v;
  for (uint32_t k = 0; k < d->att.n; k++) {
    sw_att *a = &VEC_AT(d->att, sw_att, k);
    a->ncert = 0;
    a->cert0 = d->certcue.n;
    uint32_t base = UINT32_MAX, top = 0;
    for (uint32_t c = 0; c < a->ncon; c++) {
      base = a->con[c][0] < base ? a->con[c][0] : base;
      top = a->con[c][1] > top ? a->con[c][1] : top;
    }
    if (base >= top)
      base = top = 0;
    if (!sw_vec_reserve(&skip, 1, top - base + 1))
      goto out;
    memset(skip.v, 0, top - base + 1);
    mark_excluded(d, a, k, skip.v, base, top - base, cue_owner);
    float hedge = 1.0f, boost = 0.0f;
    bool any = false;
    st = scan(x, d, k, a->cue[0], a->cue[1], W_CUE, NULL, 0, &hedge, &boost, &any);
    for (uint32_t c = 0; c < a->ncon && !st; c++)
      st = scan(x, d, k, a->con[c][0], a->con[c][1], W_CONTENT, skip.v, base, &hedge, &boost,
                &any);
    if (st)
      goto out;
    /* a question asserts nothing */
    if (a->ncon) {
      uint32_t last = a->con[a->ncon - 1][1];
      while (last > a->con[a->ncon - 1][0] && tok[last - 1].kind == TK_QUOTE)
        last--;
      if (last > a->con[a->ncon - 1][0] && tok_is(d, &tok[last - 1], "?")) {
        if (0.0f < hedge)
          hedge = 0.0f;
        any = true;
        if ((st = add_cue(d, k, last - 1, last)))
          goto out;
      }
    }
    float score = hedge < 0.5f ? hedge : boost > 0.5f ? boost : 0.5f;
    a->cert_score = score;
    a->cert_level = level_of(score, any);
    a->ncert = d->certcue.n - a->cert0;
  }
  st = SW_OK;
out:
  free(owner.v);
  free(skip.v);
  return st;
}
