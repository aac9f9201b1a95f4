/*
 * The helpers every export format goes through (src/write/export.c):
 * escaping for XML, HTML and CSV, NMTOKEN ids, edge ids, date spans.
 */
#include <criterion/criterion.h>
#include <string.h>

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
