/* Stage 3b: the furniture of crawled plain text.  A copied article often
 * reads: headline, byline ("By Name | April 13, 2017 | 4:23am EDT"),
 * photo caption, dateline ("RIVERTON (Wire) – "), body, and then site
 * furniture ("Related:", "Share this", newsletter prompts).  Bylines, date
 * lines, captions and furniture are boilerplate: no attribution is taken
 * from them.  The byline's author and date are kept for the record. */
#include "internal.h"
#include <stdio.h>
#include <strings.h>

static const sw_token *T(const sw_doc *d, uint32_t i) { return &VEC_AT(d->tok, sw_token, i); }

static bool starts(const sw_doc *d, uint32_t t0, uint32_t t1, const char *w) {
  size_t n = strlen(w);
  const sw_token *t = T(d, t0);
  /* the first letter first: most paragraphs start with none of the words */
  return t1 > t0 && d->len - t->start >= n &&
         sw_lower[(unsigned char)d->text[t->start]] == (unsigned char)w[0] &&
         !strncasecmp(d->text + t->start, w, n);
}

static bool has(const sw_doc *d, uint32_t t0, uint32_t t1, const char *w) {
  size_t n = strlen(w);
  uint32_t s = T(d, t0)->start, e = T(d, t1 - 1)->end;
  char c0 = (char)(w[0] | 32), C0 = (char)(w[0] & ~32);
  for (uint32_t i = s; i + n <= e; i++)
    if ((d->text[i] == c0 || d->text[i] == C0) && !strncasecmp(d->text + i, w, n))
      return true;
  return false;
}

