/* train: builds model/saywho.model from a PolNeAR split.
 *
 *   train SPLIT_DIR OUT.model [EPOCHS [RUNS]]
 *
 * Reads SPLIT_DIR/text/NAME.txt and every SPLIT_DIR/attributions/NAME_*.ann
 * (brat standoff, code-point offsets), runs the same stages the engine
 * runs, and trains the two taggers of src/tagger.c as averaged
 * perceptrons.  RUNS (default 4) perceptrons are trained, each visiting
 * the documents in its own order, and the model is the mean of their
 * weights (parameter mixing): one order's accidents weigh less.  The
 * orders come from a seeded generator, so the same data always gives the
 * same file. */
#include "model.h"
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>

#ifndef STAT_BITS
#define STAT_BITS 18
#endif
#ifndef REL_BITS
#define REL_BITS 18
#endif

typedef struct {
  uint32_t c0, c1;
  uint8_t *gold; /* labels over the cue window */
  uint32_t w0, w1;
} role_ex;

typedef struct {
  char *text;
  sw_doc d;
  uint8_t *cue_gold; /* per token */
  role_ex *ex;
  uint32_t nex;
} tdoc;

typedef struct {
  float *w, *u; /* weights and the averaging accumulator */
  float tw[64], tu[64];
  uint32_t rows, L;
  double c; /* update clock */
} percep;

static void die(const char *msg, const char *arg) {
  fprintf(stderr, "train: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
  exit(1);
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *p = malloc((size_t)n + 1);
  if (!p || fread(p, 1, (size_t)n, f) != (size_t)n)
    die("cannot read", path);
  p[n] = 0;
  fclose(f);
  *len = (size_t)n;
  return p;
}

/* byte offset of each code point index */
static size_t *cp_to_byte(const char *s, size_t len, size_t *ncp) {
  size_t *m = malloc((len + 2) * sizeof *m);
  size_t n = 0, i = 0;
  bool bad = false;
  while (i < len) {
    m[n++] = i;
    int32_t cp;
    i += (size_t)sw_utf8_next((const unsigned char *)s + i, len - i, &cp, &bad);
  }
  m[n] = len;
  *ncp = n;
  return m;
}

/* tokens overlapping bytes [s, e) */
static bool tok_range(const sw_doc *d, size_t s, size_t e, uint32_t *a, uint32_t *b) {
  const sw_token *t = d->tok.v;
  uint32_t lo = 0, hi = d->tok.n;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (t[mid].end <= s)
      lo = mid + 1;
    else
      hi = mid;
  }
  uint32_t j = lo;
  while (j < d->tok.n && t[j].start < e)
    j++;
  if (j == lo)
    return false;
  *a = lo;
  *b = j;
  return true;
}

typedef struct {
  size_t s[8][2];
  int n;
} frags;

typedef struct {
  char id[16];
  char label[32];
  frags f;
} tline;

static void parse_frags(const char *p, frags *f, const size_t *map, size_t ncp) {
  f->n = 0;
  while (*p && *p != '\t' && f->n < 8) {
    char *e;
    unsigned long a = strtoul(p, &e, 10);
    if (e == p)
      break;
    p = e;
    unsigned long b = strtoul(p, &e, 10);
    if (e == p)
      break;
    p = e;
    if (a <= b && b <= ncp) {
      f->s[f->n][0] = map[a];
      f->s[f->n][1] = map[b];
      f->n++;
    }
    if (*p == ';')
      p++;
  }
}

