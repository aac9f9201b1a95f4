/*
 * ng_strmap: byte strings to size_t (see strmap.h).  Linear probing in a
 * table kept at most half full; each slot remembers its key's hash, so
 * growing never rehashes a key and a probe compares bytes only when the
 * hashes agree.
 */
#include <string.h>

#include "util/mem.h"
#include "util/strmap.h"

static uint64_t hash_bytes(const char *s, size_t n)
{
  uint64_t h = 1469598103934665603ULL; /* FNV-1a */
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ULL;
  }
  return h ^ (h >> 29); /* low bits pick the slot: fold the high ones in */
}

void ng_strmap_init(ng_strmap *m)
{
  m->v = NULL;
  m->cap = m->n = 0;
  ng_arena_init(&m->keys);
}

void ng_strmap_release(ng_strmap *m)
{
  free(m->v);
  ng_arena_release(&m->keys);
  ng_strmap_init(m);
}

static ng_strmap_slot *probe(ng_strmap_slot *v, size_t cap, const char *k,
                             size_t n, uint64_t h)
{
  size_t i = (size_t)h & (cap - 1);
  while (v[i].key &&
         !(v[i].hash == h && v[i].len == n && !memcmp(v[i].key, k, n)))
    i = (i + 1) & (cap - 1);
  return &v[i];
}

static ng_strmap_slot *find(const ng_strmap *m, const char *k, size_t n)
{
  if (!m->cap)
    return NULL;
  ng_strmap_slot *s = probe(m->v, m->cap, k, n, hash_bytes(k, n));
  return s->key ? s : NULL;
}

size_t *ng_strmap_get(const ng_strmap *m, const char *k, size_t n)
{
  ng_strmap_slot *s = find(m, k, n);
  return s ? &s->val : NULL;
}

const char *ng_strmap_key(const ng_strmap *m, const char *k, size_t n)
{
  ng_strmap_slot *s = find(m, k, n);
  return s ? s->key : NULL;
}

size_t *ng_strmap_put(ng_strmap *m, const char *k, size_t n, size_t val,
                      int *added)
{
  if ((m->n + 1) * 2 > m->cap) {
    size_t cap = m->cap ? m->cap * 2 : 64;
    ng_strmap_slot *v = ng_xcalloc(cap, sizeof(*v));
    for (size_t i = 0; i < m->cap; i++)
      if (m->v[i].key)
        *probe(v, cap, m->v[i].key, m->v[i].len, m->v[i].hash) = m->v[i];
    free(m->v);
    m->v = v;
    m->cap = cap;
  }
  uint64_t h = hash_bytes(k, n);
  ng_strmap_slot *s = probe(m->v, m->cap, k, n, h);
  if (added)
    *added = !s->key;
  if (!s->key) {
    s->key = ng_arena_strndup(&m->keys, k, n);
    s->len = n;
    s->hash = h;
    s->val = val;
    m->n++;
  }
  return &s->val;
}

size_t *ng_strmap_puts(ng_strmap *m, const char *k, size_t val, int *added)
{
  return ng_strmap_put(m, k, strlen(k), val, added);
}

size_t *ng_strmap_gets(const ng_strmap *m, const char *k)
{
  return ng_strmap_get(m, k, strlen(k));
}
