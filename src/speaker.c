/* Stage 7: speakers.  Every attribution's source becomes an entity of the
 * document.
 *
 * First, name mentions: runs of capitalised words, with the affiliation
 * and title that may stand before them ("Russian President Vladimir
 * Putin") and an acronym that may follow in brackets ("... Weapons
 * (OPCW)").  A mention joins the entity whose name it equals, whose last
 * name it is ("Putin"), whose acronym it is, or which it extends ("Vladimir
 * Putin" after "Putin"); the entity keeps the fullest name seen.  A
 * country, US state or capital named alone (data/places.txt) is an
 * organization, its government, and no pronoun or description means it.
 *
 * Then each source, in document order: a name links to its entity; a
 * pronoun to the most recent compatible entity, by number and by gender
 * evidence from titles, first names and earlier pronouns, with a bonus
 * for the previous speaker and one for a gender the evidence confirms; a
 * description ("the Russian leader", "the
 * former secretary of state", "the agency") to the most recent entity whose
 * title, affiliation or kind it fits.  Anonymous sources ("officials
 * familiar with the matter") and groups ("critics") keep their
 * description.  A quotation with no source that continues a quote chain
 * takes the speaker of the chain. */
#include "speaker.h"
#include "phrase.h"
#include <stdio.h>

extern const char sw_data_titles[], sw_data_titles_end[];
extern const char sw_data_affil[], sw_data_affil_end[];
extern const char sw_data_names[], sw_data_names_end[];
extern const char sw_data_places[], sw_data_places_end[];

typedef struct {
  char *title;  /* canonical */
  char gender;  /* 'm', 'f' or 0 */
} title_info;

enum { S_ORG, S_GROUP, S_ANON, S_GENERIC, S_PRON_M, S_PRON_F, S_PRON_PL, S_PRON_IT, S_CONN,
       S_MOD, S_COUNT };

/* A set of words as sorted hashes, with a 256-bit filter in front. */
typedef struct {
  uint32_t *h;
  uint32_t n;
  uint64_t bloom[4];
} wset;

struct sw_spklex {
  sw_phrases titles, affil, names, places;
  wset set[S_COUNT];
  title_info *ti;
  uint32_t nti;
  char **affname;
  uint32_t naff;
};

/* Documents: what one says is said by the body behind it, an
 * organization; and "the poll" is an earlier poll, not a name that has
 * "Poll" in it (a headline's "New Poll Shows …") */
#define DOC_WORDS "report", "audit", "study", "survey", "poll", "statement", "memo", "data", \
                  "analysis", "filing", "ruling", "lawsuit", "indictment", "complaint", \
                  "affidavit", "document", "documents", "records", "transcript", "letter", \
                  "results", "ad", "ads", "website", "reports", "editorial", "episode", \
                  "returns", "tweet", "article", "sign", "signs", "banner", "placard", "poster", \
                  "statistics", "surveys", "studies", "findings", "estimates"
static const char *const doc_words[] = {DOC_WORDS, NULL};

static const char *const org_words[] = {
    "organization", "organisation", "department", "agency", "committee", "commission",
    "council", "party", "ministry", "office", "bureau", "institute", "university",
    "association", "foundation", "campaign", "corp.", "inc.", "co.", "news", "times", "post",
    "journal", "press", "network", "group", "services", "company", "bank", "union", "court",
    "senate", "house", "congress", "army", "police", "service", "administration",
    "government", "authority", "fund", "center", "centre", "reuters", "agence", "tribune",
    "opposition",
    "herald", "gazette", "globe", "observer", "chronicle", "magazine", "ledger", "courier",
    "sentinel", "examiner", "inquirer", "dispatch", "telegraph", "bulletin", "channel", "cnn",
    "nbc", "abc", "cbs", "fox", "msnbc", "bbc",
    "kremlin", "pentagon", "navy", "military", "forces", "board", "coalition", "alliance",
    "federation", "regime", "parliament", "embassy", "cabinet", "legislature", "guard",
    "ltd.", "llc", "club", "league", "project", "watch", "daily", "review", "radio",
    "television", "broadcasting", "college", "school", "academy", "hospital", "clinic",
    "museum", "church", "exchange", "air", "airways", "airlines", "lines", "coastguard",
    "regulator", "airport", "laboratory", "society", "institution", "industries", "holdings",
    "academies", "chiefs", "forum", "systems", "technologies", "pharmaceuticals", "labs",
    "motors", "enterprises", "fc", "rovers", "wanderers", "pharma", "energy", "capital",
    "partners", "media", "foods", "petroleum", "insurance", "logistics", "software",
    "telecom", "communications", "entertainment", "studios", "directorate", "secretariat",
    "inspectorate", "shipping", "railway", "railways", "chemicals", "mining", "resort", "hotel",
    "factory", "semiconductor", "semiconductors", "electronics",
    DOC_WORDS, NULL};

static const char *const group_words[] = {
    "critics", "voters", "residents", "experts", "analysts", "democrats", "republicans",
    "supporters", "opponents", "protesters", "lawmakers", "leaders", "observers", "scientists",
    "researchers", "investigators", "prosecutors", "fishermen", "workers", "members", "people",
    "americans", "citizens", "conservatives", "liberals", "activists", "economists", "doctors",
    "police", "polls", "surveys", "families", "parents", "students", "neighbors",
    "witnesses", "detractors", "allies", "rivals", "officers", "soldiers", "delegates",
    "authorities", "commentators", "personnel", "troops", "pundits", "strategists", "donors",
    "advocates", "senators", "reporters", "journalists", "pollsters", "historians", "teachers",
    "employees", "executives", "lawyers", "attorneys", "editors", "farmers", "groups",
    "paramedics", "nurses", "physicians", "medics", "firefighters", "patients", "passengers",
    "drivers", "pilots", "survivors", "victims", "locals", "shoppers", "commuters", "tourists",
    "visitors", "fans", "viewers", "readers", "customers", "consumers", "investors", "traders",
    "shareholders", "homeowners", "tenants", "engineers", "miners", "dockworkers",
    "millennials", "latinos", "hispanics", "muslims", "christians", "evangelicals",
    "catholics", "jews", "immigrants", "refugees", "progressives", "independents",
    "moderates", "candidates", "women", "men", "regulators", "ministers", "mayors", "judges",
    "governors", "legislators", "forecasters", "meteorologists", "organizers", "organisers",
    "demonstrators", "rescuers", "volunteers", "neighbours", "campaigners", "villagers",
    "audience", "crowd", "team", "panel", "couple", "friends", "attendees", "superdelegates",
    /* organisations in the plural: a group of them */
    "companies", "firms", "agencies", "organizations", "organisations", "unions", "governments",
    "banks", "insurers", "lenders", "operators", "retailers", "carriers", "manufacturers",
    "hospitals", "schools", "universities", "churches", "drugmakers", "automakers", "parties",
    NULL};

static const char *const anon_words[] = {
    "official", "officials", "source", "sources", "aide", "aides", "insider", "insiders",
    "spokesman", "spokeswoman", "spokesperson", "person", "diplomat", "diplomats", "staffer",
    "staffers", "adviser", "advisers", "advisor", "advisors", NULL};

static const char *const generic_org[] = {
    "company", "firm", "business", "group", "organization", "contractor", "outlet", "network",
    "newspaper", "paper", "corporation", "operator", "carrier", "retailer", "insurer", "lender",
    "airline", "automaker", "carmaker", "manufacturer", "supplier", "utility", "broadcaster",
    "publisher", "chain", "startup", "giant", "drugmaker", "chipmaker", "shipper",
    "conglomerate", "journal", "website", "agency", NULL};

/* Generic heads of a trade: "the newspaper" is the most recent
 * organisation with a word of the press in its name, "the airline" one
 * of the air; not the most recent organisation of any kind. */
static const char *const press_heads[] = {"newspaper", "paper", "outlet", "broadcaster",
                                          "publisher", "network", "journal", "website", NULL};
static const char *const air_heads[] = {"airline", "carrier", NULL};
static const char *const air_words[] = {"air", "airlines", "airways", "lines", NULL};
static const char *const press_words[] = {
    "news", "times", "post", "journal", "press", "tribune", "herald", "gazette", "globe",
    "observer", "chronicle", "magazine", "ledger", "courier", "sentinel", "examiner", "inquirer",
    "dispatch", "telegraph", "bulletin", "daily", "review", "reuters", "radio", "television",
    "cnn", "nbc", "abc", "cbs", "fox", "msnbc", "bbc", "npr", "pbs", "politico", "bloomberg",
    "breitbart", "axios", "guardian", "independent", "mirror", "express", "sun", "star",
    "register", "ap", "afp", "upi", "wsj", NULL};

static const char *const pron_m[] = {"he", "him", "his", NULL};
static const char *const pron_f[] = {"she", "her", NULL};
static const char *const pron_plural[] = {"they", "them", "their", NULL};
static const char *const pron_it[] = {"it", "its", NULL};
static const char *const name_connectors[] = {"of", "for", "the", "and", "on", "de", "van",
                                              "von", "bin", "al", "la", "du", "del", NULL};
/* lower-case particles of a person's name */
static const char *const name_particles[] = {"de", "van", "von", "der", "den", "bin", "ibn", "al",
                                             "la", "le", "du", "del", "della", "da", "di", "dos",
                                             "das", NULL};
static const char *const title_modifiers[] = {
    "former", "then", "presidential", "vice-presidential", "deputy", "acting", "senior",
    "top", "chief", "longtime", "incoming", "outgoing", "democratic", "republican", "gop",
    "state", "party", "assistant", "associate", "foreign", "interim", NULL};

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

static bool make_set(wset *w, const char *const *list) {
  uint32_t n = 0;
  while (list[n])
    n++;
  w->h = malloc((n ? n : 1) * sizeof *w->h);
  if (!w->h)
    return false;
  memset(w->bloom, 0, sizeof w->bloom);
  for (uint32_t i = 0; i < n; i++) {
    w->h[i] = sw_hash_lower(list[i], strlen(list[i]));
    w->bloom[(w->h[i] >> 6) & 3] |= 1ull << (w->h[i] & 63);
  }
  qsort(w->h, n, sizeof *w->h, cmp_u32);
  w->n = n;
  return true;
}

