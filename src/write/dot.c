/*
 * graph.dot and graph.svg: the merged entity graph, drawn.  What is drawn
 * is a view (model/view.h): by default the 100 most mentioned entities
 * and their strongest ties, so the picture reads at any corpus size.
 * graph.dot is the cgraph graph written with agwrite; graph.svg is the
 * same graph laid out by svg.c, so re-rendering graph.dot gives
 * graph.svg (less the legend, which is the DOT's graph label).
 *
 * The graph is directed because role edges read one way ("Peskov is
 * spokesman of Kremlin"); co-mention edges carry dir=none.  Nodes and
 * edges are created in g's own (sorted) order, and agwrite writes them in
 * creation order, so equal graphs give equal bytes.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "write/write_internal.h"

static const ng_draw_options defaults = NG_DRAW_OPTIONS_INIT;

/* Declare every attribute once, with the defaults most objects keep. */
static void declare(Agraph_t *ag, const char *engine, const ng_view *v)
{
  int forced_dot = strcmp(engine, "dot") == 0;
  int big = v->entities.n > NG_DOT_MAX_NODES || v->ties.n > NG_DOT_MAX_EDGES;

  agattr(ag, AGRAPH, "layout", (char *)engine);
  agattr(ag, AGRAPH, "overlap", "prism");
  agattr(ag, AGRAPH, "sep", "+6");
  agattr(ag, AGRAPH, "splines",
         v->ties.n > NG_SPLINES_MAX_EDGES ? "false" : "true");
  agattr(ag, AGRAPH, "outputorder", "edgesfirst");
  agattr(ag, AGRAPH, "fontname", NG_GV_FONT);
  agattr(ag, AGRAPH, "fontsize", "10");
  agattr(ag, AGRAPH, "labelloc", "b");
  agattr(ag, AGRAPH, "label", "");
  /* The force layouts start from random positions: a fixed seed. */
  agattr(ag, AGRAPH, "start", "1");
  if (forced_dot) {
    agattr(ag, AGRAPH, "rankdir", "LR");
    if (big) { /* minutes otherwise; the cap costs tidiness only */
      agattr(ag, AGRAPH, "mclimit", "0.1");
      agattr(ag, AGRAPH, "nslimit", "1");
      agattr(ag, AGRAPH, "nslimit1", "1");
      agattr(ag, AGRAPH, "searchsize", "10");
    }
  }

  agattr(ag, AGNODE, "label", "\\N");
  agattr(ag, AGNODE, "shape", "ellipse");
  agattr(ag, AGNODE, "style", "filled");
  agattr(ag, AGNODE, "fillcolor", "#eeeeee");
  agattr(ag, AGNODE, "color", "#555555");
  agattr(ag, AGNODE, "fontname", NG_GV_FONT);
  agattr(ag, AGNODE, "fontsize", "11");
  agattr(ag, AGNODE, "tooltip", "");
  agattr(ag, AGNODE, "id", "");

  agattr(ag, AGEDGE, "dir", "none");
  agattr(ag, AGEDGE, "color", NG_GV_TIE_COLOR);
  agattr(ag, AGEDGE, "fontcolor", NG_GV_ROLE_COLOR);
  agattr(ag, AGEDGE, "fontname", NG_GV_FONT);
  agattr(ag, AGEDGE, "fontsize", "10");
  agattr(ag, AGEDGE, "weight", "1");
  agattr(ag, AGEDGE, "penwidth", "1");
  agattr(ag, AGEDGE, "label", "");
  agattr(ag, AGEDGE, "tooltip", "");
}

/*
 * Does engine build on clusters?  osage packs them and patchwork tiles
 * them.  In Graphviz 2.42 the others are worse off with them: neato
 * draws them over each other, fdp places them differently from run to
 * run (its working graphs are ordered by address), and dot leaks its
 * cluster skeletons (114 KB per layout of the samples).  (osage and
 * patchwork leak a little on every call in 2.42 anyway, as neato does.)
 */
