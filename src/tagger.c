/* Stage 5b: reported speech, by a learned tagger.
 *
 * Two linear-chain models, trained as averaged perceptrons by
 * tools/train.c.  The first tags cue words (B/I/O) sentence by sentence.
 * The second runs once per cue over a window of its sentence and the
 * neighbouring ones in the paragraph, and tags source and content spans
 * (B-S I-S B-C I-C O) with features relative to that cue; constrained
 * Viterbi keeps the spans well formed.  Attributions found by the
 * quotation rules win where the two overlap. */
#include "model.h"
#include <math.h>

/* Generic vectors of 16 bytes, which the compiler maps to SSE2 (or
 * NEON) without intrinsics. */
typedef int8_t sw_v16i8 __attribute__((vector_size(16)));
typedef int16_t sw_v8i16 __attribute__((vector_size(16)));
typedef int32_t sw_v4i32 __attribute__((vector_size(16)));
typedef int64_t sw_v2i64 __attribute__((vector_size(16)));
typedef float sw_v4f __attribute__((vector_size(16)));

/* The two decoders the model uses, unrolled by hand: the compiler does
 * not unroll a loop over labels at -O2, and the constraints let most
 * transitions be skipped.  Ties go to the lowest previous label. */
#define ARGMAX(v, a, expr, p) do { float x_ = (expr); if (x_ > (v)) (v) = x_, (a) = (p); } while (0)

void sw_viterbi_cue(const float *em, uint32_t n, uint32_t stride, const float *tr, uint8_t *out,
                    uint8_t *bp) {
  if (!n)
    return;
  /* O B I; I only after B or I */
  const float *T = tr + CUE_L; /* T[p * 3 + l] */
  float c0 = tr[0] + em[0], c1 = tr[1] + em[1], c2 = -1e30f;
  for (uint32_t i = 1; i < n; i++) {
    const float *e = em + (size_t)i * stride;
    uint8_t *b = bp + (size_t)i * CUE_L;
    float n0 = c0 + T[0], n1 = c0 + T[1], n2 = c1 + T[5];
    int a0 = 0, a1 = 0, a2 = 1;
    ARGMAX(n0, a0, c1 + T[3], 1);
    ARGMAX(n0, a0, c2 + T[6], 2);
    ARGMAX(n1, a1, c1 + T[4], 1);
    ARGMAX(n1, a1, c2 + T[7], 2);
    ARGMAX(n2, a2, c2 + T[8], 2);
    c0 = n0 + e[0], c1 = n1 + e[1], c2 = n2 + e[2];
    b[0] = (uint8_t)a0, b[1] = (uint8_t)a1, b[2] = (uint8_t)a2;
  }
  int best = 0;
  float bv = c0;
  ARGMAX(bv, best, c1, 1);
  ARGMAX(bv, best, c2, 2);
  for (uint32_t i = n; i-- > 0;) {
    out[i] = (uint8_t)best;
    if (i)
      best = bp[(size_t)i * CUE_L + best];
  }
}

/* The role labels O B-S I-S B-C side by side in four lanes, I-C alone:
 * a step takes the best of the five previous labels for all four lanes
 * at once.  A transition the constraints forbid weighs -inf, so it never
 * wins; the comparisons are strict and in label order, so ties go to the
 * lowest previous label, as in the scalar loop this replaces (the same
 * additions in the same order, so the same scores to the bit). */

