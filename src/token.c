/* Stage 2: tokens with byte offsets.
 *
 * One pass over the bytes.  Words keep hyphens, internal periods of
 * acronyms (U.S., Ph.D.) and the period of known abbreviations (Sen., Jr.);
 * clitics ('s n't 're 've 'll 'd 'm, with ' or ’) are split off as in the
 * Penn Treebank, so "Putin’s" gives "Putin" "’s".  Quotation marks are
 * tokens of their own with a provisional role; quote.c decides. */
#include "internal.h"

static bool has_prefix(const char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  if (n < k)
    return false;
  for (size_t i = 0; i < k; i++) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z')
      c = (char)(c + 32);
    if (c != p[i])
      return false;
  }
  return true;
}

static int32_t peek(const sw_doc *d, size_t i, int *len) {
  if (i >= d->len) {
    *len = 0;
    return -1;
  }
  int32_t cp;
  bool bad = false;
  *len = sw_utf8_next((const unsigned char *)d->text + i, d->len - i, &cp, &bad);
  return cp;
}

static inline bool is_apos(int32_t cp) { return cp == '\'' || cp == 0x2019; }
static inline bool is_wordch(int32_t cp) {
  return sw_is_letter_cp(cp) || sw_is_digit_cp(cp);
}

/* Length in bytes of a clitic starting at apostrophe position i, when the
 * apostrophe is followed by s, re, ve, ll, d, m, t and then a non-letter. */
static size_t clitic_len(const sw_doc *d, size_t i, int alen) {
  size_t j = i + (size_t)alen;
  size_t k = j;
  while (k < d->len && k - j < 3 && ((d->text[k] | 32) >= 'a' && (d->text[k] | 32) <= 'z'))
    k++;
  int l;
  int32_t after = peek(d, k, &l);
  if (after >= 0 && sw_is_letter_cp(after))
    return 0;
  size_t n = k - j;
  const char *w = d->text + j;
  if ((n == 1 && ((w[0] | 32) == 's' || (w[0] | 32) == 'd' || (w[0] | 32) == 'm' ||
                  (w[0] | 32) == 't')) ||
      (n == 2 && (has_prefix(w, 2, "re") || has_prefix(w, 2, "ve") || has_prefix(w, 2, "ll"))))
    return k - i;
  return 0;
}

static bool is_quote_cp(int32_t cp, uint8_t *qm) {
  switch (cp) {
  case 0x201C: case 0x201E: case 0x00AB: case 0x201F: *qm = QM_OPEN_D; return true;
  case 0x201D: case 0x00BB: *qm = QM_CLOSE_D; return true;
  case '"': case 0xFF02: *qm = QM_AMBIG_D; return true;
  case 0x2018: case 0x201A: case 0x2039: case 0x201B: *qm = QM_OPEN_S; return true;
  case 0x2019: case 0x203A: *qm = QM_CLOSE_S; return true;
  case '\'': case '`': *qm = QM_AMBIG_S; return true;
  }
  return false;
}

