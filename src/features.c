/* Features of the learned tagger.  Each feature is a 32-bit key: a
 * template number mixed with the value it looks at; the key picks a row of
 * a hashed weight table.  Changing a template changes every key, so
 * SW_FEAT_VERSION must go up with it. */
#include "model.h"

enum {
  F_BIAS = 1, F_W0, F_WM1, F_WP1, F_WM2, F_WP2, F_BI_L, F_BI_R, F_SUF3, F_SHAPE, F_SHAPE3,
  F_LEX0, F_LEXM1, F_LEXP1, F_QUOTE, F_QNEAR, F_SPOS, F_PRON, F_CAP, F_W0LEXP1, F_LEXM1W0,
  F_TRI, F_HEADLINE, F_CUEDIST, F_PUNCT_NEAR, F_STEM, F_STEMLEXP1, F_SUBJSUF, F_WM3, F_WP3,
  F_INTRO, F_STEMM1,
  R_POS = 64, R_POSW, R_SIDEW, R_POSCUE, R_QUOTES, R_SIDEWM1, R_COMMAS, R_THAT, R_CUEW,
  R_SIDELEXN, R_EDGE, R_CUES_BETWEEN, R_CUENEXT, R_POSSHAPE, R_CUEPREV, R_POSWHO, R_POSFORM
};

/* Retired templates keep their numbers so that the keys of the others do
 * not move.  An ablation on PolNeAR dev (each one dropped and the model
 * retrained) found these adding nothing the others do not carry:
 * F_WP2 F_BI_L F_SUF3 F_SHAPE F_LEXM1 F_LEXP1 F_SPOS F_PRON F_W0LEXP1
 * F_HEADLINE F_WP3, R_POS R_POSW R_SIDEW R_SIDEWM1 R_THAT R_SIDELEXN;
 * dropping them cut the tagger's work by a third.  A second ablation, by
 * cross-validation on the train split (make cv), retired F_BIAS F_W0
 * F_BI_R F_QNEAR F_CAP F_TRI F_PUNCT_NEAR F_INTRO: the model is as good or
 * better without them (the word itself is in F_STEM, F_LEXM1W0 and
 * F_STEMM1, its neighbours in F_WM1 and F_WP1).  A third round joined
 * small templates into conjunctions under the numbers of their first:
 * F_LEX0 and F_CUEDIST into F_QUOTE; R_COMMAS, R_EDGE and R_CUES_BETWEEN
 * into R_QUOTES; R_POSWHO into R_POSSHAPE.  Six lookups fewer a token, and
 * cross-validated attribution 0.634 -> 0.637, content 0.529 -> 0.533. */
#define K(t, v) sw_mix((uint32_t)(t), (uint32_t)(v))

static const sw_token *tk(const sw_doc *d, uint32_t i) { return &VEC_AT(d->tok, sw_token, i); }

/* Word identity: numbers collapse to their shape. */
static uint32_t word_calc(const sw_doc *d, int64_t i) {
  if (i < 0)
    return 0x51A27u;
  if (i >= (int64_t)d->tok.n)
    return 0xE0D5u;
  const sw_token *t = tk(d, (uint32_t)i);
  if (t->kind == TK_NUM)
    return 0x4E11u + (t->end - t->start > 4 ? 1 : 0);
  return t->hash;
}

/* The class of a byte in a word's shape: X upper, x lower, d digit, u
 * any byte of a multibyte character, else the byte itself. */
static const unsigned char shape_class[256] = {
#define R16(b) b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, b + 8, b + 9, b + 10, b + 11, \
               b + 12, b + 13, b + 14, b + 15
    R16(0), R16(16), R16(32),
    'd', 'd', 'd', 'd', 'd', 'd', 'd', 'd', 'd', 'd', 58, 59, 60, 61, 62, 63, 64,
    'X', 'X', 'X', 'X', 'X', 'X', 'X', 'X', 'X', 'X', 'X', 'X', 'X',
    'X', 'X', 'X', 'X', 'X', 'X', 'X', 'X', 'X', 'X', 'X', 'X', 'X', 91, 92, 93, 94, 95, 96,
    'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x',
    'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 123, 124, 125, 126, 127,
#define U16 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u'
    U16, U16, U16, U16, U16, U16, U16, U16
#undef U16
#undef R16
};

