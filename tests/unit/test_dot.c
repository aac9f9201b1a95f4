#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include <cgraph.h>

#include "write/write_internal.h"
#include "hostile_fixture.h"
#include "util/utf8.h"

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
  cr_expect_str_eq(agget(ag, "layout"), "sfdp", "entity networks: sfdp");
  /* Bigger for more mentions: Musk has the most. */
  cr_expect_str_eq(agget(musk, "fontsize"), "22.0");
  cr_expect_lt(atof(agget(node(ag, "place:hostile"), "fontsize")),
               atof(agget(node(ag, "person:dmitry-peskov"), "fontsize")));
  cr_expect_null(agsubg(ag, "cluster_person", 0), "sfdp draws no clusters");
  cr_expect(strstr(agget(ag, "label"), "ellipse: person") != NULL,
            "the legend in words");

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
  cr_expect_str_eq(agget(co, "penwidth"), "5.0", "the strongest: widest");
  cr_expect_str_eq(agget(co, "dir"), "none");
  cr_expect_str_eq(agget(co, "label"), "");
  cr_expect_str_eq(agget(agedge(ag, musk, node(ag, "place:hostile"), NULL, 0),
                         "penwidth"),
                   "1.0", "the weakest: thinnest");

  cr_assert_not_null(role);
  cr_expect_eq(agtail(role), peskov, "role edges point from the holder");
  cr_expect_str_eq(agget(role, "label"), "spokesman of");
  cr_expect_str_eq(agget(role, "dir"), "forward");
  cr_expect_str_eq(agget(role, "weight"), "2");
  cr_expect_str_neq(agget(role, "color"), agget(co, "color"));
  cr_expect(strstr(agget(role, "tooltip"),
                   "Dmitry Peskov: spokesman of Kremlin (2 sources)") != NULL,
            "%s", agget(role, "tooltip"));

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

/* graph.dot of g drawn as o says, read back. */
static Agraph_t *reread_opts(const ng_graph *g, const ng_draw_options *o,
                             ng_buf *dot)
{
  ng_err err = NG_ERR_INIT;
  Agraph_t *ag;

  ng_buf_reset(dot);
  cr_assert_eq(ng_write_dot_opts(g, o, dot, &err), 0, "%s", err.msg);
  ag = agmemread(dot->ptr);
  cr_assert_not_null(ag, "graph.dot does not parse:\n%s", dot->ptr);
  return ag;
}

Test(dot, roles_fold_into_one_labelled_arrow)
{
  ng_graph *g = fx_graph();
  ng_buf dot = NG_BUF_INIT;
  ng_gedge *e;

  /*
   * Peskov (0) -> Kremlin (2): "Spokesman" and "aide" besides the
   * fixture's "spokesman", in the (a, b, role) order ng_graph_finish
   * leaves; the fixture's own sources vector moves with its edge.
   */
  ng_gedge co = g->edges.v[0], spokesman = g->edges.v[1], far = g->edges.v[2];
  g->edges.n = 0;
  *NG_VEC_PUSH(g->edges) = co;
  e = NG_VEC_PUSH(g->edges);
  e->a = 0, e->b = 2, e->weight = 1, e->role = fx_str(g, "Spokesman");
  e = NG_VEC_PUSH(g->edges);
  e->a = 0, e->b = 2, e->weight = 1, e->role = fx_str(g, "aide");
  *NG_VEC_PUSH(g->edges) = spokesman;
  *NG_VEC_PUSH(g->edges) = far;

  Agraph_t *ag = reread(g, &dot);
  cr_expect_eq(agnedges(ag), 3, "one arrow for the three roles");
  Agedge_t *role = agedge(ag, node(ag, "person:dmitry-peskov"),
                          node(ag, "organization:kremlin"), NULL, 0);
  cr_assert_not_null(role);
  cr_expect_str_eq(agget(role, "label"), "Spokesman / aide of",
                   "case variants shown once");
  cr_expect_str_eq(agget(role, "weight"), "4");
  agclose(ag);
  ng_buf_release(&dot);
  fx_free(g);
}

