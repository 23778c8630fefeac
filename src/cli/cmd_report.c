/* saywho report: an article as a page with its attributions highlighted,
 * or, with --db, the versions of a topic as a page. */
#include "cli.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_run_extract(int argc, char **argv);
int cli_cmd_versions(int argc, char **argv);

static const char usage[] =
    "usage: saywho report [OPTION]... FILE > article.html\n"
    "       saywho report --db DB --about TOPIC [QUERY OPTION]... > versions.html\n"
    "The first form writes one self-contained HTML page (no script, no\n"
    "external asset) with the article and every attribution highlighted: one\n"
    "colour per speaker, the role shown by the style and label of each mark,\n"
    "certainty badges, details on hover or focus, and a panel of speakers;\n"
    "following a speaker's link brings out their claims.  It takes the\n"
    "options of saywho (--input, --rules-only, ...).\n"
    "The second form writes the versions of TOPIC from the store: each\n"
    "speaker's claims with certainty and date, then the claims that\n"
    "contradict each other side by side.  It takes the options of query.\n"
    "Exit status: as for saywho, and saywho versions.\n";

int cli_cmd_report(int argc, char **argv) {
  int db = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      fputs(usage, stdout);
      return EXIT_OK;
    }
    if (!strcmp(argv[i], "--db") || !strncmp(argv[i], "--db=", 5))
      db = 1;
  }
  char **av = calloc((size_t)argc + 4, sizeof *av);
  if (!av)
    return EXIT_ENGINE;
  int n = 0, rc;
  if (db) {
    /* versions --format html, with --about TOPIC as the topic */
    av[n++] = "versions";
    const char *topic = NULL;
    for (int i = 1; i < argc; i++) {
      if (!strcmp(argv[i], "--about") && i + 1 < argc)
        topic = argv[++i];
      else if (!strncmp(argv[i], "--about=", 8))
        topic = argv[i] + 8;
      else
        av[n++] = argv[i];
    }
    if (!topic) {
      fprintf(stderr, "saywho report: with --db, --about TOPIC is needed\n");
      free(av);
      return EXIT_USAGE;
    }
    av[n++] = "--format";
    av[n++] = "html";
    av[n++] = (char *)topic;
    rc = cli_cmd_versions(n, av);
  } else {
    av[n++] = "saywho";
    for (int i = 1; i < argc; i++)
      av[n++] = argv[i];
    av[n++] = "--format";
    av[n++] = "html";
    rc = cli_run_extract(n, av);
  }
  free(av);
  return rc;
}
