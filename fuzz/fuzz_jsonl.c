/* libFuzzer target: JSONL input lines. */
#include "saywho.h"
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  sw_input_doc doc = {0};
  sw_error err;
  const char *p = (const char *)data, *end = p + size;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = (size_t)((nl ? nl : end) - p);
    sw_jsonl_read(p, n, &doc, &err);
    p += n + 1;
  }
  sw_input_doc_free(&doc);
  return 0;
}