Test(dot, top_and_min_weight_choose_what_is_drawn)
{
  ng_graph *g = fx_big(2000);
  ng_buf dot = NG_BUF_INIT;
  ng_draw_options o = NG_DRAW_OPTIONS_INIT;
  Agraph_t *ag = reread(g, &dot);

  cr_expect_eq(agnnodes(ag), NG_DRAW_TOP, "the default cut");
  cr_expect(strstr(agget(ag, "label"),
                   "the 100 most mentioned of 2,000 entities") != NULL,
            "%s", agget(ag, "label"));
  for (Agnode_t *n = agfstnode(ag); n; n = agnxtnode(ag, n))
    cr_expect(strstr(agget(n, "tooltip"), "(person, 7 mentions)") ||
                  strstr(agget(n, "tooltip"), "(organization, 7 mentions)") ||
                  strstr(agget(n, "tooltip"), "(place, 7 mentions)"),
              "%s", agget(n, "tooltip"));
  agclose(ag);

  /* The whole graph: every entity, every distinct pair. */
  o.top = 0, o.min_weight = 1;
  ag = reread_opts(g, &o, &dot);
  cr_expect_eq((size_t)agnnodes(ag), g->entities.n);
  size_t pairs = 0;
  for (size_t i = 0; i < g->edges.n; i++) {
    size_t k = 0;
    while (k < i && (g->edges.v[k].a != g->edges.v[i].a ||
                     g->edges.v[k].b != g->edges.v[i].b))
      k++;
    pairs += k == i;
  }
  cr_expect_eq((size_t)agnedges(ag), pairs);
  cr_expect_str_eq(agget(ag, "splines"), "false", "too many to route");
  agclose(ag);

  /* Only ties seen 4 times (fx_big's strongest). */
  o.top = 0, o.min_weight = 4;
  ag = reread_opts(g, &o, &dot);
  cr_expect_gt(agnedges(ag), 0);
  for (Agnode_t *n = agfstnode(ag); n; n = agnxtnode(ag, n))
    for (Agedge_t *e = agfstout(ag, n); e; e = agnxtout(ag, e))
      cr_expect_str_eq(agget(e, "weight"), "4");
  cr_expect(strstr(agget(ag, "label"), "4 or more sentences") != NULL);
  agclose(ag);

  ng_buf_release(&dot);
  fx_free(g);
}

