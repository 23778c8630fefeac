/* The HTML writer: one self-contained page, no script and no external
 * asset, with the article text and every attribution highlighted: one
 * colour per speaker, the role shown by the style of the mark (source
 * underlined, cue boxed, content shaded) and by its label, and a badge for
 * the certainty.  A side panel lists the speakers; following a speaker's
 * link (the URL fragment, so it works without JavaScript) brings out that
 * speaker's claims.  All article text is escaped. */
#include "internal.h"
#include "write.h"
#include <stdio.h>

/* Background colours light enough for black text at a contrast above 7:1,
 * and distinct from one another. */
static const char *const palette[] = {"#ffd8a8", "#b2f2bb", "#a5d8ff", "#fcc2d7", "#ffec99",
                                      "#d0bfff", "#99e9f2", "#ffc9c9", "#c0eb75", "#eebefa",
                                      "#bac8ff", "#96f2d7"};
#define NPAL (sizeof palette / sizeof *palette)

void sw_buf_html_text(sw_buf *b, const char *s, size_t n) {
  size_t run = 0, i = 0;
  for (; i < n; i++) {
    const char *rep = NULL;
    switch (s[i]) {
    case '&': rep = "&amp;"; break;
    case '<': rep = "&lt;"; break;
    case '>': rep = "&gt;"; break;
    case '"': rep = "&quot;"; break;
    case '\'': rep = "&#39;"; break;
    case '\0': rep = "\xEF\xBF\xBD"; break;
    }
    if (!rep) {
      run++;
      continue;
    }
    sw_buf_put(b, s + i - run, run);
    run = 0;
    sw_buf_puts(b, rep);
  }
  sw_buf_put(b, s + i - run, run);
}

/* Escapes and replaces invalid UTF-8 with U+FFFD, so the page is valid. */
static void text_out(sw_buf *b, const char *s, size_t n) {
  sw_buf_html(b, s, n);
}

void sw_buf_html(sw_buf *b, const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && (unsigned char)s[j] < 0x80)
      j++;
    sw_buf_html_text(b, s + i, j - i);
    if (j >= n)
      break;
    int32_t cp;
    bool bad = false;
    int l = sw_utf8_next((const unsigned char *)s + j, n - j, &cp, &bad);
    if (bad)
      sw_buf_puts(b, "\xEF\xBF\xBD");
    else
      sw_buf_put(b, s + j, (size_t)l);
    i = j + (size_t)l;
  }
}

static const char css[] =
    "body{font:17px/1.6 Georgia,serif;margin:0;color:#111;background:#fff}"
    "header{padding:1em 2em;border-bottom:1px solid #ccc}"
    "header h1{font:bold 1.3em system-ui,sans-serif;margin:0}"
    ".wrap{display:flex;gap:2em;padding:1em 2em}"
    "main{flex:3;max-width:46em}aside{flex:1;min-width:14em;font:15px/1.5 system-ui,sans-serif}"
    "aside ul{list-style:none;padding:0}aside li{margin:.3em 0}"
    "aside a{color:#111;text-decoration:none;display:block;padding:.2em .4em;border-radius:4px}"
    "aside a:focus,aside a:hover{outline:2px solid #111}"
    ".sw{display:inline-block;width:1em;height:1em;border:1px solid #333;vertical-align:-.15em;"
    "margin-right:.4em}"
    "mark{color:#111;padding:0 .05em;border-radius:2px;position:relative}"
    "mark.content{}"
    "mark.source{text-decoration:underline 2px;text-underline-offset:3px;font-weight:bold}"
    "mark.cue{outline:2px solid #333;font-style:italic}"
    "mark:focus{outline:3px solid #000}"
    "mark:hover::after,mark:focus::after{content:attr(data-tip);position:absolute;left:0;top:1.6em;"
    "z-index:2;background:#111;color:#fff;font:13px/1.4 system-ui,sans-serif;padding:.3em .5em;"
    "border-radius:4px;white-space:pre;pointer-events:none}"
    ".badge{font:bold 11px system-ui,sans-serif;border-radius:3px;padding:0 .3em;margin-left:.2em;"
    "border:1px solid #333;vertical-align:.15em;background:#fff;color:#111}"
    ".c-certain{background:#111;color:#fff}.c-probable{background:#555;color:#fff}"
    ".c-possible{border-style:dashed}.c-doubtful{text-decoration:line-through}"
    ".c-unmarked{display:none}"
    "table{border-collapse:collapse;font:14px/1.4 system-ui,sans-serif;margin-top:2em;width:100%}"
    "td,th{border-bottom:1px solid #ddd;padding:.3em;text-align:left;vertical-align:top}"
    ".sr{position:absolute;left:-9999px}"
    ".spot:target{display:block}";

