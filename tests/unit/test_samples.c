/*
 * The first run a user makes: the sample story.  What it shows must be
 * right, so these tests assert what a reader expects of samples/, through
 * the same library calls the command line makes.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/doc.h"
#include "newsgraph.h"

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
  const char *prev = "";
  size_t i;
  json_t *ev;
  json_array_foreach(json_object_get(timeline, "events"), i, ev)
  {
    const char *d = json_string_value(json_object_get(ev, "date"));
    cr_assert_not_null(d);
    cr_assert_geq(strcmp(d, prev), 0, "%s after %s", d, prev);
    prev = d;
  }
  cr_assert_gt(i, 0, "the story has events");
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