static int draws_clusters(const char *engine)
{
  return !strcmp(engine, "osage") || !strcmp(engine, "patchwork");
}

/*
 * One cluster per type, for the engines built on clusters; the others
 * get none, and the root graph.
 */
static Agraph_t *cluster(Agraph_t *ag, Agraph_t *cl[3], ng_entity_type t)
{
  static char *const names[] = {"cluster_person", "cluster_organization",
                                "cluster_place"};
  static char *const labels[] = {"people", "organizations", "places"};
  if (!draws_clusters(agget(ag, "layout")) || (unsigned)t > 2)
    return ag;
  if (!cl[t]) {
    cl[t] = agsubg(ag, names[t], 1);
    agsafeset(cl[t], "label", labels[t], "");
    agsafeset(cl[t], "style", "rounded,dashed", "");
    agsafeset(cl[t], "color", "#bbbbbb", "");
    agsafeset(cl[t], "fontcolor", "#777777", "");
  }
  return cl[t];
}

static void add_node(Agnode_t *n, const ng_gentity *e, const ng_view *v,
                     ng_buf *tmp)
{
  char *shape, *fill, num[32];
  double share = v->max_mentions
                     ? (double)e->n_mentions / (double)v->max_mentions
                     : 1.0;

  ng_gv_style(e->type, &shape, &fill);
  agset(n, "shape", shape);
  agset(n, "fillcolor", fill);
  /* Bigger for more mentions: 10 to 22 points, by the square root. */
  snprintf(num, sizeof(num), "%.1f", 10.0 + 12.0 * sqrt(share));
  agset(n, "fontsize", num);
  ng_gv_set_esc(n, "label", e->name, tmp);
  ng_gv_set_esc(n, "id", e->id, tmp);

  /* "Vladimir Putin (person, 12 mentions)\nalso: Putin, President Putin" */
  ng_buf_reset(tmp);
  ng_gv_esc(tmp, e->name);
  ng_buf_addf(tmp, " (%s, %zu mention%s)", ng_entity_type_name(e->type),
              e->n_mentions, e->n_mentions == 1 ? "" : "s");
  for (size_t i = 0; i < e->aliases.n; i++) {
    ng_buf_adds(tmp, i ? ", " : "\\nalso: ");
    ng_gv_esc(tmp, e->aliases.v[i]);
  }
  agset(n, "tooltip", tmp->ptr);
}

/* Width 1 to 5 by weight, on a log scale between the view's extremes. */
static double pen_width(unsigned w, const ng_view *v)
{
  if (v->max_weight <= v->low_weight || w <= v->low_weight)
    return v->max_weight > v->low_weight ? 1.0 : 1.5;
  return 1.0 + 4.0 * log((double)w / v->low_weight) /
                   log((double)v->max_weight / v->low_weight);
}

/* The distinct roles of a tie, "CEO / chief executive", escaped. */
static void add_roles(ng_buf *b, const ng_graph *g, const ng_tie *t)
{
  for (size_t i = 0; i < t->n_roles; i++) {
    const char *r = g->edges.v[t->role + i].role;
    size_t k = 0;
    while (k < i && strcasecmp(g->edges.v[t->role + k].role, r) != 0)
      k++;
    if (k < i)
      continue;
    if (i)
      ng_buf_adds(b, " / ");
    ng_gv_esc(b, r);
  }
}