static bool in_set(const wset *w, uint32_t h) {
  if (!(w->bloom[(h >> 6) & 3] >> (h & 63) & 1))
    return false; /* most words: one bit says no */
  uint32_t lo = 0, hi = w->n;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (w->h[mid] < h)
      lo = mid + 1;
    else if (w->h[mid] > h)
      hi = mid;
    else
      return true;
  }
  return false;
}

static bool make_sets(sw_spklex *x) {
  const char *const *lists[S_COUNT] = {org_words, group_words, anon_words, generic_org, pron_m,
                                       pron_f, pron_plural, pron_it, name_connectors,
                                       title_modifiers};
  for (int i = 0; i < S_COUNT; i++)
    if (!make_set(&x->set[i], lists[i]))
      return false;
  return true;
}

/* ---- the lexicons ---- */

typedef struct {
  sw_spklex *x;
  int which;
} load_ctx;

static char *dupn(const char *s, size_t n) {
  char *p = malloc(n + 1);
  if (p) {
    memcpy(p, s, n);
    p[n] = 0;
  }
  return p;
}

/* Fields of a tab-separated line. */
static int fields(const char *s, size_t len, const char **f, size_t *fl, int max) {
  int n = 0;
  size_t st = 0;
  for (size_t i = 0; i <= len && n < max; i++) {
    if (i == len || s[i] == '\t') {
      f[n] = s + st;
      fl[n++] = i - st;
      st = i + 1;
    }
  }
  return n;
}

static bool load_line(void *ctx, const char *s, size_t len) {
  load_ctx *c = ctx;
  sw_spklex *x = c->x;
  const char *f[4];
  size_t fl[4];
  int nf = fields(s, len, f, fl, 4);
  if (nf < (c->which == 3 ? 1 : 2))
    return true;
  uint32_t w[SW_PHRASE_MAXW];
  int nw = sw_phrase_words(f[0], fl[0], w);
  if (nw < 1)
    return true;
  if (c->which == 0) { /* titles: words, canonical, gender, kind */
    title_info *ti = realloc(x->ti, (x->nti + 1) * sizeof *ti);
    if (!ti)
      return false;
    x->ti = ti;
    ti[x->nti].title = dupn(f[1], fl[1]);
    ti[x->nti].gender = nf > 2 && fl[2] == 1 && (f[2][0] == 'm' || f[2][0] == 'f') ? f[2][0] : 0;
    if (!ti[x->nti].title)
      return false;
    return sw_phrases_add(&x->titles, w, nw, x->nti++);
  }
  if (c->which == 1) { /* affiliations: words, canonical */
    char **a = realloc(x->affname, (x->naff + 1) * sizeof *a);
    if (!a)
      return false;
    x->affname = a;
    a[x->naff] = dupn(f[1], fl[1]);
    if (!a[x->naff])
      return false;
    return sw_phrases_add(&x->affil, w, nw, x->naff++);
  }
  if (c->which == 3) /* places: the name alone */
    return sw_phrases_add(&x->places, w, nw, 0);
  /* first names: name, gender */
  return sw_phrases_add(&x->names, w, nw, fl[1] ? (uint32_t)f[1][0] : 0);
}

void sw_spklex_free(sw_spklex *x) {
  if (!x)
    return;
  for (uint32_t i = 0; i < x->nti; i++)
    free(x->ti[i].title);
  for (uint32_t i = 0; i < x->naff; i++)
    free(x->affname[i]);
  free(x->ti);
  free(x->affname);
  sw_phrases_free(&x->titles);
  sw_phrases_free(&x->affil);
  sw_phrases_free(&x->names);
  sw_phrases_free(&x->places);
  for (int i = 0; i < S_COUNT; i++)
    free(x->set[i].h);
  free(x);
}

sw_spklex *sw_spklex_new(void) {
  sw_spklex *x = calloc(1, sizeof *x);
  if (!x)
    return NULL;
  load_ctx c = {x, 0};
  bool ok = sw_data_lines(sw_data_titles, sw_data_titles + ((size_t)(sw_data_titles_end - sw_data_titles) - 1), &c, load_line);
  c.which = 1;
  ok = ok && sw_data_lines(sw_data_affil, sw_data_affil + ((size_t)(sw_data_affil_end - sw_data_affil) - 1), &c, load_line);
  c.which = 2;
  ok = ok && sw_data_lines(sw_data_names, sw_data_names + ((size_t)(sw_data_names_end - sw_data_names) - 1), &c, load_line);
  c.which = 3;
  ok = ok && sw_data_lines(sw_data_places, sw_data_places + ((size_t)(sw_data_places_end - sw_data_places) - 1), &c, load_line);
  ok = ok && sw_phrases_build(&x->titles) && sw_phrases_build(&x->affil) &&
       sw_phrases_build(&x->names) && sw_phrases_build(&x->places) && make_sets(x);
  if (!ok) {
    sw_spklex_free(x);
    return NULL;
  }
  return x;
}

const char *sw_spklex_title(const sw_spklex *x, uint32_t i) {
  return i < x->nti ? x->ti[i].title : NULL;
}
const char *sw_spklex_affil(const sw_spklex *x, uint32_t i) {
  return i < x->naff ? x->affname[i] : NULL;
}


/* ---- name mentions ---- */

static const sw_token *T(const sw_doc *d, uint32_t i) { return &VEC_AT(d->tok, sw_token, i); }

static bool capword(const sw_doc *d, uint32_t i) {
  const sw_token *t = T(d, i);
  return (t->kind == TK_WORD || t->kind == TK_NUM) && (t->flags & TF_CAP) && t->quote == SW_NONE
             ? true
             : (t->kind == TK_WORD && (t->flags & TF_CAP));
}

static bool is_date_word(const sw_doc *d, const sw_token *t) {
  size_t n = t->end - t->start;
  if (n < 3 || n > 9 || !strchr("JFMASONDTW", d->text[t->start]))
    return false;
  static const char *const months[] = {"january", "february", "march", "april", "may", "june",
                                       "july", "august", "september", "october", "november",
                                       "december", "jan.", "feb.", "aug.", "sept.", "oct.",
                                       "nov.", "dec.", NULL};
  return sw_tok_in(d, t, months) || sw_tok_in(d, t, sw_weekdays);
}

static bool same_text(const sw_doc *d, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1) {
  if (a1 - a0 != b1 - b0)
    return false;
  for (uint32_t k = 0; k < a1 - a0; k++)
    if (T(d, a0 + k)->hash != T(d, b0 + k)->hash)
      return false;
  return true;
}

static sw_entity *ent(sw_doc *d, uint32_t i) { return &VEC_AT(d->ent, sw_entity, i); }

static bool is_comma(const sw_doc *d, uint32_t k) {
  const sw_token *t = T(d, k);
  return t->kind == TK_PUNCT && t->end - t->start == 1 && d->text[t->start] == ',';
}

/* A description whose head is a plural noun of people by its ending
 * ("forecasters", "economists", "physicians", "residents") is a group,
 * whether or not the list of group nouns has it; but not a plural of
 * things with the same endings. */
static bool plural_people(const sw_doc *d, const sw_token *h) {
  static const char *const ends[] = {"ers", "ors", "ists", "ians", "ants", "ents", NULL};
  static const char *const things[] = {"numbers", "papers", "orders", "letters", "matters",
                                       "documents", "comments", "statements", "reports",
                                       "headquarters", "computers", "filters", "errors",
                                       "factors", "sectors", "monitors", "elements",
                                       "payments", "agreements", NULL};
  size_t n = h->end - h->start;
  /* capitalised only when it opens the sentence ("Meteorologists expect") */
  bool opens = (uint32_t)(h - (const sw_token *)d->tok.v) == VEC_AT(d->sent, sw_sent, h->sent).t0;
  if (h->kind != TK_WORD || ((h->flags & TF_CAP) && !opens) || n < 6)
    return false;
  /* but not a name in -ers or -ors ("Sanders said") */
  for (int i = (h->flags & TF_CAP) ? 2 : 0; ends[i]; i++) {
    size_t m = strlen(ends[i]);
    if (!memcmp(d->text + h->end - m, ends[i], m))
      return !sw_tok_in(d, h, things);
  }
  return false;
}

/* "The company behind the plan, Calder Aggregates": a company noun at the
 * head of the phrase before a name in apposition */
static const char *const company_dets[] = {"the", "a", "an", "its", "their", NULL};
static const char *const company_preps[] = {"behind", "of", "for", "in", "at", "from", "with",
                                            "based", "that", "which", NULL};