static sw_status push(sw_doc *d, uint32_t s, uint32_t e, uint8_t kind, uint16_t flags,
                      uint8_t qm, uint8_t shape) {
  if (d->tok.n == d->tok.cap && !sw_vec_reserve(&d->tok, sizeof(sw_token), (size_t)d->tok.n + 1))
    return SW_ERR_NOMEM;
  sw_token *t = &VEC_AT(d->tok, sw_token, d->tok.n++);
  t->sent = 0;
  t->lexlen = 0;
  t->inq = 0;
  t->start = s;
  t->end = e;
  t->kind = kind;
  t->flags = flags;
  t->qm = qm;
  t->quote = SW_NONE;
  t->lex = SW_NONE;
  t->shape = shape;
  t->hash = sw_hash_lower(d->text + s, e - s);
  if (kind == TK_WORD || kind == TK_URL) {
    unsigned char c0 = (unsigned char)d->text[s];
    if (c0 < 0x80) {
      /* ASCII: no decoding */
      if (c0 >= 'A' && c0 <= 'Z') {
        t->flags |= TF_CAP;
        int letters = 0, upper = 0;
        bool ascii = true;
        for (uint32_t i = s; i < e; i++) {
          unsigned char c = (unsigned char)d->text[i];
          ascii &= c < 0x80;
          letters += (c | 32) >= 'a' && (c | 32) <= 'z';
          upper += c >= 'A' && c <= 'Z';
        }
        if (ascii && letters >= 2 && letters == upper)
          t->flags |= TF_ALLCAP;
        if (ascii && letters == (int)(e - s))
          t->shape = letters == upper ? SH_UPPER : upper == 1 ? SH_CAPITAL : SH_UNKNOWN;
        if (ascii)
          return SW_OK;
        t->flags &= (uint16_t)~TF_CAP;
      } else {
        return SW_OK;
      }
    }
    int l;
    int32_t cp = peek(d, s, &l);
    if (sw_is_upper_cp(cp)) {
      t->flags |= TF_CAP;
      int letters = 0, upper = 0;
      for (size_t i = s; i < e; i += (size_t)l) {
        cp = peek(d, i, &l);
        if (sw_is_letter_cp(cp)) {
          letters++;
          upper += sw_is_upper_cp(cp);
        }
      }
      if (letters >= 2 && letters == upper)
        t->flags |= TF_ALLCAP;
    }
  }
  return SW_OK;
}

/* Bytes in words: 1 letter, 2 digit, 4 '&' (inside a word only; a word
 * never starts with it, the caller sees to that); 8 marks what may
 * continue a word or make it an abbreviation, 16 an upper-case letter.  0
 * for every other byte, those of multibyte characters included. */
static const uint8_t word_byte[256] = {
    ['&'] = 4 | 8, ['-'] = 8, ['.'] = 8, [','] = 8, [':'] = 8, ['\''] = 8, ['/'] = 8,
    ['0'] = 2, ['1'] = 2, ['2'] = 2, ['3'] = 2, ['4'] = 2, ['5'] = 2, ['6'] = 2, ['7'] = 2,
    ['8'] = 2, ['9'] = 2,
#define L1(c) [c] = 1 | 16, [c + 32] = 1
    L1('A'), L1('B'), L1('C'), L1('D'), L1('E'), L1('F'), L1('G'), L1('H'), L1('I'),
    L1('J'), L1('K'), L1('L'), L1('M'), L1('N'), L1('O'), L1('P'), L1('Q'), L1('R'),
    L1('S'), L1('T'), L1('U'), L1('V'), L1('W'), L1('X'), L1('Y'), L1('Z'),
#undef L1
};

/* Scans a word starting at i; returns its end and sets flags, and the
 * shape when the word is ASCII lower-case letters (SH_LOWER). */
