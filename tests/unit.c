/* Unit tests of each stage, through the internal interfaces.  Prints one
 * line per failure and a closing "N passed, N failed" line. */
#include "internal.h"
#include "model.h"
#include "write.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static int passed, failed;

#define CHECK(cond, ...)                                                                   \
  do {                                                                                     \
    if (cond) {                                                                            \
      passed++;                                                                            \
    } else {                                                                               \
      failed++;                                                                            \
      printf("FAIL %s:%d: ", __FILE__, __LINE__);                                          \
      printf(__VA_ARGS__);                                                                 \
      printf("\n");                                                                        \
    }                                                                                      \
  } while (0)

static sw_lexicon *LX;

static void run(sw_doc *d, const char *text) {
  memset(d, 0, sizeof *d);
  d->text = text;
  d->len = (uint32_t)strlen(text);
  sw_error err;
  CHECK(sw_tokenize(d, false, &err) == SW_OK, "tokenize");
  CHECK(sw_split_sentences(d) == SW_OK, "sentences");
  sw_lexicon_mark(LX, d);
  CHECK(sw_find_quotes(d) == SW_OK, "quotes");
}

/* The tokens of text joined by '|'. */
static void tokens(const char *text, char *out, size_t cap) {
  sw_doc d;
  run(&d, text);
  size_t k = 0;
  for (uint32_t i = 0; i < d.tok.n; i++) {
    const sw_token *t = &VEC_AT(d.tok, sw_token, i);
    int n = snprintf(out + k, cap - k, "%s%.*s", i ? "|" : "", (int)(t->end - t->start),
                     text + t->start);
    if (n < 0 || (size_t)n >= cap - k)
      break;
    k += (size_t)n;
  }
  out[k] = 0;
  sw_doc_free(&d);
}

static void test_tokens(void) {
  struct {
    const char *in, *want;
  } cases[] = {
      {"Sen. John McCain, R-Ariz., said.", "Sen.|John|McCain|,|R-Ariz.|,|said|."},
      {"The U.S. economy grew 3.5 percent.", "The|U.S.|economy|grew|3.5|percent|."},
      {"Putin’s aides don't know.", "Putin|’s|aides|do|n't|know|."},
      {"It's 1,000 people at 4:30 p.m.", "It|'s|1,000|people|at|4:30|p.m."},
      {"See https://example.org/a?b=1, then.", "See|https://example.org/a?b=1|,|then|."},
      {"“Yes,” he said", "“|Yes|,|”|he|said"},
      {"«Oui» „Ja“", "«|Oui|»|„|Ja|“"},
      {"J. R. Smith Jr. spoke", "J.|R.|Smith|Jr.|spoke"},
      {"in the ’90s", "in|the|’90s"},
      {"a\xC2\xA0no-break\xE2\x80\x83space", "a|no-break|space"},
      {"voters’ choice", "voters|’|choice"},
      {"O'Brien can’t", "O'Brien|ca|n’t"},
      {"after 9/11, on 5/17/2016 and/or 24/7", "after|9/11|,|on|5/17/2016|and|/|or|24/7"},
      {"''Soon,'' the voters'' ``yes''", "''|Soon|,|''|the|voters|''|``|yes|''"},
  };
  char buf[512];
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    tokens(cases[i].in, buf, sizeof buf);
    CHECK(!strcmp(buf, cases[i].want), "tokens of \"%s\": got %s, want %s", cases[i].in, buf,
          cases[i].want);
  }
}

static void test_offsets(void) {
  /* invalid bytes keep offsets exact */
  const char text[] = "ab\xFF\xFE cd \xE2\x80\x9Cq\xE2\x80\x9D";
  sw_doc d;
  run(&d, text);
  CHECK(d.bad_utf8 == 2, "first invalid byte at 2, got %u", d.bad_utf8);
  const sw_token *t = d.tok.v;
  bool found = false;
  for (uint32_t i = 0; i < d.tok.n; i++)
    if (t[i].end - t[i].start == 2 && !memcmp(text + t[i].start, "cd", 2))
      found = t[i].start == 5;
  CHECK(found, "\"cd\" at byte 5");
  sw_doc_free(&d);
  sw_doc s;
  memset(&s, 0, sizeof s);
  s.text = "a\0b";
  s.len = 3;
  sw_error err;
  CHECK(sw_tokenize(&s, true, &err) == SW_ERR_INPUT && err.offset == 1, "strict NUL at 1");
  sw_doc_free(&s);
}

