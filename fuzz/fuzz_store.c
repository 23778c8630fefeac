/* libFuzzer target: database records.  The bytes become a document's
 * fields, speakers and attributions, stored and queried back in an
 * in-memory SQLite store. */
#include "store.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static store *db;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char err[256];
  if (!db && !(db = store_open_sqlite(":memory:", err, sizeof err)))
    abort();
  /* fields are the NUL-separated pieces of the input */
  char *buf = malloc(size + 1);
  if (!buf)
    return 0;
  memcpy(buf, data, size);
  buf[size] = 0;
  const char *f[12] = {0};
  size_t nf = 0;
  for (char *p = buf; nf < 12 && p <= buf + size; p += strlen(p) + 1)
    f[nf++] = p;
  store_doc d = {f[0], f[1], f[2], f[3], f[4], f[5], f[6] ? f[6] : "h"};
  const char *aliases[1] = {f[8] ? f[8] : ""};
  store_spk sp = {f[7] ? f[7] : "x", "person", f[9], NULL, aliases, 1};
  store_att a = {"direct", f[10], f[11], f[1] ? f[1] : "", "{}", 0, "certain", 0.9, 0};
  store_add(db, &d, &sp, 1, &a, 1, err, sizeof err);
  store_query q = {f[7], f[10], f[4], NULL, NULL, 5};
  int cb(void *ctx, const store_row *r);
  store_find(db, &q, cb, NULL, err, sizeof err);
  free(buf);
  return 0;
}

int cb(void *ctx, const store_row *r) {
  (void)ctx;
  (void)r;
  return 0;
}
