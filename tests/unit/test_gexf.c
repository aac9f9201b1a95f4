/*
 * graph.gexf read back with libxml2: well-formed, in the GEXF 1.3
 * namespace, the structure Gephi expects (attributes before nodes before
 * edges, declared attvalues), every edge's ends exist, dates as
 * intervals, hostile labels intact.
 */
#include <criterion/criterion.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "write_fixture.h"

#define GEXF_NS "http://gexf.net/1.3"

static xmlDocPtr load(const ng_graph *g)
{
  ng_buf out = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;

  cr_assert_eq(ng_write_gexf(g, &out, &err), 0, "%s", err.msg);
  xmlDocPtr doc = xmlReadMemory(out.ptr, (int)out.len, "graph.gexf", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR |
                                    XML_PARSE_NOWARNING);
  cr_assert_not_null(doc, "not well-formed:\n%s", out.ptr);
  ng_buf_release(&out);
  return doc;
}

/* The first child element of n named name, in the GEXF namespace. */
static xmlNodePtr child(xmlNodePtr n, const char *name)
{
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && !strcmp((char *)c->name, name)) {
      cr_assert(c->ns && !strcmp((char *)c->ns->href, GEXF_NS),
                "<%s> outside the GEXF namespace", name);
      return c;
    }
  return NULL;
}

static size_t count(xmlNodePtr n, const char *name)
{
  size_t k = 0;
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
    k += c->type == XML_ELEMENT_NODE && !strcmp((char *)c->name, name);
  return k;
}

/* Attribute value, copied into a static buffer ("" when absent). */
static const char *attr(xmlNodePtr n, const char *name)
{
  static char buf[4][256];
  static int k;
  xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
  char *b = buf[k++ % 4];
  snprintf(b, sizeof(buf[0]), "%s", v ? (char *)v : "");
  xmlFree(v);
  return b;
}

static int has_node(xmlNodePtr nodes, const char *id)
{
  for (xmlNodePtr c = nodes->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && !strcmp(attr(c, "id"), id))
      return 1;
  return 0;
}

Test(gexf, structure_and_values)
{
  ng_graph *g = fx_graph();
  xmlDocPtr doc = load(g);
  xmlNodePtr root = xmlDocGetRootElement(doc);

  cr_assert_str_eq((char *)root->name, "gexf");
  cr_expect_str_eq(attr(root, "version"), "1.3");
  xmlNodePtr graph = child(root, "graph");
  cr_assert_not_null(graph);
  cr_expect_str_eq(attr(graph, "mode"), "dynamic");
  cr_expect_str_eq(attr(graph, "timeformat"), "date");
  cr_expect_str_eq(attr(graph, "defaultedgetype"), "undirected");
  /* GEXF's order: attributes, then nodes, then edges. */
  const char *order[] = {"attributes", "attributes", "nodes", "edges"};
  size_t k = 0;
  for (xmlNodePtr c = graph->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) {
      cr_assert_lt(k, 4);
      cr_expect_str_eq((char *)c->name, order[k++]);
    }
  cr_expect_eq(k, 4);

  xmlNodePtr nodes = child(graph, "nodes"), edges = child(graph, "edges");
  cr_assert_eq(count(nodes, "node"), 4);
  cr_expect_str_eq(attr(nodes, "count"), "4");
  cr_assert_eq(count(edges, "edge"), 3);
  cr_expect_str_eq(attr(edges, "count"), "3");

  xmlNodePtr n = child(nodes, "node");
  n = n->next->next; /* text node between: skip to the second <node> */
  cr_expect_str_eq(attr(n, "id"), "person:elon-musk");
  cr_expect_str_eq(attr(n, "label"), "Elon Musk");
  cr_expect_str_eq(attr(n, "start"), "2021-02-15"); /* d2 is undated */
  cr_expect_str_eq(attr(n, "end"), "2021-02-15");
  size_t seen = 0;
  for (xmlNodePtr v = child(child(n, "attvalues"), "attvalue"); v; v = v->next)
    if (v->type == XML_ELEMENT_NODE) {
      const char *f = attr(v, "for"), *val = attr(v, "value");
      seen++;
      if (!strcmp(f, "mentions"))
        cr_expect_str_eq(val, "7");
      else if (!strcmp(f, "aliases"))
        cr_expect_str_eq(val, "@elonmusk; Musk");
      else if (!strcmp(f, "type"))
        cr_expect_str_eq(val, "person");
    }
  cr_expect_eq(seen, 4);

  /* The hostile label, newline included, comes back as it was. */
  int found = 0;
  for (xmlNodePtr c = nodes->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && !strcmp(attr(c, "id"), "place:hostile")) {
      xmlChar *v = xmlGetProp(c, (const xmlChar *)"label");
      cr_expect_str_eq((char *)v, HOSTILE);
      xmlFree(v);
      found = 1;
    }
  cr_expect(found);

  for (xmlNodePtr e = edges->children; e; e = e->next) {
    if (e->type != XML_ELEMENT_NODE)
      continue;
    cr_expect(has_node(nodes, attr(e, "source")), "edge %s", attr(e, "id"));
    cr_expect(has_node(nodes, attr(e, "target")), "edge %s", attr(e, "id"));
    if (!strncmp(attr(e, "id"), "role:", 5)) {
      cr_expect_str_eq(attr(e, "type"), "directed");
      cr_expect_str_eq(attr(e, "label"), "spokesman");
      cr_expect_str_eq(attr(e, "kind"), "spokesman");
      cr_expect_str_eq(attr(e, "weight"), "2");
    } else {
      cr_expect_str_eq(attr(e, "kind"), "co-mention");
    }
  }
  xmlFreeDoc(doc);
  fx_free(g);
}

/* No dated article: no intervals, and a static graph. */
Test(gexf, undated_graph_is_static)
{
  ng_graph *g = fx_graph();
  g->docs.v[0].published[0] = '\0';
  xmlDocPtr doc = load(g);
  xmlNodePtr graph = child(xmlDocGetRootElement(doc), "graph");
  cr_expect_str_eq(attr(graph, "mode"), "static");
  cr_expect_str_eq(attr(graph, "timeformat"), "");
  for (xmlNodePtr n = child(child(graph, "nodes"), "node"); n; n = n->next)
    if (n->type == XML_ELEMENT_NODE)
      cr_expect_str_eq(attr(n, "start"), "");
  xmlFreeDoc(doc);
  fx_free(g);
}

Test(gexf, empty_and_broken_graphs)
{
  ng_graph *g = fx_empty();
  xmlDocPtr doc = load(g);
  xmlNodePtr graph = child(xmlDocGetRootElement(doc), "graph");
  cr_expect_eq(count(child(graph, "nodes"), "node"), 0);
  cr_expect_eq(count(child(graph, "edges"), "edge"), 0);
  xmlFreeDoc(doc);
  fx_free(g);

  g = fx_graph();
  g->edges.v[1].a = 17;
  doc = load(g);
  graph = child(xmlDocGetRootElement(doc), "graph");
  cr_expect_eq(count(child(graph, "edges"), "edge"), 2);
  cr_expect_str_eq(attr(child(graph, "edges"), "count"), "2");
  xmlFreeDoc(doc);
  fx_free(g);
}

/* Control bytes XML cannot hold must not make the file unreadable. */
Test(gexf, control_characters_do_not_break_the_file)
{
  ng_graph *g = fx_graph();
  g->entities.v[2].name = fx_str(g, "Krem\x01lin\x1f <&>");
  xmlDocPtr doc = load(g);
  xmlFreeDoc(doc);
  fx_free(g);
}
