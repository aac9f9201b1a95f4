#include <criterion/criterion.h>
#include <string.h>

#include <cgraph.h>

#include "write/write_internal.h"
#include "write_fixture.h"

/* The hostile name as a label: backslashes doubled, newline a space. */
#define HOSTILE_LABEL                                                       \
  "C:\\\\Users\\\\Nina \"the <b>&amp;amp;</b>\" \\\\N & <x> end\\\\"

/* graph.dot of g, read back by cgraph's own parser. */
static Agraph_t *reread(const ng_graph *g, ng_buf *dot)
{
  ng_err err = NG_ERR_INIT;
  Agraph_t *ag;

  cr_assert_eq(ng_write_dot(g, dot, &err), 0, "%s", err.msg);
  ag = agmemread(dot->ptr);
  cr_assert_not_null(ag, "graph.dot does not parse:\n%s", dot->ptr);
  return ag;
}

static Agnode_t *node(Agraph_t *ag, const char *id)
{
  Agnode_t *n = agnode(ag, (char *)id, 0);
  cr_assert_not_null(n, "no node '%s'", id);
  return n;
}

Test(dot, one_node_per_entity_with_label_and_style)
{
  ng_graph *g = fx_graph();
  ng_buf dot = NG_BUF_INIT;
  Agraph_t *ag = reread(g, &dot);

  cr_expect_eq(agnnodes(ag), 4);
  cr_expect_eq(agnedges(ag), 3);
  cr_expect(agisdirected(ag));
  Agnode_t *musk = node(ag, "person:elon-musk");
  cr_expect_str_eq(agget(musk, "label"), "Elon Musk");
  cr_expect_str_eq(agget(musk, "shape"), "ellipse");
  cr_expect(strstr(agget(musk, "tooltip"), "also: @elonmusk, Musk") != NULL,
            "%s", agget(musk, "tooltip"));
  cr_expect_str_eq(agget(node(ag, "organization:kremlin"), "shape"), "box");
  cr_expect_str_eq(agget(node(ag, "place:hostile"), "shape"), "hexagon");
  cr_expect_str_neq(agget(musk, "fillcolor"),
                    agget(node(ag, "organization:kremlin"), "fillcolor"));
  cr_expect_str_eq(agget(ag, "layout"), "dot");

  agclose(ag);
  ng_buf_release(&dot);
  fx_free(g);
}

Test(dot, hostile_text_survives_as_written)
{
  ng_graph *g = fx_graph();
  ng_buf dot = NG_BUF_INIT;
  Agraph_t *ag = reread(g, &dot);
  Agnode_t *n = node(ag, "place:hostile");

  cr_expect_str_eq(agget(n, "label"), HOSTILE_LABEL);
  cr_expect(strstr(agget(n, "tooltip"), "also: \\\\G") != NULL, "%s",
            agget(n, "tooltip"));
  /* The title's newline never reaches a DOT line of its own. */
  cr_expect(strstr(dot.ptr, "\nend") == NULL);

  agclose(ag);
  ng_buf_release(&dot);
  fx_free(g);
}

Test(dot, edges_carry_weight_and_roles)
{
  ng_graph *g = fx_graph();
  ng_buf dot = NG_BUF_INIT;
  Agraph_t *ag = reread(g, &dot);
  Agnode_t *peskov = node(ag, "person:dmitry-peskov");
  Agnode_t *musk = node(ag, "person:elon-musk");
  Agnode_t *kremlin = node(ag, "organization:kremlin");
  Agedge_t *co = agedge(ag, peskov, musk, NULL, 0);
  Agedge_t *role = agedge(ag, peskov, kremlin, NULL, 0);

  cr_assert_not_null(co);
  cr_expect_str_eq(agget(co, "weight"), "3");
  cr_expect_str_eq(agget(co, "penwidth"), "2.0");
  cr_expect_str_eq(agget(co, "dir"), "none");
  cr_expect_str_eq(agget(co, "label"), "");

  cr_assert_not_null(role);
  cr_expect_eq(agtail(role), peskov, "role edges point from the holder");
  cr_expect_str_eq(agget(role, "label"), "spokesman of");
  cr_expect_str_eq(agget(role, "dir"), "forward");
  cr_expect_str_eq(agget(role, "weight"), "2");
  cr_expect_str_neq(agget(role, "color"), agget(co, "color"));

  agclose(ag);
  ng_buf_release(&dot);
  fx_free(g);
}