void sw_viterbi_role(const float *em, uint32_t n, uint32_t stride, const float *tr, uint8_t *out,
                     int32_t *bp) {
  if (!n)
    return;
  /* O B-S I-S B-C I-C; I-S only after B-S or I-S, I-C after B-C or I-C */
  const float *T = tr + ROLE_L; /* T[p * 5 + l] */
  sw_v4f TT[ROLE_L];           /* TT[p][l] for l < 4 */
  for (int p = 0; p < ROLE_L; p++)
    for (int l = 0; l < 4; l++)
      TT[p][l] = l == R_IS && p != R_BS && p != R_IS ? -INFINITY : T[p * 5 + l];
  const float tic3 = T[15 + R_IC], tic4 = T[20 + R_IC];
  sw_v4f c = {tr[0] + em[0], tr[1] + em[1], -1e30f, tr[3] + em[3]};
  float c4 = -1e30f; /* I-C */
  for (uint32_t i = 1; i < n; i++) {
    const float *e = em + (size_t)i * stride;
    sw_v4f v = __builtin_shufflevector(c, c, 0, 0, 0, 0) + TT[0], x;
    sw_v4i32 a = {0, 0, 0, 0}, gt;
#define STEP(p, splat)                                          \
    x = (splat) + TT[p];                                        \
    gt = x > v;                                                 \
    v = (sw_v4f)(((sw_v4i32)x & gt) | ((sw_v4i32)v & ~gt));      \
    a = (a & ~gt) | ((sw_v4i32){p, p, p, p} & gt)
    STEP(1, __builtin_shufflevector(c, c, 1, 1, 1, 1));
    STEP(2, __builtin_shufflevector(c, c, 2, 2, 2, 2));
    STEP(3, __builtin_shufflevector(c, c, 3, 3, 3, 3));
    STEP(4, ((sw_v4f){c4, c4, c4, c4}));
#undef STEP
    float vic = c[3] + tic3;
    int aic = 3;
    ARGMAX(vic, aic, c4 + tic4, 4);
    sw_v4f ev;
    memcpy(&ev, e, sizeof ev);
    c = v + ev;
    c4 = vic + e[R_IC];
    memcpy(bp + (size_t)i * 8, &a, sizeof a);
    bp[(size_t)i * 8 + R_IC] = aic;
  }
  int best = 0;
  float bv = c[0];
  for (int l = 1; l < 4; l++)
    ARGMAX(bv, best, c[l], l);
  ARGMAX(bv, best, c4, R_IC);
  for (uint32_t i = n; i-- > 0;) {
    out[i] = (uint8_t)best;
    if (i)
      best = bp[(size_t)i * 8 + best];
  }
}

/* Sums the table rows of n feature keys.  Weights are bytes, so
 * a few hundred of them add up in 16 bits.  The rows are scattered over
 * the table, so the same loop asks for the rows of a later token (pf, npf)
 * while it sums these.  Generic vectors keep it portable: a byte row is
 * widened by pairing each byte with itself and shifting, which is two
 * SSE2 instructions (the compiler's own conversion takes five). */
static inline sw_v8i16 row16(const int8_t *p) {
  int64_t x;
  memcpy(&x, p, sizeof x);
  sw_v16i8 b = (sw_v16i8)(sw_v2i64){x, 0};
  sw_v16i8 pair = __builtin_shufflevector(b, b, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7);
  return (sw_v8i16)pair >> 8;
}

static inline __attribute__((always_inline)) sw_v8i16
sum_rows(const int8_t *table, size_t row, uint32_t mask, const uint32_t *keys, const uint32_t *pf,
         uint32_t n) {
  sw_v8i16 part = {0};
  for (uint32_t k = 0; k < n; k++) {
    __builtin_prefetch(table + (size_t)(pf[k] & mask) * row);
    part += row16(table + (size_t)(keys[k] & mask) * row);
  }
  return part;
}

/* Scores from summed weights: the first four and the last four lanes of
 * a row, sign-extended by the same pairing trick and scaled. */
static inline sw_v4f splat4(float x) { return (sw_v4f){x, x, x, x}; }
static inline sw_v4f lanes_lo(sw_v8i16 p, sw_v4f scale) {
  sw_v4i32 x = (sw_v4i32)__builtin_shufflevector(p, p, 0, 0, 1, 1, 2, 2, 3, 3) >> 16;
  return __builtin_convertvector(x, sw_v4f) * scale;
}
static inline sw_v4f lanes_hi(sw_v8i16 p, sw_v4f scale) {
  sw_v4i32 x = (sw_v4i32)__builtin_shufflevector(p, p, 4, 4, 5, 5, 6, 6, 7, 7) >> 16;
  return __builtin_convertvector(x, sw_v4f) * scale;
}

/* Added to the scores of the cue labels B and I at decoding, not in
 * training: the perceptron's cues are precise (cross-validated cue
 * precision 0.79, recall 0.60), and F1 gains from more of them.  Since
 * speech nested in another's content is dropped (sw_drop_nested), the
 * extra cues that fall inside contents cost nothing; cross-validated,
 * +4 gave content 0.5643 -> 0.5655, +8 0.5671, +10 and +12 0.5675, +16
 * 0.5653, +32 0.5415 (before that drop, +3 was flat).  On dev +8 gives
 * content 0.5835 -> 0.5851, +10 0.5827. */
#define CUE_BIAS 8.0f

/* How many tokens ahead the table rows are prefetched: 4 beat 2, 3 and 6
 * in interleaved runs on the bench input (the tables live in L3) */
#define PF_AHEAD 4
/* and in a cue's window, where the keys of every token are ready first:
 * 8 with a head start took the tagger from 0.182 s to 0.175 s (medians of
 * 31 interleaved runs; 4 without the head start: 0.181 s, 12: 0.175 s) */
