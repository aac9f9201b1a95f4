/*
 * graph.gexf: the entity graph in GEXF 1.3 for Gephi, written as text
 * (export.c escapes every value), one element per line.
 *
 * Dates: each node lives from the first to the last publication date of
 * the articles naming it, each edge over the articles it was read in, as
 * start/end intervals (timeformat "date"), so Gephi's timeline slider
 * plays the story.  GEXF forbids mixing intervals and timestamps; we
 * only write intervals.  A node or edge with no dated article has no
 * bounds, which GEXF reads as always there.  A graph without any date
 * is written static.
 *
 * Edges: co-mentions are undirected, relations directed ("spokesman of"),
 * and each edge has a kind ("co-mention", or its role), so that Gephi
 * keeps a relation and a co-mention between the same two entities apart
 * instead of merging them.
 */
#include <string.h>

#include "write/write_internal.h"

/* attr="value" with the value escaped; nothing when value is NULL. */
static void attr(ng_buf *out, const char *name, const char *value)
{
  if (!value)
    return;
  ng_buf_addf(out, " %s=\"", name);
  ng_xml_add(out, value, 1);
  ng_buf_addch(out, '"');
}

static void interval(ng_buf *out, const ng_date_range *r)
{
  attr(out, "start", r->first[0] ? r->first : NULL);
  attr(out, "end", r->last[0] ? r->last : NULL);
}

static void attvalue(ng_buf *out, const char *key, const char *value)
{
  ng_buf_addf(out, "          <attvalue for=\"%s\"", key);
  attr(out, "value", value);
  ng_buf_adds(out, "/>\n");
}

static int has_dates(const ng_graph *g)
{
  for (size_t i = 0; i < g->docs.n; i++)
    if (g->docs.v[i].published[0])
      return 1;
  return 0;
}

int ng_gexf_stream(const ng_graph *g, ng_out *o)
{
  ng_buf tmp = NG_BUF_INIT, *out = o->buf;
  ng_date_range r;
  size_t n_edges = 0;
  int ret = 0;

  if (!g->finished)
    return ng_err_set(o->err, NG_ERR_USAGE,
                      "graph written before ng_graph_finish()");
  for (size_t i = 0; i < g->edges.n; i++)
    n_edges += g->edges.v[i].a < g->entities.n &&
               g->edges.v[i].b < g->entities.n;

  ng_buf_adds(out,
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
              "  <meta>\n");
  ng_buf_addf(out, "    <creator>newsgraph %s</creator>\n", ng_version());
  ng_buf_addf(out,
              "    <description>People, organizations and places named "
              "together in %zu articles</description>\n"
              "  </meta>\n",
              g->docs.n);
  ng_buf_addf(out,
              "  <graph defaultedgetype=\"undirected\" mode=\"%s\"%s>\n",
              has_dates(g) ? "dynamic" : "static",
              has_dates(g) ? " timeformat=\"date\" timerepresentation=\"interval\""
                           : "");
  ng_buf_adds(out,
              "    <attributes class=\"node\">\n"
              "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
              "      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n"
              "      <attribute id=\"documents\" title=\"documents\" type=\"integer\"/>\n"
              "      <attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>\n"
              "    </attributes>\n"
              "    <attributes class=\"edge\">\n"
              "      <attribute id=\"role\" title=\"role\" type=\"string\"/>\n"
              "    </attributes>\n");

  ng_buf_addf(out, "    <nodes count=\"%zu\">\n", g->entities.n);
  for (size_t i = 0; i < g->entities.n; i++) {
    const ng_gentity *e = &g->entities.v[i];
    char num[32];
    ng_entity_dates(g, e, &r);
    ng_buf_adds(out, "      <node");
    attr(out, "id", e->id);
    attr(out, "label", e->name);
    interval(out, &r);
    ng_buf_adds(out, ">\n        <attvalues>\n");
    attvalue(out, "type", ng_entity_type_name(e->type));
    snprintf(num, sizeof(num), "%zu", e->n_mentions);
    attvalue(out, "mentions", num);
    snprintf(num, sizeof(num), "%zu", e->docs.n);
    attvalue(out, "documents", num);
    ng_buf_reset(&tmp);
    for (size_t k = 0; k < e->aliases.n; k++) {
      if (k)
        ng_buf_adds(&tmp, "; ");
      ng_buf_adds(&tmp, e->aliases.v[k]);
    }
    attvalue(out, "aliases", tmp.ptr);
    ng_buf_adds(out, "        </attvalues>\n      </node>\n");
    if ((ret = ng_out_step(o)) < 0)
      goto out;
  }
  ng_buf_adds(out, "    </nodes>\n");

  ng_buf_addf(out, "    <edges count=\"%zu\">\n", n_edges);
  for (size_t i = 0; i < g->edges.n; i++) {
    const ng_gedge *e = &g->edges.v[i];
    if (e->a >= g->entities.n || e->b >= g->entities.n)
      continue;
    ng_edge_dates(g, e, &r);
    ng_buf_reset(&tmp);
    ng_edge_id(g, e, &tmp);
    ng_buf_adds(out, "      <edge");
    attr(out, "id", tmp.ptr);
    attr(out, "source", g->entities.v[e->a].id);
    attr(out, "target", g->entities.v[e->b].id);
    attr(out, "type", e->role ? "directed" : "undirected");
    attr(out, "kind", e->role ? e->role : "co-mention");
    attr(out, "label", e->role);
    ng_buf_addf(out, " weight=\"%u\"", e->weight);
    interval(out, &r);
    if (!e->role) {
      ng_buf_adds(out, "/>\n");
    } else {
      ng_buf_adds(out, ">\n        <attvalues>\n");
      attvalue(out, "role", e->role);
      ng_buf_adds(out, "        </attvalues>\n      </edge>\n");
    }
    if ((ret = ng_out_step(o)) < 0)
      goto out;
  }
  ng_buf_adds(out, "    </edges>\n  </graph>\n</gexf>\n");
out:
  ng_buf_release(&tmp);
  return ret;
}

int ng_write_gexf(const ng_graph *g, ng_buf *out, ng_err *err)
{
  return ng_out_run(g, ng_gexf_stream, out, err);
}
