/* Option parsing, reading JSONL, document ids, and the table of
 * subcommands. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *cli_base_id(const char *path) {
  const char *b = strrchr(path, '/');
  char *id = strdup(b ? b + 1 : path);
  char *dot = id ? strrchr(id, '.') : NULL;
  if (dot && dot != id)
    *dot = 0;
  return id;
}

int cli_each_jsonl(FILE *f, void *ctx, void (*on_doc)(void *ctx, size_t lineno, sw_input_doc *doc),
                   void (*on_bad)(void *ctx, size_t lineno, const sw_error *err)) {
  char *line = NULL;
  size_t cap = 0, lineno = 0;
  ssize_t n;
  sw_input_doc doc = {0};
  while ((n = getline(&line, &cap, f)) != -1) {
    lineno++;
    size_t len = (size_t)n;
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
      len--;
    if (!len)
      continue;
    sw_error err;
    if (sw_jsonl_read(line, len, &doc, &err))
      on_bad(ctx, lineno, &err);
    else
      on_doc(ctx, lineno, &doc);
  }
  free(line);
  sw_input_doc_free(&doc);
  return ferror(f) ? -1 : 0;
}

int cli_optarg(int argc, char **argv, int *i, const char *short_name, const char *long_name,
               const char **val) {
  const char *a = argv[*i];
  size_t ln = strlen(long_name);
  if (!strncmp(a, long_name, ln) && a[ln] == '=') {
    *val = a + ln + 1;
    return 1;
  }
  /* the value glued to a short option, as getopt allows: -j4, -fbrat */
  if (short_name && strlen(short_name) == 2 && !strncmp(a, short_name, 2) && a[2]) {
    *val = a + 2;
    return 1;
  }
  if (strcmp(a, long_name) && (!short_name || strcmp(a, short_name)))
    return 0;
  if (*i + 1 >= argc) {
    fprintf(stderr, "saywho: %s needs a value\n", a);
    return -1;
  }
  *val = argv[++*i];
  return 1;
}

int cli_cmd_index(int argc, char **argv);
int cli_cmd_query(int argc, char **argv);
int cli_cmd_versions(int argc, char **argv);
int cli_cmd_speakers(int argc, char **argv);
int cli_cmd_report(int argc, char **argv);

static const cli_command commands[] = {
    {"index", cli_cmd_index},       {"query", cli_cmd_query},
    {"versions", cli_cmd_versions}, {"speakers", cli_cmd_speakers},
    {"report", cli_cmd_report},
    {NULL, NULL},
};

const cli_command *cli_find_command(const char *name) {
  for (const cli_command *c = commands; c->name; c++)
    if (!strcmp(c->name, name))
      return c;
  return NULL;
}
