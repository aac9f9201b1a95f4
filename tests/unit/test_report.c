#include <criterion/criterion.h>
#include <string.h>

#include "write/write_internal.h"
#include "write_fixture.h"

/*
 * report.html of the small hand-built graph: what a reader must find on
 * the page, what an article must never be able to put there, and which
 * graph pictures the page agrees to inline.
 */

static size_t count(const char *hay, const char *needle)
{
  size_t k = 0, n = strlen(needle);
  for (const char *p = strstr(hay, needle); p; p = strstr(p + n, needle))
    k++;
  return k;
}

/* The page for g with the picture svg (NULL: drawn by the report). */
static void report(const ng_graph *g, const char *svg, size_t svg_len,
                   ng_buf *out)
{
  ng_err err = NG_ERR_INIT;
  cr_assert_eq(ng_write_report(g, svg, svg_len, out, &err), 0, "%s",
               err.msg);
  cr_assert_eq(strlen(out->ptr), out->len, "a NUL inside the page");
}

#define NOT_SHOWN "The graph is not shown"

Test(report, lists_events_entities_and_documents)
{
  ng_graph *g = fx_graph();
  ng_buf out = NG_BUF_INIT;
  report(g, NULL, 0, &out);
  const char *p = out.ptr;

  cr_expect(strncmp(p, "<!DOCTYPE html>\n", 16) == 0);
  cr_expect(strstr(p, "</html>\n") == p + out.len - 8);
  /* The event, its date, its sources with the date expression marked. */
  cr_expect_eq(count(p, "<li class=\"event\""), 1);
  cr_expect(strstr(p, "<time datetime=\"2021-02-14\">14 February 2021</time>"));
  cr_expect(strstr(p, "<p class=\"summary\">Musk invited Peskov to talk</p>"));
  cr_expect(strstr(p, "<blockquote><mark>On Sunday</mark>, Musk invited "
                      "Peskov to talk.</blockquote>"));
  cr_expect(strstr(p, "Musk &quot;invited&quot; him \\ on <mark>Feb 14"
                      "</mark>.</blockquote>"));
  /* Every entity once in the table, grouped by type, with aliases. */
  cr_expect_eq(count(p, "<tr class=\"entity "), 4);
  cr_expect_eq(count(p, "<tr class=\"entity person\""), 2);
  cr_expect_eq(count(p, "<tr class=\"entity organization\""), 1);
  cr_expect_eq(count(p, "<tr class=\"entity place\""), 1);
  cr_expect(strstr(p, "id=\"e-person:elon-musk\"><td>Elon Musk</td>"
                      "<td>@elonmusk, Musk</td>"));
  cr_expect(strstr(p, "<span class=\"role\" title=\"Kremlin spokesman "
                      "Dmitry Peskov said.\">spokesman</span> of "
                      "<a href=\"#e-organization:kremlin\">Kremlin</a>"));
  /* Both documents, the date and where it came from; the duplicate. */
  cr_expect_eq(count(p, "<tr class=\"doc\""), 2);
  cr_expect(strstr(p, "<time datetime=\"2021-02-15\">15 February 2021</time>"
                      "</td><td class=\"from\">metadata</td>"));
  cr_expect(strstr(p, "unknown</td><td class=\"from\">none</td>"));
  cr_expect(strstr(p, "repeats <a href=\"#doc-1\">#1</a>"));
  cr_expect(strstr(p, "<a href=\"https://example.org/a?b=1&amp;c=2\" "
                      "rel=\"noopener noreferrer\">Kremlin &quot;says&quot; "
                      "&lt;no&gt;</a>"));
  cr_expect(strstr(p, "<p class=\"lead\">2 articles read · 4 entities · "
                      "1 event"));

  ng_buf_release(&out);
  fx_free(g);
}

Test(report, empty_graph_reads)
{
  ng_graph *g = fx_empty();
  ng_buf out = NG_BUF_INIT;
  report(g, NULL, 0, &out);
  cr_expect(strstr(out.ptr, "No dated events were found."));
  cr_expect(strstr(out.ptr, "No people, organizations or places"));
  cr_expect_eq(count(out.ptr, "<tr class=\"doc\""), 0);
  ng_buf_release(&out);
  fx_free(g);
}

