/* Stage 3: sentences and paragraphs.
 *
 * A blank line, or a line break that is not a soft wrap, starts a
 * paragraph, so a headline without a final period stands alone.  A
 * sentence ends at . ! ? or an ellipsis, taking any closing quotes and
 * brackets with it, unless the next word is lower case ("Stop!” she said)
 * or the period belongs to a title (Sen.) or an initial.  Other
 * abbreviations (U.S., Inc.) end a sentence only before a word that
 * usually opens one. */
#include "internal.h"

static bool is_char(const sw_doc *d, const sw_token *t, char c) {
  return t->end - t->start == 1 && d->text[t->start] == c;
}

static bool is_terminal(const sw_doc *d, const sw_token *t) {
  if (t->kind != TK_PUNCT)
    return false;
  char c = d->text[t->start];
  if (t->end - t->start == 1)
    return c == '.' || c == '!' || c == '?';
  return c == '.' || (t->end - t->start == 3 && (unsigned char)c == 0xE2 &&
                      (unsigned char)d->text[t->start + 1] == 0x80 &&
                      (unsigned char)d->text[t->start + 2] == 0xA6);
}

static bool is_closer(const sw_doc *d, const sw_token *t) {
  if (t->kind == TK_QUOTE)
    return t->qm == QM_CLOSE_D || t->qm == QM_CLOSE_S ||
           ((t->qm == QM_AMBIG_D || t->qm == QM_AMBIG_S) && !(t->flags & TF_SPACE));
  return is_char(d, t, ')') || is_char(d, t, ']');
}

static bool starts_lower(const sw_doc *d, const sw_token *t) {
  unsigned char c = (unsigned char)d->text[t->start];
  return c >= 'a' && c <= 'z';
}

/* Does token i start a paragraph?  A single line break is a soft wrap
 * when the line goes on in lower case after a line with no final mark. */
static bool para_break(const sw_doc *d, uint32_t i) {
  const sw_token *t = &VEC_AT(d->tok, sw_token, i);
  if (i == 0 || (t->flags & TF_PARA))
    return true;
  if (!(t->flags & TF_NL))
    return false;
  const sw_token *p = t - 1;
  if (starts_lower(d, t) && !is_terminal(d, p) && !is_closer(d, p) && !is_char(d, p, ':'))
    return false;
  return true;
}

sw_status sw_split_sentences(sw_doc *d) {
  d->sent.n = 0;
  d->para_start.n = 0;
  uint32_t n = d->tok.n;
  sw_token *tok = d->tok.v;
  uint32_t start = 0, para = 0;
  for (uint32_t i = 0; i < n; i++) {
    /* only a token after a line break can open a paragraph */
    if ((i == 0 || (tok[i].flags & (TF_PARA | TF_NL))) && para_break(d, i)) {
      if (i > start) {
        sw_sent *s = sw_vec_push(&d->sent, sizeof *s);
        if (!s)
          return SW_ERR_NOMEM;
        s->t0 = start, s->t1 = i, s->para = para;
        start = i;
      }
      uint32_t *ps = sw_vec_push(&d->para_start, sizeof *ps);
      if (!ps)
        return SW_ERR_NOMEM;
      *ps = i;
      para = d->para_start.n - 1;
    }
    const sw_token *t = &tok[i];
    bool end = false;
    uint32_t last = i;
    if (is_terminal(d, t) || (t->flags & TF_ABBR)) {
      while (last + 1 < n && is_closer(d, &tok[last + 1]) && !para_break(d, last + 1))
        last++;
      if (last + 1 >= n) {
        end = true;
      } else {
        const sw_token *nx = &tok[last + 1];
        if (para_break(d, last + 1)) {
          end = false; /* the paragraph break ends it anyway */
        } else if (starts_lower(d, nx) || nx->kind == TK_PUNCT) {
          end = false;
        } else if (t->flags & TF_ABBR) {
          bool initial = t->end - t->start == 2;
          end = !(t->flags & TF_TITLE) && !initial &&
                ((nx->flags & TF_CAP) && sw_is_sentence_starter(d->text + nx->start,
                                                                nx->end - nx->start));
          if (!(t->flags & TF_TITLE) && !initial && nx->kind == TK_QUOTE)
            end = true;
        } else {
          end = !(t->flags & TF_SPACE_AFTER) && nx->kind == TK_WORD ? (nx->flags & TF_CAP) != 0
                                                                    : true;
        }
      }
    }
    if (end) {
      sw_sent *s = sw_vec_push(&d->sent, sizeof *s);
      if (!s)
        return SW_ERR_NOMEM;
      s->t0 = start, s->t1 = last + 1, s->para = para;
      start = last + 1;
      i = last;
    }
  }
  if (start < n) {
    sw_sent *s = sw_vec_push(&d->sent, sizeof *s);
    if (!s)
      return SW_ERR_NOMEM;
    s->t0 = start, s->t1 = n, s->para = para;
  }
  for (uint32_t k = 0; k < d->sent.n; k++) {
    sw_sent *s = &VEC_AT(d->sent, sw_sent, k);
    for (uint32_t j = s->t0; j < s->t1; j++)
      tok[j].sent = k;
  }
  return SW_OK;
}