static int month_word(const sw_doc *d, const sw_token *t) {
  static const char *const m[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  if (t->kind != TK_WORD || t->end - t->start < 3 || !(t->flags & TF_CAP))
    return 0;
  for (int i = 0; i < 12; i++)
    if (!strncasecmp(d->text + t->start, m[i], 3))
      return i + 1;
  return 0;
}

/* Does the paragraph hold a date ("April 13, 2017", "2017-04-13")? */
static bool has_date(const sw_doc *d, uint32_t t0, uint32_t t1, char *iso, size_t n) {
  for (uint32_t i = t0; i < t1; i++) {
    const sw_token *t = T(d, i);
    if (month_word(d, t) && i + 1 < t1 && T(d, i + 1)->kind == TK_NUM) {
      char buf[64];
      uint32_t e = i + 4 < t1 ? i + 4 : t1;
      snprintf(buf, sizeof buf, "%.*s", (int)(T(d, e - 1)->end - t->start), d->text + t->start);
      sw_iso_date(buf, iso, n);
      return iso[0] >= '1' && iso[0] <= '2' && iso[4] == '-';
    }
    if (t->kind == TK_NUM && t->end - t->start == 4 && i + 4 < t1 && tok_is(d, T(d, i + 1), "-")) {
      char buf[64];
      snprintf(buf, sizeof buf, "%.*s", (int)(T(d, i + 4)->end - t->start), d->text + t->start);
      sw_iso_date(buf, iso, n);
      return iso[0] >= '1' && iso[0] <= '2' && iso[4] == '-';
    }
  }
  return false;
}

static const char *const furniture[] = {
    "related:", "related stories", "related coverage", "share this", "share on", "sign up",
    "subscribe", "newsletter", "follow us", "read more", "click here", "advertisement",
    "all rights reserved", "copyright", "\xC2\xA9", "more from", "recommended", "you may also",
    "get the latest", "download our app", "store:", "shop now", "comments", "this article was",
    "report a correction", "tags:", NULL};

static bool is_furniture(const sw_doc *d, uint32_t t0, uint32_t t1) {
  if (t1 - t0 > 40)
    return false;
  for (int i = 0; furniture[i]; i++)
    if (starts(d, t0, t1, furniture[i]) || (t1 - t0 < 16 && has(d, t0, t1, furniture[i])))
      return true;
  return false;
}

/* Does one of the paragraph's tokens begin any of the phrases in list?
 * The first letter picks the phrases worth comparing. */
static bool has_any(const sw_doc *d, uint32_t t0, uint32_t t1, const char *const *list) {
  uint32_t e = T(d, t1 - 1)->end;
  uint64_t firsts[4] = {0};
  for (int k = 0; list[k]; k++) {
    unsigned char f = (unsigned char)list[k][0];
    firsts[f >> 6] |= 1ull << (f & 63);
  }
  for (uint32_t i = t0; i < t1; i++) {
    uint32_t s = T(d, i)->start;
    char c = d->text[s];
    c = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    if (!(firsts[(unsigned char)c >> 6] >> (c & 63) & 1))
      continue;
    for (int k = 0; list[k]; k++) {
      /* the first two letters before the whole phrase */
      if (list[k][0] != c || (s + 1 < e && sw_lower[(unsigned char)d->text[s + 1]] !=
                                               (unsigned char)list[k][1]))
        continue;
      size_t n = strlen(list[k]);
      if (s + n <= e && !strncasecmp(d->text + s, list[k], n))
        return true;
    }
  }
  return false;
}

static const char *const caption_marks[] = {"(photo:", "(photo by", "getty images", "ap photo",
                                            "photo credit", "reuters/", "/reuters", "(afp",
                                            "photograph:", NULL};

static bool is_caption(const sw_doc *d, uint32_t t0, uint32_t t1) {
  if (t1 - t0 > 60)
    return false;
  return starts(d, t0, t1, "photo:") || starts(d, t0, t1, "(photo") ||
         starts(d, t0, t1, "image:") || starts(d, t0, t1, "file photo") ||
         has_any(d, t0, t1, caption_marks);
}

static void mark(sw_doc *d, uint32_t t0, uint32_t t1) {
  for (uint32_t i = t0; i < t1; i++)
    VEC_AT(d->tok, sw_token, i).flags |= TF_BOILER;
}

void sw_find_boilerplate(sw_doc *d) {
  uint32_t np = d->para_start.n;
  d->byline_author[0] = d->byline_date[0] = d->headline[0] = 0;
  /* the headline: a short first paragraph with no final stop */
  if (np) {
    uint32_t t0 = VEC_AT(d->para_start, uint32_t, 0);
    uint32_t t1 = np > 1 ? VEC_AT(d->para_start, uint32_t, 1) : d->tok.n;
    const sw_token *last = t1 > t0 ? T(d, t1 - 1) : NULL;
    if (last && np > 1 && t1 - t0 <= 25 && !tok_is(d, last, ".") && !starts(d, t0, t1, "by "))
      snprintf(d->headline, sizeof d->headline, "%.*s", (int)(last->end - T(d, t0)->start),
               d->text + T(d, t0)->start);
  }
  for (uint32_t p = 0; p < np; p++) {
    uint32_t t0 = VEC_AT(d->para_start, uint32_t, p);
    uint32_t t1 = p + 1 < np ? VEC_AT(d->para_start, uint32_t, p + 1) : d->tok.n;
    if (t1 <= t0)
      continue;
    bool head = p < 6;
    char iso[32];
    /* the byline, near the top: "By Name | date | time" */
    if (head && t1 - t0 <= 30 && starts(d, t0, t1, "by ") && t0 + 1 < t1 &&
        (T(d, t0 + 1)->flags & TF_CAP)) {
      mark(d, t0, t1);
      uint32_t e = t0 + 1;
      while (e < t1 && ((T(d, e)->flags & TF_CAP) || tok_is(d, T(d, e), "and") ||
                        T(d, e)->kind == TK_WORD) &&
             !month_word(d, T(d, e)) && !tok_is(d, T(d, e), "|") && T(d, e)->kind != TK_NUM &&
             e - t0 < 8)
        e++;
      if (e > t0 + 1)
        snprintf(d->byline_author, sizeof d->byline_author, "%.*s",
                 (int)(T(d, e - 1)->end - T(d, t0 + 1)->start), d->text + T(d, t0 + 1)->start);
      if (has_date(d, t0, t1, iso, sizeof iso) && !d->byline_date[0])
        snprintf(d->byline_date, sizeof d->byline_date, "%s", iso);
      continue;
    }
    /* a line that is a date and little else */
    if (head && t1 - t0 <= 12 && has_date(d, t0, t1, iso, sizeof iso)) {
      mark(d, t0, t1);
      if (!d->byline_date[0])
        snprintf(d->byline_date, sizeof d->byline_date, "%s", iso);
      continue;
    }
    if (is_caption(d, t0, t1)) {
      mark(d, t0, t1);
      continue;
    }
    /* a dateline opening the body: upper-case place, perhaps its state
     * or province ("WINNIPEG, Manitoba", "SALEM, Ore."), an agency in
     * brackets, then a dash */
    uint32_t i = t0;
    while (i < t1 && i - t0 < 5 && (T(d, i)->flags & TF_ALLCAP))
      i++;
    if (i > t0 && i + 1 < t1 && tok_is(d, T(d, i), ",") && (T(d, i + 1)->flags & TF_CAP)) {
      uint32_t k = i + 1;
      while (k < t1 && k - i <= 3 && T(d, k)->kind == TK_WORD && (T(d, k)->flags & TF_CAP))
        k++;
      i = k;
    }
    if (i > t0 && i < t1 && tok_is(d, T(d, i), "(")) {
      while (i < t1 && !tok_is(d, T(d, i), ")") && i - t0 < 12)
        i++;
      i++;
    }
    if (i > t0 && i < t1 && T(d, i)->kind != TK_WORD &&
        (tok_is(d, T(d, i), "-") || tok_is(d, T(d, i), "--") ||
         (T(d, i)->end - T(d, i)->start == 3 && (unsigned char)d->text[T(d, i)->start] == 0xE2)))
      mark(d, t0, i + 1);
  }
  /* furniture: from the end backwards, while paragraphs look like it */
  for (uint32_t p = np; p-- > 0;) {
    uint32_t t0 = VEC_AT(d->para_start, uint32_t, p);
    uint32_t t1 = p + 1 < np ? VEC_AT(d->para_start, uint32_t, p + 1) : d->tok.n;
    if (t1 <= t0)
      continue;
    if (!is_furniture(d, t0, t1))
      break;
    mark(d, t0, t1);
  }
}

void sw_drop_boilerplate(sw_doc *d) {
  uint32_t k = 0;
  for (uint32_t i = 0; i < d->att.n; i++) {
    sw_att *a = &VEC_AT(d->att, sw_att, i);
    bool boiler = a->cue[1] > a->cue[0] ? (T(d, a->cue[0])->flags & TF_BOILER) != 0
                                        : a->ncon && (T(d, a->con[0][0])->flags & TF_BOILER);
    if (boiler)
      continue;
    VEC_AT(d->att, sw_att, k++) = *a;
  }
  d->att.n = k;
}

void sw_trim_boilerplate(const sw_doc *d, sw_att *a) {
  for (uint32_t c = 0; c < a->ncon; c++)
    while (a->con[c][0] + 1 < a->con[c][1] && (T(d, a->con[c][0])->flags & TF_BOILER))
      a->con[c][0]++;
  while (a->src[0] < a->src[1] && (T(d, a->src[0])->flags & TF_BOILER))
    a->src[0]++;
}
