/* Input reader for WARC/1.0 and 1.1 archives, plain or gzip-compressed
 * record by record, read as a stream: only the record at hand is held.
 * Response records holding HTML become documents (through
 * sw_html_read); every other record is skipped with a reason.  A corrupt
 * record header or a truncated gzip member is an error for that record,
 * and reading goes on at the next record. */
#include "internal.h"
#include "write.h"
#include <stdio.h>
#include <strings.h>
#include <zlib.h>

#define MAX_RECORD (64u << 20)
#define CHUNK (1u << 16)

struct sw_warc {
  size_t (*read)(void *ctx, char *buf, size_t n);
  void *ctx;
  bool gz, eof, zdone, ztried;
  z_stream z;
  unsigned char in[CHUNK];
  size_t in_len, in_pos;
  sw_buf buf;      /* decompressed bytes not yet consumed */
  size_t pos;      /* consumed prefix of buf */
  size_t consumed; /* bytes of the (decompressed) stream before buf */
  size_t record;   /* records seen */
  bool sniffed;
};

sw_warc *sw_warc_new(size_t (*read)(void *ctx, char *buf, size_t n), void *ctx) {
  sw_warc *w = calloc(1, sizeof *w);
  if (!w)
    return NULL;
  w->read = read;
  w->ctx = ctx;
  return w;
}

void sw_warc_free(sw_warc *w) {
  if (!w)
    return;
  if (w->ztried)
    inflateEnd(&w->z);
  sw_buf_free(&w->buf);
  free(w);
}

/* Refills the raw input. */
static bool raw_fill(sw_warc *w) {
  if (w->in_pos < w->in_len)
    return true;
  if (w->eof)
    return false;
  w->in_len = w->read(w->ctx, (char *)w->in, CHUNK);
  w->in_pos = 0;
  if (!w->in_len)
    w->eof = true;
  return w->in_len > 0;
}

/* Appends more decompressed bytes to buf; false at the end of input.
 * *bad is set when a gzip member is corrupt or truncated. */
static bool more(sw_warc *w, bool *bad) {
  if (!w->sniffed) {
    if (!raw_fill(w))
      return false;
    w->sniffed = true;
    w->gz = w->in_len >= 2 && w->in[0] == 0x1f && w->in[1] == 0x8b;
    if (w->gz) {
      memset(&w->z, 0, sizeof w->z);
      if (inflateInit2(&w->z, 16 + MAX_WBITS) != Z_OK)
        return false;
      w->ztried = true;
    }
  }
  if (!w->gz) {
    if (!raw_fill(w))
      return false;
    sw_buf_put(&w->buf, (char *)w->in + w->in_pos, w->in_len - w->in_pos);
    w->in_pos = w->in_len;
    return !w->buf.failed;
  }
  unsigned char out[CHUNK];
  for (;;) {
    if (!raw_fill(w)) {
      if (w->z.total_in && !w->zdone) {
        *bad = true; /* the stream ended inside a member: say so once */
        w->zdone = true;
        w->z.total_in = 0;
      }
      return false;
    }
    w->z.next_in = w->in + w->in_pos;
    w->z.avail_in = (uInt)(w->in_len - w->in_pos);
    w->z.next_out = out;
    w->z.avail_out = sizeof out;
    int rc = inflate(&w->z, Z_NO_FLUSH);
    w->in_pos = w->in_len - w->z.avail_in;
    size_t got = sizeof out - w->z.avail_out;
    if (got) {
      w->zdone = false;
      sw_buf_put(&w->buf, (char *)out, got);
    }
    if (rc == Z_STREAM_END) {
      /* one member per record: the next one starts fresh */
      inflateReset(&w->z);
      w->zdone = true;
      w->z.total_in = 0;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      /* corrupt: find the next member's magic and go on from there */
      *bad = true;
      inflateReset(&w->z);
      w->z.total_in = 0;
      while (raw_fill(w)) {
        unsigned char *p = memchr(w->in + w->in_pos, 0x1f, w->in_len - w->in_pos);
        if (!p) {
          w->in_pos = w->in_len;
          continue;
        }
        w->in_pos = (size_t)(p - w->in);
        if (w->in_pos + 1 < w->in_len && w->in[w->in_pos + 1] == 0x8b)
          break;
        w->in_pos++;
      }
      return true;
    }
    if (got)
      return !w->buf.failed;
  }
}

static void drop_consumed(sw_warc *w) {
  if (!w->buf.data)
    return;
  if (w->pos > (1u << 20) || w->pos == w->buf.len) {
    memmove(w->buf.data, w->buf.data + w->pos, w->buf.len - w->pos);
    w->buf.len -= w->pos;
    w->consumed += w->pos;
    w->pos = 0;
  }
}

/* Finds "\r\n\r\n" (or "\n\n") in s[0..n); returns the header length and
 * the separator length in *sep, or 0. */
