/* libFuzzer target: WARC streams, plain or gzip, read in small pieces. */
#include "saywho.h"
#include <stdint.h>
#include <string.h>

typedef struct {
  const uint8_t *p;
  size_t n, pos;
} src;

static size_t rd(void *ctx, char *buf, size_t n) {
  src *s = ctx;
  size_t k = s->n - s->pos < n ? s->n - s->pos : n;
  if (k > 977)
    k = 977; /* odd sizes: records straddle reads */
  memcpy(buf, s->p + s->pos, k);
  s->pos += k;
  return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  src s = {data, size, 0};
  sw_warc *w = sw_warc_new(rd, &s);
  if (!w)
    return 0;
  sw_input_doc doc = {0};
  char why[256];
  sw_error err;
  for (int i = 0; i < 10000 && sw_warc_next(w, &doc, why, sizeof why, &err) != SW_WARC_END; i++)
    ;
  sw_input_doc_free(&doc);
  sw_warc_free(w);
  return 0;
}
