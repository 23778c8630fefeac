/* Buffer and JSON helpers shared by the writers.  Not installed. */
#ifndef SW_WRITE_H
#define SW_WRITE_H
#include "saywho.h"
#include <string.h>
void sw_buf_put_grow(sw_buf *b, const char *s, size_t n);
/* Appends n bytes; inline, because writers append many short pieces. */
static inline void sw_buf_put(sw_buf *b, const char *s, size_t n) {
  if (b->len + n + 1 <= b->cap && !b->failed) {
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
  } else {
    sw_buf_put_grow(b, s, n);
  }
}
static inline void sw_buf_puts(sw_buf *b, const char *s) { sw_buf_put(b, s, strlen(s)); }
void sw_buf_uint(sw_buf *b, size_t v);
void sw_buf_printf(sw_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sw_json_escape(sw_buf *b, const char *s, size_t n);
void sw_json_str(sw_buf *b, const char *s, size_t n);
void sw_buf_html_text(sw_buf *b, const char *s, size_t n);
sw_status sw_render_html(const sw_result *r, const sw_doc_info *info, const char *text, size_t len,
                         sw_buf *b);
#endif
