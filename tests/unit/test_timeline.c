#include <criterion/criterion.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "write_fixture.h"

/* timeline.json of g, parsed back. */
static json_t *load(const ng_graph *g, ng_buf *out)
{
  ng_err err = NG_ERR_INIT;
  json_error_t jerr;
  json_t *j;

  cr_assert_eq(ng_write_timeline(g, out, &err), 0, "%s", err.msg);
  j = json_loads(out->ptr, 0, &jerr);
  cr_assert_not_null(j, "line %d: %s\n%s", jerr.line, jerr.text, out->ptr);
  return j;
}

static json_t *at(json_t *j, const char *key, size_t i)
{
  json_t *a = json_object_get(j, key);
  cr_assert(json_is_array(a), "'%s' is not an array", key);
  cr_assert_lt(i, json_array_size(a), "'%s' has no item %zu", key, i);
  return json_array_get(a, i);
}

static const char *str(json_t *o, const char *key)
{
  json_t *v = json_object_get(o, key);
  cr_assert(json_is_string(v), "'%s' is not a string", key);
  return json_string_value(v);
}

Test(timeline, documents)
{
  ng_graph *g = fx_graph();
  ng_buf out = NG_BUF_INIT;
  json_t *j = load(g, &out), *d;

  cr_expect_str_eq(str(json_object_get(j, "generator"), "version"),
                   ng_version());
  cr_expect_eq(json_array_size(json_object_get(j, "documents")), 2);
  d = at(j, "documents", 0);
  cr_expect_str_eq(str(d, "id"), "d1");
  cr_expect_str_eq(str(d, "source"), "samples/d1.txt");
  cr_expect_str_eq(str(d, "title"), "Kremlin \"says\" <no>");
  cr_expect_str_eq(str(d, "url"), "https://example.org/a?b=1&c=2");
  cr_expect_str_eq(str(d, "published"), "2021-02-15");
  cr_expect_str_eq(str(d, "published_from"), "metadata");
  cr_expect_null(json_object_get(d, "duplicate_of"));
  d = at(j, "documents", 1);
  cr_expect(json_is_null(json_object_get(d, "title")));
  cr_expect(json_is_null(json_object_get(d, "published")));
  cr_expect_null(json_object_get(d, "published_from"));
  cr_expect_str_eq(str(d, "duplicate_of"), "d1");

  json_decref(j);
  ng_buf_release(&out);
  fx_free(g);
}

Test(timeline, entities_relations_edges)
{
  ng_graph *g = fx_graph();
  ng_buf out = NG_BUF_INIT;
  json_t *j = load(g, &out), *e, *r;

  cr_expect_eq(json_array_size(json_object_get(j, "entities")), 4);
  e = at(j, "entities", 1);
  cr_expect_str_eq(str(e, "id"), "person:elon-musk");
  cr_expect_str_eq(str(e, "name"), "Elon Musk");
  cr_expect_str_eq(str(e, "type"), "person");
  cr_expect_eq(json_integer_value(json_object_get(e, "mentions")), 7);
  cr_expect_str_eq(json_string_value(at(e, "aliases", 1)), "Musk");
  cr_expect_str_eq(json_string_value(at(e, "aliases", 0)), "@elonmusk");
  cr_expect_str_eq(json_string_value(at(e, "documents", 1)), "d2");
  e = at(j, "entities", 3);
  cr_expect_str_eq(str(e, "name"), HOSTILE);
  cr_expect_str_eq(str(e, "type"), "place");

  cr_expect_eq(json_array_size(json_object_get(j, "relations")), 1);
  r = at(j, "relations", 0);
  cr_expect_str_eq(str(r, "source"), "person:dmitry-peskov");
  cr_expect_str_eq(str(r, "target"), "organization:kremlin");
  cr_expect_str_eq(str(r, "role"), "spokesman");
  cr_expect_eq(json_integer_value(json_object_get(r, "weight")), 2);
  cr_expect_str_eq(str(at(r, "sources", 1), "document"), "d2");
  /* A relation's source says how the role was written, and has no date. */
  cr_expect_str_eq(str(at(r, "sources", 1), "role_text"), "spokesman");
  cr_expect_null(json_object_get(at(r, "sources", 1), "date_text"));
  cr_expect_null(json_object_get(at(r, "sources", 1), "date"));

  cr_expect_eq(json_array_size(json_object_get(j, "edges")), 2);
  r = at(j, "edges", 0);
  cr_expect_str_eq(str(r, "source"), "person:dmitry-peskov");
  cr_expect_str_eq(str(r, "target"), "person:elon-musk");
  cr_expect_eq(json_integer_value(json_object_get(r, "weight")), 3);
  cr_expect_null(json_object_get(r, "role"));

  json_decref(j);
  ng_buf_release(&out);
  fx_free(g);
}

