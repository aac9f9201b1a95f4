#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "model/doc.h"
#include "write/write_internal.h"

static const char text[] =
    "Elon Musk invited \"Putin\" on Sunday.\n"
    "Kremlin spokesman Dmitry Peskov said C:\\x <b>& \xc3\xa9t\xc3\xa9.";

static size_t off(const char *needle)
{
  const char *p = strstr(text, needle);
  cr_assert_not_null(p, "'%s' not in the text", needle);
  return (size_t)(p - text);
}

static void add_mention(ng_doc *d, const char *name, ng_entity_type t,
                        size_t entity)
{
  ng_mention *m = NG_VEC_PUSH(d->mentions);
  m->start = off(name);
  m->end = m->start + strlen(name);
  m->type = t;
  m->entity = entity;
}

static void add_entity(ng_doc *d, const char *id, const char *name,
                       ng_entity_type t, const char *alias)
{
  ng_dentity *e = NG_VEC_PUSH(d->entities);
  e->id = ng_doc_strdup(d, id);
  e->name = ng_doc_strdup(d, name);
  e->type = t;
  e->n_mentions = 1;
  if (alias)
    *NG_VEC_PUSH(e->aliases) = ng_doc_strdup(d, alias);
}

/* An analyzed document, as analyze would leave it, built by hand. */
static ng_doc *make_doc(void)
{
  ng_doc *d = ng_doc_new("d1", "samples/a.txt", text, strlen(text), NULL);
  ng_sentence *s;
  ng_timex *t;
  ng_event *ev;

  s = NG_VEC_PUSH(d->sentences);
  s->start = 0, s->end = off("\n");
  s = NG_VEC_PUSH(d->sentences);
  s->start = off("Kremlin"), s->end = strlen(text);

  add_entity(d, "person:elon-musk", "Elon Musk", NG_ENTITY_PERSON, NULL);
  add_entity(d, "person:vladimir-putin", "Putin", NG_ENTITY_PERSON, NULL);
  add_entity(d, "organization:kremlin", "Kremlin", NG_ENTITY_ORG, NULL);
  add_entity(d, "person:dmitry-peskov", "Dmitry Peskov", NG_ENTITY_PERSON,
             "Peskov");
  add_mention(d, "Elon Musk", NG_ENTITY_PERSON, 0);
  add_mention(d, "Putin", NG_ENTITY_PERSON, 1);
  add_mention(d, "Kremlin", NG_ENTITY_ORG, 2);
  add_mention(d, "Dmitry Peskov", NG_ENTITY_PERSON, 3);

  t = NG_VEC_PUSH(d->timexes);
  t->start = off("on Sunday"), t->end = t->start + strlen("on Sunday");
  t->type = NG_TIMEX_DATE;
  snprintf(t->value, sizeof(t->value), "2021-02-14");

  ev = NG_VEC_PUSH(d->events);
  ev->sentence = 0;
  ev->timex = 0;
  snprintf(ev->date, sizeof(ev->date), "2021-02-14");
  ev->precision = NG_PREC_DAY;
  ev->trigger = ng_doc_strdup(d, "invited");
  ev->summary = ng_doc_strdup(d, "Elon Musk invited \"Putin\"");
  *NG_VEC_PUSH(ev->participants) = 0;
  *NG_VEC_PUSH(ev->participants) = 1;
  return d;
}

