/* saywho: the command line.  A thin layer over include/saywho.h: it reads
 * documents into a ring that worker threads take them from to call
 * sw_extract() and sw_render(), and writes the results in input order
 * while the workers go on with the documents after them.
 * Errors become messages naming the file and position, and exit
 * statuses.  Subcommands (index, query, ...) live in their own files. */
#define _GNU_SOURCE
#include "cli.h"
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
    "usage: saywho [OPTION]... [FILE]...\n"
    "       saywho COMMAND [OPTION]...\n"
    "Commands: index, query, versions, speakers (the claim store) and report\n"
    "(HTML pages); saywho COMMAND --help describes each.\n"
    "Find who said what in English news text: every attribution with its\n"
    "source, cue, content, speaker and certainty, as byte-offset spans.  With\n"
    "no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Options (a short option's value may also be glued on: -j4, -fbrat):\n"
    "  -f, --format FMT    output format: jsonl (default), brat, text, html (a\n"
    "                      page with the attributions highlighted)\n"
    "  -i, --input KIND    auto (default: by extension, then by content), text,\n"
    "                      jsonl (one object per line with \"id\" and \"text\",\n"
    "                      and optionally \"title\", \"author\", \"date\",\n"
    "                      \"publisher\"), html (a web page: its article body\n"
    "                      and metadata), warc (WARC 1.0/1.1, gzip or not, read\n"
    "                      as a stream; HTML responses become documents, other\n"
    "                      records are skipped with the reason on stderr)\n"
    "  -o, --output FILE   write to FILE instead of standard output\n"
    "  -O, --out-dir DIR   write one file per document into DIR, named after\n"
    "                      its id (ID.ann for brat, ID.jsonl, ID.txt)\n"
    "  -j, --jobs N        worker threads (default: all cores); output stays in\n"
    "                      input order\n"
    "      --id ID         document id for standard input (default: stdin)\n"
    "      --rules-only    only the direct-quotation rules; skip the model\n"
    "      --nested        keep speech reported inside another's content as an\n"
    "                      attribution of its own (PolNeAR does not annotate it)\n"
    "      --model FILE    use this model file instead of the built-in one\n"
    "      --strict-utf8   treat invalid UTF-8 or NUL bytes as an error\n"
    "      --text          JSONL: add each document's text, which the offsets\n"
    "                      index (the output can then be read back as input)\n"
    "      --stats         print the time spent in each stage to stderr\n"
    "  -q, --quiet         no progress line (shown on stderr when it is a\n"
    "                      terminal, the output is not, and a run lasts over a\n"
    "                      second: documents, MB read, rates, and an ETA when\n"
    "                      the size of the input is known)\n"
    "  -h, --help          show this help and exit\n"
    "  -V, --version       print the version and exit\n"
    "\n"
    "Input is UTF-8.  By default each invalid byte (and each NUL) is read as\n"
    "U+FFFD, offsets still index the original bytes, and a warning names the\n"
    "file and byte position; --strict-utf8 makes it an error instead.\n"
    "A document's id is its file's base name without extension.  JSONL input\n"
    "is read as a stream: memory stays bounded whatever its length.\n"
    "\n"
    "Exit status:\n"
    "  0  every input was processed\n"
    "  1  some input could not be read or had bad records; the rest was\n"
    "     processed and written\n"
    "  2  bad command line\n"
    "  3  the engine could not start (model missing or corrupt, no memory)\n"
    "  4  output could not be written (disk full, unwritable directory)\n"
    "A closed output pipe (saywho big.txt | head) ends the run quietly with 0.\n";

enum { IN_AUTO, IN_TEXT, IN_JSONL, IN_HTML, IN_WARC };

/* One document on its way through. */
typedef struct {
  char *label; /* file name, or file:line for JSONL */
  char *id;
  char *text;
  size_t len;
  char *meta[5]; /* title, author, date, publisher, url from JSONL input */
  sw_buf out;    /* the rendering */
  sw_buf msg;    /* messages for stderr */
  int status;    /* exit status this document asks for */
  uint64_t ns[SW_STAGE_COUNT + 1]; /* the last one: rendering */
  uint64_t in_mark; /* input bytes read when it was submitted */
  int done;         /* extracted and rendered (under the ring's lock) */
} job;

