/* The claim store: attributions of many documents, with canonical
 * speakers, for queries across articles.  Two backends behind one
 * interface: SQLite (a file, the default) and PostgreSQL (--db
 * postgresql://...).  Each document is stored in one transaction, keyed
 * by a hash of its text, so re-indexing is idempotent and a killed
 * indexer leaves no half document. */
#ifndef SW_STORE_H
#define SW_STORE_H
#include <stddef.h>

typedef struct {
  const char *doc, *path, *title, *author, *date, *publisher, *hash;
} store_doc;

typedef struct {
  const char *name, *type, *title, *affiliation;
  const char *const *aliases;
  size_t naliases;
} store_spk;

typedef struct {
  const char *kind, *source, *cue, *content;
  const char *spans; /* JSON: {"source":[[s,e]],"cue":...,"content":...} */
  long speaker;      /* index into the document's speakers, or -1 */
  const char *certainty;
  double score;
  long sentence;
} store_att;

typedef struct {
  const char *speaker, *about, *since, *until, *kind;
  long limit;
} store_query;

typedef struct {
  long id;
  const char *doc, *date, *title, *publisher;
  const char *speaker, *speaker_title, *speaker_type;
  const char *kind, *certainty;
  double score;
  const char *source, *cue, *content;
} store_row;

typedef struct {
  const char *name, *type, *title, *affiliation, *aliases;
  long attributions, documents;
} store_spk_row;

typedef struct store store;

typedef struct {
  int (*add)(store *s, const store_doc *d, const store_spk *spk, size_t nspk,
             const store_att *a, size_t na, char *err, size_t errlen);
  int (*find)(store *s, const store_query *q, int (*cb)(void *ctx, const store_row *r),
              void *ctx, char *err, size_t errlen);
  int (*speakers)(store *s, long limit, int (*cb)(void *ctx, const store_spk_row *r), void *ctx,
                  char *err, size_t errlen);
  void (*close)(store *s);
} store_ops;

struct store {
  const store_ops *ops;
};

/* Opens (creating when needed) the store at url: a file path for SQLite,
 * or a postgresql:// or postgres:// connection string.  NULL and a
 * message in err on failure. */
store *store_open(const char *url, char *err, size_t errlen);
store *store_open_sqlite(const char *path, char *err, size_t errlen);
store *store_open_pg(const char *conninfo, char *err, size_t errlen);

/* add: 1 stored, 0 already there (same text hash), -1 error.
 * find, speakers: 0 done, -1 error; a callback returning nonzero stops. */
#define store_add(s, d, spk, nspk, a, na, e, n) ((s)->ops->add(s, d, spk, nspk, a, na, e, n))
#define store_find(s, q, cb, ctx, e, n) ((s)->ops->find(s, q, cb, ctx, e, n))
#define store_speakers(s, l, cb, ctx, e, n) ((s)->ops->speakers(s, l, cb, ctx, e, n))
#define store_close(s) ((s)->ops->close(s))

/* Words of a topic as an FTS5 query: each word quoted, all required. */
char *store_fts_query(const char *words);
#endif
