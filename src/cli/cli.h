/* Shared pieces of the command line.  The CLI uses only saywho.h. */
#ifndef SW_CLI_H
#define SW_CLI_H
#include "saywho.h"
#include <stdarg.h>

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_ENGINE = 3, EXIT_OUTPUT = 4 };

typedef struct {
  const char *name;
  int (*run)(int argc, char **argv); /* argv[0] is the command's name */
} cli_command;

/* The subcommand named name, or NULL. */
const cli_command *cli_find_command(const char *name);

/* Option with a value: matches argv[*i] against the short (may be NULL)
 * and long names, "--long=value" included.  Returns 1 and sets *val when
 * it matches, 0 when it does not, and -1 (after a message) when the value
 * is missing. */
int cli_optarg(int argc, char **argv, int *i, const char *short_name, const char *long_name,
               const char **val);

/* A document id from a path: the base name without its extension. */
char *cli_base_id(const char *path);

/* Reads JSONL from f, calling on_doc for each good record and on_bad for
 * each bad one, with its line number; returns -1 on a read error. */
#include <stdio.h>
int cli_each_jsonl(FILE *f, void *ctx, void (*on_doc)(void *ctx, size_t lineno, sw_input_doc *doc),
                   void (*on_bad)(void *ctx, size_t lineno, const sw_error *err));

static inline void cli_buf_put(sw_buf *b, const char *s, size_t n) { sw_buf_append(b, s, n); }
#endif
