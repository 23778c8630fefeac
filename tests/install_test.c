/* Compiled against an installed saywho with pkg-config by tests/run.sh:
 * prints each attribution of a file as one canonical line, built from the
 * public structs, for comparison with the command line's JSONL. */
#include <saywho.h>
#include <stdio.h>
#include <stdlib.h>

static void role(const char *name, const sw_role *r) {
  printf(" %s", name);
  for (size_t i = 0; i < r->n; i++)
    printf("%c%zu-%zu", i ? ',' : '=', r->spans[i].start, r->spans[i].end);
}

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  FILE *f = fopen(argv[1], "rb");
  if (!f)
    return 1;
  static char text[1 << 20];
  size_t len = fread(text, 1, sizeof text, f);
  fclose(f);
  sw_error err;
  sw_engine *e = sw_engine_new(NULL, &err);
  if (!e) {
    fprintf(stderr, "%s\n", err.message);
    return 3;
  }
  sw_result *r = sw_extract(e, text, len, &err);
  if (!r)
    return 1;
  for (size_t i = 0; i < sw_result_count(r); i++) {
    const sw_attribution *a = sw_result_get(r, i);
    printf("%d", (int)a->kind);
    role("source", &a->source);
    role("cue", &a->cue);
    role("content", &a->content);
    const sw_speaker *s = a->speaker == SW_NO_SPEAKER ? NULL : sw_result_speaker(r, a->speaker);
    if (s)
      printf(" speaker=%.*s", (int)(s->name.end - s->name.start), text + s->name.start);
    printf(" certainty=%s\n", sw_certainty_level_str(a->certainty.level));
  }
  sw_result_free(r);
  sw_engine_free(e);
  return 0;
}
