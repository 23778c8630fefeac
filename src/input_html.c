/* Input reader for web pages: the article body and its metadata.
 *
 * libxml2's HTML parser (the one lxml, and so trafilatura and
 * readability-lxml, stand on) builds the tree, recovering from broken
 * markup.  Boilerplate goes first: scripts, navigation, headers and
 * footers, forms, figures and captions, and any element whose class or id
 * names a comment, share, related, newsletter or advertisement block.
 * Then readability's idea of text density picks the body: each paragraph
 * scores its parent and, half as much, its grandparent by its length and
 * commas, less the share of its text inside links; the best container
 * wins, and its paragraphs, headings, list items and quotations become the
 * text, one paragraph per block.  Title, author, date and publisher come
 * from meta tags, JSON-LD and <time> elements. */
#include "internal.h"
#include "write.h"
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <strings.h>

static bool name_is(const xmlNode *n, const char *s) {
  return n->type == XML_ELEMENT_NODE && n->name && !xmlStrcasecmp(n->name, (const xmlChar *)s);
}

static const char *attr(const xmlNode *n, const char *a) {
  for (xmlAttr *p = n->properties; p; p = p->next)
    if (p->name && !xmlStrcasecmp(p->name, (const xmlChar *)a) && p->children &&
        p->children->content)
      return (const char *)p->children->content;
  return NULL;
}

static bool contains_ci(const char *hay, const char *needle) {
  size_t n = strlen(needle);
  for (; hay && *hay; hay++) {
    size_t i = 0;
    while (i < n && hay[i] && (hay[i] | 32) == needle[i])
      i++;
    if (i == n)
      return true;
  }
  return false;
}

static const char *const drop_tags[] = {"script", "style", "noscript", "nav", "header", "footer",
                                        "aside", "form", "button", "iframe", "svg", "figure",
                                        "figcaption", "select", "template", "object", "embed",
                                        "menu", "dialog", NULL};
static const char *const drop_words[] = {"comment", "share", "sharing", "social", "related",
                                         "newsletter", "subscribe", "promo", "advert", "sponsor",
                                         "sidebar", "breadcrumb", "cookie", "caption", "footer",
                                         "header", "masthead", "nav", "menu", "popup", "modal",
                                         "outbrain", "taboola", "recirc", "most-read", "trending",
                                         "byline", "author-bio", "tags", "signup", NULL};

static bool boilerplate(const xmlNode *n) {
  for (int i = 0; drop_tags[i]; i++)
    if (name_is(n, drop_tags[i]))
      return true;
  const char *cls = attr(n, "class"), *id = attr(n, "id"), *role = attr(n, "role");
  if (role && (contains_ci(role, "navigation") || contains_ci(role, "banner") ||
               contains_ci(role, "complementary") || contains_ci(role, "contentinfo")))
    return true;
  if (attr(n, "hidden") || (attr(n, "aria-hidden") && !strcmp(attr(n, "aria-hidden"), "true")))
    return true;
  for (int i = 0; drop_words[i]; i++) {
    /* an article's own container may mention "header" in a compound
     * class (article-header): only whole words or prefixes count */
    if ((cls && contains_ci(cls, drop_words[i])) || (id && contains_ci(id, drop_words[i]))) {
      if (name_is(n, "article") || name_is(n, "main") || name_is(n, "body"))
        return false;
      return true;
    }
  }
  return false;
}

/* Text of a subtree, white space collapsed, appended to b. */
static void text_of(const xmlNode *n, sw_buf *b, size_t *links, bool in_link) {
  for (const xmlNode *c = n; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      const char *t = (const char *)c->content;
      for (; t && *t; t++) {
        bool sp = *t == ' ' || *t == '\n' || *t == '\t' || *t == '\r' || *t == '\f';
        if (sp) {
          if (b->len && b->data[b->len - 1] != ' ')
            sw_buf_put(b, " ", 1);
        } else {
          sw_buf_put(b, t, 1);
          if (in_link && links)
            (*links)++;
        }
      }
    } else if (c->type == XML_ELEMENT_NODE && !boilerplate(c)) {
      if (name_is(c, "br") && b->len && b->data[b->len - 1] != ' ')
        sw_buf_put(b, " ", 1);
      text_of(c->children, b, links, in_link || name_is(c, "a"));
    }
  }
}

