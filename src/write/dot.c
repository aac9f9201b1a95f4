/*
 * graph.dot: the merged entity graph as a cgraph graph, written with
 * agwrite.  The same graph feeds svg.c, so what the user re-renders from
 * graph.dot is what graph.svg shows.
 *
 * The graph is directed because role edges read one way ("Peskov is
 * spokesman of Kremlin"); co-mention edges carry dir=none.  Nodes and
 * edges are created in g's own (sorted) order, and agwrite writes them in
 * creation order, so equal graphs give equal bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"
#include "write/write_internal.h"

/* ------------------------------------------------------------------ */
/* Diagnostics                                                        */

static char agerr_text[512];
static size_t agerr_len;
static agusererrf agerr_prev;

/*
 * Graphviz may deliver one message in several calls (a prefix, then the
 * text), so the pieces are appended, up to the buffer's size.
 */
static int agerr_collect(char *msg)
{
  size_t n = strlen(msg);
  if (n > sizeof(agerr_text) - 1 - agerr_len)
    n = sizeof(agerr_text) - 1 - agerr_len;
  memcpy(agerr_text + agerr_len, msg, n);
  agerr_len += n;
  agerr_text[agerr_len] = '\0';
  return 0;
}

void ng_agerr_begin(void)
{
  agerr_len = 0;
  agerr_text[0] = '\0';
  agerr_prev = agseterrf(agerr_collect);
}

const char *ng_agerr_end(void)
{
  agseterrf(agerr_prev);
  /* One line for ng_err: trailing newlines and inner breaks go. */
  while (agerr_len && (agerr_text[agerr_len - 1] == '\n' ||
                       agerr_text[agerr_len - 1] == ' '))
    agerr_text[--agerr_len] = '\0';
  for (size_t i = 0; i < agerr_len; i++)
    if (agerr_text[i] == '\n')
      agerr_text[i] = ' ';
  return agerr_text;
}

/* ------------------------------------------------------------------ */
/* Building the graph                                                 */

/* Does s start with something Graphviz reads as an entity, "&amp;"? */
static int entity_at(const char *s)
{
  size_t i = 1;
  if (s[i] == '#')
    i++;
  while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
         (s[i] >= '0' && s[i] <= '9'))
    i++;
  return i > 1 && s[i] == ';';
}

/*
 * Append s as a Graphviz escString: labels and tooltips expand \N, \G,
 * \n, \l and friends, so a name like "C:\Users\Nina" must have every
 * backslash doubled to come out as written.  Graphviz also decodes HTML
 * entities in plain labels, so an "&" that starts one ("&amp;" in the
 * article) becomes "&amp;"; a lone "&", as in "AT&T", is left alone.
 * Control characters become spaces and invalid UTF-8 becomes U+FFFD, so
 * nothing the articles hold can break the lines or the charset.
 */
static void add_esc(ng_buf *b, const char *s)
{
  size_t len = strlen(s), i = 0;
  while (i < len) {
    size_t at = i;
    uint32_t c = ng_utf8_next(s, len, &i);
    char u[4];
    if (c == '\\')
      ng_buf_add(b, "\\\\", 2);
    else if (c == '&' && entity_at(s + at))
      ng_buf_adds(b, "&amp;");
    else if (c < 0x20 || c == 0x7f)
      ng_buf_addch(b, ' ');
    else
      ng_buf_add(b, u, ng_utf8_encode(c, u));
  }
}

/* Set attribute name of obj to the escString form of s. */
static void set_esc(void *obj, char *name, const char *s, ng_buf *tmp)
{
  ng_buf_reset(tmp);
  add_esc(tmp, s);
  agset(obj, name, tmp->ptr);
}

/* Shape and fill colour per entity type; the legend repeats them. */
static void style_of(ng_entity_type t, char **shape, char **fill)
{
  switch (t) {
  case NG_ENTITY_PERSON:
    *shape = "ellipse", *fill = "#cfe2f3";
    return;
  case NG_ENTITY_ORG:
    *shape = "box", *fill = "#fce5cd";
    return;
  case NG_ENTITY_PLACE:
    *shape = "hexagon", *fill = "#d9ead3";
    return;
  }
  *shape = "octagon", *fill = "#eeeeee";
}

#define ROLE_COLOR "#7b3294"
#define FONT "Helvetica,Arial,sans-serif"

/*
 * The legend is the root graph's label rather than a cluster of fake
 * nodes: readers of graph.dot then find one node per entity and nothing
 * else, and sfdp, which ignores clusters, still draws it.  It is plain
 * text because Graphviz 2.42 leaks every HTML-like label it lays out.
 */
static const char legend[] =
    "ellipse: person    box: organization    hexagon: place    "
    "line: named together    arrow A to B: A is (role) of B";

