/*
 * graph.graphml read back with libxml2: well-formed, every <data> under
 * a declared key, ids that are NMTOKENs, every edge's ends exist, and
 * hostile labels intact.
 */
#include <criterion/criterion.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/valid.h>

#include "write_fixture.h"

static xmlDocPtr load(const ng_graph *g)
{
  ng_buf out = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;

  cr_assert_eq(ng_write_graphml(g, &out, &err), 0, "%s", err.msg);
  xmlDocPtr doc = xmlReadMemory(out.ptr, (int)out.len, "graph.graphml", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR |
                                    XML_PARSE_NOWARNING);
  cr_assert_not_null(doc, "not well-formed:\n%s", out.ptr);
  ng_buf_release(&out);
  return doc;
}

static char *prop(xmlNodePtr n, const char *name)
{
  static char buf[4][512];
  static int k;
  xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
  char *b = buf[k++ % 4];
  snprintf(b, sizeof(buf[0]), "%s", v ? (char *)v : "");
  xmlFree(v);
  return b;
}

static int is(xmlNodePtr n, const char *name)
{
  return n->type == XML_ELEMENT_NODE && !strcmp((char *)n->name, name);
}

/* The text of n's <data key="key">, or NULL. */
static xmlChar *data(xmlNodePtr n, const char *key)
{
  for (xmlNodePtr d = n->children; d; d = d->next)
    if (is(d, "data") && !strcmp(prop(d, "key"), key))
      return xmlNodeGetContent(d);
  return NULL;
}

Test(graphml, keys_nodes_edges)
{
  ng_graph *g = fx_graph();
  xmlDocPtr doc = load(g);
  xmlNodePtr root = xmlDocGetRootElement(doc), graph = NULL;
  char keys[16][32];
  size_t n_keys = 0, n_nodes = 0, n_edges = 0;

  cr_assert_str_eq((char *)root->name, "graphml");
  cr_assert_str_eq((char *)root->ns->href,
                   "http://graphml.graphdrawing.org/xmlns");
  for (xmlNodePtr c = root->children; c; c = c->next) {
    if (is(c, "key")) {
      cr_assert_lt(n_keys, 16);
      cr_expect(graph == NULL, "keys come before the graph");
      snprintf(keys[n_keys++], 32, "%s", prop(c, "id"));
    } else if (is(c, "graph")) {
      graph = c;
    }
  }
  cr_assert_not_null(graph);
  cr_expect_str_eq(prop(graph, "edgedefault"), "undirected");

  for (xmlNodePtr c = graph->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    for (xmlNodePtr d = c->children; d; d = d->next) {
      if (!is(d, "data"))
        continue;
      size_t k;
      for (k = 0; k < n_keys && strcmp(keys[k], prop(d, "key")); k++)
        ;
      cr_expect_lt(k, n_keys, "undeclared key '%s'", prop(d, "key"));
    }
    cr_expect(xmlValidateNMToken((xmlChar *)prop(c, "id"), 0) == 0,
              "id '%s' is not an NMTOKEN", prop(c, "id"));
    if (is(c, "node")) {
      n_nodes++;
    } else if (is(c, "edge")) {
      n_edges++;
      /* Both ends are nodes written before. */
      for (int end = 0; end < 2; end++) {
        const char *want = prop(c, end ? "target" : "source");
        int found = 0;
        for (xmlNodePtr m = graph->children; m && m != c; m = m->next)
          found |= is(m, "node") && !strcmp(prop(m, "id"), want);
        cr_expect(found, "edge %s: no node '%s'", prop(c, "id"), want);
      }
    }
  }
  cr_expect_eq(n_nodes, 4);
  cr_expect_eq(n_edges, 3);
  xmlFreeDoc(doc);
  fx_free(g);
}

Test(graphml, values_and_hostile_labels)
{
  ng_graph *g = fx_graph();
  xmlDocPtr doc = load(g);
  xmlNodePtr graph = xmlDocGetRootElement(doc)->children;
  while (!is(graph, "graph"))
    graph = graph->next;
  size_t node = 0;

  for (xmlNodePtr c = graph->children; c; c = c->next) {
    xmlChar *v;
    if (is(c, "node")) {
      const ng_gentity *e = &g->entities.v[node++];
      v = data(c, "label");
      cr_expect_str_eq((char *)v, e->name);
      xmlFree(v);
      v = data(c, "id");
      cr_expect_str_eq((char *)v, e->id);
      xmlFree(v);
    } else if (is(c, "edge") && !strcmp(prop(c, "directed"), "true")) {
      cr_expect_str_eq(prop(c, "id"),
                       "role:person:dmitry-peskov_x007C_spokesman_x007C_"
                       "organization:kremlin");
      v = data(c, "role");
      cr_expect_str_eq((char *)v, "spokesman");
      xmlFree(v);
      v = data(c, "weight");
      cr_expect_str_eq((char *)v, "2");
      xmlFree(v);
    }
  }
  cr_expect_eq(node, 4);
  xmlFreeDoc(doc);
  fx_free(g);
}

/* Ids with characters no NMTOKEN allows are escaped, the same way in
 * the node and in the edges that point at it. */
Test(graphml, odd_ids_escaped_consistently)
{
  ng_graph *g = fx_graph();
  g->entities.v[3].id = fx_str(g, "place:o\xe2\x80\x99hare \"x\"");
  xmlDocPtr doc = load(g);
  xmlNodePtr graph = xmlDocGetRootElement(doc)->children;
  while (!is(graph, "graph"))
    graph = graph->next;
  const char *want = "place:o_x2019_hare_x0020__x0022_x_x0022_";
  int node = 0, edge = 0;
  for (xmlNodePtr c = graph->children; c; c = c->next) {
    node |= is(c, "node") && !strcmp(prop(c, "id"), want);
    edge |= is(c, "edge") && !strcmp(prop(c, "target"), want);
  }
  cr_expect(node && edge);
  xmlFreeDoc(doc);
  fx_free(g);
}

Test(graphml, empty_graph_and_same_bytes)
{
  ng_graph *g = fx_empty();
  xmlDocPtr doc = load(g);
  xmlFreeDoc(doc);
  fx_free(g);

  g = fx_graph();
  ng_buf a = NG_BUF_INIT, b = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;
  cr_assert_eq(ng_write_graphml(g, &a, &err), 0);
  cr_assert_eq(ng_write_graphml(g, &b, &err), 0);
  cr_expect_eq(a.len, b.len);
  cr_expect_eq(memcmp(a.ptr, b.ptr, a.len), 0);
  ng_buf_release(&a);
  ng_buf_release(&b);
  fx_free(g);
}
