/* saywho: who said what in news text.
 *
 * The library reads one UTF-8 document at a time and returns its
 * attributions: who spoke (source), the words that introduce the claim
 * (cue) and what was attributed (content), each as byte-offset spans into
 * the document text.  It never prints and never exits; every failure is an
 * sw_status value with a message in the sw_error the caller passes in.
 *
 * Ownership: objects returned by sw_*_new() or sw_extract() belong to the
 * caller and are released with the matching sw_*_free().  Pointers inside a
 * result (spans, strings) live as long as the result.  The document text is
 * borrowed during sw_extract() only; the result keeps no pointer to it.
 */
#ifndef SAYWHO_H
#define SAYWHO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(SW_BUILDING) && defined(__GNUC__)
#define SW_API __attribute__((visibility("default")))
#else
#define SW_API
#endif

#define SW_VERSION "0.1.0"

typedef enum sw_status {
  SW_OK = 0,
  SW_ERR_NOMEM = 1,   /* an allocation failed */
  SW_ERR_INPUT = 2,   /* the input is malformed (see sw_error.offset) */
  SW_ERR_MODEL = 3,   /* the model data is missing or corrupt */
  SW_ERR_IO = 4,      /* reading or writing failed */
  SW_ERR_TOOBIG = 5,  /* the document exceeds SW_MAX_DOC bytes */
  SW_ERR_ARG = 6      /* a bad argument */
} sw_status;

/* Documents are addressed with 32-bit offsets internally. */
#define SW_MAX_DOC ((size_t)0xFFFFFFF0u)

typedef struct sw_error {
  sw_status status;
  size_t offset;     /* byte position in the input, when it applies */
  char message[256]; /* a sentence for a person; empty when status is SW_OK */
} sw_error;

/* Human readable name of a status. */
SW_API const char *sw_status_str(sw_status s);

/* A half-open byte range [start, end) into the document text. */
typedef struct sw_span {
  size_t start, end;
} sw_span;

/* One role of an attribution: zero spans means the role is absent. */
typedef struct sw_role {
  size_t n;
  const sw_span *spans;
} sw_role;

typedef enum sw_kind {
  SW_DIRECT = 0,   /* the content is a quotation */
  SW_INDIRECT = 1, /* reported speech, no quotation marks */
  SW_MIXED = 2     /* paraphrase with quoted fragments */
} sw_kind;

#define SW_NO_SPEAKER ((size_t)-1)

typedef enum sw_certainty_level {
  SW_CERT_CERTAIN = 0,
  SW_CERT_PROBABLE = 1,
  SW_CERT_POSSIBLE = 2,
  SW_CERT_DOUBTFUL = 3,
  SW_CERT_UNMARKED = 4
} sw_certainty_level;

/* How firmly the source commits to the content.  score is in [-1, 1]:
 * 1 sure, 0.5 a plain assertion, 0 an open possibility, below 0 doubt
 * about the claim.  cues are the words that set it. */
typedef struct sw_certainty {
  sw_certainty_level level;
  double score;
  size_t ncues;
  const sw_span *cues;
} sw_certainty;

typedef struct sw_attribution {
  sw_kind kind;
  sw_role source, cue, content;
  size_t sentence;   /* index of the sentence holding the cue */
  unsigned origin;   /* SW_ORIGIN_* flags: which stage found it */
  size_t speaker;    /* index into the result's speakers, or SW_NO_SPEAKER */
  sw_certainty certainty;
} sw_attribution;

typedef enum sw_speaker_type {
  SW_SPK_PERSON = 0,
  SW_SPK_ORGANIZATION = 1,
  SW_SPK_GROUP = 2,
  SW_SPK_ANONYMOUS = 3
} sw_speaker_type;

/* A speaker entity of the document. */
typedef struct sw_speaker {
  sw_span name;            /* the fullest name in the text; for an unnamed
                              speaker, its description ("officials familiar
                              with the matter") */
  sw_speaker_type type;
  const char *title;       /* canonical title ("President"), or NULL */
  const char *affiliation; /* canonical affiliation ("Russia"), or NULL */
  char gender;             /* 'm', 'f', or 0 when unknown */
  size_t nmentions;
  const sw_span *mentions; /* every mention that was resolved to it */
  size_t attributions;     /* attributions it speaks */
} sw_speaker;

