/* saywho index, query, versions and speakers: the claim store's commands. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "store.h"
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void put(sw_buf *b, const char *s) { sw_buf_append(b, s, strlen(s)); }
static void putn(sw_buf *b, const char *s, size_t n) { sw_buf_append(b, s, n); }

/* ---- indexing ---- */

/* Text of a role: its spans joined with " … ". */
static char *role_text(const char *text, size_t len, const sw_role *r) {
  sw_buf b = {0};
  for (size_t i = 0; i < r->n; i++) {
    size_t s = r->spans[i].start, e = r->spans[i].end;
    if (e > len || s > e)
      continue;
    if (i)
      put(&b, " \xE2\x80\xA6 ");
    putn(&b, text + s, e - s);
  }
  putn(&b, "", 0);
  return b.data; /* NULL for an empty role */
}

static void spans_json(sw_buf *b, const char *name, const sw_role *r, int first) {
  char tmp[64];
  snprintf(tmp, sizeof tmp, "%s\"%s\":[", first ? "{" : ",", name);
  put(b, tmp);
  for (size_t i = 0; i < r->n; i++) {
    snprintf(tmp, sizeof tmp, "%s[%zu,%zu]", i ? "," : "", r->spans[i].start, r->spans[i].end);
    put(b, tmp);
  }
  put(b, "]");
}

/* 64-bit FNV-1a of the text, with its length: the document key. */
static void text_hash(const char *t, size_t n, char out[48]) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)t[i];
    h *= 1099511628211ull;
  }
  snprintf(out, 48, "%016llx-%zu", (unsigned long long)h, n);
}

typedef struct {
  store *db;
  sw_engine *eng;
  size_t added, unchanged, failed;
  int status;
} indexer;

static void index_doc(indexer *ix, const char *label, const char *id, const char *text, size_t len,
                      const char *path, const sw_input_doc *meta) {
  sw_error err;
  sw_result *r = sw_extract(ix->eng, text, len, &err);
  if (!r) {
    fprintf(stderr, "saywho index: %s: %s\n", label, err.message);
    ix->failed++;
    ix->status = err.status == SW_ERR_NOMEM ? EXIT_ENGINE : EXIT_INPUT;
    return;
  }
  size_t na = sw_result_count(r), ns = sw_result_speaker_count(r);
  store_att *atts = calloc(na ? na : 1, sizeof *atts);
  store_spk *spks = calloc(ns ? ns : 1, sizeof *spks);
  char **strs = calloc(na * 5 + ns * 24 + 1, sizeof *strs);
  size_t nstr = 0;
  if (!atts || !spks || !strs) {
    fprintf(stderr, "saywho index: out of memory\n");
    exit(EXIT_ENGINE);
  }
  for (size_t i = 0; i < ns; i++) {
    const sw_speaker *s = sw_result_speaker(r, i);
    sw_role nm = {1, &s->name};
    spks[i].name = strs[nstr++] = role_text(text, len, &nm);
    spks[i].type = sw_speaker_type_str(s->type);
    spks[i].title = s->title;
    spks[i].affiliation = s->affiliation;
    /* aliases: the distinct ways the text names it, up to 20 */
    const char **al = calloc(20, sizeof *al);
    size_t k = 0;
    for (size_t m = 0; m < s->nmentions && k < 20; m++) {
      sw_role one = {1, &s->mentions[m]};
      char *t = role_text(text, len, &one);
      int dup = !t;
      for (size_t q = 0; q < k && !dup; q++)
        dup = !strcmp(al[q], t);
      if (dup) {
        free(t);
        continue;
      }
      al[k++] = strs[nstr++] = t;
    }
    spks[i].aliases = al;
    spks[i].naliases = k;
  }
  for (size_t i = 0; i < na; i++) {
    const sw_attribution *a = sw_result_get(r, i);
    atts[i].kind = a->kind == SW_DIRECT ? "direct" : a->kind == SW_MIXED ? "mixed" : "indirect";
    atts[i].source = strs[nstr++] = role_text(text, len, &a->source);
    atts[i].cue = strs[nstr++] = role_text(text, len, &a->cue);
    atts[i].content = strs[nstr++] = role_text(text, len, &a->content);
    sw_buf sp = {0};
    spans_json(&sp, "source", &a->source, 1);
    spans_json(&sp, "cue", &a->cue, 0);
    spans_json(&sp, "content", &a->content, 0);
    put(&sp, "}");
    atts[i].spans = strs[nstr++] = sp.data;
    atts[i].speaker = a->speaker == SW_NO_SPEAKER ? -1 : (long)a->speaker;
    atts[i].certainty = sw_certainty_level_str(a->certainty.level);
    atts[i].score = a->certainty.score;
    atts[i].sentence = (long)a->sentence;
  }
  char hash[48];
  text_hash(text, len, hash);
  store_doc d = {id, path, meta ? meta->title.data : NULL, meta ? meta->author.data : NULL,
                 meta ? meta->date.data : NULL, meta ? meta->publisher.data : NULL, hash};
  char msg[512];
  int rc = store_add(ix->db, &d, spks, ns, atts, na, msg, sizeof msg);
  if (rc < 0) {
    fprintf(stderr, "saywho index: %s: %s\n", label, msg);
    ix->failed++;
    ix->status = EXIT_OUTPUT;
  } else if (rc == 0) {
    ix->unchanged++;
  } else {
    ix->added++;
  }
  for (size_t i = 0; i < ns; i++)
    free((void *)spks[i].aliases);
  for (size_t i = 0; i < nstr; i++)
    free(strs[i]);
  free(strs);
  free(atts);
  free(spks);
  sw_result_free(r);
}