static void add_doc(tdoc **docs, size_t *nd, size_t *cap, const sw_lexicon *lx, const char *dir,
                    const char *ann) {
  char path[4096];
  char name[1024];
  snprintf(name, sizeof name, "%s", ann);
  char *us = strrchr(name, '_');
  if (!us)
    return;
  *us = 0;
  snprintf(path, sizeof path, "%s/text/%s.txt", dir, name);
  size_t len;
  char *text = slurp(path, &len);
  if (!text)
    return;
  if (*nd == *cap) {
    *cap = *cap ? *cap * 2 : 256;
    *docs = realloc(*docs, *cap * sizeof **docs);
  }
  tdoc *td = &(*docs)[(*nd)++];
  memset(td, 0, sizeof *td);
  td->text = text;
  td->d.text = text;
  td->d.len = (uint32_t)len;
  sw_error err;
  if (sw_tokenize(&td->d, false, &err) || sw_split_sentences(&td->d))
    die("pipeline failed on", path);
  sw_lexicon_mark(lx, &td->d);
  if (sw_find_quotes(&td->d) || sw_feat_prepare(lx, &td->d))
    die("pipeline failed on", path);
  size_t ncp;
  size_t *map = cp_to_byte(text, len, &ncp);
  snprintf(path, sizeof path, "%s/attributions/%s", dir, ann);
  size_t alen;
  char *a = slurp(path, &alen);
  if (!a)
    die("cannot read", path);
  /* T lines first, then E lines refer to them */
  tline *tl = NULL;
  size_t ntl = 0, tcap = 0;
  uint32_t n = td->d.tok.n;
  td->cue_gold = calloc(n ? n : 1, 1);
  for (char *line = strtok(a, "\n"); line; line = strtok(NULL, "\n")) {
    if (line[0] == 'T') {
      char *tab = strchr(line, '\t');
      if (!tab)
        continue;
      if (ntl == tcap) {
        tcap = tcap ? tcap * 2 : 64;
        tl = realloc(tl, tcap * sizeof *tl);
      }
      tline *t = &tl[ntl++];
      snprintf(t->id, sizeof t->id, "%.*s", (int)(tab - line), line);
      char *sp = strchr(tab + 1, ' ');
      if (!sp) {
        ntl--;
        continue;
      }
      snprintf(t->label, sizeof t->label, "%.*s", (int)(sp - tab - 1), tab + 1);
      parse_frags(sp + 1, &t->f, map, ncp);
    } else if (line[0] == 'E') {
      const frags *roles[3] = {NULL, NULL, NULL}; /* source, cue, content */
      char *tab = strchr(line, '\t');
      if (!tab)
        continue;
      for (char *arg = tab + 1; arg && *arg;) {
        char *colon = strchr(arg, ':');
        char *sp = strchr(arg, ' ');
        if (!colon)
          break;
        size_t rl = (size_t)(colon - arg);
        size_t il = sp ? (size_t)(sp - colon - 1) : strlen(colon + 1);
        int r = !strncmp(arg, "Source", 6) ? 0 : !strncmp(arg, "Cue", 3) ? 1
                : !strncmp(arg, "Content", 7) ? 2 : -1;
        (void)rl;
        if (r >= 0)
          for (size_t k = 0; k < ntl; k++)
            if (strlen(tl[k].id) == il && !strncmp(tl[k].id, colon + 1, il))
              roles[r] = &tl[k].f;
        arg = sp ? sp + 1 : NULL;
      }
      if (!roles[1] || !roles[2] || !roles[1]->n)
        continue;
      uint32_t c0 = UINT32_MAX, c1 = 0, x, y;
      for (int k = 0; k < roles[1]->n; k++)
        if (tok_range(&td->d, roles[1]->s[k][0], roles[1]->s[k][1], &x, &y)) {
          c0 = x < c0 ? x : c0;
          c1 = y > c1 ? y : c1;
        }
      if (c0 >= c1 || c1 - c0 > 12)
        continue;
      td->cue_gold[c0] = CUE_B;
      for (uint32_t k = c0 + 1; k < c1; k++)
        if (td->cue_gold[k] != CUE_B)
          td->cue_gold[k] = CUE_I;
      role_ex ex;
      sw_cuectx cx;
      sw_cue_window(&td->d, c0, c1, &cx);
      ex.c0 = c0, ex.c1 = c1, ex.w0 = cx.w0, ex.w1 = cx.w1;
      ex.gold = calloc(cx.w1 - cx.w0, 1);
      for (int r = 0; r < 3; r += 2) {
        if (!roles[r])
          continue;
        for (int k = 0; k < roles[r]->n; k++) {
          if (!tok_range(&td->d, roles[r]->s[k][0], roles[r]->s[k][1], &x, &y))
            continue;
          bool first = true;
          for (uint32_t t = x; t < y; t++) {
            if (t < cx.w0 || t >= cx.w1 || (t >= c0 && t < c1)) {
              first = true;
              continue;
            }
            ex.gold[t - cx.w0] = r == 0 ? (first ? R_BS : R_IS) : (first ? R_BC : R_IC);
            first = false;
          }
        }
      }
      td->ex = realloc(td->ex, (td->nex + 1) * sizeof *td->ex);
      td->ex[td->nex++] = ex;
    }
  }
  free(tl);
  free(a);
  free(map);
}

