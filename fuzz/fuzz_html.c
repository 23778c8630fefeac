/* libFuzzer target: web pages. */
#include "saywho.h"
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  sw_input_doc doc = {0};
  sw_error err;
  sw_html_read((const char *)data, size, &doc, &err);
  sw_input_doc_free(&doc);
  return 0;
}
