/*
 * The first run a user makes: the sample story.  What it shows must be
 * right, so these tests assert what a reader expects of samples/, through
 * the same library calls the command line makes.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/doc.h"
#include "newsgraph.h"
#include "util/civil.h"

static json_t *timeline;

static void run_samples(void)
{
  char dir[] = "/tmp/ng-samples-XXXXXX";
  cr_assert_not_null(mkdtemp(dir));
  const char *inputs[] = {NG_SOURCE_DIR "/samples"};
  ng_err err = NG_ERR_INIT;
  size_t skipped = 0;
  cr_assert_eq(ng_run(inputs, 1, dir, NULL, &skipped, &err), 0, "%s", err.msg);
  cr_assert_eq(skipped, 0, "every sample is readable");
  char path[256];
  snprintf(path, sizeof(path), "%s/timeline.json", dir);
  json_error_t jerr;
  timeline = json_load_file(path, 0, &jerr);
  cr_assert_not_null(timeline, "timeline.json: %s", jerr.text);
  const char *names[] = {"timeline.json", "graph.dot", "graph.svg",
                         "timeline.dot", "timeline.svg"};
  for (size_t i = 0; i < 5; i++) {
    snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
    unlink(path);
  }
  rmdir(dir);
}

static void done(void)
{
  json_decref(timeline);
}

TestSuite(samples, .init = run_samples, .fini = done);

/* Entities of type whose name or an alias contains word. */
static size_t count_entities(const char *word, const char *type)
{
  size_t n = 0, i;
  json_t *e;
  json_array_foreach(json_object_get(timeline, "entities"), i, e)
  {
    if (type && strcmp(json_string_value(json_object_get(e, "type")), type))
      continue;
    int hit = strstr(json_string_value(json_object_get(e, "name")), word) != NULL;
    size_t k;
    json_t *a;
    json_array_foreach(json_object_get(e, "aliases"), k, a) if (
        strstr(json_string_value(a), word)) hit = 1;
    n += hit;
  }
  return n;
}

static const char *entity_id(const char *name)
{
  size_t i;
  json_t *e;
  json_array_foreach(json_object_get(timeline, "entities"), i, e)
  {
    if (!strcmp(json_string_value(json_object_get(e, "name")), name))
      return json_string_value(json_object_get(e, "id"));
  }
  return NULL;
}

Test(samples, each_protagonist_is_one_entity)
{
  static const struct {
    const char *word, *type;
  } who[] = {{"Musk", "person"},          {"Putin", "person"},
             {"Peskov", "person"},        {"Kanye West", "person"},
             {"Kremlin", "organization"}, {"Tesla", "organization"},
             {"SpaceX", "organization"},  {"Clubhouse", "organization"}};
  for (size_t i = 0; i < sizeof(who) / sizeof(who[0]); i++) {
    cr_expect_eq(count_entities(who[i].word, who[i].type), 1,
                 "%s: %zu %s entities, want 1", who[i].word,
                 count_entities(who[i].word, who[i].type), who[i].type);
    cr_expect_eq(count_entities(who[i].word, NULL), 1,
                 "%s appears as %zu entities of any type", who[i].word,
                 count_entities(who[i].word, NULL));
  }
  cr_expect_not_null(entity_id("Elon Musk"), "the canonical name is the full one");
  cr_expect_not_null(entity_id("Vladimir Putin"));
  cr_expect_not_null(entity_id("Dmitry Peskov"));
}

Test(samples, page_furniture_is_no_entity)
{
  static const char *furniture[] = {"Home", "Premium", "Recommended For You",
                                    "Watchlist", "Back", "Previous Post",
                                    "Next Post", "More Less", "Logout",
                                    "Story highlights", "Feedback"};
  for (size_t f = 0; f < sizeof(furniture) / sizeof(furniture[0]); f++) {
    size_t i;
    json_t *e;
    json_array_foreach(json_object_get(timeline, "entities"), i, e)
    {
      cr_expect_str_neq(json_string_value(json_object_get(e, "name")),
                        furniture[f], "'%s' became an entity", furniture[f]);
    }
  }
}