static int entity_kind_of_name(const sw_spklex *x, const sw_doc *d, uint32_t n0, uint32_t n1,
                               int title, char *gender, uint8_t *place) {
  *gender = 0;
  *place = 0;
  /* a country, a state or a capital named alone speaks as its government */
  const sw_phrase *pl = title < 0 ? sw_phrases_match(&x->places, d->tok.v, n0, n1) : NULL;
  if (pl && pl->n == n1 - n0) {
    *place = 1;
    return SW_SPK_ORGANIZATION;
  }
  /* so is a name after "in" that owns nothing: "speaking in Miami on
   * Wednesday, he said" is not Miami speaking */
  if (n1 - n0 == 1 && title < 0 && n0 > 0 && tok_is(d, T(d, n0 - 1), "in") &&
      !(n1 < d->tok.n && (T(d, n1)->flags & TF_CLITIC))) {
    *place = 1;
    return SW_SPK_ORGANIZATION;
  }
  /* and a name a place noun calls a place: "the town of Serna" */
  static const char *const place_nouns[] = {"town", "city", "village", "province", "region",
                                            "district", "county", "port", "island", "state",
                                            "suburb", "neighborhood", "neighbourhood", NULL};
  if (title < 0 && n0 >= 2 && tok_is(d, T(d, n0 - 1), "of") &&
      sw_tok_in(d, T(d, n0 - 2), place_nouns) && !(T(d, n0 - 2)->flags & TF_CAP) &&
      !(n1 < d->tok.n && (T(d, n1)->flags & TF_CLITIC))) {
    *place = 1;
    return SW_SPK_ORGANIZATION;
  }
  for (uint32_t k = n0; k < n1; k++)
    if (in_set(&x->set[S_ORG], (T(d, k))->hash))
      return SW_SPK_ORGANIZATION;
  /* a name that owns a poll or a survey is a pollster: "a Lakeshore
   * Courier poll", "the Marist survey" */
  if (n1 < d->tok.n && sw_tok_in(d, T(d, n1), sw_poll_words))
    return SW_SPK_ORGANIZATION;
  /* a name in apposition with a company noun: "The company, Northsea
   * Lines, said", "the shipping group Nordlake", "Northsea Lines, the
   * ferry operator, said" */
  if (n0 >= 2 && is_comma(d, n0 - 1))
    for (uint32_t k = n0 - 1; k-- > 0 && n0 - 1 - k <= 5 && !is_comma(d, k);)
      if (in_set(&x->set[S_GENERIC], T(d, k)->hash) &&
          (k == n0 - 2 || (k > 0 && sw_tok_in(d, T(d, k - 1), company_dets) &&
                           sw_tok_in(d, T(d, k + 1), company_preps))))
        return SW_SPK_ORGANIZATION;
  if (n0 >= 1 && title < 0 && !(T(d, n0 - 1)->flags & TF_CAP) &&
      in_set(&x->set[S_GENERIC], T(d, n0 - 1)->hash))
    return SW_SPK_ORGANIZATION;
  if (n1 + 2 < d->tok.n && is_comma(d, n1) && tok_is(d, T(d, n1 + 1), "the"))
    for (uint32_t k = n1 + 2; k < d->tok.n && k < n1 + 6 && !is_comma(d, k); k++)
      if (in_set(&x->set[S_GENERIC], T(d, k)->hash) && k + 1 < d->tok.n && is_comma(d, k + 1))
        return SW_SPK_ORGANIZATION;
  if (n1 - n0 == 1 && (T(d, n0)->flags & TF_ALLCAP))
    return SW_SPK_ORGANIZATION; /* an acronym */
  /* a person's name has particles (van, bin, de) but no connectors:
   * "African-Americans and Latinos" are a group, "Bank of America" an
   * organisation */
  static const char *const org_links[] = {"of", "for", "on", "the", NULL};
  for (uint32_t k = n0 + 1; k + 1 < n1; k++) {
    const sw_token *t = T(d, k);
    if (tok_is(d, t, "and"))
      return SW_SPK_GROUP;
    if (sw_tok_in(d, t, org_links))
      return SW_SPK_ORGANIZATION;
  }
  const sw_phrase *fn = sw_phrases_match(&x->names, d->tok.v, n0, n1);
  if (fn && n1 - n0 > fn->n)
    *gender = (char)fn->value;
  if (title >= 0 && x->ti[title].gender && !*gender)
    *gender = x->ti[title].gender;
  /* a body of nations: "the United Nations" ("several nations" are
   * not one) */
  if (title < 0 && n1 - n0 >= 2 && tok_is(d, T(d, n1 - 1), "nations"))
    return SW_SPK_ORGANIZATION;
  if (title >= 0 || *gender || n1 - n0 >= 2)
    return SW_SPK_PERSON;
  /* people in the plural: "Democrats", "Millennials", and an affiliation
   * with an s, "Americans", "Mexicans" */
  const sw_token *w = T(d, n0);
  if (in_set(&x->set[S_GROUP], w->hash) || plural_people(d, w))
    return SW_SPK_GROUP;
  size_t len = w->end - w->start;
  if (len > 3 && d->text[w->end - 1] == 's') {
    sw_token sg = *w;
    sg.hash = sw_hash_lower(d->text + w->start, len - 1);
    const sw_phrase *af = sw_phrases_match(&x->affil, &sg, 0, 1);
    if (af && af->n == 1)
      return SW_SPK_GROUP;
    /* and a title with an s: "Managers insist", "Judges disagreed"; not
     * a place before a title ("Queens Rep. Joe Crowley") */
    const sw_phrase *ti = sw_phrases_match(&x->titles, &sg, 0, 1);
    if (ti && ti->n == 1 && !(n1 < d->tok.n && (T(d, n1)->flags & TF_CAP)))
      return SW_SPK_GROUP;
  }
  return SW_SPK_PERSON;
}

/* Where names are found again: by the whole name, by a person's last
 * name, by a one-word name, and by acronym.  Each maps to the most recent
 * entity. */
typedef struct {
  sw_map full, last, single, acr;
} name_index;

static void nix_free(name_index *ix) {
  sw_map_free(&ix->full);
  sw_map_free(&ix->last);
  sw_map_free(&ix->single);
  sw_map_free(&ix->acr);
}

static uint32_t seq_hash(const sw_doc *d, uint32_t n0, uint32_t n1) {
  uint32_t h = 0x811C9DC5u;
  for (uint32_t k = n0; k < n1; k++)
    h = sw_mix(h, T(d, k)->hash);
  return h;
}

/* Common family names written first (Chinese, Korean, Vietnamese): "Li
 * Wenhua" is "Li" again later, "Kim Yo-jong" "Kim". */
static const char *const family_first[] = {
    "li", "wang", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
    "zhu", "hu", "guo", "lin", "gao", "luo", "xi", "deng", "jiang", "kim", "park", "choi",
    "moon", "yoon", "nguyen", "tran", "pham", NULL};

/* What follows a company's own name besides its legal form (words.c):
 * "Brightmart Inc." and "Northwind Airlines" are "Brightmart" and
 * "Northwind" again later. */
static const char *const company_tail[] = {
    "group", "holdings", "industries",
    "airlines", "airways", "air", "lines", "corporation", "company", "bank", "systems",
    "technologies", "pharmaceuticals", "labs", "motors", "enterprises", "mining", "shipping",
    "chemicals", "aggregates", "pharma", "energy", "foods", "petroleum", "insurance",
    "logistics", "software", "telecom", "steel", "semiconductor", "semiconductors",
    "electronics", NULL};

static bool nix_add(name_index *ix, const sw_doc *d, uint32_t e) {
  const sw_entity *en = &VEC_AT(d->ent, sw_entity, e);
  if (en->n1 <= en->n0)
    return true;
  bool ok = sw_map_put(&ix->full, seq_hash(d, en->n0, en->n1), e);
  if (en->n1 - en->n0 == 1)
    ok = ok && sw_map_put(&ix->single, T(d, en->n0)->hash, e);
  else if (en->type == SW_SPK_PERSON) {
    ok = ok && sw_map_put(&ix->last, T(d, en->n1 - 1)->hash, e);
    if (en->n1 - en->n0 == 2 && sw_tok_in(d, T(d, en->n0), family_first))
      ok = ok && sw_map_put(&ix->last, T(d, en->n0)->hash, e);
  } else if (en->type == SW_SPK_ORGANIZATION) {
    bool tail = true;
    for (uint32_t k = en->n0 + 1; k < en->n1; k++)
      tail = tail && (sw_tok_in(d, T(d, k), sw_legal_forms) || sw_tok_in(d, T(d, k), company_tail));
    if (tail)
      ok = ok && sw_map_put(&ix->last, T(d, en->n0)->hash, e);
    /* a club is its last word again: "Rovers" after "Harbury Rovers" */
    static const char *const club[] = {"rovers", "wanderers", "rangers", "athletic", NULL};
    if (sw_tok_in(d, T(d, en->n1 - 1), club))
      ok = ok && sw_map_put(&ix->last, T(d, en->n1 - 1)->hash, e);
  }
  return ok;
}

/* Finds or makes the entity of a name mention [n0, n1). */
static sw_status link_name(const sw_spklex *x, sw_doc *d, name_index *ix, uint32_t m0,
                           uint32_t n0, uint32_t n1, int title, int affil, uint32_t *out) {
  uint32_t best = sw_map_get(&ix->full, seq_hash(d, n0, n1));
  if (best != SW_NONE && !same_text(d, ent(d, best)->n0, ent(d, best)->n1, n0, n1))
    best = SW_NONE; /* a hash collision */
  if (best == SW_NONE && n1 - n0 == 1) {
    /* an acronym, or "Putin" after "Vladimir Putin" */
    best = sw_map_get(&ix->acr, T(d, n0)->hash);
    if (best == SW_NONE)
      best = sw_map_get(&ix->last, T(d, n0)->hash);
  }
  if (best == SW_NONE && n1 - n0 >= 2) {
    /* "De Blasio" after "Bill de Blasio": a surname with its particles */
    uint32_t k = n0;
    while (k + 1 < n1 && sw_tok_in(d, T(d, k), name_particles))
      k++;
    if (k > n0 && k + 1 == n1)
      best = sw_map_get(&ix->last, T(d, k)->hash);
  }
  if (best == SW_NONE && n1 - n0 >= 2) {
    /* "Vladimir Putin" after "Putin": the mention extends the entity,
     * when it names a person too ("University of Manitoba" after
     * "Manitoba" does not) */
    uint32_t e = sw_map_get(&ix->single, T(d, n1 - 1)->hash);
    char g;
    uint8_t pl;
    if (e != SW_NONE && ent(d, e)->type == SW_SPK_PERSON &&
        entity_kind_of_name(x, d, n0, n1, title, &g, &pl) == SW_SPK_PERSON) {
      best = e;
      ent(d, e)->n0 = n0;
      ent(d, e)->n1 = n1;
      if (!nix_add(ix, d, e))
        return SW_ERR_NOMEM;
    }
  }
  if (best == SW_NONE) {
    sw_entity *en = sw_vec_push(&d->ent, sizeof *en);
    if (!en)
      return SW_ERR_NOMEM;
    en->n0 = n0;
    en->n1 = n1;
    en->title = -1;
    en->affil = -1;
    en->acr = SW_NONE;
    en->org0 = en->org1 = 0;
    en->title2 = -1;
    en->type = (uint8_t)entity_kind_of_name(x, d, n0, n1, title, &en->gender, &en->place);
    en->desc0 = en->desc1 = m0;
    best = d->ent.n - 1;
    if (!nix_add(ix, d, best))
      return SW_ERR_NOMEM;
  }
  sw_entity *en = ent(d, best);
  if (title >= 0 && en->title < 0)
    en->title = title;
  if (affil >= 0 && en->affil < 0)
    en->affil = affil;
  if (!en->gender && title >= 0 && x->ti[title].gender)
    en->gender = x->ti[title].gender;
  *out = best;
  return SW_OK;
}

