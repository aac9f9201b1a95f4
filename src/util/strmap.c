/*
 * ng_strmap: byte strings to size_t (see strmap.h).  Linear probing in a
 * table kept at most half full; each slot remembers its key's hash, so
 * growing never rehashes a key and a probe compares bytes only when the
 * hashes agree.  Keys live back to back in one buffer, found by offset,
 * so a put allocates nothing most of the time.
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
  memset(m, 0, sizeof(*m));
}

void ng_strmap_release(ng_strmap *m)
{
  free(m->v);
  free(m->keys);
  ng_strmap_init(m);
}

static ng_strmap_slot *probe(ng_strmap_slot *v, size_t cap, const char *keys,
                             const char *k, size_t n, uint64_t h)
{
  size_t i = (size_t)h & (cap - 1);
  while (v[i].key && !(v[i].hash == h && v[i].len == n &&
                       !memcmp(keys + v[i].key - 1, k, n)))
    i = (i + 1) & (cap - 1);
  return &v[i];
}

static ng_strmap_slot *find(const ng_strmap *m, const char *k, size_t n)
{
  if (!m->cap)
    return NULL;
  ng_strmap_slot *s = probe(m->v, m->cap, m->keys, k, n, hash_bytes(k, n));
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
  return s ? m->keys + s->key - 1 : NULL;
}

size_t *ng_strmap_put(ng_strmap *m, const char *k, size_t n, size_t val,
                      int *added)
{
  if ((m->n + 1) * 2 > m->cap) {
    size_t cap = m->cap ? m->cap * 2 : 16;
    ng_strmap_slot *v = ng_xcalloc(cap, sizeof(*v));
    for (size_t i = 0; i < m->cap; i++) {
      if (!m->v[i].key)
        continue;
      size_t j = (size_t)m->v[i].hash & (cap - 1); /* keys are distinct */
      while (v[j].key)
        j = (j + 1) & (cap - 1);
      v[j] = m->v[i];
    }
    free(m->v);
    m->v = v;
    m->cap = cap;
  }
  uint64_t h = hash_bytes(k, n);
  ng_strmap_slot *s = probe(m->v, m->cap, m->keys, k, n, h);
  if (added)
    *added = !s->key;
  if (!s->key) {
    if (m->keys_len + n + 1 > m->keys_cap) {
      size_t cap = m->keys_cap ? m->keys_cap : 256;
      while (cap < m->keys_len + n + 1)
        cap *= 2;
      m->keys = ng_xrealloc(m->keys, cap);
      m->keys_cap = cap;
    }
    memcpy(m->keys + m->keys_len, k, n);
    m->keys[m->keys_len + n] = '\0';
    s->key = m->keys_len + 1;
    s->len = n;
    s->hash = h;
    s->val = val;
    m->keys_len += n + 1;
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