Test(samples, musks_invitation_to_putin_is_one_event_with_several_sources)
{
  const char *musk = entity_id("Elon Musk");
  const char *putin = entity_id("Vladimir Putin");
  cr_assert(musk && putin);
  size_t found = 0, sources = 0, i;
  json_t *ev;
  json_array_foreach(json_object_get(timeline, "events"), i, ev)
  {
    const char *trigger = json_string_value(json_object_get(ev, "trigger"));
    if (!trigger || strcmp(trigger, "invite"))
      continue;
    int has_musk = 0, has_putin = 0;
    size_t k;
    json_t *p;
    json_array_foreach(json_object_get(ev, "participants"), k, p)
    {
      has_musk |= !strcmp(json_string_value(p), musk);
      has_putin |= !strcmp(json_string_value(p), putin);
    }
    if (has_musk && has_putin) {
      found++;
      sources = json_array_size(json_object_get(ev, "sources"));
      cr_expect_str_eq(json_string_value(json_object_get(ev, "date")),
                       "2021-02-14");
    }
  }
  cr_assert_eq(found, 1, "%zu invitation events, want 1", found);
  cr_assert_geq(sources, 2, "the invitation has %zu sources", sources);
}

Test(samples, events_are_sorted_by_date)
{
  /* By the first day each value covers: 2021-W06 (from Monday the 8th)
     comes before 2021-02-10, though not as text. */
  const char *prev = NULL;
  int64_t prev_day = INT64_MIN;
  size_t i;
  json_t *ev;
  json_array_foreach(json_object_get(timeline, "events"), i, ev)
  {
    const char *d = json_string_value(json_object_get(ev, "date"));
    ng_ymd t;
    cr_assert_not_null(d);
    cr_assert_eq(ng_timeml_start(d, &t), 0, "%s is a calendar value", d);
    int64_t day = ng_days_from_civil(t.y, t.m, t.d);
    cr_assert_geq(day, prev_day, "%s after %s", d, prev ? prev : "-");
    prev = d, prev_day = day;
  }
  cr_assert_gt(i, 0, "the story has events");
}

/* The document with this id (path), or NULL. */
static json_t *document(const char *id)
{
  size_t i;
  json_t *d;
  json_array_foreach(json_object_get(timeline, "documents"), i, d)
  {
    if (!strcmp(json_string_value(json_object_get(d, "id")), id))
      return d;
  }
  return NULL;
}

/* Samples 002 and 003 carry no date: they take the story's. */
Test(samples, undated_articles_get_an_inferred_date)
{
  static const struct {
    const char *id, *published, *from;
  } docs[] = {
      {NG_SOURCE_DIR "/samples/000_8b4a63b7100adefd.txt", "2021-02-14", "text"},
      /* "told reporters on Monday" the 15th, "invited Putin on Sunday" the 14th */
      {NG_SOURCE_DIR "/samples/002_253bd25c9828cc7a.txt", "2021-02-15", "inferred"},
      /* "On Sunday ... invited": the earliest day that fits */
      {NG_SOURCE_DIR "/samples/003_61829ab03c9e0b3e.txt", "2021-02-14", "inferred"},
      {NG_SOURCE_DIR "/samples/005_musk_putin_page.html", "2021-02-15", "metadata"},
  };
  for (size_t i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
    json_t *d = document(docs[i].id);
    cr_assert_not_null(d, "%s", docs[i].id);
    cr_expect_str_eq(json_string_value(json_object_get(d, "published")), docs[i].published,
                     "%s", docs[i].id);
    cr_expect_str_eq(json_string_value(json_object_get(d, "published_from")), docs[i].from,
                     "%s", docs[i].id);
  }
}

/* Does the event name an entity whose name is this? */
static int takes_part(json_t *ev, const char *name)
{
  const char *id = entity_id(name);
  size_t k;
  json_t *p;
  if (!id)
    return 0;
  json_array_foreach(json_object_get(ev, "participants"), k, p)
  {
    if (!strcmp(json_string_value(p), id))
      return 1;
  }
  return 0;
}

/*
 * The story as a reader would list it, event by event: its date and
 * precision, who takes part, how many sentences report it, and the dates
 * some sources gave that the others outvoted.
 */
