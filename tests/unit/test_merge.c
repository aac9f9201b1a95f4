/*
 * The merge rules, on documents analyzed for real: short text written
 * here, so that a change in any pass shows up as a merge difference.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "model/graph_internal.h"
#include "newsgraph.h"

static ng_graph *graph_of(const char *const *texts, const char *const *dates,
                          size_t n)
{
  ng_graph *g = ng_graph_new();
  ng_err err = NG_ERR_INIT;
  for (size_t i = 0; i < n; i++) {
    char id[24];
    snprintf(id, sizeof(id), "d%zu", i);
    ng_doc *doc = ng_doc_new(id, id, texts[i], strlen(texts[i]), dates[i]);
    cr_assert_eq(ng_doc_analyze(doc, &err), 0);
    cr_assert_eq(ng_graph_add(g, doc, &err), 0);
    ng_doc_free(doc);
  }
  cr_assert_eq(ng_graph_finish(g, &err), 0);
  return g;
}

static size_t named(const ng_graph *g, const char *word)
{
  size_t n = 0;
  for (size_t i = 0; i < g->entities.n; i++)
    n += strstr(g->entities.v[i].name, word) != NULL;
  return n;
}

Test(merge, surname_joins_the_one_full_name_across_documents)
{
  const char *texts[] = {"Elon Musk met reporters in London on Monday.",
                         "Musk said on Tuesday that he was pleased."};
  const char *dates[] = {"2021-02-15", "2021-02-16"};
  ng_graph *g = graph_of(texts, dates, 2);
  cr_assert_eq(named(g, "Musk"), 1);
  for (size_t i = 0; i < g->entities.n; i++)
    if (strstr(g->entities.v[i].name, "Musk")) {
      cr_assert_str_eq(g->entities.v[i].name, "Elon Musk");
      cr_assert_str_eq(g->entities.v[i].id, "person:elon-musk");
      cr_assert_eq(g->entities.v[i].docs.n, 2);
    }
  ng_graph_free(g);
}

Test(merge, shared_surname_with_different_first_names_stays_apart)
{
  const char *texts[] = {"Kevin Hart spoke in Paris on Monday.",
                         "Mary Hart spoke in Rome on Monday."};
  const char *dates[] = {"2021-02-15", "2021-02-15"};
  ng_graph *g = graph_of(texts, dates, 2);
  cr_assert_eq(named(g, "Hart"), 2);
  ng_graph_free(g);
}

Test(merge, legal_suffix_does_not_split_an_organization)
{
  const char *texts[] = {"Tesla Inc. reported record sales on Monday in New York.",
                         "Tesla said on Monday that sales in China rose."};
  const char *dates[] = {"2021-02-15", "2021-02-15"};
  ng_graph *g = graph_of(texts, dates, 2);
  cr_assert_eq(named(g, "Tesla"), 1);
  ng_graph_free(g);
}

Test(merge, same_happening_in_two_articles_is_one_event)
{
  const char *texts[] = {
      "On Sunday, Elon Musk invited Vladimir Putin to a chat on Clubhouse.",
      "Musk invited Putin on Sunday to talk with him on Clubhouse."};
  const char *dates[] = {"2021-02-15", NULL};
  ng_graph *g = graph_of(texts, dates, 2);
  cr_assert_eq(g->events.n, 1, "%zu events", g->events.n);
  cr_assert_str_eq(g->events.v[0].date, "2021-02-14");
  cr_assert_eq(g->events.v[0].sources.n, 2,
               "the undated article's Sunday joins the dated event");
  ng_graph_free(g);
}

Test(merge, records_find_their_event_among_other_dates_and_weekdays)
{
  /*
   * Two happenings four days apart (a day apart would be one event
   * with an alternative date), told twice each: a dated record meets its
   * own date's event past the other's, an undated article's Thursday
   * the Thursday event (through its weekday or its inferred date), and
   * a weekday with no event of its own is left out.
   */
  const char *texts[] = {
      "On Sunday, Elon Musk invited Vladimir Putin to a chat on Clubhouse.",
      "On Thursday, Elon Musk invited Vladimir Putin to a chat on Clubhouse.",
      "Musk invited Putin on Sunday to talk with him on Clubhouse.",
      "Musk invited Putin on Thursday to talk with him on Clubhouse.",
      "Musk invited Putin on Tuesday to talk with him on Clubhouse."};
  const char *dates[] = {"2021-02-15", "2021-02-19", "2021-02-15", NULL,
                         NULL};
  ng_graph *g = graph_of(texts, dates, 5);
  cr_assert_eq(g->events.n, 2, "%zu events", g->events.n);
  cr_assert_str_eq(g->events.v[0].date, "2021-02-14");
  cr_assert_str_eq(g->events.v[1].date, "2021-02-18");
  cr_assert_eq(g->events.v[0].sources.n, 2);
  cr_assert_eq(g->events.v[0].sources.v[1].doc, 2);
  cr_assert_eq(g->events.v[1].sources.n, 2);
  cr_assert_eq(g->events.v[1].sources.v[1].doc, 3,
               "Thursday joins Thursday");
  ng_graph_free(g);
}

