/*
 * Views: which entities, ties and events a diagram draws (see view.h).
 *
 * Everything is ranked by sorting (key, index) records, never through a
 * pointer to the graph kept aside for qsort, so views of different
 * graphs can be made at the same time.  The index is the last key: equal
 * strengths keep g's own order, and the same graph gives the same view.
 */
#include <stdlib.h>
#include <string.h>

#include "model/view.h"

typedef struct ranked {
  size_t key1, key2; /* larger first */
  size_t idx;        /* then g's order */
} ranked;

static int by_strength(const void *x, const void *y)
{
  const ranked *a = x, *b = y;
  if (a->key1 != b->key1)
    return a->key1 > b->key1 ? -1 : 1;
  if (a->key2 != b->key2)
    return a->key2 > b->key2 ? -1 : 1;
  return (a->idx > b->idx) - (a->idx < b->idx);
}

static int by_index(const void *x, const void *y)
{
  size_t a = *(const size_t *)x, b = *(const size_t *)y;
  return (a > b) - (a < b);
}

/* An edge between kept entities, keyed by its unordered pair. */
typedef struct pair {
  size_t lo, hi, edge;
} pair;

static int by_pair(const void *x, const void *y)
{
  const pair *a = x, *b = y;
  if (a->lo != b->lo)
    return a->lo < b->lo ? -1 : 1;
  if (a->hi != b->hi)
    return a->hi < b->hi ? -1 : 1;
  return (a->edge > b->edge) - (a->edge < b->edge);
}

static int by_weight_desc(const void *x, const void *y)
{
  unsigned a = *(const unsigned *)x, b = *(const unsigned *)y;
  return (a < b) - (a > b);
}

/* Mark the top most mentioned entities of g in keep (all when top is 0). */
static void pick_entities(const ng_graph *g, size_t top, unsigned char *keep)
{
  size_t n = g->entities.n;
  if (top == 0 || top >= n) {
    memset(keep, 1, n);
    return;
  }
  ranked *r = ng_xmalloc(sizeof(*r) * n);
  for (size_t i = 0; i < n; i++) {
    r[i].key1 = g->entities.v[i].n_mentions;
    r[i].key2 = g->entities.v[i].docs.n;
    r[i].idx = i;
  }
  qsort(r, n, sizeof(*r), by_strength);
  for (size_t i = 0; i < top; i++)
    keep[r[i].idx] = 1;
  free(r);
}

/* Does the run of pairs [s, t) hold a role edge? */
static int has_role(const ng_graph *g, const pair *p, size_t s, size_t t)
{
  for (size_t k = s; k < t; k++)
    if (g->edges.v[p[k].edge].role)
      return 1;
  return 0;
}

/*
 * The weight cut for min_weight 0: the smallest weight that keeps at
 * most budget co-mention ties (pairs without a role).  When even the
 * strongest ties are over budget, all of the strongest stay: a picture
 * without a single line would tell less than a busy one.
 */
static unsigned auto_weight(const ng_graph *g, const pair *p, size_t np,
                            size_t budget)
{
  unsigned *w = ng_xmalloc(sizeof(*w) * (np + 1));
  size_t n = 0;
  unsigned cut = 1;

  for (size_t s = 0, t; s < np; s = t) {
    for (t = s; t < np && p[t].lo == p[s].lo && p[t].hi == p[s].hi; t++)
      ;
    if (!has_role(g, p, s, t))
      w[n++] = g->edges.v[p[s].edge].weight;
  }
  if (n > budget) {
    qsort(w, n, sizeof(*w), by_weight_desc);
    cut = w[budget] + 1;
    if (cut > w[0])
      cut = w[0];
  }
  free(w);
  return cut;
}

/*
 * Turn one run of pairs (one pair of entities) into ties: one per
 * direction of roles, the first of them carrying the co-mention count,
 * or a plain co-mention tie when there is no role and it is strong
 * enough.
 */