Test(samples, the_timeline_is_the_story)
{
  static const struct {
    const char *date, *precision, *words;
    const char *who[3];
    size_t sources;
    const char *alt; /* an outvoted date, or NULL */
  } want[] = {
      {"2020", "year", "launched", {"Clubhouse"}, 1, NULL},
      {"2021-01-30", "day", "interviewed", {"Elon Musk", "Clubhouse"}, 1, NULL},
      /* 002: "it was banned in China last week", once its date is inferred */
      {"2021-W06", "week", "banned in China", {"Clubhouse"}, 1, NULL},
      /* the tweet, and 002's "On Wednesday ... accepted" */
      {"2021-02-10", "day", "Clubhouse", {"Elon Musk", "Kanye West", "Clubhouse"}, 2, NULL},
      /* 000 and its duplicate 001 */
      {"2021-02-13", "day", "reviewing its data protection", {"Clubhouse"}, 2, NULL},
      /* the tweet dated February 13 in 000; "on Sunday" the 14th in five others */
      {"2021-02-14", "day", "invited", {"Elon Musk", "Vladimir Putin", "Clubhouse"}, 6,
       "2021-02-13"},
      /* 002, 004, 005 twice, 006 */
      {"2021-02-15", "day", "Peskov", {"Dmitry Peskov", "Vladimir Putin", "Kremlin"}, 5, NULL},
  };
  json_t *events = json_object_get(timeline, "events");
  size_t n = sizeof(want) / sizeof(want[0]);
  cr_assert_eq(json_array_size(events), n, "%zu events, want %zu",
               json_array_size(events), n);
  for (size_t i = 0; i < n; i++) {
    json_t *ev = json_array_get(events, i);
    const char *summary = json_string_value(json_object_get(ev, "summary"));
    cr_expect_str_eq(json_string_value(json_object_get(ev, "date")), want[i].date,
                     "event %zu: %s", i, summary);
    cr_expect_str_eq(json_string_value(json_object_get(ev, "precision")), want[i].precision,
                     "event %zu: %s", i, summary);
    cr_expect_not_null(strstr(summary, want[i].words), "event %zu: '%s' lacks '%s'", i,
                       summary, want[i].words);
    for (size_t k = 0; k < 3 && want[i].who[k]; k++)
      cr_expect(takes_part(ev, want[i].who[k]), "event %zu (%s): no %s", i, summary,
                want[i].who[k]);
    cr_expect_eq(json_array_size(json_object_get(ev, "sources")), want[i].sources,
                 "event %zu (%s): %zu sources, want %zu", i, summary,
                 json_array_size(json_object_get(ev, "sources")), want[i].sources);
    json_t *alts = json_object_get(ev, "alternatives");
    if (!want[i].alt) {
      cr_expect_null(alts, "event %zu (%s) has alternatives", i, summary);
      continue;
    }
    cr_assert_eq(json_array_size(alts), 1, "event %zu: one outvoted date", i);
    json_t *alt = json_array_get(alts, 0);
    cr_expect_str_eq(json_string_value(json_object_get(alt, "date")), want[i].alt);
    json_t *src = json_array_get(json_object_get(alt, "sources"), 0);
    cr_expect_str_eq(json_string_value(json_object_get(src, "date_text")),
                     "February 13, 2021");
  }
}

/* Every source says where it was read and which date expression it used. */
Test(samples, sources_point_into_their_documents)
{
  size_t i, k;
  json_t *ev, *src;
  json_array_foreach(json_object_get(timeline, "events"), i, ev)
  {
    json_array_foreach(json_object_get(ev, "sources"), k, src)
    {
      cr_expect_not_null(document(json_string_value(json_object_get(src, "document"))));
      cr_expect(json_is_integer(json_object_get(src, "sentence")));
      json_int_t a = json_integer_value(json_object_get(src, "start"));
      json_int_t b = json_integer_value(json_object_get(src, "end"));
      cr_expect_lt(a, b);
      cr_expect_eq((size_t)(b - a), strlen(json_string_value(json_object_get(src, "text"))));
      cr_expect(json_is_string(json_object_get(src, "date_text")));
    }
  }
}

static int collect(ng_doc *doc, void *data)
{
  *(ng_doc **)data = doc;
  return 0;
}

Test(sample_004, published_on_the_15th_and_sunday_is_the_14th)
{
  ng_doc *doc = NULL;
  ng_err err = NG_ERR_INIT;
  cr_assert_eq(ng_ingest_path(NG_SOURCE_DIR "/samples/004_e557ae89cacef3dc.txt",
                              NULL, collect, &doc, NULL, &err),
               0);
  cr_assert_not_null(doc);
  cr_assert_str_eq(ng_doc_published(doc), "2021-02-15");
  cr_assert_eq(ng_doc_analyze(doc, &err), 0);
  size_t sundays = 0;
  for (size_t i = 0; i < doc->timexes.n; i++) {
    const ng_timex *t = &doc->timexes.v[i];
    if (t->end - t->start == 6 && !memcmp(doc->text + t->start, "Sunday", 6)) {
      cr_expect_str_eq(t->value, "2021-02-14");
      sundays++;
    }
  }
  cr_assert_eq(sundays, 1, "'on Sunday' is found once");
  ng_doc_free(doc);
}