/* Every entity says which documents called it what, and where. */
Test(timeline, merge_record_and_edge_provenance)
{
  ng_graph *g = fx_graph();
  ng_buf out = NG_BUF_INIT;
  json_t *j = load(g, &out), *e, *m, *r;

  e = at(j, "entities", 1);
  cr_expect_eq(json_array_size(json_object_get(e, "merged")), 2);
  m = at(e, "merged", 1);
  cr_expect_str_eq(str(m, "document"), "d2");
  cr_expect_str_eq(str(m, "name"), "Musk");
  cr_expect_eq(json_integer_value(json_object_get(m, "mentions")), 2);
  cr_expect_eq(json_integer_value(json_object_get(m, "start")), 3);
  cr_expect_eq(json_integer_value(json_object_get(m, "end")), 7);
  cr_expect(json_is_array(json_object_get(m, "aliases")));
  for (size_t i = 0; i < 4; i++)
    cr_expect_geq(json_array_size(json_object_get(at(j, "entities", i),
                                                  "merged")),
                  1, "entity %zu has no merge record", i);

  /* Co-mentions: one source per sentence, without the text. */
  r = at(j, "edges", 0);
  cr_expect_str_eq(str(r, "id"), "co:person:dmitry-peskov|person:elon-musk");
  cr_expect_eq(json_array_size(json_object_get(r, "sources")), 3);
  cr_expect_str_eq(str(at(r, "sources", 2), "document"), "d2");
  cr_expect_eq(json_integer_value(json_object_get(at(r, "sources", 2),
                                                  "start")),
               3);
  cr_expect_null(json_object_get(at(r, "sources", 0), "text"));
  r = at(j, "relations", 0);
  cr_expect_str_eq(str(r, "id"),
                   "role:person:dmitry-peskov|spokesman|organization:kremlin");
  cr_expect_str_eq(str(at(r, "sources", 0), "text"),
                   "Kremlin spokesman Dmitry Peskov said.");

  json_decref(j);
  ng_buf_release(&out);
  fx_free(g);
}

Test(timeline, events_with_sources)
{
  ng_graph *g = fx_graph();
  ng_buf out = NG_BUF_INIT;
  json_t *j = load(g, &out), *ev, *s;

  ev = at(j, "events", 0);
  cr_expect_str_eq(str(ev, "id"), "event:2021-02-14:musk-invited-putin");
  cr_expect_str_eq(str(ev, "date"), "2021-02-14");
  cr_expect_str_eq(str(ev, "precision"), "day");
  cr_expect_str_eq(str(ev, "summary"), "Musk invited Peskov to talk");
  cr_expect_str_eq(str(ev, "trigger"), "invited");
  cr_expect_str_eq(json_string_value(at(ev, "participants", 0)),
                   "person:dmitry-peskov");
  cr_expect_str_eq(json_string_value(at(ev, "participants", 1)),
                   "person:elon-musk");
  s = at(ev, "sources", 1);
  cr_expect_str_eq(str(s, "document"), "d2");
  cr_expect_str_eq(str(s, "text"), "Musk \"invited\" him \\ on Feb 14.");
  cr_expect_eq(json_integer_value(json_object_get(s, "start")), 3);
  cr_expect_eq(json_integer_value(json_object_get(s, "end")),
               3 + strlen("Musk \"invited\" him \\ on Feb 14."));
  cr_expect_str_eq(str(s, "date_text"), "Feb 14");
  cr_expect_str_eq(str(s, "date"), "2021-02-14");

  json_decref(j);
  ng_buf_release(&out);
  fx_free(g);
}