Test(dot, same_graph_same_bytes)
{
  ng_graph *g = fx_graph();
  ng_buf a = NG_BUF_INIT, b = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;

  cr_assert_eq(ng_write_dot(g, &a, &err), 0);
  cr_assert_eq(ng_write_dot(g, &b, &err), 0);
  cr_expect_eq(a.len, b.len);
  cr_expect_eq(memcmp(a.ptr, b.ptr, a.len), 0);
  cr_expect(strstr(a.ptr, "0x") == NULL, "no pointers in the output");

  ng_buf_release(&a);
  ng_buf_release(&b);
  fx_free(g);
}

Test(dot, appends_to_what_the_buffer_holds)
{
  ng_graph *g = fx_empty();
  ng_buf dot = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;

  ng_buf_adds(&dot, "// head\n");
  cr_assert_eq(ng_write_dot(g, &dot, &err), 0);
  cr_expect_eq(strncmp(dot.ptr, "// head\ndigraph newsgraph", 25), 0, "%s",
               dot.ptr);

  ng_buf_release(&dot);
  fx_free(g);
}

Test(dot, empty_graph_is_valid)
{
  ng_graph *g = fx_empty();
  ng_buf dot = NG_BUF_INIT;
  Agraph_t *ag = reread(g, &dot);

  cr_expect_eq(agnnodes(ag), 0);
  cr_expect_eq(agnedges(ag), 0);

  agclose(ag);
  ng_buf_release(&dot);
  fx_free(g);
}

Test(dot, big_graphs_ask_for_sfdp)
{
  ng_graph *g = fx_big(NG_DOT_MAX_NODES + 1);
  ng_buf dot = NG_BUF_INIT;
  Agraph_t *ag = reread(g, &dot);

  cr_expect_str_eq(agget(ag, "layout"), "sfdp");
  cr_expect_eq((size_t)agnnodes(ag), g->entities.n);
  agclose(ag);
  ng_buf_release(&dot);
  fx_free(g);

  /* Few entities but many ties: dot would take seconds too. */
  g = fx_big(40);
  g->edges.n = 0;
  for (size_t a = 0; a < 40; a++)
    for (size_t b = a + 1; b < 40; b++) {
      ng_gedge *e = NG_VEC_PUSH(g->edges);
      e->a = a, e->b = b, e->weight = 1;
    }
  ag = reread(g, &dot);
  cr_expect_lt(g->entities.n, NG_DOT_MAX_NODES);
  cr_expect_gt(g->edges.n, NG_DOT_MAX_EDGES);
  cr_expect_str_eq(agget(ag, "layout"), "sfdp");
  agclose(ag);
  ng_buf_release(&dot);
  fx_free(g);
}

Test(dot, refuses_unfinished_or_broken_graphs)
{
  ng_graph *g = fx_graph();
  ng_buf dot = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;

  g->finished = 0;
  cr_expect_eq(ng_write_dot(g, &dot, &err), NG_ERR_USAGE);
  cr_expect_eq(err.status, NG_ERR_USAGE);
  g->finished = 1;
  g->edges.v[0].b = 99;
  cr_expect_eq(ng_write_dot(g, &dot, &err), NG_ERR_USAGE);
  cr_expect(strstr(err.msg, "99") != NULL, "%s", err.msg);
  cr_expect_eq(dot.len, 0);

  ng_buf_release(&dot);
  fx_free(g);
}