#define RPF_AHEAD 8

typedef struct {
  sw_vec em;     /* float: emission scores of a window, ROLE_STRIDE per token */
  sw_vec cue_em; /* float: per token, CUE_STRIDE (O B I, 0) */
  sw_vec role_st;/* float: per token, ROLE_STRIDE (the ROLE_L labels, then 0s), the
                  * cue-independent part */
  sw_vec lab;    /* uint8: cue labels of a sentence */
  sw_vec bp;     /* uint8 */
  sw_vec rlab;   /* uint8: role labels of a window */
  sw_vec rbp;    /* int32: 8 per token */
  sw_vec rkeys;  /* uint32 */
  sw_vec rnk;    /* uint8 */
  sw_vec dist;   /* int */
  sw_vec own;    /* uint32: rule attribution owning each token */
  sw_vec skeys;  /* uint32: static feature keys of the document */
  sw_vec snk;    /* uint32: their counts */
} scratch;

static void scratch_free(scratch *s) {
  free(s->em.v);
  free(s->cue_em.v);
  free(s->role_st.v);
  free(s->lab.v);
  free(s->bp.v);
  free(s->rlab.v);
  free(s->rbp.v);
  free(s->rkeys.v);
  free(s->rnk.v);
  free(s->dist.v);
  free(s->own.v);
  free(s->skeys.v);
  free(s->snk.v);
}


/* Which rule attribution owns each token: its content (index + 1), or
 * its cue or source (index + 1, with OWN_FRAME set); 0 for none. */
#define OWN_FRAME 0x80000000u

static bool mark_owners(const sw_doc *d, uint32_t nrule, sw_vec *own) {
  if (!sw_vec_reserve(own, sizeof(uint32_t), d->tok.n))
    return false;
  uint32_t *o = own->v;
  memset(o, 0, (size_t)d->tok.n * sizeof *o);
  for (uint32_t i = 0; i < nrule; i++) {
    const sw_att *r = &VEC_AT(d->att, sw_att, i);
    for (uint32_t c = 0; c < r->ncon; c++)
      for (uint32_t t = r->con[c][0]; t < r->con[c][1]; t++)
        o[t] = i + 1;
    for (uint32_t t = r->cue[0]; t < r->cue[1]; t++)
      o[t] = (i + 1) | OWN_FRAME;
    for (uint32_t t = r->src[0]; t < r->src[1]; t++)
      o[t] = (i + 1) | OWN_FRAME;
  }
  return true;
}

/* A model attribution beside the rule ones.  It may not reuse a rule's
 * cue or source: it is dropped.  Its cue may sit inside a rule's
 * quotation (a nested attribution).  Content that another rule
 * attribution holds is cut out of it: in "DuVernay said she felt … because
 * “…,” she said" the rule keeps the quotation and the model the words
 * before it.  What is left of a cut attribution loses the punctuation at
 * its edges, a conjunction it ends with ("the levy was fair, and") and
 * fragments of fewer than MIN_LEFT words.  Cutting instead
 * of dropping took cross-validated cue F1 from 0.656 to 0.661 and
 * attribution from 0.614 to 0.617, direct quotations no worse (3 words
 * left: as good as 1, fewer slivers).  Returns false when nothing is
 * left.  Linear in the attribution's length. */
#define MIN_LEFT 3
static bool yield_to_rules(const sw_doc *d, const uint32_t *own, sw_att *m) {
  static const char *const conj[] = {"and", "but", "or", "while", "as", NULL};
  const sw_token *tok = d->tok.v;
  uint32_t host = 0; /* the rule whose quotation holds the cue */
  for (uint32_t t = m->cue[0]; t < m->cue[1]; t++) {
    if (own[t] & OWN_FRAME)
      return false;
    if (own[t])
      host = own[t];
  }
#define FOREIGN(t) (own[t] && (own[t] & ~OWN_FRAME) != host)
  bool cut = false;
  for (uint32_t k = 0; k < m->ncon && !cut; k++)
    for (uint32_t t = m->con[k][0]; t < m->con[k][1] && !cut; t++)
      cut = FOREIGN(t);
  if (!cut)
    return true;
  uint32_t con[8][2], n = 0;
  for (uint32_t k = 0; k < m->ncon; k++)
    for (uint32_t t = m->con[k][0]; t < m->con[k][1];) {
      if (FOREIGN(t)) {
        t++;
        continue;
      }
      uint32_t e = t;
      while (e < m->con[k][1] && !FOREIGN(e))
        e++;
      uint32_t s0 = t, e0 = e;
      while (s0 < e0 && tok[s0].kind == TK_PUNCT)
        s0++;
      while (e0 > s0 && (tok[e0 - 1].kind == TK_PUNCT || sw_tok_in(d, &tok[e0 - 1], conj)))
        e0--;
      if (e0 - s0 >= MIN_LEFT && n < 8)
        con[n][0] = s0, con[n][1] = e0, n++;
      t = e;
    }
#undef FOREIGN
  memcpy(m->con, con, n * sizeof con[0]);
  m->ncon = n;
  return n > 0;
}

