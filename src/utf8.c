/* UTF-8 decoding with exact byte accounting, and the few Unicode
 * properties the tokenizer needs, from utf8proc. */
#include "internal.h"
#include <utf8proc.h>

int sw_utf8_next_mb(const unsigned char *s, size_t len, int32_t *cp, bool *bad) {
  unsigned char c = s[0];
  int n;
  int32_t v;
  int32_t min;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2, v = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, v = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, v = c & 0x07, min = 0x10000;
  } else {
    goto invalid;
  }
  if ((size_t)n > len)
    goto invalid;
  for (int i = 1; i < n; i++) {
    if ((s[i] & 0xC0) != 0x80)
      goto invalid;
    v = (v << 6) | (s[i] & 0x3F);
  }
  /* overlong forms, surrogates and values past U+10FFFF */
  if (v < min || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF)
    goto invalid;
  *cp = v;
  return n;
invalid:
  *cp = 0xFFFD;
  *bad = true;
  return 1;
}

size_t sw_utf8_count(const char *s, size_t len) {
  size_t n = 0, i = 0;
  bool bad = false;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      i++;
    } else {
      int32_t cp;
      i += (size_t)sw_utf8_next((const unsigned char *)s + i, len - i, &cp, &bad);
    }
    n++;
  }
  return n;
}

bool sw_is_space_cp_u(int32_t cp) {
  if (cp < 0x80) /* callers go through the inline ASCII test first */
    return cp == ' ' || (cp >= 9 && cp <= 13);
  if (cp == 0xFEFF || cp == 0x200B) /* BOM and zero-width space */
    return true;
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
         c == UTF8PROC_CATEGORY_ZP || cp == 0x85;
}

bool sw_is_letter_cp_u(int32_t cp) {
  if (cp < 0x80) /* callers go through the inline ASCII test first */
    return (cp | 32) >= 'a' && (cp | 32) <= 'z';
  utf8proc_category_t c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
         c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC;
}

bool sw_is_upper_cp_u(int32_t cp) {
  if (cp < 0x80) /* callers go through the inline ASCII test first */
    return cp >= 'A' && cp <= 'Z';
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool sw_is_digit_cp_u(int32_t cp) {
  if (cp < 0x80) /* callers go through the inline ASCII test first */
    return cp >= '0' && cp <= '9';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}
