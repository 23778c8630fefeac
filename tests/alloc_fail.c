/* Allocation failure at every allocation site of a small run: the Nth
 * allocation fails, for N = 1, 2, ... until a run needs no failure.  Each
 * time the library must return an error (or succeed), never crash, and
 * leave no allocation behind.  Prints "N passed, N failed". */
#define _GNU_SOURCE
#include "saywho.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);

static long fail_at = -1, count = 0, live = 0;
static int armed = 0;

static int should_fail(void) { return armed && ++count == fail_at; }

void *malloc(size_t n) {
  if (should_fail())
    return NULL;
  void *p = __libc_malloc(n);
  if (p && armed)
    live++;
  return p;
}
void *calloc(size_t a, size_t b) {
  if (should_fail())
    return NULL;
  void *p = __libc_calloc(a, b);
  if (p && armed)
    live++;
  return p;
}
void *realloc(void *q, size_t n) {
  if (should_fail())
    return NULL;
  void *p = __libc_realloc(q, n);
  if (p && !q && armed)
    live++;
  return p;
}
void free(void *p) {
  if (p && armed)
    live--;
  __libc_free(p);
}

int main(void) {
  const char *text = "Port Authority Director Maria Okafor said the valve was probably left open. "
                     "“We have very firm evidence,” she told reporters. “We are not guessing.”\n\n"
                     "The contractor denied it, according to a statement.";
  int passed = 0, failed = 0;
  /* libxml2 and utf8proc set up global tables once per process: let that
   * happen before counting */
  sw_engine_free(sw_engine_new(NULL, NULL));
  for (fail_at = 1;; fail_at++) {
    count = 0;
    live = 0;
    armed = 1;
    sw_error err;
    sw_engine *e = sw_engine_new(NULL, &err);
    int ok = 1;
    sw_result *r = NULL;
    sw_buf b = {0};
    if (e)
      r = sw_extract(e, text, strlen(text), &err);
    if (r) {
      for (int f = SW_FORMAT_JSONL; f <= SW_FORMAT_HTML; f++)
        sw_render(r, (sw_format)f, "doc", text, strlen(text), &b);
    }
    int completed = e && r && !b.failed;
    if (!e && err.status != SW_ERR_NOMEM)
      ok = 0;
    sw_buf_free(&b);
    sw_result_free(r);
    sw_engine_free(e);
    armed = 0;
    if (live != 0) {
      printf("FAIL allocation %ld failing: %ld allocations left behind\n", fail_at, live);
      ok = 0;
    }
    ok ? passed++ : failed++;
    if (completed && count < fail_at)
      break; /* the run needed fewer allocations than fail_at: all sites done */
  }
  printf("alloc: %d passed, %d failed (%ld allocation sites)\n", passed, failed, fail_at - 1);
  return failed != 0;
}
