/*
 * report.html parsed as a browser would (libxml2's HTML parser) and walked:
 * what an attacker would need to find there (a second script or style, an
 * event handler, a javascript: link, an element we never write) is
 * counted, on hostile input and on hostile SVG.  test_report.c pins the
 * page's text; this file checks its tree.
 */
#include <criterion/criterion.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "write/write_internal.h"
#include "write_fixture.h"

/* What a page of ours may hold, found by walking its parsed tree. */
typedef struct page_facts {
  size_t scripts, styles, events, entities, docs, svg_nodes;
  size_t bad_elements;  /* img, iframe, object, embed, ... */
  size_t handlers;      /* on* attributes */
  size_t bad_links;     /* href that is neither #, http(s), nor ours */
  size_t links_out;     /* http(s) links */
} page_facts;

static int has_class(xmlNodePtr n, const char *cls)
{
  xmlChar *c = xmlGetProp(n, (const xmlChar *)"class");
  int yes = 0;
  if (c) {
    size_t k = strlen(cls);
    for (const char *p = (const char *)c; (p = strstr(p, cls)); p += k)
      if ((p == (const char *)c || p[-1] == ' ') && (!p[k] || p[k] == ' '))
        yes = 1;
  }
  xmlFree(c);
  return yes;
}

static void walk(xmlNodePtr n, page_facts *f)
{
  static const char *const bad[] = {"img",    "iframe", "object", "embed",
                                    "form",   "input",  "base",   "meta-refresh",
                                    "foreignobject", "image", "use", "x"};
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    const char *name = (const char *)n->name;
    if (!strcasecmp(name, "script"))
      f->scripts++;
    if (!strcasecmp(name, "style"))
      f->styles++;
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
      if (!strcasecmp(name, bad[i]))
        f->bad_elements++;
    if (!strcmp(name, "li") && has_class(n, "event"))
      f->events++;
    if (!strcmp(name, "tr") && has_class(n, "entity"))
      f->entities++;
    if (!strcmp(name, "tr") && has_class(n, "doc"))
      f->docs++;
    if (!strcmp(name, "g") && has_class(n, "node"))
      f->svg_nodes++;
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
      const char *an = (const char *)a->name;
      if (!strncasecmp(an, "on", 2))
        f->handlers++;
      if (!strcasecmp(an, "href")) {
        xmlChar *v = xmlGetProp(n, a->name);
        const char *s = (const char *)v;
        if (!strncmp(s, "http://", 7) || !strncmp(s, "https://", 8))
          f->links_out++;
        else if (s[0] != '#' && strcmp(s, "graph.svg") &&
                 strcmp(s, "graph.dot") && strcmp(s, "timeline.json") &&
                 strcmp(s, "data:,"))
          f->bad_links++;
        xmlFree(v);
      }
    }
    walk(n->children, f);
  }
}

/* report.html of g (with svg as given), parsed and walked. */
static page_facts report(const ng_graph *g, const char *svg, size_t svg_len,
                         ng_buf *html)
{
  ng_err err = NG_ERR_INIT;
  page_facts f = {0};
  cr_assert_eq(ng_write_report(g, svg, svg_len, html, &err), 0, "%s",
               err.msg);
  htmlDocPtr doc = htmlReadMemory(html->ptr, (int)html->len, "report.html",
                                  "UTF-8",
                                  HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                      HTML_PARSE_NOWARNING);
  cr_assert_not_null(doc);
  walk(xmlDocGetRootElement(doc), &f);
  xmlFreeDoc(doc);
  return f;
}

static size_t count(const char *hay, const char *needle)
{
  size_t n = 0;
  for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
    n++;
  return n;
}