#define SW_ORIGIN_RULE 1u  /* the rules: direct quotations, and reported speech in its commonest frame */
#define SW_ORIGIN_MODEL 2u /* the learned tagger */

typedef struct sw_sentence {
  size_t start, end; /* bytes */
  size_t paragraph;
} sw_sentence;

typedef struct sw_engine sw_engine;
typedef struct sw_result sw_result;

typedef struct sw_options {
  /* Path of a model file to use instead of the built-in one, or NULL. */
  const char *model_path;
  /* Nonzero: do not run the learned tagger (quotation rules only). */
  int rules_only;
  /* Nonzero: invalid UTF-8 is an error.  Zero (default): each invalid
   * byte is read as U+FFFD, offsets still index the original bytes, and
   * sw_result_invalid_utf8() reports the first such position. */
  int strict_utf8;
  /* Nonzero: time each stage (see sw_result_stage_ns). */
  int stats;
  /* Nonzero: keep speech reported inside another attribution's content
   * as an attribution of its own ("Lind said the minister believes …"
   * gives Lind's and the minister's).  Zero (default): as PolNeAR
   * annotates, only Lind's, whose content holds the minister's words. */
  int nested;
} sw_options;

/* The pipeline's stages, in order. */
typedef enum sw_stage {
  SW_STAGE_TOKENS = 0,
  SW_STAGE_SENTENCES,
  SW_STAGE_LEXICON,
  SW_STAGE_QUOTES,
  SW_STAGE_RULES,
  SW_STAGE_TAGGER,
  SW_STAGE_SPEAKERS,
  SW_STAGE_CERTAINTY,
  SW_STAGE_RESULT,
  SW_STAGE_COUNT
} sw_stage;

SW_API const char *sw_stage_name(sw_stage s);

/* Creates an engine: lexicons and model, shared read-only by any number of
 * threads, each calling sw_extract() with its own engine or the same one.
 * opts may be NULL for defaults.  Returns NULL and fills err on failure. */
SW_API sw_engine *sw_engine_new(const sw_options *opts, sw_error *err);
SW_API void sw_engine_free(sw_engine *e);

/* Extracts the attributions of one document.  Thread-safe for distinct
 * results.  Returns NULL and fills err on failure. */
SW_API sw_result *sw_extract(const sw_engine *e, const char *text, size_t len,
                             sw_error *err);
SW_API void sw_result_free(sw_result *r);

SW_API size_t sw_result_count(const sw_result *r);
SW_API const sw_attribution *sw_result_get(const sw_result *r, size_t i);
SW_API size_t sw_result_sentence_count(const sw_result *r);
SW_API const sw_sentence *sw_result_sentence(const sw_result *r, size_t i);
/* Speakers: entities that speak at least one attribution. */
SW_API size_t sw_result_speaker_count(const sw_result *r);
SW_API const sw_speaker *sw_result_speaker(const sw_result *r, size_t i);
SW_API const char *sw_speaker_type_str(sw_speaker_type t);
SW_API const char *sw_certainty_level_str(sw_certainty_level l);
/* What the top of a plain-text article said: what 0 for the byline's
 * author, 1 for its date (ISO 8601), 2 for the headline; NULL when the
 * text had none. */
SW_API const char *sw_result_byline(const sw_result *r, int what);
/* Nanoseconds the result spent in a stage; 0 unless sw_options.stats. */
SW_API uint64_t sw_result_stage_ns(const sw_result *r, sw_stage s);
/* Byte offset of the first invalid UTF-8 sequence, or (size_t)-1. */
SW_API size_t sw_result_invalid_utf8(const sw_result *r);

/* Output. */
typedef enum sw_format {
  SW_FORMAT_JSONL = 0,
  SW_FORMAT_BRAT = 1,
  SW_FORMAT_TEXT = 2,
  SW_FORMAT_HTML = 3 /* a self-contained page with the attributions highlighted */
} sw_format;