/* Declare every attribute once, with the defaults most objects keep. */
static void declare(Agraph_t *ag, size_t n_nodes, size_t n_edges)
{
  int big = n_nodes > NG_DOT_MAX_NODES || n_edges > NG_DOT_MAX_EDGES;

  agattr(ag, AGRAPH, "layout", big ? "sfdp" : "dot");
  agattr(ag, AGRAPH, "rankdir", "LR");
  agattr(ag, AGRAPH, "overlap", big ? "prism" : "false");
  /*
   * Curved spline routing around nodes costs sfdp far more than the
   * layout itself on thousands of edges; straight lines stay readable.
   */
  agattr(ag, AGRAPH, "splines", big ? "false" : "true");
  agattr(ag, AGRAPH, "outputorder", "edgesfirst");
  agattr(ag, AGRAPH, "fontname", FONT);
  agattr(ag, AGRAPH, "fontsize", "10");
  agattr(ag, AGRAPH, "labelloc", "b");
  agattr(ag, AGRAPH, "label", "");

  agattr(ag, AGNODE, "label", "\\N");
  agattr(ag, AGNODE, "shape", "ellipse");
  agattr(ag, AGNODE, "style", "filled");
  agattr(ag, AGNODE, "fillcolor", "#eeeeee");
  agattr(ag, AGNODE, "color", "#555555");
  agattr(ag, AGNODE, "fontname", FONT);
  agattr(ag, AGNODE, "fontsize", "11");
  agattr(ag, AGNODE, "tooltip", "");
  agattr(ag, AGNODE, "id", "");

  agattr(ag, AGEDGE, "dir", "none");
  agattr(ag, AGEDGE, "color", "#888888");
  agattr(ag, AGEDGE, "fontcolor", "black");
  agattr(ag, AGEDGE, "fontname", FONT);
  agattr(ag, AGEDGE, "fontsize", "9");
  agattr(ag, AGEDGE, "style", "solid");
  agattr(ag, AGEDGE, "weight", "1");
  agattr(ag, AGEDGE, "penwidth", "1");
  agattr(ag, AGEDGE, "label", "");
  agattr(ag, AGEDGE, "tooltip", "");
}

static void add_node(Agnode_t *n, const ng_gentity *e, ng_buf *tmp)
{
  char *shape, *fill;
  style_of(e->type, &shape, &fill);
  agset(n, "shape", shape);
  agset(n, "fillcolor", fill);
  set_esc(n, "label", e->name, tmp);
  set_esc(n, "id", e->id, tmp);

  /* "Vladimir Putin (person, 12 mentions)\nalso: Putin, President Putin" */
  ng_buf_reset(tmp);
  add_esc(tmp, e->name);
  ng_buf_addf(tmp, " (%s, %zu mention%s)", ng_entity_type_name(e->type),
              e->n_mentions, e->n_mentions == 1 ? "" : "s");
  for (size_t i = 0; i < e->aliases.n; i++) {
    ng_buf_adds(tmp, i ? ", " : "\\nalso: ");
    add_esc(tmp, e->aliases.v[i]);
  }
  agset(n, "tooltip", tmp->ptr);
}

static void add_edge(Agedge_t *ae, const ng_gedge *e, const ng_graph *g,
                     ng_buf *tmp)
{
  /* Thicker for more shared sentences, but never a solid bar. */
  unsigned w = e->weight ? e->weight : 1;
  double pen = 1.0 + 0.5 * (double)(w - 1);
  char num[32];

  snprintf(num, sizeof(num), "%u", w);
  agset(ae, "weight", num);
  snprintf(num, sizeof(num), "%.1f", pen > 6.0 ? 6.0 : pen);
  agset(ae, "penwidth", num);

  if (e->role) {
    agset(ae, "dir", "forward");
    agset(ae, "color", ROLE_COLOR);
    agset(ae, "fontcolor", ROLE_COLOR);
    agset(ae, "style", "bold");
    /* The arrow reads "Dmitry Peskov spokesperson of Kremlin". */
    ng_buf_reset(tmp);
    add_esc(tmp, e->role);
    ng_buf_adds(tmp, " of");
    agset(ae, "label", tmp->ptr);
  }

  /* "Dmitry Peskov: spokesman of Kremlin (2 sources)" */
  ng_buf_reset(tmp);
  add_esc(tmp, g->entities.v[e->a].name);
  if (e->role) {
    ng_buf_adds(tmp, ": ");
    add_esc(tmp, e->role);
    ng_buf_adds(tmp, " of ");
    add_esc(tmp, g->entities.v[e->b].name);
    ng_buf_addf(tmp, " (%u source%s)", w, w == 1 ? "" : "s");
  } else {
    ng_buf_adds(tmp, " and ");
    add_esc(tmp, g->entities.v[e->b].name);
    ng_buf_addf(tmp, ": %u sentence%s together", w, w == 1 ? "" : "s");
  }
  agset(ae, "tooltip", tmp->ptr);
}