static int count_sentences(const char *text) {
  sw_doc d;
  run(&d, text);
  int n = (int)d.sent.n;
  sw_doc_free(&d);
  return n;
}

static void test_sentences(void) {
  CHECK(count_sentences("Sen. Smith spoke. He left.") == 2, "title abbreviation");
  CHECK(count_sentences("He lives in the U.S. He works there.") == 2, "U.S. then He");
  CHECK(count_sentences("He lives in the U.S. Army base.") == 1, "U.S. Army");
  CHECK(count_sentences("“Stop!” she said. Then left.") == 2, "quote ending");
  CHECK(count_sentences("Headline Without Period\n\nBody text here.") == 2, "headline");
  CHECK(count_sentences("He said “yes.” She said no.") == 2, "closing quote after period");
  CHECK(count_sentences("J. K. Rowling wrote it.") == 1, "initials");
  CHECK(count_sentences("") == 0, "empty");
  CHECK(count_sentences("a line that\nwraps softly here.") == 1, "soft wrap");
}

static void test_quotes(void) {
  sw_doc d;
  run(&d, "“A ‘nested’ quote,” he said. \"Straight one here.\" It's fine.");
  CHECK(d.quote.n == 3, "three regions, got %u", d.quote.n);
  if (d.quote.n == 3) {
    sw_qregion *q = d.quote.v;
    CHECK(q[0].closed && q[2].closed, "regions closed");
    CHECK(q[1].used, "nested single region not attributed on its own");
  }
  sw_doc_free(&d);
  /* a quote running across paragraphs */
  run(&d, "“First part of it goes on.\n\n“Second part ends here,” he said.");
  CHECK(d.quote.n == 2, "two regions, got %u", d.quote.n);
  if (d.quote.n == 2)
    CHECK(VEC_AT(d.quote, sw_qregion, 1).cont == 1, "second continues the first");
  sw_doc_free(&d);
  /* apostrophes are never quotes */
  run(&d, "The voters’ choice and Trump’s plan, rock ’n’ roll.");
  uint32_t marks = 0;
  for (uint32_t i = 0; i < d.tok.n; i++)
    marks += VEC_AT(d.tok, sw_token, i).qm == QM_OPEN_D || VEC_AT(d.tok, sw_token, i).qm == QM_CLOSE_D;
  CHECK(marks == 0 && d.quote.n == 0, "no quote regions from apostrophes (%u)", d.quote.n);
  sw_doc_free(&d);
  /* unbalanced marks are recovered at the paragraph end */
  run(&d, "He said “this never closes\n\nNew paragraph.");
  CHECK(d.quote.n == 1 && VEC_AT(d.quote, sw_qregion, 0).closed == 0, "recovered region");
  sw_doc_free(&d);
}

static void test_lexicon(void) {
  sw_doc d;
  run(&d, "She pointed out that he insisted, according to aides, and admitted it.");
  int cues = 0;
  for (uint32_t i = 0; i < d.tok.n; i++)
    cues += VEC_AT(d.tok, sw_token, i).lex != SW_NONE;
  CHECK(cues == 4, "pointed out, insisted, according to, admitted: got %d", cues);
  const sw_token *t = d.tok.v;
  CHECK(t[1].lexlen == 2, "'pointed out' is one entry");
  sw_doc_free(&d);
}

/* The tagger sums a constant number of rows per token: every token has
 * SW_NSTAT static features, and every token of a cue's window but the
 * cue's own has SW_NREL relative ones. */