static void add_edge(Agedge_t *ae, const ng_tie *t, const ng_graph *g,
                     const ng_view *v, ng_buf *tmp)
{
  char num[32];
  const char *a = g->entities.v[t->a].name, *b = g->entities.v[t->b].name;

  snprintf(num, sizeof(num), "%u", t->weight);
  agset(ae, "weight", num);
  snprintf(num, sizeof(num), "%.1f", pen_width(t->weight, v));
  agset(ae, "penwidth", num);

  ng_buf_reset(tmp);
  ng_gv_esc(tmp, a);
  if (t->n_roles) {
    unsigned sources = t->weight - t->together;
    agset(ae, "dir", "forward");
    agset(ae, "color", NG_GV_ROLE_COLOR);
    /* "Dmitry Peskov: spokesman of Kremlin (2 sources)" */
    ng_buf_adds(tmp, ": ");
    add_roles(tmp, g, t);
    ng_buf_adds(tmp, " of ");
    ng_gv_esc(tmp, b);
    ng_buf_addf(tmp, " (%u source%s)", sources, sources == 1 ? "" : "s");
    if (t->together)
      ng_buf_addf(tmp, "; named together in %u sentence%s", t->together,
                  t->together == 1 ? "" : "s");
    agset(ae, "tooltip", tmp->ptr);
    /* The arrow reads "Dmitry Peskov spokesperson of Kremlin". */
    ng_buf_reset(tmp);
    add_roles(tmp, g, t);
    ng_buf_adds(tmp, " of");
    agset(ae, "label", tmp->ptr);
    return;
  }
  /* "Dmitry Peskov and Elon Musk: 3 sentences together" */
  ng_buf_adds(tmp, " and ");
  ng_gv_esc(tmp, b);
  ng_buf_addf(tmp, ": %u sentence%s together", t->together,
              t->together == 1 ? "" : "s");
  agset(ae, "tooltip", tmp->ptr);
}

/* What the view left out, for the legend: up to two lines, or none. */
static void view_notes(const ng_view *v, char notes[2][160])
{
  char a[32], b[32];
  int k = 0;
  notes[0][0] = notes[1][0] = '\0';
  if (v->entities.n < v->total_entities)
    snprintf(notes[k++], sizeof(notes[0]),
             "the %s most mentioned of %s entities (--top)",
             ng_gv_count(v->entities.n, a), ng_gv_count(v->total_entities, b));
  if (v->min_weight > 1)
    snprintf(notes[k], sizeof(notes[0]),
             "lines: pairs named together in %u or more sentences "
             "(--min-weight)",
             v->min_weight);
}

static void legend_of(const ng_view *v, ng_legend *l)
{
  static const struct {
    ng_legend_kind kind;
    const char *color, *text;
  } keys[] = {
      {NG_LEGEND_ELLIPSE, NG_GV_PERSON_FILL, "person"},
      {NG_LEGEND_BOX, NG_GV_ORG_FILL, "organization"},
      {NG_LEGEND_HEXAGON, NG_GV_PLACE_FILL, "place (bigger: more mentions)"},
      {NG_LEGEND_LINE, NG_GV_TIE_COLOR,
       "named in one sentence (thicker: more often)"},
      {NG_LEGEND_ARROW, NG_GV_ROLE_COLOR, "role: A is CEO of B"},
  };
  memset(l, 0, sizeof(*l));
  for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
    l->keys[i].kind = keys[i].kind;
    l->keys[i].color = keys[i].color;
    l->keys[i].text = keys[i].text;
  }
  l->n_keys = sizeof(keys) / sizeof(keys[0]);
  view_notes(v, l->notes);
}

/* The legend in words, as graph.dot's label. */
static void label_legend(Agraph_t *ag, const ng_view *v, ng_buf *tmp)
{
  char notes[2][160];
  ng_buf_reset(tmp);
  ng_buf_adds(tmp, "ellipse: person    box: organization    hexagon: place"
                   "    line: named together    arrow A to B: A is (role) "
                   "of B");
  view_notes(v, notes);
  for (int i = 0; i < 2 && notes[i][0]; i++)
    ng_buf_addf(tmp, "\\n%s", notes[i]);
  agset(ag, "label", tmp->ptr);
}

