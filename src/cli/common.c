/* Option parsing and the table of subcommands. */
#include "cli.h"
#include <stdio.h>
#include <string.h>

int cli_optarg(int argc, char **argv, int *i, const char *short_name, const char *long_name,
               const char **val) {
  const char *a = argv[*i];
  size_t ln = strlen(long_name);
  if (!strncmp(a, long_name, ln) && a[ln] == '=') {
    *val = a + ln + 1;
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
