#include <criterion/criterion.h>
#include <string.h>

#include "model/view.h"
#include "write_fixture.h"

/* The kept entity indices of v, as a 0/1 mask over g. */
static unsigned char *mask(const ng_view *v, const ng_graph *g)
{
  unsigned char *m = calloc(g->entities.n + 1, 1);
  for (size_t i = 0; i < v->entities.n; i++)
    m[v->entities.v[i]] = 1;
  return m;
}

Test(view, everything_when_unlimited)
{
  ng_graph *g = fx_graph();
  ng_view v;

  ng_view_init(&v, g, 0, 1);
  cr_expect_eq(v.entities.n, 4);
  cr_expect_eq(v.total_entities, 4);
  cr_expect_eq(v.ties.n, 3);
  cr_expect_eq(v.max_mentions, 7);
  cr_expect_eq(v.max_weight, 3);
  cr_expect_eq(v.low_weight, 1);
  for (size_t i = 1; i < v.entities.n; i++)
    cr_expect_lt(v.entities.v[i - 1], v.entities.v[i], "in g's order");
  ng_view_release(&v);
  cr_expect_null(v.entities.v);
  cr_expect_eq(v.ties.n, 0);
  fx_free(g);
}

Test(view, top_keeps_the_most_mentioned_and_breaks_ties_by_order)
{
  ng_graph *g = fx_big(50); /* mentions 1 + i % 7 */
  ng_view v;

  ng_view_init(&v, g, 10, 1);
  cr_assert_eq(v.entities.n, 10);
  unsigned char *m = mask(&v, g);
  for (size_t i = 0; i < g->entities.n; i++)
    for (size_t k = 0; k < g->entities.n; k++)
      if (m[i] && !m[k]) {
        size_t mi = g->entities.v[i].n_mentions;
        size_t mk = g->entities.v[k].n_mentions;
        cr_expect_geq(mi, mk, "kept %zu (%zu) below dropped %zu (%zu)", i, mi,
                      k, mk);
        if (mi == mk)
          cr_expect_lt(i, k, "equal strength: the earlier stays");
      }
  /* Every tie joins two kept entities. */
  for (size_t i = 0; i < v.ties.n; i++)
    cr_expect(m[v.ties.v[i].a] && m[v.ties.v[i].b]);
  free(m);
  ng_view_release(&v);
  fx_free(g);
}

Test(view, min_weight_drops_weak_co_mentions_but_never_roles)
{
  ng_graph *g = fx_graph();
  ng_view v;

  ng_view_init(&v, g, 0, 3);
  cr_expect_eq(v.min_weight, 3);
  cr_assert_eq(v.ties.n, 2, "1-3 (weight 1) goes");
  cr_expect_eq(v.ties.v[0].a, 0);
  cr_expect_eq(v.ties.v[0].b, 1);
  cr_expect_eq(v.ties.v[0].role, NG_NONE);
  cr_expect_eq(v.ties.v[1].b, 2);
  cr_expect_eq(v.ties.v[1].n_roles, 1, "the role, weight 2, stays");
  cr_expect_eq(v.ties.v[1].weight, 2);
  ng_view_release(&v);
  fx_free(g);
}

/* Drop g's edges (or events), freeing what fx_graph gave them. */
static void clear_edges(ng_graph *g)
{
  for (size_t i = 0; i < g->edges.n; i++) {
    NG_VEC_FREE(g->edges.v[i].sources);
    NG_VEC_FREE(g->edges.v[i].spans);
  }
  g->edges.n = 0;
}

static void clear_events(ng_graph *g)
{
  for (size_t i = 0; i < g->events.n; i++) {
    NG_VEC_FREE(g->events.v[i].participants);
    NG_VEC_FREE(g->events.v[i].sources);
  }
  g->events.n = 0;
}

/* Every pair of n entities tied, weights (a + b) % 5 + 1. */
static ng_graph *dense(size_t n)
{
  ng_graph *g = fx_big(n);
  clear_edges(g);
  for (size_t a = 0; a < n; a++)
    for (size_t b = a + 1; b < n; b++) {
      ng_gedge *e = NG_VEC_PUSH(g->edges);
      e->a = a, e->b = b, e->weight = (unsigned)((a + b) % 5 + 1);
    }
  return g;
}

/*
 * The automatic cut keeps at most NG_VIEW_TIES_PER_ENTITY co-mention
 * ties per entity, and keeps or drops equally strong ties together.
 */
