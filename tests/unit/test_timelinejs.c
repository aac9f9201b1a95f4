/*
 * timelinejs.json: the TimelineJS 3 shape (title slide, events with
 * start_date and text), the 100 most reported events of a large
 * timeline, real dates, unique ids, and article text escaped as HTML.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "util/civil.h"
#include "write_fixture.h"

static json_t *load(const ng_graph *g)
{
  ng_buf out = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;
  json_error_t jerr;

  cr_assert_eq(ng_write_timelinejs(g, &out, &err), 0, "%s", err.msg);
  json_t *j = json_loads(out.ptr, 0, &jerr);
  cr_assert_not_null(j, "line %d: %s\n%s", jerr.line, jerr.text, out.ptr);
  ng_buf_release(&out);
  return j;
}

static json_t *events(json_t *j)
{
  json_t *a = json_object_get(j, "events");
  cr_assert(json_is_array(a));
  return a;
}

static const char *text(json_t *ev, const char *key)
{
  json_t *v = json_object_get(json_object_get(ev, "text"), key);
  cr_assert(json_is_string(v), "text.%s", key);
  return json_string_value(v);
}

static int num(json_t *date, const char *key)
{
  return (int)json_integer_value(json_object_get(date, key));
}

/* A date object TimelineJS accepts: an integer year, a real day. */
static void check_date(json_t *d)
{
  cr_assert(json_is_object(d));
  cr_assert(json_is_integer(json_object_get(d, "year")));
  int y = num(d, "year"), m = num(d, "month"), dd = num(d, "day");
  if (json_object_get(d, "day"))
    cr_expect(ng_ymd_valid((ng_ymd){y, m, dd}), "%d-%d-%d", y, m, dd);
  else if (json_object_get(d, "month"))
    cr_expect(m >= 1 && m <= 12);
}

/* Add an event on date with k sources from distinct documents. */
static void add_event(ng_graph *g, const char *date, ng_precision p,
                      size_t k, const char *summary)
{
  char id[96];
  ng_gevent *ev = NG_VEC_PUSH(g->events);
  memset(ev, 0, sizeof(*ev));
  snprintf(id, sizeof(id), "event:%s:e%zu", date, g->events.n);
  ev->id = fx_str(g, id);
  snprintf(ev->date, sizeof(ev->date), "%s", date);
  ev->precision = p;
  ev->summary = fx_str(g, summary);
  ev->trigger = fx_str(g, "said");
  *NG_VEC_PUSH(ev->participants) = 1;
  while (g->docs.n < k) {
    ng_gdoc *d = NG_VEC_PUSH(g->docs);
    memset(d, 0, sizeof(*d));
    d->id = fx_str(g, "extra");
    d->source = d->id;
    d->duplicate_of = (size_t)-1;
  }
  for (size_t i = 0; i < k; i++)
    *NG_VEC_PUSH(ev->sources) = fx_source(g, i, "Musk said so.", 0, NULL, NULL);
}

Test(timelinejs, shape_and_escaping)
{
  ng_graph *g = fx_graph();
  g->events.v[0].summary = fx_str(g, "Musk <b>invited</b> \"Peskov\" & co");
  g->entities.v[0].name = fx_str(g, HOSTILE);
  json_t *j = load(g), *ev;

  cr_expect(json_is_string(json_object_get(
      json_object_get(json_object_get(j, "title"), "text"), "headline")));
  cr_assert_eq(json_array_size(events(j)), 1);
  ev = json_array_get(events(j), 0);
  cr_expect_str_eq(json_string_value(json_object_get(ev, "unique_id")),
                   "event-2021-02-14-musk-invited-putin");
  json_t *d = json_object_get(ev, "start_date");
  check_date(d);
  cr_expect_eq(num(d, "year"), 2021);
  cr_expect_eq(num(d, "month"), 2);
  cr_expect_eq(num(d, "day"), 14);
  cr_expect_null(json_object_get(ev, "end_date"));
  /* TimelineJS renders these as HTML: nothing of the text is markup. */
  cr_expect_str_eq(text(ev, "headline"),
                   "Musk &lt;b&gt;invited&lt;/b&gt; &quot;Peskov&quot; &amp; co");
  const char *body = text(ev, "text");
  cr_expect(strstr(body, "C:\\Users\\Nina &quot;the &lt;b&gt;&amp;amp;&lt;/b&gt;&quot;"),
            "%s", body);
  cr_expect(strstr(body, "<x>") == NULL, "%s", body);
  cr_expect(strstr(body, "Musk &quot;invited&quot; him \\ on Feb 14."), "%s",
            body);
  /* d1 has an http URL: linked, with its title escaped. */
  cr_expect(strstr(body, "<a href=\"https://example.org/a?b=1&amp;c=2\">"
                         "Kremlin &quot;says&quot; &lt;no&gt;</a>"),
            "%s", body);
  json_decref(j);
  fx_free(g);
}