Test(report_dom, draws_every_part)
{
  ng_graph *g = fx_graph();
  ng_buf html = NG_BUF_INIT;
  page_facts f = report(g, NULL, 0, &html);

  cr_expect_eq(f.events, 1);
  cr_expect_eq(f.entities, 4);
  cr_expect_eq(f.docs, 2);
  cr_expect_eq(f.svg_nodes, 4, "the graph is inlined");
  cr_expect_eq(f.scripts, 1);
  cr_expect_eq(f.styles, 1);
  /* Roles both ways, aliases, the source quoted with its date marked. */
  cr_expect_not_null(strstr(html.ptr, "spokesman</span> of <a href=\"#e-organization:kremlin\">Kremlin</a>"));
  cr_expect_not_null(strstr(html.ptr, ">Dmitry Peskov</a>, its spokesman</span>"));
  cr_expect_not_null(strstr(html.ptr, "<td>@elonmusk, Musk</td>"));
  cr_expect_not_null(strstr(html.ptr, "<mark>On Sunday</mark>, Musk invited Peskov to talk."));
  cr_expect_not_null(strstr(html.ptr, "<time datetime=\"2021-02-14\">14 February 2021</time>"));
  /* Where each date came from; the duplicate points at its original. */
  cr_expect_not_null(strstr(html.ptr, "<td class=\"from\">metadata</td>"));
  cr_expect_not_null(strstr(html.ptr, "unknown</td><td class=\"from\">none"));
  cr_expect_not_null(strstr(html.ptr, "repeats <a href=\"#doc-1\">#1</a>"));
  /* Nothing the network would be asked for. */
  cr_expect_not_null(strstr(html.ptr, "default-src 'none'"));
  cr_expect_eq(f.bad_links, 0);

  ng_buf_release(&html);
  fx_free(g);
}

Test(report_dom, same_graph_same_bytes)
{
  ng_graph *g = fx_graph();
  ng_buf a = NG_BUF_INIT, b = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;

  cr_assert_eq(ng_write_report(g, NULL, 0, &a, &err), 0, "%s", err.msg);
  cr_assert_eq(ng_write_report(g, NULL, 0, &b, &err), 0, "%s", err.msg);
  cr_expect_eq(a.len, b.len);
  cr_expect_eq(memcmp(a.ptr, b.ptr, a.len), 0);

  ng_buf_release(&a);
  ng_buf_release(&b);
  fx_free(g);
}

/* A graph whose every string from the articles tries to break out. */
static ng_graph *hostile_graph(void)
{
  ng_graph *g = fx_graph();
  g->docs.v[0].title = fx_str(g, "</title></style><script>window.pwned=1</script>");
  g->docs.v[0].url = fx_str(g, "javascript:alert(1)");
  g->docs.v[1].title = fx_str(g, "\"><img src=x onerror=alert(1)> 'quoted' \x01\xff");
  g->docs.v[1].url = fx_str(g, "https://example.org/a?q=\"><script>x</script>");
  g->docs.v[1].id = fx_str(g, "<svg onload=alert(1)>");
  g->entities.v[1].name = fx_str(g, "<script>alert('name')</script>");
  g->entities.v[1].id = fx_str(g, "person:\"><b onmouseover=x>");
  g->events.v[0].summary = fx_str(g, "</li></ol><iframe src=//evil.example></iframe>");
  g->events.v[0].sources.v[0].text =
      fx_str(g, "<style>*{display:none}</style> On Sunday <a href=javascript:x>x</a>");
  g->edges.v[1].role = fx_str(g, "</span><form action=//evil.example>");
  return g;
}

