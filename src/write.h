/* Buffer and JSON helpers shared by the writers.  Not installed. */
#ifndef SW_WRITE_H
#define SW_WRITE_H
#include "saywho.h"
void sw_buf_put(sw_buf *b, const char *s, size_t n);
void sw_buf_puts(sw_buf *b, const char *s);
void sw_buf_uint(sw_buf *b, size_t v);
void sw_buf_printf(sw_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sw_json_escape(sw_buf *b, const char *s, size_t n);
void sw_json_str(sw_buf *b, const char *s, size_t n);
void sw_buf_html_text(sw_buf *b, const char *s, size_t n);
sw_status sw_render_html(const sw_result *r, const sw_doc_info *info, const char *text, size_t len,
                         sw_buf *b);
#endif