static void add_ties(ng_view *v, const ng_graph *g, const pair *p, size_t s,
                     size_t t)
{
  unsigned together = 0;
  int folded = 0;

  for (size_t k = s; k < t; k++)
    if (!g->edges.v[p[k].edge].role)
      together = g->edges.v[p[k].edge].weight;
  for (size_t k = s; k < t;) {
    const ng_gedge *e = &g->edges.v[p[k].edge];
    if (!e->role) {
      k++;
      continue;
    }
    ng_tie *tie = NG_VEC_PUSH(v->ties);
    tie->a = e->a, tie->b = e->b, tie->role = p[k].edge;
    tie->together = folded ? 0 : together;
    tie->weight = tie->together;
    folded = 1;
    /* The same direction's roles are neighbours in g->edges. */
    size_t last = p[k].edge;
    do {
      tie->weight += g->edges.v[p[k].edge].weight;
      tie->n_roles++;
      last = p[k].edge;
      for (k++; k < t && !g->edges.v[p[k].edge].role; k++)
        ;
    } while (k < t && p[k].edge == last + 1 &&
             g->edges.v[p[k].edge].a == e->a);
    if (tie->weight == 0)
      tie->weight = 1;
  }
  if (!folded && together >= v->min_weight) {
    ng_tie *tie = NG_VEC_PUSH(v->ties);
    tie->a = p[s].lo, tie->b = p[s].hi, tie->role = NG_NONE;
    tie->together = tie->weight = together ? together : 1;
  }
}

void ng_view_init(ng_view *v, const ng_graph *g, size_t top,
                  unsigned min_weight)
{
  size_t n = g->entities.n, np = 0;
  unsigned char *keep = ng_xcalloc(n + 1, 1);
  pair *p = ng_xmalloc(sizeof(*p) * (g->edges.n + 1));

  memset(v, 0, sizeof(*v));
  v->total_entities = n;
  pick_entities(g, top, keep);
  for (size_t i = 0; i < n; i++) {
    if (!keep[i])
      continue;
    *NG_VEC_PUSH(v->entities) = i;
    if (g->entities.v[i].n_mentions > v->max_mentions)
      v->max_mentions = g->entities.v[i].n_mentions;
  }

  for (size_t i = 0; i < g->edges.n; i++) {
    const ng_gedge *e = &g->edges.v[i];
    if (e->a == e->b || !keep[e->a] || !keep[e->b])
      continue;
    p[np].lo = e->a < e->b ? e->a : e->b;
    p[np].hi = e->a < e->b ? e->b : e->a;
    p[np++].edge = i;
  }
  qsort(p, np, sizeof(*p), by_pair);
  v->min_weight = min_weight ? min_weight
                             : auto_weight(g, p, np,
                                           NG_VIEW_TIES_PER_ENTITY *
                                               v->entities.n);
  for (size_t s = 0, t; s < np; s = t) {
    for (t = s; t < np && p[t].lo == p[s].lo && p[t].hi == p[s].hi; t++)
      ;
    add_ties(v, g, p, s, t);
  }
  for (size_t i = 0; i < v->ties.n; i++) {
    unsigned w = v->ties.v[i].weight;
    if (w > v->max_weight)
      v->max_weight = w;
    if (i == 0 || w < v->low_weight)
      v->low_weight = w;
  }
  free(p);
  free(keep);
}

void ng_view_release(ng_view *v)
{
  NG_VEC_FREE(v->entities);
  NG_VEC_FREE(v->ties);
}

size_t ng_view_events(const ng_graph *g, size_t max, size_t *out)
{
  size_t n = g->events.n;
  if (n <= max) {
    for (size_t i = 0; i < n; i++)
      out[i] = i;
    return n;
  }
  ranked *r = ng_xmalloc(sizeof(*r) * n);
  for (size_t i = 0; i < n; i++) {
    r[i].key1 = g->events.v[i].sources.n;
    r[i].key2 = g->events.v[i].participants.n;
    r[i].idx = i;
  }
  qsort(r, n, sizeof(*r), by_strength);
  for (size_t i = 0; i < max; i++)
    out[i] = r[i].idx;
  free(r);
  qsort(out, max, sizeof(*out), by_index);
  return max;
}