/* A quoted title ("said on “Face the Nation,”") opening a content
 * fragment is where the words were said, not what: it is cut off, with
 * the comma after it; so is a fragment before the cue that is only a few
 * words leading to a title ("Appearing on “Harbor Watch Tonight,” the
 * governor said"; after the cue, "proclaimed a goal of “Peace Through
 * Strength”" is what was said).
 * Returns true when no content is left. */
static bool only_title(const sw_doc *d, sw_att *a) {
  const sw_token *tok = d->tok.v;
  uint32_t keep = 0;
  for (uint32_t c = 0; c < a->ncon; c++) {
    uint32_t s = a->con[c][0], e = a->con[c][1];
    for (uint32_t j = s; j < e && j <= s + 3; j++) {
      if (tok[j].quote == SW_NONE)
        continue;
      const sw_qregion *q = &VEC_AT(d->quote, sw_qregion, tok[j].quote);
      if (!q->title || q->open != j)
        break;
      uint32_t k = q->close + 1;
      while (k < e && tok[k].kind == TK_PUNCT)
        k++;
      if (j == s || (k >= e && e <= a->cue[0]))
        s = k;
      break;
    }
    if (s >= e)
      continue;
    a->con[keep][0] = s, a->con[keep][1] = e;
    keep++;
  }
  a->ncon = keep;
  return keep == 0;
}

/* "appeared on Sunday interview shows", "appeared before supporters":
 * appear with a place or an audience after it is being somewhere, not
 * seeming.  The folds took it for a cue five times, the gold never.  So
 * is writing for someone ("Judge Castell, writing for the majority,
 * said"; "she wrote for the Herald"): the gold has no such cue. */
static bool appears_somewhere(const sw_doc *d, const sw_att *a) {
  static const char *const appear[] = {"appear", "appears", "appeared", "appearing", NULL};
  static const char *const where[] = {"in", "at", "on", "before", NULL};
  static const char *const write[] = {"write", "writes", "wrote", "writing", NULL};
  const sw_token *tok = d->tok.v;
  if (a->cue[1] >= d->tok.n)
    return false;
  const sw_token *v = &tok[a->cue[1] - 1], *n = &tok[a->cue[1]];
  return (sw_tok_in(d, v, appear) && sw_tok_in(d, n, where)) ||
         (sw_tok_in(d, v, write) && tok_is(d, n, "for"));
}

/* Tags source and content around the cue [c0, c1) and fills a (cue,
 * source, content).  Returns false when out of memory. */