static bool is_block(const xmlNode *n) {
  static const char *const blocks[] = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li",
                                       "blockquote", "pre", "dd", "dt", NULL};
  for (int i = 0; blocks[i]; i++)
    if (name_is(n, blocks[i]))
      return true;
  return false;
}

typedef struct {
  const xmlNode *node;
  double score;
} cand;

/* The score of a candidate container, made on first use.  The node keeps
 * its candidate's index + 1 in libxml2's _private field, so finding it
 * again costs nothing however many candidates the page has. */
static double *score_of(sw_vec *cs, const xmlNode *n) {
  xmlNode *m = (xmlNode *)n;
  if (m->_private)
    return &VEC_AT(*cs, cand, (uintptr_t)m->_private - 1).score;
  cand *c = sw_vec_push(cs, sizeof *c);
  if (!c)
    return NULL;
  c->node = n;
  m->_private = (void *)(uintptr_t)cs->n;
  const char *cls = attr(n, "class"), *id = attr(n, "id");
  double s = 0;
  if (name_is(n, "article") || name_is(n, "main"))
    s += 25;
  if ((cls && (contains_ci(cls, "article") || contains_ci(cls, "story") ||
               contains_ci(cls, "content") || contains_ci(cls, "body") ||
               contains_ci(cls, "entry") || contains_ci(cls, "post"))) ||
      (id && (contains_ci(id, "article") || contains_ci(id, "story") ||
              contains_ci(id, "content") || contains_ci(id, "body"))))
    s += 15;
  c->score = s;
  return &c->score;
}

/* Scores the parents of every paragraph under n. */
static bool score_tree(const xmlNode *n, sw_vec *cs, int depth) {
  for (const xmlNode *c = n; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || boilerplate(c))
      continue;
    if (name_is(c, "p") || name_is(c, "pre") || name_is(c, "blockquote") ||
        (name_is(c, "div") && c->children && !c->children->next &&
         c->children->type == XML_TEXT_NODE)) {
      sw_buf t = {0};
      size_t links = 0;
      text_of(c->children, &t, &links, false);
      size_t len = t.len;
      size_t commas = 0;
      for (size_t i = 0; i < t.len; i++)
        commas += t.data[i] == ',';
      sw_buf_free(&t);
      if (len >= 25) {
        double s = 1 + (double)commas + (double)(len < 300 ? len : 300) / 100.0;
        s *= 1.0 - (double)links / (double)len;
        if (c->parent) {
          double *p = score_of(cs, c->parent);
          if (!p)
            return false;
          *p += s;
          if (c->parent->parent) {
            double *g = score_of(cs, c->parent->parent);
            if (!g)
              return false;
            *g += s / 2;
          }
        }
      }
    }
    if (depth < 200 && !score_tree(c->children, cs, depth + 1))
      return false;
  }
  return true;
}

/* Writes the blocks under n, one paragraph each. */
static void emit_blocks(const xmlNode *n, sw_buf *out, int depth) {
  for (const xmlNode *c = n; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || boilerplate(c))
      continue;
    if (name_is(c, "h1"))
      continue; /* the headline is the title, not the body */
    if (is_block(c)) {
      sw_buf t = {0};
      size_t links = 0;
      text_of(c->children, &t, &links, false);
      size_t s = 0, e = t.len;
      while (s < e && t.data[s] == ' ')
        s++;
      while (e > s && t.data[e - 1] == ' ')
        e--;
      /* a block that is all links is navigation */
      if (e > s && !(links * 10 > (e - s) * 9 && e - s < 200)) {
        if (out->len)
          sw_buf_put(out, "\n\n", 2);
        sw_buf_put(out, t.data + s, e - s);
      }
      sw_buf_free(&t);
      continue;
    }
    if (depth < 200)
      emit_blocks(c->children, out, depth + 1);
  }
}

/* ---- metadata ---- */

static void set_once(sw_buf *b, const char *v) {
  if (b->len || !v)
    return;
  while (*v == ' ' || *v == '\n' || *v == '\t')
    v++;
  size_t n = strlen(v);
  while (n && (v[n - 1] == ' ' || v[n - 1] == '\n' || v[n - 1] == '\t'))
    n--;
  if (n) {
    sw_buf_put(b, v, n);
    sw_buf_put(b, "", 0);
  }
}

/* The string value of "key" in a JSON-LD text, searched without a full
 * parse: the first "key": "value", or "key": {... "name": "value"}. */