/* A growable byte buffer.  Zero-initialise, then sw_buf_free() when done. */
typedef struct sw_buf {
  char *data;
  size_t len, cap;
  int failed; /* set when an allocation failed; later appends do nothing */
} sw_buf;

SW_API void sw_buf_free(sw_buf *b);
/* Appends n bytes; the data stays NUL-terminated.  On allocation failure
 * sets b->failed and leaves the buffer as it was. */
SW_API void sw_buf_append(sw_buf *b, const void *data, size_t n);
/* Appends s[0..n) as a quoted JSON string, escaped; invalid UTF-8 bytes
 * become U+FFFD so the output is always valid JSON. */
SW_API void sw_buf_json_string(sw_buf *b, const char *s, size_t n);
/* Appends s[0..n) escaped for HTML text or attribute values (& < > " '),
 * with invalid UTF-8 bytes as U+FFFD. */
SW_API void sw_buf_html(sw_buf *b, const char *s, size_t n);

/* What a writer says about the document besides its attributions.  Any
 * pointer may be NULL (written as null in JSONL). */
typedef struct sw_doc_info {
  const char *id;
  const char *title, *author, *date, *publisher, *url;
  int include_text; /* JSONL: add the document text, which all offsets index */
} sw_doc_info;

/* Appends the rendering of r to out; text/len must be the document given
 * to sw_extract(). */
SW_API sw_status sw_render_doc(const sw_result *r, sw_format fmt, const sw_doc_info *info,
                               const char *text, size_t len, sw_buf *out);

/* Appends the rendering of r to out.  text/len must be the document that
 * was given to sw_extract().  id is the document id (JSONL and text only). */
SW_API sw_status sw_render(const sw_result *r, sw_format fmt, const char *id,
                           const char *text, size_t len, sw_buf *out);

/* One input document read from a line of JSONL: a JSON object with a
 * "text" member, an "id" (or "doc") that may be a string or a number, and
 * optional "title", "author", "date", "publisher" and "url" strings.
 * Zero-initialise; the buffers are reused from line to line and hold
 * NUL-terminated, unescaped UTF-8 (empty when the member is absent). */
typedef struct sw_input_doc {
  sw_buf id, text, title, author, date, publisher, url;
  int has_text;
} sw_input_doc;

/* Parses one line.  On error err->offset is the byte column in the line. */
SW_API sw_status sw_jsonl_read(const char *line, size_t n, sw_input_doc *doc, sw_error *err);
SW_API void sw_input_doc_free(sw_input_doc *doc);

/* Reads a web page: the article body as text (one paragraph per block,
 * blank lines between), and title, author, date (ISO 8601) and publisher
 * from meta tags, JSON-LD and <time>.  Navigation, comments, related
 * links, captions and other boilerplate are left out.  Offsets of a later
 * sw_extract() index doc->text. */
SW_API sw_status sw_html_read(const char *html, size_t n, sw_input_doc *doc, sw_error *err);

/* WARC archives (1.0 and 1.1, plain or gzip per record), read as a stream
 * through a callback that fills buf with up to n bytes and returns how
 * many (0 at the end). */
typedef struct sw_warc sw_warc;
typedef enum sw_warc_event {
  SW_WARC_END = 0,  /* no more records */
  SW_WARC_DOC = 1,  /* doc holds an HTML response's article */
  SW_WARC_SKIP = 2, /* a record that is not an English HTML page; why says so */
  SW_WARC_ERROR = 3 /* a corrupt record (err says where); reading goes on */
} sw_warc_event;
SW_API sw_warc *sw_warc_new(size_t (*read)(void *ctx, char *buf, size_t n), void *ctx);
SW_API sw_warc_event sw_warc_next(sw_warc *w, sw_input_doc *doc, char *why, size_t whylen,
                                  sw_error *err);
SW_API void sw_warc_free(sw_warc *w);

/* Version string of the library. */
SW_API const char *sw_version(void);

#ifdef __cplusplus
}
#endif
#endif