static void test_feature_counts(void) {
  sw_doc d;
  run(&d, "“It will pass,” the senator told reporters on Monday. She added that the vote "
          "was close, according to aides. Nobody else spoke.");
  CHECK(sw_feat_prepare(LX, &d) == SW_OK, "prepare");
  uint32_t keys[64 * SW_MAX_FEAT], nks[64];
  int dist[64];
  bool ok = d.tok.n <= 64;
  for (uint32_t si = 0; ok && si < d.sent.n; si++) {
    const sw_sent *s = &VEC_AT(d.sent, sw_sent, si);
    sw_cue_distances(&d, s, dist);
    CHECK(sw_feat_sentence(LX, &d, s, dist, keys, nks) == SW_OK, "sentence features");
    for (uint32_t i = 0; i < s->t1 - s->t0; i++)
      ok &= nks[i] == SW_NSTAT;
  }
  CHECK(ok, "every token has SW_NSTAT static features");
  uint32_t rk[64 * SW_MAX_RFEAT];
  uint8_t rn[64];
  int cues = 0;
  ok = true;
  for (uint32_t c = 0; c < d.tok.n; c++) {
    const sw_token *t = &VEC_AT(d.tok, sw_token, c);
    if (t->lex == SW_NONE)
      continue;
    sw_cuectx cx;
    sw_cue_window(&d, c, c + t->lexlen, &cx);
    sw_feat_relative(LX, &d, &cx, rk, rn);
    for (uint32_t i = cx.w0; i < cx.w1; i++)
      ok &= rn[i - cx.w0] == (i >= cx.c0 && i < cx.c1 ? 0 : SW_NREL);
    cues++;
  }
  CHECK(cues >= 3 && ok, "SW_NREL relative features off the cue, none on it (%d cues)", cues);
  sw_doc_free(&d);
}

/* The tokenizer hands on the shape of plain ASCII words; the tagger's
 * per-token features are the same as when it works every shape out from
 * the bytes. */
static void test_shapes(void) {
  sw_doc d;
  run(&d, "said Said SAID McDonald iPhone A x 3rd don't Dn't CAN'T e-mail U.S. Sen. caf\xC3\xA9");
  static const struct {
    const char *w;
    uint8_t shape;
  } want[] = {{"said", SH_LOWER}, {"Said", SH_CAPITAL}, {"SAID", SH_UPPER},
              {"McDonald", SH_UNKNOWN}, {"iPhone", SH_UNKNOWN}, {"A", SH_UPPER},
              {"x", SH_LOWER}, {"3rd", SH_UNKNOWN}, {"do", SH_UNKNOWN}, {"D", SH_UNKNOWN},
              {"CA", SH_UNKNOWN}, {"e-mail", SH_UNKNOWN}, {"U.S.", SH_UNKNOWN},
              {"Sen.", SH_UNKNOWN}, {"caf\xC3\xA9", SH_UNKNOWN}};
  for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
    bool found = false;
    for (uint32_t i = 0; i < d.tok.n && !found; i++) {
      const sw_token *t = &VEC_AT(d.tok, sw_token, i);
      if (t->end - t->start == strlen(want[k].w) && !memcmp(d.text + t->start, want[k].w, t->end - t->start)) {
        found = true;
        CHECK(t->shape == want[k].shape, "shape of \"%s\": %u, want %u", want[k].w, t->shape,
              want[k].shape);
      }
    }
    CHECK(found, "token \"%s\"", want[k].w);
  }
  CHECK(sw_feat_prepare(LX, &d) == SW_OK, "prepare");
  size_t nb = d.tf.n * sizeof(sw_tokfeat);
  sw_tokfeat *with = malloc(nb);
  if (with) {
    memcpy(with, d.tf.v, nb);
    for (uint32_t i = 0; i < d.tok.n; i++)
      VEC_AT(d.tok, sw_token, i).shape = SH_UNKNOWN;
    CHECK(sw_feat_prepare(LX, &d) == SW_OK, "prepare without shapes");
    CHECK(!memcmp(with, d.tf.v, nb), "the same features with and without the tokenizer's shapes");
    free(with);
  }
  sw_doc_free(&d);
}

/* The role labels' Viterbi, four labels to a vector, against a plain
 * loop over every pair of labels: the same labels on random scores,
 * ties included (scores on a coarse grid). */