static sw_status add_mention(sw_vec *v, sw_doc *d, uint32_t t0, uint32_t t1, uint32_t e) {
  sw_mention *m = sw_vec_push(v, sizeof *m);
  if (!m)
    return SW_ERR_NOMEM;
  m->t0 = t0;
  m->t1 = t1;
  m->entity = e;
  ent(d, e)->last = t1;
  return SW_OK;
}

/* Does the document know this word as a name, a last name or an
 * acronym? */
static bool known_name(const name_index *ix, uint32_t hash) {
  return sw_map_get(&ix->single, hash) != SW_NONE || sw_map_get(&ix->last, hash) != SW_NONE ||
         sw_map_get(&ix->acr, hash) != SW_NONE;
}

/* Is the text of tokens [a, b) the string s (words separated by one
 * space)? */
static bool names_itself(const sw_doc *d, uint32_t a, uint32_t b, const char *s) {
  size_t k = 0;
  for (uint32_t i = a; i < b; i++) {
    const sw_token *t = T(d, i);
    size_t n = t->end - t->start;
    if (i > a && s[k++] != ' ')
      return false;
    if (strncmp(s + k, d->text + t->start, n) != 0)
      return false;
    k += n;
  }
  return s[k] == 0;
}

/* Does a sentence, a quotation or a bracket open right before token i? */
/* A lower-case particle joined by a hyphen to a capitalised name, one
 * word: "al-Rashidi", "bin-Salman", "el-Sisi", "abu-Ali". */
static bool particle_name(const sw_doc *d, const sw_token *t) {
  static const char *const pre[] = {"al-", "el-", "bin-", "ibn-", "abu-", "ad-", "as-", NULL};
  if (t->kind != TK_WORD || (t->flags & TF_CAP))
    return false;
  const char *w = d->text + t->start;
  size_t n = t->end - t->start;
  /* every particle is two or three letters and a hyphen */
  if (n < 4 || (w[2] != '-' && w[3] != '-'))
    return false;
  for (int i = 0; pre[i]; i++) {
    size_t m = strlen(pre[i]);
    if (n > m + 1 && !memcmp(w, pre[i], m) && w[m] >= 'A' && w[m] <= 'Z')
      return true;
  }
  return false;
}

/* Two capitalised words, neither an organisation's or a group's word,
 * an acronym, a place nor a sentence opener ("The"), look like a
 * person's name though the first is not a known first name: "Mairead
 * Kinsella of the Digital Rights Forum" is Kinsella, of the forum. */
static bool person_shaped(const sw_spklex *x, const sw_doc *d, uint32_t n0, uint32_t n1) {
  const sw_token *f = T(d, n0);
  if (n1 - n0 != 2 || sw_is_sentence_starter(d->text + f->start, f->end - f->start))
    return false;
  for (uint32_t k = n0; k < n1; k++) {
    const sw_token *t = T(d, k);
    if (t->kind != TK_WORD || (t->flags & (TF_ALLCAP | TF_ABBR)) || in_set(&x->set[S_ORG], t->hash) ||
        in_set(&x->set[S_GROUP], t->hash) || sw_phrases_match(&x->places, d->tok.v, k, k + 1))
      return false;
  }
  return true;
}

static bool opens_clause(const sw_doc *d, const sw_sent *s, uint32_t i) {
  if (i == s->t0)
    return true;
  const sw_token *p = T(d, i - 1);
  return (p->kind == TK_QUOTE && (p->qm == QM_OPEN_D || p->qm == QM_OPEN_S)) ||
         tok_is(d, p, "(") || tok_is(d, p, ":") || (p->kind == TK_PUNCT && (unsigned char)d->text[p->start] == 0xE2);
}

static sw_status find_names(const sw_spklex *x, sw_doc *d, name_index *ix) {
  const sw_token *tok = d->tok.v;
  for (uint32_t si = 0; si < d->sent.n; si++) {
    const sw_sent *s = &VEC_AT(d->sent, sw_sent, si);
    bool headline = s->para == 0 && d->headline[0];
    for (uint32_t i = s->t0; i < s->t1;) {
      /* most tokens open nothing: a lower-case word that is neither a
       * title nor a title's modifier starts no name */
      if (!(tok[i].flags & TF_CAP) && !in_set(&x->set[S_MOD], tok[i].hash) &&
          !sw_phrases_match(&x->titles, tok, i, s->t1)) {
        i++;
        continue;
      }
      uint32_t j = i;
      int affil = -1, title = -1;
      /* an affiliation opens capitalised ("Republican Sen. ...") */
      const sw_phrase *a = tok[j].flags & TF_CAP ? sw_phrases_match(&x->affil, tok, j, s->t1) : NULL;
      if (a) {
        affil = (int)a->value;
        j += a->n;
      }
      const sw_phrase *tt = sw_phrases_match(&x->titles, tok, j, s->t1);
      if (!tt) {
        while (j < s->t1 && in_set(&x->set[S_MOD], (&tok[j])->hash))
          j++;
        tt = sw_phrases_match(&x->titles, tok, j, s->t1);
      }
      if (tt) {
        title = (int)tt->value;
        j += tt->n;
      }
      uint32_t n0 = j, n1 = j;
      while (n1 < s->t1) {
        /* in a headline every word is capitalised, and a reporting verb
         * ends the name, or is none: "Ferry Union Threatens Strike",
         * "Minister Rejects Claim" */
        if (headline && tok[n1].lex != SW_NONE)
          break;
        /* "Specifically I said": the pronoun before a verb is no part
         * of a name ("World War I" is) */
        if (tok[n1].end == tok[n1].start + 1 && d->text[tok[n1].start] == 'I' && n1 + 1 < s->t1 &&
            tok[n1 + 1].kind == TK_WORD && !(tok[n1 + 1].flags & TF_CAP))
          break;
        if (capword(d, n1) || (n1 > n0 && (tok[n1].flags & TF_ABBR) && (tok[n1].flags & TF_CAP))) {
          n1++;
          continue;
        }
        /* a particle inside a person's name: "Bill de Blasio", "Lula da
         * Silva", "Ursula von der Leyen"; or joined to the name by a
         * hyphen: "Ahmed al-Rashidi" */
        if (n1 > n0 && particle_name(d, &tok[n1])) {
          n1++;
          continue;
        }
        if (n1 > n0 && !(tok[n1].flags & TF_CAP) && sw_tok_in(d, &tok[n1], name_particles)) {
          uint32_t k = n1 + 1;
          if (k < s->t1 && !(tok[k].flags & TF_CAP) && sw_tok_in(d, &tok[k], name_particles))
            k++;
          if (k < s->t1 && capword(d, k)) {
            n1 = k;
            continue;
          }
        }
        /* "Organization for the Prohibition of ...", but not "Margaret
         * Ellison of Ohio": a person's name takes no connectors */
        if (n1 > n0 && title < 0 && !sw_phrases_match(&x->names, tok, n0, n1) &&
            !(person_shaped(x, d, n0, n1) && tok_is(d, &tok[n1], "of")) &&
            in_set(&x->set[S_CONN], (&tok[n1])->hash) && !(tok[n1].flags & TF_CAP)) {
          uint32_t k = n1 + 1;
          if (k < s->t1 && in_set(&x->set[S_CONN], (&tok[k])->hash) && !(tok[k].flags & TF_CAP))
            k++;
          /* "The Associated Press on Wednesday": a date ends the name;
           * "Mr. King and Mr. Schultz" are two names */
          if (k < s->t1 && capword(d, k) && !is_date_word(d, &tok[k]) &&
              !(tok_is(d, &tok[n1], "and") && sw_phrases_match(&x->titles, tok, k, s->t1))) {
            n1 = k;
            continue;
          }
        }
        break;
      }
      /* a leading "The" is not part of the name */
      if (n1 > n0 && tok_is(d, &tok[n0], "the"))
        n0++;
      /* trailing connectors */
      while (n1 > n0 && in_set(&x->set[S_CONN], (&tok[n1 - 1])->hash))
        n1--;
      bool initial = opens_clause(d, s, n0) && affil < 0 && title < 0;
      if (n1 > n0 && initial && n1 - n0 == 1 &&
          (sw_is_sentence_starter(d->text + tok[n0].start, tok[n0].end - tok[n0].start) ||
           tok[n0].lex != SW_NONE || !sw_phrases_match(&x->names, tok, n0, n1))) {
        /* a lone capitalised word opening a sentence is a name only when
         * the document already knows it */
        if (!known_name(ix, tok[n0].hash) &&
            !(n1 < s->t1 && tok[n1].lex != SW_NONE && !sw_is_sentence_starter(
                d->text + tok[n0].start, tok[n0].end - tok[n0].start)))
          n1 = n0; /* unless a reporting verb follows: "Okafor said" */
      }
      if (n1 > n0 && initial && sw_is_sentence_starter(d->text + tok[n0].start,
                                                        tok[n0].end - tok[n0].start))
        n0++;
      /* and the connector after it: "Many of Trump’s aides" */
      while (n1 > n0 && !(tok[n0].flags & TF_CAP) && in_set(&x->set[S_CONN], tok[n0].hash))
        n0++;
      /* in a headline every word is capitalised: a run is a name only
       * with a title or an affiliation, a known first name, an
       * organisation's word or an acronym ("Ferry Union", "Sen. Pruitt"),
       * not "Apologises After Stranding Passengers" */
      if (headline && n1 > n0 && title < 0 && affil < 0 &&
          !sw_phrases_match(&x->names, tok, n0, n1)) {
        bool named = false;
        for (uint32_t k = n0; k < n1 && !named; k++)
          named = in_set(&x->set[S_ORG], tok[k].hash) || (tok[k].flags & TF_ALLCAP);
        if (!named)
          n1 = n0;
      }
      if (n1 > n0) {
        const sw_phrase *only = sw_phrases_match(&x->affil, tok, n0, n1);
        if (!only)
          only = sw_phrases_match(&x->titles, tok, n0, n1);
        /* "GOP", "Senator": not names by themselves; but "White House"
         * names itself, and after "Mr." or "Dr." a title is a surname
         * ("Mr. King", "Dr. Bishop") */
        static const char *const courtesies[] = {"Mr.", "Mrs.", "Ms.", "Miss", "Doctor", NULL};
        bool courtesy = false;
        if (only && only->n == n1 - n0)
          for (int c = 0; title >= 0 && courtesies[c] && !courtesy; c++)
            courtesy = !strcmp(x->ti[title].title, courtesies[c]);
        if (only && only->n == n1 - n0 && !courtesy &&
            !(only == sw_phrases_match(&x->affil, tok, n0, n1) &&
              names_itself(d, n0, n1, x->affname[only->value])))
          n1 = n0;
      }
      /* a month or a weekday alone is a date: "in March", "on Monday" */
      if (n1 == n0 + 1 && title < 0 && affil < 0 && is_date_word(d, &tok[n0]))
        n1 = n0;
      if (n1 <= n0 || tok[n0].kind == TK_NUM) {
        i = j > i ? j : i + 1;
        continue;
      }
      /* an organisation, a title, then the name: "Port Authority Director
       * Maria Okafor" */
      uint32_t org0 = SW_NONE, org1 = SW_NONE;
      if (title < 0)
        for (uint32_t k = n0 + 1; k + 1 < n1; k++) {
          const sw_phrase *in = sw_phrases_match(&x->titles, tok, k, n1);
          if (in && k + in->n < n1 && (tok[k].flags & TF_CAP)) {
            org0 = n0, org1 = k;
            title = (int)in->value;
            n0 = k + in->n;
            break;
          }
        }
      uint32_t e;
      if (org0 != SW_NONE) {
        uint32_t oe;
        if (link_name(x, d, ix, org0, org0, org1, -1, -1, &oe) ||
            add_mention(&d->mention, d, org0, org1, oe))
          return SW_ERR_NOMEM;
        if (ent(d, oe)->type == SW_SPK_PERSON && org1 - org0 >= 2)
          ent(d, oe)->type = SW_SPK_ORGANIZATION;
      }
      if (link_name(x, d, ix, affil >= 0 || title >= 0 ? i : n0, n0, n1, title, affil, &e) ||
          add_mention(&d->mention, d, n0, n1, e))
        return SW_ERR_NOMEM;
      if (org0 != SW_NONE && ent(d, e)->org0 == ent(d, e)->org1)
        ent(d, e)->org0 = org0, ent(d, e)->org1 = org1;
      /* an apposition gives a title or an affiliation: "Walter Pruitt, the
       * Republican candidate,"; but a name that ends a phrase opening the
       * sentence is followed by its subject ("In a post on Facebook, the
       * prime minister wrote") */
      static const char *const open_preps[] = {"in", "on", "at", "from", "during", "after",
                                               "before", "for", NULL};
      bool apposed = ent(d, e)->type == SW_SPK_PERSON && n1 + 2 < s->t1 && tok_is(d, &tok[n1], ",") &&
                     (tok_is(d, &tok[n1 + 1], "the") || tok_is(d, &tok[n1 + 1], "a"));
      bool opener = apposed && sw_tok_in(d, &tok[s->t0], open_preps);
      for (uint32_t k = s->t0; k < n0 && opener; k++)
        opener = !is_comma(d, k);
      if (apposed && !opener) {
        for (uint32_t k = n1 + 2; k < s->t1 && k < n1 + 8 && !tok_is(d, &tok[k], ","); k++) {
          const sw_phrase *ap = sw_phrases_match(&x->affil, tok, k, s->t1);
          if (ap && ent(d, e)->affil < 0)
            ent(d, e)->affil = (int16_t)ap->value;
          const sw_phrase *tp = sw_phrases_match(&x->titles, tok, k, s->t1);
          if (tp && ent(d, e)->title2 < 0)
            ent(d, e)->title2 = (int16_t)tp->value;
        }
      }
      /* an acronym in brackets: "... Weapons (OPCW)" */
      if (n1 + 2 < s->t1 && tok_is(d, &tok[n1], "(") && (tok[n1 + 1].flags & TF_ALLCAP) &&
          tok_is(d, &tok[n1 + 2], ")")) {
        ent(d, e)->acr = n1 + 1;
        if (!sw_map_put(&ix->acr, tok[n1 + 1].hash, e))
          return SW_ERR_NOMEM;
        if (ent(d, e)->type == SW_SPK_PERSON && n1 - n0 >= 3)
          ent(d, e)->type = SW_SPK_ORGANIZATION;
        if (add_mention(&d->mention, d, n1 + 1, n1 + 2, e))
          return SW_ERR_NOMEM;
        n1 += 3;
      }
      i = n1;
    }
  }
  return SW_OK;
}

