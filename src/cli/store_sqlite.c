/* The SQLite backend of the claim store: one file, WAL journal so readers
 * query while an indexer writes, an FTS5 index over the content. */
#include "store.h"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  store base;
  sqlite3 *db;
} sqlite_store;

static const char schema[] =
    "PRAGMA foreign_keys=ON;"
    "CREATE TABLE IF NOT EXISTS documents("
    "  id INTEGER PRIMARY KEY, doc TEXT NOT NULL, path TEXT, title TEXT, author TEXT,"
    "  date TEXT, publisher TEXT, hash TEXT NOT NULL UNIQUE, attributions INTEGER NOT NULL,"
    "  indexed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE INDEX IF NOT EXISTS documents_date ON documents(date);"
    "CREATE TABLE IF NOT EXISTS speakers("
    "  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, type TEXT,"
    "  title TEXT, affiliation TEXT);"
    "CREATE TABLE IF NOT EXISTS speaker_aliases("
    "  speaker INTEGER NOT NULL REFERENCES speakers(id), alias TEXT NOT NULL COLLATE NOCASE,"
    "  UNIQUE(speaker, alias));"
    "CREATE TABLE IF NOT EXISTS attributions("
    "  id INTEGER PRIMARY KEY, document INTEGER NOT NULL REFERENCES documents(id),"
    "  kind TEXT NOT NULL, source TEXT, cue TEXT, content TEXT NOT NULL, spans TEXT NOT NULL,"
    "  speaker INTEGER REFERENCES speakers(id), certainty TEXT, certainty_score REAL,"
    "  sentence INTEGER);"
    "CREATE INDEX IF NOT EXISTS attributions_document ON attributions(document);"
    "CREATE INDEX IF NOT EXISTS attributions_speaker ON attributions(speaker);"
    "CREATE VIRTUAL TABLE IF NOT EXISTS attributions_fts USING fts5("
    "  content, source, cue, content='attributions', content_rowid='id');";

static int fail(sqlite_store *s, char *err, size_t n, const char *what) {
  snprintf(err, n, "%s: %s", what, sqlite3_errmsg(s->db));
  return -1;
}

static void bind_text(sqlite3_stmt *st, int i, const char *v) {
  if (v && v[0])
    sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null(st, i);
}

static int exec(sqlite_store *s, const char *sql, char *err, size_t n) {
  char *msg = NULL;
  if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
    snprintf(err, n, "%s", msg ? msg : sqlite3_errmsg(s->db));
    sqlite3_free(msg);
    return -1;
  }
  return 0;
}

/* One speaker for a person across documents: a bare last name ("Okafor")
 * joins the one stored full name that ends with it, and a full name takes
 * over a bare last name stored earlier.  Returns the name to store. */