static size_t header_end(const char *s, size_t n, size_t *sep) {
  for (size_t i = 0; i + 1 < n; i++) {
    if (s[i] == '\n' && s[i + 1] == '\n') {
      *sep = 2;
      return i;
    }
    if (i + 3 < n && s[i] == '\r' && s[i + 1] == '\n' && s[i + 2] == '\r' && s[i + 3] == '\n') {
      *sep = 4;
      return i;
    }
  }
  return 0;
}

/* Value of a header field in h[0..n), copied into out (cap bytes). */
static bool field(const char *h, size_t n, const char *name, char *out, size_t cap) {
  size_t k = strlen(name);
  for (size_t i = 0; i < n;) {
    size_t e = i;
    while (e < n && h[e] != '\n')
      e++;
    if (e - i > k && !strncasecmp(h + i, name, k) && h[i + k] == ':') {
      size_t s = i + k + 1;
      while (s < e && (h[s] == ' ' || h[s] == '\t'))
        s++;
      size_t t = e;
      while (t > s && (h[t - 1] == '\r' || h[t - 1] == ' '))
        t--;
      size_t len = t - s < cap - 1 ? t - s : cap - 1;
      memcpy(out, h + s, len);
      out[len] = 0;
      return true;
    }
    i = e + 1;
  }
  return false;
}

/* Is the extracted text English?  The share of very common English words
 * among its first few hundred words. */
static bool looks_english(const char *t, size_t n) {
  static const char *const common[] = {"the", "of", "and", "to", "a", "in", "is", "that", "for",
                                       "it", "was", "on", "with", "he", "as", "said", "by", "at",
                                       "his", "be", "this", "are", "from", "have", "has", NULL};
  size_t words = 0, hits = 0;
  for (size_t i = 0; i < n && words < 400;) {
    while (i < n && !((t[i] | 32) >= 'a' && (t[i] | 32) <= 'z') && (unsigned char)t[i] < 0x80)
      i++;
    size_t s = i;
    while (i < n && (((t[i] | 32) >= 'a' && (t[i] | 32) <= 'z') || (unsigned char)t[i] >= 0x80))
      i++;
    if (i == s) {
      i++;
      continue;
    }
    words++;
    for (int k = 0; common[k]; k++)
      if (strlen(common[k]) == i - s && !strncasecmp(t + s, common[k], i - s)) {
        hits++;
        break;
      }
  }
  return words < 30 || hits * 100 >= words * 12;
}

