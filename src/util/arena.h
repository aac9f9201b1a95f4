#ifndef NG_UTIL_ARENA_H
#define NG_UTIL_ARENA_H

/*
 * A bump allocator (git's mem-pool): many small allocations, freed all at
 * once.  Documents and the graph keep their strings here, so nothing in
 * the merge loop is freed piece by piece.  Allocation aborts on exhaustion.
 *
 * Invariant: every block in the chain was malloc'd by the arena; `used`
 * never exceeds `size` of the current block.
 */
#include <stddef.h>

typedef struct ng_arena_block ng_arena_block;

typedef struct ng_arena {
  ng_arena_block *head;
  size_t block_size;
} ng_arena;

#define NG_ARENA_INIT {NULL, 0}

void ng_arena_init(ng_arena *a);
void ng_arena_release(ng_arena *a);
/* Memory aligned for any type, zeroed. */
void *ng_arena_alloc(ng_arena *a, size_t n);
/* Copies of s (n bytes), NUL-terminated. */
char *ng_arena_strndup(ng_arena *a, const char *s, size_t n);
char *ng_arena_strdup(ng_arena *a, const char *s);

#endif
