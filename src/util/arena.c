#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/mem.h"

struct ng_arena_block {
  ng_arena_block *next;
  size_t size, used;
  alignas(max_align_t) unsigned char data[];
};

void ng_arena_init(ng_arena *a)
{
  a->head = NULL;
  a->block_size = 0;
}

void ng_arena_release(ng_arena *a)
{
  ng_arena_block *b = a->head;
  while (b) {
    ng_arena_block *next = b->next;
    free(b);
    b = next;
  }
  ng_arena_init(a);
}

void *ng_arena_alloc(ng_arena *a, size_t n)
{
  const size_t align = alignof(max_align_t);
  n = (n + align - 1) & ~(align - 1);
  if (!n)
    n = align;
  ng_arena_block *b = a->head;
  if (!b || b->size - b->used < n) {
    /* Blocks double up to 1 MiB so small documents stay small. */
    size_t size = a->block_size ? a->block_size : 4096;
    if (size < (1u << 20))
      a->block_size = size * 2;
    if (size < n)
      size = n;
    b = ng_xmalloc(sizeof(*b) + size);
    b->size = size;
    b->used = 0;
    b->next = a->head;
    a->head = b;
  }
  void *p = b->data + b->used;
  b->used += n;
  memset(p, 0, n);
  return p;
}

char *ng_arena_strndup(ng_arena *a, const char *s, size_t n)
{
  char *p = ng_arena_alloc(a, n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *ng_arena_strdup(ng_arena *a, const char *s)
{
  return ng_arena_strndup(a, s, strlen(s));
}
