/* TODO(skeleton): placeholder until the real module lands in this stop. */
#include <stdlib.h>
#include "model/graph_internal.h"

ng_graph *ng_graph_new(void)
{
  ng_graph *g = ng_xcalloc(1, sizeof(*g));
  ng_arena_init(&g->arena);
  return g;
}
int ng_graph_add(ng_graph *g, const ng_doc *doc, ng_err *err)
{
  return 0;
}
int ng_graph_finish(ng_graph *g, ng_err *err)
{
  g->finished = 1;
  return 0;
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
  NG_VEC_FREE(g->docs);
  NG_VEC_FREE(g->entities);
  NG_VEC_FREE(g->events);
  NG_VEC_FREE(g->edges);
  ng_arena_release(&g->arena);
  free(g);
}
