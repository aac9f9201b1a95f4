#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

void *ng_xmalloc(size_t n)
{
  void *p = malloc(n ? n : 1);
  if (!p)
    abort();
  return p;
}

void *ng_xcalloc(size_t n, size_t size)
{
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p)
    abort();
  return p;
}

void *ng_xrealloc(void *p, size_t n)
{
  p = realloc(p, n ? n : 1);
  if (!p)
    abort();
  return p;
}

char *ng_xstrndup(const char *s, size_t n)
{
  char *p = ng_xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *ng_xstrdup(const char *s)
{
  return ng_xstrndup(s, strlen(s));
}

void *ng_vec_grow(void *v, size_t *cap, size_t want, size_t size)
{
  if (want <= *cap)
    return v;
  size_t c = *cap ? *cap * 2 : 8;
  while (c < want)
    c *= 2;
  *cap = c;
  return ng_xrealloc(v, c * size);
}