Test(merge, near_duplicate_article_is_marked_and_not_counted_twice)
{
  const char *story =
      "Elon Musk and Vladimir Putin could meet on Clubhouse, the audio app "
      "that has grown fast this year. The Kremlin said the idea was "
      "interesting but that it needed details first, and Dmitry Peskov "
      "told reporters that Putin does not use social networks at all.";
  const char *texts[] = {story, story};
  const char *dates[] = {"2021-02-15", "2021-02-15"};
  ng_graph *g = graph_of(texts, dates, 2);
  cr_assert_eq(g->docs.v[1].duplicate_of, 0);
  for (size_t i = 0; i < g->edges.n; i++)
    if (!g->edges.v[i].role)
      cr_assert_eq(g->edges.v[i].weight, 1, "co-mentions counted once");
  ng_graph_free(g);
}

Test(merge, output_order_is_stable)
{
  const char *texts[] = {"Zoe Adams met Bob Brown in Paris on Monday."};
  const char *dates[] = {"2021-02-15"};
  ng_graph *g = graph_of(texts, dates, 1);
  for (size_t i = 1; i < g->entities.n; i++) {
    const ng_gentity *a = &g->entities.v[i - 1], *b = &g->entities.v[i];
    cr_assert(a->type < b->type ||
              (a->type == b->type && strcmp(a->name, b->name) < 0));
  }
  ng_graph_free(g);
}

static const ng_gentity *entity_named(const ng_graph *g, const char *name)
{
  for (size_t i = 0; i < g->entities.n; i++)
    if (!strcmp(g->entities.v[i].name, name))
      return &g->entities.v[i];
  return NULL;
}

static int has_alias(const ng_gentity *e, const char *a)
{
  for (size_t i = 0; i < e->aliases.n; i++)
    if (!strcmp(e->aliases.v[i], a))
      return 1;
  return 0;
}

Test(merge, misspelt_surname_backed_by_a_shared_role_org_is_an_alias)
{
  const char *texts[] = {
      "On Saturday, Elon Musk interviewed Robinhood co-founder Vlad Teneff "
      "about the app.",
      "Robinhood CEO Vlad Tenev spoke on Monday. Vlad Tenev said trading "
      "was up."};
  const char *dates[] = {"2021-02-15", "2021-02-15"};
  ng_graph *g = graph_of(texts, dates, 2);
  const ng_gentity *e = entity_named(g, "Vlad Tenev");
  cr_assert_not_null(e);
  cr_assert(has_alias(e, "Vlad Teneff"), "the misspelling is kept as an alias");
  cr_assert_null(entity_named(g, "Vlad Teneff"));
  cr_assert_eq(e->docs.n, 2);
  ng_graph_free(g);
}

Test(merge, misspelt_surname_without_shared_context_stays_apart)
{
  const char *texts[] = {"Vlad Teneff spoke in Paris on Monday.",
                         "Vlad Tenev spoke in Rome on Monday."};
  const char *dates[] = {"2021-02-15", "2021-02-15"};
  ng_graph *g = graph_of(texts, dates, 2);
  cr_assert_not_null(entity_named(g, "Vlad Tenev"));
  cr_assert_not_null(entity_named(g, "Vlad Teneff"));
  ng_graph_free(g);
}