static int is_jsonl_name(const char *p) {
  size_t n = strlen(p);
  return (n > 6 && !strcmp(p + n - 6, ".jsonl")) || (n > 5 && !strcmp(p + n - 5, ".json")) ||
         (n > 7 && !strcmp(p + n - 7, ".ndjson"));
}

typedef struct {
  indexer *ix;
  const char *path;
} index_ctx;

static void index_jsonl_doc(void *ctx, size_t lineno, sw_input_doc *doc) {
  index_ctx *ic = ctx;
  char label[512], idnum[32];
  snprintf(label, sizeof label, "%s:%zu", ic->path, lineno);
  snprintf(idnum, sizeof idnum, "%zu", lineno);
  index_doc(ic->ix, label, doc->id.len ? doc->id.data : idnum, doc->text.data, doc->text.len,
            ic->path, doc);
}

static void index_jsonl_bad(void *ctx, size_t lineno, const sw_error *err) {
  index_ctx *ic = ctx;
  fprintf(stderr, "saywho index: %s: line %zu, column %zu: %s; record skipped\n", ic->path, lineno,
          err->offset + 1, err->message);
  ic->ix->failed++;
  ic->ix->status = EXIT_INPUT;
}

static void index_file(indexer *ix, const char *path, int jsonl) {
  int is_stdin = !strcmp(path, "-");
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "saywho index: %s: %s\n", path, strerror(errno));
    ix->failed++;
    ix->status = EXIT_INPUT;
    return;
  }
  if (jsonl < 0)
    jsonl = is_jsonl_name(path);
  if (jsonl) {
    index_ctx ic = {ix, path};
    if (cli_each_jsonl(f, &ic, index_jsonl_doc, index_jsonl_bad)) {
      fprintf(stderr, "saywho index: %s: read error\n", path);
      ix->failed++;
      ix->status = EXIT_INPUT;
    }
  } else {
    sw_buf b = {0};
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
      putn(&b, chunk, k);
    if (ferror(f)) {
      fprintf(stderr, "saywho index: %s: read error\n", path);
      ix->failed++;
      ix->status = EXIT_INPUT;
    } else {
      char *id = cli_base_id(is_stdin ? "stdin" : path);
      index_doc(ix, path, id, b.data ? b.data : "", b.len, path, NULL);
      free(id);
    }
    sw_buf_free(&b);
  }
  if (!is_stdin)
    fclose(f);
}

static const char index_usage[] =
    "usage: saywho index --db DB [OPTION]... FILE...\n"
    "Extract the attributions of each document and store them in DB, one\n"
    "transaction per document.  DB is a SQLite file (created when missing) or\n"
    "a postgresql:// connection string.  A document already stored (same\n"
    "text) is left as it is, so indexing again is safe.  FILE may be text, or\n"
    "JSONL (one {\"id\", \"text\", \"title\", \"author\", \"date\", \"publisher\"}\n"
    "object per line, which is also what `saywho --text` writes).\n"
    "\n"
    "  --db DB            the store (required)\n"
    "  -i, --input KIND   text, jsonl, or auto (default: by extension)\n"
    "  --rules-only       quotation rules only, no model\n"
    "  --nested           keep speech reported inside another's content\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit status: 0 all stored, 1 some input unreadable or bad records\n"
    "(reported with their line, the rest stored), 2 bad command line,\n"
    "3 engine failure, 4 the store could not be written.\n";