/* The record for d, checked to be exactly one line, parsed back. */
static json_t *record(const ng_doc *d, int with_text, ng_buf *out)
{
  ng_err err = NG_ERR_INIT;
  json_error_t jerr;
  json_t *j;

  cr_assert_eq(ng_write_extract(d, with_text, out, &err), 0, "%s", err.msg);
  cr_assert_gt(out->len, 0);
  cr_assert_eq(out->ptr[out->len - 1], '\n');
  cr_assert_eq(strchr(out->ptr, '\n'), out->ptr + out->len - 1,
               "one line per record");
  j = json_loads(out->ptr, 0, &jerr);
  cr_assert_not_null(j, "%s\n%s", jerr.text, out->ptr);
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

static json_int_t num(json_t *o, const char *key)
{
  json_t *v = json_object_get(o, key);
  cr_assert(json_is_integer(v), "'%s' is not an integer", key);
  return json_integer_value(v);
}

Test(extract, header_fields_null_when_unknown)
{
  ng_doc *d = make_doc();
  ng_buf out = NG_BUF_INIT;
  json_t *j = record(d, 0, &out);

  cr_expect_eq(strncmp(out.ptr, "{\"id\":\"d1\",\"source\":\"samples/a.txt\","
                                "\"title\":null,",
                       48),
               0, "%s", out.ptr);
  cr_expect(json_is_null(json_object_get(j, "published")));
  cr_expect_null(json_object_get(j, "published_from"));
  cr_expect_null(json_object_get(j, "text"));

  json_decref(j);
  ng_buf_release(&out);
  ng_doc_free(d);
}

Test(extract, header_fields_when_known)
{
  ng_doc *d = make_doc();
  ng_buf out = NG_BUF_INIT;
  json_t *j;

  d->title = ng_doc_strdup(d, "A \"title\"\twith <tags> & \\ slashes");
  ng_doc_set_published(d, "2021-02-15T10:00:00Z", NG_PUB_METADATA);
  j = record(d, 1, &out);
  cr_expect_str_eq(str(j, "title"), "A \"title\"\twith <tags> & \\ slashes");
  cr_expect_str_eq(str(j, "published"), "2021-02-15");
  cr_expect_str_eq(str(j, "published_from"), "metadata");
  cr_expect_str_eq(str(j, "text"), text);

  json_decref(j);
  ng_buf_release(&out);
  ng_doc_free(d);
}

Test(extract, mentions_and_entities)
{
  ng_doc *d = make_doc();
  ng_buf out = NG_BUF_INIT;
  json_t *j = record(d, 0, &out), *m, *e;

  cr_expect_eq(json_array_size(json_object_get(j, "mentions")), 4);
  m = at(j, "mentions", 1);
  cr_expect_eq(num(m, "start"), (json_int_t)off("Putin"));
  cr_expect_eq(num(m, "end"), (json_int_t)(off("Putin") + 5));
  cr_expect_str_eq(str(m, "text"), "Putin");
  cr_expect_str_eq(str(m, "type"), "person");
  cr_expect_str_eq(str(m, "entity"), "person:vladimir-putin");
  cr_expect_str_eq(str(at(j, "mentions", 2), "type"), "organization");

  cr_expect_eq(json_array_size(json_object_get(j, "entities")), 4);
  e = at(j, "entities", 3);
  cr_expect_str_eq(str(e, "id"), "person:dmitry-peskov");
  cr_expect_str_eq(str(e, "name"), "Dmitry Peskov");
  cr_expect_str_eq(str(e, "type"), "person");
  cr_expect_str_eq(json_string_value(at(e, "aliases", 0)), "Peskov");
  cr_expect_eq(num(e, "mentions"), 1);

  json_decref(j);
  ng_buf_release(&out);
  ng_doc_free(d);
}

Test(extract, timexes_and_events)
{
  ng_doc *d = make_doc();
  ng_buf out = NG_BUF_INIT;
  json_t *j = record(d, 0, &out), *t, *ev;

  t = at(j, "timexes", 0);
  cr_expect_str_eq(str(t, "text"), "on Sunday");
  cr_expect_str_eq(str(t, "type"), "DATE");
  cr_expect_str_eq(str(t, "value"), "2021-02-14");
  cr_expect_eq(num(t, "start"), (json_int_t)off("on Sunday"));

  ev = at(j, "events", 0);
  cr_expect_str_eq(str(ev, "date"), "2021-02-14");
  cr_expect_str_eq(str(ev, "precision"), "day");
  cr_expect_str_eq(str(ev, "trigger"), "invited");
  cr_expect_str_eq(str(ev, "summary"), "Elon Musk invited \"Putin\"");
  cr_expect_str_eq(json_string_value(at(ev, "participants", 1)),
                   "person:vladimir-putin");
  cr_expect_eq(num(ev, "start"), 0);
  cr_expect_eq(num(ev, "end"), (json_int_t)off("\n"));
  cr_expect_str_eq(str(ev, "text"), "Elon Musk invited \"Putin\" on Sunday.");
  cr_expect_str_eq(str(ev, "date_text"), "on Sunday");

  json_decref(j);
  ng_buf_release(&out);
  ng_doc_free(d);
}

Test(extract, unanalyzed_document_has_empty_arrays)
{
  ng_doc *d = ng_doc_new(NULL, NULL, "", 0, NULL);
  ng_buf out = NG_BUF_INIT;
  json_t *j = record(d, 1, &out);

  cr_expect_str_eq(out.ptr,
                   "{\"id\":\"-\",\"source\":\"-\",\"title\":null,\"url\":null,"
                   "\"published\":null,\"text\":\"\",\"mentions\":[],"
                   "\"entities\":[],\"timexes\":[],\"events\":[]}\n");

  json_decref(j);
  ng_buf_release(&out);
  ng_doc_free(d);
}

/* Spans the analysis got wrong stay inside the text and valid UTF-8. */
Test(extract, bad_spans_are_clamped_and_mended)
{
  ng_doc *d = make_doc();
  ng_buf out = NG_BUF_INIT;
  size_t e_acute = off("\xc3\xa9t");
  json_t *j;

  d->mentions.v[0].end = d->text_len + 100;     /* past the end */
  d->mentions.v[1].start = e_acute + 1;         /* inside a character */
  d->mentions.v[1].end = e_acute + 3;
  d->mentions.v[2].entity = 99;                 /* no such entity */
  d->events.v[0].timex = 7;                     /* no such timex */
  j = record(d, 0, &out);

  cr_expect_eq(strlen(str(at(j, "mentions", 0), "text")),
               d->text_len - d->mentions.v[0].start);
  cr_expect_str_eq(str(at(j, "mentions", 1), "text"), "\xef\xbf\xbdt");
  cr_expect(json_is_null(json_object_get(at(j, "mentions", 2), "entity")));
  cr_expect(json_is_null(json_object_get(at(j, "events", 0), "date_text")));

  json_decref(j);
  ng_buf_release(&out);
  ng_doc_free(d);
}

Test(extract, records_append)
{
  ng_doc *d = make_doc();
  ng_buf out = NG_BUF_INIT, one = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;

  cr_assert_eq(ng_write_extract(d, 0, &one, &err), 0);
  cr_assert_eq(ng_write_extract(d, 0, &out, &err), 0);
  cr_assert_eq(ng_write_extract(d, 0, &out, &err), 0);
  cr_expect_eq(out.len, 2 * one.len);
  cr_expect_eq(memcmp(out.ptr + one.len, one.ptr, one.len), 0);

  ng_buf_release(&one);
  ng_buf_release(&out);
  ng_doc_free(d);
}

/* 5 MB of text with --text and 50,000 mentions: well under a second. */
Test(extract, five_megabytes, .timeout = 60)
{
  size_t n = 5u << 20, unit = strlen(text);
  char *big = malloc(n + 1);
  ng_buf out = NG_BUF_INIT;
  ng_err err = NG_ERR_INIT;
  struct timespec t0, t1;

  for (size_t i = 0; i + unit <= n; i += unit)
    memcpy(big + i, text, unit);
  n = n / unit * unit;
  ng_doc *d = ng_doc_new("big", NULL, big, n, "2021-02-15");
  add_entity(d, "person:elon-musk", "Elon Musk", NG_ENTITY_PERSON, NULL);
  for (size_t i = 0; i < 50000; i++) {
    ng_mention *m = NG_VEC_PUSH(d->mentions);
    m->start = (i * unit) % n, m->end = m->start + 9;
  }
  clock_gettime(CLOCK_MONOTONIC, &t0);
  cr_assert_eq(ng_write_extract(d, 1, &out, &err), 0, "%s", err.msg);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  cr_expect_gt(out.len, n);
  cr_expect_lt((double)(t1.tv_sec - t0.tv_sec) +
                   (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
               10.0, "generous bound for sanitizer builds");

  free(big);
  ng_buf_release(&out);
  ng_doc_free(d);
}

/*
 * The streamed strings are byte for byte what jansson dumps for the same
 * bytes: every ASCII byte, escapes among plain text, non-ASCII letters,
 * and bad UTF-8 mended to U+FFFD.
 */
Test(extract, streamed_strings_match_jansson)
{
  char all[128];
  for (int i = 0; i < 128; i++)
    all[i] = (char)i;
  static const struct {
    const char *s;
    size_t n;
  } cases[] = {
      {"", 0},
      {"plain words", 11},
      {"say \"hi\"\\ now\n\ttab\r\b\f/", 22},
      {"\xc3\xa9t\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d \xf0\x9f\x98\x80", 19},
      {"bad \xff byte", 10},
      {"cut \xe2\x80", 6},
      {"surrogate \xed\xa0\x80 and overlong \xc0\xaf", 29},
      {"nul\0inside", 10},
  };
  for (size_t c = 0; c <= sizeof(cases) / sizeof(*cases); c++) {
    const char *s = c < sizeof(cases) / sizeof(*cases) ? cases[c].s : all;
    size_t n = c < sizeof(cases) / sizeof(*cases) ? cases[c].n : sizeof(all);
    ng_buf got = NG_BUF_INIT, want = NG_BUF_INIT;
    json_t *j = ng_json_strn(s, n);
    cr_assert_not_null(j);
    char *dumped = json_dumps(j, JSON_COMPACT | JSON_ENCODE_ANY);
    cr_assert_not_null(dumped);
    ng_buf_adds(&want, dumped);
    free(dumped);
    ng_json_put_strn(&got, s, n);
    cr_expect_str_eq(got.ptr, want.ptr, "case %zu", c);
    json_decref(j);
    ng_buf_release(&got);
    ng_buf_release(&want);
  }
}

Test(extract, streamed_integers_match_jansson)
{
  static const size_t cases[] = {0, 7, 10, 99, 1000, 123456789, (size_t)1 << 40};
  for (size_t c = 0; c < sizeof(cases) / sizeof(*cases); c++) {
    ng_buf got = NG_BUF_INIT, want = NG_BUF_INIT;
    json_t *j = json_integer((json_int_t)cases[c]);
    char *dumped = json_dumps(j, JSON_COMPACT | JSON_ENCODE_ANY);
    cr_assert_not_null(dumped);
    ng_buf_adds(&want, dumped);
    free(dumped);
    ng_json_put_uint(&got, cases[c]);
    cr_expect_str_eq(got.ptr, want.ptr);
    json_decref(j);
    ng_buf_release(&got);
    ng_buf_release(&want);
  }
}

/* ng_json_dump() writes a tree as jansson's json_dumps() would. */
Test(extract, tree_dump_matches_jansson)
{
  json_error_t jerr;
  json_t *j = json_loads(
      "{\"id\": \"a\\\"b\\\\c\\n\\u0001\\u00e9\", \"n\": -12, \"big\": 9007199254740993,"
      " \"empty\": {}, \"none\": [], \"t\": true, \"f\": false, \"z\": null,"
      " \"r\": 1.5, \"nested\": [{\"k\": [1, [2, {}], {\"x\": \"y\"}]}, \"s\"],"
      " \"order\": {\"b\": 1, \"a\": 2, \"c\": 3}}",
      0, &jerr);
  cr_assert_not_null(j, "%s", jerr.text);
  static const size_t flags[] = {0, JSON_COMPACT, JSON_INDENT(2),
                                 JSON_INDENT(4) | JSON_COMPACT, JSON_INDENT(1),
                                 JSON_ENSURE_ASCII, JSON_SORT_KEYS | JSON_INDENT(2)};
  for (size_t f = 0; f < sizeof(flags) / sizeof(*flags); f++) {
    ng_buf got = NG_BUF_INIT;
    char *want = json_dumps(j, flags[f]);
    cr_assert_not_null(want);
    cr_assert_eq(ng_json_dump(j, flags[f], &got), 0);
    cr_expect_str_eq(got.ptr, want, "flags %zx", flags[f]);
    free(want);
    ng_buf_release(&got);
  }
  /* A bare value needs JSON_ENCODE_ANY, as with jansson. */
  ng_buf out = NG_BUF_INIT;
  json_t *s = json_string("x");
  cr_expect_eq(ng_json_dump(s, JSON_COMPACT, &out), -1);
  cr_expect_eq(ng_json_dump(s, JSON_COMPACT | JSON_ENCODE_ANY, &out), 0);
  cr_expect_str_eq(out.ptr, "\"x\"");
  json_decref(s);
  ng_buf_release(&out);
  json_decref(j);
}