/* ---- sources ---- */

/* An unnamed speaker in the singular, a spokesman or an official, is a
 * person a later "he" or "she" may mean ("A spokesman declined to
 * comment on what he called …"); "spokesman" and "spokeswoman" say
 * which. */
static void one_of_them(const sw_spklex *x, const sw_doc *d, uint32_t s0, uint32_t s1,
                        sw_entity *en) {
  static const char *const plural_det[] = {"two", "three", "several", "some", "many", "both",
                                           "other", NULL};
  for (uint32_t k = s0; k < s1; k++) {
    const sw_token *t = T(d, k);
    if (!in_set(&x->set[S_ANON], t->hash))
      continue;
    if (d->text[t->end - 1] == 's' || sw_tok_in(d, T(d, s0), plural_det)) {
      en->many = 1; /* "officials", "sources", "two aides" */
      return;
    }
    en->one = 1;
    if (tok_is(d, t, "spokesman"))
      en->gender = 'm';
    else if (tok_is(d, t, "spokeswoman"))
      en->gender = 'f';
    return;
  }
}

static bool compatible(const sw_entity *en, int want_type, char gender) {
  if (en->place || en->part)
    return false; /* "it" after "in Ohio" is not Ohio, "they" after "many" not many */
  if (en->doc && want_type != SW_SPK_ORGANIZATION)
    return false; /* a report is "it", never "they" */
  if (want_type == SW_SPK_PERSON)
    return (en->type == SW_SPK_PERSON || (en->type == SW_SPK_ANONYMOUS && en->one)) &&
           (!gender || !en->gender || en->gender == gender);
  if (want_type == SW_SPK_ORGANIZATION)
    return en->type == SW_SPK_ORGANIZATION;
  return en->type == SW_SPK_ORGANIZATION || en->type == SW_SPK_GROUP ||
         (en->type == SW_SPK_ANONYMOUS && en->many);
}

/* Index of the first mention of v (in text order) that starts at or after
 * token t: the scans backwards start there. */
