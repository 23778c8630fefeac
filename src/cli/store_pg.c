/* The PostgreSQL backend of the claim store, for stores that outgrow one
 * file.  The same tables as SQLite; full-text search through a generated
 * tsvector column with a GIN index; attributions bulk-loaded with COPY. */
#include "store.h"
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  store base;
  PGconn *db;
} pg_store;

static const char schema[] =
    "SET client_min_messages = warning;"
    "CREATE TABLE IF NOT EXISTS documents("
    "  id BIGSERIAL PRIMARY KEY, doc TEXT NOT NULL, path TEXT, title TEXT, author TEXT,"
    "  date TEXT, publisher TEXT, hash TEXT NOT NULL UNIQUE, attributions INTEGER NOT NULL,"
    "  indexed_at TIMESTAMPTZ NOT NULL DEFAULT now());"
    "CREATE INDEX IF NOT EXISTS documents_date ON documents(date);"
    "CREATE TABLE IF NOT EXISTS speakers("
    "  id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, type TEXT, title TEXT, affiliation TEXT);"
    "CREATE UNIQUE INDEX IF NOT EXISTS speakers_name ON speakers(lower(name));"
    "CREATE TABLE IF NOT EXISTS speaker_aliases("
    "  speaker BIGINT NOT NULL REFERENCES speakers(id), alias TEXT NOT NULL,"
    "  UNIQUE(speaker, alias));"
    "CREATE TABLE IF NOT EXISTS attributions("
    "  id BIGSERIAL PRIMARY KEY, document BIGINT NOT NULL REFERENCES documents(id),"
    "  kind TEXT NOT NULL, source TEXT, cue TEXT, content TEXT NOT NULL, spans TEXT NOT NULL,"
    "  speaker BIGINT REFERENCES speakers(id), certainty TEXT,"
    "  certainty_score DOUBLE PRECISION, sentence INTEGER,"
    "  content_tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', content)) STORED);"
    "CREATE INDEX IF NOT EXISTS attributions_document ON attributions(document);"
    "CREATE INDEX IF NOT EXISTS attributions_speaker ON attributions(speaker);"
    "CREATE INDEX IF NOT EXISTS attributions_fts ON attributions USING gin(content_tsv);";

static int fail(pg_store *s, char *err, size_t n, const char *what) {
  snprintf(err, n, "%s: %s", what, PQerrorMessage(s->db));
  size_t l = strlen(err);
  while (l && (err[l - 1] == '\n' || err[l - 1] == ' '))
    err[--l] = 0;
  return -1;
}

static int run(pg_store *s, const char *sql, char *err, size_t n) {
  PGresult *r = PQexec(s->db, sql);
  int ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
  PQclear(r);
  return ok ? 0 : fail(s, err, n, sql);
}

static const char *nz(const char *v) { return v && v[0] ? v : NULL; }

/* COPY text format: backslash escapes, \N for null. */
static void copy_field(char **p, size_t *len, size_t *cap, const char *v, int last) {
  size_t need = *len + (v ? 2 * strlen(v) : 2) + 2;
  if (need > *cap) {
    size_t c = *cap ? *cap : 1024;
    while (c < need)
      c *= 2;
    char *q = realloc(*p, c);
    if (!q)
      return;
    *p = q;
    *cap = c;
  }
  char *o = *p + *len;
  if (!v) {
    *o++ = '\\';
    *o++ = 'N';
  } else {
    for (; *v; v++) {
      char c = *v;
      if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
        *o++ = '\\';
        c = c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\';
      }
      *o++ = c;
    }
  }
  *o++ = last ? '\n' : '\t';
  *len = (size_t)(o - *p);
}