static void ld_value(const char *js, const char *key, sw_buf *out) {
  char pat[64];
  snprintf(pat, sizeof pat, "\"%s\"", key);
  const char *p = strstr(js, pat);
  while (p) {
    const char *q = p + strlen(pat);
    while (*q == ' ' || *q == '\n' || *q == '\t' || *q == '\r')
      q++;
    if (*q == ':') {
      q++;
      while (*q == ' ' || *q == '\n' || *q == '\t' || *q == '\r' || *q == '[')
        q++;
      if (*q == '{') {
        const char *nm = strstr(q, "\"name\"");
        const char *close = strchr(q, '}');
        if (nm && (!close || nm < close)) {
          q = nm + 6;
          if (strchr(q, ':'))
            q = strchr(q, ':') + 1;
        }
        while (*q == ' ' || *q == '\n' || *q == '\t')
          q++;
      }
      if (*q == '"') {
        sw_buf v = {0};
        for (q++; *q && *q != '"'; q++) {
          if (*q == '\\' && q[1])
            q++;
          sw_buf_put(&v, q, 1);
        }
        sw_buf_put(&v, "", 0);
        set_once(out, v.data);
        sw_buf_free(&v);
        return;
      }
    }
    p = strstr(p + 1, pat);
  }
}

static void find_meta(const xmlNode *n, sw_input_doc *doc, sw_buf *h1, int depth) {
  for (const xmlNode *c = n; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    if (name_is(c, "meta")) {
      const char *k = attr(c, "property");
      if (!k)
        k = attr(c, "name");
      if (!k)
        k = attr(c, "itemprop");
      const char *v = attr(c, "content");
      if (k && v) {
        if (!strcasecmp(k, "og:title") || !strcasecmp(k, "twitter:title") ||
            !strcasecmp(k, "headline"))
          set_once(&doc->title, v);
        else if (!strcasecmp(k, "author") || !strcasecmp(k, "article:author") ||
                 !strcasecmp(k, "byl") || !strcasecmp(k, "dc.creator") ||
                 !strcasecmp(k, "parsely-author"))
          set_once(&doc->author, !strncasecmp(v, "by ", 3) ? v + 3 : v);
        else if (!strcasecmp(k, "article:published_time") || !strcasecmp(k, "date") ||
                 !strcasecmp(k, "pubdate") || !strcasecmp(k, "publishdate") ||
                 !strcasecmp(k, "dc.date") || !strcasecmp(k, "datepublished") ||
                 !strcasecmp(k, "og:published_time") || !strcasecmp(k, "parsely-pub-date"))
          set_once(&doc->date, v);
        else if (!strcasecmp(k, "og:site_name") || !strcasecmp(k, "publisher") ||
                 !strcasecmp(k, "application-name"))
          set_once(&doc->publisher, v);
        else if (!strcasecmp(k, "og:url"))
          set_once(&doc->url, v);
      }
    } else if (name_is(c, "script") && attr(c, "type") &&
               contains_ci(attr(c, "type"), "ld+json") && c->children && c->children->content) {
      const char *js = (const char *)c->children->content;
      ld_value(js, "headline", &doc->title);
      ld_value(js, "author", &doc->author);
      ld_value(js, "datePublished", &doc->date);
      ld_value(js, "publisher", &doc->publisher);
    } else if (name_is(c, "time") && attr(c, "datetime")) {
      set_once(&doc->date, attr(c, "datetime"));
    } else if (name_is(c, "title") && c->children && c->children->content) {
      set_once(&doc->title, (const char *)c->children->content);
    } else if (name_is(c, "h1") && !h1->len) {
      text_of(c->children, h1, NULL, false);
      sw_buf_put(h1, "", 0);
    } else if (!doc->date.len && attr(c, "class") &&
               (contains_ci(attr(c, "class"), "date") || contains_ci(attr(c, "class"), "publish") ||
                contains_ci(attr(c, "class"), "timestamp"))) {
      /* a date written out: "October 30, 2025" */
      sw_buf t = {0};
      text_of(c->children, &t, NULL, false);
      sw_buf_put(&t, "", 0);
      char iso[64];
      if (t.len < 60) {
        sw_iso_date(t.data, iso, sizeof iso);
        if (iso[0] >= '1' && iso[0] <= '2' && iso[4] == '-')
          set_once(&doc->date, iso);
      }
      sw_buf_free(&t);
    } else if ((attr(c, "rel") && !strcasecmp(attr(c, "rel"), "author")) ||
               (attr(c, "class") && (contains_ci(attr(c, "class"), "byline") ||
                                     contains_ci(attr(c, "class"), "author-name")))) {
      if (!doc->author.len) {
        sw_buf t = {0};
        text_of(c->children, &t, NULL, false);
        sw_buf_put(&t, "", 0);
        const char *v = t.data ? t.data : "";
        while (*v == ' ')
          v++;
        if (!strncasecmp(v, "by ", 3))
          v += 3;
        if (strlen(v) < 80)
          set_once(&doc->author, v);
        sw_buf_free(&t);
      }
    }
    if (depth < 200)
      find_meta(c->children, doc, h1, depth + 1);
  }
}