Test(report_dom, article_text_cannot_inject_markup)
{
  ng_graph *g = hostile_graph();
  ng_buf html = NG_BUF_INIT;
  page_facts f = report(g, NULL, 0, &html); /* the graph drawn too */

  cr_expect_eq(f.scripts, 1, "only our own script");
  cr_expect_eq(f.styles, 1, "only our own style");
  cr_expect_eq(f.bad_elements, 0);
  cr_expect_eq(f.handlers, 0);
  cr_expect_eq(f.bad_links, 0, "no javascript: link");
  cr_expect_eq(f.links_out, 1, "the https URL is a link, escaped");
  cr_expect_eq(f.events, 1);
  cr_expect_eq(f.entities, 4);
  cr_expect_eq(f.docs, 2);
  cr_expect_eq(f.svg_nodes, 4);
  /* The text is still there, for the reader, as text. */
  cr_expect_not_null(strstr(html.ptr, "&lt;/title&gt;&lt;/style&gt;&lt;script&gt;window.pwned=1"));
  cr_expect_not_null(strstr(html.ptr, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &#39;quoted&#39;  \xef\xbf\xbd"));
  cr_expect_not_null(strstr(html.ptr, "href=\"https://example.org/a?q=&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""));
  cr_expect_eq(count(html.ptr, "javascript:alert(1)"), 0,
               "a javascript: URL is not even shown as a link target");
  cr_expect_eq(count(html.ptr, "<script"), 1);
  cr_expect_eq(count(html.ptr, "</style"), 1);

  ng_buf_release(&html);
  fx_free(g);
}

Test(report_dom, unsafe_svg_is_left_out)
{
  static const char *const unsafe[] = {
      "<svg><script>alert(1)</script></svg>",
      "<svg onload=\"alert(1)\"></svg>",
      "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
      "<svg><foreignObject><p>x</p></foreignObject></svg>",
      "<svg><path fill=\"url(http://evil.example/p)\"/></svg>",
      "<svg><g class=\"node\">",
      "no svg at all"};
  ng_graph *g = fx_graph();

  for (size_t i = 0; i < sizeof(unsafe) / sizeof(unsafe[0]); i++) {
    ng_buf html = NG_BUF_INIT;
    page_facts f = report(g, unsafe[i], strlen(unsafe[i]), &html);
    cr_expect_not_null(strstr(html.ptr, "does not trust"), "%s", unsafe[i]);
    cr_expect_eq(count(html.ptr, "<svg"), 0, "%s", unsafe[i]);
    cr_expect_eq(f.scripts, 1);
    ng_buf_release(&html);
  }
  fx_free(g);
}

Test(report_dom, safe_svg_is_inlined_without_prolog_or_comments)
{
  static const char svg[] =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<!-- made by hand -->\n"
      "<svg width=\"10pt\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
      "<!-- a -> b --><g id=\"x\" class=\"node\"><title>a</title>"
      "<a xlink:href=\"https://example.org/\" xlink:title=\"&lt;x&gt;\">"
      "<path fill=\"url(#grad)\" d=\"M0,0\"/></a></g></svg>\ntrailing";
  ng_graph *g = fx_graph();
  ng_buf html = NG_BUF_INIT;
  page_facts f = report(g, svg, sizeof(svg) - 1, &html);

  cr_expect_eq(f.svg_nodes, 1);
  cr_expect_not_null(strstr(html.ptr, "<svg width=\"10pt\""));
  cr_expect_not_null(strstr(html.ptr, "<g id=\"x\" class=\"node\"><title>a</title>"));
  cr_expect_null(strstr(html.ptr, "<?xml"));
  cr_expect_null(strstr(html.ptr, "made by hand"));
  cr_expect_null(strstr(html.ptr, "a -> b"));
  cr_expect_null(strstr(html.ptr, "trailing"));
  cr_expect_not_null(strstr(html.ptr, "The 1 most mentioned of 4 entities"));

  ng_buf_release(&html);
  fx_free(g);
}

Test(report_dom, no_picture_when_asked)
{
  ng_graph *g = fx_graph();
  ng_buf html = NG_BUF_INIT;
  page_facts f = report(g, "", 0, &html);

  cr_expect_eq(f.svg_nodes, 0);
  cr_expect_not_null(strstr(html.ptr, "could not be drawn"));
  cr_expect_eq(f.events, 1, "the rest still reads");

  ng_buf_release(&html);
  fx_free(g);
}

Test(report_dom, empty_graph)
{
  ng_graph *g = fx_empty();
  ng_buf html = NG_BUF_INIT;
  page_facts f = report(g, NULL, 0, &html);

  cr_expect_eq(f.events + f.entities + f.docs, 0);
  cr_expect_not_null(strstr(html.ptr, "No dated events were found."));
  cr_expect_not_null(strstr(html.ptr, "</html>\n"));

  ng_buf_release(&html);
  fx_free(g);
}

Test(report_dom, refuses_unfinished_graph)
{
  ng_graph *g = fx_graph();
  ng_buf html = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;

  g->finished = 0;
  cr_expect_eq(ng_write_report(g, NULL, 0, &html, &err), NG_ERR_USAGE);
  cr_expect_eq(html.len, 0);

  ng_buf_release(&html);
  fx_free(g);
}

/* Many sources fold under <details>; many articles are summed up. */
Test(report_dom, long_lists_fold)
{
  ng_graph *g = fx_graph();
  ng_buf html = NG_BUF_INIT;
  ng_gevent *ev = &g->events.v[0];
  ng_gentity *e = &g->entities.v[0];

  for (int i = 0; i < 5; i++)
    *NG_VEC_PUSH(ev->sources) = fx_source(g, 0, "More.", 0, NULL, NULL);
  for (size_t i = 1; i < 20; i++)
    *NG_VEC_PUSH(e->docs) = i % 2;
  report(g, "", 0, &html);

  cr_expect_not_null(strstr(html.ptr, "<summary>4 more sources</summary>"));
  cr_expect_not_null(strstr(html.ptr, " and 8 more</td>"));

  ng_buf_release(&html);
  fx_free(g);
}
