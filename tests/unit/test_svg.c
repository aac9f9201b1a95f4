#include <criterion/criterion.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "write/write_internal.h"
#include "write_fixture.h"

/* graph.svg of g, checked to be well-formed XML with an <svg> root. */
static xmlDocPtr render(const ng_graph *g, ng_buf *svg)
{
  ng_err err = NG_ERR_INIT;
  xmlDocPtr x;

  cr_assert_eq(ng_write_svg(g, svg, &err), 0, "%s", err.msg);
  x = xmlReadMemory(svg->ptr, (int)svg->len, "graph.svg", NULL,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  cr_assert_not_null(x, "graph.svg is not well-formed");
  cr_assert_str_eq((const char *)xmlDocGetRootElement(x)->name, "svg");
  return x;
}

/* How many elements carry class="<cls>". */
static size_t count_class(xmlNodePtr n, const char *cls)
{
  size_t k = 0;
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    xmlChar *c = xmlGetProp(n, (const xmlChar *)"class");
    if (c && strcmp((const char *)c, cls) == 0)
      k++;
    xmlFree(c);
    k += count_class(n->children, cls);
  }
  return k;
}

Test(svg, draws_every_entity_and_edge)
{
  ng_graph *g = fx_graph();
  ng_buf svg = NG_BUF_INIT;
  xmlDocPtr x = render(g, &svg);
  xmlNodePtr root = xmlDocGetRootElement(x);

  cr_expect_eq(count_class(root, "node"), 4);
  cr_expect_eq(count_class(root, "edge"), 3);
  cr_expect(strstr(svg.ptr, ">Elon Musk</text>") != NULL);
  cr_expect(strstr(svg.ptr, ">spokesman of</text>") != NULL);

  xmlFreeDoc(x);
  ng_buf_release(&svg);
  fx_free(g);
}

Test(svg, hostile_label_reads_as_written)
{
  ng_graph *g = fx_graph();
  ng_buf svg = NG_BUF_INIT;
  xmlDocPtr x = render(g, &svg);
  xmlChar *text = xmlNodeGetContent(xmlDocGetRootElement(x));

  /* Backslashes and \N stay literal, markup stays text, newline a space. */
  cr_expect(strstr((const char *)text,
                   "C:\\Users\\Nina \"the <b>&amp;</b>\" \\N & <x> end\\") !=
                NULL,
            "%s", text);

  xmlFree(text);
  xmlFreeDoc(x);
  ng_buf_release(&svg);
  fx_free(g);
}

Test(svg, same_graph_same_bytes)
{
  ng_graph *g = fx_graph();
  ng_buf a = NG_BUF_INIT, b = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;

  cr_assert_eq(ng_write_svg(g, &a, &err), 0, "%s", err.msg);
  cr_assert_eq(ng_write_svg(g, &b, &err), 0, "%s", err.msg);
  cr_expect_eq(a.len, b.len);
  cr_expect_eq(memcmp(a.ptr, b.ptr, a.len), 0);

  ng_buf_release(&a);
  ng_buf_release(&b);
  fx_free(g);
}

Test(svg, empty_graph_is_valid)
{
  ng_graph *g = fx_empty();
  ng_buf svg = NG_BUF_INIT;
  xmlDocPtr x = render(g, &svg);

  cr_expect_eq(count_class(xmlDocGetRootElement(x), "node"), 0);

  xmlFreeDoc(x);
  ng_buf_release(&svg);
  fx_free(g);
}

Test(svg, refuses_unfinished_graph)
{
  ng_graph *g = fx_graph();
  ng_buf svg = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;

  g->finished = 0;
  cr_expect_eq(ng_write_svg(g, &svg, &err), NG_ERR_USAGE);
  cr_expect_eq(svg.len, 0);

  ng_buf_release(&svg);
  fx_free(g);
}

/*
 * A corpus-sized graph draws its most mentioned entities only, and says
 * so; speed itself is measured by the benchmarks, not asserted here.
 */
Test(svg, large_graph_draws_the_most_mentioned, .timeout = 120)
{
  ng_graph *g = fx_big(2000);
  ng_buf svg = NG_BUF_INIT;
  xmlDocPtr x = render(g, &svg);

  cr_expect_eq(count_class(xmlDocGetRootElement(x), "node"), NG_SVG_MAX_NODES);
  cr_expect_not_null(strstr(svg.ptr, "most mentioned of 2000 entities"));

  xmlFreeDoc(x);
  ng_buf_release(&svg);
  fx_free(g);
}