static bool decode_roles(const sw_model *m, const sw_lexicon *lx, const sw_doc *d, scratch *s,
                         uint32_t c0, uint32_t c1, sw_att *a) {
  uint32_t rmask = (1u << m->rel_bits) - 1;
  const float *role_st = s->role_st.v;
  sw_cuectx cx;
  sw_cue_window(d, c0, c1, &cx);
  uint32_t w = cx.w1 - cx.w0;
  if (!sw_vec_reserve(&s->rkeys, sizeof(uint32_t) * SW_MAX_RFEAT, w) ||
      !sw_vec_reserve(&s->rnk, 1, w) || !sw_vec_reserve(&s->em, sizeof(float) * ROLE_STRIDE, w) ||
      !sw_vec_reserve(&s->rlab, 1, w) || !sw_vec_reserve(&s->rbp, sizeof(int32_t) * 8, w))
    return false;
  uint32_t *rk = s->rkeys.v;
  uint8_t *rn = s->rnk.v, *rl = s->rlab.v;
  float *em = s->em.v;
  sw_feat_relative(lx, d, &cx, rk, rn);
  /* a window's rows are asked for RPF_AHEAD tokens ahead, and those of
   * its first tokens before the loop, which would otherwise wait */
  for (uint32_t t = 0; t < w && t < RPF_AHEAD; t++)
    for (uint32_t k = 0; k < rn[t]; k++)
      __builtin_prefetch(m->rel + (size_t)(rk[(size_t)t * SW_MAX_RFEAT + k] & rmask) * SW_RROW);
  const sw_v4f rs = splat4(m->role_scale);
  for (uint32_t t = 0; t < w; t++) {
    /* every token but the cue's has SW_NREL keys: a constant count lets
     * the compiler unroll the sum */
    sw_v8i16 ra = {0};
    if (rn[t]) {
      const uint32_t *kt = rk + (size_t)t * SW_MAX_RFEAT;
      const uint32_t *pf = t + RPF_AHEAD < w && rn[t + RPF_AHEAD] ? kt + RPF_AHEAD * SW_MAX_RFEAT : kt;
      ra = sum_rows(m->rel, SW_RROW, rmask, kt, pf, SW_NREL);
    }
    const float *st = role_st + (size_t)(cx.w0 + t) * ROLE_STRIDE;
    sw_v4f lo, hi;
    memcpy(&lo, st, sizeof lo);
    memcpy(&hi, st + 4, sizeof hi);
    lo += lanes_lo(ra, rs);
    hi += lanes_hi(ra, rs);
    /* lanes past ROLE_L hold the next row's bytes: never read */
    float *e = em + (size_t)t * ROLE_STRIDE;
    memcpy(e, &lo, sizeof lo);
    memcpy(e + 4, &hi, sizeof hi);
    if (cx.w0 + t >= cx.c0 && cx.w0 + t < cx.c1)
      for (int l = 1; l < ROLE_L; l++)
        e[l] = -1e30f;
  }
  sw_viterbi_role(em, w, ROLE_STRIDE, m->role_trans, rl, s->rbp.v);
  memset(a, 0, sizeof *a);
  a->cue[0] = cx.c0, a->cue[1] = cx.c1;
  a->sent = cx.cue_sent;
  a->origin = SW_ORIGIN_MODEL;
  uint32_t best_d = UINT32_MAX;
  for (uint32_t t = 0; t < w;) {
    uint8_t l = rl[t];
    if (l != R_BS && l != R_BC) {
      t++;
      continue;
    }
    uint32_t e = t + 1;
    uint8_t in = l == R_BS ? R_IS : R_IC;
    while (e < w && rl[e] == in)
      e++;
    uint32_t a0 = cx.w0 + t, a1 = cx.w0 + e;
    if (l == R_BS) {
      /* one source: the span nearest the cue */
      uint32_t dd = a1 <= cx.c0 ? cx.c0 - a1 : a0 - cx.c1;
      if (dd < best_d) {
        best_d = dd;
        a->src[0] = a0, a->src[1] = a1;
      }
    } else if (a->ncon < 8) {
      /* a clause mark the content runs into is not part of it:
       * "Acknowledging that costs had doubled, the agency said" */
      while (a1 > a0 + 1 && sw_is_clause_mark(d, &VEC_AT(d->tok, sw_token, a1 - 1)))
        a1--;
      a->con[a->ncon][0] = a0;
      a->con[a->ncon][1] = a1;
      a->ncon++;
    }
    t = e;
  }
  sw_trim_source(d, a);
  return true;
}

/* A quotation that a lower-case word and a colon introduce ("Kasich
 * resisted: “…”", "then leaned in and boomed: “…”") is attributed in
 * the train gold 215 times in 218.  An attribution framed earlier in the
 * sentence takes it into its content; else the cue is the words before
 * the colon, back to a capitalised word, a clause mark, a subject pronoun
 * or a possessive ending, with the colon, and the role tagger finds the
 * source.  Only for quotations no attribution holds yet.  Returns false
 * when out of memory. */
#define MAX_HOSTS 64

/* Marks the tokens of a's content in cov. */
static void cover(const sw_att *a, uint8_t *cov) {
  for (uint32_t f = 0; f < a->ncon; f++)
    if (a->con[f][1] > a->con[f][0])
      memset(cov + a->con[f][0], 1, a->con[f][1] - a->con[f][0]);
}