static inline __attribute__((always_inline)) size_t scan_word(const sw_doc *d, size_t i, uint16_t *fl,
                                                            uint8_t *shape) {
  size_t s = i;
  int l;
  bool digits_only = true, first = true;
  for (;; first = false) {
    /* ASCII letters, digits and '&' first, without decoding */
    uint8_t seen = 0;
    while (i < d->len) {
      uint8_t b = word_byte[(unsigned char)d->text[i]];
      if (!(b & 7))
        break;
      seen |= b;
      i++;
    }
    if (seen & 1)
      digits_only = false;
    /* most words end at a space or a plain punctuation mark */
    if (i < d->len && (unsigned char)d->text[i] < 0x80 && !word_byte[(unsigned char)d->text[i]]) {
      if (first && seen == 1)
        *shape = SH_LOWER;
      return i;
    }
    int32_t cp = peek(d, i, &l);
    while (cp >= 0 && (is_wordch(cp) || (cp == '&' && i > s))) {
      if (!sw_is_digit_cp(cp))
        digits_only = false;
      i += (size_t)l;
      cp = peek(d, i, &l);
    }
    if (cp < 0)
      break;
    int l2;
    int32_t nx = peek(d, i + (size_t)l, &l2);
    if ((cp == '-' || cp == 0x2011) && nx >= 0 && is_wordch(nx)) {
      i += (size_t)l;
      continue;
    }
    if (digits_only && (cp == '.' || cp == ',' || cp == ':' || cp == '/') && nx >= 0 &&
        sw_is_digit_cp(nx)) {
      i += (size_t)l;
      continue;
    }
    if (is_apos(cp) && nx >= 0 && sw_is_letter_cp(nx) && !clitic_len(d, i, l)) {
      i += (size_t)l; /* O'Brien */
      continue;
    }
    break;
  }
  /* acronyms with periods: U.S. Ph.D. a.m. */
  if (i < d->len && d->text[i] == '.' && i - s <= 2 && !digits_only) {
    size_t j = i, last = 0;
    for (;;) {
      size_t k = j + 1, n = 0;
      while (k < d->len && n < 3 && ((d->text[k] | 32) >= 'a' && (d->text[k] | 32) <= 'z'))
        k++, n++;
      if (n >= 1 && n <= 2 && k < d->len && d->text[k] == '.') {
        last = k + 1;
        j = k;
      } else {
        break;
      }
    }
    if (last) {
      *fl |= TF_ABBR;
      return last;
    }
  }
  if (i < d->len && d->text[i] == '.' && !digits_only) {
    /* the last part of a hyphenated word decides: (R-Fla.) */
    size_t ws = s;
    for (size_t k = s; k < i; k++)
      if (d->text[k] == '-')
        ws = k + 1;
    int cl;
    int32_t c0 = peek(d, ws, &cl);
    bool initial = (i - ws == (size_t)cl) && sw_is_upper_cp(c0);
    if (sw_is_title_abbr(d->text + ws, i - ws)) {
      *fl |= TF_ABBR | TF_TITLE;
      return i + 1;
    }
    if (initial || sw_is_abbr(d->text + ws, i - ws)) {
      *fl |= TF_ABBR;
      return i + 1;
    }
  }
  return i;
}

