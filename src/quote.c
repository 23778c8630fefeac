/* Stage 4: quotation regions.
 *
 * Marks are paired within a paragraph.  Curly marks say which way they
 * face; straight ones are decided by the spacing around them and by what
 * is open.  An apostrophe is never a quote: ’ closes a single quote only
 * when one is open, otherwise it is a possessive ("voters’").  A region
 * left open at the end of a paragraph either continues, when the next
 * paragraph reopens with a mark (the news convention for long quotes), or
 * is closed there.  The stack holds at most a double and a single level,
 * so hostile nesting costs linear time. */
#include "internal.h"

static bool space_before(const sw_token *t) { return (t->flags & TF_SPACE) != 0; }
static bool space_after(const sw_token *t) { return (t->flags & TF_SPACE_AFTER) != 0; }

static sw_status open_region(sw_doc *d, uint32_t tok, uint32_t para, uint8_t single,
                             uint32_t *out) {
  sw_qregion *q = sw_vec_push(&d->quote, sizeof *q);
  if (!q)
    return SW_ERR_NOMEM;
  q->open = tok;
  q->close = SW_NONE;
  q->para = para;
  q->speech = single; /* temporarily: 1 marks a single-quote region */
  *out = d->quote.n - 1;
  return SW_OK;
}

/* Nouns for works with titles: the show “The Apprentice” */
static const char *const works[] = {"album", "book", "column", "documentary", "episode", "film",
                                    "memoir", "movie", "musical", "novel", "play", "podcast",
                                    "program", "programme", "series", "show", "song", NULL};

/* A quoted title: a few words in title case right after on, in, of,
 * titled, a possessive or the name of a kind of work, as in: said on
 * CBS’s “Face the Nation,”, wrote in “The Art of the Deal,”, an episode of
 * “The Morning Show” or the reality show “Cake Boss”.  Speech is rarely
 * in title case. */
static bool is_title(const sw_doc *d, const sw_qregion *q) {
  const sw_token *tok = d->tok.v;
  if (!q->closed || q->open == 0 || q->words < 1 || q->words > 8)
    return false;
  static const char *const preps[] = {"on", "in", "of", NULL};
  const sw_token *b = &tok[q->open - 1];
  /* in any case: "On “Harbor Watch Tonight,” the governor said" */
  bool titled = tok_is(d, b, "titled");
  bool lead = sw_tok_in(d, b, preps) || titled || (b->flags & TF_CLITIC) || sw_tok_in(d, b, works);
  /* one word is a title only when named so: titled “Arrogant” */
  if (!lead || (q->words < 2 && !titled))
    return false;
  bool first = true;
  for (uint32_t i = q->open + 1; i < q->close; i++) {
    const sw_token *t = &tok[i];
    if (t->kind != TK_WORD)
      continue;
    bool cap = (t->flags & TF_CAP) != 0;
    if (first && !cap)
      return false;
    first = false;
    if (!cap && t->end - t->start > 3)
      return false; /* only short function words stay lower case */
  }
  return true;
}

/* The last mark in [t0, t1) of each style, straight and curly, that can
 * close a double quotation (no space before it), or SW_NONE: a double
 * quotation of the other style nests inside one only when that one
 * closes after it.  A straight mark opening a paragraph and never closed
 * there is a long quotation's or an excerpt's, and the marks inside it
 * are quotations of their own.  One pass from the end, so that the
 * question costs nothing per mark. */
static void last_closers(const sw_doc *d, uint32_t t0, uint32_t t1, uint32_t last[2]) {
  const sw_token *tok = d->tok.v;
  last[0] = last[1] = SW_NONE;
  for (uint32_t i = t1; i-- > t0 && (last[0] == SW_NONE || last[1] == SW_NONE);) {
    const sw_token *t = &tok[i];
    if (t->kind != TK_QUOTE || space_before(t) || (t->qm != QM_AMBIG_D && t->qm != QM_CLOSE_D))
      continue;
    bool straight = d->text[t->start] == '"';
    if (last[straight] == SW_NONE)
      last[straight] = i;
  }
}

