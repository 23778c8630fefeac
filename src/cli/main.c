/* saywho: the command line.  A thin layer over include/saywho.h: it reads
 * files, calls sw_extract() and sw_render(), and turns errors into
 * messages and exit statuses. */
#define _POSIX_C_SOURCE 200809L
#include "saywho.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_ENGINE = 3, EXIT_OUTPUT = 4 };

static const char usage[] =
    "usage: saywho [OPTION]... [FILE]...\n"
    "Find who said what in English news text: every attribution with its\n"
    "source, cue and content as byte-offset spans.  With no FILE, or when\n"
    "FILE is -, read standard input.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT    output format: jsonl (default), brat, text\n"
    "  -i, --input KIND    input format: text (default), jsonl (one object per\n"
    "                      line with \"id\" and \"text\" members)\n"
    "  -o, --output FILE   write to FILE instead of standard output\n"
    "  -O, --out-dir DIR   write one file per document into DIR, named after\n"
    "                      its id (ID.ann for brat, ID.jsonl, ID.txt)\n"
    "      --id ID         document id for standard input (default: stdin)\n"
    "      --rules-only    only the direct-quotation rules; skip the model\n"
    "      --model FILE    use this model file instead of the built-in one\n"
    "      --strict-utf8   treat invalid UTF-8 or NUL bytes as an error\n"
    "  -h, --help          show this help and exit\n"
    "  -V, --version       print the version and exit\n"
    "\n"
    "Input is UTF-8.  By default each invalid byte (and each NUL) is read as\n"
    "U+FFFD, offsets still index the original bytes, and a warning names the\n"
    "file and byte position; --strict-utf8 makes it an error instead.\n"
    "A document's id is its file's base name without extension.\n"
    "\n"
    "Exit status:\n"
    "  0  every input was processed\n"
    "  1  some input could not be read or had bad records; the rest was\n"
    "     processed and written\n"
    "  2  bad command line\n"
    "  3  the engine could not start (model missing or corrupt, no memory)\n"
    "  4  output could not be written (disk full, unwritable directory)\n"
    "A closed output pipe (saywho big.txt | head) ends the run quietly with 0.\n";

typedef struct {
  sw_format fmt;
  int jsonl_in;
  const char *out_dir;
  const char *stdin_id;
  sw_engine *eng;
  int status;
  sw_buf out;
  FILE *outf;
} cli;

static void die_output(void) {
  if (errno == EPIPE)
    exit(EXIT_OK);
  fprintf(stderr, "saywho: cannot write output: %s\n", strerror(errno));
  exit(EXIT_OUTPUT);
}

static void flush_out(FILE *f, sw_buf *b) {
  if (b->len && fwrite(b->data, 1, b->len, f) != b->len)
    die_output();
  b->len = 0;
}

static const char *ext_for(sw_format f) {
  return f == SW_FORMAT_BRAT ? ".ann" : f == SW_FORMAT_TEXT ? ".txt" : ".jsonl";
}

/* Base name without directory or extension. */
static char *make_id(const char *path) {
  const char *b = strrchr(path, '/');
  b = b ? b + 1 : path;
  char *id = strdup(b);
  if (!id)
    return NULL;
  char *dot = strrchr(id, '.');
  if (dot && dot != id)
    *dot = 0;
  return id;
}

static int safe_id(const char *id) {
  return id[0] && id[0] != '.' && !strchr(id, '/');
}

