#ifndef NG_UTIL_MEM_H
#define NG_UTIL_MEM_H

/*
 * Allocation that never returns NULL: on exhaustion it aborts, as git's
 * xmalloc() dies.  Used where a failure path per allocation would buy
 * nothing (the graph, the buffers, the analysis arrays).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

void *ng_xmalloc(size_t n);
void *ng_xcalloc(size_t n, size_t size);
void *ng_xrealloc(void *p, size_t n);
char *ng_xstrdup(const char *s);
char *ng_xstrndup(const char *s, size_t n);

/*
 * A growable array of T: NG_VEC(T) declares { T *v; size_t n, cap; }.
 * NG_VEC_PUSH returns a pointer to the new, zeroed element.
 */
#define NG_VEC(T) struct { T *v; size_t n, cap; }
/* Make room for want elements; returns the (maybe moved) array. */
void *ng_vec_grow(void *v, size_t *cap, size_t want, size_t size);
/* The same, with the common case (room enough) inline: every push asks. */
static inline void *ng_vec_reserve(void *v, size_t *cap, size_t want,
                                   size_t size)
{
  return want <= *cap ? v : ng_vec_grow(v, cap, want, size);
}
#define NG_VEC_GROW(vec, want)                                              \
  ((vec).v = ng_vec_reserve((vec).v, &(vec).cap, (want), sizeof(*(vec).v)))
#define NG_VEC_PUSH(vec)                                                    \
  (NG_VEC_GROW(vec, (vec).n + 1),                                           \
   memset(&(vec).v[(vec).n], 0, sizeof(*(vec).v)), &(vec).v[(vec).n++])
#define NG_VEC_FREE(vec)                                                    \
  do {                                                                      \
    free((vec).v);                                                          \
    (vec).v = NULL;                                                         \
    (vec).n = (vec).cap = 0;                                                \
  } while (0)

#endif