/* Documents read but not yet written: at most RING_DOCS of them, and
 * RING_BYTES of text unless a single document is larger. */
#define RING_DOCS 256
#define RING_BYTES (32u << 20)

typedef struct {
  sw_format fmt;
  int input; /* IN_* */
  const char *out_dir;
  const char *stdin_id;
  sw_engine *eng;
  int status;
  FILE *outf;
  int jobs;
  int stats;
  int include_text;
  /* The ring: jobs [tail, head) are in flight, [next, head) wait for a
   * worker; indices grow without bound and are taken mod RING_DOCS.  The
   * main thread reads and writes; with -j N it starts N - 1 workers and
   * works too whenever the ring is full. */
  job ring[RING_DOCS];
  size_t head, next, tail, ring_bytes;
  pthread_mutex_t mu;
  pthread_cond_t more; /* a job to take, or quit */
  pthread_cond_t fin;  /* a job is done */
  int quit;
  pthread_t th[64];
  int nth;
  uint64_t total_ns[SW_STAGE_COUNT + 1];
  size_t total_docs, total_bytes;
  /* the progress line on a terminal's stderr */
  int progress;
  uint64_t in_total;            /* bytes of all the inputs, 0 when unknown */
  uint64_t in_done;             /* bytes of the inputs read to their end */
  const uint64_t *in_cur;       /* bytes read so far of the current one */
  uint64_t in_seen;             /* input bytes of the documents written */
  uint64_t t_start, t_drawn;
  int drawn;                    /* a progress line is on the screen */
} cli;

static void die_output(void) {
  if (errno == EPIPE)
    exit(EXIT_OK);
  fprintf(stderr, "saywho: cannot write output: %s\n", strerror(errno));
  exit(EXIT_OUTPUT);
}

static void write_all(FILE *f, const sw_buf *b) {
  if (b->len && fwrite(b->data, 1, b->len, f) != b->len)
    die_output();
}

static const char *ext_for(sw_format f) {
  return f == SW_FORMAT_BRAT ? ".ann" : f == SW_FORMAT_TEXT ? ".txt"
         : f == SW_FORMAT_HTML ? ".html" : ".jsonl";
}

static int safe_id(const char *id) { return id[0] && id[0] != '.' && !strchr(id, '/'); }

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* The progress line: shown once a run has lasted a second, redrawn at
 * most four times a second, with an ETA when the size of the input is
 * known. */
#define PROGRESS_AFTER_NS 1000000000u
#define PROGRESS_EVERY_NS 250000000u

static void progress(cli *c, int last) {
  if (!c->progress)
    return;
  uint64_t t = now_ns(), el = t - c->t_start;
  if (el < PROGRESS_AFTER_NS || (!last && t - c->t_drawn < PROGRESS_EVERY_NS))
    return;
  c->t_drawn = t;
  double s = (double)el / 1e9;
  uint64_t bytes = c->in_seen ? c->in_seen : c->total_bytes;
  char eta[64] = "";
  if (c->in_total && c->in_seen && !last) {
    double left = s * (double)(c->in_total > c->in_seen ? c->in_total - c->in_seen : 0) /
                  (double)c->in_seen;
    unsigned m = (unsigned)(left / 60);
    unsigned pc = c->in_seen < c->in_total
                      ? (unsigned)(100.0 * (double)c->in_seen / (double)c->in_total)
                      : 100u;
    snprintf(eta, sizeof eta, ", %u%%, ETA %u:%02u", pc, m, (unsigned)(left - 60.0 * m));
  }
  fprintf(stderr, "\rsaywho: %zu documents, %.1f MB, %.0f docs/s, %.1f MB/s%s\033[K%s",
          c->total_docs, (double)bytes / 1e6, (double)c->total_docs / s, (double)bytes / 1e6 / s,
          eta, last ? "\n" : "");
  c->drawn = !last;
}

/* Takes the progress line off the screen before a message. */
static void progress_clear(cli *c) {
  if (c->drawn)
    fputs("\r\033[K", stderr);
  c->drawn = 0;
}