static void p_init(percep *p, uint32_t bits, uint32_t L) {
  p->rows = 1u << bits;
  p->L = L;
  p->w = calloc((size_t)p->rows * L, sizeof(float));
  p->u = calloc((size_t)p->rows * L, sizeof(float));
  memset(p->tw, 0, sizeof p->tw);
  memset(p->tu, 0, sizeof p->tu);
  p->c = 1;
  if (!p->w || !p->u)
    die("out of memory", NULL);
}

static void p_upd(percep *p, uint32_t key, int label, float delta) {
  size_t i = (size_t)(key & (p->rows - 1)) * p->L + (size_t)label;
  p->w[i] += delta;
  p->u[i] += (float)p->c * delta;
}

static void p_tupd(percep *p, int prev, int cur, float delta) {
  size_t i = (size_t)(prev + 1) * p->L + (size_t)cur;
  p->tw[i] += delta;
  p->tu[i] += (float)p->c * delta;
}

static void p_score(const percep *p, const uint32_t *keys, uint32_t nk, float *out) {
  for (uint32_t k = 0; k < nk; k++) {
    const float *w = p->w + (size_t)(keys[k] & (p->rows - 1)) * p->L;
    for (uint32_t l = 0; l < p->L; l++)
      out[l] += w[l];
  }
}

/* Turns the weights into their average over every update. */
static void p_average(percep *p) {
  size_t n = (size_t)p->rows * p->L;
  for (size_t i = 0; i < n; i++)
    p->w[i] -= p->u[i] / (float)p->c;
  for (size_t i = 0; i < (p->L + 1) * p->L; i++)
    p->tw[i] -= p->tu[i] / (float)p->c;
}

/* Adds one run's weights, over runs, to the mean in sum. */
static void p_mix(percep *sum, const percep *one, int runs) {
  size_t n = (size_t)sum->rows * sum->L;
  for (size_t i = 0; i < n; i++)
    sum->w[i] += one->w[i] / (float)runs;
  for (size_t i = 0; i < (sum->L + 1) * sum->L; i++)
    sum->tw[i] += one->tw[i] / (float)runs;
}

/* The scale that maps the largest weight to SW_WMAX. */
static float p_scale(const percep *p) {
  size_t n = (size_t)p->rows * p->L;
  float mx = 0;
  for (size_t i = 0; i < n; i++)
    if (fabsf(p->w[i]) > mx)
      mx = fabsf(p->w[i]);
  return mx > 0 ? mx / (float)SW_WMAX : 1.0f;
}

static int8_t quant(float w, float scale) {
  long v = lrintf(w / scale);
  return (int8_t)(v > SW_WMAX ? SW_WMAX : v < -SW_WMAX ? -SW_WMAX : v);
}

static void write_row(FILE *f, const int8_t *row, size_t n) { fwrite(row, 1, n, f); }

static uint64_t rng = 0x2545F4914F6CDD1Dull;
static uint32_t next_rand(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (uint32_t)(rng >> 16);
}

static void shuffle(uint32_t *a, size_t n) {
  for (size_t i = n; i > 1; i--) {
    size_t j = next_rand() % i;
    uint32_t t = a[i - 1];
    a[i - 1] = a[j];
    a[j] = t;
  }
}

/* static features of every token of a document, salted for a table */
static uint32_t *doc_keys(const sw_lexicon *lx, sw_doc *d, uint8_t **nk) {
  uint32_t n = d->tok.n;
  uint32_t *k = malloc(((size_t)n + 1) * SW_MAX_FEAT * sizeof *k);
  *nk = malloc((size_t)n + 1);
  int *dist = malloc(((size_t)n + 1) * sizeof *dist);
  uint32_t *cnt = malloc(((size_t)n + 1) * sizeof *cnt);
  for (uint32_t si = 0; si < d->sent.n; si++) {
    const sw_sent *s = &VEC_AT(d->sent, sw_sent, si);
    sw_cue_distances(d, s, dist);
    if (sw_feat_sentence(lx, d, s, dist, k + (size_t)s->t0 * SW_MAX_FEAT, cnt))
      die("out of memory", NULL);
    for (uint32_t i = s->t0; i < s->t1; i++)
      (*nk)[i] = (uint8_t)cnt[i - s->t0];
  }
  free(cnt);
  free(dist);
  return k;
}

