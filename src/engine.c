/* Stage 1 and the driver: a document goes through every stage in order,
 * and the internal token ranges become the public byte spans. */
#include "internal.h"
#include "model.h"
#include "speaker.h"
#include "certainty.h"
#include <time.h>
#include <libxml/parser.h>

struct sw_engine {
  sw_lexicon *lx;
  sw_spklex *spk;
  sw_certlex *cert;
  sw_model *model; /* NULL in rules-only mode */
  bool strict;
  bool stats;
  bool nested;
};

struct sw_result {
  sw_attribution *att;
  size_t natt;
  sw_span *spans;
  sw_speaker *spk;
  size_t nspk;
  sw_span *mspans; /* the speakers' mentions */
  sw_span *cspans; /* the certainty cues */
  char *strings;   /* titles and affiliations, NUL-separated */
  sw_sentence *sent;
  size_t nsent;
  size_t bad_utf8;
  uint64_t ns[SW_STAGE_COUNT];
  char byline_author[128], byline_date[32], headline[256];
};

sw_engine *sw_engine_new(const sw_options *opts, sw_error *err) {
  sw_options def = {0};
  if (!opts)
    opts = &def;
  if (err)
    memset(err, 0, sizeof *err);
  sw_engine *e = calloc(1, sizeof *e);
  if (!e) {
    sw_seterr(err, SW_ERR_NOMEM, 0, "out of memory creating the engine");
    return NULL;
  }
  /* libxml2 sets itself up on first use, which is not thread-safe: do it
   * here, before any thread reads a page */
  xmlInitParser();
  e->strict = opts->strict_utf8 != 0;
  e->stats = opts->stats != 0;
  e->nested = opts->nested != 0;
  e->lx = sw_lexicon_new();
  e->spk = sw_spklex_new();
  e->cert = sw_certlex_new();
  if (!e->lx || !e->spk || !e->cert) {
    sw_seterr(err, SW_ERR_NOMEM, 0, "out of memory loading the lexicons");
    goto fail;
  }
  if (!opts->rules_only) {
    e->model = opts->model_path ? sw_model_load_file(opts->model_path, err)
                                : sw_model_builtin(err);
    if (!e->model)
      goto fail;
  }
  return e;
fail:
  sw_engine_free(e);
  return NULL;
}

void sw_engine_free(sw_engine *e) {
  if (!e)
    return;
  sw_lexicon_free(e->lx);
  sw_spklex_free(e->spk);
  sw_certlex_free(e->cert);
  sw_model_free(e->model);
  free(e);
}

void sw_result_free(sw_result *r) {
  if (!r)
    return;
  free(r->att);
  free(r->spans);
  free(r->sent);
  free(r->spk);
  free(r->mspans);
  free(r->cspans);
  free(r->strings);
  free(r);
}

size_t sw_result_count(const sw_result *r) { return r ? r->natt : 0; }
const sw_attribution *sw_result_get(const sw_result *r, size_t i) {
  return r && i < r->natt ? &r->att[i] : NULL;
}
size_t sw_result_sentence_count(const sw_result *r) { return r ? r->nsent : 0; }
const sw_sentence *sw_result_sentence(const sw_result *r, size_t i) {
  return r && i < r->nsent ? &r->sent[i] : NULL;
}
const char *sw_stage_name(sw_stage s) {
  static const char *const names[SW_STAGE_COUNT] = {
      "tokens", "sentences", "lexicon", "quotes", "quote rules",
      "tagger", "speakers", "certainty", "result"};
  return (unsigned)s < SW_STAGE_COUNT ? names[s] : "unknown";
}

const char *sw_result_byline(const sw_result *r, int what) {
  if (!r)
    return NULL;
  const char *s = what == 2 ? r->headline : what ? r->byline_date : r->byline_author;
  return s[0] ? s : NULL;
}

uint64_t sw_result_stage_ns(const sw_result *r, sw_stage s) {
  return r && (unsigned)s < SW_STAGE_COUNT ? r->ns[s] : 0;
}

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

size_t sw_result_speaker_count(const sw_result *r) { return r ? r->nspk : 0; }
const sw_speaker *sw_result_speaker(const sw_result *r, size_t i) {
  return r && i < r->nspk ? &r->spk[i] : NULL;
}
const char *sw_certainty_level_str(sw_certainty_level l) {
  switch (l) {
  case SW_CERT_CERTAIN: return "certain";
  case SW_CERT_PROBABLE: return "probable";
  case SW_CERT_POSSIBLE: return "possible";
  case SW_CERT_DOUBTFUL: return "doubtful";
  case SW_CERT_UNMARKED: return "unmarked";
  }
  return "unmarked";
}