Test(view, automatic_weight_keeps_about_three_ties_per_entity)
{
  ng_graph *g = dense(20); /* 190 ties */
  ng_view v;
  size_t at_cut = 0, above = 0;

  ng_view_init(&v, g, 0, 0);
  cr_expect_gt(v.min_weight, 1);
  cr_expect_leq(v.ties.n, NG_VIEW_TIES_PER_ENTITY * 20);
  for (size_t i = 0; i < g->edges.n; i++) {
    above += g->edges.v[i].weight >= v.min_weight;
    at_cut += g->edges.v[i].weight >= v.min_weight - 1;
  }
  cr_expect_eq(v.ties.n, above, "every tie at or above the cut stays");
  cr_expect_gt(at_cut, NG_VIEW_TIES_PER_ENTITY * 20,
               "one weight lower would be over budget");
  for (size_t i = 0; i < v.ties.n; i++)
    cr_expect_geq(v.ties.v[i].weight, v.min_weight);
  ng_view_release(&v);

  /* Small and sparse: nothing to cut. */
  g->edges.n = 5;
  ng_view_init(&v, g, 0, 0);
  cr_expect_eq(v.min_weight, 1);
  cr_expect_eq(v.ties.n, 5);
  ng_view_release(&v);
  fx_free(g);
}

Test(view, all_ties_equally_strong_and_over_budget_all_stay)
{
  ng_graph *g = fx_big(8);
  ng_view v;

  clear_edges(g);
  for (size_t a = 0; a < 8; a++)
    for (size_t b = a + 1; b < 8; b++) {
      ng_gedge *e = NG_VEC_PUSH(g->edges);
      e->a = a, e->b = b, e->weight = 2;
    }
  ng_view_init(&v, g, 0, 0);
  cr_expect_eq(v.min_weight, 2);
  cr_expect_eq(v.ties.n, 28);
  ng_view_release(&v);
  fx_free(g);
}

/*
 * A pair named together that also has roles is one tie: the roles of
 * one direction, the co-mention count folded in.
 */
Test(view, roles_and_co_mention_of_a_pair_fold_into_one_tie)
{
  ng_graph *g = fx_graph();
  ng_view v;
  ng_gedge *e;

  /* Peskov (0) - Kremlin (2): named together 4 times, and two roles. */
  clear_edges(g);
  e = NG_VEC_PUSH(g->edges);
  e->a = 0, e->b = 2, e->weight = 4;
  e = NG_VEC_PUSH(g->edges);
  e->a = 0, e->b = 2, e->weight = 2, e->role = fx_str(g, "spokesman");
  e = NG_VEC_PUSH(g->edges);
  e->a = 0, e->b = 2, e->weight = 1, e->role = fx_str(g, "aide");
  /* And a role the other way round, Kremlin -> Peskov. */
  e = NG_VEC_PUSH(g->edges);
  e->a = 2, e->b = 0, e->weight = 1, e->role = fx_str(g, "employer");

  ng_view_init(&v, g, 0, 1);
  cr_assert_eq(v.ties.n, 2);
  cr_expect_eq(v.ties.v[0].a, 0);
  cr_expect_eq(v.ties.v[0].b, 2);
  cr_expect_eq(v.ties.v[0].role, 1);
  cr_expect_eq(v.ties.v[0].n_roles, 2);
  cr_expect_eq(v.ties.v[0].together, 4);
  cr_expect_eq(v.ties.v[0].weight, 4 + 2 + 1);
  cr_expect_eq(v.ties.v[1].a, 2);
  cr_expect_eq(v.ties.v[1].b, 0);
  cr_expect_eq(v.ties.v[1].n_roles, 1);
  cr_expect_eq(v.ties.v[1].together, 0, "counted once, on the first");
  ng_view_release(&v);
  fx_free(g);
}

Test(view, events_strongest_first_returned_in_date_order)
{
  ng_graph *g = fx_graph();
  size_t out[10];

  /* Four events; sources 1, 3, 1, 2; participants break the tie. */
  clear_events(g);
  for (size_t i = 0; i < 4; i++) {
    ng_gevent *ev = NG_VEC_PUSH(g->events);
    static const size_t sources[] = {1, 3, 1, 2};
    snprintf(ev->date, sizeof(ev->date), "2021-02-1%zu", i);
    for (size_t k = 0; k < sources[i]; k++)
      *NG_VEC_PUSH(ev->sources) = fx_source(g, 0, "x", 0, NULL, NULL);
    if (i == 2)
      *NG_VEC_PUSH(ev->participants) = 1;
  }
  cr_assert_eq(ng_view_events(g, 3, out), 3);
  cr_expect_eq(out[0], 1);
  cr_expect_eq(out[1], 2, "one source but a participant beats event 0");
  cr_expect_eq(out[2], 3);
  cr_expect_eq(ng_view_events(g, 10, out), 4, "all when they fit");
  fx_free(g);
}

/* Views of two graphs at once do not disturb each other. */
Test(view, reentrant)
{
  ng_graph *a = fx_big(40), *b = fx_big(60);
  ng_view va, vb, va2;

  ng_view_init(&va, a, 5, 1);
  ng_view_init(&vb, b, 7, 1);
  ng_view_init(&va2, a, 5, 1);
  cr_expect_eq(va.entities.n, 5);
  cr_expect_eq(vb.entities.n, 7);
  cr_expect_eq(memcmp(va.entities.v, va2.entities.v, 5 * sizeof(size_t)), 0);
  ng_view_release(&va);
  ng_view_release(&vb);
  ng_view_release(&va2);
  fx_free(a);
  fx_free(b);
}