static uint32_t shape_calc(const sw_doc *d, int64_t i) {
  if (i < 0 || i >= (int64_t)d->tok.n)
    return 1;
  const sw_token *t = tk(d, (uint32_t)i);
  uint32_t h = t->kind;
  /* the common words: their shape is known from the tokenizer */
  switch (t->shape) {
  case SH_LOWER: return h * 31 + 'x';
  case SH_UPPER: return h * 31 + 'X';
  case SH_CAPITAL: return (h * 31 + 'X') * 31 + 'x';
  }
  unsigned char last = 0;
  int n = 0;
  for (uint32_t k = t->start; k < t->end && n < 5; k++) {
    unsigned char c = shape_class[(unsigned char)d->text[k]];
    if (c != last) {
      h = h * 31 + (uint32_t)(signed char)c;
      last = c;
      n++;
    }
  }
  return h;
}

static uint32_t lexf_calc(const sw_lexicon *lx, const sw_doc *d, int64_t i) {
  if (i < 0 || i >= (int64_t)d->tok.n)
    return 0;
  const sw_token *t = tk(d, (uint32_t)i);
  if (t->lex != SW_NONE)
    return 1 + sw_lexicon_class(lx, t->lex) * 4 + (t->lexlen > 1);
  /* inside a multiword entry that started earlier */
  for (int64_t k = i - 1; k >= 0 && i - k < 5; k--) {
    const sw_token *p = tk(d, (uint32_t)k);
    if (p->lex != SW_NONE && k + p->lexlen > i)
      return 500 + sw_lexicon_class(lx, p->lex);
  }
  return 0;
}

void sw_cue_distances(const sw_doc *d, const sw_sent *s, int *dist) {
  /* two passes: nearest lexicon entry on the left, then on the right */
  int64_t last = -1;
  for (uint32_t j = s->t0; j < s->t1; j++) {
    dist[j - s->t0] = last < 0 ? 99 : (int)(last - (int64_t)j);
    if (tk(d, j)->lex != SW_NONE)
      last = j;
  }
  last = -1;
  for (uint32_t j = s->t1; j-- > s->t0;) {
    if (last >= 0) {
      int dd = (int)(last - (int64_t)j);
      if (dist[j - s->t0] == 99 || dd < -dist[j - s->t0])
        dist[j - s->t0] = dd;
    }
    if (tk(d, j)->lex != SW_NONE)
      last = j;
  }
}

/* A crude stem: the word without -s, -es, -ed, -d, -ing, so that the
 * forms of a verb outside the lexicon share weights. */
static uint32_t stem_calc(const sw_doc *d, int64_t i) {
  if (i < 0 || i >= (int64_t)d->tok.n)
    return 2;
  const sw_token *t = tk(d, (uint32_t)i);
  const char *w = d->text + t->start;
  size_t n = t->end - t->start;
  if (n > 5 && !memcmp(w + n - 3, "ing", 3))
    n -= 3;
  else if (n > 4 && !memcmp(w + n - 2, "ed", 2))
    n -= 2;
  else if (n > 4 && !memcmp(w + n - 3, "ies", 3))
    n -= 3;
  else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's')
    n -= 1;
  if (n > 3 && w[n - 1] == 'e')
    n -= 1;
  /* the token's hash is FNV-1a, whose steps can be undone: take the
   * dropped letters back off instead of hashing the stem again */
  uint32_t h = t->hash;
  for (size_t k = t->end - t->start; k > n; k--) {
    unsigned char c = (unsigned char)w[k - 1];
    h = (h * 0x359C449Bu) ^ sw_lower[c]; /* 16777619^-1 mod 2^32 */
  }
  return h;
}


/* Per-token properties, computed once per document by sw_feat_prepare()
 * because every token is looked at from several positions and windows.
 * The array has PAD sentinel entries before the first token and after the
 * last, so that the templates read their neighbours without bounds
 * checks. */
#define PAD 3
static const sw_tokfeat *tf(const sw_doc *d, int64_t i) {
  return (const sw_tokfeat *)d->tf.v + PAD + i;
}
static uint32_t word(const sw_doc *d, int64_t i) {
  if (i < 0)
    return 0x51A27u;
  if (i >= (int64_t)d->tok.n)
    return 0xE0D5u;
  return tf(d, i)->word;
}

