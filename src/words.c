/* Closed word lists the early stages need: abbreviations, pronouns and
 * words that commonly open a sentence.  Small and fixed, so they are
 * compiled in as sorted tables and searched with bsearch. */
#include "internal.h"


typedef struct {
  const char *s;
  size_t n;
} key_t_;

static int cmp_entry(const void *k, const void *e) {
  const key_t_ *key = k;
  const char *w = *(const char *const *)e;
  size_t i = 0;
  for (; i < key->n && w[i]; i++) {
    int a = (unsigned char)key->s[i], b = (unsigned char)w[i];
    if (a >= 'A' && a <= 'Z')
      a += 32;
    if (a != b)
      return a - b;
  }
  if (i == key->n)
    return w[i] ? -1 : 0;
  return 1;
}

static bool in_list(const char *const *list, size_t n, const char *s, size_t len) {
  key_t_ k = {s, len};
  return bsearch(&k, list, n, sizeof *list, cmp_entry) != NULL;
}

#define IN(list, s, n) in_list(list, sizeof list / sizeof *list, s, n)

/* Titles that precede a name and never end a sentence.  Sorted. */
static const char *const titles[] = {
    "adm", "atty", "capt", "cmdr", "col", "cpl", "dr", "fr", "gen", "gov", "hon",
    "lt", "maj", "messrs", "mr", "mrs", "ms", "pres", "prof", "pvt", "rep", "reps",
    "rev", "sen", "sens", "sgt", "st", "supt"};

/* Other abbreviations that take a period.  Sorted. */
static const char *const abbrs[] = {
    "ala", "apr", "ariz", "ark", "aug", "ave", "blvd", "calif", "co", "colo", "conn",
    "corp", "dec", "del", "dept", "est", "etc", "feb", "fla", "ft", "ga", "gov't",
    "ill", "inc", "ind", "jan", "jr", "kan", "ky", "la", "ltd", "mass", "md", "mich",
    "minn", "miss", "mo", "mont", "mt", "nev", "no", "nos", "nov", "oct", "okla",
    "ore", "pa", "sept", "sr", "tenn", "tex", "va", "vs", "vt", "wash", "wis", "wyo"};

/* pronouns, in sw_is_pronoun() (internal.h): he i it she they we you */

/* Words that usually open a sentence; after an abbreviation such as
 * "U.S." they mean the abbreviation ended the sentence.  Sorted. */
static const char *const starters[] = {
    "a", "after", "all", "also", "an", "and", "any", "anyone", "as", "at", "both", "but",
    "by", "each", "either", "every", "everyone", "for", "he", "her", "his", "however", "i",
    "if", "in", "it", "its", "many", "meanwhile", "most", "mr", "mrs", "ms", "neither", "no",
    "nobody", "on", "one", "several", "she", "so", "some", "someone", "that", "the", "their",
    "there", "these", "they", "this", "those", "though", "to", "we", "what", "when", "while",
    "who", "yet", "you"};

/* The length tests come first: most words are longer than any entry. */
bool sw_is_title_abbr(const char *s, size_t n) { return n && n <= 6 && IN(titles, s, n); }
bool sw_is_abbr(const char *s, size_t n) { return n && n <= 5 && IN(abbrs, s, n); }
bool sw_is_sentence_starter(const char *s, size_t n) {
  return n && n <= 9 && IN(starters, s, n);
}

const char *const sw_subject_pronouns[] = {"he", "she", "they", "we", "i", NULL};
const char *const sw_weekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                   "saturday", "sunday", NULL};
const char *const sw_poll_words[] = {"poll", "polls", "survey", "surveys", NULL};
const char *const sw_ask_words[] = {"asked", "asks", "asking", "ask", NULL};
const char *const sw_legal_forms[] = {"inc.", "corp.", "co.", "ltd.", "llc", "plc", NULL};
const char *const sw_heading_words[] = {
    "update", "updated", "breaking", "note", "editor", "editors", "correction", "related",
    "watch", "read", "photo", "video", "source", "sources", "q", "a", "advertisement",
    "warning", "transcript", "q&a", "exclusive", "analysis", "opinion", "explainer",
    "factbox", "timeline", "live", NULL};
