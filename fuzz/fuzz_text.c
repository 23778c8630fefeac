/* libFuzzer target: any bytes as a document, through every stage and
 * every writer, with the model and with the rules only. */
#include "saywho.h"
#include <stdint.h>
#include <stdlib.h>

static sw_engine *eng[2];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!eng[0]) {
    sw_options o = {0};
    eng[0] = sw_engine_new(&o, NULL);
    o.rules_only = 1;
    eng[1] = sw_engine_new(&o, NULL);
    if (!eng[0] || !eng[1])
      abort();
  }
  for (int k = 0; k < 2; k++) {
    sw_error err;
    sw_result *r = sw_extract(eng[k], (const char *)data, size, &err);
    if (!r)
      continue;
    for (int f = SW_FORMAT_JSONL; f <= SW_FORMAT_HTML; f++) {
      sw_buf b = {0};
      sw_render(r, (sw_format)f, "fuzz", (const char *)data, size, &b);
      sw_buf_free(&b);
    }
    for (size_t i = 0; i < sw_result_count(r); i++) {
      const sw_attribution *a = sw_result_get(r, i);
      const sw_role *roles[3] = {&a->source, &a->cue, &a->content};
      for (int q = 0; q < 3; q++)
        for (size_t s = 0; s < roles[q]->n; s++)
          if (roles[q]->spans[s].start > roles[q]->spans[s].end || roles[q]->spans[s].end > size)
            abort(); /* every offset stays inside the document */
    }
    sw_result_free(r);
  }
  return 0;
}