static bool colon_quotes(const sw_model *m, const sw_lexicon *lx, sw_doc *d, scratch *s) {
  const sw_token *tok = d->tok.v;
  /* which tokens some content holds, and the attributions of each
   * sentence by their cue (a list through next[]), kept up to date as
   * the rule adds: linear in the document, where asking every
   * attribution for every quotation was quadratic */
  uint32_t ns = d->sent.n;
  uint8_t *cov = calloc(d->tok.n, 1);
  uint32_t *head = malloc(((size_t)ns + 1) * sizeof *head);
  uint32_t cap = d->att.n + 16, *next = malloc((size_t)cap * sizeof *next);
  bool ok = cov && head && next;
  if (ok) {
    for (uint32_t i = 0; i < ns; i++)
      head[i] = SW_NONE;
    for (uint32_t i = 0; i < d->att.n; i++) {
      const sw_att *a = &VEC_AT(d->att, sw_att, i);
      cover(a, cov);
      uint32_t se = a->cue[0] < d->tok.n ? tok[a->cue[0]].sent : ns;
      next[i] = se < ns ? head[se] : SW_NONE;
      if (se < ns)
        head[se] = i;
    }
  }
  for (uint32_t k = 0; ok && k < d->quote.n; k++) {
    sw_qregion *q = &VEC_AT(d->quote, sw_qregion, k);
    uint32_t o = q->open;
    if (q->used || q->title || q->cont || o < 2 || q->words < 3)
      continue;
    const sw_token *c = &tok[o - 1], *w = &tok[o - 2];
    if (c->end - c->start != 1 || d->text[c->start] != ':' || w->kind != TK_WORD ||
        (w->flags & TF_CAP) || w->sent != tok[o].sent || w->quote != SW_NONE)
      continue;
    bool held = false;
    for (uint32_t t = o; t <= q->close && !held; t++)
      held = cov[t];
    if (held)
      continue;
    uint32_t lo = VEC_AT(d->sent, sw_sent, w->sent).t0, c0 = o - 2;
    /* an attribution framed earlier in the sentence, whose content runs
     * up to the colon, takes the quotation: "he's said the same thing at
     * every stop: “…”"; the last such in the attribution order, which
     * the list holds newest first.  A sentence with more than MAX_HOSTS
     * attributions is no prose, and its later ones are not asked. */
    sw_att *host = NULL;
    uint32_t asked = 0;
    for (uint32_t i = head[w->sent]; i != SW_NONE && asked < MAX_HOSTS; i = next[i], asked++) {
      sw_att *a = &VEC_AT(d->att, sw_att, i);
      if (a->cue[0] >= lo && a->cue[1] <= c0 && a->ncon && a->ncon < 8 &&
          a->con[a->ncon - 1][0] >= a->cue[1] && a->con[a->ncon - 1][1] <= o - 1) {
        host = a;
        break;
      }
    }
    if (host) {
      host->con[host->ncon][0] = o, host->con[host->ncon][1] = q->close + 1;
      host->ncon++;
      host->kind = sw_att_kind(d, host);
      cover(host, cov);
      q->used = 1;
      continue;
    }
    if (c0 > lo && tok[c0 - 1].end - tok[c0 - 1].start == 1 && d->text[tok[c0 - 1].start] == '@')
      continue; /* a handle: "@ilduce2016: “…”" */
    /* back over lower-case words; not over a subject pronoun or a
     * possessive ending, which belong to the source ("he returned to his
     * lines:", "Clinton’s response was:") */
    while (c0 > lo && o - 1 - c0 < 6 && tok[c0 - 1].kind == TK_WORD && !(tok[c0 - 1].flags & TF_CAP)) {
      const sw_token *p = &tok[c0 - 1];
      unsigned char b = (unsigned char)d->text[p->start];
      if (b < 'a' || b > 'z' || sw_tok_in(d, p, sw_subject_pronouns))
        break;
      c0--;
    }
    sw_att a;
    if (!decode_roles(m, lx, d, s, c0, o, &a)) {
      ok = false;
      break;
    }
    a.ncon = 1;
    a.con[0][0] = o, a.con[0][1] = q->close + 1;
    a.origin = SW_ORIGIN_RULE;
    sw_join_model_quote(lx, d, &a);
    q->used = 1;
    a.kind = sw_att_kind(d, &a);
    sw_att *n = sw_vec_push(&d->att, sizeof *n);
    if (!n) {
      ok = false;
      break;
    }
    *n = a;
    cover(n, cov);
    uint32_t i = d->att.n - 1;
    if (i >= cap) {
      uint32_t *nx = realloc(next, (size_t)(cap *= 2) * sizeof *nx);
      if (!nx) {
        ok = false;
        break;
      }
      next = nx;
    }
    uint32_t se = tok[a.cue[0]].sent;
    next[i] = head[se];
    head[se] = i;
  }
  free(cov);
  free(head);
  free(next);
  return ok;
}

/* What the fallbacks for a cue the role tagger found no content for
 * (colon_paragraph() below, sw_frame_after() in attrib.c) need of its
 * sentence, read once a sentence: the cues come in text order, and a
 * sentence may hold many. */