static int cmd_index(int argc, char **argv) {
  const char *db = NULL, *val;
  int jsonl = -1;
  sw_options opt = {0};
  const char **files = calloc((size_t)argc, sizeof *files);
  int nf = 0, r;
  if (!files)
    return EXIT_ENGINE;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      fputs(index_usage, stdout);
      free(files);
      return EXIT_OK;
    } else if ((r = cli_optarg(argc, argv, &i, NULL, "--db", &val))) {
      if (r < 0)
        goto usage;
      db = val;
    } else if ((r = cli_optarg(argc, argv, &i, "-i", "--input", &val))) {
      if (r < 0)
        goto usage;
      jsonl = !strcmp(val, "jsonl") ? 1 : !strcmp(val, "text") ? 0 : -1;
      if (jsonl < 0 && strcmp(val, "auto"))
        goto usage;
    } else if (!strcmp(argv[i], "--rules-only")) {
      opt.rules_only = 1;
    } else if (!strcmp(argv[i], "--nested")) {
      opt.nested = 1;
    } else if (argv[i][0] == '-' && argv[i][1]) {
      fprintf(stderr, "saywho index: unknown option '%s'\n", argv[i]);
      goto usage;
    } else {
      files[nf++] = argv[i];
    }
  }
  if (!db || !nf) {
    fprintf(stderr, "saywho index: needs --db and at least one FILE\n");
    goto usage;
  }
  char err[512];
  indexer ix = {0};
  ix.db = store_open(db, err, sizeof err);
  if (!ix.db) {
    fprintf(stderr, "saywho index: %s\n", err);
    free(files);
    return EXIT_OUTPUT;
  }
  sw_error e;
  ix.eng = sw_engine_new(&opt, &e);
  if (!ix.eng) {
    fprintf(stderr, "saywho index: %s\n", e.message);
    store_close(ix.db);
    free(files);
    return EXIT_ENGINE;
  }
  for (int i = 0; i < nf; i++)
    index_file(&ix, files[i], jsonl);
  fprintf(stderr, "saywho index: %zu stored, %zu already there, %zu failed\n", ix.added,
          ix.unchanged, ix.failed);
  sw_engine_free(ix.eng);
  store_close(ix.db);
  free(files);
  return ix.status;
usage:
  fputs(index_usage, stderr);
  free(files);
  return EXIT_USAGE;
}

/* ---- querying ---- */

typedef struct {
  int jsonl;
  size_t n;
  sw_buf out;
} printer;

static void jfield(sw_buf *b, const char *name, const char *v, int first) {
  if (!first)
    put(b, ",");
  put(b, "\"");
  put(b, name);
  put(b, "\":");
  if (v)
    sw_buf_json_string(b, v, strlen(v));
  else
    put(b, "null");
}

static void row_jsonl(sw_buf *b, const store_row *r) {
  char tmp[64];
  snprintf(tmp, sizeof tmp, "{\"id\":%ld", r->id);
  put(b, tmp);
  jfield(b, "doc", r->doc, 0);
  jfield(b, "date", r->date, 0);
  jfield(b, "title", r->title, 0);
  jfield(b, "speaker", r->speaker, 0);
  jfield(b, "speaker_title", r->speaker_title, 0);
  jfield(b, "kind", r->kind, 0);
  jfield(b, "certainty", r->certainty, 0);
  snprintf(tmp, sizeof tmp, ",\"score\":%.2f", r->score);
  put(b, tmp);
  jfield(b, "source", r->source, 0);
  jfield(b, "cue", r->cue, 0);
  jfield(b, "content", r->content, 0);
  put(b, "}\n");
}

