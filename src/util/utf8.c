#include <string.h>

#include "util/mem.h"
#include "util/utf8.h"

/* Length of the sequence at s[i] if valid, else 0. */
static size_t seq_len(const unsigned char *s, size_t len, size_t i)
{
  unsigned char c = s[i];
  if (c < 0x80)
    return 1;
  size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0)
      lo = 0xA0;
    else if (c == 0xED)
      hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0)
      lo = 0x90;
    else if (c == 0xF4)
      hi = 0x8F;
  } else {
    return 0;
  }
  if (len - i < n)
    return 0;
  if (s[i + 1] < lo || s[i + 1] > hi)
    return 0;
  for (size_t k = 2; k < n; k++)
    if ((s[i + k] & 0xC0) != 0x80)
      return 0;
  return n;
}

size_t ng_utf8_valid_prefix(const char *str, size_t len)
{
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  while (i < len) {
    /* Fast path over ASCII runs, eight bytes at a time. */
    if (s[i] < 0x80) {
      uint64_t w;
      i++;
      while (i + 8 <= len) {
        memcpy(&w, s + i, 8);
        if (w & UINT64_C(0x8080808080808080))
          break;
        i += 8;
      }
      continue;
    }
    size_t n = seq_len(s, len, i);
    if (!n)
      return i;
    i += n;
  }
  return len;
}

uint32_t ng_utf8_next(const char *str, size_t len, size_t *i)
{
  const unsigned char *s = (const unsigned char *)str;
  size_t n = seq_len(s, len, *i);
  uint32_t cp;
  switch (n) {
  case 1:
    cp = s[*i];
    break;
  case 2:
    cp = ((uint32_t)(s[*i] & 0x1F) << 6) | (s[*i + 1] & 0x3F);
    break;
  case 3:
    cp = ((uint32_t)(s[*i] & 0x0F) << 12) | ((uint32_t)(s[*i + 1] & 0x3F) << 6) |
         (s[*i + 2] & 0x3F);
    break;
  case 4:
    cp = ((uint32_t)(s[*i] & 0x07) << 18) |
         ((uint32_t)(s[*i + 1] & 0x3F) << 12) |
         ((uint32_t)(s[*i + 2] & 0x3F) << 6) | (s[*i + 3] & 0x3F);
    break;
  default:
    *i += 1;
    return 0xFFFD;
  }
  *i += n;
  return cp;
}

size_t ng_utf8_encode(uint32_t cp, char *out)
{
  unsigned char *o = (unsigned char *)out;
  if (cp < 0x80) {
    o[0] = (unsigned char)cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp >= 0xD800 && cp <= 0xDFFF)
    cp = 0xFFFD;
  if (cp < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  if (cp > 0x10FFFF)
    return ng_utf8_encode(0xFFFD, out);
  o[0] = (unsigned char)(0xF0 | (cp >> 18));
  o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

char *ng_utf8_sanitize(const char *s, size_t len, size_t *out_len)
{
  /* Each bad byte becomes 3 bytes at most. */
  char *out = ng_xmalloc(len * 3 + 1);
  size_t o = 0, i = 0;
  while (i < len) {
    size_t n = seq_len((const unsigned char *)s, len, i);
    if (n) {
      memcpy(out + o, s + i, n);
      o += n;
      i += n;
    } else {
      o += ng_utf8_encode(0xFFFD, out + o);
      i++;
    }
  }
  out[o] = '\0';
  if (out_len)
    *out_len = o;
  return out;
}