Test(merge, close_surnames_with_other_first_names_stay_apart)
{
  const char *texts[] = {"Robinhood CEO Mary Hart spoke on Monday.",
                         "Robinhood co-founder Kevin Hurt spoke on Monday."};
  const char *dates[] = {"2021-02-15", "2021-02-15"};
  ng_graph *g = graph_of(texts, dates, 2);
  cr_assert_not_null(entity_named(g, "Mary Hart"));
  cr_assert_not_null(entity_named(g, "Kevin Hurt"));
  ng_graph_free(g);
}

Test(merge, two_spellings_in_one_article_are_two_people)
{
  const char *texts[] = {
      "Robinhood CEO Vlad Tenev and Robinhood adviser Vlad Teneff met.",
      "Robinhood CEO Vlad Tenev spoke on Monday."};
  const char *dates[] = {"2021-02-15", "2021-02-15"};
  ng_graph *g = graph_of(texts, dates, 2);
  cr_assert_not_null(entity_named(g, "Vlad Tenev"));
  cr_assert_not_null(entity_named(g, "Vlad Teneff"));
  ng_graph_free(g);
}

Test(merge, canonical_name_prefers_mixed_case_over_capitals)
{
  const char *texts[] = {"MOSCOW, Feb 15 (REUTERS) - The Kremlin said on Monday it "
                         "would reply.",
                         "Reuters reported from Moscow on Monday that the Kremlin "
                         "would reply."};
  const char *dates[] = {"2021-02-15", "2021-02-15"};
  ng_graph *g = graph_of(texts, dates, 2);
  const ng_gentity *r = entity_named(g, "Reuters");
  cr_assert_not_null(r);
  cr_assert(has_alias(r, "REUTERS"));
  cr_assert_not_null(entity_named(g, "Moscow"));
  cr_assert_null(entity_named(g, "MOSCOW"));
  ng_graph_free(g);
}

Test(merge, same_rules_as_coref_for_name_keys)
{
  /* "U.S." and "US", "Mr Musk" and "Musk": namekey.h, as within a document. */
  const char *texts[] = {"Apple shipped phones to the U.S. on Monday.",
                         "Apple shipped phones to the US on Tuesday."};
  const char *dates[] = {"2021-02-15", "2021-02-16"};
  ng_graph *g = graph_of(texts, dates, 2);
  size_t us = 0;
  for (size_t i = 0; i < g->entities.n; i++)
    us += !strcmp(g->entities.v[i].name, "U.S.") ||
          !strcmp(g->entities.v[i].name, "US");
  cr_assert_eq(us, 1, "one United States, not two");
  ng_graph_free(g);
}

Test(merge, one_relation_per_job_with_every_source)
{
  const char *texts[] = {"Tesla boss Elon Musk spoke on Monday.",
                         "Elon Musk, the chief executive of Tesla, spoke on Monday.",
                         "Tesla CEO Elon Musk spoke on Tuesday."};
  const char *dates[] = {"2021-02-15", "2021-02-15", "2021-02-16"};
  ng_graph *g = graph_of(texts, dates, 3);
  size_t roles = 0;
  for (size_t i = 0; i < g->edges.n; i++) {
    const ng_gedge *e = &g->edges.v[i];
    if (!e->role)
      continue;
    roles++;
    cr_assert_str_eq(e->role, "CEO");
    cr_assert_str_eq(g->entities.v[e->a].name, "Elon Musk");
    cr_assert_str_eq(g->entities.v[e->b].name, "Tesla");
    cr_assert_eq(e->sources.n, 3);
    cr_assert_str_eq(e->sources.v[0].role_text, "boss", "how each source said it");
    cr_assert_str_eq(e->sources.v[1].role_text, "chief executive");
    cr_assert_null(e->sources.v[0].date_text);
  }
  cr_assert_eq(roles, 1);
  ng_graph_free(g);
}

