/*
 * The helpers every export format goes through (src/write/export.c):
 * escaping for XML, HTML and CSV, NMTOKEN ids, edge ids, date spans.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "write/write_internal.h"
#include "write_fixture.h"

static char *xml(const char *s, int attr)
{
  static ng_buf b = NG_BUF_INIT;
  ng_buf_reset(&b);
  ng_xml_add(&b, s, attr);
  return b.ptr;
}

static char *html(const char *s)
{
  static ng_buf b = NG_BUF_INIT;
  ng_buf_reset(&b);
  ng_html_add(&b, s);
  return b.ptr;
}

static char *csv(const char *s)
{
  static ng_buf b = NG_BUF_INIT;
  ng_buf_reset(&b);
  ng_csv_add(&b, s);
  return b.ptr;
}

static char *name(const char *s)
{
  static ng_buf b = NG_BUF_INIT;
  ng_buf_reset(&b);
  ng_xml_name_add(&b, s);
  return b.ptr;
}

Test(export, xml_escapes_markup_and_keeps_text)
{
  cr_expect_str_eq(xml("a < b & \"c\" > d", 0), "a &lt; b &amp; \"c\" &gt; d");
  cr_expect_str_eq(xml("a < b & \"c\" > d", 1),
                   "a &lt; b &amp; &quot;c&quot; &gt; d");
  cr_expect_str_eq(xml("C:\\Users\\Nina 'x'", 1), "C:\\Users\\Nina 'x'");
  cr_expect_str_eq(xml("Łukasz Żółć, São Paulo", 1), "Łukasz Żółć, São Paulo");
  cr_expect_str_eq(xml(NULL, 1), "");
}

Test(export, xml_keeps_line_breaks_in_attributes)
{
  cr_expect_str_eq(xml("a\nb\tc\rd", 1), "a&#10;b&#9;c&#13;d");
  cr_expect_str_eq(xml("a\nb\tc", 0), "a\nb\tc");
}

/* XML 1.0 cannot carry most C0 controls at all, not even as &#1;. */
Test(export, xml_replaces_what_xml_cannot_carry)
{
  cr_expect_str_eq(xml("a\x01" "b\x1f" "c", 0), "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c");
  cr_expect_str_eq(xml("bad \xff byte", 1), "bad \xef\xbf\xbd byte");
  cr_expect_str_eq(xml("\xef\xbf\xbe", 0), "\xef\xbf\xbd"); /* U+FFFE */
}