sw_warc_event sw_warc_next(sw_warc *w, sw_input_doc *doc, char *why, size_t whylen,
                           sw_error *err) {
  if (err)
    memset(err, 0, sizeof *err);
  why[0] = 0;
  bool bad = false;
  /* the start of a record: skip blank lines between records */
  for (;;) {
    while (w->pos < w->buf.len && (w->buf.data[w->pos] == '\r' || w->buf.data[w->pos] == '\n'))
      w->pos++;
    if (w->buf.len - w->pos >= 8)
      break;
    drop_consumed(w);
    if (!more(w, &bad)) {
      if (w->buf.len - w->pos == 0)
        return bad ? (sw_seterr(err, SW_ERR_INPUT, w->consumed, "truncated gzip data at the end"),
                      w->buf.len = w->pos = 0, SW_WARC_ERROR)
                   : SW_WARC_END;
      break;
    }
  }
  size_t at = w->consumed + w->pos;
  w->record++;
  if (w->buf.len - w->pos < 8 || memcmp(w->buf.data + w->pos, "WARC/1.", 7) != 0) {
    /* resynchronise at the next "WARC/1." that opens a line */
    size_t i = w->pos + 1;
    for (;;) {
      for (; i + 7 <= w->buf.len; i++)
        if (w->buf.data[i - 1] == '\n' && !memcmp(w->buf.data + i, "WARC/1.", 7))
          break;
      if (i + 7 <= w->buf.len)
        break;
      if (!more(w, &bad)) {
        i = w->buf.len;
        break;
      }
    }
    w->pos = i;
    sw_seterr(err, SW_ERR_INPUT, at, "record %zu: corrupt WARC header at byte %zu", w->record, at);
    return SW_WARC_ERROR;
  }
  size_t hlen, sep = 0;
  while (!(hlen = header_end(w->buf.data + w->pos, w->buf.len - w->pos, &sep))) {
    if (w->buf.len - w->pos > (1u << 20) || !more(w, &bad)) {
      sw_seterr(err, SW_ERR_INPUT, at, "record %zu: truncated WARC header at byte %zu", w->record,
                at);
      w->pos = w->buf.len;
      return SW_WARC_ERROR;
    }
  }
  const char *h = w->buf.data + w->pos;
  char type[64] = "", clen[32] = "", uri[2048] = "", rid[256] = "", ctype[256] = "";
  field(h, hlen, "WARC-Type", type, sizeof type);
  field(h, hlen, "WARC-Target-URI", uri, sizeof uri);
  field(h, hlen, "WARC-Record-ID", rid, sizeof rid);
  field(h, hlen, "Content-Type", ctype, sizeof ctype);
  char *end;
  unsigned long long len = field(h, hlen, "Content-Length", clen, sizeof clen)
                               ? strtoull(clen, &end, 10)
                               : 0;
  if (!clen[0] || *end) {
    w->pos += hlen + sep;
    sw_seterr(err, SW_ERR_INPUT, at, "record %zu: no valid Content-Length at byte %zu", w->record,
              at);
    return SW_WARC_ERROR;
  }
  w->pos += hlen + sep;
  if (len > MAX_RECORD) {
    /* too large to hold: skip its bytes as they come */
    unsigned long long left = len;
    while (left) {
      size_t have = w->buf.len - w->pos;
      size_t take = have < left ? have : (size_t)left;
      w->pos += take;
      left -= take;
      drop_consumed(w);
      if (left && !more(w, &bad))
        break;
    }
    snprintf(why, whylen, "record %zu (%s): larger than %u MB", w->record, uri[0] ? uri : type,
             MAX_RECORD >> 20);
    return SW_WARC_SKIP;
  }
  while (w->buf.len - w->pos < len) {
    if (!more(w, &bad)) {
      sw_seterr(err, SW_ERR_INPUT, at, "record %zu: truncated block (%zu of %llu bytes)", w->record,
                w->buf.len - w->pos, len);
      w->pos = w->buf.len;
      return SW_WARC_ERROR;
    }
    h = NULL;
  }
  const char *body = w->buf.data + w->pos;
  size_t blen = (size_t)len;
  w->pos += blen;
  const char *name = uri[0] ? uri : rid;
  if (strcasecmp(type, "response") != 0) {
    snprintf(why, whylen, "record %zu (%s): a %s record", w->record, name, type[0] ? type : "typeless");
    return SW_WARC_SKIP;
  }
  if (!strstr(ctype, "application/http")) {
    snprintf(why, whylen, "record %zu (%s): not an HTTP response (%s)", w->record, name, ctype);
    return SW_WARC_SKIP;
  }
  size_t hh, hsep = 0;
  if (!(hh = header_end(body, blen, &hsep))) {
    sw_seterr(err, SW_ERR_INPUT, at, "record %zu (%s): no end to the HTTP headers", w->record, name);
    return SW_WARC_ERROR;
  }
  char hct[256] = "", lang[64] = "", enc[64] = "";
  field(body, hh, "Content-Type", hct, sizeof hct);
  field(body, hh, "Content-Language", lang, sizeof lang);
  field(body, hh, "Content-Encoding", enc, sizeof enc);
  int status = 0;
  sscanf(body, "HTTP/%*s %d", &status);
  if (status && (status < 200 || status >= 300)) {
    snprintf(why, whylen, "record %zu (%s): HTTP status %d", w->record, name, status);
    return SW_WARC_SKIP;
  }
  if (!strstr(hct, "html")) {
    snprintf(why, whylen, "record %zu (%s): not HTML (%s)", w->record, name, hct[0] ? hct : "no type");
    return SW_WARC_SKIP;
  }
  if (enc[0] && strcasecmp(enc, "identity")) {
    snprintf(why, whylen, "record %zu (%s): encoded HTTP body (%s)", w->record, name, enc);
    return SW_WARC_SKIP;
  }
  if (lang[0] && strncasecmp(lang, "en", 2)) {
    snprintf(why, whylen, "record %zu (%s): not English (Content-Language %s)", w->record, name, lang);
    return SW_WARC_SKIP;
  }
  const char *html = body + hh + hsep;
  size_t hn = blen - hh - hsep;
  /* <html lang="..."> in the first few kilobytes */
  const char *lp = NULL;
  size_t scan = hn < 4096 ? hn : 4096;
  for (size_t i = 0; i + 6 < scan && !lp; i++)
    if (!strncasecmp(html + i, "<html", 5))
      for (size_t j = i; j + 6 < scan && html[j] != '>'; j++)
        if (!strncasecmp(html + j, " lang=", 6)) {
          lp = html + j + 6;
          break;
        }
  if (lp) {
    if (*lp == '"' || *lp == '\'')
      lp++;
    if (strncasecmp(lp, "en", 2)) {
      int k = 0;
      while (k < 12 && lp[k] && lp[k] != '"' && lp[k] != '\'' && lp[k] != ' ' && lp[k] != '>')
        k++;
      snprintf(why, whylen, "record %zu (%s): not English (lang %.*s)", w->record, name, k, lp);
      return SW_WARC_SKIP;
    }
  }
  sw_status st = sw_html_read(html, hn, doc, err);
  if (st) {
    if (err)
      err->offset = at;
    return SW_WARC_ERROR;
  }
  if (!lp && !lang[0] && !looks_english(doc->text.data, doc->text.len)) {
    snprintf(why, whylen, "record %zu (%s): not English (few common English words)", w->record, name);
    return SW_WARC_SKIP;
  }
  doc->id.len = 0;
  sw_buf_put(&doc->id, name, strlen(name));
  sw_buf_put(&doc->id, "", 0);
  if (uri[0] && !doc->url.len) {
    sw_buf_put(&doc->url, uri, strlen(uri));
    sw_buf_put(&doc->url, "", 0);
  }
  drop_consumed(w);
  return SW_WARC_DOC;
}
