/*
 * ng_buf: one growable, always NUL-terminated byte buffer.  See the
 * invariants in newsgraph.h.  Running out of memory aborts: every caller
 * would otherwise need a failure path for each append, and a news tool has
 * nothing useful to do without memory.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsgraph.h"
#include "util/mem.h"

char ng_buf_empty[1];

void ng_buf_init(ng_buf *b)
{
  b->ptr = ng_buf_empty;
  b->len = 0;
  b->cap = 0;
}

void ng_buf_release(ng_buf *b)
{
  if (b->cap)
    free(b->ptr);
  ng_buf_init(b);
}

void ng_buf_grow(ng_buf *b, size_t extra)
{
  size_t want = b->len + extra + 1;
  if (want <= b->cap)
    return;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < want)
    cap = cap / 2 * 3 + 16;
  if (b->cap) {
    b->ptr = ng_xrealloc(b->ptr, cap);
  } else {
    b->ptr = ng_xmalloc(cap);
    b->ptr[0] = '\0';
  }
  b->cap = cap;
}

void ng_buf_add(ng_buf *b, const void *data, size_t len)
{
  if (!len)
    return;
  ng_buf_grow(b, len);
  memcpy(b->ptr + b->len, data, len);
  b->len += len;
  b->ptr[b->len] = '\0';
}

void ng_buf_adds(ng_buf *b, const char *s)
{
  ng_buf_add(b, s, strlen(s));
}

void ng_buf_addch(ng_buf *b, int c)
{
  ng_buf_grow(b, 1);
  b->ptr[b->len++] = (char)c;
  b->ptr[b->len] = '\0';
}

void ng_buf_addf(ng_buf *b, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  char tmp[256];
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
  va_end(ap);
  if (n < 0) {
    va_end(ap2);
    return;
  }
  if ((size_t)n < sizeof(tmp)) {
    ng_buf_add(b, tmp, (size_t)n);
  } else {
    ng_buf_grow(b, (size_t)n);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap2);
    b->len += (size_t)n;
  }
  va_end(ap2);
}

void ng_buf_setlen(ng_buf *b, size_t len)
{
  if (len > (b->cap ? b->cap - 1 : 0))
    abort();
  b->len = len;
  b->ptr[len] = '\0';
}

void ng_buf_reset(ng_buf *b)
{
  if (b->cap)
    ng_buf_setlen(b, 0);
}

char *ng_buf_detach(ng_buf *b, size_t *len)
{
  char *p;
  if (len)
    *len = b->len;
  if (b->cap) {
    p = b->ptr;
  } else {
    p = ng_xmalloc(1);
    p[0] = '\0';
  }
  ng_buf_init(b);
  return p;
}
