#ifndef NG_MODEL_VIEW_H
#define NG_MODEL_VIEW_H

/*
 * Views: the part of a finished graph that a diagram draws.  A corpus of
 * thousands of entities is unreadable as one picture, so the writers
 * draw the strongest entities and ties, chosen here, once for all of
 * them (DOT, SVG and any other writer that wants the same cut).
 *
 * Calling sequence:
 *
 *     ng_view v;
 *     ng_view_init(&v, g, top, min_weight);
 *     for (size_t i = 0; i < v.entities.n; i++) ... g->entities.v[v.entities.v[i]]
 *     for (size_t i = 0; i < v.ties.n; i++) ... v.ties.v[i]
 *     ng_view_release(&v);
 *
 * A view only holds indices into g: g must outlive it and stay unchanged.
 */
#include "model/graph_internal.h"

#define NG_NONE ((size_t)-1)

/*
 * What the view draws between two entities: at most one tie per pair
 * and direction.  The co-mention edge of a pair that also has roles is
 * folded into the role tie, so a picture shows one labelled arrow
 * ("CEO of") rather than an arrow and a line side by side.
 *
 * Invariants: roles (when n_roles > 0) are n_roles consecutive edges of
 * g->edges, all a -> b with a role; a < b when n_roles == 0.
 */
typedef struct ng_tie {
  size_t a, b;
  unsigned together; /* sentences naming both; 0 when not named together */
  unsigned weight;   /* together plus the sources of the roles, at least 1 */
  size_t role;       /* first role edge in g->edges, or NG_NONE */
  size_t n_roles;
} ng_tie;

typedef struct ng_view {
  NG_VEC(size_t) entities; /* indices into g->entities, ascending */
  NG_VEC(ng_tie) ties;     /* ordered by their first edge in g->edges */
  size_t total_entities;   /* how many g has, for "100 of 13,869" */
  unsigned min_weight;     /* sentences a tie without role needed */
  size_t max_mentions;     /* the most mentions of a kept entity */
  unsigned max_weight;     /* the strongest kept tie, 0 without ties */
  unsigned low_weight;     /* the weakest kept tie, 0 without ties */
} ng_view;

/*
 * Ties per entity the automatic weight cut aims at: beyond about three
 * lines per node a force layout turns into a hairball.
 */
#define NG_VIEW_TIES_PER_ENTITY 3

/*
 * Fill v with the top most mentioned entities of g (all when top is 0;
 * ties by number of documents, then by their order in g) and the ties
 * among them: every role, and the co-mentions seen in at least
 * min_weight sentences.  min_weight 0 picks the smallest weight that
 * keeps at most NG_VIEW_TIES_PER_ENTITY co-mention ties per kept entity,
 * so equally strong ties are kept or dropped together.  g must be
 * finished; v is caller storage, released with ng_view_release().
 */
void ng_view_init(ng_view *v, const ng_graph *g, size_t top,
                  unsigned min_weight);

void ng_view_release(ng_view *v);

/*
 * The max strongest events of g (all when g has no more): most sources
 * first, then most participants, then the earlier.  Writes their indices
 * into out (room for max) in g's order, which is date order, and returns
 * how many.
 */
size_t ng_view_events(const ng_graph *g, size_t max, size_t *out);

#endif