static const char *canonical_name(sqlite_store *s, const store_spk *p, char *buf, size_t bufn) {
  if (!p->name || !p->type || strcmp(p->type, "person"))
    return p->name;
  sqlite3_stmt *st = NULL;
  const char *sp = strrchr(p->name, ' ');
  if (!sp) {
    if (sqlite3_prepare_v2(s->db,
                           "SELECT name FROM speakers WHERE type = 'person' AND"
                           " name LIKE '% ' || ?1 LIMIT 2",
                           -1, &st, NULL) != SQLITE_OK)
      return p->name;
    sqlite3_bind_text(st, 1, p->name, -1, SQLITE_STATIC);
    const char *out = p->name;
    if (sqlite3_step(st) == SQLITE_ROW) {
      snprintf(buf, bufn, "%s", (const char *)sqlite3_column_text(st, 0));
      if (sqlite3_step(st) != SQLITE_ROW)
        out = buf; /* exactly one full name */
    }
    sqlite3_finalize(st);
    return out;
  }
  /* a full name: a person stored by the last name alone becomes it */
  if (sqlite3_prepare_v2(s->db,
                         "UPDATE speakers SET name = ?1 WHERE type = 'person' AND name = ?2"
                         " AND NOT EXISTS (SELECT 1 FROM speakers WHERE name = ?1)",
                         -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_text(st, 1, p->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, sp + 1, -1, SQLITE_STATIC);
    sqlite3_step(st);
    sqlite3_finalize(st);
  }
  return p->name;
}

/* The id of a speaker, made or updated; -1 on error. */
static long long speaker_id(sqlite_store *s, const store_spk *p, char *err, size_t n) {
  sqlite3_stmt *st = NULL;
  long long id = -1;
  char canon[512];
  const char *name = canonical_name(s, p, canon, sizeof canon);
  if (sqlite3_prepare_v2(s->db,
                         "INSERT INTO speakers(name, type, title, affiliation) VALUES(?,?,?,?) "
                         "ON CONFLICT(name) DO UPDATE SET "
                         "title = coalesce(speakers.title, excluded.title), "
                         "affiliation = coalesce(speakers.affiliation, excluded.affiliation) "
                         "RETURNING id",
                         -1, &st, NULL) != SQLITE_OK) {
    fail(s, err, n, "speaker");
    return -1;
  }
  bind_text(st, 1, name);
  bind_text(st, 2, p->type);
  bind_text(st, 3, p->title);
  bind_text(st, 4, p->affiliation);
  if (sqlite3_step(st) == SQLITE_ROW)
    id = sqlite3_column_int64(st, 0);
  else
    fail(s, err, n, "speaker");
  sqlite3_finalize(st);
  if (id < 0 || !p->naliases)
    return id;
  if (sqlite3_prepare_v2(s->db, "INSERT OR IGNORE INTO speaker_aliases(speaker, alias) VALUES(?,?)",
                         -1, &st, NULL) != SQLITE_OK) {
    fail(s, err, n, "alias");
    return -1;
  }
  for (size_t i = 0; i < p->naliases; i++) {
    sqlite3_bind_int64(st, 1, id);
    bind_text(st, 2, p->aliases[i]);
    if (sqlite3_step(st) != SQLITE_DONE) {
      fail(s, err, n, "alias");
      id = -1;
      break;
    }
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  return id;
}

static int sq_add(store *base, const store_doc *d, const store_spk *spk, size_t nspk,
                  const store_att *a, size_t na, char *err, size_t n) {
  sqlite_store *s = (sqlite_store *)base;
  sqlite3_stmt *st = NULL;
  long long *ids = NULL;
  if (exec(s, "BEGIN IMMEDIATE", err, n))
    return -1;
  int rc = -1;
  if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM documents WHERE hash = ?", -1, &st, NULL) !=
      SQLITE_OK) {
    fail(s, err, n, "lookup");
    goto out;
  }
  bind_text(st, 1, d->hash);
  int step = sqlite3_step(st);
  sqlite3_finalize(st);
  st = NULL;
  if (step == SQLITE_ROW) {
    rc = 0;
    goto out;
  }
  if (sqlite3_prepare_v2(s->db,
                         "INSERT INTO documents(doc, path, title, author, date, publisher, hash,"
                         " attributions) VALUES(?,?,?,?,?,?,?,?)",
                         -1, &st, NULL) != SQLITE_OK) {
    fail(s, err, n, "document");
    goto out;
  }
  bind_text(st, 1, d->doc);
  bind_text(st, 2, d->path);
  bind_text(st, 3, d->title);
  bind_text(st, 4, d->author);
  bind_text(st, 5, d->date);
  bind_text(st, 6, d->publisher);
  bind_text(st, 7, d->hash);
  sqlite3_bind_int64(st, 8, (sqlite3_int64)na);
  if (sqlite3_step(st) != SQLITE_DONE) {
    fail(s, err, n, "document");
    goto out;
  }
  sqlite3_finalize(st);
  st = NULL;
  long long doc = sqlite3_last_insert_rowid(s->db);
  ids = malloc((nspk ? nspk : 1) * sizeof *ids);
  if (!ids) {
    snprintf(err, n, "out of memory");
    goto out;
  }
  for (size_t i = 0; i < nspk; i++)
    if ((ids[i] = speaker_id(s, &spk[i], err, n)) < 0)
      goto out;
  sqlite3_stmt *fts = NULL;
  if (sqlite3_prepare_v2(s->db,
                         "INSERT INTO attributions(document, kind, source, cue, content, spans,"
                         " speaker, certainty, certainty_score, sentence)"
                         " VALUES(?,?,?,?,?,?,?,?,?,?)",
                         -1, &st, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(s->db,
                         "INSERT INTO attributions_fts(rowid, content, source, cue)"
                         " VALUES(?,?,?,?)",
                         -1, &fts, NULL) != SQLITE_OK) {
    fail(s, err, n, "attribution");
    sqlite3_finalize(fts);
    goto out;
  }
  for (size_t i = 0; i < na; i++) {
    sqlite3_bind_int64(st, 1, doc);
    bind_text(st, 2, a[i].kind);
    bind_text(st, 3, a[i].source);
    bind_text(st, 4, a[i].cue);
    sqlite3_bind_text(st, 5, a[i].content ? a[i].content : "", -1, SQLITE_TRANSIENT);
    bind_text(st, 6, a[i].spans);
    if (a[i].speaker >= 0 && (size_t)a[i].speaker < nspk)
      sqlite3_bind_int64(st, 7, ids[a[i].speaker]);
    else
      sqlite3_bind_null(st, 7);
    bind_text(st, 8, a[i].certainty);
    sqlite3_bind_double(st, 9, a[i].score);
    sqlite3_bind_int64(st, 10, a[i].sentence);
    if (sqlite3_step(st) != SQLITE_DONE) {
      fail(s, err, n, "attribution");
      sqlite3_finalize(fts);
      goto out;
    }
    sqlite3_reset(st);
    sqlite3_bind_int64(fts, 1, sqlite3_last_insert_rowid(s->db));
    sqlite3_bind_text(fts, 2, a[i].content ? a[i].content : "", -1, SQLITE_TRANSIENT);
    bind_text(fts, 3, a[i].source);
    bind_text(fts, 4, a[i].cue);
    if (sqlite3_step(fts) != SQLITE_DONE) {
      fail(s, err, n, "full-text index");
      sqlite3_finalize(fts);
      goto out;
    }
    sqlite3_reset(fts);
  }
  sqlite3_finalize(fts);
  rc = 1;
out:
  sqlite3_finalize(st);
  free(ids);
  if (rc == 1) {
    if (exec(s, "COMMIT", err, n))
      rc = -1;
  }
  if (rc != 1) {
    char tmp[8];
    exec(s, "ROLLBACK", tmp, sizeof tmp);
  }
  return rc;
}

static const char *col(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }

static int sq_find(store *base, const store_query *q, int (*cb)(void *, const store_row *),
                   void *ctx, char *err, size_t n) {
  sqlite_store *s = (sqlite_store *)base;
  char sql[2048];
  int k = snprintf(sql, sizeof sql,
                   "SELECT a.id, d.doc, d.date, d.title, d.publisher, sp.name, sp.title, sp.type,"
                   " a.kind, a.certainty, a.certainty_score, a.source, a.cue, a.content"
                   " FROM attributions a JOIN documents d ON d.id = a.document"
                   " LEFT JOIN speakers sp ON sp.id = a.speaker WHERE 1");
  char *fq = NULL;
  if (q->about && q->about[0]) {
    fq = store_fts_query(q->about);
    k += snprintf(sql + k, sizeof sql - (size_t)k,
                  " AND a.id IN (SELECT rowid FROM attributions_fts WHERE attributions_fts"
                  " MATCH 'content : (' || ?1 || ')')");
  }
  if (q->speaker && q->speaker[0])
    k += snprintf(sql + k, sizeof sql - (size_t)k,
                  " AND a.speaker IN (SELECT id FROM speakers WHERE name LIKE '%%' || ?2 || '%%'"
                  " UNION SELECT speaker FROM speaker_aliases WHERE alias = ?2)");
  if (q->since && q->since[0])
    k += snprintf(sql + k, sizeof sql - (size_t)k, " AND d.date >= ?3");
  if (q->until && q->until[0])
    k += snprintf(sql + k, sizeof sql - (size_t)k, " AND d.date <= ?4 || 'z'");
  if (q->kind && q->kind[0])
    k += snprintf(sql + k, sizeof sql - (size_t)k, " AND a.kind = ?5");
  snprintf(sql + k, sizeof sql - (size_t)k, " ORDER BY d.date, d.doc, a.id LIMIT ?6");
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
    free(fq);
    return fail(s, err, n, "query");
  }
  if (fq)
    sqlite3_bind_text(st, 1, fq, -1, SQLITE_TRANSIENT);
  free(fq);
  bind_text(st, 2, q->speaker);
  bind_text(st, 3, q->since);
  bind_text(st, 4, q->until);
  bind_text(st, 5, q->kind);
  sqlite3_bind_int64(st, 6, q->limit > 0 ? q->limit : -1);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    store_row r = {sqlite3_column_int64(st, 0), col(st, 1), col(st, 2), col(st, 3), col(st, 4),
                   col(st, 5), col(st, 6), col(st, 7), col(st, 8), col(st, 9),
                   sqlite3_column_double(st, 10), col(st, 11), col(st, 12), col(st, 13)};
    if (cb(ctx, &r))
      break;
  }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    fail(s, err, n, "query");
    sqlite3_finalize(st);
    return -1;
  }
  sqlite3_finalize(st);
  return 0;
}

