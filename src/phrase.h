/* Phrase tables (phrase.c).  Not installed. */
#ifndef SW_PHRASE_H
#define SW_PHRASE_H
#include "internal.h"

#define SW_PHRASE_MAXW 5

typedef struct {
  uint32_t w[SW_PHRASE_MAXW]; /* word hashes */
  uint8_t n;
  uint32_t value; /* the caller's payload */
} sw_phrase;

typedef struct {
  sw_phrase *e;
  uint32_t n, cap;
  uint32_t *slot; /* open addressing on the first word: pairs of (first
                     word hash, entry index + 1), so that a miss, the
                     common case, reads one cache line */
  uint32_t *next; /* entries sharing a first word */
  uint32_t mask;
  uint64_t *filter; /* one bit per first word, 16 bits per entry: most
                       words that start no entry are turned away here */
  uint32_t fshift;
} sw_phrases;

static inline uint32_t sw_phrase_fbit(const sw_phrases *p, uint32_t h) {
  return (h * 0x9E3779B1u) >> p->fshift;
}

bool sw_phrases_add(sw_phrases *p, const uint32_t *w, int n, uint32_t value);
int sw_phrase_words(const char *s, size_t len, uint32_t *w);
/* Indexes the entries; call once after the last add. */
bool sw_phrases_build(sw_phrases *p);
/* Longest entry matching tokens [i, end), or NULL. */
const sw_phrase *sw_phrases_match_slot(const sw_phrases *p, const sw_token *tok, uint32_t i,
                                       uint32_t end);
/* Most words start no entry and are turned away by the filter: that test
 * is inline. */
static inline const sw_phrase *sw_phrases_match(const sw_phrases *p, const sw_token *tok,
                                                uint32_t i, uint32_t end) {
  if (!p->slot || i >= end)
    return NULL;
  uint32_t b = sw_phrase_fbit(p, tok[i].hash);
  if (!((p->filter[b >> 6] >> (b & 63)) & 1))
    return NULL;
  return sw_phrases_match_slot(p, tok, i, end);
}
void sw_phrases_free(sw_phrases *p);
bool sw_data_lines(const char *data, const char *end, void *ctx,
                   bool (*fn)(void *ctx, const char *line, size_t len));
#endif
