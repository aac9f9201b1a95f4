/*
 * nodes.csv and edges.csv, read back with a strict RFC 4180 reader
 * written here: hostile labels must come back exactly, in the right
 * column, and every edge must name nodes of nodes.csv.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "write_fixture.h"

#define MAX_ROWS 16
#define MAX_COLS 12

typedef struct table {
  size_t rows, cols[MAX_ROWS];
  char *cell[MAX_ROWS][MAX_COLS];
} table;

/*
 * Parse s strictly: records end in CRLF, a quoted field may hold
 * anything with quotes doubled, an unquoted one no quote, CR or LF.
 */
static void parse(const char *s, table *t)
{
  memset(t, 0, sizeof(*t));
  while (*s) {
    cr_assert_lt(t->rows, MAX_ROWS);
    size_t r = t->rows++;
    for (;;) {
      ng_buf f = NG_BUF_INIT;
      cr_assert_lt(t->cols[r], MAX_COLS);
      if (*s == '"') {
        for (s++;; s++) {
          cr_assert(*s, "unterminated quoted field");
          if (*s == '"' && s[1] == '"')
            ng_buf_addch(&f, *s++);
          else if (*s == '"')
            break;
          else
            ng_buf_addch(&f, *s);
        }
        s++;
      } else {
        for (; *s && *s != ',' && *s != '\r'; s++) {
          cr_assert(*s != '"' && *s != '\n', "bare quote or LF in a field");
          ng_buf_addch(&f, *s);
        }
      }
      t->cell[r][t->cols[r]++] = ng_buf_detach(&f, NULL);
      if (*s == ',') {
        s++;
        continue;
      }
      cr_assert(s[0] == '\r' && s[1] == '\n', "record not ended by CRLF");
      s += 2;
      break;
    }
  }
}

static void release(table *t)
{
  for (size_t r = 0; r < t->rows; r++)
    for (size_t c = 0; c < t->cols[r]; c++)
      free(t->cell[r][c]);
}

/* Column named name in the header, or fail. */
static size_t col(const table *t, const char *name)
{
  for (size_t c = 0; c < t->cols[0]; c++)
    if (!strcmp(t->cell[0][c], name))
      return c;
  cr_assert_fail("no column '%s'", name);
  return 0;
}

static void write_both(const ng_graph *g, table *nodes, table *edges)
{
  ng_buf a = NG_BUF_INIT, b = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;
  cr_assert_eq(ng_write_nodes_csv(g, &a, &err), 0, "%s", err.msg);
  cr_assert_eq(ng_write_edges_csv(g, &b, &err), 0, "%s", err.msg);
  parse(a.ptr, nodes);
  parse(b.ptr, edges);
  ng_buf_release(&a);
  ng_buf_release(&b);
}

Test(csv, nodes_come_back_exactly)
{
  ng_graph *g = fx_graph();
  table t, e;

  write_both(g, &t, &e);
  cr_assert_eq(t.rows, 1 + g->entities.n);
  for (size_t r = 0; r < t.rows; r++)
    cr_expect_eq(t.cols[r], t.cols[0], "row %zu has %zu fields", r, t.cols[r]);
  size_t id = col(&t, "Id"), label = col(&t, "Label");
  cr_expect_eq(id, 0);
  for (size_t i = 0; i < g->entities.n; i++) {
    cr_expect_str_eq(t.cell[i + 1][id], g->entities.v[i].id);
    cr_expect_str_eq(t.cell[i + 1][label], g->entities.v[i].name);
  }
  cr_expect_str_eq(t.cell[4][label], HOSTILE);
  cr_expect_str_eq(t.cell[2][col(&t, "aliases")], "@elonmusk; Musk");
  cr_expect_str_eq(t.cell[2][col(&t, "mentions")], "7");
  cr_expect_str_eq(t.cell[2][col(&t, "documents")], "2");
  cr_expect_str_eq(t.cell[2][col(&t, "type")], "person");
  cr_expect_str_eq(t.cell[2][col(&t, "first_published")], "2021-02-15");
  cr_expect_str_eq(t.cell[3][col(&t, "type")], "organization");
  release(&t);
  release(&e);
  fx_free(g);
}

Test(csv, edges_name_existing_nodes)
{
  ng_graph *g = fx_graph();
  table t, e;

  write_both(g, &t, &e);
  cr_assert_eq(e.rows, 1 + g->edges.n);
  size_t src = col(&e, "Source"), tgt = col(&e, "Target");
  for (size_t r = 1; r < e.rows; r++) {
    int found_s = 0, found_t = 0;
    for (size_t n = 1; n < t.rows; n++) {
      found_s |= !strcmp(t.cell[n][0], e.cell[r][src]);
      found_t |= !strcmp(t.cell[n][0], e.cell[r][tgt]);
    }
    cr_expect(found_s && found_t, "edge row %zu names a missing node", r);
  }
  /* The relation reads one way and is labelled with its role. */
  cr_expect_str_eq(e.cell[2][col(&e, "Type")], "Directed");
  cr_expect_str_eq(e.cell[2][col(&e, "Label")], "spokesman");
  cr_expect_str_eq(e.cell[2][col(&e, "Weight")], "2");
  cr_expect_str_eq(e.cell[2][col(&e, "documents")], "2");
  cr_expect_str_eq(e.cell[1][col(&e, "Type")], "Undirected");
  cr_expect_str_eq(e.cell[1][col(&e, "Kind")], "co-mention");
  cr_expect_str_eq(e.cell[1][col(&e, "Label")], "");
  cr_expect_str_eq(e.cell[3][tgt], "place:hostile");
  release(&t);
  release(&e);
  fx_free(g);
}

Test(csv, empty_graph_has_headers_only)
{
  ng_graph *g = fx_empty();
  table t, e;
  write_both(g, &t, &e);
  cr_expect_eq(t.rows, 1);
  cr_expect_eq(e.rows, 1);
  release(&t);
  release(&e);
  fx_free(g);
}

Test(csv, edge_outside_the_graph_is_left_out)
{
  ng_graph *g = fx_graph();
  table t, e;
  g->edges.v[2].b = 99;
  write_both(g, &t, &e);
  cr_expect_eq(e.rows, g->edges.n); /* header + the two good edges */
  release(&t);
  release(&e);
  fx_free(g);
}

Test(csv, same_graph_same_bytes_and_unfinished_refused)
{
  ng_graph *g = fx_graph();
  ng_buf a = NG_BUF_INIT, b = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;

  cr_assert_eq(ng_write_edges_csv(g, &a, &err), 0);
  cr_assert_eq(ng_write_edges_csv(g, &b, &err), 0);
  cr_expect_eq(a.len, b.len);
  cr_expect_eq(memcmp(a.ptr, b.ptr, a.len), 0);
  g->finished = 0;
  ng_buf_reset(&a);
  cr_expect_eq(ng_write_nodes_csv(g, &a, &err), NG_ERR_USAGE);
  cr_expect_eq(ng_write_edges_csv(g, &a, &err), NG_ERR_USAGE);
  cr_expect_eq(a.len, 0);
  ng_buf_release(&a);
  ng_buf_release(&b);
  fx_free(g);
}
