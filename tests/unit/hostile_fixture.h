#ifndef NG_TESTS_HOSTILE_FIXTURE_H
#define NG_TESTS_HOSTILE_FIXTURE_H

/*
 * A graph whose every string is hostile to DOT, SVG or both: escString
 * sequences, quotes, HTML-like labels, entities, control characters,
 * invalid UTF-8, XML's forbidden code points, DOT keywords as ids.  Each
 * entity is named with one of them and tied to the next; every role and
 * event summary is one of them too.  The writers must turn any of it
 * into DOT that cgraph reads back and SVG that is well-formed XML.
 */
#include "write_fixture.h"

static const char *const fx_hostile_names[] = {
    "back\\slash \\N \\G \\L \\n \\E end\\",
    "quote \" and \\\" and ' and \"\"",
    "<table><tr><td>html</td></tr></table>",
    "<b>bold</b> & &amp; &#38; &lt; &#x3c; &bogus;",
    "line1\nline2\r\n\ttab \x01\x1f\x7f",
    "bad \xff\xfe \xc3 \xed\xa0\x80 end",
    "nonchar \xef\xbf\xbe \xef\xbf\xbf",
    "c1 \xc2\x85 nel \xc2\x9f",
    "} ]; digraph x { node [label=x] } //",
    "",
    "-- -> <- ; , = [ ]",
    "]]> <!-- --> <![CDATA[ x ]]> <?xml?>",
};
#define FX_N_HOSTILE (sizeof(fx_hostile_names) / sizeof(fx_hostile_names[0]))

/* Ids a DOT writer must quote: keywords, punctuation, nothing at all. */
static const char *const fx_hostile_ids[FX_N_HOSTILE] = {
    "node", "edge", "graph", "strict", "subgraph", "digraph",
    "a\"b", "x y", "-1", "1.5", "<x>", "\\",
};

static inline ng_graph *fx_hostile(void)
{
  ng_graph *g = fx_empty();
  ng_gdoc *d = NG_VEC_PUSH(g->docs);
  char long_name[3000];

  d->id = fx_str(g, "d\"1<");
  d->source = fx_str(g, "samples/<d1>.txt");
  d->title = fx_str(g, fx_hostile_names[3]);
  d->duplicate_of = (size_t)-1;

  for (size_t i = 0; i < FX_N_HOSTILE; i++)
    fx_entity(g, fx_hostile_ids[i], fx_hostile_names[i],
              (ng_entity_type)(i % 3), 1 + i, fx_hostile_names[i], NULL);
  /* A very long name, of multi-byte characters. */
  for (size_t i = 0; i + 2 < sizeof(long_name); i += 2)
    long_name[i] = '\xc3', long_name[i + 1] = '\xa9';
  long_name[sizeof(long_name) - 2] = '\0';
  fx_entity(g, "person:long", long_name, NG_ENTITY_PERSON, 1, NULL, NULL);

  for (size_t i = 0; i + 1 < g->entities.n; i++) {
    ng_gedge *e = NG_VEC_PUSH(g->edges);
    e->a = i, e->b = i + 1, e->weight = 1 + (unsigned)(i % 3);
    if (i % 2) {
      e->role = fx_str(g, fx_hostile_names[(i + 5) % FX_N_HOSTILE]);
      *NG_VEC_PUSH(e->sources) =
          fx_source(g, 0, fx_hostile_names[i], 0, NULL, NULL);
    }
  }
  for (size_t i = 0; i < FX_N_HOSTILE; i++) {
    ng_gevent *ev = NG_VEC_PUSH(g->events);
    char id[32];
    snprintf(id, sizeof(id), "event:%zu\"<", i);
    ev->id = fx_str(g, id);
    /* Dates too: a bad one must not break the ruler. */
    snprintf(ev->date, sizeof(ev->date), "%s",
             i % 4 == 3 ? "<\"2021\\\">" : i % 2 ? "2021-02" : "2021-02-14");
    ev->precision = NG_PREC_DAY;
    ev->summary = fx_str(g, fx_hostile_names[i]);
    ev->trigger = fx_str(g, "said");
    *NG_VEC_PUSH(ev->participants) = i;
    *NG_VEC_PUSH(ev->participants) = (i + 1) % g->entities.n;
    *NG_VEC_PUSH(ev->sources) =
        fx_source(g, 0, fx_hostile_names[i], 0, "\\N", "2021-02-14");
  }
  return g;
}

#endif