/* The fixture with markup, quotes and a script URL in every string. */
static ng_graph *hostile_graph(void)
{
  ng_graph *g = fx_graph();
  g->docs.v[0].title = fx_str(g, "<script>alert(1)</script></style><!--");
  g->docs.v[0].url = fx_str(g, "javascript:alert(1)");
  g->docs.v[0].id = fx_str(g, "d1\"><img src=x onerror=alert(1)>");
  g->docs.v[1].title = fx_str(g, "'><svg onload=alert(2)>");
  g->docs.v[1].url = fx_str(g, " https://example.org/space");
  g->entities.v[0].name = fx_str(g, "</style><script>alert(3)</script>");
  g->entities.v[0].id = fx_str(g, "person:\"' onclick=alert(4) x='");
  g->entities.v[1].aliases.v[0] = fx_str(g, "<!-- -->");
  g->edges.v[1].sources.v[0].text =
      fx_str(g, "\" onmouseover=\"alert(5)\" x='y' <b>");
  g->edges.v[1].role = fx_str(g, "<i>chief</i>");
  g->events.v[0].summary = fx_str(g, "<a href=\"javascript:alert(6)\">x</a>");
  g->events.v[0].sources.v[0].text = fx_str(g, "<script>On Sunday</script>");
  return g;
}

Test(report, hostile_text_is_escaped)
{
  ng_graph *g = hostile_graph();
  ng_buf out = NG_BUF_INIT;
  report(g, "", 0, &out); /* no picture: only the text is under test */
  const char *p = out.ptr;

  /* The page's own style and script, and nothing else of the kind. */
  cr_expect_eq(count(p, "<script"), 1);
  cr_expect_eq(count(p, "</script"), 1);
  cr_expect_eq(count(p, "<style"), 1);
  cr_expect_eq(count(p, "</style"), 1);
  cr_expect_eq(count(p, "<!--"), 0);
  cr_expect_eq(count(p, "<img"), 0);
  cr_expect_eq(count(p, "<svg"), 0);
  cr_expect_eq(count(p, "<b>"), 4, "only the page's own <b> in the notes");
  cr_expect_eq(count(p, "<i>"), 0);
  /* Handlers and script URLs stay text: never a quote that ends a value. */
  cr_expect_eq(count(p, "onmouseover=\""), 0);
  cr_expect_eq(count(p, "x='"), 0);
  cr_expect_eq(count(p, "href=\"javascript"), 0);
  cr_expect_eq(count(p, "javascript:alert(1)"), 0, "the bad URL is not shown");
  /* Escaped, so it still reads as written. */
  cr_expect(strstr(p, "&lt;script&gt;alert(1)&lt;/script&gt;&lt;/style&gt;"
                      "&lt;!--"));
  cr_expect(strstr(p, "&lt;/style&gt;&lt;script&gt;alert(3)&lt;/script&gt;"));
  cr_expect(strstr(p, "id=\"e-person:&quot;&#39; onclick=alert(4) x=&#39;\""));
  cr_expect(strstr(p, " title=\"&quot; onmouseover=&quot;alert(5)&quot; "
                      "x=&#39;y&#39; &lt;b&gt;\""));
  cr_expect(strstr(p, "&lt;a href=&quot;"));
  cr_expect(strstr(p, "<blockquote>&lt;script&gt;<mark>On Sunday</mark>"
                      "&lt;/script&gt;</blockquote>"));
  cr_expect(strstr(p, "&#39;&gt;&lt;svg onload=alert(2)&gt;"));
  /* Neither URL is a web URL: no link to an article at all. */
  cr_expect_eq(count(p, "rel=\"noopener noreferrer\""), 0);
  cr_expect(strstr(p, "<p class=\"note\">The graph could not be drawn.</p>"));

  ng_buf_release(&out);
  fx_free(g);
}

Test(report, only_web_urls_become_links)
{
  static const char *const bad[] = {
      "javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x",
      "vbscript:x",          "file:///etc/passwd",  "//example.org/a",
      "/a/b",                "http://",             "https://a b",
      "http://a\tb",         "ftp://example.org/"};
  static const char *const good[] = {"http://example.org/x",
                                     "HTTPS://Example.org/y?z=1"};
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    ng_graph *g = fx_graph();
    ng_buf out = NG_BUF_INIT;
    g->docs.v[0].url = fx_str(g, bad[i]);
    report(g, "", 0, &out);
    cr_expect_eq(count(out.ptr, "rel=\"noopener noreferrer\""), 0,
                 "%s became a link", bad[i]);
    ng_buf_release(&out);
    fx_free(g);
  }
  for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
    ng_graph *g = fx_graph();
    ng_buf out = NG_BUF_INIT;
    char want[128];
    g->docs.v[0].url = fx_str(g, good[i]);
    report(g, "", 0, &out);
    snprintf(want, sizeof(want), "<a href=\"%s\" rel=\"noopener noreferrer\">",
             good[i]);
    cr_expect(strstr(out.ptr, want), "%s is not a link", good[i]);
    ng_buf_release(&out);
    fx_free(g);
  }
}

/* The page for the fixture with the picture svg. */
static void report_svg(const char *svg, ng_buf *out)
{
  ng_graph *g = fx_graph();
  report(g, svg, strlen(svg), out);
  fx_free(g);
}

#define SVG_OPEN "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\">"