/* Which attribution and role colours each byte; chosen per segment. */
typedef struct {
  size_t pos;
  int open; /* 1 start, 0 end */
  size_t att;
  int role; /* 0 content, 1 source, 2 cue */
} edge;

static int cmp_edge(const void *a, const void *b) {
  const edge *x = a, *y = b;
  if (x->pos != y->pos)
    return x->pos < y->pos ? -1 : 1;
  return x->open - y->open; /* ends before starts */
}

static const char *role_name(int r) { return r == 2 ? "cue" : r == 1 ? "source" : "content"; }

static void tip(sw_buf *b, const sw_result *r, const sw_attribution *a, int role,
                const char *text, size_t len) {
  const sw_speaker *s = a->speaker == SW_NO_SPEAKER ? NULL : sw_result_speaker(r, a->speaker);
  sw_buf t = {0};
  sw_buf_puts(&t, role_name(role));
  sw_buf_puts(&t, " of a ");
  sw_buf_puts(&t, a->kind == SW_DIRECT ? "quotation" : a->kind == SW_MIXED ? "partly quoted claim"
                                                                          : "reported claim");
  sw_buf_puts(&t, "\nspeaker: ");
  if (s) {
    size_t e = s->name.end < len ? s->name.end : len;
    sw_buf_put(&t, text + s->name.start, e > s->name.start ? e - s->name.start : 0);
    if (s->title) {
      sw_buf_puts(&t, ", ");
      sw_buf_puts(&t, s->title);
    }
  } else {
    sw_buf_puts(&t, "unknown");
  }
  sw_buf_puts(&t, "\ncertainty: ");
  sw_buf_puts(&t, sw_certainty_level_str(a->certainty.level));
  if (t.data)
    text_out(b, t.data, t.len);
  sw_buf_free(&t);
}