const char *sw_speaker_type_str(sw_speaker_type t) {
  switch (t) {
  case SW_SPK_PERSON: return "person";
  case SW_SPK_ORGANIZATION: return "organization";
  case SW_SPK_GROUP: return "group";
  case SW_SPK_ANONYMOUS: return "anonymous";
  }
  return "unknown";
}
size_t sw_result_invalid_utf8(const sw_result *r) { return r ? r->bad_utf8 : (size_t)-1; }

static int cmp_span(const void *a, const void *b) {
  const sw_span *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

static int cmp_att(const void *a, const void *b) {
  const sw_att *x = a, *y = b;
  uint32_t ax = x->con[0][0], ay = y->con[0][0];
  if (x->cue[0] != y->cue[0])
    return x->cue[0] < y->cue[0] ? -1 : 1;
  return ax < ay ? -1 : ax > ay;
}

/* Converts token ranges to byte spans, trimming nothing: a token range
 * [a, b) covers bytes [tok[a].start, tok[b-1].end). */
static sw_span tok_span(const sw_doc *d, uint32_t a, uint32_t b) {
  const sw_token *tok = d->tok.v;
  sw_span sp = {0, 0};
  if (b > a) {
    sp.start = tok[a].start;
    sp.end = tok[b - 1].end;
  }
  return sp;
}

/* Speakers with at least one attribution, in order of first appearance;
 * map[e] receives each entity's public index. */
static bool build_speakers(const sw_spklex *x, const sw_doc *d, sw_result *r, size_t *map) {
  size_t n = 0, nm = 0, strl = 0;
  for (uint32_t e = 0; e < d->ent.n; e++) {
    const sw_entity *en = &VEC_AT(d->ent, sw_entity, e);
    map[e] = SW_NO_SPEAKER;
    if (!en->nattr)
      continue;
    map[e] = n++;
    if (en->title >= 0)
      strl += strlen(sw_spklex_title(x, (uint32_t)en->title)) + 1;
    if (en->affil >= 0)
      strl += strlen(sw_spklex_affil(x, (uint32_t)en->affil)) + 1;
    else if (en->org1 > en->org0)
      strl += tok_span(d, en->org0, en->org1).end - tok_span(d, en->org0, en->org1).start + 1;
  }
  for (uint32_t k = 0; k < d->mention.n; k++)
    nm += map[VEC_AT(d->mention, sw_mention, k).entity] != SW_NO_SPEAKER;
  for (uint32_t k = 0; k < d->smention.n; k++)
    nm += map[VEC_AT(d->smention, sw_mention, k).entity] != SW_NO_SPEAKER;
  r->spk = calloc(n ? n : 1, sizeof *r->spk);
  r->mspans = calloc(nm ? nm : 1, sizeof *r->mspans);
  r->strings = malloc(strl ? strl : 1);
  if (!r->spk || !r->mspans || !r->strings)
    return false;
  r->nspk = n;
  char *sp = r->strings;
  for (uint32_t e = 0; e < d->ent.n; e++) {
    const sw_entity *en = &VEC_AT(d->ent, sw_entity, e);
    if (map[e] == SW_NO_SPEAKER)
      continue;
    sw_speaker *o = &r->spk[map[e]];
    o->name = en->n1 > en->n0 ? tok_span(d, en->n0, en->n1) : tok_span(d, en->desc0, en->desc1);
    o->type = (sw_speaker_type)en->type;
    o->gender = en->gender;
    o->attributions = en->nattr;
    if (en->title >= 0) {
      const char *t = sw_spklex_title(x, (uint32_t)en->title);
      o->title = strcpy(sp, t);
      sp += strlen(t) + 1;
    }
    if (en->affil >= 0) {
      const char *t = sw_spklex_affil(x, (uint32_t)en->affil);
      o->affiliation = strcpy(sp, t);
      sp += strlen(t) + 1;
    } else if (en->org1 > en->org0) {
      sw_span os = tok_span(d, en->org0, en->org1);
      memcpy(sp, d->text + os.start, os.end - os.start);
      sp[os.end - os.start] = 0;
      o->affiliation = sp;
      sp += os.end - os.start + 1;
    }
  }
  /* mentions: count per speaker, then place them, names and sources in
   * text order */
  for (int pass = 0; pass < 2; pass++) {
    const sw_vec *v = pass ? &d->smention : &d->mention;
    for (uint32_t k = 0; k < v->n; k++) {
      const sw_mention *m = &VEC_AT(*v, sw_mention, k);
      if (map[m->entity] != SW_NO_SPEAKER)
        r->spk[map[m->entity]].nmentions++;
    }
  }
  size_t off = 0;
  for (size_t i = 0; i < n; i++) {
    r->spk[i].mentions = &r->mspans[off];
    off += r->spk[i].nmentions;
    r->spk[i].nmentions = 0;
  }
  for (int pass = 0; pass < 2; pass++) {
    const sw_vec *v = pass ? &d->smention : &d->mention;
    for (uint32_t k = 0; k < v->n; k++) {
      const sw_mention *m = &VEC_AT(*v, sw_mention, k);
      if (map[m->entity] == SW_NO_SPEAKER)
        continue;
      sw_speaker *o = &r->spk[map[m->entity]];
      ((sw_span *)o->mentions)[o->nmentions++] = tok_span(d, m->t0, m->t1);
    }
  }
  /* in text order, each span once: a name that is also a source was
   * counted in both lists */
  for (size_t i = 0; i < n; i++) {
    sw_span *ms = (sw_span *)r->spk[i].mentions;
    qsort(ms, r->spk[i].nmentions, sizeof(sw_span), cmp_span);
    size_t k = 0;
    for (size_t j = 0; j < r->spk[i].nmentions; j++)
      if (!k || ms[j].start != ms[k - 1].start || ms[j].end != ms[k - 1].end)
        ms[k++] = ms[j];
    r->spk[i].nmentions = k;
  }
  return true;
}

static sw_result *build_result(const sw_engine *eng, const sw_doc *d) {
  sw_result *r = calloc(1, sizeof *r);
  if (!r)
    return NULL;
  r->bad_utf8 = d->bad_utf8 == SW_NONE ? (size_t)-1 : d->bad_utf8;
  const sw_token *tok = d->tok.v;
  size_t nspans = 0;
  for (uint32_t i = 0; i < d->att.n; i++) {
    const sw_att *a = &VEC_AT(d->att, sw_att, i);
    nspans += (a->src[1] > a->src[0]) + (a->cue[1] > a->cue[0]) + a->ncon;
  }
  r->att = calloc(d->att.n ? d->att.n : 1, sizeof *r->att);
  r->spans = calloc(nspans ? nspans : 1, sizeof *r->spans);
  r->sent = calloc(d->sent.n ? d->sent.n : 1, sizeof *r->sent);
  if (!r->att || !r->spans || !r->sent) {
    sw_result_free(r);
    return NULL;
  }
  r->cspans = calloc(d->certcue.n ? d->certcue.n : 1, sizeof *r->cspans);
  if (!r->cspans) {
    sw_result_free(r);
    return NULL;
  }
  for (uint32_t i = 0; i < d->certcue.n; i++) {
    const sw_certcue *c = &VEC_AT(d->certcue, sw_certcue, i);
    r->cspans[i] = tok_span(d, c->t0, c->t1);
  }
  size_t *map = malloc((d->ent.n ? d->ent.n : 1) * sizeof *map);
  if (!map || !build_speakers(eng->spk, d, r, map)) {
    free(map);
    sw_result_free(r);
    return NULL;
  }
  size_t k = 0;
  for (uint32_t i = 0; i < d->att.n; i++) {
    const sw_att *a = &VEC_AT(d->att, sw_att, i);
    sw_attribution *o = &r->att[i];
    o->speaker = a->speaker == SW_NONE ? SW_NO_SPEAKER : map[a->speaker];
    o->certainty.level = (sw_certainty_level)a->cert_level;
    o->certainty.score = a->cert_score;
    o->certainty.ncues = a->ncert;
    o->certainty.cues = r->cspans + a->cert0;
    o->kind = a->kind;
    o->sentence = a->sent;
    o->origin = a->origin;
    if (a->src[1] > a->src[0]) {
      o->source.spans = &r->spans[k];
      o->source.n = 1;
      r->spans[k].start = tok[a->src[0]].start;
      r->spans[k++].end = tok[a->src[1] - 1].end;
    }
    if (a->cue[1] > a->cue[0]) {
      o->cue.spans = &r->spans[k];
      o->cue.n = 1;
      r->spans[k].start = tok[a->cue[0]].start;
      r->spans[k++].end = tok[a->cue[1] - 1].end;
    }
    o->content.spans = &r->spans[k];
    o->content.n = a->ncon;
    for (uint32_t c = 0; c < a->ncon; c++) {
      r->spans[k].start = tok[a->con[c][0]].start;
      r->spans[k++].end = tok[a->con[c][1] - 1].end;
    }
  }
  free(map);
  r->natt = d->att.n;
  for (uint32_t i = 0; i < d->sent.n; i++) {
    const sw_sent *s = &VEC_AT(d->sent, sw_sent, i);
    r->sent[i].start = tok[s->t0].start;
    r->sent[i].end = tok[s->t1 - 1].end;
    r->sent[i].paragraph = s->para;
  }
  r->nsent = d->sent.n;
  return r;
}

sw_result *sw_extract(const sw_engine *e, const char *text, size_t len, sw_error *err) {
  if (err)
    memset(err, 0, sizeof *err);
  if (!e || (!text && len)) {
    sw_seterr(err, SW_ERR_ARG, 0, "sw_extract: no engine or no text");
    return NULL;
  }
  if (len > SW_MAX_DOC) {
    sw_seterr(err, SW_ERR_TOOBIG, 0, "document of %zu bytes exceeds the limit of %zu", len,
              (size_t)SW_MAX_DOC);
    return NULL;
  }
  sw_doc d;
  memset(&d, 0, sizeof d);
  d.text = text ? text : "";
  d.len = (uint32_t)len;
  uint64_t ns[SW_STAGE_COUNT] = {0}, t = e->stats ? now_ns() : 0;
#define STAGE(k)                                                                          \
  do {                                                                                    \
    if (e->stats) {                                                                       \
      uint64_t t2 = now_ns();                                                             \
      ns[k] += t2 - t;                                                                    \
      t = t2;                                                                             \
    }                                                                                     \
  } while (0)
  sw_status st = sw_tokenize(&d, e->strict, err);
  STAGE(SW_STAGE_TOKENS);
  if (!st) {
    st = sw_split_sentences(&d);
    if (!st)
      sw_find_boilerplate(&d);
  }
  STAGE(SW_STAGE_SENTENCES);
  if (!st)
    sw_lexicon_mark(e->lx, &d);
  STAGE(SW_STAGE_LEXICON);
  if (!st)
    st = sw_find_quotes(&d);
  STAGE(SW_STAGE_QUOTES);
  if (!st)
    st = sw_attribute_quotes(e->lx, &d);
  STAGE(SW_STAGE_RULES);
  if (!st && e->model)
    st = sw_tag(e->model, e->lx, &d);
  if (!st && e->model)
    st = sw_attribute_frames(e->lx, &d);
  if (!st && d.att.n > 1)
    qsort(d.att.v, d.att.n, sizeof(sw_att), cmp_att);
  if (!st) {
    uint32_t n = d.att.n;
    st = sw_poll_lead(&d);
    if (!st && d.att.n > n)
      qsort(d.att.v, d.att.n, sizeof(sw_att), cmp_att);
  }
  if (!st) {
    sw_drop_boilerplate(&d);
    sw_untangle_contents(&d);
    sw_share_sources(e->lx, &d);
    sw_cut_coordinated(&d);
    sw_parenthetical(&d);
    sw_quote_in_sentence(&d);
    sw_according_lead(e->lx, &d);
    sw_tidy_frames(&d);
    sw_cut_at_sources(&d);
    sw_drop_swallowed(&d);
    if (!e->nested)
      st = sw_drop_nested(&d);
  }
  STAGE(SW_STAGE_TAGGER);
  if (!st)
    st = sw_resolve_speakers(e->spk, &d);
  STAGE(SW_STAGE_SPEAKERS);
  if (!st)
    st = sw_grade_certainty(e->cert, &d);
  STAGE(SW_STAGE_CERTAINTY);
  sw_result *r = NULL;
  if (!st) {
    r = build_result(e, &d);
    if (!r)
      st = SW_ERR_NOMEM;
  }
  STAGE(SW_STAGE_RESULT);
#undef STAGE
  if (r) {
    memcpy(r->ns, ns, sizeof ns);
    memcpy(r->byline_author, d.byline_author, sizeof r->byline_author);
    memcpy(r->byline_date, d.byline_date, sizeof r->byline_date);
    memcpy(r->headline, d.headline, sizeof r->headline);
  }
  if (st && err && !err->status)
    sw_seterr(err, st, 0, "%s", st == SW_ERR_NOMEM ? "out of memory" : sw_status_str(st));
  sw_doc_free(&d);
  return r;
}