typedef struct {
  uint32_t sent;   /* the sentence read, or SW_NONE */
  uint32_t c0, c1; /* the next paragraph when the sentence ends its own
                    * with a colon, without its closing punctuation; else
                    * empty */
  bool quoted;     /* the sentence holds a quotation mark */
} sent_memo;

static void read_sentence(const sw_doc *d, sent_memo *m, uint32_t si) {
  const sw_token *tok = d->tok.v;
  const sw_sent *sent = d->sent.v;
  if (m->sent == si)
    return;
  m->sent = si, m->c0 = m->c1 = 0, m->quoted = false;
  for (uint32_t t = sent[si].t0; t < sent[si].t1 && !m->quoted; t++)
    m->quoted = tok[t].quote != SW_NONE || tok[t].kind == TK_QUOTE;
  const sw_token *colon = &tok[sent[si].t1 - 1];
  if (si + 1 >= d->sent.n || sent[si + 1].para == sent[si].para ||
      colon->end - colon->start != 1 || d->text[colon->start] != ':')
    return;
  uint32_t k = si + 1;
  while (k + 1 < d->sent.n && sent[k + 1].para == sent[si + 1].para)
    k++;
  uint32_t c0 = sent[si + 1].t0, c1 = sent[k].t1;
  while (c1 > c0 && tok[c1 - 1].kind == TK_PUNCT)
    c1--;
  m->c0 = c0, m->c1 = c1;
}

/* A cue the role tagger found no content for, in a sentence that ends
 * its paragraph with a colon ("Hewitt writes:", "He told his audience,
 * to rowdy applause:"), introduces the next paragraph, which the
 * tagger's window does not reach: a's content becomes that paragraph.
 * In the cross-validated output 23 of the 29 such cues have a gold
 * content after them. */
static void colon_paragraph(const sent_memo *m, sw_att *a) {
  if (m->c1 > m->c0) {
    a->con[0][0] = m->c0, a->con[0][1] = m->c1;
    a->ncon = 1;
  }
}

