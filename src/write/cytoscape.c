/*
 * cytoscape.json: the entity graph as Cytoscape.js elements JSON, which
 * cytoscape({elements: ...}) loads as it is and Cytoscape desktop
 * imports.  One node per entity, one edge per co-mention or relation,
 * every value under "data"; ids are the ones timeline.json uses.
 *
 * Cytoscape.js throws on an edge whose source or target is not a node,
 * so an edge that points outside g is left out rather than written.
 * As in timeline.c, the file is never one jansson tree: each element is
 * built, dumped compact on its own line and freed, and the bytes stream
 * out in chunks (ng_out).
 */
#include "write/write_internal.h"

static int put(json_t *obj, const char *key, json_t *value)
{
  return json_object_set_new(obj, key, value);
}

static json_t *node(const ng_graph *g, const ng_gentity *e)
{
  json_t *el = json_object(), *d, *a;
  ng_date_range r;

  /* Each value is made inside put(), which frees it if it cannot keep it. */
  ng_entity_dates(g, e, &r);
  if (!el || put(el, "data", d = json_object()) ||
      put(d, "id", ng_json_str(e->id)) ||
      put(d, "label", ng_json_str(e->name)) ||
      put(d, "type", json_string(ng_entity_type_name(e->type))) ||
      put(d, "mentions", json_integer((json_int_t)e->n_mentions)) ||
      put(d, "documents", json_integer((json_int_t)e->docs.n)) ||
      put(d, "aliases", a = json_array()))
    goto fail;
  for (size_t i = 0; i < e->aliases.n; i++)
    if (json_array_append_new(a, ng_json_str(e->aliases.v[i])))
      goto fail;
  if ((r.first[0] && put(d, "first_published", json_string(r.first))) ||
      (r.last[0] && put(d, "last_published", json_string(r.last))))
    goto fail;
  return el;
fail:
  json_decref(el);
  return NULL;
}

static json_t *edge(const ng_graph *g, const ng_gedge *e, ng_buf *id)
{
  json_t *el = json_object(), *d;
  ng_date_range r;

  ng_buf_reset(id);
  ng_edge_id(g, e, id);
  ng_edge_dates(g, e, &r);
  if (!el || put(el, "data", d = json_object()) ||
      put(d, "id", ng_json_strn(id->ptr, id->len)) ||
      put(d, "source", ng_json_str(g->entities.v[e->a].id)) ||
      put(d, "target", ng_json_str(g->entities.v[e->b].id)) ||
      put(d, "kind", json_string(e->role ? "relation" : "co-mention")))
    goto fail;
  if (e->role && put(d, "label", ng_json_str(e->role)))
    goto fail;
  if (put(d, "weight", json_integer(e->weight)) ||
      (r.first[0] && put(d, "first_published", json_string(r.first))) ||
      (r.last[0] && put(d, "last_published", json_string(r.last))))
    goto fail;
  return el;
fail:
  json_decref(el);
  return NULL;
}

/* Dump one element on its own line after the separator sep. */
static int add(ng_buf *out, json_t *el, const char *sep)
{
  int rc = -1;
  if (el) {
    ng_buf_adds(out, sep);
    rc = ng_json_dump(el, JSON_COMPACT, out);
  }
  json_decref(el);
  return rc;
}

int ng_cytoscape_stream(const ng_graph *g, ng_out *o)
{
  ng_buf id = NG_BUF_INIT, *out = o->buf;
  size_t n = 0;
  int ret = 0;

  if (!g->finished)
    return ng_err_set(o->err, NG_ERR_USAGE,
                      "graph written before ng_graph_finish()");
  ng_buf_adds(out, "{\"elements\": {\n\"nodes\": [");
  for (size_t i = 0; i < g->entities.n; i++) {
    if (add(out, node(g, &g->entities.v[i]), i ? ",\n" : "\n") < 0)
      goto fail;
    if ((ret = ng_out_step(o)) < 0)
      goto out;
  }
  ng_buf_adds(out, g->entities.n ? "\n],\n\"edges\": [" : "],\n\"edges\": [");
  for (size_t i = 0; i < g->edges.n; i++) {
    const ng_gedge *e = &g->edges.v[i];
    if (e->a >= g->entities.n || e->b >= g->entities.n)
      continue;
    if (add(out, edge(g, e, &id), n++ ? ",\n" : "\n") < 0)
      goto fail;
    if ((ret = ng_out_step(o)) < 0)
      goto out;
  }
  ng_buf_adds(out, n ? "\n]\n}}\n" : "]\n}}\n");
  goto out;

fail:
  ret = ng_err_set(o->err, NG_ERR_NOMEM, "cannot build cytoscape.json");
out:
  ng_buf_release(&id);
  return ret;
}

int ng_write_cytoscape(const ng_graph *g, ng_buf *out, ng_err *err)
{
  return ng_out_run(g, ng_cytoscape_stream, out, err);
}
