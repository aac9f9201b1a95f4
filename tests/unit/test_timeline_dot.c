#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include <cgraph.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "hostile_fixture.h"
#include "write/write_internal.h"

static Agraph_t *reread(const ng_graph *g, ng_buf *dot)
{
  ng_err err = NG_ERR_INIT;
  Agraph_t *ag;

  ng_buf_reset(dot);
  cr_assert_eq(ng_write_timeline_dot(g, dot, &err), 0, "%s", err.msg);
  ag = agmemread(dot->ptr);
  cr_assert_not_null(ag, "timeline.dot does not parse:\n%s", dot->ptr);
  return ag;
}

static xmlDocPtr render(const ng_graph *g, ng_buf *svg)
{
  ng_err err = NG_ERR_INIT;
  xmlDocPtr x;

  cr_assert_eq(ng_write_timeline_svg(g, svg, &err), 0, "%s", err.msg);
  x = xmlReadMemory(svg->ptr, (int)svg->len, "timeline.svg", NULL,
                    XML_PARSE_NONET);
  cr_assert_not_null(x, "timeline.svg is not well-formed");
  return x;
}

/* Three events over two dates; Musk (1) in all of them. */
static ng_graph *story(void)
{
  ng_graph *g = fx_graph();
  ng_gevent *ev;

  ev = NG_VEC_PUSH(g->events);
  ev->id = fx_str(g, "event:2021-02-15:peskov-said");
  snprintf(ev->date, sizeof(ev->date), "2021-02-15");
  ev->summary = fx_str(g, "Peskov said the proposal was interesting");
  *NG_VEC_PUSH(ev->participants) = 0;
  *NG_VEC_PUSH(ev->participants) = 1;
  *NG_VEC_PUSH(ev->participants) = 2;
  *NG_VEC_PUSH(ev->sources) =
      fx_source(g, 0, "Peskov said so.", 0, "Monday", "2021-02-15");
  ev = NG_VEC_PUSH(g->events);
  ev->id = fx_str(g, "event:2021-02-15:musk-replied");
  snprintf(ev->date, sizeof(ev->date), "2021-02-15");
  ev->summary = fx_str(g, "Musk replied");
  *NG_VEC_PUSH(ev->participants) = 1;
  *NG_VEC_PUSH(ev->sources) =
      fx_source(g, 1, "Musk replied.", 0, "Monday", "2021-02-15");
  return g;
}

static Agnode_t *node(Agraph_t *ag, const char *id)
{
  Agnode_t *n = agnode(ag, (char *)id, 0);
  cr_assert_not_null(n, "no node '%s'", id);
  return n;
}

Test(timeline_dot, events_ranked_by_date_with_their_participants)
{
  ng_graph *g = story();
  ng_buf dot = NG_BUF_INIT;
  Agraph_t *ag = reread(g, &dot);

  cr_expect_str_eq(agget(ag, "layout"), "dot");
  Agnode_t *d14 = node(ag, "date:2021-02-14"), *d15 = node(ag, "date:2021-02-15");
  cr_expect_str_eq(agget(d14, "label"), "14 Feb 2021");
  Agedge_t *later = agedge(ag, d14, d15, NULL, 0);
  cr_assert_not_null(later, "the ruler runs forward in time");
  cr_expect_str_eq(agget(later, "minlen"), "2");

  /* Each date is one rank, with its events. */
  Agraph_t *r15 = agsubg(ag, "rank:2021-02-15", 0);
  cr_assert_not_null(r15);
  cr_expect_str_eq(agget(r15, "rank"), "same");
  cr_expect_eq(agnnodes(r15), 3, "the date and its two events");
  cr_expect_not_null(agsubnode(r15, node(ag, "event:2021-02-15:peskov-said"), 0));

  /* An event shows its summary, date and sources count. */
  Agnode_t *ev = node(ag, "event:2021-02-14:musk-invited-putin");
  cr_expect_str_eq(agget(ev, "label"),
                   "Musk invited Peskov to talk\\n14 Feb 2021, 2 sources");
  cr_expect(strstr(agget(ev, "tooltip"), "Kremlin \"says\" <no>") != NULL,
            "the sources' titles: %s", agget(ev, "tooltip"));

  /* Participants hang below the first event naming them... */
  Agnode_t *musk = node(ag, "person:elon-musk");
  Agedge_t *first = agedge(ag, ev, musk, NULL, 0);
  cr_assert_not_null(first);
  cr_expect_str_eq(agget(first, "constraint"), "true");
  cr_expect_str_eq(agget(musk, "shape"), "ellipse");
  /* ... and later events reach back without moving them. */
  Agedge_t *back =
      agedge(ag, node(ag, "event:2021-02-15:musk-replied"), musk, NULL, 0);
  cr_assert_not_null(back);
  cr_expect_str_eq(agget(back, "constraint"), "false");
  cr_expect_eq(agnnodes(ag), 2 + 3 + 3, "dates, events, participants once");

  agclose(ag);
  ng_buf_release(&dot);
  fx_free(g);
}

Test(timeline_dot, svg_draws_every_event_and_a_legend)
{
  ng_graph *g = story();
  ng_buf svg = NG_BUF_INIT;
  xmlDocPtr x = render(g, &svg);
  xmlChar *text = xmlNodeGetContent(xmlDocGetRootElement(x));

  cr_expect(strstr((const char *)text, "Musk replied") != NULL);
  cr_expect(strstr((const char *)text, "15 Feb 2021") != NULL);
  cr_expect(strstr((const char *)text, "takes part") != NULL, "the legend");
  cr_expect(strstr(svg.ptr, "id=\"legend\"") != NULL);
  xmlFree(text);
  xmlFreeDoc(x);
  ng_buf_release(&svg);
  fx_free(g);
}