sw_status sw_find_quotes(sw_doc *d) {
  d->quote.n = 0;
  sw_token *tok = d->tok.v;
  uint32_t np = d->para_start.n;
  bool carry = false; /* previous paragraph ended inside a double quote */
  for (uint32_t p = 0; p < np; p++) {
    uint32_t t0 = VEC_AT(d->para_start, uint32_t, p);
    uint32_t t1 = p + 1 < np ? VEC_AT(d->para_start, uint32_t, p + 1) : d->tok.n;
    uint32_t dq = SW_NONE, sq = SW_NONE; /* open regions */
    bool dq_straight = false; /* dq opened with a straight mark */
    bool sq_double = false;   /* sq holds a double quotation nested in dq */
    bool reopened = false;
    uint32_t last[2]; /* last closing-capable mark: [0] curly, [1] straight */
    last_closers(d, t0, t1, last);
    for (uint32_t i = t0; i < t1; i++) {
      sw_token *t = &tok[i];
      if (t->kind != TK_QUOTE)
        continue;
      uint8_t m = t->qm;
      bool sb = space_before(t) || i == t0, sa = space_after(t) || i + 1 == t1;
      if (i > t0 && !sb && tok[i - 1].kind == TK_PUNCT &&
          strchr("([—-", d->text[tok[i - 1].start]))
        sb = true;
      /* a double quotation inside one in the other style: “… "no" …” or
       * "… “Equal Justice Under Law” …"; it nests like a single one */
      bool straight = d->text[t->start] == '"';
      if (dq != SW_NONE && straight != dq_straight && (m == QM_AMBIG_D || m == QM_OPEN_D ||
                                                      m == QM_CLOSE_D)) {
        if (sq_double && !sb) {
          VEC_AT(d->quote, sw_qregion, sq).close = i;
          VEC_AT(d->quote, sw_qregion, sq).closed = 1;
          sq = SW_NONE, sq_double = false;
          t->qm = QM_CLOSE_S;
          continue;
        }
        if (sq == SW_NONE && sb && !sa && m != QM_CLOSE_D && last[dq_straight] != SW_NONE &&
            last[dq_straight] > i) {
          sw_status st = open_region(d, i, p, 1, &sq);
          if (st)
            return st;
          sq_double = true;
          t->qm = QM_OPEN_S;
          continue;
        }
      }
      if (m == QM_AMBIG_D) {
        if (dq != SW_NONE)
          m = (sb && !sa) ? QM_OPEN_D : QM_CLOSE_D;
        else
          m = (!sb && sa) ? QM_CLOSE_D : QM_OPEN_D;
        if (m == QM_OPEN_D && dq != SW_NONE)
          m = QM_CLOSE_D; /* no nesting of straight doubles */
      } else if ((m == QM_AMBIG_S || m == QM_CLOSE_S) && sq_double) {
        m = QM_NONE; /* an apostrophe inside the nested quotation */
      } else if (m == QM_AMBIG_S) {
        if (sq != SW_NONE && !sb)
          m = QM_CLOSE_S;
        else if (sb && !sa && sq == SW_NONE)
          m = QM_OPEN_S;
        else
          m = QM_NONE;
      } else if (m == QM_CLOSE_S) {
        if (sq == SW_NONE) {
          /* ’ with nothing open: a possessive, or a curly opener typed the
           * wrong way round ('’Tis'): only the first reading is common */
          m = (sb && !sa && dq != SW_NONE) ? QM_OPEN_S : QM_NONE;
        }
      } else if (m == QM_OPEN_S && sq != SW_NONE) {
        m = QM_NONE;
      } else if (m == QM_CLOSE_D && dq == SW_NONE && sb && !sa) {
        m = QM_OPEN_D; /* ” with nothing open, before a word: typed the wrong way round */
      } else if (m == QM_OPEN_D && dq != SW_NONE && !sb && sa) {
        m = QM_CLOSE_D; /* “ ending a quotation, after its last word: “Not yet,“ he said */
      }
      if (m == QM_OPEN_D && i == t0 && carry)
        reopened = true;
      t->qm = m;
      sw_status st = SW_OK;
      switch (m) {
      case QM_OPEN_D:
        if (dq != SW_NONE) { /* a second opener: the first was never closed */
          sw_qregion *q = &VEC_AT(d->quote, sw_qregion, dq);
          q->close = i - 1;
          dq = SW_NONE;
          if (sq != SW_NONE) {
            VEC_AT(d->quote, sw_qregion, sq).close = i - 1;
            sq = SW_NONE, sq_double = false;
          }
        }
        st = open_region(d, i, p, 0, &dq);
        dq_straight = straight;
        if (!st && reopened && i == t0)
          VEC_AT(d->quote, sw_qregion, dq).cont = 1;
        break;
      case QM_CLOSE_D:
        if (dq != SW_NONE) {
          sw_qregion *q = &VEC_AT(d->quote, sw_qregion, dq);
          q->close = i;
          q->closed = 1;
          dq = SW_NONE;
          if (sq != SW_NONE && VEC_AT(d->quote, sw_qregion, sq).open > q->open) {
            VEC_AT(d->quote, sw_qregion, sq).close = i - 1;
            sq = SW_NONE, sq_double = false;
          }
        } else {
          t->qm = QM_NONE; /* a stray closer */
        }
        break;
      case QM_OPEN_S:
        st = open_region(d, i, p, 1, &sq);
        break;
      case QM_CLOSE_S: {
        sw_qregion *q = &VEC_AT(d->quote, sw_qregion, sq);
        q->close = i;
        q->closed = 1;
        sq = SW_NONE, sq_double = false;
        break;
      }
      default:
        break;
      }
      if (st)
        return st;
    }
    carry = false;
    if (sq != SW_NONE) {
      sw_qregion *q = &VEC_AT(d->quote, sw_qregion, sq);
      q->close = t1 - 1;
      if (q->open == q->close) { /* a lone mark: not a region */
        tok[q->open].qm = QM_NONE;
        d->quote.n--;
        if (dq != SW_NONE && dq == d->quote.n)
          dq = SW_NONE;
      }
    }
    if (dq != SW_NONE) {
      sw_qregion *q = &VEC_AT(d->quote, sw_qregion, dq);
      q->close = t1 - 1;
      carry = true;
    }
  }
  /* every region ends somewhere: one left without an end closes with its
   * paragraph */
  for (uint32_t k = 0; k < d->quote.n; k++) {
    sw_qregion *q = &VEC_AT(d->quote, sw_qregion, k);
    if (q->close == SW_NONE || q->close >= d->tok.n || q->close < q->open) {
      uint32_t p = q->para;
      uint32_t end = p + 1 < np ? VEC_AT(d->para_start, uint32_t, p + 1) : d->tok.n;
      q->close = end > q->open ? end - 1 : q->open;
    }
  }
  /* single-quote regions nested in a double one are kept for the record
   * but only top-level regions carry speech; count words and mark tokens */
  uint32_t nq = d->quote.n;
  sw_qregion *qs = d->quote.v;
  for (uint32_t k = 0; k < nq; k++) {
    sw_qregion *q = &qs[k];
    bool single = q->speech;
    q->speech = 0;
    uint32_t words = 0;
    bool nested = false;
    for (uint32_t i = q->open + 1; i <= q->close && i < d->tok.n; i++) {
      if (tok[i].kind == TK_WORD || tok[i].kind == TK_NUM)
        words++;
    }
    q->words = words;
    if (single && tok[q->open].quote != SW_NONE)
      nested = true;
    if (nested) {
      q->used = 1; /* never attributed on its own */
      continue;
    }
    for (uint32_t i = q->open; i <= q->close && i < d->tok.n; i++) {
      if (tok[i].quote == SW_NONE) {
        tok[i].quote = k;
        tok[i].inq = 1;
      }
    }
    /* speech rather than a scare quote or a title: long enough, or
     * closed with the punctuation of a sentence inside the marks */
    bool punct_end = false;
    if (q->closed && q->close > q->open + 1) {
      const sw_token *p = &tok[q->close - 1];
      char c = d->text[p->start];
      punct_end = p->kind == TK_PUNCT && (c == ',' || c == '.' || c == '!' || c == '?');
    }
    q->speech = words >= 4 || (words >= 2 && punct_end);
    q->title = is_title(d, q);
    if (q->title)
      q->speech = 0;
  }
  return SW_OK;
}
