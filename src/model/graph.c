/*
 * The graph's life cycle.  What goes into it is merge.c's business; the
 * graph owns an arena for every string and a vector per kind of thing.
 */
#include <stdlib.h>

#include "model/graph_internal.h"

ng_graph *ng_graph_new(void)
{
  ng_graph *g = ng_xcalloc(1, sizeof(*g));
  ng_arena_init(&g->arena);
  return g;
}

size_t ng_graph_entity_count(const ng_graph *g)
{
  return g->entities.n;
}

size_t ng_graph_event_count(const ng_graph *g)
{
  return g->events.n;
}

size_t ng_graph_doc_count(const ng_graph *g)
{
  return g->docs.n;
}

void ng_graph_free(ng_graph *g)
{
  if (!g)
    return;
  ng_merge_state_free(g->merge);
  for (size_t i = 0; i < g->entities.n; i++) {
    NG_VEC_FREE(g->entities.v[i].aliases);
    NG_VEC_FREE(g->entities.v[i].docs);
    NG_VEC_FREE(g->entities.v[i].merged);
  }
  for (size_t i = 0; i < g->events.n; i++) {
    NG_VEC_FREE(g->events.v[i].participants);
    NG_VEC_FREE(g->events.v[i].sources);
  }
  for (size_t i = 0; i < g->edges.n; i++) {
    NG_VEC_FREE(g->edges.v[i].sources);
    NG_VEC_FREE(g->edges.v[i].spans);
  }
  NG_VEC_FREE(g->docs);
  NG_VEC_FREE(g->entities);
  NG_VEC_FREE(g->events);
  NG_VEC_FREE(g->edges);
  ng_arena_release(&g->arena);
  free(g);
}
