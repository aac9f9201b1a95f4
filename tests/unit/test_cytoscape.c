/*
 * cytoscape.json: loads as JSON, has one node per entity and one edge
 * per tie, every edge's ends exist (Cytoscape.js throws otherwise), and
 * hostile labels survive.
 */
#include <criterion/criterion.h>
#include <string.h>

#include <jansson.h>

#include "write_fixture.h"

static json_t *load(const ng_graph *g)
{
  ng_buf out = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;
  json_error_t jerr;

  cr_assert_eq(ng_write_cytoscape(g, &out, &err), 0, "%s", err.msg);
  json_t *j = json_loads(out.ptr, 0, &jerr);
  cr_assert_not_null(j, "line %d: %s\n%s", jerr.line, jerr.text, out.ptr);
  ng_buf_release(&out);
  return j;
}

static json_t *list(json_t *j, const char *key)
{
  json_t *a = json_object_get(json_object_get(j, "elements"), key);
  cr_assert(json_is_array(a), "elements.%s is not an array", key);
  return a;
}

static const char *data_str(json_t *el, const char *key)
{
  json_t *v = json_object_get(json_object_get(el, "data"), key);
  cr_assert(json_is_string(v), "data.%s is not a string", key);
  return json_string_value(v);
}

static int has_node(json_t *nodes, const char *id)
{
  for (size_t i = 0; i < json_array_size(nodes); i++)
    if (!strcmp(data_str(json_array_get(nodes, i), "id"), id))
      return 1;
  return 0;
}

Test(cytoscape, nodes_and_edges)
{
  ng_graph *g = fx_graph();
  json_t *j = load(g), *nodes = list(j, "nodes"), *edges = list(j, "edges");

  cr_assert_eq(json_array_size(nodes), 4);
  cr_assert_eq(json_array_size(edges), 3);
  json_t *musk = json_array_get(nodes, 1);
  cr_expect_str_eq(data_str(musk, "id"), "person:elon-musk");
  cr_expect_str_eq(data_str(musk, "label"), "Elon Musk");
  cr_expect_str_eq(data_str(musk, "type"), "person");
  cr_expect_eq(json_integer_value(json_object_get(
                   json_object_get(musk, "data"), "mentions")),
               7);
  cr_expect_str_eq(data_str(json_array_get(nodes, 3), "label"), HOSTILE);

  json_t *rel = json_array_get(edges, 1);
  cr_expect_str_eq(data_str(rel, "kind"), "relation");
  cr_expect_str_eq(data_str(rel, "label"), "spokesman");
  cr_expect_str_eq(data_str(rel, "source"), "person:dmitry-peskov");
  cr_expect_str_eq(data_str(rel, "target"), "organization:kremlin");
  cr_expect_str_eq(data_str(json_array_get(edges, 0), "kind"), "co-mention");
  cr_expect_null(json_object_get(json_object_get(json_array_get(edges, 0),
                                                 "data"),
                                 "label"));
  for (size_t i = 0; i < json_array_size(edges); i++) {
    json_t *e = json_array_get(edges, i);
    cr_expect(has_node(nodes, data_str(e, "source")), "edge %zu source", i);
    cr_expect(has_node(nodes, data_str(e, "target")), "edge %zu target", i);
    cr_expect(!has_node(nodes, data_str(e, "id")), "edge %zu id is a node's",
              i);
  }
  json_decref(j);
  fx_free(g);
}

/* An edge pointing outside the graph would make cytoscape() throw. */
Test(cytoscape, edge_to_a_missing_entity_is_left_out)
{
  ng_graph *g = fx_graph();
  g->edges.v[0].b = 42;
  json_t *j = load(g);
  cr_expect_eq(json_array_size(list(j, "edges")), 2);
  json_decref(j);
  fx_free(g);
}

Test(cytoscape, empty_graph)
{
  ng_graph *g = fx_empty();
  json_t *j = load(g);
  cr_expect_eq(json_array_size(list(j, "nodes")), 0);
  cr_expect_eq(json_array_size(list(j, "edges")), 0);
  json_decref(j);
  fx_free(g);
}

Test(cytoscape, same_graph_same_bytes)
{
  ng_graph *g = fx_graph();
  ng_buf a = NG_BUF_INIT, b = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;
  cr_assert_eq(ng_write_cytoscape(g, &a, &err), 0);
  cr_assert_eq(ng_write_cytoscape(g, &b, &err), 0);
  cr_expect_eq(a.len, b.len);
  cr_expect_eq(memcmp(a.ptr, b.ptr, a.len), 0);
  g->finished = 0;
  ng_buf_reset(&a);
  cr_expect_eq(ng_write_cytoscape(g, &a, &err), NG_ERR_USAGE);
  cr_expect_eq(a.len, 0);
  ng_buf_release(&a);
  ng_buf_release(&b);
  fx_free(g);
}