static int pg_add(store *base, const store_doc *d, const store_spk *spk, size_t nspk,
                  const store_att *a, size_t na, char *err, size_t n) {
  pg_store *s = (pg_store *)base;
  if (run(s, "BEGIN", err, n))
    return -1;
  int rc = -1;
  char **ids = calloc(nspk ? nspk : 1, sizeof *ids);
  char *buf = NULL;
  size_t len = 0, cap = 0;
  char natt[32], docid[32];
  snprintf(natt, sizeof natt, "%zu", na);
  const char *dp[8] = {d->doc, nz(d->path), nz(d->title), nz(d->author),
                       nz(d->date), nz(d->publisher), d->hash, natt};
  PGresult *r = PQexecParams(s->db,
                             "INSERT INTO documents(doc, path, title, author, date, publisher,"
                             " hash, attributions) VALUES($1,$2,$3,$4,$5,$6,$7,$8)"
                             " ON CONFLICT (hash) DO NOTHING RETURNING id",
                             8, NULL, dp, NULL, NULL, 0);
  if (PQresultStatus(r) != PGRES_TUPLES_OK) {
    fail(s, err, n, "document");
    PQclear(r);
    goto out;
  }
  if (PQntuples(r) == 0) { /* the same text is already stored */
    PQclear(r);
    rc = 0;
    goto out;
  }
  snprintf(docid, sizeof docid, "%s", PQgetvalue(r, 0, 0));
  PQclear(r);
  for (size_t i = 0; i < nspk; i++) {
    const char *name = spk[i].name;
    char *canon = NULL;
    if (spk[i].type && !strcmp(spk[i].type, "person") && name) {
      /* one speaker for a person across documents, as in SQLite */
      const char *last = strrchr(name, ' ');
      if (!last) {
        const char *q1[1] = {name};
        r = PQexecParams(s->db,
                         "SELECT name FROM speakers WHERE type = 'person' AND"
                         " name LIKE '% ' || $1 LIMIT 2",
                         1, NULL, q1, NULL, NULL, 0);
        if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
          canon = strdup(PQgetvalue(r, 0, 0));
        PQclear(r);
      } else {
        const char *q2[2] = {name, last + 1};
        r = PQexecParams(s->db,
                         "UPDATE speakers SET name = $1 WHERE type = 'person' AND name = $2"
                         " AND NOT EXISTS (SELECT 1 FROM speakers WHERE lower(name) = lower($1))",
                         2, NULL, q2, NULL, NULL, 0);
        PQclear(r);
      }
    }
    if (canon)
      name = canon;
    const char *sp[4] = {name, nz(spk[i].type), nz(spk[i].title), nz(spk[i].affiliation)};
    r = PQexecParams(s->db,
                     "INSERT INTO speakers(name, type, title, affiliation) VALUES($1,$2,$3,$4)"
                     " ON CONFLICT (lower(name)) DO UPDATE SET"
                     " title = coalesce(speakers.title, EXCLUDED.title),"
                     " affiliation = coalesce(speakers.affiliation, EXCLUDED.affiliation)"
                     " RETURNING id",
                     4, NULL, sp, NULL, NULL, 0);
    free(canon);
    if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) {
      fail(s, err, n, "speaker");
      PQclear(r);
      goto out;
    }
    ids[i] = strdup(PQgetvalue(r, 0, 0));
    PQclear(r);
    for (size_t k = 0; k < spk[i].naliases; k++) {
      const char *ap[2] = {ids[i], spk[i].aliases[k]};
      r = PQexecParams(s->db,
                       "INSERT INTO speaker_aliases(speaker, alias) VALUES($1,$2)"
                       " ON CONFLICT DO NOTHING",
                       2, NULL, ap, NULL, NULL, 0);
      int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
      PQclear(r);
      if (!ok) {
        fail(s, err, n, "alias");
        goto out;
      }
    }
  }
  /* the attributions in one COPY */
  for (size_t i = 0; i < na; i++) {
    char score[32], sent[32];
    snprintf(score, sizeof score, "%.4f", a[i].score);
    snprintf(sent, sizeof sent, "%ld", a[i].sentence);
    const char *f[10] = {docid, a[i].kind, nz(a[i].source), nz(a[i].cue),
                         a[i].content ? a[i].content : "", a[i].spans,
                         a[i].speaker >= 0 && (size_t)a[i].speaker < nspk ? ids[a[i].speaker] : NULL,
                         nz(a[i].certainty), score, sent};
    for (int k = 0; k < 10; k++)
      copy_field(&buf, &len, &cap, f[k], k == 9);
  }
  if (na) {
    r = PQexec(s->db, "COPY attributions(document, kind, source, cue, content, spans, speaker,"
                      " certainty, certainty_score, sentence) FROM STDIN");
    int ok = PQresultStatus(r) == PGRES_COPY_IN;
    PQclear(r);
    if (!ok || PQputCopyData(s->db, buf, (int)len) != 1 || PQputCopyEnd(s->db, NULL) != 1) {
      fail(s, err, n, "copy");
      goto out;
    }
    r = PQgetResult(s->db);
    ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    while ((r = PQgetResult(s->db)))
      PQclear(r);
    if (!ok) {
      fail(s, err, n, "copy");
      goto out;
    }
  }
  rc = 1;
out:
  for (size_t i = 0; i < nspk && ids; i++)
    free(ids[i]);
  free(ids);
  free(buf);
  if (rc == 1 && run(s, "COMMIT", err, n))
    rc = -1;
  if (rc != 1) {
    char tmp[8];
    run(s, "ROLLBACK", tmp, sizeof tmp);
  }
  return rc;
}

static const char *val(PGresult *r, int row, int c) {
  return PQgetisnull(r, row, c) ? NULL : PQgetvalue(r, row, c);
}