sw_status sw_feat_prepare(const sw_lexicon *lx, sw_doc *d) {
  d->tf.n = 0;
  if (!sw_vec_reserve(&d->tf, sizeof(sw_tokfeat), (size_t)d->tok.n + 2 * PAD))
    return SW_ERR_NOMEM;
  sw_tokfeat *p = (sw_tokfeat *)d->tf.v + PAD;
  const sw_tokfeat end = {.word = 0, .shape = 1, .stem = 2, .qm = 9};
  for (int k = 1; k <= PAD; k++)
    p[-k] = end, p[d->tok.n + (uint32_t)k - 1] = end;
  uint32_t covered = 0; /* end of the furthest-reaching lexicon entry so far */
  for (uint32_t i = 0; i < d->tok.n; i++) {
    const sw_token *t = tk(d, i);
    p[i].word = word_calc(d, i);
    p[i].shape = shape_calc(d, i);
    p[i].stem = stem_calc(d, i);
    p[i].lex = t->lex != SW_NONE || covered > i ? lexf_calc(lx, d, i) : 0;
    if (t->lex != SW_NONE && i + t->lexlen > covered)
      covered = i + t->lexlen;
    p[i].suf2 = t->end - t->start >= 2 ? sw_hash_lower(d->text + t->end - 2, 2) : 0;
    uint32_t n = t->end - t->start;
    p[i].who = n <= 4 && sw_is_pronoun(d->text + t->start, n) ? 1 : (t->flags & TF_CAP) ? 2 : 3;
    char c = d->text[t->start];
    p[i].mark = t->end - t->start != 1 ? MARK_NONE
                : c == ',' ? MARK_COMMA : c == ';' ? MARK_SEMI : c == ':' ? MARK_COLON : MARK_NONE;
    p[i].qm = t->qm;
    p[i].inq = t->inq;
  }
  d->tf.n = d->tok.n + 2 * PAD;
  return SW_OK;
}

/* A sentence's view of its tokens and their neighbours.  The templates
 * look at words within their sentence: beyond it a word is a boundary
 * sentinel, with no pronoun and no clause mark, while shape, lexicon
 * class, stem and quote mark go on into the neighbouring sentences and
 * stop only at the ends of the document.  The PAD entries on each side
 * of the sentence are overwritten for it and restored after. */
static void bound(sw_tokfeat *f, uint32_t w) {
  f->word = w;
  f->who = 0;
  f->mark = MARK_NONE;
}

sw_status sw_feat_sentence(const sw_lexicon *lx, sw_doc *d, const sw_sent *s, const int *dist,
                           uint32_t *keys, uint32_t *nks) {
  (void)lx;
  uint32_t len = s->t1 - s->t0;
  sw_tokfeat *P = (sw_tokfeat *)d->tf.v + s->t0; /* PAD entries before the sentence */
  sw_tokfeat saved[2 * PAD];
  memcpy(saved, P, PAD * sizeof *P);
  memcpy(saved + PAD, P + PAD + len, PAD * sizeof *P);
  for (int k = 0; k < PAD; k++)
    bound(&P[k], 0x5u), bound(&P[PAD + len + (uint32_t)k], 0x6u);
  for (uint32_t i = 0; i < len; i++) {
    const sw_tokfeat *F = P + PAD + i;
    uint32_t *k = keys + (size_t)i * SW_MAX_FEAT;
    uint32_t n = 0;
    uint32_t w0 = F[0].word;
    k[n++] = K(F_WM1, F[-1].word);
    k[n++] = K(F_WP1, F[1].word);
    k[n++] = K(F_WM2, F[-2].word);
    k[n++] = K(F_SHAPE3, sw_mix(sw_mix(F[-1].shape, F[0].shape), F[1].shape));
    k[n++] = K(F_LEXM1W0, sw_mix(F[-1].lex, w0));
    /* the token's quote mark and depth, the distance to the nearest
     * lexicon word and the token's own lexicon class, as one conjunction
     * (three templates once: one lookup, and better cross-validated) */
    int dd = dist[i];
    int bk = dd == 99 ? 99 : dd < -6 ? -7 : dd > 6 ? 7 : dd;
    k[n++] = K(F_QUOTE, sw_mix((F[0].inq * 16 + F[0].qm) * 256 + (uint32_t)(bk + 100), F[0].lex));
    uint32_t st0 = F[0].stem;
    k[n++] = K(F_STEM, st0);
    k[n++] = K(F_STEMLEXP1, sw_mix(st0, F[1].lex));
    /* who comes before: nothing (sentence start), a pronoun, a capitalised
     * word or another word; with the word's last two letters */
    k[n++] = K(F_SUBJSUF, sw_mix(F[-1].who, F[0].suf2));
    k[n++] = K(F_WM3, F[-3].word);
    k[n++] = K(F_STEMM1, sw_mix(F[-1].stem, st0));
    nks[i] = n;
  }
  memcpy(P, saved, PAD * sizeof *P);
  memcpy(P + PAD + len, saved + PAD, PAD * sizeof *P);
  return SW_OK;
}