static int sq_speakers(store *base, long limit, int (*cb)(void *, const store_spk_row *),
                       void *ctx, char *err, size_t n) {
  sqlite_store *s = (sqlite_store *)base;
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(
          s->db,
          "SELECT sp.name, sp.type, sp.title, sp.affiliation,"
          " (SELECT group_concat(alias, '; ') FROM speaker_aliases al WHERE al.speaker = sp.id),"
          " count(a.id), count(DISTINCT a.document)"
          " FROM speakers sp JOIN attributions a ON a.speaker = sp.id"
          " GROUP BY sp.id ORDER BY count(a.id) DESC, sp.name LIMIT ?",
          -1, &st, NULL) != SQLITE_OK)
    return fail(s, err, n, "speakers");
  sqlite3_bind_int64(st, 1, limit > 0 ? limit : -1);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    store_spk_row r = {col(st, 0), col(st, 1), col(st, 2), col(st, 3), col(st, 4),
                       (long)sqlite3_column_int64(st, 5), (long)sqlite3_column_int64(st, 6)};
    if (cb(ctx, &r))
      break;
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return fail(s, err, n, "speakers");
  return 0;
}

static void sq_close(store *base) {
  sqlite_store *s = (sqlite_store *)base;
  sqlite3_close(s->db);
  free(s);
}

