#ifndef NG_UTIL_STRMAP_H
#define NG_UTIL_STRMAP_H

/*
 * A map from byte strings to size_t, by open addressing.  Used wherever
 * names are grouped by key: within a document (coref.c) and across
 * documents (merge.c), so both group with the same hashing and equality.
 *
 * Keys are (pointer, length), need not be NUL-terminated and may hold any
 * bytes.  The map copies each key into one buffer of its own, so the
 * caller's key is borrowed for the call only.  Allocation failure aborts
 * (see mem.h).  Maps are cheap to make: nothing is allocated until the
 * first put, and a document's handful of keys fit in one small table.
 *
 *     ng_strmap m = NG_STRMAP_INIT;
 *     int added;
 *     size_t *v = ng_strmap_put(&m, "musk", 4, 7, &added);
 *     ...                          (v is valid until the next put)
 *     ng_strmap_release(&m);
 */
#include <stddef.h>
#include <stdint.h>


typedef struct ng_strmap_slot {
  size_t key; /* offset + 1 of the key in the map's buffer; 0: empty */
  size_t len;
  uint64_t hash;
  size_t val;
} ng_strmap_slot;

typedef struct ng_strmap {
  ng_strmap_slot *v;
  size_t cap, n; /* cap is 0 or a power of two; n entries */
  char *keys;    /* every key, each followed by a NUL */
  size_t keys_len, keys_cap;
} ng_strmap;

#define NG_STRMAP_INIT {NULL, 0, 0, NULL, 0, 0}

void ng_strmap_init(ng_strmap *m);
/* Free the table and every stored key; m is empty and reusable after. */
void ng_strmap_release(ng_strmap *m);

/* The value stored for key k (n bytes), or NULL when there is none. */
size_t *ng_strmap_get(const ng_strmap *m, const char *k, size_t n);

/*
 * The value stored for k, after storing val there when k was absent.
 * *added (when not NULL) says whether it was.  The pointer is valid until
 * the next put, which may move the table.
 */
size_t *ng_strmap_put(ng_strmap *m, const char *k, size_t n, size_t val,
                      int *added);

/* Same, with the key a NUL-terminated string. */
size_t *ng_strmap_puts(ng_strmap *m, const char *k, size_t val, int *added);
size_t *ng_strmap_gets(const ng_strmap *m, const char *k);

/*
 * The stored copy of k (NUL-terminated, owned by the map), or NULL.  Valid
 * until the next put.
 */
const char *ng_strmap_key(const ng_strmap *m, const char *k, size_t n);

#endif