sw_status sw_tokenize(sw_doc *d, bool strict, sw_error *err) {
  size_t i = 0;
  unsigned newlines = 0;
  bool space = false;
  bool blankline = false; /* only white space since the last line break */
  d->tok.n = 0;
  d->bad_utf8 = SW_NONE;
  if (!sw_vec_reserve(&d->tok, sizeof(sw_token), d->len / 5 + 16))
    return SW_ERR_NOMEM;
  while (i < d->len) {
    unsigned char c = (unsigned char)d->text[i];
    int32_t cp;
    int l;
    bool bad = false;
    if (c == ' ') { /* the commonest byte */
      space = true;
      i++;
      continue;
    }
    if (c < 0x80) {
      cp = c;
      l = 1;
    } else {
      l = sw_utf8_next((const unsigned char *)d->text + i, d->len - i, &cp, &bad);
    }
    if (bad || c == 0) {
      if (d->bad_utf8 == SW_NONE)
        d->bad_utf8 = (uint32_t)i;
      if (strict) {
        sw_seterr(err, SW_ERR_INPUT, i,
                  c == 0 ? "NUL byte at byte %zu" : "invalid UTF-8 at byte %zu", i);
        return SW_ERR_INPUT;
      }
      if (c == 0) { /* a NUL separates like a space */
        space = true;
        i++;
        continue;
      }
    }
    if (cp == '\n' || cp == 0x2029 || cp == 0x2028 || cp == 0x85) {
      if (blankline && newlines > 0)
        newlines++;
      newlines++;
      blankline = true;
      space = true;
      i += (size_t)l;
      continue;
    }
    if (!bad && sw_is_space_cp(cp)) {
      space = true;
      i += (size_t)l;
      continue;
    }
    uint16_t fl = 0;
    uint8_t shape = SH_UNKNOWN;
    if (space || d->tok.n == 0)
      fl |= TF_SPACE;
    if (newlines)
      fl |= TF_NL;
    if (newlines >= 2)
      fl |= TF_PARA;
    if (d->tok.n > 0 && space)
      VEC_AT(d->tok, sw_token, d->tok.n - 1).flags |= TF_SPACE_AFTER;
    newlines = 0;
    blankline = false;
    space = false;
    size_t s = i, e;
    uint8_t qm = 0, kind;
    const char *p = d->text + i;
    size_t rest = d->len - i;
    if (((c | 32) == 'h' || (c | 32) == 'w') && (has_prefix(p, rest, "http://") || has_prefix(p, rest, "https://") ||
                     (has_prefix(p, rest, "www.") && rest > 4 && d->text[i + 4] != ' '))) {
      e = i;
      while (e < d->len && !(d->text[e] == ' ' || d->text[e] == '\n' || d->text[e] == '\t' ||
                             d->text[e] == '\r' || d->text[e] == '"' || d->text[e] == '<' ||
                             (unsigned char)d->text[e] >= 0x80))
        e++;
      while (e > s + 4 && strchr(".,;:!?)'", d->text[e - 1]))
        e--;
      kind = TK_URL;
    } else if (is_wordch(cp) && !bad) {
      e = scan_word(d, i, &fl, &shape);
      kind = sw_is_digit_cp(cp) ? TK_NUM : TK_WORD;
      for (size_t k = s; k < e && kind == TK_NUM; k++)
        if (((unsigned char)d->text[k] | 32) >= 'a' && ((unsigned char)d->text[k] | 32) <= 'z')
          kind = TK_WORD;
    } else if (is_apos(cp) && (d->tok.n > 0 && !(fl & TF_SPACE)) && clitic_len(d, i, l)) {
      e = i + clitic_len(d, i, l);
      kind = TK_WORD;
      fl |= TF_CLITIC;
    } else if (is_apos(cp) && i + (size_t)l + 1 < d->len &&
               sw_is_digit_cp((unsigned char)d->text[i + (size_t)l]) &&
               sw_is_digit_cp((unsigned char)d->text[i + (size_t)l + 1])) {
      e = scan_word(d, i + (size_t)l, &fl, &shape); /* ’90s */
      kind = TK_WORD;
    } else if ((cp == '\'' || cp == '`') && i + 1 < d->len && d->text[i + 1] == (char)cp) {
      /* two apostrophes or two backticks: a double mark typed with single
       * ones, as some newspapers' archives and ``TeX'' write them */
      e = i + 2;
      kind = TK_QUOTE;
      qm = cp == '`' ? QM_OPEN_D : QM_AMBIG_D;
    } else if (!bad && is_quote_cp(cp, &qm)) {
      e = i + (size_t)l;
      kind = TK_QUOTE;
    } else if (cp == '.' && i + 2 < d->len && d->text[i + 1] == '.' && d->text[i + 2] == '.') {
      e = i + 3;
      while (e < d->len && (d->text[e] == '.' || d->text[e] == ' ') && e + 1 < d->len &&
             d->text[e + (d->text[e] == ' ')] == '.')
        e += 1;
      kind = TK_PUNCT;
    } else if (cp == '-' && i + 1 < d->len && d->text[i + 1] == '-') {
      e = i + 2;
      while (e < d->len && d->text[e] == '-')
        e++;
      kind = TK_PUNCT;
    } else {
      e = i + (size_t)l;
      kind = (cp < 0x80 && strchr(".,;:!?()[]{}-/", (int)cp)) || cp == 0x2014 ||
                     cp == 0x2013 || cp == 0x2026
                 ? TK_PUNCT
                 : TK_SYM;
    }
    /* a word right before a clitic: "don't" was scanned as "don" + "'t";
     * PTB splits it as "do" + "n't" */
    if (kind == TK_WORD && (fl & TF_CLITIC) && d->tok.n > 0 && e - s >= 2 &&
        (d->text[e - 1] | 32) == 't') {
      sw_token *pv = &VEC_AT(d->tok, sw_token, d->tok.n - 1);
      if (pv->end - pv->start >= 2 && (d->text[pv->end - 1] | 32) == 'n' && pv->end == s) {
        pv->end--;
        pv->hash = sw_hash_lower(d->text + pv->start, pv->end - pv->start);
        if (pv->shape != SH_LOWER)
          pv->shape = SH_UNKNOWN; /* "Dn't": the capital alone is left */
        s--;
      }
    }
    sw_status st = push(d, (uint32_t)s, (uint32_t)e, kind, fl, qm, shape);
    if (st)
      return st;
    i = e;
  }
  return SW_OK;
}