static void msgf(job *j, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void msgf(job *j, const char *fmt, ...) {
  char tmp[1024];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n > 0)
    cli_buf_put(&j->msg, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* Runs in a worker thread: extraction and rendering, no printing. */
static void work(cli *c, job *j) {
  sw_error err;
  sw_result *r = sw_extract(c->eng, j->text, j->len, &err);
  if (!r) {
    if (err.status == SW_ERR_INPUT)
      msgf(j, "saywho: %s: byte %zu: %s\n", j->label, err.offset, err.message);
    else
      msgf(j, "saywho: %s: %s\n", j->label, err.message);
    j->status = err.status == SW_ERR_NOMEM ? EXIT_ENGINE : EXIT_INPUT;
    return;
  }
  size_t bad = sw_result_invalid_utf8(r);
  if (bad != (size_t)-1)
    msgf(j, "saywho: %s: warning: invalid UTF-8 or NUL at byte %zu, read as U+FFFD\n", j->label,
         bad);
  for (int s = 0; s < SW_STAGE_COUNT; s++)
    j->ns[s] = sw_result_stage_ns(r, (sw_stage)s);
  uint64_t t = c->stats ? now_ns() : 0;
  sw_doc_info info = {j->id, j->meta[0], j->meta[1], j->meta[2], j->meta[3], j->meta[4],
                      c->include_text};
  /* a plain-text byline fills what the input did not say */
  if (!info.author)
    info.author = sw_result_byline(r, 0);
  if (!info.date)
    info.date = sw_result_byline(r, 1);
  if (!info.title)
    info.title = sw_result_byline(r, 2);
  sw_status st = sw_render_doc(r, c->fmt, &info, j->text, j->len, &j->out);
  if (c->stats)
    j->ns[SW_STAGE_COUNT] = now_ns() - t;
  sw_result_free(r);
  if (st) {
    msgf(j, "saywho: %s: %s\n", j->label, sw_status_str(st));
    j->status = EXIT_ENGINE;
  }
}

static void *worker(void *arg) {
  cli *c = arg;
  pthread_mutex_lock(&c->mu);
  for (;;) {
    while (c->next == c->head && !c->quit)
      pthread_cond_wait(&c->more, &c->mu);
    if (c->next == c->head)
      break;
    job *j = &c->ring[c->next++ % RING_DOCS];
    pthread_mutex_unlock(&c->mu);
    work(c, j);
    pthread_mutex_lock(&c->mu);
    j->done = 1;
    pthread_cond_signal(&c->fin);
  }
  pthread_mutex_unlock(&c->mu);
  return NULL;
}

static void set_status(cli *c, int st) {
  if (st == EXIT_ENGINE)
    c->status = EXIT_ENGINE;
  else if (st && !c->status)
    c->status = st;
}

/* Writes one finished document, in input order, from the main thread. */
static void emit(cli *c, job *j) {
  if (j->msg.len) {
    progress_clear(c);
    fwrite(j->msg.data, 1, j->msg.len, stderr);
  }
  set_status(c, j->status);
  c->in_seen = j->in_mark;
  if (j->status == EXIT_ENGINE && !j->out.len)
    return;
  c->total_docs++;
  c->total_bytes += j->len;
  for (int s = 0; s <= SW_STAGE_COUNT; s++)
    c->total_ns[s] += j->ns[s];
  if (!c->out_dir) {
    write_all(c->outf, &j->out);
    return;
  }
  if (j->status)
    return;
  if (!safe_id(j->id)) {
    fprintf(stderr, "saywho: %s: id \"%s\" cannot name a file in %s\n", j->label, j->id,
            c->out_dir);
    set_status(c, EXIT_INPUT);
    return;
  }
  size_t n = strlen(c->out_dir) + strlen(j->id) + 16;
  char *path = malloc(n);
  if (!path)
    exit(EXIT_ENGINE);
  snprintf(path, n, "%s/%s%s", c->out_dir, j->id, ext_for(c->fmt));
  FILE *f = fopen(path, "wb");
  if (!f) {
    fprintf(stderr, "saywho: cannot write %s: %s\n", path, strerror(errno));
    exit(EXIT_OUTPUT);
  }
  write_all(f, &j->out);
  if (fclose(f) != 0) {
    fprintf(stderr, "saywho: cannot write %s: %s\n", path, strerror(errno));
    exit(EXIT_OUTPUT);
  }
  free(path);
}

static void job_free(job *j) {
  for (int k = 0; k < 5; k++)
    free(j->meta[k]);
  free(j->label);
  free(j->id);
  free(j->text);
  sw_buf_free(&j->out);
  sw_buf_free(&j->msg);
  memset(j, 0, sizeof *j);
}

/* Writes the finished jobs at the ring's tail, in input order. */
static void emit_done(cli *c) {
  for (;;) {
    pthread_mutex_lock(&c->mu);
    job *j = c->tail < c->head && c->ring[c->tail % RING_DOCS].done ? &c->ring[c->tail % RING_DOCS]
                                                                     : NULL;
    pthread_mutex_unlock(&c->mu);
    if (!j)
      return;
    size_t len = j->len;
    emit(c, j);
    job_free(j);
    progress(c, 0);
    pthread_mutex_lock(&c->mu);
    c->tail++;
    c->ring_bytes -= len;
    pthread_mutex_unlock(&c->mu);
  }
}

/* Makes progress on the ring from the main thread: writes what is
 * done, else takes a waiting job itself, else waits for a worker. */
static void step(cli *c) {
  emit_done(c);
  pthread_mutex_lock(&c->mu);
  if (c->next < c->head) {
    job *j = &c->ring[c->next++ % RING_DOCS];
    pthread_mutex_unlock(&c->mu);
    work(c, j);
    pthread_mutex_lock(&c->mu);
    j->done = 1;
  } else if (c->tail < c->head && !c->ring[c->tail % RING_DOCS].done) {
    pthread_cond_wait(&c->fin, &c->mu);
  }
  pthread_mutex_unlock(&c->mu);
  emit_done(c);
}

/* Writes every document read so far. */
static void drain(cli *c) {
  while (c->tail < c->head)
    step(c);
}

static void flush_all(cli *c) {
  drain(c);
  if (fflush(c->outf) != 0)
    die_output();
}

/* Stops the workers; the ring is empty. */
static void stop_workers(cli *c) {
  pthread_mutex_lock(&c->mu);
  c->quit = 1;
  pthread_cond_broadcast(&c->more);
  pthread_mutex_unlock(&c->mu);
  for (int i = 0; i < c->nth; i++)
    pthread_join(c->th[i], NULL);
  c->nth = 0;
}

/* A message about the input: the documents before it go out first, so
 * that messages and output stay in order, and the progress line makes
 * room for it. */
static void input_msg(cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void input_msg(cli *c, const char *fmt, ...) {
  flush_all(c);
  progress_clear(c);
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
}

/* Takes ownership of label, id, text and meta (which may be NULL). */
static void submit(cli *c, char *label, char *id, char *text, size_t len, char **meta) {
  if (!label || !id) {
    fprintf(stderr, "saywho: out of memory\n");
    exit(EXIT_ENGINE);
  }
  /* the workers start with the first document */
  if (c->jobs > 1 && !c->nth && !c->quit)
    for (int i = 1; i < c->jobs && i <= 64; i++)
      if (pthread_create(&c->th[c->nth], NULL, worker, c) == 0)
        c->nth++;
  while (c->head - c->tail == RING_DOCS || (c->head > c->tail && c->ring_bytes >= RING_BYTES))
    step(c);
  job *j = &c->ring[c->head % RING_DOCS];
  memset(j, 0, sizeof *j);
  j->label = label;
  j->id = id;
  j->text = text;
  j->len = len;
  j->in_mark = c->in_done + (c->in_cur ? *c->in_cur : 0);
  if (meta)
    memcpy(j->meta, meta, sizeof j->meta);
  pthread_mutex_lock(&c->mu);
  c->head++;
  c->ring_bytes += len;
  pthread_cond_signal(&c->more);
  pthread_mutex_unlock(&c->mu);
  /* one thread: this document now, before the next is read */
  if (!c->nth)
    drain(c);
  else
    emit_done(c);
}

static char *fmt_label(const char *name, size_t lineno) {
  size_t n = strlen(name) + 32;
  char *s = malloc(n);
  if (s)
    snprintf(s, n, "%s:%zu", name, lineno);
  return s;
}

typedef struct {
  cli *c;
  const char *name;
} jsonl_ctx;

static void jsonl_doc(void *ctx, size_t lineno, sw_input_doc *doc) {
  jsonl_ctx *j = ctx;
  char idnum[32];
  snprintf(idnum, sizeof idnum, "%zu", lineno);
  char *meta[5];
  const sw_buf *mb[5] = {&doc->title, &doc->author, &doc->date, &doc->publisher, &doc->url};
  for (int k = 0; k < 5; k++)
    meta[k] = mb[k]->len ? strdup(mb[k]->data) : NULL;
  char *t = malloc(doc->text.len + 1);
  if (!t)
    exit(EXIT_ENGINE);
  memcpy(t, doc->text.data, doc->text.len + 1);
  submit(j->c, fmt_label(j->name, lineno), strdup(doc->id.len ? doc->id.data : idnum), t,
         doc->text.len, meta);
}

static void jsonl_bad(void *ctx, size_t lineno, const sw_error *err) {
  jsonl_ctx *j = ctx;
  input_msg(j->c, "saywho: %s: line %zu, column %zu: %s; record skipped\n", j->name, lineno,
            err->offset + 1, err->status == SW_ERR_NOMEM ? "out of memory" : err->message);
  set_status(j->c, EXIT_INPUT);
}

static void run_jsonl(cli *c, const char *name, FILE *f) {
  jsonl_ctx j = {c, name};
  if (cli_each_jsonl(f, &j, jsonl_doc, jsonl_bad)) {
    input_msg(c, "saywho: %s: read error: %s\n", name, strerror(errno));
    set_status(c, EXIT_INPUT);
  }
}

/* A FILE whose first bytes were already read into head. */
typedef struct {
  FILE *f;
  const char *head;
  size_t nh, pos;
  uint64_t got; /* bytes handed out, for the progress line */
} peek_reader;

static size_t peek_read(void *ctx, char *buf, size_t n) {
  peek_reader *p = ctx;
  if (p->pos < p->nh) {
    size_t k = p->nh - p->pos < n ? p->nh - p->pos : n;
    memcpy(buf, p->head + p->pos, k);
    p->pos += k;
    p->got += k;
    return k;
  }
  size_t k = fread(buf, 1, n, p->f);
  p->got += k;
  return k;
}

static int read_rest(peek_reader *p, char **data, size_t *len) {
  size_t cap = 1 << 16, n = 0;
  char *d = malloc(cap);
  if (!d)
    return ENOMEM;
  for (;;) {
    if (n == cap) {
      char *q = realloc(d, cap *= 2);
      if (!q) {
        free(d);
        return ENOMEM;
      }
      d = q;
    }
    size_t k = peek_read(p, d + n, cap - n);
    if (!k)
      break;
    n += k;
  }
  if (ferror(p->f)) {
    int e = errno ? errno : EIO;
    free(d);
    return e;
  }
  *data = d;
  *len = n;
  return 0;
}

/* A stream that serves the peeked bytes, then the rest of the FILE. */
static ssize_t cookie_read(void *ctx, char *buf, size_t n) { return (ssize_t)peek_read(ctx, buf, n); }

static FILE *fmemopen_rest(peek_reader *p) {
  cookie_io_functions_t io = {cookie_read, NULL, NULL, NULL};
  return fopencookie(p, "r", io);
}

static bool ends_with(const char *s, const char *suf) {
  size_t n = strlen(s), k = strlen(suf);
  return n >= k && !strcasecmp(s + n - k, suf);
}

/* The kind of an input, from its name, then from its first bytes. */
static int input_kind(const char *path, const char *h, size_t n) {
  if (ends_with(path, ".warc") || ends_with(path, ".warc.gz"))
    return IN_WARC;
  if (ends_with(path, ".html") || ends_with(path, ".htm") || ends_with(path, ".xhtml"))
    return IN_HTML;
  if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson"))
    return IN_JSONL;
  if (ends_with(path, ".txt"))
    return IN_TEXT;
  if (n >= 2 && (unsigned char)h[0] == 0x1f && (unsigned char)h[1] == 0x8b)
    return IN_WARC; /* gzip: the only compressed input saywho reads */
  if (n >= 5 && !memcmp(h, "WARC/", 5))
    return IN_WARC;
  size_t i = 0;
  if (n >= 3 && !memcmp(h, "\xEF\xBB\xBF", 3))
    i = 3;
  while (i < n && (h[i] == ' ' || h[i] == '\n' || h[i] == '\r' || h[i] == '\t'))
    i++;
  if (i < n && h[i] == '{')
    return IN_JSONL;
  /* markup: "<!doctype", "<html", "<!--", or any tag opening the file */
  if (i + 1 < n && h[i] == '<' &&
      (h[i + 1] == '!' || ((h[i + 1] | 32) >= 'a' && (h[i + 1] | 32) <= 'z')))
    return IN_HTML;
  return IN_TEXT;
}

static char *dup_or_null(const sw_buf *b) { return b->len ? strdup(b->data) : NULL; }

static void submit_doc(cli *c, char *label, char *id, sw_input_doc *doc) {
  char *meta[5] = {dup_or_null(&doc->title), dup_or_null(&doc->author), dup_or_null(&doc->date),
                   dup_or_null(&doc->publisher), dup_or_null(&doc->url)};
  char *t = malloc(doc->text.len + 1);
  if (!t)
    exit(EXIT_ENGINE);
  memcpy(t, doc->text.data ? doc->text.data : "", doc->text.len);
  t[doc->text.len] = 0;
  submit(c, label, id, t, doc->text.len, meta);
}

static void run_html(cli *c, const char *name, const char *id, const char *path, char *data,
                     size_t len) {
  sw_input_doc doc = {0};
  sw_error err;
  if (sw_html_read(data, len, &doc, &err)) {
    input_msg(c, "saywho: %s: %s\n", name, err.message);
    set_status(c, EXIT_INPUT);
  } else {
    submit_doc(c, strdup(name), id ? strdup(id) : cli_base_id(path), &doc);
  }
  free(data);
  sw_input_doc_free(&doc);
}

static void run_warc(cli *c, const char *name, peek_reader *pr) {
  sw_warc *w = sw_warc_new(peek_read, pr);
  if (!w)
    exit(EXIT_ENGINE);
  sw_input_doc doc = {0};
  char why[512];
  sw_error err;
  size_t n = 0;
  for (;;) {
    sw_warc_event ev = sw_warc_next(w, &doc, why, sizeof why, &err);
    if (ev == SW_WARC_END)
      break;
    n++;
    if (ev == SW_WARC_DOC) {
      submit_doc(c, fmt_label(name, n), strdup(doc.id.data), &doc);
    } else if (ev == SW_WARC_SKIP) {
      input_msg(c, "saywho: %s: skipped %s\n", name, why);
    } else {
      input_msg(c, "saywho: %s: %s\n", name, err.message);
      set_status(c, EXIT_INPUT);
    }
  }
  if (ferror(pr->f)) {
    fprintf(stderr, "saywho: %s: read error\n", name);
    set_status(c, EXIT_INPUT);
  }
  sw_input_doc_free(&doc);
  sw_warc_free(w);
}

static void run_file(cli *c, const char *path) {
  int is_stdin = !strcmp(path, "-");
  const char *name = is_stdin ? "<stdin>" : path;
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (!f) {
    input_msg(c, "saywho: %s: %s\n", path, strerror(errno));
    set_status(c, EXIT_INPUT);
    return;
  }
  struct stat sb;
  if (!is_stdin && fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
    input_msg(c, "saywho: %s: is a directory\n", path);
    fclose(f);
    set_status(c, EXIT_INPUT);
    return;
  }
  /* the first bytes decide, when the name does not */
  char head[512];
  size_t nh = fread(head, 1, sizeof head, f);
  int kind = c->input == IN_AUTO ? input_kind(path, head, nh) : c->input;
  peek_reader pr = {f, head, nh, 0, 0};
  c->in_cur = &pr.got;
  if (kind == IN_JSONL) {
    /* getline reads from the FILE: put the peeked bytes back first */
    FILE *g = fmemopen_rest(&pr);
    if (g) {
      run_jsonl(c, name, g);
      fclose(g);
    } else {
      set_status(c, EXIT_ENGINE);
    }
  } else if (kind == IN_WARC) {
    run_warc(c, name, &pr);
  } else {
    char *data = NULL;
    size_t len = 0;
    int e = read_rest(&pr, &data, &len);
    if (e) {
      input_msg(c, "saywho: %s: %s\n", name, strerror(e));
      set_status(c, EXIT_INPUT);
    } else if (kind == IN_HTML) {
      run_html(c, name, is_stdin ? c->stdin_id : NULL, path, data, len);
    } else {
      submit(c, strdup(name), is_stdin ? strdup(c->stdin_id) : cli_base_id(path), data, len, NULL);
    }
  }
  c->in_done += pr.got;
  c->in_cur = NULL;
  if (!is_stdin)
    fclose(f);
}

static void print_stats(const cli *c, double wall) {
  uint64_t sum = 0;
  for (int s = 0; s <= SW_STAGE_COUNT; s++)
    sum += c->total_ns[s];
  fprintf(stderr, "saywho: %zu documents, %.1f MB in %.3f s (%.1f MB/s, %d thread%s)\n",
          c->total_docs, (double)c->total_bytes / 1e6, wall,
          wall > 0 ? (double)c->total_bytes / 1e6 / wall : 0.0, c->jobs, c->jobs == 1 ? "" : "s");
  fprintf(stderr, "  %-12s %10s %6s\n", "stage", "seconds", "share");
  for (int s = 0; s <= SW_STAGE_COUNT; s++)
    fprintf(stderr, "  %-12s %10.3f %5.1f%%\n",
            s < SW_STAGE_COUNT ? sw_stage_name((sw_stage)s) : "output", (double)c->total_ns[s] / 1e9,
            sum ? 100.0 * (double)c->total_ns[s] / (double)sum : 0.0);
}

static int default_jobs(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

int cli_run_extract(int argc, char **argv) {
  static cli c;
  c.fmt = SW_FORMAT_JSONL;
  c.stdin_id = "stdin";
  c.jobs = default_jobs();
  pthread_mutex_init(&c.mu, NULL);
  pthread_cond_init(&c.more, NULL);
  pthread_cond_init(&c.fin, NULL);
  sw_options opt = {0};
  const char *out_path = NULL;
  int quiet = 0;
  const char **files = calloc((size_t)argc + 1, sizeof *files);
  int nfiles = 0;
  if (!files)
    return EXIT_ENGINE;
  int st = EXIT_OK;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *val = NULL;
    int r;
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      fputs(usage, stdout);
      goto done;
    } else if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
      printf("saywho %s\n", sw_version());
      goto done;
    } else if ((r = cli_optarg(argc, argv, &i, "-f", "--format", &val))) {
      if (r < 0)
        goto usage_err;
      if (!strcmp(val, "jsonl"))
        c.fmt = SW_FORMAT_JSONL;
      else if (!strcmp(val, "brat"))
        c.fmt = SW_FORMAT_BRAT;
      else if (!strcmp(val, "text"))
        c.fmt = SW_FORMAT_TEXT;
      else if (!strcmp(val, "html"))
        c.fmt = SW_FORMAT_HTML;
      else {
        fprintf(stderr, "saywho: unknown format '%s' (jsonl, brat, text, html)\n", val);
        goto usage_err;
      }
    } else if ((r = cli_optarg(argc, argv, &i, "-i", "--input", &val))) {
      if (r < 0)
        goto usage_err;
      if (!strcmp(val, "jsonl"))
        c.input = IN_JSONL;
      else if (!strcmp(val, "text"))
        c.input = IN_TEXT;
      else if (!strcmp(val, "html"))
        c.input = IN_HTML;
      else if (!strcmp(val, "warc"))
        c.input = IN_WARC;
      else if (!strcmp(val, "auto"))
        c.input = IN_AUTO;
      else {
        fprintf(stderr, "saywho: unknown input kind '%s' (auto, text, jsonl, html, warc)\n", val);
        goto usage_err;
      }
    } else if ((r = cli_optarg(argc, argv, &i, "-o", "--output", &val))) {
      if (r < 0)
        goto usage_err;
      out_path = val;
    } else if ((r = cli_optarg(argc, argv, &i, "-O", "--out-dir", &val))) {
      if (r < 0)
        goto usage_err;
      c.out_dir = val;
    } else if ((r = cli_optarg(argc, argv, &i, "-j", "--jobs", &val))) {
      char *end;
      long n = r < 0 ? 0 : strtol(val, &end, 10);
      if (r < 0 || *end || n < 1 || n > 64) {
        fprintf(stderr, "saywho: --jobs takes a number from 1 to 64\n");
        goto usage_err;
      }
      c.jobs = (int)n;
    } else if ((r = cli_optarg(argc, argv, &i, NULL, "--id", &val))) {
      if (r < 0)
        goto usage_err;
      c.stdin_id = val;
    } else if ((r = cli_optarg(argc, argv, &i, NULL, "--model", &val))) {
      if (r < 0)
        goto usage_err;
      opt.model_path = val;
    } else if (!strcmp(a, "--rules-only")) {
      opt.rules_only = 1;
    } else if (!strcmp(a, "--nested")) {
      opt.nested = 1;
    } else if (!strcmp(a, "--strict-utf8")) {
      opt.strict_utf8 = 1;
    } else if (!strcmp(a, "--text")) {
      c.include_text = 1;
    } else if (!strcmp(a, "--stats")) {
      opt.stats = c.stats = 1;
    } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
      quiet = 1;
    } else if (!strcmp(a, "--")) {
      for (i++; i < argc; i++)
        files[nfiles++] = argv[i];
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "saywho: unknown option '%s'; see saywho --help\n", a);
      goto usage_err;
    } else {
      files[nfiles++] = a;
    }
  }
  signal(SIGPIPE, SIG_IGN);
  c.outf = stdout;
  if (out_path && !(c.outf = fopen(out_path, "wb"))) {
    fprintf(stderr, "saywho: cannot write %s: %s\n", out_path, strerror(errno));
    st = EXIT_OUTPUT;
    goto done;
  }
  sw_error err;
  c.eng = sw_engine_new(&opt, &err);
  if (!c.eng) {
    fprintf(stderr, "saywho: %s\n", err.message);
    st = EXIT_ENGINE;
    goto done;
  }
  if (!nfiles)
    files[nfiles++] = "-";
  /* a progress line for people watching a terminal, with an ETA when
   * every input is a regular file whose size is known */
  c.progress = !quiet && isatty(STDERR_FILENO) && (out_path || c.out_dir || !isatty(STDOUT_FILENO));
  for (int i = 0; i < nfiles && c.progress; i++) {
    struct stat sb;
    int ok = !strcmp(files[i], "-") ? fstat(STDIN_FILENO, &sb) : stat(files[i], &sb);
    if (ok != 0 || !S_ISREG(sb.st_mode)) {
      c.in_total = 0;
      break;
    }
    c.in_total += (uint64_t)sb.st_size;
  }
  uint64_t t0 = now_ns();
  c.t_start = t0;
  for (int i = 0; i < nfiles; i++)
    run_file(&c, files[i]);
  flush_all(&c);
  stop_workers(&c);
  progress(&c, 1);
  if (fflush(c.outf) != 0 || ferror(c.outf) || (c.outf != stdout && fclose(c.outf) != 0))
    die_output();
  if (c.stats)
    print_stats(&c, (double)(now_ns() - t0) / 1e9);
  sw_engine_free(c.eng);
  st = c.status;
  goto done;
usage_err:
  st = EXIT_USAGE;
done:
  free(files);
  return st;
}

int main(int argc, char **argv) {
  if (argc > 1) {
    const cli_command *cmd = cli_find_command(argv[1]);
    if (cmd)
      return cmd->run(argc - 1, argv + 1);
  }
  return cli_run_extract(argc, argv);
}
