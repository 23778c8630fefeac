/* libFuzzer target: model files, checked on load. */
#include "model.h"
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  sw_error err;
  void *copy = malloc(size ? size : 1); /* aligned, as a file read is */
  if (!copy)
    return 0;
  memcpy(copy, data, size);
  sw_model *m = sw_model_parse(copy, size, &err);
  sw_model_free(m);
  free(copy);
  return 0;
}