static void viterbi_role_ref(const float *em, uint32_t n, const float *tr, uint8_t *out) {
  float c[ROLE_L], nx[ROLE_L];
  static uint8_t bp[64][ROLE_L];
  for (int l = 0; l < ROLE_L; l++)
    c[l] = l == R_IS || l == R_IC ? -1e30f : tr[l] + em[l];
  for (uint32_t i = 1; i < n; i++) {
    for (int l = 0; l < ROLE_L; l++) {
      float v = -INFINITY;
      int a = 0;
      for (int p = 0; p < ROLE_L; p++) {
        if ((l == R_IS && p != R_BS && p != R_IS) || (l == R_IC && p != R_BC && p != R_IC))
          continue;
        float x = c[p] + tr[ROLE_L + p * ROLE_L + l];
        if (x > v)
          v = x, a = p;
      }
      nx[l] = v + em[i * ROLE_L + l];
      bp[i][l] = (uint8_t)a;
    }
    memcpy(c, nx, sizeof c);
  }
  int best = 0;
  for (int l = 1; l < ROLE_L; l++)
    if (c[l] > c[best])
      best = l;
  for (uint32_t i = n; i-- > 0;) {
    out[i] = (uint8_t)best;
    if (i)
      best = bp[i][best];
  }
}

static void test_viterbi_role(void) {
  uint32_t seed = 12345;
#define RND() (seed = seed * 1103515245u + 12345u, (float)((seed >> 16) % 9) - 4.0f)
  bool same = true;
  for (int trial = 0; trial < 200; trial++) {
    uint32_t n = 1 + (uint32_t)trial % 40;
    float em[64 * ROLE_L], tr[(ROLE_L + 1) * ROLE_L];
    for (int k = 0; k < (ROLE_L + 1) * ROLE_L; k++)
      tr[k] = RND();
    for (uint32_t k = 0; k < n * ROLE_L; k++)
      em[k] = RND();
    uint8_t got[64], want[64];
    int32_t bp[64 * 8];
    sw_viterbi_role(em, n, ROLE_L, tr, got, bp);
    viterbi_role_ref(em, n, tr, want);
    same &= !memcmp(got, want, n);
  }
#undef RND
  CHECK(same, "vector role Viterbi agrees with the plain loop");
}

/* A source span loses the words a source does not end with. */
/* The text of tokens [a, b) of d into out ("" when empty). */
static void span_text(const sw_doc *d, uint32_t a, uint32_t b, char *out, size_t cap) {
  const sw_token *t = d->tok.v;
  out[0] = 0;
  if (b > a)
    snprintf(out, cap, "%.*s", (int)(t[b - 1].end - t[a].start), d->text + t[a].start);
}