static void row_text(sw_buf *b, const store_row *r) {
  char tmp[256];
  snprintf(tmp, sizeof tmp, "%-10s  %-9s  ", r->date ? r->date : "-",
           r->certainty ? r->certainty : "-");
  put(b, tmp);
  put(b, r->speaker ? r->speaker : r->source ? r->source : "(no speaker)");
  if (r->speaker_title) {
    put(b, " (");
    put(b, r->speaker_title);
    put(b, ")");
  }
  put(b, " ");
  put(b, r->cue ? r->cue : "-");
  put(b, ": ");
  put(b, r->content ? r->content : "");
  put(b, "  [");
  put(b, r->doc ? r->doc : "");
  put(b, "]\n");
}

static int print_row(void *ctx, const store_row *r) {
  printer *p = ctx;
  if (p->jsonl)
    row_jsonl(&p->out, r);
  else
    row_text(&p->out, r);
  p->n++;
  if (p->out.len > 1 << 16) {
    if (fwrite(p->out.data, 1, p->out.len, stdout) != p->out.len)
      return 1;
    p->out.len = 0;
  }
  return 0;
}

static int flush_printer(printer *p) {
  int bad = p->out.len && fwrite(p->out.data, 1, p->out.len, stdout) != p->out.len;
  sw_buf_free(&p->out);
  if (fflush(stdout) != 0 || bad) {
    if (errno == EPIPE)
      return EXIT_OK;
    fprintf(stderr, "saywho: cannot write output: %s\n", strerror(errno));
    return EXIT_OUTPUT;
  }
  return EXIT_OK;
}

static const char query_usage[] =
    "usage: saywho query --db DB [OPTION]...\n"
    "List stored attributions, oldest first.\n"
    "\n"
    "  --db DB           the store: a SQLite file or a postgresql:// string\n"
    "  --speaker NAME    speakers whose name contains NAME, or with that alias\n"
    "  --about WORDS     content matching all the words (full-text search)\n"
    "  --since DATE      documents dated on or after DATE (ISO 8601)\n"
    "  --until DATE      documents dated on or before DATE\n"
    "  --kind KIND       direct, indirect or mixed\n"
    "  --limit N         at most N rows\n"
    "  --format FMT      text (default) or jsonl\n"
    "\n"
    "Exit status: 0 done (even with no rows), 2 bad command line, 4 the store\n"
    "could not be read.\n";

/* One of the query options; *opt receives its long name. */
static int query_opt(int argc, char **argv, int *i, const char **val, const char **opt) {
  static const char *const names[] = {"--db",   "--speaker", "--about", "--since",
                                      "--until", "--kind",    "--limit", "--format"};
  for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
    int r = cli_optarg(argc, argv, i, k == 7 ? "-f" : NULL, names[k], val);
    if (r) {
      *opt = names[k];
      return r;
    }
  }
  return 0;
}

static int parse_query(int argc, char **argv, const char *name, const char *usage, const char **db,
                       store_query *q, int *jsonl, const char **topic) {
  const char *val, *opt;
  int r;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      fputs(usage, stdout);
      return 0;
    } else if ((r = query_opt(argc, argv, &i, &val, &opt))) {
      if (r < 0)
        return -1;
      if (!strncmp(opt, "--db", 4))
        *db = val;
      else if (!strncmp(opt, "--speaker", 9))
        q->speaker = val;
      else if (!strncmp(opt, "--about", 7))
        q->about = val;
      else if (!strncmp(opt, "--since", 7))
        q->since = val;
      else if (!strncmp(opt, "--until", 7))
        q->until = val;
      else if (!strncmp(opt, "--kind", 6)) {
        if (strcmp(val, "direct") && strcmp(val, "indirect") && strcmp(val, "mixed")) {
          fprintf(stderr, "saywho %s: --kind is direct, indirect or mixed\n", name);
          return -1;
        }
        q->kind = val;
      } else if (!strncmp(opt, "--limit", 7)) {
        char *end;
        q->limit = strtol(val, &end, 10);
        if (*end || q->limit < 0) {
          fprintf(stderr, "saywho %s: --limit takes a number\n", name);
          return -1;
        }
      } else {
        int html = !strcmp(val, "html") && !strcmp(name, "versions");
        if (strcmp(val, "text") && strcmp(val, "jsonl") && !html) {
          fprintf(stderr, "saywho %s: --format is text or jsonl%s\n", name,
                  !strcmp(name, "versions") ? " or html" : "");
          return -1;
        }
        *jsonl = html ? 2 : !strcmp(val, "jsonl");
      }
    } else if (topic && argv[i][0] != '-' && !*topic) {
      *topic = argv[i];
    } else {
      fprintf(stderr, "saywho %s: unexpected argument '%s'\n", name, argv[i]);
      return -1;
    }
  }
  if (!*db) {
    fprintf(stderr, "saywho %s: needs --db\n", name);
    return -1;
  }
  return 1;
}