static void process(cli *c, const char *name, const char *id, const char *text, size_t len) {
  sw_error err;
  sw_result *r = sw_extract(c->eng, text, len, &err);
  if (!r) {
    if (err.status == SW_ERR_INPUT)
      fprintf(stderr, "saywho: %s: byte %zu: %s\n", name, err.offset, err.message);
    else
      fprintf(stderr, "saywho: %s: %s\n", name, err.message);
    if (err.status == SW_ERR_NOMEM) {
      c->status = EXIT_ENGINE;
      return;
    }
    c->status = c->status ? c->status : EXIT_INPUT;
    return;
  }
  size_t bad = sw_result_invalid_utf8(r);
  if (bad != (size_t)-1)
    fprintf(stderr, "saywho: %s: warning: invalid UTF-8 or NUL at byte %zu, read as U+FFFD\n",
            name, bad);
  sw_status st = sw_render(r, c->fmt, id, text, len, &c->out);
  sw_result_free(r);
  if (st) {
    fprintf(stderr, "saywho: %s: %s\n", name, sw_status_str(st));
    exit(EXIT_ENGINE);
  }
  if (c->out_dir) {
    if (!safe_id(id)) {
      fprintf(stderr, "saywho: %s: id \"%s\" cannot name a file in %s\n", name, id, c->out_dir);
      c->status = c->status ? c->status : EXIT_INPUT;
      c->out.len = 0;
      return;
    }
    size_t n = strlen(c->out_dir) + strlen(id) + 16;
    char *path = malloc(n);
    if (!path)
      exit(EXIT_ENGINE);
    snprintf(path, n, "%s/%s%s", c->out_dir, id, ext_for(c->fmt));
    FILE *f = fopen(path, "wb");
    if (!f) {
      fprintf(stderr, "saywho: cannot write %s: %s\n", path, strerror(errno));
      exit(EXIT_OUTPUT);
    }
    flush_out(f, &c->out);
    if (fclose(f) != 0) {
      fprintf(stderr, "saywho: cannot write %s: %s\n", path, strerror(errno));
      exit(EXIT_OUTPUT);
    }
    free(path);
  } else if (c->out.len > (1u << 16)) {
    flush_out(c->outf, &c->out);
  }
}

static int read_all(FILE *f, char **data, size_t *len) {
  size_t cap = 1 << 16, n = 0;
  char *p = malloc(cap);
  if (!p)
    return ENOMEM;
  for (;;) {
    if (n == cap) {
      cap *= 2;
      char *q = realloc(p, cap);
      if (!q) {
        free(p);
        return ENOMEM;
      }
      p = q;
    }
    size_t k = fread(p + n, 1, cap - n, f);
    n += k;
    if (k == 0) {
      if (ferror(f)) {
        int e = errno ? errno : EIO;
        free(p);
        return e;
      }
      break;
    }
  }
  *data = p;
  *len = n;
  return 0;
}

static void run_jsonl(cli *c, const char *name, FILE *f) {
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  size_t lineno = 0;
  sw_buf id = {0}, text = {0};
  while ((n = getline(&line, &cap, f)) != -1) {
    lineno++;
    size_t len = (size_t)n;
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
      len--;
    if (!len)
      continue;
    int has_text;
    sw_error err;
    sw_status st = sw_jsonl_parse(line, len, &id, &text, &has_text, &err);
    if (st) {
      fprintf(stderr, "saywho: %s: line %zu, column %zu: %s; record skipped\n", name, lineno,
              err.offset + 1, st == SW_ERR_NOMEM ? "out of memory" : err.message);
      c->status = c->status ? c->status : EXIT_INPUT;
      continue;
    }
    char where[64];
    char *label = NULL;
    snprintf(where, sizeof where, ":%zu", lineno);
    size_t ln = strlen(name) + sizeof where;
    label = malloc(ln);
    if (!label)
      exit(EXIT_ENGINE);
    snprintf(label, ln, "%s%s", name, where);
    char idnum[32];
    const char *docid = id.len ? id.data : (snprintf(idnum, sizeof idnum, "%zu", lineno), idnum);
    process(c, label, docid, text.data ? text.data : "", text.len);
    free(label);
  }
  if (ferror(f)) {
    fprintf(stderr, "saywho: %s: read error: %s\n", name, strerror(errno));
    c->status = c->status ? c->status : EXIT_INPUT;
  }
  free(line);
  sw_buf_free(&id);
  sw_buf_free(&text);
}

static void run_file(cli *c, const char *path) {
  int is_stdin = !strcmp(path, "-");
  const char *name = is_stdin ? "<stdin>" : path;
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "saywho: %s: %s\n", path, strerror(errno));
    c->status = c->status ? c->status : EXIT_INPUT;
    return;
  }
  struct stat sb;
  if (!is_stdin && fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
    fprintf(stderr, "saywho: %s: is a directory\n", path);
    fclose(f);
    c->status = c->status ? c->status : EXIT_INPUT;
    return;
  }
  if (c->jsonl_in) {
    run_jsonl(c, name, f);
  } else {
    char *data = NULL;
    size_t len = 0;
    int e = read_all(f, &data, &len);
    if (e) {
      fprintf(stderr, "saywho: %s: %s\n", name, strerror(e));
      c->status = c->status ? c->status : EXIT_INPUT;
    } else {
      char *id = is_stdin ? strdup(c->stdin_id) : make_id(path);
      if (!id)
        exit(EXIT_ENGINE);
      process(c, name, id, data, len);
      free(id);
    }
    free(data);
  }
  if (!is_stdin)
    fclose(f);
}