/*
 * Written piece by piece, the file must still be exactly what jansson
 * writes for the whole tree: same keys in the same order, same indent.
 */
Test(timeline, streamed_equals_whole_tree)
{
  ng_graph *g = fx_graph();
  ng_buf out = NG_BUF_INIT;
  json_t *j = load(g, &out);
  char *whole = json_dumps(j, JSON_INDENT(2));

  cr_assert_not_null(whole);
  cr_expect_eq(strlen(whole) + 1, out.len);
  cr_expect_eq(strncmp(whole, out.ptr, strlen(whole)), 0, "%s\n---\n%s",
               whole, out.ptr);
  cr_expect_eq(out.ptr[out.len - 1], '\n');
  cr_expect_eq(strncmp(out.ptr, "{\n  \"generator\": {", 18), 0);

  free(whole);
  json_decref(j);
  ng_buf_release(&out);
  fx_free(g);
}

Test(timeline, same_graph_same_bytes)
{
  ng_graph *g = fx_graph();
  ng_buf a = NG_BUF_INIT, b = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;

  cr_assert_eq(ng_write_timeline(g, &a, &err), 0);
  cr_assert_eq(ng_write_timeline(g, &b, &err), 0);
  cr_expect_eq(a.len, b.len);
  cr_expect_eq(memcmp(a.ptr, b.ptr, a.len), 0);

  ng_buf_release(&a);
  ng_buf_release(&b);
  fx_free(g);
}

Test(timeline, empty_graph)
{
  ng_graph *g = fx_empty();
  ng_buf out = NG_BUF_INIT;
  json_t *j = load(g, &out);
  const char *keys[] = {"documents", "entities", "relations", "edges",
                        "events"};

  for (size_t i = 0; i < sizeof(keys) / sizeof(*keys); i++) {
    json_t *a = json_object_get(j, keys[i]);
    cr_expect(json_is_array(a) && json_array_size(a) == 0, "%s", keys[i]);
  }
  cr_expect(strstr(out.ptr, "\"events\": []\n}") != NULL, "%s", out.ptr);

  json_decref(j);
  ng_buf_release(&out);
  fx_free(g);
}

Test(timeline, refuses_unfinished_graph)
{
  ng_graph *g = fx_graph();
  ng_buf out = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;

  g->finished = 0;
  cr_expect_eq(ng_write_timeline(g, &out, &err), NG_ERR_USAGE);
  cr_expect_eq(out.len, 0);

  ng_buf_release(&out);
  fx_free(g);
}

/* 50,000 events with a source each, streamed: well under a few seconds. */
Test(timeline, many_events, .timeout = 60)
{
  ng_graph *g = fx_graph();
  ng_buf out = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;
  char id[64];

  for (size_t i = 0; i < 50000; i++) {
    ng_gevent *ev = NG_VEC_PUSH(g->events);
    snprintf(id, sizeof(id), "event:2021-03-01:e%zu", i);
    ev->id = fx_str(g, id);
    snprintf(ev->date, sizeof(ev->date), "2021-03-01");
    ev->summary = fx_str(g, "Something happened");
    ev->trigger = fx_str(g, "happened");
    *NG_VEC_PUSH(ev->participants) = i % 4;
    *NG_VEC_PUSH(ev->sources) =
        fx_source(g, i % 2, "Something happened on 1 March.", i, NULL, NULL);
  }
  cr_assert_eq(ng_write_timeline(g, &out, &err), 0, "%s", err.msg);
  json_t *j = json_loads(out.ptr, 0, NULL);
  cr_assert_not_null(j);
  cr_expect_eq(json_array_size(json_object_get(j, "events")), 50001);

  json_decref(j);
  ng_buf_release(&out);
  fx_free(g);
}