/* Cost-augmented decoding while training: every wrong label of a token
 * gets MARGIN added to its score, so the perceptron keeps updating until
 * the gold labels win by a margin, not just win (a large-margin
 * perceptron).  An update moves a token's score by about 24 (one unit
 * per feature), so 25 asks for about one update's worth.  Cross-validated
 * on train: 0 gives attribution 0.630, 10 0.632, 25 0.634, 50 0.632. */
#define MARGIN 25.0f

/* What one training run reads, and its scratch space. */
typedef struct {
  const sw_lexicon *lx;
  tdoc *docs;
  size_t nd;
  uint32_t **keys;
  uint8_t **nks;
  uint32_t *order;
  size_t maxw;
  float *em;
  uint8_t *bp, *pred, *rn;
  int32_t *rbp;
  uint32_t *rk;
} trainset;

/* One averaged-perceptron run of the given epochs over ts; the role
 * tagger's weights live in two tables, features of a token alone (stored
 * beside the cue weights) and cue-relative ones, which share one update
 * clock, as one model. */
static void train_run(trainset *ts, int run, int epochs, percep *cue, percep *role, percep *rel) {
  const sw_lexicon *lx = ts->lx;
  tdoc *docs = ts->docs;
  size_t nd = ts->nd, maxw = ts->maxw;
  uint32_t **keys = ts->keys, *order = ts->order, *rk = ts->rk;
  uint8_t **nks = ts->nks, *bp = ts->bp, *pred = ts->pred, *rn = ts->rn;
  float *em = ts->em;
  for (int ep = 0; ep < epochs; ep++) {
    shuffle(order, nd);
    size_t errs = 0, toks = 0, rerr = 0, rtok = 0;
    for (size_t oi = 0; oi < nd; oi++) {
      tdoc *td = &docs[order[oi]];
      sw_doc *d = &td->d;
      const uint32_t *K = keys[order[oi]];
      const uint8_t *NK = nks[order[oi]];
      /* cue tagger, sentence by sentence */
      for (uint32_t si = 0; si < d->sent.n; si++) {
        const sw_sent *s = &VEC_AT(d->sent, sw_sent, si);
        uint32_t len = s->t1 - s->t0;
        if (len > maxw)
          continue;
        for (uint32_t i = 0; i < len; i++) {
          float *e = em + (size_t)i * CUE_L;
          memset(e, 0, CUE_L * sizeof *e);
          p_score(cue, K + (size_t)(s->t0 + i) * SW_MAX_FEAT, NK[s->t0 + i], e);
          for (int l = 0; l < CUE_L; l++)
            if (l != td->cue_gold[s->t0 + i])
              e[l] += MARGIN;
        }
        sw_viterbi_cue(em, len, CUE_L, cue->tw, pred, bp);
        const uint8_t *g = td->cue_gold + s->t0;
        bool wrong = false;
        for (uint32_t i = 0; i < len; i++)
          if (pred[i] != g[i]) {
            wrong = true;
            errs++;
            const uint32_t *kk = K + (size_t)(s->t0 + i) * SW_MAX_FEAT;
            for (uint32_t k = 0; k < NK[s->t0 + i]; k++) {
              p_upd(cue, kk[k], g[i], 1);
              p_upd(cue, kk[k], pred[i], -1);
            }
          }
        toks += len;
        if (wrong)
          for (uint32_t i = 0; i < len; i++) {
            int gp = i ? g[i - 1] : -1, pp = i ? pred[i - 1] : -1;
            if (gp != pp || g[i] != pred[i]) {
              p_tupd(cue, gp, g[i], 1);
              p_tupd(cue, pp, pred[i], -1);
            }
          }
        cue->c++;
      }
      /* role tagger, cue by cue, on gold cues */
      for (uint32_t x = 0; x < td->nex; x++) {
        role_ex *ex = &td->ex[x];
        uint32_t w = ex->w1 - ex->w0;
        if (w > maxw)
          continue;
        sw_cuectx cx;
        sw_cue_window(d, ex->c0, ex->c1, &cx);
        sw_feat_relative(lx, d, &cx, rk, rn);
        for (uint32_t t = 0; t < w; t++) {
          float *e = em + (size_t)t * ROLE_L;
          memset(e, 0, ROLE_L * sizeof *e);
          uint32_t ti = ex->w0 + t;
          p_score(role, K + (size_t)ti * SW_MAX_FEAT, NK[ti], e);
          p_score(rel, rk + (size_t)t * SW_MAX_RFEAT, rn[t], e);
          for (int l = 0; l < ROLE_L; l++)
            if (l != ex->gold[t])
              e[l] += MARGIN;
          if (ti >= ex->c0 && ti < ex->c1)
            for (int l = 1; l < ROLE_L; l++)
              e[l] = -1e30f;
        }
        sw_viterbi_role(em, w, ROLE_L, role->tw, pred, ts->rbp);
        bool wrong = false;
        for (uint32_t t = 0; t < w; t++) {
          if (pred[t] == ex->gold[t])
            continue;
          wrong = true;
          rerr++;
          uint32_t ti = ex->w0 + t;
          for (uint32_t k = 0; k < NK[ti]; k++) {
            p_upd(role, K[(size_t)ti * SW_MAX_FEAT + k], ex->gold[t], 1);
            p_upd(role, K[(size_t)ti * SW_MAX_FEAT + k], pred[t], -1);
          }
          for (uint32_t k = 0; k < rn[t]; k++) {
            p_upd(rel, rk[(size_t)t * SW_MAX_RFEAT + k], ex->gold[t], 1);
            p_upd(rel, rk[(size_t)t * SW_MAX_RFEAT + k], pred[t], -1);
          }
        }
        rtok += w;
        if (wrong)
          for (uint32_t t = 0; t < w; t++) {
            int gp = t ? ex->gold[t - 1] : -1, pp = t ? pred[t - 1] : -1;
            if (gp != pp || ex->gold[t] != pred[t]) {
              p_tupd(role, gp, ex->gold[t], 1);
              p_tupd(role, pp, pred[t], -1);
            }
          }
        role->c++;
        rel->c++;
      }
    }
    fprintf(stderr, "train: run %d, epoch %d: cue token errors %.4f, role token errors %.4f\n", run + 1, ep + 1,
            (double)errs / (double)(toks ? toks : 1), (double)rerr / (double)(rtok ? rtok : 1));
  }
  p_average(cue);
  p_average(role);
  p_average(rel);
}