int main(int argc, char **argv) {
  cli c;
  memset(&c, 0, sizeof c);
  c.fmt = SW_FORMAT_JSONL;
  c.stdin_id = "stdin";
  sw_options opt = {0};
  const char *out_path = NULL;
  const char **files = calloc((size_t)argc + 1, sizeof *files);
  int nfiles = 0;
  if (!files)
    return free(files), EXIT_ENGINE;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *val = NULL;
#define NEEDARG(l, s)                                                                      \
  ((!strcmp(a, l) || !strcmp(a, s)) && (i + 1 < argc ? (val = argv[++i], 1)                \
                                                      : (fprintf(stderr,                   \
                                                                 "saywho: %s needs a value\n", a), \
                                                         free(files), exit(EXIT_USAGE), 0)))
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      fputs(usage, stdout);
      return free(files), EXIT_OK;
    } else if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
      printf("saywho %s\n", sw_version());
      return free(files), EXIT_OK;
    } else if (NEEDARG("--format", "-f")) {
      if (!strcmp(val, "jsonl"))
        c.fmt = SW_FORMAT_JSONL;
      else if (!strcmp(val, "brat"))
        c.fmt = SW_FORMAT_BRAT;
      else if (!strcmp(val, "text"))
        c.fmt = SW_FORMAT_TEXT;
      else {
        fprintf(stderr, "saywho: unknown format '%s' (jsonl, brat, text)\n", val);
        return free(files), EXIT_USAGE;
      }
    } else if (NEEDARG("--input", "-i")) {
      if (!strcmp(val, "jsonl"))
        c.jsonl_in = 1;
      else if (!strcmp(val, "text"))
        c.jsonl_in = 0;
      else {
        fprintf(stderr, "saywho: unknown input kind '%s' (text, jsonl)\n", val);
        return free(files), EXIT_USAGE;
      }
    } else if (NEEDARG("--output", "-o")) {
      out_path = val;
    } else if (NEEDARG("--out-dir", "-O")) {
      c.out_dir = val;
    } else if (NEEDARG("--id", "--id")) {
      c.stdin_id = val;
    } else if (NEEDARG("--model", "--model")) {
      opt.model_path = val;
    } else if (!strcmp(a, "--rules-only")) {
      opt.rules_only = 1;
    } else if (!strcmp(a, "--strict-utf8")) {
      opt.strict_utf8 = 1;
    } else if (!strcmp(a, "--")) {
      for (i++; i < argc; i++)
        files[nfiles++] = argv[i];
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "saywho: unknown option '%s'; see saywho --help\n", a);
      return free(files), EXIT_USAGE;
    } else {
      files[nfiles++] = a;
    }
  }
  signal(SIGPIPE, SIG_IGN);
  c.outf = stdout;
  if (out_path && !(c.outf = fopen(out_path, "wb"))) {
    fprintf(stderr, "saywho: cannot write %s: %s\n", out_path, strerror(errno));
    free(files);
    return EXIT_OUTPUT;
  }
  sw_error err;
  c.eng = sw_engine_new(&opt, &err);
  if (!c.eng) {
    fprintf(stderr, "saywho: %s\n", err.message);
    free(files);
    return EXIT_ENGINE;
  }
  if (!nfiles)
    files[nfiles++] = "-";
  for (int i = 0; i < nfiles; i++)
    run_file(&c, files[i]);
  flush_out(c.outf, &c.out);
  if (fflush(c.outf) != 0 || ferror(c.outf) || (c.outf != stdout && fclose(c.outf) != 0))
    die_output();
  sw_buf_free(&c.out);
  sw_engine_free(c.eng);
  free(files);
  return c.status;
}
