#ifndef NG_TESTS_WRITE_FIXTURE_H
#define NG_TESTS_WRITE_FIXTURE_H

/*
 * A small merged graph built by hand for the writer tests, so they do not
 * depend on the merge stage.  It keeps the invariants of graph_internal.h
 * (entities sorted by type then name, co-mention edges with a < b).
 *
 *   0 person:dmitry-peskov   "Dmitry Peskov", alias "Peskov"
 *   1 person:elon-musk       "Elon Musk", aliases "@elonmusk", "Musk"
 *   2 organization:kremlin   "Kremlin"
 *   3 place:hostile          HOSTILE: backslashes, quotes, <, &, \N, a newline
 *
 *   edges: 0-1 co-mention weight 3, 0->2 "spokesman" weight 2 (2 sources),
 *          1-3 co-mention weight 1; co-mentions have one source per weight
 *   every entity has a merge record from d1 (Elon Musk one from d2 too)
 *   docs:  d1 (titled, published 2021-02-15 from metadata),
 *          d2 (no title, no date, a duplicate of d1)
 *   event: 2021-02-14 "invited", participants 0 and 1, two sources
 */
#include <stdio.h>
#include <string.h>

#include "model/graph_internal.h"

#define HOSTILE "C:\\Users\\Nina \"the <b>&amp;</b>\" \\N & <x>\nend\\"

static inline char *fx_str(ng_graph *g, const char *s)
{
  return ng_arena_strdup(&g->arena, s);
}

static inline void fx_entity(ng_graph *g, const char *id, const char *name,
                      ng_entity_type t, size_t mentions, const char *alias1,
                      const char *alias2)
{
  ng_gentity *e = NG_VEC_PUSH(g->entities);
  e->id = fx_str(g, id);
  e->name = fx_str(g, name);
  e->type = t;
  e->n_mentions = mentions;
  if (alias1)
    *NG_VEC_PUSH(e->aliases) = fx_str(g, alias1);
  if (alias2)
    *NG_VEC_PUSH(e->aliases) = fx_str(g, alias2);
  *NG_VEC_PUSH(e->docs) = 0;
  ng_gmerged *m = NG_VEC_PUSH(e->merged);
  memset(m, 0, sizeof(*m));
  m->name = e->name;
  m->n_mentions = mentions;
  m->start = 10 * g->entities.n;
  m->end = m->start + strlen(name);
}

/* A co-mention's sentence: no text, just where it is. */
static inline void fx_comention(ng_gedge *e, size_t doc, size_t start)
{
  *NG_VEC_PUSH(e->spans) = (ng_gspan){doc, start, start + 20};
}

static inline ng_gsource fx_source(ng_graph *g, size_t doc, const char *text,
                            size_t start, const char *date_text,
                            const char *date)
{
  ng_gsource s = {0};
  s.doc = doc;
  s.text = fx_str(g, text);
  s.start = start;
  s.end = start + strlen(text);
  s.date_text = date_text ? fx_str(g, date_text) : NULL;
  snprintf(s.date, sizeof(s.date), "%s", date ? date : "");
  return s;
}

