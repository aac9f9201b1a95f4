/*
 * graph.graphml: the entity graph in GraphML, the interchange format
 * NetworkX, igraph, Gephi and yEd read.  Plain <data> values under
 * declared keys (yEd shows them through its Properties Mapper).
 *
 * GraphML ids are XML NMTOKENs, which our ids are not quite (edge ids
 * hold '|', and a name may hold any punctuation), so ids go through
 * ng_xml_name_add(): letters, digits, '-', '.' and ':' stay, anything
 * else becomes _xHHHH_.  The untouched entity id is in the "id" key.
 *
 * The graph is undirected by default; relations are directed="true".
 */
#include "write/write_internal.h"

/* The keys, in the order they are declared. */
static const char *const keys =
    "  <key id=\"id\" for=\"node\" attr.name=\"id\" attr.type=\"string\"/>\n"
    "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "  <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n"
    "  <key id=\"documents\" for=\"node\" attr.name=\"documents\" attr.type=\"int\"/>\n"
    "  <key id=\"aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>\n"
    "  <key id=\"first_published\" for=\"node\" attr.name=\"first_published\" attr.type=\"string\"/>\n"
    "  <key id=\"last_published\" for=\"node\" attr.name=\"last_published\" attr.type=\"string\"/>\n"
    "  <key id=\"kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
    "  <key id=\"role\" for=\"edge\" attr.name=\"role\" attr.type=\"string\"/>\n"
    "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n";

static void data(ng_buf *out, const char *key, const char *value)
{
  if (!value || !*value)
    return;
  ng_buf_addf(out, "      <data key=\"%s\">", key);
  ng_xml_add(out, value, 0);
  ng_buf_adds(out, "</data>\n");
}

static void name_attr(ng_buf *out, const char *name, const char *value)
{
  ng_buf_addf(out, " %s=\"", name);
  ng_xml_name_add(out, value);
  ng_buf_addch(out, '"');
}

int ng_graphml_stream(const ng_graph *g, ng_out *o)
{
  ng_buf tmp = NG_BUF_INIT, *out = o->buf;
  ng_date_range r;
  char num[32];
  int ret = 0;

  if (!g->finished)
    return ng_err_set(o->err, NG_ERR_USAGE,
                      "graph written before ng_graph_finish()");
  ng_buf_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
  ng_buf_adds(out, keys);
  ng_buf_adds(out, "  <graph id=\"newsgraph\" edgedefault=\"undirected\">\n");

  for (size_t i = 0; i < g->entities.n; i++) {
    const ng_gentity *e = &g->entities.v[i];
    ng_entity_dates(g, e, &r);
    ng_buf_adds(out, "    <node");
    name_attr(out, "id", e->id);
    ng_buf_adds(out, ">\n");
    data(out, "id", e->id);
    data(out, "label", e->name);
    data(out, "type", ng_entity_type_name(e->type));
    snprintf(num, sizeof(num), "%zu", e->n_mentions);
    data(out, "mentions", num);
    snprintf(num, sizeof(num), "%zu", e->docs.n);
    data(out, "documents", num);
    ng_buf_reset(&tmp);
    for (size_t k = 0; k < e->aliases.n; k++) {
      if (k)
        ng_buf_adds(&tmp, "; ");
      ng_buf_adds(&tmp, e->aliases.v[k]);
    }
    data(out, "aliases", tmp.ptr);
    data(out, "first_published", r.first);
    data(out, "last_published", r.last);
    ng_buf_adds(out, "    </node>\n");
    if ((ret = ng_out_step(o)) < 0)
      goto out;
  }

  for (size_t i = 0; i < g->edges.n; i++) {
    const ng_gedge *e = &g->edges.v[i];
    if (e->a >= g->entities.n || e->b >= g->entities.n)
      continue;
    ng_buf_reset(&tmp);
    ng_edge_id(g, e, &tmp);
    ng_buf_adds(out, "    <edge");
    name_attr(out, "id", tmp.ptr);
    name_attr(out, "source", g->entities.v[e->a].id);
    name_attr(out, "target", g->entities.v[e->b].id);
    if (e->role)
      ng_buf_adds(out, " directed=\"true\"");
    ng_buf_adds(out, ">\n");
    data(out, "kind", e->role ? "relation" : "co-mention");
    data(out, "role", e->role);
    snprintf(num, sizeof(num), "%u", e->weight);
    data(out, "weight", num);
    ng_buf_adds(out, "    </edge>\n");
    if ((ret = ng_out_step(o)) < 0)
      goto out;
  }
  ng_buf_adds(out, "  </graph>\n</graphml>\n");
out:
  ng_buf_release(&tmp);
  return ret;
}

int ng_write_graphml(const ng_graph *g, ng_buf *out, ng_err *err)
{
  return ng_out_run(g, ng_graphml_stream, out, err);
}