int ng_agraph_build(const ng_graph *g, const ng_draw_options *o,
                    ng_legend *legend, Agraph_t **out, ng_err *err)
{
  Agraph_t *ag, *sub, *cl[3] = {NULL, NULL, NULL};
  Agnode_t **nodes;
  ng_buf tmp = NG_BUF_INIT;
  ng_view v;
  int ret;

  *out = NULL;
  if (!o)
    o = &defaults;
  if ((ret = ng_gv_check(g, err)) < 0)
    return ret;
  if (o->layout && !ng_draw_layout_valid(o->layout))
    return ng_err_set(err, NG_ERR_USAGE, "unknown layout engine '%s'",
                      o->layout);
  ag = ng_gv_open("newsgraph");
  if (!ag)
    return ng_err_set(err, NG_ERR_NOMEM, "cannot create the graph");

  ng_view_init(&v, g, o->top, o->min_weight);
  declare(ag, o->layout ? o->layout : "sfdp", &v);
  if (v.entities.n)
    label_legend(ag, &v, &tmp);
  if (legend)
    legend_of(&v, legend);
  nodes = ng_xcalloc(g->entities.n + 1, sizeof(*nodes));
  for (size_t i = 0; i < v.entities.n; i++) {
    const ng_gentity *e = &g->entities.v[v.entities.v[i]];
    Agnode_t *n = agnode(ag, (char *)ng_gv_name(&tmp, e->id), 1);
    add_node(n, e, &v, &tmp);
    if ((sub = cluster(ag, cl, e->type)) != ag)
      agsubnode(sub, n, 1);
    nodes[v.entities.v[i]] = n;
  }
  for (size_t i = 0; i < v.ties.n; i++) {
    const ng_tie *t = &v.ties.v[i];
    add_edge(agedge(ag, nodes[t->a], nodes[t->b], NULL, 1), t, g, &v, &tmp);
  }

  free(nodes);
  ng_view_release(&v);
  ng_buf_release(&tmp);
  *out = ag;
  return 0;
}

/* ------------------------------------------------------------------ */
/* Writing                                                            */

int ng_gv_write_dot(Agraph_t *ag, ng_buf *out, ng_err *err)
{
  char *mem = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&mem, &len);
  int wrote;

  if (!f)
    return ng_err_set(err, NG_ERR_NOMEM, "cannot open a memory stream");
  wrote = agwrite(ag, f);
  if (fclose(f) != 0 || wrote != 0) {
    const char *msg = ng_agerr_end();
    ng_agerr_begin();
    free(mem);
    return ng_err_set(err, NG_ERR_RENDER, "cannot write the graph as DOT%s%s",
                      *msg ? ": " : "", msg);
  }
  ng_buf_add(out, mem, len);
  if (len && mem[len - 1] != '\n')
    ng_buf_addch(out, '\n'); /* agwrite stops at the brace */
  free(mem);
  return 0;
}

int ng_write_dot_opts(const ng_graph *g, const ng_draw_options *o,
                      ng_buf *out, ng_err *err)
{
  Agraph_t *ag;
  int ret;

  ng_agerr_begin();
  if ((ret = ng_agraph_build(g, o, NULL, &ag, err)) == 0) {
    ret = ng_gv_write_dot(ag, out, err);
    agclose(ag);
  }
  ng_agerr_end();
  return ret;
}

int ng_write_dot(const ng_graph *g, ng_buf *out, ng_err *err)
{
  return ng_write_dot_opts(g, NULL, out, err);
}

int ng_write_svg_opts(const ng_graph *g, const ng_draw_options *o,
                      ng_buf *out, ng_err *err)
{
  Agraph_t *ag;
  ng_legend legend;
  int ret;

  ng_agerr_begin();
  if ((ret = ng_agraph_build(g, o, &legend, &ag, err)) == 0) {
    ret = ng_gv_render_svg(ag, &legend, out, err);
    agclose(ag);
  }
  ng_agerr_end();
  return ret;
}

int ng_write_svg(const ng_graph *g, ng_buf *out, ng_err *err)
{
  return ng_write_svg_opts(g, NULL, out, err);
}