static uint32_t first_after(const sw_vec *v, uint32_t t) {
  uint32_t lo = 0, hi = v->n;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (VEC_AT(*v, sw_mention, mid).t0 < t)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* The most recent entity mentioned before token t that fits; the
 * previous speaker wins a near tie.  Names and resolved sources are both
 * mentions; each list is in text order, so the scans stop early. */
static void recent_in(const sw_doc *d, const sw_vec *v, uint32_t t, int want_type, char gender,
                      uint32_t prev, uint32_t *best, uint32_t *best_pos) {
  uint32_t seen = 0;
  for (uint32_t k = first_after(v, t); k-- > 0;) {
    const sw_mention *m = &VEC_AT(*v, sw_mention, k);
    if (m->t1 > t)
      continue;
    if ((*best != SW_NONE && m->t1 + 24 < *best_pos) || ++seen > 2000)
      break;
    const sw_entity *en = &VEC_AT(d->ent, sw_entity, m->entity);
    if (!compatible(en, want_type, gender))
      continue;
    /* subject continuity, and a gender the name confirms ("Maria Oduya
     * disagreed. She said" after "Pell said": she is Oduya) */
    uint32_t pos = m->t1 + (m->entity == prev ? 12 : 0) + (gender && en->gender == gender ? 12 : 0);
    if (*best == SW_NONE || pos > *best_pos) {
      *best = m->entity;
      *best_pos = pos;
    }
  }
}

static uint32_t recent(const sw_doc *d, uint32_t t, int want_type, char gender, uint32_t prev) {
  uint32_t best = SW_NONE, pos = 0;
  recent_in(d, &d->mention, t, want_type, gender, prev, &best, &pos);
  recent_in(d, &d->smention, t, want_type, gender, prev, &best, &pos);
  return best;
}

static bool has_word(const sw_doc *d, uint32_t t0, uint32_t t1, uint32_t hash) {
  for (uint32_t k = t0; k < t1; k++)
    if (T(d, k)->hash == hash)
      return true;
  return false;
}

/* Is token k a lower-case participle ("interviewed", "speaking")? */
static bool participle_at(const sw_doc *d, uint32_t k) {
  const sw_token *t = T(d, k);
  size_t n = t->end - t->start;
  const char *w = d->text + t->start;
  return t->kind == TK_WORD && !(t->flags & TF_CAP) && n > 4 &&
         (!memcmp(w + n - 2, "ed", 2) || !memcmp(w + n - 3, "ing", 3));
}

/* Is token k a bare apostrophe that makes the word before it possessive
 * ("Mendes' campaign")? */
static bool possessive_mark(const sw_doc *d, uint32_t k) {
  const sw_token *t = T(d, k);
  if (t->kind != TK_QUOTE || (t->flags & TF_SPACE) || !(t->flags & TF_SPACE_AFTER) || k == 0)
    return false;
  const char *w = d->text + t->start;
  size_t n = t->end - t->start;
  const sw_token *p = T(d, k - 1);
  return ((n == 1 && w[0] == '\'') || (n == 3 && !memcmp(w, "\xe2\x80\x99", 3))) &&
         (d->text[p->end - 1] | 32) == 's';
}

/* The head of the description [s0, s1): its last word before a
 * preposition, a participle or a comma. */
static uint32_t head_of(const sw_doc *d, uint32_t s0, uint32_t s1) {
  static const char *const after_head[] = {"of", "for", "at", "from", "in", "with", "on",
                                           "across", "close", "to", "like", "including",
                                           "among", "familiar", "who", "that", "which", "by",
                                           NULL};
  /* "the secretary of state's office": the head follows the possessive */
  uint32_t poss = 0;
  for (uint32_t k = s0 + 1; k + 1 < s1 && !is_comma(d, k); k++) {
    const sw_token *t = T(d, k);
    if (((t->flags & TF_CLITIC) && (d->text[t->end - 1] | 32) == 's') ||
        (t->kind == TK_QUOTE && possessive_mark(d, k)))
      poss = k + 1;
  }
  /* but not past a preposition other than "of": "a memo from Mr.
   * Rubio's campaign manager" */
  for (uint32_t k = s0 + 1; k < poss; k++)
    if (sw_tok_in(d, T(d, k), after_head) && !tok_is(d, T(d, k), "of"))
      poss = 0;
  if (poss)
    s0 = poss;
  uint32_t h = s0 + 1;
  /* a participle ends the head when a preposition follows it
   * ("Paramedics interviewed by …"), not when it modifies the head
   * ("the newly installed campaign chief") */
  while (h < s1 && !is_comma(d, h) && !sw_tok_in(d, T(d, h), after_head) &&
         !(participle_at(d, h) && h + 1 < s1 && sw_tok_in(d, T(d, h + 1), after_head)))
    h++;
  return h - 1;
}

/* Does the head of the description [s0, s1) name a person: a title
 * ("chairman"), an unnamed speaker's noun ("spokesman"), a word for a
 * person ("woman"), or the singular of a group noun ("member", "voter")? */
static bool person_head(const sw_spklex *x, const sw_doc *d, uint32_t s0, uint32_t s1) {
  const sw_token *tok = d->tok.v;
  uint32_t h = head_of(d, s0, s1) + 1;
  const sw_token *t = &tok[h - 1];
  size_t n = t->end - t->start;
  if (t->kind != TK_WORD || in_set(&x->set[S_ORG], t->hash) ||
      in_set(&x->set[S_GENERIC], t->hash)) /* "the operator", "a drugmaker" */
    return false;
  static const char *const people[] = {"woman", "man", "person", "child", "mother", "father",
                                       "wife", "husband", "daughter", "son", "girl", "boy", NULL};
  const sw_phrase *ti = sw_phrases_match(&x->titles, tok, h - 1, h);
  if ((ti && ti->n == 1) || in_set(&x->set[S_ANON], t->hash) || sw_tok_in(d, t, people))
    return true;
  char plural[32];
  if (n + 1 >= sizeof plural)
    return false;
  memcpy(plural, d->text + t->start, n);
  plural[n] = 's';
  return in_set(&x->set[S_GROUP], sw_hash_lower(plural, n + 1));
}

/* A description: the entity it fits best, by title or affiliation words
 * it contains, or by kind. */
static uint32_t describe(const sw_spklex *x, const sw_doc *d, uint32_t s0, uint32_t s1,
                         int *kind) {
  const sw_token *tok = d->tok.v;
  int want = SW_SPK_PERSON;
  for (uint32_t k = s0; k < s1; k++)
    if (in_set(&x->set[S_ORG], (&tok[k])->hash))
      want = SW_SPK_ORGANIZATION;
  /* "the airline", "the carrier": a generic head names an organisation */
  if (in_set(&x->set[S_GENERIC], tok[s1 - 1].hash))
    want = SW_SPK_ORGANIZATION;
  const char *const *trade = sw_tok_in(d, &tok[s1 - 1], press_heads) ? press_words
                            : sw_tok_in(d, &tok[s1 - 1], air_heads)  ? air_words
                                                                      : NULL;
  /* but a head noun that names a person wins: "a former board member",
   * "the union's new chairman" */
  if (want == SW_SPK_ORGANIZATION && person_head(x, d, s0, s1))
    want = SW_SPK_PERSON;
  /* a country or a capital that opens a sentence is no name mention
   * ("Moscow has repeatedly complained"), but speaks as its government */
  const sw_phrase *pl = sw_phrases_match(&x->places, tok, s0, s1);
  if (pl && pl->n == s1 - s0) {
    *kind = SW_SPK_ORGANIZATION;
    return SW_NONE;
  }
  *kind = want;
  /* "Neither campaign", "another aide": not one named before */
  static const char *const fresh[] = {"neither", "no", "each", "every", "another", "any", "one",
                                      "both", "either", NULL};
  if (sw_tok_in(d, &tok[s0], fresh))
    return SW_NONE;
  int title = -1, affil = -1;
  for (uint32_t k = s0; k < s1; k++) {
    const sw_phrase *p = sw_phrases_match(&x->titles, tok, k, s1);
    if (p && title < 0)
      title = (int)p->value;
    const sw_phrase *a = sw_phrases_match(&x->affil, tok, k, s1);
    if (a && affil < 0)
      affil = (int)a->value;
  }
  if (want == SW_SPK_PERSON && title < 0 && affil < 0)
    return SW_NONE;
  /* people in the plural with no title are no one person of their party:
   * "GOP primary voters", "two-thirds of Republican voters" */
  if (want == SW_SPK_PERSON && title < 0)
    for (uint32_t k = s0; k < s1 && !is_comma(d, k); k++)
      if (in_set(&x->set[S_GROUP], tok[k].hash) || plural_people(d, &tok[k])) {
        *kind = SW_SPK_GROUP;
        return SW_NONE;
      }
  uint32_t best = SW_NONE, best_score = 0, seen = 0;
  bool document = sw_tok_in(d, &tok[s1 - 1], doc_words);
  for (uint32_t k = document ? 0 : first_after(&d->mention, s0); k-- > 0;) {
    const sw_mention *m = &VEC_AT(d->mention, sw_mention, k);
    if (m->t1 > s0)
      continue;
    if (++seen > 2000)
      break;
    const sw_entity *en = &VEC_AT(d->ent, sw_entity, m->entity);
    if (en->type != want || en->place) /* "the company" is not Ohio */
      continue;
    uint32_t score = 1;
    if (title >= 0 && ((en->title >= 0 && !strcmp(x->ti[title].title, x->ti[en->title].title)) ||
                       (en->title2 >= 0 && !strcmp(x->ti[title].title, x->ti[en->title2].title))))
      score += 4;
    if (affil >= 0 && en->affil >= 0 && !strcmp(x->affname[affil], x->affname[en->affil]))
      score += 4;
    if (want == SW_SPK_ORGANIZATION) {
      /* "the agency": an organisation whose name has the head noun; a
       * generic head ("the company") takes the most recent one */
      for (uint32_t n = en->n0; n < en->n1; n++)
        if (tok[n].hash == tok[s1 - 1].hash)
          score += 4;
      if (score == 1 && !in_set(&x->set[S_GENERIC], (&tok[s1 - 1])->hash))
        continue;
      bool of_trade = !trade;
      for (uint32_t n = en->n0; n < en->n1 && !of_trade; n++)
        of_trade = sw_tok_in(d, &tok[n], trade);
      if (!of_trade)
        continue;
    }
    if ((title >= 0 || affil >= 0) && score == 1)
      continue;
    if (score > best_score) {
      best_score = score;
      best = m->entity;
    }
  }
  if (best == SW_NONE && want == SW_SPK_ORGANIZATION) {
    /* "The agency" after "the state environmental agency"; but a
     * description that names its owner ("Sanders’ campaign") is only the
     * one that names the same owner */
    uint32_t owner = SW_NONE;
    for (uint32_t k = first_after(&d->mention, s0); k < d->mention.n; k++) {
      const sw_mention *m = &VEC_AT(d->mention, sw_mention, k);
      if (m->t0 >= s1)
        break;
      if (m->t1 <= s1)
        owner = tok[m->t1 - 1].hash;
    }
    for (uint32_t k = d->smention.n; k-- > 0 && best == SW_NONE;) {
      const sw_mention *m = &VEC_AT(d->smention, sw_mention, k);
      const sw_entity *en = &VEC_AT(d->ent, sw_entity, m->entity);
      if (m->t1 <= s0 && en->n0 == en->n1 && en->desc1 > en->desc0 &&
          tok[en->desc1 - 1].hash == tok[s1 - 1].hash &&
          (owner == SW_NONE || has_word(d, en->desc0, en->desc1, owner)))
        best = m->entity;
    }
  }
  return best;
}

static sw_status new_desc_entity(sw_doc *d, uint32_t s0, uint32_t s1, int type, uint32_t *out) {
  sw_entity *en = sw_vec_push(&d->ent, sizeof *en);
  if (!en)
    return SW_ERR_NOMEM;
  en->n0 = en->n1 = s0;
  en->desc0 = s0;
  en->desc1 = s1;
  en->title = en->affil = -1;
  en->acr = SW_NONE;
  en->org0 = en->org1 = 0;
  en->title2 = -1;
  en->type = (uint8_t)type;
  *out = d->ent.n - 1;
  return SW_OK;
}

/* Prepositions after which a name qualifies the noun before it ("the
 * minister of Varnia", "a farmer in Ocher County") */
static const char *const qual_preps[] = {"of", "for", "at", "from", "in", NULL};

/* The noun phrase a relative pronoun at *s0 ("who", "which", "that")
 * stands for: the words before it, back to a determiner or a possessive
 * (at most eight), or a name ending there.  Leaves the span alone when
 * there is none. */
static void antecedent(const sw_spklex *x, const sw_doc *d, uint32_t *s0, uint32_t *s1) {
  static const char *const rel[] = {"who", "which", "that", "whom", NULL};
  static const char *const det[] = {"the", "a", "an", "some", "many", "most", "those",
                                    "these", "his", "her", "their", "its", "our", "two",
                                    "three", "several", "other", NULL};
  static const char *const stop[] = {"and", "or", "but", "of", "in", "on", "at", "for",
                                     "to", "by", "with", "from", "as", "than", "among",
                                     "across", "about", "against", "over", "into", "after",
                                     "before", "during", "like", "including", "between", NULL};
  uint32_t k = *s0;
  if (!sw_tok_in(d, T(d, k), rel) || k == 0)
    return;
  uint32_t sent = T(d, k)->sent;
  uint32_t end = k;
  if (is_comma(d, end - 1) || sw_is_dash(d, T(d, end - 1)))
    end--;
  if (end == 0 || (end == k && tok_is(d, T(d, k), "that")))
    return; /* "said that": a conjunction, not a pronoun */
  /* "Sen. Ada Kemp (D-Ore.), who": past the parenthesis after a name */
  if (tok_is(d, T(d, end - 1), ")"))
    for (uint32_t j = end - 1; j > 0 && end - j < 8 && T(d, j)->sent == sent; j--)
      if (tok_is(d, T(d, j - 1), "(")) {
        end = j - 1;
        break;
      }
  if (end == 0)
    return;
  uint32_t start = end;
  bool crossed = false;
  while (start > 0 && end - start < 8) {
    const sw_token *t = T(d, start - 1);
    if (t->sent != sent || t->quote != SW_NONE)
      break;
    /* "a farmer in Ocher County, who": once, past a preposition after a
     * name, to the noun it qualifies */
    if (sw_tok_in(d, t, stop)) {
      if (crossed || !sw_tok_in(d, t, qual_preps) || !(T(d, start)->flags & TF_CAP) || start < 2 ||
          T(d, start - 2)->kind != TK_WORD)
        break;
      crossed = true;
      start--;
      continue;
    }
    if (t->kind != TK_WORD && t->kind != TK_NUM && !(t->flags & TF_CLITIC))
      break;
    start--;
    if (sw_tok_in(d, t, det)) {
      /* "three people familiar with the matter, who": "who" is a
       * person, so past a preposition before a thing in lower case, to
       * the noun it qualifies */
      bool thing = true;
      for (uint32_t j = start; j < end && thing; j++)
        thing = !(T(d, j)->flags & TF_CAP) && !in_set(&x->set[S_GROUP], T(d, j)->hash) &&
                !in_set(&x->set[S_ANON], T(d, j)->hash);
      if (crossed || !thing || !tok_is(d, T(d, k), "who") || start < 2 ||
          !(sw_tok_in(d, T(d, start - 1), qual_preps) || tok_is(d, T(d, start - 1), "with")) ||
          T(d, start - 2)->kind != TK_WORD || T(d, start - 2)->sent != sent)
        break;
      crossed = true;
      start--;
    }
  }
  const sw_token *h = T(d, end - 1);
  if (start == end || h->kind != TK_WORD || sw_is_pronoun(d->text + h->start, h->end - h->start))
    return;
  /* a lone lower-case word is seldom a speaker: "which" may stand for a
   * whole clause ("… a push, which showed"); but people in the plural
   * are ("voters who said") */
  if (end - start == 1 && ((!(h->flags & TF_CAP) && !plural_people(d, h) &&
                            !in_set(&x->set[S_GROUP], h->hash)) ||
                           sw_tok_in(d, h, det)))
    return;
  *s0 = start, *s1 = end;
}

/* Does the name at t0 follow "of", "for", "at", "from" or "in" (and
 * "the") after a lower-case word of the span [s0, t0)? */
static bool of_name(const sw_doc *d, uint32_t s0, uint32_t t0) {
  uint32_t k = t0;
  if (k > s0 && tok_is(d, T(d, k - 1), "the"))
    k--;
  if (k < s0 + 2 || !sw_tok_in(d, T(d, k - 1), qual_preps))
    return false;
  const sw_token *h = T(d, k - 2);
  return h->kind == TK_WORD && !(h->flags & TF_CAP);
}

/* Is entity e named in [s0, s1) after a comma, in apposition to the
 * description before it ("the spokesman, Carl Benning", "a spokesman, Col.
 * Marc Vidal")? */
static bool apposed(const sw_spklex *x, const sw_doc *d, uint32_t s0, uint32_t s1, uint32_t e) {
  uint32_t c = s0;
  while (c < s1 && !is_comma(d, c))
    c++;
  if (c == s1)
    return false;
  for (uint32_t k = first_after(&d->mention, c); k < d->mention.n; k++) {
    const sw_mention *m = &VEC_AT(d->mention, sw_mention, k);
    if (m->t0 >= s1)
      break;
    if (m->entity != e)
      continue;
    if (m->t0 == c + 1)
      return true;
    /* with a title before the name ("the spokesman, Col. Marc Vidal") */
    const sw_phrase *ti = sw_phrases_match(&x->titles, d->tok.v, c + 1, m->t0);
    if (ti && c + 1 + ti->n == m->t0)
      return true;
  }
  return false;
}

static uint32_t name_in_span(const sw_spklex *x, const sw_doc *d, uint32_t s0, uint32_t s1) {
  uint32_t found = SW_NONE;
  for (uint32_t k = first_after(&d->mention, s0); k < d->mention.n; k++) {
    const sw_mention *m = &VEC_AT(d->mention, sw_mention, k);
    if (m->t0 >= s1)
      break;
    if (m->t0 >= s0 && m->t1 <= s1) {
      const sw_entity *en = &VEC_AT(d->ent, sw_entity, m->entity);
      /* a possessive name ("Trump’s campaign", "Mendes' manager") is
       * not the speaker */
      if (m->t1 < s1 && (T(d, m->t1)->flags & TF_CLITIC || possessive_mark(d, m->t1)))
        continue;
      /* nor a place in a longer description ("the Florida senator") */
      if (en->place && (m->t1 - m->t0) + (tok_is(d, T(d, s0), "the") ? 1u : 0u) < s1 - s0)
        continue;
      /* nor a name that qualifies a description's own head ("the interior
       * minister of Varnia", "a spokesman for Harlow Lines") */
      if (of_name(d, s0, m->t0))
        continue;
      /* nor one before a title and another name ("Chicago Mayor Rahm
       * Emanuel", "Trump Campaign Manager Kellyanne Conway") */
      if (m->t1 < s1 && sw_phrases_match(&x->titles, d->tok.v, m->t1, s1) && k + 1 < d->mention.n &&
          VEC_AT(d->mention, sw_mention, k + 1).t0 < s1)
        continue;
      if (found == SW_NONE || en->type == SW_SPK_PERSON)
        found = m->entity;
      if (en->type == SW_SPK_PERSON)
        break;
    }
  }
  return found;
}

/* Does [s0, s1) name two people joined by "and": a person's name right
 * before it (or before a bracket that closes there, "Ted Cruz (R-Texas)
 * and") and another within a few words after it, with no comma between
 * ("and Sen. Ted Cruz")?  Not "a pollster and strategist on Mrs.
 * Clinton's campaign", where the name after "and" is no speaker's. */
static bool two_people(const sw_doc *d, uint32_t s0, uint32_t s1) {
  for (uint32_t k = first_after(&d->mention, s0); k < d->mention.n; k++) {
    const sw_mention *m = &VEC_AT(d->mention, sw_mention, k);
    if (m->t0 >= s1)
      break;
    if (m->t1 >= s1 || VEC_AT(d->ent, sw_entity, m->entity).type != SW_SPK_PERSON)
      continue;
    /* the first name opens the source, not an apposition ("Clinton, 35,
     * the daughter of Bill Clinton and Hillary Clinton") */
    bool comma = false;
    for (uint32_t t = s0; t < m->t0 && !comma; t++)
      comma = is_comma(d, t);
    if (comma)
      return false;
    uint32_t and = m->t1;
    if (tok_is(d, T(d, and), "(")) {
      while (and < s1 && and - m->t1 < 8 && !tok_is(d, T(d, and), ")"))
        and++;
      and++; /* past the ")" */
    }
    if (and >= s1 || !tok_is(d, T(d, and), "and"))
      continue;
    /* "Both Brandt and her deputy, Lukas Hofer": two, whatever follows */
    if (tok_is(d, T(d, s0), "both"))
      return true;
    for (uint32_t j = k + 1; j < d->mention.n; j++) {
      const sw_mention *n = &VEC_AT(d->mention, sw_mention, j);
      if (n->t0 > and + 4 || n->t1 > s1)
        break;
      if (n->t0 > and && VEC_AT(d->ent, sw_entity, n->entity).type == SW_SPK_PERSON) {
        for (uint32_t t = and + 1; t < n->t0 && !comma; t++)
          comma = is_comma(d, t);
        if (!comma)
          return true;
      }
    }
  }
  return false;
}

/* Does a content fragment of b hold a's cue? */
static bool holds_cue(const sw_att *b, const sw_att *a) {
  for (uint32_t f = 0; f < b->ncon; f++)
    if (b->con[f][0] <= a->cue[0] && a->cue[1] <= b->con[f][1])
      return true;
  return false;
}

/* The attribution whose content holds attribution i's cue: "I think it
 * will back us" inside what the mayor said is the mayor's.  The
 * attributions are in the order of their cues, and one that holds
 * another lies near it: the search stops NEAR_ATT attributions away. */
#define NEAR_ATT 64
static uint32_t enclosing(const sw_doc *d, uint32_t i) {
  const sw_att *a = &VEC_AT(d->att, sw_att, i);
  uint32_t lo = i > NEAR_ATT ? i - NEAR_ATT : 0;
  uint32_t hi = d->att.n - i > NEAR_ATT ? i + NEAR_ATT : d->att.n;
  for (uint32_t j = lo; j < hi; j++)
    if (j != i && holds_cue(&VEC_AT(d->att, sw_att, j), a))
      return j;
  return SW_NONE;
}

/* Does the content of one of the eight attributions before i hold i's
 * cue? */
static bool nested_in_earlier(const sw_doc *d, uint32_t i) {
  const sw_att *a = &VEC_AT(d->att, sw_att, i);
  for (uint32_t j = i; j-- > 0 && i - j <= 8;)
    if (holds_cue(&VEC_AT(d->att, sw_att, j), a))
      return true;
  return false;
}

/* Is a's source the pronoun "I"?  It speaks for the one who said the
 * words around it (enclosing()). */
static bool first_person(const sw_doc *d, const sw_att *a) {
  const sw_token *t = &VEC_AT(d->tok, sw_token, a->src[0]);
  return a->src[1] == a->src[0] + 1 && t->end == t->start + 1 && d->text[t->start] == 'I';
}

sw_status sw_resolve_speakers(const sw_spklex *x, sw_doc *d) {
  d->ent.n = 0;
  d->mention.n = 0;
  d->smention.n = 0;
  name_index ix;
  memset(&ix, 0, sizeof ix);
  sw_status st = find_names(x, d, &ix);
  nix_free(&ix);
  if (st)
    return st;
  const sw_token *tok = d->tok.v;
  uint32_t prev = SW_NONE, prev_para = SW_NONE;
  for (uint32_t i = 0; i < d->att.n; i++) {
    sw_att *a = &VEC_AT(d->att, sw_att, i);
    a->speaker = SW_NONE;
    uint32_t s0 = a->src[0], s1 = a->src[1];
    uint32_t para = VEC_AT(d->sent, sw_sent, a->sent).para;
    if (s1 <= s0) {
      /* no source: a quotation that continues the chain before it; but
       * not a question, which someone else asked ("Asked “why now?”, …") */
      bool asked = false;
      for (uint32_t k = a->cue[0]; k < a->cue[1] && !asked; k++)
        asked = sw_tok_in(d, &tok[k], sw_ask_words);
      if (a->kind != SW_INDIRECT && !asked && prev != SW_NONE && prev_para != SW_NONE &&
          para <= prev_para + 1)
        a->speaker = prev;
    } else {
      /* "rural voters, who have long complained": the relative pronoun
       * speaks for the noun phrase before it */
      uint32_t m0 = s0, m1 = s1;
      /* "I" inside someone's words: theirs, found after the loop when
       * they are framed later (none if they are nobody); outside any,
       * the writer's, a description as before */
      uint32_t host = first_person(d, a) ? enclosing(d, i) : SW_NONE;
      if (host != SW_NONE && host > i)
        continue;
      if (host != SW_NONE && VEC_AT(d->att, sw_att, host).speaker != SW_NONE) {
        a->speaker = VEC_AT(d->att, sw_att, host).speaker;
        if (add_mention(&d->smention, d, m0, m1, a->speaker))
          return SW_ERR_NOMEM;
        goto counted;
      }
      if (s1 - s0 == 1)
        antecedent(x, d, &s0, &s1);
      /* a document speaks for whoever it is from: "a statement from the
       * company released late on Thursday" is the company, "data from
       * the London Metal Exchange" the exchange */
      uint32_t hd0 = s1 - s0 > 2 ? head_of(d, s0, s1) : s1;
      if (hd0 + 2 < s1 && sw_tok_in(d, &tok[hd0], doc_words) &&
          (tok_is(d, &tok[hd0 + 1], "from") || tok_is(d, &tok[hd0 + 1], "by")) &&
          tok[hd0 + 2].kind == TK_WORD) { /* not "a study from 2011" */
        /* to a participle, or a preposition after a lower-case word ("by
         * the organization in March"; not "the Department of Education") */
        static const char *const tail[] = {"in", "on", "at", "to", "for", "with", NULL};
        uint32_t k = hd0 + 3;
        while (k < s1 && !participle_at(d, k) &&
               !(sw_tok_in(d, &tok[k], tail) && !(tok[k - 1].flags & TF_CAP)))
          k++;
        s0 = hd0 + 2, s1 = k;
      }
      uint32_t e = name_in_span(x, d, s0, s1);
      bool app = e != SW_NONE && apposed(x, d, s0, s1, e);
      /* the description's title is the apposed name's ("The dissenting
       * judge, Paul Brandt"), when the name has none of its own */
      for (uint32_t k = s0; app && ent(d, e)->title < 0 && k < s1 && !is_comma(d, k); k++) {
        const sw_phrase *ti = sw_phrases_match(&x->titles, tok, k, s1);
        if (ti && k + ti->n < s1 && is_comma(d, k + ti->n)) {
          ent(d, e)->title = (int)ti->value;
          if (!ent(d, e)->gender)
            ent(d, e)->gender = x->ti[ti->value].gender;
        }
      }
      if (e != SW_NONE && !app) {
        /* "aides to Pruitt": the head is the description, not the name
         * (but not "Zarate, the former deputy adviser") */
        for (uint32_t k = s0; k < s1 && !(tok[k].flags & TF_CAP && k > s0) && !is_comma(d, k); k++)
          if (in_set(&x->set[S_ANON], (&tok[k])->hash) || in_set(&x->set[S_GROUP], (&tok[k])->hash)) {
            /* but one right before a name is its title, and the name
             * after it speaks ("Trump campaign spokeswoman Hope Hicks") */
            bool title = k + 1 < s1 && tok[k + 1].kind == TK_WORD && (tok[k + 1].flags & TF_CAP);
            for (uint32_t j = k + 1; j < s1 && title; j++) /* one name, not a list */
              title = !is_comma(d, j) && !tok_is(d, &tok[j], "and");
            e = title ? name_in_span(x, d, k + 1, s1) : SW_NONE;
            break;
          }
      }
      /* two people joined by "and" ("Donald Trump and Sen. Ted Cruz",
       * "Both Mr. King and Mr. Schultz") speak as a group of two */
      if (e != SW_NONE && ent(d, e)->type == SW_SPK_PERSON && two_people(d, s0, s1)) {
        if (new_desc_entity(d, s0, s1, SW_SPK_GROUP, &e))
          return SW_ERR_NOMEM;
        if (add_mention(&d->smention, d, m0, m1, e))
          return SW_ERR_NOMEM;
        a->speaker = e;
        goto counted;
      }
      const sw_token *h = &tok[s0];
      bool single = s1 - s0 == 1;
      if (e == SW_NONE && single && h->kind == TK_WORD) {
        if (in_set(&x->set[S_PRON_M], (h)->hash) || in_set(&x->set[S_PRON_F], (h)->hash)) {
          char g = in_set(&x->set[S_PRON_M], (h)->hash) ? 'm' : 'f';
          e = recent(d, s0, SW_SPK_PERSON, g, prev);
          if (e != SW_NONE && !ent(d, e)->gender)
            ent(d, e)->gender = g; /* evidence for later pronouns */
        } else if (in_set(&x->set[S_PRON_IT], (h)->hash)) {
          e = recent(d, s0, SW_SPK_ORGANIZATION, 0, prev);
        } else if (in_set(&x->set[S_PRON_PL], (h)->hash)) {
          e = recent(d, s0, SW_SPK_GROUP, 0, prev);
        }
      }
      /* a relative pronoun with no noun phrase before it ("those who
       * said") names nobody */
      static const char *const rel_pron[] = {"who", "whom", "whose", "which", "that", NULL};
      if (e == SW_NONE && !(single && (sw_is_pronoun(d->text + h->start, h->end - h->start) ||
                                       sw_tok_in(d, h, rel_pron)))) {
        /* a description: anonymous, a group, or a known entity; named
         * without the clause that follows it ("the minister, whose
         * country …") */
        static const char *const rel[] = {"who", "whose", "which", NULL};
        for (uint32_t k = s0 + 1; k + 1 < s1; k++)
          if (is_comma(d, k) && sw_tok_in(d, &tok[k + 1], rel)) {
            s1 = k;
            break;
          }
        /* "Some say", "Many argue": a quantifier alone is some people */
        static const char *const some[] = {"some", "many", "others", "most", "several",
                                           "few", "both", "all", NULL};
        bool part = single && sw_tok_in(d, h, some);
        /* "one", "someone", "nobody" alone: an unnamed person */
        static const char *const someone[] = {"one", "another", "someone", "somebody", "anyone",
                                              "anybody", "everyone", "everybody", "nobody",
                                              "each", NULL};
        /* a share of people: "58 percent of voters", "six in 10", "a
         * majority of Republicans" */
        static const char *const share[] = {"percent", "majority", "minority", "half", "third",
                                            "quarter", "two", "three", "four", "five", "six",
                                            "seven", "eight", "nine", "ten", "dozens",
                                            "hundreds", "thousands", "millions", NULL};
        uint32_t hd = head_of(d, s0, s1);
        bool anon = single && sw_tok_in(d, h, someone);
        bool group = plural_people(d, &tok[s1 - 1]) || plural_people(d, &tok[hd]) || part ||
                     tok[hd].kind == TK_NUM || sw_tok_in(d, &tok[hd], share);
        for (uint32_t k = s0; k < s1; k++) {
          anon |= in_set(&x->set[S_ANON], (&tok[k])->hash);
          group |= in_set(&x->set[S_GROUP], (&tok[k])->hash);
        }
        /* a person's title at the head wins over a group word before
         * it: "the city's police chief" is one person */
        if (group && !part && !plural_people(d, &tok[hd]) && person_head(x, d, s0, s1))
          group = false;
        /* a body's noun at the head wins over people before it: "the
         * nurses' union" is an organisation */
        if (group && !part && hd == s1 - 1 &&
            in_set(&x->set[S_ORG], tok[s1 - 1].hash) && !in_set(&x->set[S_GROUP], tok[s1 - 1].hash)) {
          group = false;
          for (uint32_t k = s0; k < s1 && !group; k++)
            group = tok_is(d, &tok[k], "and") || tok_is(d, &tok[k], "who");
        }
        int kind;
        if (!anon)
          e = describe(x, d, s0, s1, &kind);
        else
          kind = SW_SPK_ANONYMOUS;
        if (e == SW_NONE) {
          int type = anon ? SW_SPK_ANONYMOUS : group ? SW_SPK_GROUP : kind;
          if (new_desc_entity(d, s0, s1, type, &e))
            return SW_ERR_NOMEM;
          if (anon)
            one_of_them(x, d, s0, s1, ent(d, e));
          ent(d, e)->part = part;
          ent(d, e)->doc = sw_tok_in(d, &tok[hd], doc_words);
        }
      }
      if (e != SW_NONE) {
        a->speaker = e;
        if (add_mention(&d->smention, d, m0, m1, e))
          return SW_ERR_NOMEM;
      }
    }
  counted:
    if (a->speaker != SW_NONE) {
      ent(d, a->speaker)->nattr++;
      /* someone reported inside another's words ("Song said Clinton
       * had said the plan would fail") does not take the subject over:
       * "He said" after it is still Song */
      if (!nested_in_earlier(d, i)) {
        prev = a->speaker;
        prev_para = para;
      }
    }
  }
  for (uint32_t i = 0; i < d->att.n; i++) {
    sw_att *a = &VEC_AT(d->att, sw_att, i);
    if (a->src[1] <= a->src[0] || a->speaker != SW_NONE || !first_person(d, a))
      continue;
    uint32_t j = enclosing(d, i);
    uint32_t e = j != SW_NONE && j > i ? VEC_AT(d->att, sw_att, j).speaker : SW_NONE;
    if (e == SW_NONE)
      continue;
    a->speaker = e;
    ent(d, e)->nattr++;
    if (add_mention(&d->smention, d, a->src[0], a->src[1], e))
      return SW_ERR_NOMEM;
  }
  return SW_OK;
}