sw_status sw_html_read(const char *html, size_t n, sw_input_doc *doc, sw_error *err) {
  if (err)
    memset(err, 0, sizeof *err);
  sw_buf *all[] = {&doc->text, &doc->title, &doc->author, &doc->date, &doc->publisher, &doc->url};
  for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
    all[i]->len = 0;
    sw_buf_put(all[i], "", 0);
  }
  doc->has_text = 0;
  if (n > (size_t)INT32_MAX) {
    sw_seterr(err, SW_ERR_TOOBIG, 0, "page of %zu bytes is too large", n);
    return SW_ERR_TOOBIG;
  }
  /* the declared charset, else UTF-8 (libxml2 would assume Latin-1) */
  char cs[32] = "UTF-8";
  size_t scan = n < 4096 ? n : 4096;
  for (size_t i = 0; i + 8 < scan; i++)
    if (!strncasecmp(html + i, "charset=", 8)) {
      size_t j = i + 8, k = 0;
      if (j < scan && (html[j] == '"' || html[j] == '\''))
        j++;
      while (j < scan && k + 1 < sizeof cs &&
             (((html[j] | 32) >= 'a' && (html[j] | 32) <= 'z') || (html[j] >= '0' && html[j] <= '9') ||
              html[j] == '-' || html[j] == '_'))
        cs[k++] = html[j++];
      if (k)
        cs[k] = 0;
      break;
    }
  htmlDocPtr h = htmlReadMemory(html, (int)n, NULL, cs,
                                HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                    HTML_PARSE_NONET | HTML_PARSE_COMPACT);
  if (!h) {
    sw_seterr(err, SW_ERR_INPUT, 0, "not an HTML page");
    return SW_ERR_INPUT;
  }
  xmlNode *root = xmlDocGetRootElement(h);
  if (!root) {
    xmlFreeDoc(h);
    sw_seterr(err, SW_ERR_INPUT, 0, "an HTML page with no elements");
    return SW_ERR_INPUT;
  }
  sw_buf h1 = {0};
  find_meta(root, doc, &h1, 0);
  if (h1.len > 1) {
    /* the page's own headline beats a <title> with the site name in it */
    doc->title.len = 0;
    sw_buf_put(&doc->title, "", 0);
    set_once(&doc->title, h1.data);
  }
  sw_buf_free(&h1);
  if (doc->date.len) {
    char iso[64];
    sw_iso_date(doc->date.data, iso, sizeof iso);
    doc->date.len = 0;
    sw_buf_put(&doc->date, iso, strlen(iso));
    sw_buf_put(&doc->date, "", 0);
  }
  sw_vec cl = {0};
  if (!score_tree(root, &cl, 0)) {
    free(cl.v);
    xmlFreeDoc(h);
    return SW_ERR_NOMEM;
  }
  const xmlNode *best = NULL;
  double bs = 0;
  for (uint32_t i = 0; i < cl.n; i++)
    if (VEC_AT(cl, cand, i).score > bs) {
      best = VEC_AT(cl, cand, i).node;
      bs = VEC_AT(cl, cand, i).score;
    }
  free(cl.v);
  doc->text.len = 0;
  emit_blocks(best ? best->children : root, &doc->text, 0);
  sw_buf_put(&doc->text, "", 0);
  doc->has_text = 1;
  xmlFreeDoc(h);
  for (size_t i = 0; i < sizeof all / sizeof *all; i++)
    if (all[i]->failed)
      return SW_ERR_NOMEM;
  return SW_OK;
}
