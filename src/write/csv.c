/*
 * nodes.csv and edges.csv: the entity graph for spreadsheets and for
 * Gephi's spreadsheet import, whose column names they use (Id, Label;
 * Source, Target, Type, Weight).  RFC 4180: a header line, CRLF line
 * ends, fields quoted when they must be (export.c).  Values are written
 * as read; a spreadsheet that evaluates a cell starting with '=' is the
 * spreadsheet's business, and scripts get the names unchanged.
 */
#include <string.h>

#include "write/write_internal.h"

/* Aliases in one field, "; "-separated. */
static void add_aliases(ng_buf *out, ng_buf *tmp, const ng_gentity *e)
{
  ng_buf_reset(tmp);
  for (size_t i = 0; i < e->aliases.n; i++) {
    if (i)
      ng_buf_adds(tmp, "; ");
    ng_buf_adds(tmp, e->aliases.v[i]);
  }
  ng_csv_add(out, tmp->ptr);
}

/*
 * Distinct documents an edge was read in.  Sources and spans are in
 * document order, so a new document is one unlike the item before.
 */
static size_t edge_docs(const ng_gedge *e)
{
  size_t n = 0;
  for (size_t i = 0; i < e->sources.n; i++)
    n += !i || e->sources.v[i].doc != e->sources.v[i - 1].doc;
  for (size_t i = 0; i < e->spans.n; i++)
    n += !i || e->spans.v[i].doc != e->spans.v[i - 1].doc;
  return n;
}

int ng_nodes_csv_stream(const ng_graph *g, ng_out *o)
{
  ng_buf tmp = NG_BUF_INIT, *out = o->buf;
  ng_date_range r;
  int ret = 0;

  if (!g->finished)
    return ng_err_set(o->err, NG_ERR_USAGE,
                      "graph written before ng_graph_finish()");
  ng_buf_adds(out, "Id,Label,type,mentions,documents,aliases,"
                   "first_published,last_published\r\n");
  for (size_t i = 0; i < g->entities.n; i++) {
    const ng_gentity *e = &g->entities.v[i];
    ng_entity_dates(g, e, &r);
    ng_csv_add(out, e->id);
    ng_buf_addch(out, ',');
    ng_csv_add(out, e->name);
    ng_buf_addf(out, ",%s,%zu,%zu,", ng_entity_type_name(e->type),
                e->n_mentions, e->docs.n);
    add_aliases(out, &tmp, e);
    ng_buf_addf(out, ",%s,%s\r\n", r.first, r.last);
    if ((ret = ng_out_step(o)) < 0)
      break;
  }
  ng_buf_release(&tmp);
  return ret;
}

int ng_write_nodes_csv(const ng_graph *g, ng_buf *out, ng_err *err)
{
  return ng_out_run(g, ng_nodes_csv_stream, out, err);
}

int ng_edges_csv_stream(const ng_graph *g, ng_out *o)
{
  ng_buf id = NG_BUF_INIT, *out = o->buf;
  ng_date_range r;
  int ret = 0;

  if (!g->finished)
    return ng_err_set(o->err, NG_ERR_USAGE,
                      "graph written before ng_graph_finish()");
  ng_buf_adds(out, "Id,Source,Target,Type,Kind,Label,Weight,documents,"
                   "first_published,last_published\r\n");
  for (size_t i = 0; i < g->edges.n; i++) {
    const ng_gedge *e = &g->edges.v[i];
    if (e->a >= g->entities.n || e->b >= g->entities.n)
      continue; /* no row may name a node that is not in nodes.csv */
    ng_edge_dates(g, e, &r);
    ng_buf_reset(&id);
    ng_edge_id(g, e, &id);
    ng_csv_add(out, id.ptr);
    ng_buf_addch(out, ',');
    ng_csv_add(out, g->entities.v[e->a].id);
    ng_buf_addch(out, ',');
    ng_csv_add(out, g->entities.v[e->b].id);
    /* A role reads one way; acting together does not. */
    ng_buf_adds(out, e->role ? ",Directed,relation," : ",Undirected,co-mention,");
    ng_csv_add(out, e->role);
    ng_buf_addf(out, ",%u,%zu,%s,%s\r\n", e->weight, edge_docs(e), r.first,
                r.last);
    if ((ret = ng_out_step(o)) < 0)
      break;
  }
  ng_buf_release(&id);
  return ret;
}

int ng_write_edges_csv(const ng_graph *g, ng_buf *out, ng_err *err)
{
  return ng_out_run(g, ng_edges_csv_stream, out, err);
}