void sw_cue_window(const sw_doc *d, uint32_t c0, uint32_t c1, sw_cuectx *cx) {
  const sw_token *t = tk(d, c0);
  uint32_t si = t->sent;
  const sw_sent *s = &VEC_AT(d->sent, sw_sent, si);
  cx->c0 = c0;
  cx->c1 = c1;
  cx->cue_sent = si;
  cx->w0 = s->t0;
  cx->w1 = s->t1;
  /* a neighbouring sentence of the same paragraph may hold the content
   * when a quotation runs across the boundary, or when the cue stands at
   * the edge of its sentence ("He added: …", "…. That is what he said.") */
  if (si > 0) {
    const sw_sent *p = s - 1;
    bool quoted = tk(d, s->t0)->quote != SW_NONE && tk(d, s->t0)->quote == tk(d, p->t1 - 1)->quote;
    if (p->para == s->para && p->t1 - p->t0 < 80 && (quoted || c0 - s->t0 <= 3))
      cx->w0 = p->t0;
  }
  if (si + 1 < d->sent.n) {
    const sw_sent *nx = s + 1;
    bool quoted = tk(d, s->t1 - 1)->quote != SW_NONE && tk(d, s->t1 - 1)->quote == tk(d, nx->t0)->quote;
    if (nx->para == s->para && nx->t1 - nx->t0 < 80 && (quoted || s->t1 - c1 <= 3))
      cx->w1 = nx->t1;
  }
  /* very long sentences: keep the window bounded */
  if (c0 > cx->w0 + 120)
    cx->w0 = c0 - 120;
  if (cx->w1 > c1 + 120)
    cx->w1 = c1 + 120;
  /* the head word: the last word of the cue that is in the lexicon,
   * else its last word */
  uint32_t head = c1 - 1;
  for (uint32_t j = c0; j < c1; j++)
    if (tk(d, j)->lex != SW_NONE)
      head = j;
  cx->head = head;
  cx->cue_word = tk(d, head)->hash;
  cx->cue_next = c1 < d->tok.n && tk(d, c1)->sent == si ? word(d, c1) : 0x3u;
  cx->cue_prev = c0 > 0 && tk(d, c0 - 1)->sent == si ? word(d, (int64_t)c0 - 1) : 0x4u;
  cx->cue_cls = tk(d, head)->lex;
}

/* Distance buckets: 0-4 exact, then 5-7, 8-12, 13-20 and beyond, signed. */
static int bucket(int64_t dist) {
  static const int8_t near[21] = {0, 1, 2, 3, 4, 5, 5, 5, 6, 6, 6, 6, 6, 7, 7, 7, 7, 7, 7, 7, 7};
  int64_t a = dist < 0 ? -dist : dist;
  int b = a <= 20 ? near[a] : 8;
  return dist < 0 ? -b : b;
}

/* What a rare cue shares with common ones: its lexicon class (speech
 * verb, other verb, nominal, or none), the form of its head word (-ing,
 * -ed, -s or other) and whether it is one word. */
static uint32_t cue_form(const sw_lexicon *lx, const sw_doc *d, const sw_cuectx *cx) {
  const sw_token *h = tk(d, cx->head);
  uint32_t cls = h->lex != SW_NONE ? 1 + sw_lexicon_class(lx, h->lex) : 0;
  const char *w = d->text + h->start;
  size_t n = h->end - h->start;
  uint32_t f = n > 4 && !memcmp(w + n - 3, "ing", 3) ? 1
             : n > 3 && !memcmp(w + n - 2, "ed", 2)  ? 2
             : n > 3 && w[n - 1] == 's'              ? 3
                                                     : 0;
  return cls * 16 + f * 2 + (cx->c1 - cx->c0 > 1);
}