Test(merge, a_shared_handle_joins_two_spellings)
{
  const char *texts[] = {
      "Just agree to do Clubhouse \xe2\x80\x94 Elon Musk (@elonmusk) February 10, 2021",
      "Let us talk \xe2\x80\x94 Elon R. Musk (@elonmusk) February 11, 2021"};
  const char *dates[] = {"2021-02-15", "2021-02-15"};
  ng_graph *g = graph_of(texts, dates, 2);
  cr_assert_eq(named(g, "Musk"), 1, "one person, not two");
  const ng_gentity *e = entity_named(g, "Elon R. Musk");
  cr_assert_not_null(e, "the most complete form names him");
  cr_assert(has_alias(e, "Elon Musk"));
  ng_graph_free(g);
}

/*
 * The merge record: each document's name for the entity, with where it
 * first appears; co-mention edges keep one source per sentence counted.
 */
Test(merge, entity_keeps_its_merge_record_and_edges_their_sentences)
{
  const char *texts[] = {
      "Elon Musk met Angela Merkel in Berlin on Monday. Musk and Merkel "
      "talked about cars.",
      "On Tuesday Musk called Merkel again."};
  const char *dates[] = {"2021-02-15", "2021-02-16"};
  ng_graph *g = graph_of(texts, dates, 2);
  const ng_gentity *musk = NULL;
  for (size_t i = 0; i < g->entities.n; i++)
    if (!strcmp(g->entities.v[i].id, "person:elon-musk"))
      musk = &g->entities.v[i];
  cr_assert_not_null(musk);
  cr_assert_eq(musk->merged.n, 2);
  cr_expect_eq(musk->merged.v[0].doc, 0);
  cr_expect_str_eq(musk->merged.v[0].name, "Elon Musk");
  cr_expect_eq(musk->merged.v[0].start, 0);
  cr_expect_eq(musk->merged.v[0].end, strlen("Elon Musk"));
  cr_expect_eq(musk->merged.v[1].doc, 1);
  cr_expect_str_eq(musk->merged.v[1].name, "Musk");
  cr_expect_eq(strncmp(texts[1] + musk->merged.v[1].start, "Musk", 4), 0);
  cr_expect_eq(musk->merged.v[1].end - musk->merged.v[1].start, 4);

  size_t total = 0;
  for (size_t i = 0; i < g->entities.n; i++)
    total += g->entities.v[i].merged.n;
  cr_expect_geq(total, g->entities.n);
  size_t comentions = 0;
  for (size_t i = 0; i < g->edges.n; i++) {
    const ng_gedge *e = &g->edges.v[i];
    if (e->role)
      continue;
    comentions++;
    cr_expect_eq(e->spans.n, e->weight, "edge %zu", i);
    cr_expect_eq(e->sources.n, 0);
    for (size_t k = 0; k < e->spans.n; k++) {
      const ng_gspan *s = &e->spans.v[k];
      cr_expect_lt(s->start, s->end);
      cr_expect_leq(s->end, strlen(texts[s->doc]));
    }
  }
  cr_expect_geq(comentions, 1);
  ng_graph_free(g);
}

/* Ids are references: two documents given one id must not share it. */
Test(merge, repeated_document_ids_are_made_unique)
{
  ng_graph *g = ng_graph_new();
  ng_err err = NG_ERR_INIT;
  const char *text = "Elon Musk spoke in Berlin on Monday.";
  const char *ids[] = {"story", "story", "story#2", "story"};
  for (size_t i = 0; i < 4; i++) {
    ng_doc *doc = ng_doc_new(ids[i], "x.jsonl", text, strlen(text), NULL);
    cr_assert_eq(ng_doc_analyze(doc, &err), 0);
    cr_assert_eq(ng_graph_add(g, doc, &err), 0);
    ng_doc_free(doc);
  }
  cr_assert_eq(ng_graph_finish(g, &err), 0);
  cr_expect_str_eq(g->docs.v[0].id, "story");
  cr_expect_str_eq(g->docs.v[1].id, "story#2");
  cr_expect_str_eq(g->docs.v[2].id, "story#2#2");
  cr_expect_str_eq(g->docs.v[3].id, "story#3");
  ng_graph_free(g);
}