Test(timelinejs, only_http_links)
{
  ng_graph *g = fx_graph();
  g->docs.v[0].url = fx_str(g, "javascript:alert(1)");
  json_t *j = load(g);
  const char *body = text(json_array_get(events(j), 0), "text");
  cr_expect(strstr(body, "<a ") == NULL, "%s", body);
  cr_expect(strstr(body, "javascript") == NULL, "%s", body);
  json_decref(j);
  fx_free(g);
}

Test(timelinejs, precisions_give_real_dates)
{
  ng_graph *g = fx_empty();
  fx_entity(g, "person:a", "A", NG_ENTITY_PERSON, 1, NULL, NULL);
  fx_entity(g, "person:b", "B", NG_ENTITY_PERSON, 1, NULL, NULL);
  add_event(g, "2020", NG_PREC_YEAR, 1, "a year");
  add_event(g, "2020-02", NG_PREC_MONTH, 1, "a month");
  add_event(g, "2020-W53", NG_PREC_WEEK, 1, "a week");
  add_event(g, "2021-02-28", NG_PREC_DAY, 1, "a day");
  add_event(g, "2021-Q1", NG_PREC_OTHER, 1, "a quarter");
  json_t *j = load(g), *a = events(j);
  cr_assert_eq(json_array_size(a), 5);
  for (size_t i = 0; i < 5; i++) {
    json_t *ev = json_array_get(a, i);
    check_date(json_object_get(ev, "start_date"));
    if (json_object_get(ev, "end_date"))
      check_date(json_object_get(ev, "end_date"));
  }
  cr_expect_null(json_object_get(json_object_get(json_array_get(a, 0),
                                                 "start_date"),
                                 "month"));
  cr_expect_null(json_object_get(json_object_get(json_array_get(a, 1),
                                                 "start_date"),
                                 "day"));
  json_t *week = json_array_get(a, 2);
  cr_expect_eq(num(json_object_get(week, "start_date"), "day"), 28);
  cr_expect_eq(num(json_object_get(week, "end_date"), "year"), 2021);
  cr_expect_eq(num(json_object_get(week, "end_date"), "day"), 3);
  cr_expect_str_eq(json_string_value(json_object_get(week, "display_date")),
                   "Week 53 of 2020");
  json_t *q = json_array_get(a, 4);
  cr_expect_eq(num(json_object_get(q, "start_date"), "year"), 2021);
  cr_expect_str_eq(json_string_value(json_object_get(q, "display_date")),
                   "2021-Q1");
  json_decref(j);
  fx_free(g);
}

/*
 * 250 events: the 100 reported by the most articles are kept, in date
 * order.  Events i % 5 == 0 have three articles, the others one.
 */
Test(timelinejs, keeps_the_most_reported_hundred)
{
  ng_graph *g = fx_empty();
  char date[16];
  fx_entity(g, "person:a", "A", NG_ENTITY_PERSON, 1, NULL, NULL);
  fx_entity(g, "person:b", "B", NG_ENTITY_PERSON, 1, NULL, NULL);
  for (size_t i = 0; i < 250; i++) {
    snprintf(date, sizeof(date), "2021-%02zu-%02zu", 1 + i / 28, 1 + i % 28);
    add_event(g, date, NG_PREC_DAY, i % 5 == 0 ? 3 : 1,
              i % 5 == 0 ? "big" : "small");
  }
  json_t *j = load(g), *a = events(j);
  cr_assert_eq(json_array_size(a), NG_TIMELINEJS_MAX);
  size_t big = 0;
  char last[64] = "";
  for (size_t i = 0; i < json_array_size(a); i++) {
    json_t *ev = json_array_get(a, i);
    big += !strcmp(text(ev, "headline"), "big");
    const char *id = json_string_value(json_object_get(ev, "unique_id"));
    cr_expect_gt(strcmp(id, last), 0, "not in order or repeated: %s", id);
    snprintf(last, sizeof(last), "%s", id);
  }
  cr_expect_eq(big, 50, "all 50 three-article events kept");
  /* The rest are the earliest one-article events: ties keep date order. */
  cr_expect_str_eq(
      json_string_value(json_object_get(json_array_get(a, 1), "unique_id")),
      "event-2021-01-02-e2");
  json_decref(j);
  fx_free(g);
}

Test(timelinejs, empty_and_unfinished)
{
  ng_graph *g = fx_empty();
  json_t *j = load(g);
  cr_expect_eq(json_array_size(events(j)), 0);
  json_decref(j);
  ng_buf out = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;
  g->finished = 0;
  cr_expect_eq(ng_write_timelinejs(g, &out, &err), NG_ERR_USAGE);
  cr_expect_eq(out.len, 0);
  ng_buf_release(&out);
  fx_free(g);
}