static void test_trim_source(void) {
  static const struct {
    const char *text;
    uint32_t s0, s1;   /* the source as decoded, in tokens */
    const char *want;  /* after trimming */
  } cases[] = {
      {"Mayor Okafor later said the pier would open.", 0, 3, "Mayor Okafor"},
      {"Okafor at the time said the pier would open.", 0, 4, "Okafor"},
      {"The harbor board of the said the pier would open.", 0, 5, "The harbor board"},
      {"Okafor, who runs the port, said the pier would open.", 0, 6, "Okafor, who runs the port"},
      {"Then said the pier would open.", 0, 1, ""},
      {"Okafor clearly said the pier would open.", 0, 2, "Okafor"},
      {"The Reyes family said the pier would open.", 0, 3, "The Reyes family"},
      {"Okafor could only say the pier would open.", 0, 3, "Okafor"},
      {"Theresa May said the pier would open.", 0, 2, "Theresa May"},
      {"Although Okafor later said the pier would open, it stayed shut.", 0, 3, "Okafor"},
      {"Ever since Okafor said the pier would open, boats have waited.", 0, 3, "Okafor"},
      {"Even Okafor herself said the pier would open.", 0, 3, "Okafor"},
      {"The mayor, who said the pier would open, left.", 0, 4, "The mayor"},
      {"@harborport said the pier would open.", 0, 2, "@harborport"},
      {"~ Okafor said the pier would open.", 0, 2, "Okafor"},
      {"The pier, being shut, stays shut.", 3, 4, ""},
      {"The pier, than said, stays shut.", 3, 4, ""},
      {"The pier, something said, stays shut.", 3, 4, "something"},
      {"The pier, officials said, stays shut.", 3, 4, "officials"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    sw_doc d;
    run(&d, cases[i].text);
    sw_att a;
    memset(&a, 0, sizeof a);
    a.src[0] = cases[i].s0, a.src[1] = cases[i].s1;
    sw_trim_source(&d, &a);
    char got[128];
    span_text(&d, a.src[0], a.src[1], got, sizeof got);
    CHECK(!strcmp(got, cases[i].want), "trimmed source of \"%s\": got \"%s\", want \"%s\"",
          cases[i].text, got, cases[i].want);
    sw_doc_free(&d);
  }
}

/* A rule's source gives up a model attribution's frame after a comma. */
static void test_cut_nested_source(void) {
  static const struct {
    const char *text;
    uint32_t s0, s1;       /* the rule's source, in tokens */
    uint32_t c0, c1;       /* the model attribution's cue */
    uint32_t m0, m1;       /* and its source, if any */
    uint32_t ncon;         /* and how many content fragments it has */
    const char *want;      /* the rule's source after */
  } cases[] = {
      /* "…,” said Ruth Vale, the treasurer, referring to the survey. */
      {"\"Safe,\" said Ruth Vale, the treasurer, referring to the survey.", 5, 15, 11, 13, 0, 0, 1,
       "Ruth Vale, the treasurer"},
      {"\"Safe,\" said Ruth Vale, who wrote about the survey.", 5, 13, 9, 11, 8, 9, 1, "Ruth Vale"},
      /* no comma before the frame: nothing to cut at */
      {"\"Safe,\" said a source who wrote about the survey.", 5, 12, 8, 10, 7, 8, 1,
       "a source who wrote about the survey"},
      /* a model cue with no content frames nothing */
      {"\"Safe,\" said Ruth Vale, the treasurer, referring to the survey.", 5, 15, 11, 13, 0, 0, 0,
       "Ruth Vale, the treasurer, referring to the survey"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    sw_doc d;
    run(&d, cases[i].text);
    sw_att ra, *m;
    memset(&ra, 0, sizeof ra);
    ra.src[0] = cases[i].s0, ra.src[1] = cases[i].s1;
    sw_vec ms = {0};
    m = sw_vec_push(&ms, sizeof *m);
    CHECK(m != NULL, "push");
    if (!m)
      return;
    memset(m, 0, sizeof *m);
    m->cue[0] = cases[i].c0, m->cue[1] = cases[i].c1;
    m->src[0] = cases[i].m0, m->src[1] = cases[i].m1;
    m->ncon = cases[i].ncon;
    sw_cut_nested_source(&d, &ms, &ra);
    char got[128];
    span_text(&d, ra.src[0], ra.src[1], got, sizeof got);
    CHECK(!strcmp(got, cases[i].want), "rule source in \"%s\": got \"%s\", want \"%s\"",
          cases[i].text, got, cases[i].want);
    free(ms.v);
    sw_doc_free(&d);
  }
}

/* A content fragment that is only the dummy subject "it" or "there"
 * before the cue is dropped; a real subject stays. */
static void test_dummy_subject(void) {
  static const struct {
    const char *text;
    uint32_t c0, c1; /* the cue, in tokens; the content is [0, 1) and [c1, end) */
    uint32_t want;   /* fragments left */
  } cases[] = {
      {"It appears that the pilings will hold.", 1, 2, 1},
      {"There were, Dow said, two cracks.", 4, 5, 1},
      {"Dow appears to think the pilings will hold.", 1, 2, 2},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    sw_doc d;
    run(&d, cases[i].text);
    sw_att *a = sw_vec_push(&d.att, sizeof *a);
    CHECK(a != NULL, "push");
    if (!a)
      return;
    memset(a, 0, sizeof *a);
    a->cue[0] = cases[i].c0, a->cue[1] = cases[i].c1;
    a->con[0][0] = 0, a->con[0][1] = 1;
    a->con[1][0] = cases[i].c1, a->con[1][1] = d.tok.n - 1;
    a->ncon = 2;
    sw_tidy_frames(&d);
    a = &VEC_AT(d.att, sw_att, 0);
    CHECK(a->ncon == cases[i].want && a->con[a->ncon - 1][0] == cases[i].c1,
          "dummy subject in \"%s\": %u fragments, want %u", cases[i].text, a->ncon, cases[i].want);
    sw_doc_free(&d);
  }
}

static void test_json(void) {
  sw_buf b = {0};
  sw_json_escape(&b, "a\"b\\c\n\x01\xFF", 8);
  CHECK(b.data && !strcmp(b.data, "a\\\"b\\\\c\\n\\u0001\xEF\xBF\xBD"), "escape: %s",
        b.data ? b.data : "(null)");
  sw_buf_free(&b);
  /* characters copied whole, U+2028 and U+2029 escaped, a cut one replaced */
  const char *u = "caf\xC3\xA9 \xE2\x80\x9Cx\xE2\x80\x9D \xE2\x80\xA8 \xE2\x80";
  sw_json_escape(&b, u, strlen(u));
  CHECK(b.data && !strcmp(b.data, "caf\xC3\xA9 \xE2\x80\x9Cx\xE2\x80\x9D \\u2028 \xEF\xBF\xBD\xEF\xBF\xBD"),
        "escape of non-ASCII: %s", b.data ? b.data : "(null)");
  sw_buf_free(&b);
  sw_input_doc doc = {0};
  sw_error err;
  const char *line = "{\"meta\":{\"x\":[1,2,{\"y\":null}]},\"id\":\"a1\",\"title\":\"T\",\"text\":\"caf\\u00e9 \\ud83d\\ude00\"}";
  CHECK(sw_jsonl_read(line, strlen(line), &doc, &err) == SW_OK, "parse: %s", err.message);
  CHECK(!strcmp(doc.id.data, "a1"), "id");
  CHECK(!strcmp(doc.title.data, "T") && doc.author.len == 0, "title, no author");
  CHECK(!strcmp(doc.text.data, "caf\xC3\xA9 \xF0\x9F\x98\x80"), "text unescaped");
  const char *bad = "{\"id\":\"x\",\"text\":\"unterminated}";
  CHECK(sw_jsonl_read(bad, strlen(bad), &doc, &err) == SW_ERR_INPUT, "bad line");
  const char *notext = "{\"id\":7}";
  CHECK(sw_jsonl_read(notext, strlen(notext), &doc, &err) == SW_ERR_INPUT, "no text member");
  const char *num = "{\"doc\":42,\"text\":\"x\"}";
  CHECK(sw_jsonl_read(num, strlen(num), &doc, &err) == SW_OK && !strcmp(doc.id.data, "42"),
        "numeric id under doc");
  sw_input_doc_free(&doc);
}

static void test_model_checks(void) {
  sw_error err;
  char junk[300] = "SAYWHOM";
  CHECK(sw_model_parse(junk, sizeof junk, &err) == NULL && err.status == SW_ERR_MODEL,
        "bad magic rejected");
  CHECK(sw_model_parse(junk, 3, &err) == NULL, "short file rejected");
  sw_model *m = sw_model_builtin(&err);
  CHECK(m != NULL, "built-in model loads: %s", m ? "" : err.message);
  sw_model_free(m);
}

static void test_api(void) {
  sw_error err;
  sw_engine *e = sw_engine_new(NULL, &err);
  CHECK(e != NULL, "engine: %s", e ? "" : err.message);
  if (!e)
    return;
  const char *text = "“We will win this fight,” Putin said. “Nobody doubts it.”";
  sw_result *r = sw_extract(e, text, strlen(text), &err);
  CHECK(r && sw_result_count(r) == 1, "one attribution");
  if (r && sw_result_count(r) == 1) {
    const sw_attribution *a = sw_result_get(r, 0);
    CHECK(a->kind == SW_DIRECT, "direct");
    CHECK(a->content.n == 2, "split quote has two content spans, got %zu", a->content.n);
    CHECK(a->source.n == 1 && a->source.spans[0].end - a->source.spans[0].start == 5 &&
              !memcmp(text + a->source.spans[0].start, "Putin", 5),
          "source Putin");
  }
  sw_result_free(r);
  r = sw_extract(e, "", 0, &err);
  CHECK(r && sw_result_count(r) == 0, "empty document");
  sw_result_free(r);
  CHECK(sw_extract(NULL, "x", 1, &err) == NULL && err.status == SW_ERR_ARG, "no engine");
  sw_engine_free(e);
}

/* The index of the first token spelled w, or d->tok.n. */
static uint32_t find_tok(const sw_doc *d, const char *w) {
  const sw_token *t = d->tok.v;
  size_t n = strlen(w);
  for (uint32_t i = 0; i < d->tok.n; i++)
    if (t[i].end - t[i].start == n && !memcmp(d->text + t[i].start, w, n))
      return i;
  return d->tok.n;
}

/* A cue the role tagger left without content: the clause after it (and
 * after the listener of "told"), or the clause from a "that" a few words
 * on; nothing where neither is there. */
static void test_lost_content(void) {
  static const struct {
    const char *text;
    const char *cue, *src; /* one word each; src may be NULL */
    const char *want;      /* the content found, "" for none */
  } cases[] = {
      {"Ramos said Trump has not replied to his requests.", "said", "Ramos",
       "Trump has not replied to his requests"},
      {"Leal announced Sunday she will resign her post.", "announced", "Leal",
       "she will resign her post"},
      {"Witnesses told reporters they heard a buzzing sound.", "told", "Witnesses",
       "they heard a buzzing sound"},
      {"Dur told state television there were two versions.", "told", "Dur",
       "there were two versions"},
      {"Dur told a Senate panel on Wednesday.", "told", "Dur", ""},
      {"The sea rose fast, officials told reporters on Monday.", "told", "officials", ""},
      {"Trump Denies Tyson Invited To Convention.", "Denies", "Trump", ""},
      {"The chair called a vote, declaring after both rounds that the motion had failed.",
       "declaring", NULL, "that the motion had failed"},
      {"Since announcing in October that he would not run, the mayor left.", "announcing", NULL,
       "that he would not run"},
      {"The mayor said in a statement, on Friday, that the pier would open.", "said", "mayor", ""},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    sw_doc d;
    run(&d, cases[i].text);
    sw_att a;
    memset(&a, 0, sizeof a);
    a.cue[0] = find_tok(&d, cases[i].cue), a.cue[1] = a.cue[0] + 1;
    if (cases[i].src)
      a.src[0] = find_tok(&d, cases[i].src), a.src[1] = a.src[0] + 1;
    CHECK(a.cue[0] < d.tok.n, "cue of \"%s\"", cases[i].text);
    sw_clause_after_cue(LX, &d, &a);
    sw_that_after_cue(&d, &a);
    char got[128] = "";
    if (a.ncon)
      span_text(&d, a.con[0][0], a.con[0][1], got, sizeof got);
    CHECK(!strcmp(got, cases[i].want), "content of \"%s\": got \"%s\", want \"%s\"",
          cases[i].text, got, cases[i].want);
    sw_doc_free(&d);
  }
}

int main(void) {
  LX = sw_lexicon_new();
  if (!LX) {
    printf("cannot build the lexicon\n");
    return 1;
  }
  test_tokens();
  test_offsets();
  test_sentences();
  test_quotes();
  test_lexicon();
  test_feature_counts();
  test_shapes();
  test_viterbi_role();
  test_trim_source();
  test_cut_nested_source();
  test_dummy_subject();
  test_lost_content();
  test_json();
  test_model_checks();
  test_api();
  sw_lexicon_free(LX);
  printf("unit: %d passed, %d failed\n", passed, failed);
  return failed != 0;
}