/*
 * A long timeline keeps the strongest NG_TIMELINE_MAX_EVENTS events,
 * says so, and names repeated participants again instead of drawing
 * lines back across the page.
 */
Test(timeline_dot, long_timelines_keep_the_strongest, .timeout = 60)
{
  ng_graph *g = fx_big(50);
  ng_buf dot = NG_BUF_INIT, svg = NG_BUF_INIT;
  size_t n = 3 * NG_TIMELINE_MAX_EVENTS, dates = 0;

  for (size_t i = 0; i < n; i++) {
    ng_gevent *ev = NG_VEC_PUSH(g->events);
    char id[64];
    snprintf(id, sizeof(id), "event:%04zu", i);
    ev->id = fx_str(g, id);
    snprintf(ev->date, sizeof(ev->date), "2021-%02zu-%02zu", 1 + i / 28 % 12,
             1 + i % 28);
    ev->summary = fx_str(g, "Something happened to someone somewhere");
    *NG_VEC_PUSH(ev->participants) = i % 7;
    for (size_t k = 0; k < 1 + (i % 5 == 0); k++)
      *NG_VEC_PUSH(ev->sources) = fx_source(g, 0, "x", 0, NULL, NULL);
  }
  g->docs.n = 0;
  *NG_VEC_PUSH(g->docs) = (ng_gdoc){.id = fx_str(g, "d1")};

  Agraph_t *ag = reread(g, &dot);
  size_t events = 0, again = 0;
  for (Agnode_t *v = agfstnode(ag); v; v = agnxtnode(ag, v)) {
    const char *name = agnameof(v);
    events += strncmp(name, "event:", 6) == 0;
    dates += strncmp(name, "date:", 5) == 0;
    again += strchr(name, '@') != NULL;
  }
  cr_expect_eq(events, NG_TIMELINE_MAX_EVENTS);
  cr_expect_gt(again, 0);
  cr_expect_leq(dates, events);
  /* The strongest: every event with two sources (i % 5 == 0) is in. */
  for (size_t i = 0; i < n; i += 5) {
    char id[64];
    snprintf(id, sizeof(id), "event:%04zu", i);
    cr_expect_not_null(agnode(ag, id, 0), "%s", id);
  }
  for (Agnode_t *v = agfstnode(ag); v; v = agnxtnode(ag, v))
    for (Agedge_t *e = agfstout(ag, v); e; e = agnxtout(ag, e))
      cr_expect_str_eq(agget(e, "constraint"), "true", "no lines back");
  cr_expect(strstr(agget(ag, "label"), "100 strongest of 300 events") != NULL,
            "%s", agget(ag, "label"));
  agclose(ag);

  xmlDocPtr x = render(g, &svg);
  cr_expect(strstr(svg.ptr, "the 100 strongest of 300 events") != NULL);
  xmlFreeDoc(x);
  ng_buf_release(&svg);
  ng_buf_release(&dot);
  fx_free(g);
}

Test(timeline_dot, hostile_text_cannot_break_it)
{
  ng_graph *g = fx_hostile();
  ng_buf dot = NG_BUF_INIT, svg = NG_BUF_INIT, want = NG_BUF_INIT;
  Agraph_t *ag = reread(g, &dot);
  size_t events = 0;

  for (Agnode_t *v = agfstnode(ag); v; v = agnxtnode(ag, v))
    events += strncmp(agnameof(v), "event:", 6) == 0;
  cr_expect_eq(events, g->events.n);
  ng_gv_name(&want, g->events.v[2].id);
  Agnode_t *ev = agnode(ag, want.ptr, 0);
  cr_assert_not_null(ev);
  cr_expect(strstr(agget(ev, "label"), "<table><tr><td>html</td></tr>") != NULL,
            "%s", agget(ev, "label"));
  agclose(ag);

  xmlDocPtr x = render(g, &svg);
  xmlChar *text = xmlNodeGetContent(xmlDocGetRootElement(x));
  cr_expect(strstr((const char *)text, "&#38; &lt;") != NULL, "%s", text);
  xmlFree(text);
  xmlFreeDoc(x);
  ng_buf_release(&want);
  ng_buf_release(&svg);
  ng_buf_release(&dot);
  fx_free(g);
}

Test(timeline_dot, empty_and_broken_graphs)
{
  ng_graph *g = fx_empty();
  ng_buf out = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;

  Agraph_t *ag = reread(g, &out);
  cr_expect_eq(agnnodes(ag), 0);
  agclose(ag);
  ng_buf_reset(&out);
  cr_expect_eq(ng_write_timeline_svg(g, &out, &err), 0, "%s", err.msg);
  fx_free(g);

  g = fx_graph();
  g->events.v[0].participants.v[1] = 99;
  ng_buf_reset(&out);
  cr_expect_eq(ng_write_timeline_dot(g, &out, &err), NG_ERR_USAGE);
  cr_expect(strstr(err.msg, "99") != NULL, "%s", err.msg);
  cr_expect_eq(ng_write_timeline_svg(g, &out, &err), NG_ERR_USAGE);
  cr_expect_eq(out.len, 0);
  g->events.v[0].participants.v[1] = 1;
  g->finished = 0;
  cr_expect_eq(ng_write_timeline_dot(g, &out, &err), NG_ERR_USAGE);
  ng_buf_release(&out);
  fx_free(g);
}