Test(report, untrusted_svg_is_refused)
{
  static const char *const bad[] = {
      SVG_OPEN "<script>alert(1)</script></svg>",
      SVG_OPEN "<g><SCRIPT>alert(1)</SCRIPT></g></svg>",
      "<svg onload=\"alert(1)\"><g/></svg>",
      SVG_OPEN "<g class=\"node\" onclick='x()'><title>a</title></g></svg>",
      SVG_OPEN "<a href=\"javascript:alert(1)\"><text>x</text></a></svg>",
      SVG_OPEN "<a xlink:href=\"data:text/html,x\"><text>x</text></a></svg>",
      SVG_OPEN "<a href=\"//evil.example/\"><text>x</text></a></svg>",
      SVG_OPEN "<image href=\"https://evil.example/p.png\"/></svg>",
      SVG_OPEN "<foreignObject><div>x</div></foreignObject></svg>",
      SVG_OPEN "<path fill=\"url(https://evil.example/#g)\"/></svg>",
      SVG_OPEN "<style>@import url(x)</style></svg>",
      SVG_OPEN "<g><!-- never closed </g></svg>",
      SVG_OPEN "<g>",
      "<html>no picture at all</html>",
  };
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    ng_buf out = NG_BUF_INIT;
    report_svg(bad[i], &out);
    cr_expect(strstr(out.ptr, NOT_SHOWN), "svg %zu was inlined: %s", i,
              bad[i]);
    cr_expect_eq(count(out.ptr, "<svg"), 0, "svg %zu left a piece", i);
    cr_expect_eq(count(out.ptr, "<script"), 1, "svg %zu", i);
    cr_expect_eq(count(out.ptr, "evil.example"), 0, "svg %zu", i);
    ng_buf_release(&out);
  }
}

Test(report, trusted_svg_is_inlined)
{
  ng_buf out = NG_BUF_INIT;
  report_svg(SVG_OPEN "<!-- a comment --><g class=\"node\"><title>a</title>"
                      "<a href=\"#e-a\" xlink:href=\"https://example.org/\">"
                      "<ellipse fill=\"url(#grad)\" cx=\"1\"/></a></g>"
                      "<g class=\"node\"/></svg>trailing",
             &out);
  cr_expect_eq(count(out.ptr, NOT_SHOWN), 0);
  cr_expect_eq(count(out.ptr, "<svg"), 1);
  cr_expect_eq(count(out.ptr, "a comment"), 0, "comments are dropped");
  cr_expect_eq(count(out.ptr, "trailing"), 0, "nothing after </svg>");
  cr_expect(strstr(out.ptr, "The 2 most mentioned of 4 entities"));
  ng_buf_release(&out);
}

/*
 * What ng_write_svg() draws, legend and all, must pass the page's own
 * check: the legend's <rect> elements once made every report refuse it.
 */
Test(report, real_graph_svg_is_inlined)
{
  ng_graph *g = fx_graph();
  ng_buf svg = NG_BUF_INIT, given = NG_BUF_INIT, drawn = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;

  cr_assert_eq(ng_write_svg(g, &svg, &err), 0, "%s", err.msg);
  report(g, svg.ptr, svg.len, &given);
  report(g, NULL, 0, &drawn);
  for (ng_buf *b = &given; b; b = b == &given ? &drawn : NULL) {
    cr_expect_eq(count(b->ptr, NOT_SHOWN), 0, "graph.svg was refused");
    cr_expect_eq(count(b->ptr, "<svg"), 1);
    cr_expect_eq(count(b->ptr, "<figure class=\"graph\">"), 1);
    cr_expect(strstr(b->ptr, "All 4 entities, linked"));
    cr_expect(strstr(b->ptr, ">Elon Musk</text>"));
  }
  cr_expect(strstr(svg.ptr, "<rect") || strstr(svg.ptr, "<polygon"),
            "the picture has a legend box to check");
  cr_expect_str_eq(given.ptr, drawn.ptr, "NULL svg draws the same picture");

  ng_buf_release(&svg);
  ng_buf_release(&given);
  ng_buf_release(&drawn);
  fx_free(g);
}

Test(report, same_graph_same_bytes)
{
  ng_buf a = NG_BUF_INIT, b = NG_BUF_INIT;
  ng_graph *g1 = fx_graph(), *g2 = fx_graph();
  report(g1, NULL, 0, &a);
  report(g2, NULL, 0, &b);
  cr_expect_eq(a.len, b.len);
  cr_expect(memcmp(a.ptr, b.ptr, a.len) == 0);
  ng_buf_release(&a);
  ng_buf_release(&b);
  fx_free(g1);
  fx_free(g2);
}

Test(report, unfinished_graph_is_refused)
{
  ng_graph *g = fx_graph();
  ng_buf out = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;
  g->finished = 0;
  cr_expect_lt(ng_write_report(g, NULL, 0, &out, &err), 0);
  cr_expect_eq(out.len, 0);
  g->finished = 1;
  ng_buf_release(&out);
  fx_free(g);
}
