/* Shared types of the pipeline stages.  Not installed. */
#ifndef SW_INTERNAL_H
#define SW_INTERNAL_H

#include "saywho.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SW_NONE UINT32_MAX

/* ---- errors (error.c) ---- */
void sw_seterr(sw_error *err, sw_status st, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* ---- a growable array of fixed-size items, reused across documents ---- */
typedef struct {
  void *v;
  uint32_t n, cap;
} sw_vec;
/* Makes room for one more item of size sz; returns it or NULL. */
void *sw_vec_push(sw_vec *a, size_t sz);
bool sw_vec_reserve(sw_vec *a, size_t sz, size_t need);
#define VEC_AT(a, T, i) (((T *)(a).v)[i])

/* Combines two 32-bit values into a key (feature keys, name
 * hashes): two multiplies, a xor and a rotation.  Keys are masked to
 * their low bits; the rotation brings the product's high bits, which
 * depend on every input bit, down to them (one instruction where a
 * xor-shift took three). */
static inline uint32_t sw_mix(uint32_t a, uint32_t b) {
  uint32_t h = (a * 0x9E3779B1u ^ b) * 0x85EBCA6Bu;
  return h << 18 | h >> 14;
}

/* ---- a map of 32-bit keys to 32-bit values (util.c) ---- */
typedef struct {
  uint32_t *k, *v;
  uint8_t *used;
  uint32_t cap, n;
} sw_map;
bool sw_map_put(sw_map *m, uint32_t key, uint32_t val);
uint32_t sw_map_get(const sw_map *m, uint32_t key); /* SW_NONE when absent */
void sw_map_free(sw_map *m);

/* ---- UTF-8 (utf8.c) ---- */
/* Decodes one code point at s[0..len).  Returns its byte length (>=1); an
 * invalid sequence yields cp = 0xFFFD and length 1, and sets *bad. */
int sw_utf8_next_mb(const unsigned char *s, size_t len, int32_t *cp, bool *bad);
bool sw_is_space_cp_u(int32_t cp);
bool sw_is_letter_cp_u(int32_t cp);
bool sw_is_upper_cp_u(int32_t cp);
bool sw_is_digit_cp_u(int32_t cp);
/* ASCII is answered inline; the rest goes to utf8proc (utf8.c). */
static inline int sw_utf8_next(const unsigned char *s, size_t len, int32_t *cp, bool *bad) {
  if (s[0] < 0x80) {
    *cp = s[0];
    return 1;
  }
  return sw_utf8_next_mb(s, len, cp, bad);
}
static inline bool sw_is_space_cp(int32_t cp) {
  return cp < 0x80 ? cp == ' ' || (cp >= 9 && cp <= 13) : sw_is_space_cp_u(cp);
}
static inline bool sw_is_letter_cp(int32_t cp) {
  return cp < 0x80 ? (cp | 32) >= 'a' && (cp | 32) <= 'z' : sw_is_letter_cp_u(cp);
}
static inline bool sw_is_upper_cp(int32_t cp) {
  return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : sw_is_upper_cp_u(cp);
}
static inline bool sw_is_digit_cp(int32_t cp) {
  return cp < 0x80 ? cp >= '0' && cp <= '9' : sw_is_digit_cp_u(cp);
}
/* Count of code points in s[0..len), counting each invalid byte as one. */
size_t sw_utf8_count(const char *s, size_t len);

/* ---- tokens (token.c) ---- */
enum {
  TK_WORD = 1,
  TK_NUM,
  TK_PUNCT,
  TK_QUOTE, /* a quotation mark, or an apostrophe that may be one */
  TK_URL,
  TK_SYM
};
/* token flags */
enum {
  TF_CAP = 1 << 0,      /* starts upper case */
  TF_ALLCAP = 1 << 1,   /* two or more letters, all upper case */
  TF_SPACE = 1 << 2,    /* white space before it */
  TF_NL = 1 << 3,       /* a line break before it */
  TF_PARA = 1 << 4,     /* a paragraph break before it */
  TF_ABBR = 1 << 5,     /* an abbreviation ending in '.' */
  TF_TITLE = 1 << 6,    /* an abbreviated title: Mr. Sen. Gov. */
  TF_CLITIC = 1 << 7,   /* 's n't 're ... split from the word before */
  TF_SPACE_AFTER = 1 << 8,
  TF_BOILER = 1 << 9 /* byline, caption, dateline or site furniture */
};
/* quotation-mark roles, set by the tokenizer and refined by quote.c */
enum {
  QM_NONE = 0,
  QM_OPEN_D,  /* “ « „ */
  QM_CLOSE_D, /* ” » */
  QM_AMBIG_D, /* " */
  QM_OPEN_S,  /* ‘ ‹ */
  QM_CLOSE_S, /* ’ › (or an apostrophe) */
  QM_AMBIG_S  /* ' */
};

typedef struct sw_token {
  uint32_t start, end; /* bytes */
  uint32_t sent;       /* sentence index */
  uint32_t quote;      /* innermost double-quote region, or SW_NONE */
  uint32_t lex;        /* cue lexicon entry starting here, or SW_NONE */
  uint32_t hash;       /* hash of the lower-cased text */
  uint16_t flags;
  uint8_t kind;
  uint8_t qm;     /* QM_* */
  uint8_t lexlen; /* tokens covered by the lexicon entry */
  uint8_t inq;    /* depth of double quotes around the token */
  uint8_t shape;  /* SH_*: the word's shape when the tokenizer saw it plain */
} sw_token;

/* Shapes the tokenizer knows without another look at the bytes: ASCII
 * letters only, all lower case, all upper case, or one capital first. */
enum { SH_UNKNOWN, SH_LOWER, SH_UPPER, SH_CAPITAL };

/* ---- the per-document working state ---- */
typedef struct sw_qregion {
  uint32_t open, close; /* token indices of the marks; close may be the last
                           token of the paragraph when recovered */
  uint32_t para;
  uint8_t closed;    /* 1 when a closing mark was found */
  uint8_t cont;      /* 1 when it continues the region before (new paragraph) */
  uint8_t speech;    /* 1 when it looks like speech rather than a title */
  uint8_t used;      /* attached to an attribution */
  uint8_t title;     /* a quoted name of a show, book or film ("on “Face the Nation”") */
  uint32_t words;    /* word tokens inside */
} sw_qregion;

typedef struct sw_sent {
  uint32_t t0, t1; /* tokens [t0, t1) */
  uint32_t para;
} sw_sent;

typedef struct sw_att {
  sw_kind kind;
  uint32_t sent;
  uint32_t src[2], cue[2];  /* token ranges [a, b), a == b when absent */
  uint32_t con[8][2];       /* content token ranges */
  uint32_t ncon;
  unsigned origin;
  float score;
  uint32_t speaker; /* entity index, or SW_NONE */
  float cert_score;
  uint8_t cert_level;    /* sw_certainty_level */
  uint32_t cert0, ncert; /* its certainty cues in sw_doc.certcue */
} sw_att;

typedef struct sw_certcue {
  uint32_t att, t0, t1;
} sw_certcue;

/* A speaker entity of a document (speaker.c). */
typedef struct sw_entity {
  uint32_t n0, n1;       /* tokens of the fullest name; n0 == n1 when none */
  uint32_t desc0, desc1; /* tokens of the description, for unnamed ones */
  uint32_t acr;          /* token of its acronym, or SW_NONE */
  uint32_t org0, org1;   /* tokens of the organisation before its title */
  uint32_t last;         /* end of its last mention */
  uint32_t nattr;        /* attributions it speaks */
  int16_t title, affil;  /* lexicon indices, or -1 */
  int16_t title2;        /* a second title, from an apposition */
  uint8_t type;          /* sw_speaker_type */
  char gender;           /* 'm', 'f' or 0 */
  uint8_t place;         /* a country, state or capital named alone: it
                          * speaks as its government, and no pronoun means it */
  uint8_t one;           /* an unnamed one in the singular ("a spokesman"):
                          * "he" or "she" may mean it */
  uint8_t many;          /* unnamed ones in the plural ("officials"): "they"
                          * may mean them */
  uint8_t part;          /* a quantifier alone ("some", "many"): part of a
                          * group, which no pronoun means */
  uint8_t doc;           /* a document ("the report"): "it", not "they" */
} sw_entity;

typedef struct sw_mention {
  uint32_t t0, t1, entity;
} sw_mention;

/* What the tagger's features read of each token (features.c). */
typedef struct sw_tokfeat {
  uint32_t word, shape, stem, lex, suf2;
  uint8_t who;  /* 1 a pronoun, 2 capitalised, 3 another word */
  uint8_t mark; /* MARK_*: the punctuation that separates clauses */
  uint8_t qm, inq; /* the token's quote mark and quotation depth */
} sw_tokfeat;
enum { MARK_NONE, MARK_COLON, MARK_COMMA, MARK_SEMI };

typedef struct sw_lexicon sw_lexicon;
typedef struct sw_model sw_model;

typedef struct sw_doc {
  const char *text;
  uint32_t len;
  uint32_t bad_utf8; /* first invalid byte, or SW_NONE */
  sw_vec tok;        /* sw_token */
  sw_vec sent;       /* sw_sent */
  sw_vec para_start; /* uint32_t: first token of each paragraph */
  sw_vec quote;      /* sw_qregion */
  sw_vec att;        /* sw_att */
  sw_vec tf;         /* sw_tokfeat, filled by the tagger, with 3 sentinels at each end */
  sw_vec ent;        /* sw_entity */
  sw_vec mention;    /* sw_mention: names, in text order */
  sw_vec smention;   /* sw_mention: resolved sources, in attribution order */
  sw_vec certcue;    /* sw_certcue */
  char byline_author[128], byline_date[32]; /* from a plain-text byline */
  char headline[256];
} sw_doc;

void sw_doc_free(sw_doc *d);
void sw_iso_date(const char *in, char *out, size_t n);

/* Stage entry points, in pipeline order. */
sw_status sw_tokenize(sw_doc *d, bool strict, sw_error *err);
sw_status sw_split_sentences(sw_doc *d);
sw_status sw_find_quotes(sw_doc *d);
void sw_find_boilerplate(sw_doc *d);
void sw_drop_boilerplate(sw_doc *d);
/* A dateline is no part of a claim nor of its source ("GENEVA — The
 * agency said …"): a's content fragments and source lose the
 * boilerplate tokens they open with.  Called last, after every pass that
 * may widen a content to its sentence's start. */
void sw_trim_boilerplate(const sw_doc *d, sw_att *a);
void sw_lexicon_mark(const sw_lexicon *lx, sw_doc *d);
sw_status sw_attribute_quotes(const sw_lexicon *lx, sw_doc *d);
void sw_join_model_quote(const sw_lexicon *lx, sw_doc *d, sw_att *a);
/* Content for a model cue the role tagger left without any, when the cue
 * is an inverted frame after a clause ("…, said Ian Dow, …"); quoted:
 * the sentence holds a quotation mark. */
void sw_frame_after(const sw_lexicon *lx, const sw_doc *d, bool quoted, sw_att *a);
/* And a cue still without content: the clause right after it (after the
 * listener of "told"), or the clause from a "that" a few words on. */
void sw_clause_after_cue(const sw_lexicon *lx, const sw_doc *d, sw_att *a);
void sw_that_after_cue(const sw_doc *d, sw_att *a);
sw_status sw_attribute_frames(const sw_lexicon *lx, sw_doc *d);
void sw_share_sources(const sw_lexicon *lx, sw_doc *d);
/* Ends a content before "and"/"but" and the cue of a later attribution
 * with the same source. */
void sw_cut_coordinated(sw_doc *d);
/* Ends a content that runs into a later attribution's source before it
 * and the words that join the two clauses. */
void sw_cut_at_sources(sw_doc *d);
/* Drops an attribution whose cue opens a later one's source and whose
 * content runs over that one's cue, or ends its content with that
 * source when its cue is further inside it. */
void sw_drop_swallowed(sw_doc *d);
/* Drops an attribution whose cue lies inside another's content, unless
 * its source comes before that content; a participle after a comma ends
 * the other's content instead. */
sw_status sw_drop_nested(sw_doc *d);
/* Direct, mixed or indirect, by the share of the content inside
 * quotation marks. */
sw_kind sw_att_kind(const sw_doc *d, const sw_att *a);
/* Cuts a content that runs into a later attribution's (text order). */
void sw_untangle_contents(sw_doc *d);
/* A quotation opening in lower case inside a sentence and running up to
 * the frame at its end takes the sentence's start into the content. */
void sw_quote_in_sentence(sw_doc *d);
/* The last touches to sources, cues and contents: no dateline in either,
 * no source for cues whose subject is not one ("appears", "was asked"), a
 * source cut before another attribution's frame inside it, no adjunct
 * before a "that" content, no bare "in" ending a cue. */
void sw_tidy_frames(sw_doc *d);
/* Ends a's source at the comma before the frame of the first attribution
 * of atts (in cue order) whose cue it holds, when that frame is a
 * participle or a relative clause (attrib.c). */
void sw_cut_nested_source(const sw_doc *d, const sw_vec *atts, sw_att *a);
/* "According to X, …" opening a sentence: X is the source, the rest of
 * the sentence the content. */
void sw_according_lead(const sw_lexicon *lx, sw_doc *d);
/* "In a poll released Monday, …": an attribution of the rest of the
 * sentence to the poll, cued by "In". */
sw_status sw_poll_lead(sw_doc *d);
/* Gives a frame set off by commas the sentence on both sides of it. */
void sw_parenthetical(sw_doc *d);
/* Cuts what a source span does not end with off a's source (attrib.c):
 * a comma, an adverb ("later", "still", "clearly") or auxiliary
 * ("could"), an article, preposition or conjunction, and a closing "at
 * the time"; and a subordinator or connective it opens with ("Although",
 * "But").  A source left empty is dropped ({0, 0}). */
void sw_trim_source(const sw_doc *d, sw_att *a);
sw_status sw_tag(const sw_model *m, const sw_lexicon *lx, sw_doc *d);

/* ---- lexicon (lexicon.c) ---- */
enum {
  LX_VERB = 1,    /* a reporting verb: said, warned */
  LX_NOUN = 2,    /* a nominal or prepositional cue: according to */
  LX_FINITE = 4,  /* a finite form (said, says), as opposed to saying */
  LX_PART = 8,    /* -ing participle */
  LX_SPEECH = 16  /* a speech verb proper, which frames direct quotes */
};
sw_lexicon *sw_lexicon_new(void);
void sw_lexicon_free(sw_lexicon *lx);
/* Class flags of lexicon entry id. */
unsigned sw_lexicon_class(const sw_lexicon *lx, uint32_t id);

/* Each byte with ASCII upper case lowered (util.c). */
extern const unsigned char sw_lower[256];

/* Lower-case word hash used by the lexicon and the tagger. */
/* FNV-1a of the ASCII-lower-cased bytes: the identity of a word. */
static inline uint32_t sw_hash_lower(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ sw_lower[(unsigned char)s[i]]) * 16777619u;
  return h;
}
uint32_t sw_hash_bytes(const void *p, size_t n, uint32_t seed);