sw_status sw_tag(const sw_model *m, const sw_lexicon *lx, sw_doc *d) {
  uint32_t n = d->tok.n;
  if (!n)
    return SW_OK;
  scratch s;
  memset(&s, 0, sizeof s);
  sw_status st = sw_feat_prepare(lx, d);
  if (st)
    return st;
  st = SW_ERR_NOMEM;
  if (!sw_vec_reserve(&s.cue_em, sizeof(float) * CUE_STRIDE, n) ||
      !sw_vec_reserve(&s.role_st, sizeof(float) * ROLE_STRIDE, n))
    goto out;
  float *cue_em = s.cue_em.v, *role_st = s.role_st.v;
  uint32_t smask = (1u << m->stat_bits) - 1;
  const sw_v8i16 zero = {0};
  const sw_v4f cs = splat4(m->cue_scale);
  const sw_v4f rs = splat4(m->role_scale);
  const sw_v4f cue_bias = {0, CUE_BIAS, CUE_BIAS, 0};
  uint32_t nrule = d->att.n;
  /* the keys of the whole document first, so that the rows of the next
   * sentence's first tokens are prefetched too */
  if (!sw_vec_reserve(&s.skeys, sizeof(uint32_t) * SW_MAX_FEAT, n) ||
      !sw_vec_reserve(&s.snk, sizeof(uint32_t), n))
    goto out;
  uint32_t *keys = s.skeys.v, *nks = s.snk.v;
  memset(nks, 0, (size_t)n * sizeof *nks);
  for (uint32_t si = 0; si < d->sent.n; si++) {
    const sw_sent *se = &VEC_AT(d->sent, sw_sent, si);
    uint32_t len = se->t1 - se->t0;
    if (!sw_vec_reserve(&s.dist, sizeof(int), len) || !sw_vec_reserve(&s.lab, 1, len) ||
        !sw_vec_reserve(&s.bp, 1, (size_t)len * CUE_L))
      goto out;
    int *dist = s.dist.v;
    sw_cue_distances(d, se, dist);
    if (sw_feat_sentence(lx, d, se, dist, keys + (size_t)se->t0 * SW_MAX_FEAT, nks + se->t0))
      goto out;
  }
  for (uint32_t i = 0; i < n; i++) {
    const uint32_t *ki = keys + (size_t)i * SW_MAX_FEAT;
    const uint32_t *pf = i + PF_AHEAD < n ? ki + PF_AHEAD * SW_MAX_FEAT : ki;
    /* the sentences cover every token, each with SW_NSTAT keys; a token
     * outside them would score zero, not read keys never written */
    sw_v8i16 acc = {0};
    if (nks[i] == SW_NSTAT)
      acc = sum_rows(m->stat, SW_ROW, smask, ki, pf, SW_NSTAT);
    /* lanes 0-2 are the cue labels, 3-7 the role labels */
    sw_v8i16 cue = __builtin_shufflevector(acc, zero, 0, 1, 2, 8, 8, 8, 8, 8);
    sw_v8i16 role = __builtin_shufflevector(acc, zero, 3, 4, 5, 6, 7, 8, 8, 8);
    sw_v4f c = lanes_lo(cue, cs) + cue_bias, r0 = lanes_lo(role, rs), r1 = lanes_hi(role, rs);
    memcpy(cue_em + (size_t)i * CUE_STRIDE, &c, sizeof c);
    memcpy(role_st + (size_t)i * ROLE_STRIDE, &r0, sizeof r0);
    memcpy(role_st + (size_t)i * ROLE_STRIDE + 4, &r1, sizeof r1);
  }
  /* the model's cues, decoded once each, in text order */
  sw_vec ms = {0}; /* sw_att */
  for (uint32_t si = 0; si < d->sent.n; si++) {
    const sw_sent *se = &VEC_AT(d->sent, sw_sent, si);
    uint32_t len = se->t1 - se->t0;
    uint8_t *lab = s.lab.v;
    sw_viterbi_cue(cue_em + (size_t)se->t0 * CUE_STRIDE, len, CUE_STRIDE, m->cue_trans, lab, s.bp.v);
    for (uint32_t i = 0; i < len;) {
      if (lab[i] != CUE_B) {
        i++;
        continue;
      }
      uint32_t j = i + 1;
      while (j < len && lab[j] == CUE_I)
        j++;
      sw_att *a = sw_vec_push(&ms, sizeof *a);
      if (!a || !decode_roles(m, lx, d, &s, se->t0 + i, se->t0 + j, a))
        goto out_ms;
      i = j;
    }
  }
  /* the quotation rules found cue and content; the model knows sources
   * better than a noun-phrase rule does.  A rule's cue is often one the
   * model found too, already decoded. */
  for (uint32_t r = 0, k = 0; r < nrule; r++) {
    sw_att *ra = &VEC_AT(d->att, sw_att, r);
    const sw_att *ma = NULL;
    sw_att own;
    while (k < ms.n && VEC_AT(ms, sw_att, k).cue[0] < ra->cue[0])
      k++;
    for (uint32_t q = k; q < ms.n && VEC_AT(ms, sw_att, q).cue[0] == ra->cue[0]; q++)
      if (VEC_AT(ms, sw_att, q).cue[1] == ra->cue[1])
        ma = &VEC_AT(ms, sw_att, q);
    if (!ma) {
      if (!decode_roles(m, lx, d, &s, ra->cue[0], ra->cue[1], &own))
        goto out_ms;
      ma = &own;
    }
    if (ma->src[1] > ma->src[0])
      ra->src[0] = ma->src[0], ra->src[1] = ma->src[1];
  }
  for (uint32_t r = 0; r < nrule; r++)
    sw_cut_nested_source(d, &ms, &VEC_AT(d->att, sw_att, r));
  if (!mark_owners(d, nrule, &s.own))
    goto out_ms;
  sent_memo memo = {SW_NONE, 0, 0, false};
  for (uint32_t k = 0; k < ms.n; k++) {
    sw_att a = VEC_AT(ms, sw_att, k);
    if (!a.ncon) {
      read_sentence(d, &memo, VEC_AT(d->tok, sw_token, a.cue[0]).sent);
      colon_paragraph(&memo, &a);
      if (!a.ncon)
        sw_frame_after(lx, d, memo.quoted, &a);
      if (!a.ncon)
        sw_clause_after_cue(lx, d, &a);
      if (!a.ncon)
        sw_that_after_cue(d, &a);
    }
    if (a.ncon && !appears_somewhere(d, &a) && yield_to_rules(d, s.own.v, &a) &&
        !only_title(d, &a)) {
      sw_join_model_quote(lx, d, &a);
      a.kind = sw_att_kind(d, &a);
      sw_att *o = sw_vec_push(&d->att, sizeof *o);
      if (!o)
        goto out_ms;
      *o = a;
    }
  }
  if (!colon_quotes(m, lx, d, &s))
    goto out_ms;
  st = SW_OK;
out_ms:
  free(ms.v);
out:
  scratch_free(&s);
  return st;
}