static const store_ops sqlite_ops = {sq_add, sq_find, sq_speakers, sq_close};

store *store_open_sqlite(const char *path, char *err, size_t n) {
  sqlite_store *s = calloc(1, sizeof *s);
  if (!s) {
    snprintf(err, n, "out of memory");
    return NULL;
  }
  s->base.ops = &sqlite_ops;
  if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
      SQLITE_OK) {
    snprintf(err, n, "cannot open %s: %s", path, s->db ? sqlite3_errmsg(s->db) : "no memory");
    sqlite3_close(s->db);
    free(s);
    return NULL;
  }
  sqlite3_busy_timeout(s->db, 10000);
  /* WAL: readers go on while a writer commits; NORMAL sync keeps every
   * committed document across a crash of the process */
  if (exec(s, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", err, n) ||
      exec(s, schema, err, n)) {
    char tmp[256];
    snprintf(tmp, sizeof tmp, "%s", err);
    snprintf(err, n, "%s: %s", path, tmp);
    sqlite3_close(s->db);
    free(s);
    return NULL;
  }
  return &s->base;
}

char *store_fts_query(const char *words) {
  size_t n = strlen(words);
  char *q = malloc(3 * n + 8);
  if (!q)
    return NULL;
  size_t k = 0;
  const char *p = words;
  while (*p) {
    while (*p == ' ' || *p == '\t' || *p == ',')
      p++;
    if (!*p)
      break;
    if (k)
      q[k++] = ' ';
    q[k++] = '"';
    while (*p && *p != ' ' && *p != '\t' && *p != ',') {
      if (*p == '"')
        q[k++] = '"'; /* doubled inside an FTS5 string */
      q[k++] = *p++;
    }
    q[k++] = '"';
  }
  q[k] = 0;
  return q;
}