sw_status sw_render_html(const sw_result *r, const sw_doc_info *info, const char *text, size_t len,
                         sw_buf *b) {
  size_t na = sw_result_count(r), ns = sw_result_speaker_count(r), ne = 0;
  for (size_t i = 0; i < na; i++) {
    const sw_attribution *a = sw_result_get(r, i);
    ne += 2 * (a->source.n + a->cue.n + a->content.n);
  }
  edge *ed = malloc((ne ? ne : 1) * sizeof *ed);
  size_t *active = calloc(na ? na : 1, sizeof *active); /* per attribution, roles open bitmask */
  size_t *olist = malloc((na ? na : 1) * sizeof *olist);   /* attributions open here */
  size_t nopen = 0;
  if (!ed || !active || !olist) {
    free(ed);
    free(active);
    free(olist);
    return SW_ERR_NOMEM;
  }
  size_t k = 0;
  for (size_t i = 0; i < na; i++) {
    const sw_attribution *a = sw_result_get(r, i);
    const sw_role *roles[3] = {&a->content, &a->source, &a->cue};
    for (int ro = 0; ro < 3; ro++)
      for (size_t s = 0; s < roles[ro]->n; s++) {
        size_t st = roles[ro]->spans[s].start, en = roles[ro]->spans[s].end;
        if (en > len)
          en = len;
        if (st >= en)
          continue;
        ed[k++] = (edge){st, 1, i, ro};
        ed[k++] = (edge){en, 0, i, ro};
      }
  }
  qsort(ed, k, sizeof *ed, cmp_edge);
  const char *title = info && info->title && info->title[0] ? info->title : NULL;
  const char *id = info && info->id ? info->id : "document";
  sw_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                 "<meta name=\"viewport\" content=\"width=device-width\"><title>");
  text_out(b, title ? title : id, strlen(title ? title : id));
  sw_buf_puts(b, " \xE2\x80\x94 saywho</title><style>");
  sw_buf_puts(b, css);
  for (size_t s = 0; s < ns; s++) {
    sw_buf_printf(b, ".spk-%zu{background:%s}", s, palette[s % NPAL]);
    /* a speaker's link fragment brings out its claims and fades others */
    sw_buf_printf(b, "#s%zu:target~.wrap mark:not(.spk-%zu){background:#f1f3f5;opacity:.55}"
                     "#s%zu:target~.wrap mark.spk-%zu{box-shadow:0 0 0 2px #111}",
                  s, s, s, s);
  }
  sw_buf_puts(b, "</style></head><body>\n");
  for (size_t s = 0; s < ns; s++)
    sw_buf_printf(b, "<span id=\"s%zu\" class=\"spot\"></span>", s);
  sw_buf_puts(b, "<header><h1>");
  text_out(b, title ? title : id, strlen(title ? title : id));
  sw_buf_printf(b, "</h1><p>%zu attribution%s, %zu speaker%s. Highlights: "
                   "<mark class=\"source\">source</mark> "
                   "<mark class=\"cue\">cue</mark> <mark class=\"content\">content</mark>; "
                   "hover or focus one for details.</p></header>\n<div class=\"wrap\"><main>\n<p>",
                na, na == 1 ? "" : "s", ns, ns == 1 ? "" : "s");
  /* the text, segment by segment between span edges */
  size_t pos = 0, e = 0, open = 0;
  size_t nl = 0;
  while (pos < len) {
    while (e < k && ed[e].pos == pos) {
      size_t bit = (size_t)1 << ed[e].role;
      if (ed[e].open) {
        if (!active[ed[e].att]) {
          open++;
          olist[nopen++] = ed[e].att;
        }
        active[ed[e].att] |= bit;
      } else if (active[ed[e].att] & bit) {
        active[ed[e].att] &= ~bit;
        if (!active[ed[e].att]) {
          open--;
          for (size_t q = 0; q < nopen; q++)
            if (olist[q] == ed[e].att) {
              olist[q] = olist[--nopen];
              break;
            }
        }
      }
      e++;
    }
    size_t next = e < k ? ed[e].pos : len;
    /* paragraphs: a blank line closes one */
    size_t seg_end = next;
    const char *nlp = memchr(text + pos, '\n', seg_end - pos);
    if (nlp)
      seg_end = (size_t)(nlp - text);
    if (seg_end == pos) {
      nl++;
      if (nl == 1 && !open)
        sw_buf_puts(b, "</p>\n<p>");
      else if (nl == 1)
        sw_buf_puts(b, "<br>");
      pos++;
      continue;
    }
    nl = 0;
    if (!open) {
      text_out(b, text + pos, seg_end - pos);
    } else {
      /* the innermost attribution here: the one whose role ranks highest
       * (cue, then source, then content), the latest opened on a tie */
      size_t best = SW_NONE;
      int brole = -1;
      for (size_t q = 0; q < nopen; q++) {
        size_t i = olist[q];
        for (int ro = 2; ro >= 0; ro--)
          if ((active[i] >> ro) & 1) {
            if (ro > brole || (ro == brole && i > best)) {
              best = i;
              brole = ro;
            }
            break;
          }
      }
      const sw_attribution *a = sw_result_get(r, best);
      sw_buf_printf(b, "<mark tabindex=\"0\" class=\"%s", role_name(brole));
      if (a->speaker != SW_NO_SPEAKER)
        sw_buf_printf(b, " spk-%zu", a->speaker);
      sw_buf_printf(b, "\" data-att=\"%zu\" data-role=\"%s\" data-tip=\"", best, role_name(brole));
      tip(b, r, a, brole, text, len);
      sw_buf_puts(b, "\" title=\"");
      tip(b, r, a, brole, text, len);
      sw_buf_puts(b, "\">");
      text_out(b, text + pos, seg_end - pos);
      sw_buf_puts(b, "</mark>");
      if (brole == 2 && e < k && ed[e].pos == next && next == seg_end) {
        /* the badge goes after the last piece of the cue */
        bool cue_ends = false;
        for (size_t q = e; q < k && ed[q].pos == next; q++)
          cue_ends |= !ed[q].open && ed[q].att == best && ed[q].role == 2;
        if (cue_ends)
          sw_buf_printf(b, "<span class=\"badge c-%s\" role=\"note\" aria-label=\"certainty: %s\">%s</span>",
                        sw_certainty_level_str(a->certainty.level),
                        sw_certainty_level_str(a->certainty.level),
                        sw_certainty_level_str(a->certainty.level));
      }
    }
    pos = seg_end;
  }
  sw_buf_puts(b, "</p>\n");
  /* every attribution as a row: readable without colours or hovering */
  sw_buf_puts(b, "<table><caption class=\"sr\">Attributions</caption><thead><tr><th>#</th>"
                 "<th>speaker</th><th>cue</th><th>content</th><th>kind</th><th>certainty</th>"
                 "</tr></thead><tbody>\n");
  for (size_t i = 0; i < na; i++) {
    const sw_attribution *a = sw_result_get(r, i);
    const sw_speaker *s = a->speaker == SW_NO_SPEAKER ? NULL : sw_result_speaker(r, a->speaker);
    sw_buf_printf(b, "<tr data-att=\"%zu\"><td>%zu</td><td>", i, i + 1);
    if (s) {
      sw_buf_printf(b, "<span class=\"sw spk-%zu\" aria-hidden=\"true\"></span>", a->speaker);
      size_t en = s->name.end < len ? s->name.end : len;
      text_out(b, text + s->name.start, en > s->name.start ? en - s->name.start : 0);
    } else {
      sw_buf_puts(b, "\xE2\x80\x94");
    }
    sw_buf_puts(b, "</td><td>");
    for (size_t q = 0; q < a->cue.n; q++) {
      size_t st = a->cue.spans[q].start, en = a->cue.spans[q].end < len ? a->cue.spans[q].end : len;
      text_out(b, text + st, en > st ? en - st : 0);
    }
    sw_buf_puts(b, "</td><td>");
    for (size_t q = 0; q < a->content.n; q++) {
      size_t st = a->content.spans[q].start,
             en = a->content.spans[q].end < len ? a->content.spans[q].end : len;
      if (q)
        sw_buf_puts(b, " \xE2\x80\xA6 ");
      text_out(b, text + st, en > st ? en - st : 0);
    }
    sw_buf_printf(b, "</td><td>%s</td><td>%s</td></tr>\n",
                  a->kind == SW_DIRECT ? "direct" : a->kind == SW_MIXED ? "mixed" : "indirect",
                  sw_certainty_level_str(a->certainty.level));
  }
  sw_buf_puts(b, "</tbody></table></main>\n<aside aria-label=\"Speakers\"><h2>Speakers</h2><ul>\n");
  for (size_t s = 0; s < ns; s++) {
    const sw_speaker *sp = sw_result_speaker(r, s);
    sw_buf_printf(b, "<li><a href=\"#s%zu\" class=\"speaker\" data-spk=\"%zu\"><span class=\"sw spk-%zu\" "
                     "aria-hidden=\"true\"></span>",
                  s, s, s);
    size_t en = sp->name.end < len ? sp->name.end : len;
    text_out(b, text + sp->name.start, en > sp->name.start ? en - sp->name.start : 0);
    if (sp->title) {
      sw_buf_puts(b, ", ");
      text_out(b, sp->title, strlen(sp->title));
    }
    if (sp->affiliation) {
      sw_buf_puts(b, " (");
      text_out(b, sp->affiliation, strlen(sp->affiliation));
      sw_buf_puts(b, ")");
    }
    sw_buf_printf(b, " \xE2\x80\x94 %zu claim%s</a></li>\n", sp->attributions,
                  sp->attributions == 1 ? "" : "s");
  }
  sw_buf_puts(b, "</ul><p><a href=\"#\">show all</a></p></aside></div></body></html>\n");
  free(ed);
  free(active);
  free(olist);
  return b->failed ? SW_ERR_NOMEM : SW_OK;
}