void sw_feat_relative(const sw_lexicon *lx, const sw_doc *d, const sw_cuectx *cx, uint32_t *keys,
                      uint8_t *nk) {
  const sw_token *ct = tk(d, cx->c0);
  uint32_t cue_inq = ct->inq;
  uint32_t form = cue_form(lx, d, cx);
  /* walk out from the cue on each side, counting what lies between */
  for (int side = -1; side <= 1; side += 2) {
    int commas = 0, cues = 0;
    /* the keys of the cue and R alone: R stays the same over runs of
     * tokens away from the cue */
    uint32_t lastR = UINT32_MAX, kpos = 0, knext = 0, kprev = 0, kform = 0;
    uint32_t lastS = UINT32_MAX, scue = 0; /* and of the cue and S */
    int64_t start = side < 0 ? (int64_t)cx->c0 - 1 : (int64_t)cx->c1;
    for (int64_t i = start; i >= (int64_t)cx->w0 && i < (int64_t)cx->w1; i += side) {
      const sw_token *t = tk(d, (uint32_t)i);
      uint32_t *k = keys + (size_t)(i - cx->w0) * SW_MAX_RFEAT;
      uint32_t n = 0;
      int64_t dist = side < 0 ? i - (int64_t)cx->c0 : i - (int64_t)cx->c1 + 1;
      int so = (int)t->sent - (int)cx->cue_sent;
      uint32_t S = (uint32_t)((side + 1) * 4 + so + 1);
      uint32_t R = (uint32_t)(bucket(dist) + 16) * 4 + (uint32_t)(so + 1);
      uint32_t w0 = t->kind == TK_NUM ? 0x4E11u : t->hash;
      if (R != lastR) {
        lastR = R;
        kpos = K(R_POSCUE, sw_mix(R, cx->cue_word));
        knext = K(R_CUENEXT, sw_mix(R, cx->cue_next));
        kprev = K(R_CUEPREV, sw_mix(R, cx->cue_prev));
        kform = K(R_POSFORM, sw_mix(R, form));
      }
      k[n++] = kpos;
      /* what lies between the token and the cue, and where the token sits:
       * the side and sentence (S), the token's and the cue's quotation
       * depth and whether they share a quotation, the distance to the
       * token's sentence edge, the clause marks and lexicon words passed
       * on the way, and whether the token is one; four templates once,
       * now one conjunction */
      {
        const sw_sent *ts = &VEC_AT(d->sent, sw_sent, t->sent);
        int64_t edge = side < 0 ? i - (int64_t)ts->t0 : (int64_t)ts->t1 - 1 - i;
        uint32_t where = (S * 64 + t->inq * 8 + cue_inq * 2 + (t->quote == ct->quote)) * 32 +
                         (uint32_t)(bucket(edge) + 10);
        uint32_t between = (uint32_t)(commas > 3 ? 3 : commas) * 8 +
                           (uint32_t)(cues > 2 ? 2 : cues) * 2 + (t->lex != SW_NONE);
        k[n++] = K(R_QUOTES, sw_mix(where, between));
      }
      if (S != lastS)
        lastS = S, scue = sw_mix(S, cx->cue_word);
      k[n++] = K(R_CUEW, sw_mix(scue, w0));
      k[n++] = knext;
      /* the token's shape and whether it is a pronoun, a capitalised word
       * or neither, at its distance from the cue */
      const sw_tokfeat *f = tf(d, i); /* i is inside the document */
      k[n++] = K(R_POSSHAPE, sw_mix(sw_mix(R, f->shape), f->who));
      /* the word before the cue (a subject, a comma, a closing mark) */
      k[n++] = kprev;
      k[n++] = kform;
      nk[i - cx->w0] = (uint8_t)n;
      if (t->lex != SW_NONE)
        cues++;
      uint8_t mk = f->mark;
      if (mk == MARK_COMMA || mk == MARK_SEMI || mk == MARK_COLON)
        commas++;
    }
  }
  for (uint32_t i = cx->c0; i < cx->c1; i++)
    nk[i - cx->w0] = 0;
}