/* Most mentions first; the index breaks ties so the order is stable. */
static const ng_graph *rank_graph;

static int by_mentions(const void *a, const void *b)
{
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  size_t mx = rank_graph->entities.v[x].n_mentions;
  size_t my = rank_graph->entities.v[y].n_mentions;
  if (mx != my)
    return mx > my ? -1 : 1;
  return x < y ? -1 : x > y;
}

int ng_agraph_build(const ng_graph *g, size_t max_nodes, Agraph_t **out,
                    ng_err *err)
{
  Agraph_t *ag = NULL;
  Agnode_t **nodes = NULL;
  ng_buf tmp = NG_BUF_INIT;
  unsigned char *keep = NULL;
  size_t n_keep = g->entities.n, e_keep = 0;

  *out = NULL;
  if (!g->finished)
    return ng_err_set(err, NG_ERR_USAGE,
                      "graph written before ng_graph_finish()");
  for (size_t i = 0; i < g->edges.n; i++) {
    const ng_gedge *e = &g->edges.v[i];
    if (e->a >= g->entities.n || e->b >= g->entities.n)
      return ng_err_set(err, NG_ERR_USAGE, "edge %zu names entity %zu of %zu",
                        i, e->a >= g->entities.n ? e->a : e->b,
                        g->entities.n);
  }
  ag = agopen("newsgraph", Agdirected, NULL);
  if (!ag)
    return ng_err_set(err, NG_ERR_NOMEM, "cannot create the graph");

  keep = ng_xmalloc(g->entities.n + 1);
  memset(keep, 1, g->entities.n + 1);
  if (max_nodes && g->entities.n > max_nodes) {
    size_t *order = ng_xmalloc(sizeof(size_t) * g->entities.n);
    for (size_t i = 0; i < g->entities.n; i++)
      order[i] = i;
    rank_graph = g;
    qsort(order, g->entities.n, sizeof(size_t), by_mentions);
    memset(keep, 0, g->entities.n + 1);
    for (size_t i = 0; i < max_nodes; i++)
      keep[order[i]] = 1;
    n_keep = max_nodes;
    free(order);
  }
  for (size_t i = 0; i < g->edges.n; i++)
    e_keep += keep[g->edges.v[i].a] && keep[g->edges.v[i].b];

  declare(ag, n_keep, e_keep);
  if (g->entities.n) {
    ng_buf_reset(&tmp);
    ng_buf_adds(&tmp, legend);
    if (n_keep < g->entities.n)
      ng_buf_addf(&tmp, "\\nthe %zu most mentioned of %zu entities", n_keep,
                  g->entities.n);
    agset(ag, "label", tmp.ptr);
  }
  nodes = ng_xcalloc(g->entities.n + 1, sizeof(*nodes));
  for (size_t i = 0; i < g->entities.n; i++) {
    if (!keep[i])
      continue;
    nodes[i] = agnode(ag, g->entities.v[i].id, 1);
    add_node(nodes[i], &g->entities.v[i], &tmp);
  }
  for (size_t i = 0; i < g->edges.n; i++) {
    const ng_gedge *e = &g->edges.v[i];
    if (keep[e->a] && keep[e->b])
      add_edge(agedge(ag, nodes[e->a], nodes[e->b], NULL, 1), e, g, &tmp);
  }

  free(keep);
  free(nodes);
  ng_buf_release(&tmp);
  *out = ag;
  return 0;
}

/* ------------------------------------------------------------------ */
/* Writing                                                            */

int ng_write_dot(const ng_graph *g, ng_buf *out, ng_err *err)
{
  Agraph_t *ag;
  char *mem = NULL;
  size_t len = 0;
  FILE *f;
  int ret = 0, wrote;

  ng_agerr_begin();
  if ((ret = ng_agraph_build(g, 0, &ag, err)) < 0) {
    ng_agerr_end();
    return ret;
  }
  f = open_memstream(&mem, &len);
  if (!f) {
    ret = ng_err_set(err, NG_ERR_NOMEM, "cannot open a memory stream");
    goto out;
  }
  wrote = agwrite(ag, f);
  if (fclose(f) != 0 || wrote != 0) {
    const char *msg = ng_agerr_end();
    ng_agerr_begin();
    ret = ng_err_set(err, NG_ERR_RENDER, "cannot write the graph as DOT%s%s",
                     *msg ? ": " : "", msg);
    goto out;
  }
  ng_buf_add(out, mem, len);
  if (len && mem[len - 1] != '\n')
    ng_buf_addch(out, '\n'); /* agwrite stops at the brace */

out:
  free(mem);
  agclose(ag);
  ng_agerr_end();
  return ret;
}