bool sw_is_title_abbr(const char *s, size_t n);
bool sw_is_abbr(const char *s, size_t n);
/* Called for every token: compared directly, without a search, and inline. */
static inline bool sw_is_pronoun(const char *s, size_t n) {
  char c[4];
  if (!n || n > 4)
    return false;
  for (size_t i = 0; i < n; i++)
    c[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
  switch (n) {
  case 1: return c[0] == 'i';
  case 2: return (c[0] == 'h' && c[1] == 'e') || (c[0] == 'i' && c[1] == 't') ||
                 (c[0] == 'w' && c[1] == 'e');
  case 3: return !memcmp(c, "she", 3) || !memcmp(c, "you", 3);
  default: return !memcmp(c, "they", 4);
  }
}
bool sw_is_sentence_starter(const char *s, size_t n);

static inline bool tok_is(const sw_doc *d, const sw_token *t, const char *w) {
  size_t n = strlen(w);
  if (t->end - t->start != n)
    return false;
  for (size_t i = 0; i < n; i++) {
    char c = d->text[t->start + i];
    if (c >= 'A' && c <= 'Z')
      c = (char)(c + 32);
    if (c != w[i])
      return false;
  }
  return true;
}

/* Is the token a comma, a semicolon or a colon, the marks that end a
 * clause inside a sentence? */
static inline bool sw_is_clause_mark(const sw_doc *d, const sw_token *t) {
  char c = d->text[t->start];
  return t->end - t->start == 1 && (c == ',' || c == ';' || c == ':');
}

/* Is the token a dash: a hyphen on its own, or one of U+2013 to U+2015
 * (– — ―)? */
static inline bool sw_is_dash(const sw_doc *d, const sw_token *t) {
  const unsigned char *p = (const unsigned char *)d->text + t->start;
  size_t n = t->end - t->start;
  return (n == 1 && p[0] == '-') ||
         (t->kind != TK_WORD && n == 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x93 && p[2] <= 0x95);
}

/* Is the token one of the lower-case words in the NULL-ended list?  The
 * first letter is compared before the whole word. */
static inline bool sw_tok_in(const sw_doc *d, const sw_token *t, const char *const *list) {
  char c0 = d->text[t->start];
  c0 = (char)(c0 >= 'A' && c0 <= 'Z' ? c0 + 32 : c0);
  for (int i = 0; list[i]; i++)
    if (list[i][0] == c0 && tok_is(d, t, list[i]))
      return true;
  return false;
}

/* The subject pronouns, which open a clause of their own ("… a complaint
 * and he said", "he returned to his lines: “…”"): NULL-terminated
 * (words.c). */
extern const char *const sw_subject_pronouns[];
/* The days of the week, lower-case (words.c). */
extern const char *const sw_weekdays[];
/* "poll", "survey" and their plurals: what a pollster publishes. */
extern const char *const sw_poll_words[];
/* "ask" and its forms: a question, put by someone other than who
 * answers it. */
extern const char *const sw_ask_words[];
/* A company's legal form after its name: "Inc.", "Corp.", "Ltd." … */
extern const char *const sw_legal_forms[];
/* Words that label a heading or a line rather than name a speaker
 * ("UPDATE:", "Transcript:", "Q&A:", "Photo:"). */
extern const char *const sw_heading_words[];

/* Does any of the 8 bytes in x need a look in a JSON string: a quote, a
 * backslash or a control character?  Word-at-a-time tests from the
 * bit-twiddling folklore, each exact as a yes/no answer. */
static inline bool sw_json_special8(uint64_t x) {
  const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
  uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
  return (((q - ones) & ~q) | ((b - ones) & ~b) | ((x - ones * 0x20) & ~x)) & high;
}

#endif