static inline ng_graph *fx_graph(void)
{
  ng_graph *g = ng_graph_new();
  ng_gdoc *d;
  ng_gedge *e;
  ng_gevent *ev;

  d = NG_VEC_PUSH(g->docs);
  d->id = fx_str(g, "d1");
  d->source = fx_str(g, "samples/d1.txt");
  d->title = fx_str(g, "Kremlin \"says\" <no>");
  d->url = fx_str(g, "https://example.org/a?b=1&c=2");
  snprintf(d->published, sizeof(d->published), "2021-02-15");
  d->published_from = NG_PUB_METADATA;
  d->duplicate_of = (size_t)-1;
  d = NG_VEC_PUSH(g->docs);
  d->id = fx_str(g, "d2");
  d->source = fx_str(g, "samples/d2.txt");
  d->duplicate_of = 0;

  fx_entity(g, "person:dmitry-peskov", "Dmitry Peskov", NG_ENTITY_PERSON, 4,
            "Peskov", NULL);
  fx_entity(g, "person:elon-musk", "Elon Musk", NG_ENTITY_PERSON, 7,
            "@elonmusk", "Musk");
  *NG_VEC_PUSH(g->entities.v[1].docs) = 1;
  {
    ng_gmerged *m = NG_VEC_PUSH(g->entities.v[1].merged);
    memset(m, 0, sizeof(*m));
    m->doc = 1;
    m->name = fx_str(g, "Musk");
    m->n_mentions = 2;
    m->start = 3;
    m->end = 7;
  }
  fx_entity(g, "organization:kremlin", "Kremlin", NG_ENTITY_ORG, 2, NULL,
            NULL);
  fx_entity(g, "place:hostile", HOSTILE, NG_ENTITY_PLACE, 1, "\\G", NULL);

  e = NG_VEC_PUSH(g->edges);
  e->a = 0, e->b = 1, e->weight = 3;
  fx_comention(e, 0, 0);
  fx_comention(e, 0, 42);
  fx_comention(e, 1, 3);
  e = NG_VEC_PUSH(g->edges);
  e->a = 0, e->b = 2, e->weight = 2;
  e->role = fx_str(g, "spokesman");
  *NG_VEC_PUSH(e->sources) =
      fx_source(g, 0, "Kremlin spokesman Dmitry Peskov said.", 10, NULL, NULL);
  *NG_VEC_PUSH(e->sources) =
      fx_source(g, 1, "Peskov, the Kremlin's spokesman.", 0, NULL, NULL);
  e->sources.v[0].role_text = fx_str(g, "spokesman");
  e->sources.v[1].role_text = fx_str(g, "spokesman");
  e = NG_VEC_PUSH(g->edges);
  e->a = 1, e->b = 3, e->weight = 1;
  fx_comention(e, 0, 100);

  ev = NG_VEC_PUSH(g->events);
  ev->id = fx_str(g, "event:2021-02-14:musk-invited-putin");
  snprintf(ev->date, sizeof(ev->date), "2021-02-14");
  ev->precision = NG_PREC_DAY;
  ev->summary = fx_str(g, "Musk invited Peskov to talk");
  ev->trigger = fx_str(g, "invited");
  *NG_VEC_PUSH(ev->participants) = 0;
  *NG_VEC_PUSH(ev->participants) = 1;
  *NG_VEC_PUSH(ev->sources) = fx_source(
      g, 0, "On Sunday, Musk invited Peskov to talk.", 42, "On Sunday",
      "2021-02-14");
  *NG_VEC_PUSH(ev->sources) =
      fx_source(g, 1, "Musk \"invited\" him \\ on Feb 14.", 3, "Feb 14",
                "2021-02-14");

  g->finished = 1;
  return g;
}

static inline ng_graph *fx_empty(void)
{
  ng_graph *g = ng_graph_new();
  g->finished = 1;
  return g;
}

/*
 * Free the inner vectors this file pushed, then the graph.  NG_VEC_FREE
 * leaves them NULL, so a ng_graph_free() that frees them too stays safe.
 */
static inline void fx_free(ng_graph *g)
{
  for (size_t i = 0; i < g->entities.n; i++) {
    NG_VEC_FREE(g->entities.v[i].aliases);
    NG_VEC_FREE(g->entities.v[i].docs);
    NG_VEC_FREE(g->entities.v[i].merged);
  }
  for (size_t i = 0; i < g->edges.n; i++) {
    NG_VEC_FREE(g->edges.v[i].sources);
    NG_VEC_FREE(g->edges.v[i].spans);
  }
  for (size_t i = 0; i < g->events.n; i++) {
    NG_VEC_FREE(g->events.v[i].participants);
    NG_VEC_FREE(g->events.v[i].sources);
  }
  ng_graph_free(g);
}

/* A large random-looking but fixed graph: n entities, about 2n edges. */
static inline ng_graph *fx_big(size_t n)
{
  ng_graph *g = ng_graph_new();
  unsigned long x = 12345;
  char id[64], name[64];

  for (size_t i = 0; i < n; i++) {
    snprintf(id, sizeof(id), "person:p%05zu", i);
    snprintf(name, sizeof(name), "Person Number %zu", i);
    fx_entity(g, id, name, (ng_entity_type)(i % 3), 1 + i % 7, NULL, NULL);
  }
  for (size_t i = 0; n > 1 && i < 2 * n; i++) {
    ng_gedge *e;
    size_t a, b;
    x = x * 6364136223846793005UL + 1442695040888963407UL;
    a = (size_t)(x >> 33) % n;
    x = x * 6364136223846793005UL + 1442695040888963407UL;
    b = (size_t)(x >> 33) % n;
    if (a == b)
      continue;
    e = NG_VEC_PUSH(g->edges);
    e->a = a < b ? a : b;
    e->b = a < b ? b : a;
    e->weight = 1 + (unsigned)(i % 4);
  }
  g->finished = 1;
  return g;
}

#endif