static int cmd_query(int argc, char **argv) {
  const char *db = NULL;
  store_query q = {0};
  printer p = {0};
  int r = parse_query(argc, argv, "query", query_usage, &db, &q, &p.jsonl, NULL);
  if (r <= 0) {
    if (r < 0)
      fputs(query_usage, stderr);
    return r < 0 ? EXIT_USAGE : EXIT_OK;
  }
  char err[512];
  store *s = store_open(db, err, sizeof err);
  if (!s) {
    fprintf(stderr, "saywho query: %s\n", err);
    return EXIT_OUTPUT;
  }
  int rc = store_find(s, &q, print_row, &p, err, sizeof err);
  store_close(s);
  if (rc) {
    fprintf(stderr, "saywho query: %s\n", err);
    sw_buf_free(&p.out);
    return EXIT_OUTPUT;
  }
  return flush_printer(&p);
}

/* ---- versions: who says what about a topic ---- */

typedef struct {
  char *speaker, *title, *doc, *date, *certainty, *cue, *content;
  double score;
  long id;
} claim;

typedef struct {
  claim *v;
  size_t n, cap;
} claims;

static char *dupz(const char *s) { return s ? strdup(s) : NULL; }

static int collect(void *ctx, const store_row *r) {
  claims *c = ctx;
  for (size_t i = 0; i < c->n; i++)
    if (c->v[i].id == r->id)
      return 0;
  if (c->n == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 64;
    claim *v = realloc(c->v, cap * sizeof *v);
    if (!v)
      return 1;
    c->v = v;
    c->cap = cap;
  }
  claim *o = &c->v[c->n++];
  o->id = r->id;
  o->speaker = dupz(r->speaker ? r->speaker : r->source ? r->source : "(unattributed)");
  o->title = dupz(r->speaker_title);
  o->doc = dupz(r->doc);
  o->date = dupz(r->date);
  o->certainty = dupz(r->certainty);
  o->cue = dupz(r->cue);
  o->content = dupz(r->content);
  o->score = r->score;
  return 0;
}

/* Is the claim itself negative ("our crew never opened that valve")?  An
 * odd number of negators among its words. */
static int negative(const char *s) {
  static const char *const neg[] = {"not", "never", "no", "nobody", "nothing", "none",
                                    "neither", "nor", "cannot", NULL};
  int n = 0;
  for (const char *p = s; p && *p;) {
    while (*p && !((*p | 32) >= 'a' && (*p | 32) <= 'z'))
      p++;
    const char *w = p;
    while (*p && (((*p | 32) >= 'a' && (*p | 32) <= 'z') || *p == '\''))
      p++;
    size_t len = (size_t)(p - w);
    if (len >= 3 && !strncmp(p - 3, "n't", 3))
      n++;
    else
      for (int k = 0; neg[k]; k++)
        if (strlen(neg[k]) == len && !strncasecmp(w, neg[k], len))
          n++;
  }
  return n % 2;
}

/* A stance: +1 the source affirms the claim, -1 it holds the opposite
 * (doubting a claim, or affirming its negation), 0 it leaves it open. */
static int stance(const claim *c) {
  int firm = c->score >= 0.2 ? 1 : c->score < -0.2 ? -1 : 0;
  return negative(c->content) ? -firm : firm;
}

static int by_speaker(const void *a, const void *b) {
  const claim *x = a, *y = b;
  int k = strcmp(x->speaker, y->speaker);
  if (k)
    return k;
  k = strcmp(x->date ? x->date : "", y->date ? y->date : "");
  return k ? k : (x->id > y->id) - (x->id < y->id);
}

static void h(sw_buf *b, const char *s) {
  if (s)
    sw_buf_html(b, s, strlen(s));
}

/* The versions page: one card per speaker with their claims, then the
 * contradicting pairs.  Self-contained, no script, all text escaped. */