static int pg_find(store *base, const store_query *q, int (*cb)(void *, const store_row *),
                   void *ctx, char *err, size_t n) {
  pg_store *s = (pg_store *)base;
  char sql[2048], lim[32];
  const char *params[6];
  int np = 0;
  int k = snprintf(sql, sizeof sql,
                   "SELECT a.id, d.doc, d.date, d.title, d.publisher, sp.name, sp.title, sp.type,"
                   " a.kind, a.certainty, a.certainty_score, a.source, a.cue, a.content"
                   " FROM attributions a JOIN documents d ON d.id = a.document"
                   " LEFT JOIN speakers sp ON sp.id = a.speaker WHERE true");
  if (q->about && q->about[0]) {
    params[np++] = q->about;
    k += snprintf(sql + k, sizeof sql - (size_t)k,
                  " AND a.content_tsv @@ plainto_tsquery('english', $%d)", np);
  }
  if (q->speaker && q->speaker[0]) {
    params[np++] = q->speaker;
    k += snprintf(sql + k, sizeof sql - (size_t)k,
                  " AND a.speaker IN (SELECT id FROM speakers WHERE name ILIKE '%%' || $%d ||"
                  " '%%' UNION SELECT speaker FROM speaker_aliases WHERE lower(alias) ="
                  " lower($%d))",
                  np, np);
  }
  if (q->since && q->since[0]) {
    params[np++] = q->since;
    k += snprintf(sql + k, sizeof sql - (size_t)k, " AND d.date >= $%d", np);
  }
  if (q->until && q->until[0]) {
    params[np++] = q->until;
    k += snprintf(sql + k, sizeof sql - (size_t)k, " AND d.date <= $%d || 'z'", np);
  }
  if (q->kind && q->kind[0]) {
    params[np++] = q->kind;
    k += snprintf(sql + k, sizeof sql - (size_t)k, " AND a.kind = $%d", np);
  }
  k += snprintf(sql + k, sizeof sql - (size_t)k, " ORDER BY d.date, d.doc, a.id");
  if (q->limit > 0) {
    snprintf(lim, sizeof lim, "%ld", q->limit);
    params[np++] = lim;
    snprintf(sql + k, sizeof sql - (size_t)k, " LIMIT $%d", np);
  }
  PGresult *r = PQexecParams(s->db, sql, np, NULL, params, NULL, NULL, 0);
  if (PQresultStatus(r) != PGRES_TUPLES_OK) {
    PQclear(r);
    return fail(s, err, n, "query");
  }
  for (int i = 0; i < PQntuples(r); i++) {
    const char *sc = val(r, i, 10);
    store_row row = {atol(PQgetvalue(r, i, 0)), val(r, i, 1), val(r, i, 2), val(r, i, 3),
                     val(r, i, 4), val(r, i, 5), val(r, i, 6), val(r, i, 7), val(r, i, 8),
                     val(r, i, 9), sc ? atof(sc) : 0, val(r, i, 11), val(r, i, 12),
                     val(r, i, 13)};
    if (cb(ctx, &row))
      break;
  }
  PQclear(r);
  return 0;
}

static int pg_speakers(store *base, long limit, int (*cb)(void *, const store_spk_row *),
                       void *ctx, char *err, size_t n) {
  pg_store *s = (pg_store *)base;
  char lim[32];
  snprintf(lim, sizeof lim, "%ld", limit > 0 ? limit : 1000000000L);
  const char *p[1] = {lim};
  PGresult *r = PQexecParams(
      s->db,
      "SELECT sp.name, sp.type, sp.title, sp.affiliation,"
      " (SELECT string_agg(alias, '; ' ORDER BY alias) FROM speaker_aliases al"
      "  WHERE al.speaker = sp.id),"
      " count(a.id), count(DISTINCT a.document)"
      " FROM speakers sp JOIN attributions a ON a.speaker = sp.id"
      " GROUP BY sp.id ORDER BY count(a.id) DESC, sp.name LIMIT $1",
      1, NULL, p, NULL, NULL, 0);
  if (PQresultStatus(r) != PGRES_TUPLES_OK) {
    PQclear(r);
    return fail(s, err, n, "speakers");
  }
  for (int i = 0; i < PQntuples(r); i++) {
    store_spk_row row = {val(r, i, 0), val(r, i, 1), val(r, i, 2), val(r, i, 3), val(r, i, 4),
                         atol(PQgetvalue(r, i, 5)), atol(PQgetvalue(r, i, 6))};
    if (cb(ctx, &row))
      break;
  }
  PQclear(r);
  return 0;
}

static void pg_close(store *base) {
  pg_store *s = (pg_store *)base;
  PQfinish(s->db);
  free(s);
}

static const store_ops pg_ops = {pg_add, pg_find, pg_speakers, pg_close};

store *store_open_pg(const char *conninfo, char *err, size_t n) {
  pg_store *s = calloc(1, sizeof *s);
  if (!s) {
    snprintf(err, n, "out of memory");
    return NULL;
  }
  s->base.ops = &pg_ops;
  s->db = PQconnectdb(conninfo);
  if (PQstatus(s->db) != CONNECTION_OK) {
    fail(s, err, n, "cannot connect");
    PQfinish(s->db);
    free(s);
    return NULL;
  }
  /* one schema creation at a time */
  if (run(s, "SELECT pg_advisory_lock(7342001)", err, n) || run(s, schema, err, n) ||
      run(s, "SELECT pg_advisory_unlock(7342001)", err, n)) {
    PQfinish(s->db);
    free(s);
    return NULL;
  }
  return &s->base;
}

store *store_open(const char *url, char *err, size_t n) {
  if (!strncmp(url, "postgresql://", 13) || !strncmp(url, "postgres://", 11))
    return store_open_pg(url, err, n);
  return store_open_sqlite(url, err, n);
}