static void write_u32(FILE *f, uint32_t v) {
  unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                        (unsigned char)(v >> 24)};
  fwrite(b, 1, 4, f);
}

static void write_f32(FILE *f, float x) {
  uint32_t u;
  memcpy(&u, &x, 4);
  write_u32(f, u);
}

int main(int argc, char **argv) {
  if (argc < 3)
    die("usage: train SPLIT_DIR OUT.model [EPOCHS [RUNS]]", NULL);
  int epochs = argc > 3 ? atoi(argv[3]) : 10;
  int runs = argc > 4 ? atoi(argv[4]) : 4;
  if (epochs < 1 || runs < 1)
    die("EPOCHS and RUNS must be positive", NULL);
  sw_lexicon *lx = sw_lexicon_new();
  char path[4096];
  snprintf(path, sizeof path, "%s/attributions", argv[1]);
  DIR *dir = opendir(path);
  if (!dir)
    die("cannot open", path);
  char **names = NULL;
  size_t nn = 0;
  struct dirent *de;
  while ((de = readdir(dir))) {
    size_t l = strlen(de->d_name);
    if (l > 4 && !strcmp(de->d_name + l - 4, ".ann")) {
      names = realloc(names, (nn + 1) * sizeof *names);
      names[nn++] = strdup(de->d_name);
    }
  }
  closedir(dir);
  /* readdir order is not stable: sort */
  for (size_t i = 1; i < nn; i++)
    for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
      char *t = names[j];
      names[j] = names[j - 1];
      names[j - 1] = t;
    }
  tdoc *docs = NULL;
  size_t nd = 0, cap = 0;
  for (size_t i = 0; i < nn; i++)
    add_doc(&docs, &nd, &cap, lx, argv[1], names[i]);
  size_t nex = 0;
  for (size_t i = 0; i < nd; i++)
    nex += docs[i].nex;
  fprintf(stderr, "train: %zu documents, %zu attributions with cues\n", nd, nex);

  uint32_t **keys = malloc(nd * sizeof *keys);
  uint8_t **nks = malloc(nd * sizeof *nks);
  for (size_t i = 0; i < nd; i++)
    keys[i] = doc_keys(lx, &docs[i].d, &nks[i]);

  trainset ts = {.lx = lx, .docs = docs, .nd = nd, .keys = keys, .nks = nks, .maxw = 4096};
  ts.order = malloc(nd * sizeof *ts.order);
  for (size_t i = 0; i < nd; i++)
    ts.order[i] = (uint32_t)i;
  ts.em = malloc(ts.maxw * 8 * sizeof *ts.em);
  ts.bp = malloc(ts.maxw * 8);
  ts.rbp = malloc(ts.maxw * 8 * sizeof *ts.rbp);
  ts.pred = malloc(ts.maxw);
  ts.rk = malloc(ts.maxw * SW_MAX_RFEAT * sizeof *ts.rk);
  ts.rn = malloc(ts.maxw);
  if (!ts.order || !ts.em || !ts.bp || !ts.rbp || !ts.pred || !ts.rk || !ts.rn)
    die("out of memory", NULL);
  /* the mean of the runs' averaged weights */
  percep cue, role, rel;
  p_init(&cue, STAT_BITS, CUE_L);
  p_init(&role, STAT_BITS, ROLE_L);
  p_init(&rel, REL_BITS, ROLE_L);
  for (int r = 0; r < runs; r++) {
    percep one[3];
    p_init(&one[0], STAT_BITS, CUE_L);
    p_init(&one[1], STAT_BITS, ROLE_L);
    p_init(&one[2], REL_BITS, ROLE_L);
    train_run(&ts, r, epochs, &one[0], &one[1], &one[2]);
    percep *sum[3] = {&cue, &role, &rel};
    for (int q = 0; q < 3; q++) {
      p_mix(sum[q], &one[q], runs);
      free(one[q].w);
      free(one[q].u);
    }
  }
  float sc = p_scale(&cue), sr = p_scale(&role), sl = p_scale(&rel);
  if (sl > sr)
    sr = sl; /* one scale for both role tables: their weights add up */
  FILE *f = fopen(argv[2], "wb");
  if (!f)
    die("cannot write", argv[2]);
  fwrite(SW_MODEL_MAGIC, 1, 8, f);
  write_u32(f, SW_MODEL_VERSION);
  write_u32(f, SW_FEAT_VERSION);
  write_u32(f, STAT_BITS);
  write_u32(f, REL_BITS);
  write_f32(f, sc);
  write_f32(f, sr);
  for (int i = 0; i < (CUE_L + 1) * CUE_L; i++)
    write_f32(f, cue.tw[i]);
  for (int i = 0; i < (ROLE_L + 1) * ROLE_L; i++)
    write_f32(f, role.tw[i]);
  long pos = ftell(f);
  while (pos % 16) {
    fputc(0, f);
    pos++;
  }
  for (size_t r = 0; r < cue.rows; r++) {
    int8_t row[SW_ROW] = {0};
    for (int l = 0; l < CUE_L; l++)
      row[l] = quant(cue.w[r * CUE_L + (size_t)l], sc);
    for (int l = 0; l < ROLE_L; l++)
      row[CUE_L + l] = quant(role.w[r * ROLE_L + (size_t)l], sr);
    write_row(f, row, SW_ROW);
  }
  for (size_t r = 0; r < rel.rows; r++) {
    int8_t row[SW_ROW] = {0};
    for (int l = 0; l < ROLE_L; l++)
      row[l] = quant(rel.w[r * ROLE_L + (size_t)l], sr);
    write_row(f, row, SW_RROW);
  }
  static const int8_t tail[SW_ROW - SW_RROW];
  write_row(f, tail, sizeof tail);
  if (fclose(f) != 0)
    die("cannot write", argv[2]);
  fprintf(stderr, "train: wrote %s\n", argv[2]);
  return 0;
}