Test(export, html_escapes_everything_that_could_be_markup)
{
  cr_expect_str_eq(html("<script>alert('x')</script> & \"q\""),
                   "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                   "&quot;q&quot;");
  cr_expect_str_eq(html("a\x01" "b"), "a b");
  cr_expect_str_eq(html("Zürich"), "Zürich");
}

Test(export, csv_quotes_only_when_needed)
{
  cr_expect_str_eq(csv("Elon Musk"), "Elon Musk");
  cr_expect_str_eq(csv("Acme, Inc."), "\"Acme, Inc.\"");
  cr_expect_str_eq(csv("say \"no\""), "\"say \"\"no\"\"\"");
  cr_expect_str_eq(csv("two\nlines"), "\"two\nlines\"");
  cr_expect_str_eq(csv("cr\rhere"), "\"cr\rhere\"");
  cr_expect_str_eq(csv(" padded "), "\" padded \"");
  cr_expect_str_eq(csv("back\\slash <b>&"), "back\\slash <b>&");
  cr_expect_str_eq(csv(""), "");
  cr_expect_str_eq(csv(NULL), "");
  cr_expect_str_eq(csv("bad \xc3 \"byte\""), "\"bad \xef\xbf\xbd \"\"byte\"\"\"");
}

Test(export, nmtoken_ids_stay_distinct)
{
  cr_expect_str_eq(name("person:elon-musk"), "person:elon-musk");
  cr_expect_str_eq(name("person:josé-müller"), "person:josé-müller");
  cr_expect_str_eq(name("co:a|b"), "co:a_x007C_b");
  cr_expect_str_eq(name("a b"), "a_x0020_b");
  /* A literal "_x007C_" must not read as an escaped '|'. */
  cr_expect_str_eq(name("a_x007C_b"), "a_x005F_x007C_x005F_b");
  cr_expect_str_eq(name("musk\xe2\x80\x99s"), "musk_x2019_s"); /* ’ */
}

Test(export, edge_ids_name_both_ends_and_the_role)
{
  ng_graph *g = fx_graph();
  ng_buf b = NG_BUF_INIT;
  ng_edge_id(g, &g->edges.v[0], &b);
  cr_expect_str_eq(b.ptr, "co:person:dmitry-peskov|person:elon-musk");
  ng_buf_reset(&b);
  ng_edge_id(g, &g->edges.v[1], &b);
  cr_expect_str_eq(b.ptr,
                   "role:person:dmitry-peskov|spokesman|organization:kremlin");
  ng_buf_release(&b);
  fx_free(g);
}

static void span(const char *date, int ok, ng_ymd first, ng_ymd last)
{
  ng_ymd a = {0}, b = {0};
  int rc = ng_date_span(date, &a, &b);
  cr_expect_eq(rc, ok ? 0 : -1, "%s", date);
  if (!ok || rc)
    return;
  cr_expect(a.y == first.y && a.m == first.m && a.d == first.d,
            "%s: first %d-%d-%d", date, a.y, a.m, a.d);
  cr_expect(b.y == last.y && b.m == last.m && b.d == last.d,
            "%s: last %d-%d-%d", date, b.y, b.m, b.d);
}

Test(export, date_spans)
{
  span("2021-02-14", 1, (ng_ymd){2021, 2, 14}, (ng_ymd){2021, 2, 14});
  span("2021-02", 1, (ng_ymd){2021, 2, 1}, (ng_ymd){2021, 2, 28});
  span("2020-02", 1, (ng_ymd){2020, 2, 1}, (ng_ymd){2020, 2, 29});
  span("2021", 1, (ng_ymd){2021, 1, 1}, (ng_ymd){2021, 12, 31});
  /* ISO weeks: week 1 holds the first Thursday. */
  span("2021-W07", 1, (ng_ymd){2021, 2, 15}, (ng_ymd){2021, 2, 21});
  span("2021-W01", 1, (ng_ymd){2021, 1, 4}, (ng_ymd){2021, 1, 10});
  span("2020-W53", 1, (ng_ymd){2020, 12, 28}, (ng_ymd){2021, 1, 3});
  span("2026-W01", 1, (ng_ymd){2025, 12, 29}, (ng_ymd){2026, 1, 4});
  span("2021-02-30", 0, (ng_ymd){0}, (ng_ymd){0});
  span("2021-13", 0, (ng_ymd){0}, (ng_ymd){0});
  span("2021-W60", 0, (ng_ymd){0}, (ng_ymd){0});
  span("XXXX-WXX-7", 0, (ng_ymd){0}, (ng_ymd){0});
  span("21", 0, (ng_ymd){0}, (ng_ymd){0});
  span("", 0, (ng_ymd){0}, (ng_ymd){0});
}

Test(export, date_ranges_come_from_the_documents)
{
  ng_graph *g = fx_graph();
  ng_date_range r;

  ng_entity_dates(g, &g->entities.v[1], &r); /* d1 dated, d2 not */
  cr_expect_str_eq(r.first, "2021-02-15");
  cr_expect_str_eq(r.last, "2021-02-15");
  snprintf(g->docs.v[1].published, sizeof(g->docs.v[1].published),
           "2021-02-10");
  ng_entity_dates(g, &g->entities.v[1], &r);
  cr_expect_str_eq(r.first, "2021-02-10");
  cr_expect_str_eq(r.last, "2021-02-15");
  ng_edge_dates(g, &g->edges.v[2], &r); /* one source, in d1 */
  cr_expect_str_eq(r.first, "2021-02-15");
  g->docs.v[0].published[0] = g->docs.v[1].published[0] = '\0';
  ng_edge_dates(g, &g->edges.v[0], &r);
  cr_expect_str_eq(r.first, "");
  cr_expect_str_eq(r.last, "");
  fx_free(g);
}

/* Read a whole file into b; 0, or -1 when it cannot be read. */
static int slurp(const char *path, ng_buf *b)
{
  char chunk[4096];
  size_t n;
  FILE *f = fopen(path, "rb");
  if (!f)
    return -1;
  while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
    ng_buf_add(b, chunk, n);
  fclose(f);
  return 0;
}

/*
 * Streamed to disk in chunks, a file holds exactly the bytes the buffer
 * writer makes, for every format, on a graph many chunks long.
 */
Test(export, streamed_files_equal_buffered_output, .timeout = 60)
{
  static const struct {
    const char *name;
    int (*fn)(const ng_graph *, ng_buf *, ng_err *);
  } files[] = {{"timeline.json", ng_write_timeline},
               {"timelinejs.json", ng_write_timelinejs},
               {"cytoscape.json", ng_write_cytoscape},
               {"graph.gexf", ng_write_gexf},
               {"graph.graphml", ng_write_graphml},
               {"nodes.csv", ng_write_nodes_csv},
               {"edges.csv", ng_write_edges_csv}};
  ng_graph *g = fx_big(4000);
  char dir[] = "/tmp/ng-export-XXXXXX", path[256];
  cr_assert_not_null(mkdtemp(dir));

  for (size_t i = 0; i < sizeof(files) / sizeof(*files); i++) {
    ng_buf want = NG_BUF_INIT, got = NG_BUF_INIT;
    ng_err err = NG_ERR_INIT;
    snprintf(path, sizeof(path), "%s/%s", dir, files[i].name);
    cr_assert_eq(files[i].fn(g, &want, &err), 0, "%s", err.msg);
    cr_assert_eq(ng_write_file(g, files[i].name, path, &err), 0, "%s",
                 err.msg);
    cr_assert_eq(slurp(path, &got), 0);
    cr_expect_eq(got.len, want.len, "%s", files[i].name);
    cr_expect_eq(memcmp(got.ptr, want.ptr, want.len < got.len ? want.len
                                                              : got.len),
                 0, "%s", files[i].name);
    remove(path);
    ng_buf_release(&want);
    ng_buf_release(&got);
  }
  cr_expect_eq(rmdir(dir), 0, "a temporary file was left in %s", dir);
  fx_free(g);
}

/* A failed write leaves the old file as it was and no temporary file. */
Test(export, failed_stream_keeps_the_old_file)
{
  ng_graph *g = fx_graph();
  ng_err err = NG_ERR_INIT;
  ng_buf got = NG_BUF_INIT;
  char dir[] = "/tmp/ng-export-XXXXXX", path[256];
  cr_assert_not_null(mkdtemp(dir));
  snprintf(path, sizeof(path), "%s/graph.gexf", dir);
  cr_assert_eq(ng_atomic_write(path, "old", 3, &err), 0);

  g->finished = 0; /* the writer refuses: nothing may replace the file */
  cr_expect_eq(ng_write_file(g, "graph.gexf", path, &err), NG_ERR_USAGE);
  cr_assert_eq(slurp(path, &got), 0);
  cr_expect_str_eq(got.ptr, "old");
  g->finished = 1;
  cr_expect_eq(ng_write_file(g, "graph.pdf", path, &err), NG_ERR_USAGE);
  snprintf(path, sizeof(path), "%s/no/such/graph.gexf", dir);
  cr_expect_eq(ng_write_file(g, "graph.gexf", path, &err), NG_ERR_IO);
  cr_expect(strstr(err.msg, "cannot write") != NULL, "%s", err.msg);

  snprintf(path, sizeof(path), "%s/graph.gexf", dir);
  remove(path);
  cr_expect_eq(rmdir(dir), 0, "a temporary file was left in %s", dir);
  ng_buf_release(&got);
  fx_free(g);
}