Test(dot, layout_engine_as_asked)
{
  ng_graph *g = fx_graph();
  ng_buf dot = NG_BUF_INIT;
  ng_draw_options o = NG_DRAW_OPTIONS_INIT;
  ng_err err = NG_ERR_INIT;
  Agraph_t *ag, *cl;

  /* osage packs clusters: one per type, holding its entities. */
  o.layout = "osage";
  ag = reread_opts(g, &o, &dot);
  cr_expect_str_eq(agget(ag, "layout"), "osage");
  cl = agsubg(ag, "cluster_person", 0);
  cr_assert_not_null(cl);
  cr_expect_eq(agnnodes(cl), 2);
  cr_expect_not_null(agsubg(ag, "cluster_organization", 0));
  cr_expect_not_null(agsubg(ag, "cluster_place", 0));
  agclose(ag);

  o.layout = "neato";
  ag = reread_opts(g, &o, &dot);
  cr_expect_str_eq(agget(ag, "layout"), "neato");
  cr_expect_null(agsubg(ag, "cluster_person", 0), "neato piles clusters");
  agclose(ag);
  o.layout = "fdp";
  ag = reread_opts(g, &o, &dot);
  cr_expect_null(agsubg(ag, "cluster_person", 0), "fdp's are not stable");
  agclose(ag);

  /* Subgraphs come out in the order they were made, on every run. */
  o.layout = "patchwork";
  ng_buf_reset(&dot);
  cr_assert_eq(ng_write_dot_opts(g, &o, &dot, &err), 0);
  const char *p = strstr(dot.ptr, "cluster_person");
  const char *q = strstr(dot.ptr, "cluster_organization");
  const char *r = strstr(dot.ptr, "cluster_place");
  cr_expect(p && q && r && p < q && q < r, "%s", dot.ptr);
  cr_expect_null(strstr(dot.ptr, "<cluster"), "names are not HTML-like");

  /* dot on a big graph gets its search capped. */
  o.layout = "dot";
  ag = reread_opts(g, &o, &dot);
  cr_expect_str_eq(agget(ag, "rankdir"), "LR");
  cr_expect_null(agget(ag, "mclimit"));
  agclose(ag);
  ng_graph *big = fx_big(NG_DOT_MAX_NODES + 1);
  o.top = 0;
  ag = reread_opts(big, &o, &dot);
  cr_expect_str_eq(agget(ag, "mclimit"), "0.1");
  cr_expect_str_eq(agget(ag, "nslimit"), "1");
  agclose(ag);
  fx_free(big);

  o.layout = "graphviz";
  ng_buf_reset(&dot);
  cr_expect_eq(ng_write_dot_opts(g, &o, &dot, &err), NG_ERR_USAGE);
  cr_expect(strstr(err.msg, "'graphviz'") != NULL, "%s", err.msg);
  cr_expect_eq(dot.len, 0);
  cr_expect(ng_draw_layout_valid("sfdp"));
  cr_expect(!ng_draw_layout_valid("SFDP"));
  cr_expect(!ng_draw_layout_valid(NULL));

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

/*
 * No name, role or id can break graph.dot: cgraph reads it back with
 * every entity, and each label comes back exactly as escaped, on one
 * line, in valid UTF-8.
 */
Test(dot, hostile_names_read_back_exactly)
{
  ng_graph *g = fx_hostile();
  ng_buf dot = NG_BUF_INIT, want = NG_BUF_INIT;
  ng_draw_options o = {0, 1, NULL};
  Agraph_t *ag = reread_opts(g, &o, &dot);

  cr_expect_eq((size_t)agnnodes(ag), g->entities.n);
  cr_expect_eq((size_t)agnedges(ag), g->edges.n);
  for (size_t i = 0; i < g->entities.n; i++) {
    Agnode_t *n = node(ag, ng_gv_name(&want, g->entities.v[i].id));
    ng_buf_reset(&want);
    ng_gv_esc(&want, g->entities.v[i].name);
    cr_expect_str_eq(agget(n, "label"), want.ptr, "entity %zu", i);
  }
  cr_expect_eq(ng_utf8_valid_prefix(dot.ptr, dot.len), dot.len);
  for (size_t i = 0; i < dot.len; i++)
    cr_expect((unsigned char)dot.ptr[i] >= 0x20 || dot.ptr[i] == '\n' ||
                  dot.ptr[i] == '\t',
              "control byte %#x at %zu", dot.ptr[i], i);
  cr_expect_null(strstr(dot.ptr, "\xef\xbf\xbe"), "no U+FFFE");
  agclose(ag);

  /* And with a layout that adds clusters. */
  o.layout = "osage";
  ag = reread_opts(g, &o, &dot);
  cr_expect_eq((size_t)agnnodes(ag), g->entities.n);
  agclose(ag);

  ng_buf_release(&want);
  ng_buf_release(&dot);
  fx_free(g);
}

/* What the escaping does, piece by piece. */
Test(dot, escaping_rules)
{
  ng_buf b = NG_BUF_INIT;
  static const struct {
    const char *in, *out;
  } cases[] = {
      {"C:\\Users", "C:\\\\Users"},
      {"\\N", "\\\\N"},
      {"AT&T", "AT&T"},
      {"&amp; &#38; &x;", "&amp;amp; &amp;#38; &amp;x;"},
      {"a\nb\tc\x01", "a b c "},
      {"\x7f\xc2\x85", "  "},
      {"\xff", "\xef\xbf\xbd"},
      {"\xef\xbf\xbf", "\xef\xbf\xbd"},
      {"<b>\"q\"</b>", "<b>\"q\"</b>"},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    ng_buf_reset(&b);
    ng_gv_esc(&b, cases[i].in);
    cr_expect_str_eq(b.ptr, cases[i].out, "case %zu", i);
  }

  /* Wrapping: lines at spaces, a cut with "...". */
  ng_buf_reset(&b);
  ng_gv_wrap(&b, "Elon Musk invited Vladimir Putin to talk", 12, 100);
  cr_expect_str_eq(b.ptr, "Elon Musk\\ninvited\\nVladimir\\nPutin to\\ntalk");
  ng_buf_reset(&b);
  ng_gv_wrap(&b, "one two three four", 100, 9);
  cr_expect_str_eq(b.ptr, "one two...");
  ng_buf_reset(&b);
  ng_gv_wrap(&b, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 100, 2);
  cr_expect_str_eq(b.ptr, "\xc3\xa9\xc3\xa9...", "cut between characters");
  ng_buf_reset(&b);
  ng_gv_wrap(&b, "back\\slash", 100, 100);
  cr_expect_str_eq(b.ptr, "back\\\\slash", "escaped too");
  ng_buf_release(&b);
}