static void versions_html(sw_buf *b, const char *topic, const claims *c) {
  static const char *const pal[] = {"#ffd8a8", "#b2f2bb", "#a5d8ff", "#fcc2d7", "#ffec99", "#d0bfff",
                                    "#99e9f2", "#ffc9c9", "#c0eb75", "#eebefa", "#bac8ff", "#96f2d7"};
  char tmp[256];
  put(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Versions: ");
  h(b, topic);
  put(b, "</title><style>"
         "body{font:16px/1.5 system-ui,sans-serif;margin:2em;color:#111;max-width:60em}"
         ".spk{border:1px solid #999;border-left:10px solid var(--c);border-radius:6px;"
         "margin:1em 0;padding:.5em 1em}.spk h2{margin:.2em 0;font-size:1.1em}"
         "table{border-collapse:collapse;width:100%}td{padding:.25em .4em;vertical-align:top;"
         "border-top:1px solid #eee}.date{white-space:nowrap;color:#333}"
         ".badge{font:bold 12px system-ui;border:1px solid #333;border-radius:3px;padding:0 .3em}"
         ".c-certain{background:#111;color:#fff}.c-probable{background:#555;color:#fff}"
         ".c-possible{border-style:dashed}.c-doubtful{text-decoration:line-through}"
         ".vs{display:grid;grid-template-columns:1fr 1fr;gap:1em;margin:.6em 0}"
         ".vs div{border:1px solid #999;border-radius:6px;padding:.5em}"
         "</style></head><body><h1>Versions of &ldquo;");
  h(b, topic);
  snprintf(tmp, sizeof tmp, "&rdquo;</h1><p>%zu claims.</p>\n", c->n);
  put(b, tmp);
  size_t sp = 0;
  for (size_t i = 0; i < c->n; sp++) {
    size_t j = i;
    while (j < c->n && !strcmp(c->v[j].speaker, c->v[i].speaker))
      j++;
    snprintf(tmp, sizeof tmp, "<section class=\"spk\" style=\"--c:%s\" data-speaker=\"", pal[sp % 12]);
    put(b, tmp);
    h(b, c->v[i].speaker);
    put(b, "\"><h2>");
    h(b, c->v[i].speaker);
    if (c->v[i].title) {
      put(b, ", ");
      h(b, c->v[i].title);
    }
    put(b, "</h2><table>");
    for (size_t k = i; k < j; k++) {
      put(b, "<tr class=\"claim\"><td class=\"date\">");
      h(b, c->v[k].date ? c->v[k].date : "undated");
      snprintf(tmp, sizeof tmp, "</td><td><span class=\"badge c-%s\">", c->v[k].certainty);
      put(b, tmp);
      h(b, c->v[k].certainty);
      put(b, "</span></td><td><em>");
      h(b, c->v[k].cue);
      put(b, "</em> ");
      h(b, c->v[k].content);
      put(b, "</td><td>");
      h(b, c->v[k].doc);
      put(b, "</td></tr>");
    }
    put(b, "</table></section>\n");
    i = j;
  }
  int header = 0;
  for (size_t i = 0; i < c->n; i++) {
    if (stance(&c->v[i]) != -1)
      continue;
    for (size_t k = 0; k < c->n; k++) {
      if (stance(&c->v[k]) != 1 || !strcmp(c->v[k].speaker, c->v[i].speaker))
        continue;
      if (!header) {
        put(b, "<h2>Where they disagree</h2>\n");
        header = 1;
      }
      const claim *pair[2] = {&c->v[k], &c->v[i]};
      put(b, "<div class=\"vs\">");
      for (int q = 0; q < 2; q++) {
        put(b, "<div><strong>");
        h(b, pair[q]->speaker);
        put(b, "</strong> (");
        h(b, pair[q]->date ? pair[q]->date : "undated");
        snprintf(tmp, sizeof tmp, ") <span class=\"badge c-%s\">", pair[q]->certainty);
        put(b, tmp);
        h(b, pair[q]->certainty);
        put(b, "</span><br><em>");
        h(b, pair[q]->cue);
        put(b, "</em> ");
        h(b, pair[q]->content);
        put(b, "</div>");
      }
      put(b, "</div>\n");
    }
  }
  put(b, "</body></html>\n");
}

static const char versions_usage[] =
    "usage: saywho versions --db DB [OPTION]... \"TOPIC\"\n"
    "Every stored claim about TOPIC (full-text match on the content, or a\n"
    "speaker matching TOPIC), grouped by speaker with certainty and date;\n"
    "then the claims that contradict each other, side by side: one speaker\n"
    "affirms what another doubts or denies.\n"
    "\n"
    "  --db DB           the store\n"
    "  --since DATE, --until DATE, --kind KIND, --limit N   as for query\n"
    "  --format FMT      text (default), jsonl (one line per speaker) or html\n"
    "\n"
    "Exit status: 0 done, 2 bad command line, 4 the store could not be read.\n";

static void free_claims(claims *c) {
  for (size_t i = 0; i < c->n; i++) {
    claim *o = &c->v[i];
    free(o->speaker);
    free(o->title);
    free(o->doc);
    free(o->date);
    free(o->certainty);
    free(o->cue);
    free(o->content);
  }
  free(c->v);
}

static int cmd_versions(int argc, char **argv) {
  const char *db = NULL, *topic = NULL;
  store_query q = {0};
  int jsonl = 0;
  int r = parse_query(argc, argv, "versions", versions_usage, &db, &q, &jsonl, &topic);
  if (r <= 0 || !topic) {
    if (r >= 0 && !topic && r > 0)
      fprintf(stderr, "saywho versions: needs a TOPIC\n");
    if (r != 0)
      fputs(versions_usage, stderr);
    return r == 0 ? EXIT_OK : EXIT_USAGE;
  }
  char err[512];
  store *s = store_open(db, err, sizeof err);
  if (!s) {
    fprintf(stderr, "saywho versions: %s\n", err);
    return EXIT_OUTPUT;
  }
  claims c = {0};
  store_query q1 = q, q2 = q;
  q1.about = topic;
  q2.speaker = topic;
  int rc = store_find(s, &q1, collect, &c, err, sizeof err);
  if (!rc)
    rc = store_find(s, &q2, collect, &c, err, sizeof err);
  store_close(s);
  if (rc) {
    fprintf(stderr, "saywho versions: %s\n", err);
    free_claims(&c);
    return EXIT_OUTPUT;
  }
  qsort(c.v, c.n, sizeof *c.v, by_speaker);
  if (jsonl == 2) {
    printer hp = {0};
    versions_html(&hp.out, topic, &c);
    free_claims(&c);
    return flush_printer(&hp);
  }
  sw_buf b = {0};
  char tmp[256];
  if (!jsonl) {
    snprintf(tmp, sizeof tmp, "Versions of \"%s\": %zu claims\n", topic, c.n);
    put(&b, tmp);
  }
  for (size_t i = 0; i < c.n;) {
    size_t j = i;
    while (j < c.n && !strcmp(c.v[j].speaker, c.v[i].speaker))
      j++;
    if (jsonl) {
      put(&b, "{\"speaker\":");
      sw_buf_json_string(&b, c.v[i].speaker, strlen(c.v[i].speaker));
      jfield(&b, "title", c.v[i].title, 0);
      put(&b, ",\"claims\":[");
      for (size_t k = i; k < j; k++) {
        put(&b, k > i ? ",{" : "{");
        jfield(&b, "date", c.v[k].date, 1);
        jfield(&b, "doc", c.v[k].doc, 0);
        jfield(&b, "certainty", c.v[k].certainty, 0);
        snprintf(tmp, sizeof tmp, ",\"score\":%.2f", c.v[k].score);
        put(&b, tmp);
        jfield(&b, "cue", c.v[k].cue, 0);
        jfield(&b, "content", c.v[k].content, 0);
        put(&b, "}");
      }
      put(&b, "]}\n");
    } else {
      put(&b, "\n");
      put(&b, c.v[i].speaker);
      if (c.v[i].title) {
        put(&b, ", ");
        put(&b, c.v[i].title);
      }
      put(&b, "\n");
      for (size_t k = i; k < j; k++) {
        snprintf(tmp, sizeof tmp, "  %-10s %-9s %s: ", c.v[k].date ? c.v[k].date : "-",
                 c.v[k].certainty ? c.v[k].certainty : "-", c.v[k].cue ? c.v[k].cue : "-");
        put(&b, tmp);
        put(&b, c.v[k].content ? c.v[k].content : "");
        put(&b, "  [");
        put(&b, c.v[k].doc ? c.v[k].doc : "");
        put(&b, "]\n");
      }
    }
    i = j;
  }
  if (!jsonl) {
    /* side by side: a claim affirmed by one speaker and doubted by another */
    int header = 0;
    for (size_t i = 0; i < c.n; i++) {
      if (stance(&c.v[i]) != -1)
        continue;
      for (size_t k = 0; k < c.n; k++) {
        if (stance(&c.v[k]) != 1 || !strcmp(c.v[k].speaker, c.v[i].speaker))
          continue;
        if (!header) {
          put(&b, "\nWhere they disagree\n");
          header = 1;
        }
        snprintf(tmp, sizeof tmp, "  %s (%s, %s) %s: ", c.v[k].speaker, c.v[k].certainty,
                 c.v[k].date ? c.v[k].date : "-", c.v[k].cue ? c.v[k].cue : "");
        put(&b, tmp);
        put(&b, c.v[k].content);
        snprintf(tmp, sizeof tmp, "\n    vs %s (%s, %s) %s: ", c.v[i].speaker, c.v[i].certainty,
                 c.v[i].date ? c.v[i].date : "-", c.v[i].cue ? c.v[i].cue : "");
        put(&b, tmp);
        put(&b, c.v[i].content);
        put(&b, "\n");
      }
    }
  }
  printer p = {0};
  p.out = b;
  free_claims(&c);
  return flush_printer(&p);
}

/* ---- speakers ---- */

static int print_speaker(void *ctx, const store_spk_row *r) {
  printer *p = ctx;
  char tmp[128];
  if (p->jsonl) {
    put(&p->out, "{");
    jfield(&p->out, "name", r->name, 1);
    jfield(&p->out, "type", r->type, 0);
    jfield(&p->out, "title", r->title, 0);
    jfield(&p->out, "affiliation", r->affiliation, 0);
    jfield(&p->out, "aliases", r->aliases, 0);
    snprintf(tmp, sizeof tmp, ",\"attributions\":%ld,\"documents\":%ld}\n", r->attributions,
             r->documents);
    put(&p->out, tmp);
  } else {
    snprintf(tmp, sizeof tmp, "%6ld %5ld  ", r->attributions, r->documents);
    put(&p->out, tmp);
    put(&p->out, r->name ? r->name : "");
    if (r->title || r->affiliation) {
      put(&p->out, " (");
      put(&p->out, r->title ? r->title : "");
      if (r->title && r->affiliation)
        put(&p->out, ", ");
      put(&p->out, r->affiliation ? r->affiliation : "");
      put(&p->out, ")");
    }
    snprintf(tmp, sizeof tmp, " [%s]\n", r->type ? r->type : "-");
    put(&p->out, tmp);
  }
  return 0;
}

static const char speakers_usage[] =
    "usage: saywho speakers --db DB [--limit N] [--format text|jsonl]\n"
    "Speakers by number of attributions, with their titles: the columns are\n"
    "attributions, documents, name (title, affiliation) [type].\n"
    "Exit status: 0 done, 2 bad command line, 4 the store could not be read.\n";

static int cmd_speakers(int argc, char **argv) {
  const char *db = NULL;
  store_query q = {0};
  printer p = {0};
  int r = parse_query(argc, argv, "speakers", speakers_usage, &db, &q, &p.jsonl, NULL);
  if (r <= 0) {
    if (r < 0)
      fputs(speakers_usage, stderr);
    return r < 0 ? EXIT_USAGE : EXIT_OK;
  }
  char err[512];
  store *s = store_open(db, err, sizeof err);
  if (!s) {
    fprintf(stderr, "saywho speakers: %s\n", err);
    return EXIT_OUTPUT;
  }
  int rc = store_speakers(s, q.limit, print_speaker, &p, err, sizeof err);
  store_close(s);
  if (rc) {
    fprintf(stderr, "saywho speakers: %s\n", err);
    sw_buf_free(&p.out);
    return EXIT_OUTPUT;
  }
  return flush_printer(&p);
}

int cli_cmd_index(int argc, char **argv) { return cmd_index(argc, argv); }
int cli_cmd_query(int argc, char **argv) { return cmd_query(argc, argv); }
int cli_cmd_versions(int argc, char **argv) { return cmd_versions(argc, argv); }
int cli_cmd_speakers(int argc, char **argv) { return cmd_speakers(argc, argv); }
