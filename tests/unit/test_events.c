#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "analyze/analyze.h"
#include "model/graph_internal.h"

/*
 * The events pass reads names and dates from the passes before it; these
 * tests place them by hand so that only the event rules are under test.
 */
static ng_doc *doc_with(const char *text)
{
  ng_doc *doc = ng_doc_new("t", NULL, text, strlen(text), "2021-02-15");
  ng_tokenize(doc);
  ng_sentences_split(doc);
  return doc;
}

static size_t entity(ng_doc *doc, const char *name, ng_entity_type type)
{
  for (size_t i = 0; i < doc->entities.n; i++)
    if (!strcmp(doc->entities.v[i].name, name))
      return i;
  ng_dentity *e = NG_VEC_PUSH(doc->entities);
  e->name = ng_doc_strdup(doc, name);
  e->id = ng_doc_strdup(doc, name);
  e->type = type;
  return doc->entities.n - 1;
}

static size_t sentence_of(const ng_doc *doc, size_t off)
{
  for (size_t s = 0; s < doc->sentences.n; s++)
    if (off >= doc->sentences.v[s].start && off < doc->sentences.v[s].end)
      return s;
  return 0;
}

/* Mark the nth occurrence (0-based) of surface as a mention of name. */
static void mention(ng_doc *doc, const char *surface, int nth, const char *name,
                    ng_entity_type type)
{
  const char *p = doc->text;
  for (int i = 0; i <= nth; i++) {
    p = strstr(i ? p + 1 : p, surface);
    cr_assert_not_null(p, "no '%s' in text", surface);
  }
  ng_mention m = {0};
  m.start = (size_t)(p - doc->text);
  m.end = m.start + strlen(surface);
  m.type = type;
  m.entity = entity(doc, name, type);
  m.sentence = sentence_of(doc, m.start);
  /* Keep text order. */
  size_t i = doc->mentions.n;
  NG_VEC_PUSH(doc->mentions);
  while (i > 0 && doc->mentions.v[i - 1].start > m.start) {
    doc->mentions.v[i] = doc->mentions.v[i - 1];
    i--;
  }
  doc->mentions.v[i] = m;
}

static void timex(ng_doc *doc, const char *surface, const char *value)
{
  const char *p = strstr(doc->text, surface);
  cr_assert_not_null(p);
  ng_timex *t = NG_VEC_PUSH(doc->timexes);
  t->start = (size_t)(p - doc->text);
  t->end = t->start + strlen(surface);
  t->type = NG_TIMEX_DATE;
  snprintf(t->value, sizeof(t->value), "%s", value);
  t->sentence = sentence_of(doc, t->start);
}

Test(events, dated_happening_with_participants_and_summary)
{
  ng_doc *doc = doc_with("On Sunday, Tesla CEO Elon Musk invited Vladimir Putin "
                         "to join him for a chat on Clubhouse.");
  mention(doc, "Tesla", 0, "Tesla", NG_ENTITY_ORG);
  mention(doc, "Elon Musk", 0, "Elon Musk", NG_ENTITY_PERSON);
  mention(doc, "Vladimir Putin", 0, "Vladimir Putin", NG_ENTITY_PERSON);
  mention(doc, "Clubhouse", 0, "Clubhouse", NG_ENTITY_ORG);
  timex(doc, "Sunday", "2021-02-14");
  ng_events_find(doc);
  cr_assert_eq(doc->events.n, 1);
  const ng_event *ev = &doc->events.v[0];
  cr_assert_str_eq(ev->date, "2021-02-14");
  cr_assert_eq(ev->precision, NG_PREC_DAY);
  cr_assert_str_eq(ev->trigger, "invite");
  cr_assert_str_eq(ev->summary, "Elon Musk invited Vladimir Putin to join him "
                                "for a chat on Clubhouse");
  cr_assert_eq(ev->participants.n, 4);
  ng_doc_free(doc);
}

Test(events, no_name_no_event_and_no_calendar_date_no_event)
{
  ng_doc *doc = doc_with("The company said so on Friday. Musk has been busy "
                         "recently.");
  mention(doc, "Musk", 0, "Musk", NG_ENTITY_PERSON);
  timex(doc, "Friday", "2021-02-12");
  timex(doc, "recently", "PAST_REF");
  ng_events_find(doc);
  cr_assert_eq(doc->events.n, 0);
  ng_doc_free(doc);
}

Test(events, date_goes_with_the_nearest_happening_and_its_clause)
{
  ng_doc *doc = doc_with("Kremlin spokesman Dmitry Peskov was commenting after "
                         "Musk tweeted to the Kremlin on Sunday.");
  mention(doc, "Kremlin", 0, "Kremlin", NG_ENTITY_ORG);
  mention(doc, "Dmitry Peskov", 0, "Dmitry Peskov", NG_ENTITY_PERSON);
  mention(doc, "Musk", 0, "Musk", NG_ENTITY_PERSON);
  mention(doc, "Kremlin", 1, "Kremlin", NG_ENTITY_ORG);
  timex(doc, "Sunday", "2021-02-14");
  ng_events_find(doc);
  cr_assert_eq(doc->events.n, 1);
  const ng_event *ev = &doc->events.v[0];
  cr_assert_str_eq(ev->trigger, "tweet");
  cr_assert_str_eq(ev->summary, "Musk tweeted to the Kremlin");
  /* Peskov is in the other clause. */
  cr_assert_eq(ev->participants.n, 2);
  ng_doc_free(doc);
}

Test(events, embedded_tweet_is_an_event_of_its_author)
{
  ng_doc *doc = doc_with("Just agree to do Clubhouse with @kanyewest \xe2\x80\x94 "
                         "Elon Musk (@elonmusk) February 10, 2021");
  mention(doc, "Clubhouse", 0, "Clubhouse", NG_ENTITY_ORG);
  mention(doc, "Elon Musk", 0, "Elon Musk", NG_ENTITY_PERSON);
  size_t kanye = entity(doc, "Kanye West", NG_ENTITY_PERSON);
  *NG_VEC_PUSH(doc->entities.v[kanye].aliases) = ng_doc_strdup(doc, "@kanyewest");
  timex(doc, "February 10, 2021", "2021-02-10");
  ng_events_find(doc);
  cr_assert_eq(doc->events.n, 1);
  const ng_event *ev = &doc->events.v[0];
  cr_assert_str_eq(ev->trigger, "tweet");
  cr_assert_str_eq(ev->date, "2021-02-10");
  cr_assert_str_eq(ev->summary,
                   "Elon Musk tweeted: Just agree to do Clubhouse with @kanyewest");
  cr_assert_eq(ev->participants.n, 3, "author, Clubhouse and the handle's owner");
  ng_doc_free(doc);
}

Test(events, pronoun_subject_is_the_last_person_named)
{
  ng_doc *doc = doc_with("Elon Musk is busy. On Wednesday, he agreed to a talk "
                         "with Kanye West.");
  mention(doc, "Elon Musk", 0, "Elon Musk", NG_ENTITY_PERSON);
  mention(doc, "Kanye West", 0, "Kanye West", NG_ENTITY_PERSON);
  timex(doc, "Wednesday", "2021-02-10");
  ng_events_find(doc);
  cr_assert_eq(doc->events.n, 1);
  cr_assert_str_eq(doc->events.v[0].summary,
                   "Elon Musk agreed to a talk with Kanye West");
  cr_assert_eq(doc->events.v[0].participants.n, 2);
  ng_doc_free(doc);
}

Test(events, month_and_unresolved_weekday_precisions)
{
  ng_doc *doc = doc_with("Last month, investors valued Clubhouse at $1 billion. "
                         "Musk invited Putin on Sunday.");
  mention(doc, "Clubhouse", 0, "Clubhouse", NG_ENTITY_ORG);
  mention(doc, "Musk", 0, "Musk", NG_ENTITY_PERSON);
  mention(doc, "Putin", 0, "Putin", NG_ENTITY_PERSON);
  timex(doc, "Last month", "2021-01");
  timex(doc, "Sunday", "XXXX-WXX-7");
  ng_events_find(doc);
  /* "valued" is no lexicon verb and follows no name: one event only. */
  cr_assert_eq(doc->events.n, 1);
  cr_assert_str_eq(doc->events.v[0].date, "XXXX-WXX-7");
  cr_assert_eq(doc->events.v[0].precision, NG_PREC_DAY);
  ng_doc_free(doc);
}

/* The date and its happening share a clause. */
Test(events, date_and_happening_in_one_clause)
{
  ng_doc *doc = doc_with("Interest jumped this month after Elon Musk appeared on the app.");
  mention(doc, "Elon Musk", 0, "Elon Musk", NG_ENTITY_PERSON);
  timex(doc, "this month", "2021-02");
  ng_events_find(doc);
  cr_assert_eq(doc->events.n, 0, "the month dates the jump, not the appearance");
  ng_doc_free(doc);
}

/* A statement told outside quotation marks is not the quoted names'. */
Test(events, quoted_names_take_no_part_in_the_statement)
{
  ng_doc *doc = doc_with("\"With the help of the Stanford Internet Observatory, we found "
                         "flaws,\" the company said in a statement on Friday.");
  mention(doc, "Stanford Internet Observatory", 0, "Stanford Internet Observatory",
          NG_ENTITY_ORG);
  timex(doc, "Friday", "2021-02-12");
  ng_events_find(doc);
  cr_assert_eq(doc->events.n, 0);
  ng_doc_free(doc);
}

/* The subject right before the verb: a pronoun, a relative clause. */
Test(events, subject_before_the_verb_group)
{
  ng_doc *doc = doc_with("Clubhouse has been downloaded 5 million times, but like other "
                         "platforms in the US, it was banned in China last week.");
  mention(doc, "Clubhouse", 0, "Clubhouse", NG_ENTITY_ORG);
  mention(doc, "US", 0, "US", NG_ENTITY_PLACE);
  mention(doc, "China", 0, "China", NG_ENTITY_PLACE);
  timex(doc, "last week", "2021-W06");
  ng_events_find(doc);
  cr_assert_eq(doc->events.n, 1);
  cr_expect_str_eq(doc->events.v[0].summary, "Clubhouse was banned in China");
  cr_expect_str_eq(doc->entities.v[doc->events.v[0].actor].name, "Clubhouse");
  ng_doc_free(doc);

  doc = doc_with("Clubhouse, an audio app that was launched last year, needs invitations.");
  mention(doc, "Clubhouse", 0, "Clubhouse", NG_ENTITY_ORG);
  timex(doc, "last year", "2020");
  ng_events_find(doc);
  cr_assert_eq(doc->events.n, 1);
  cr_expect_str_eq(doc->events.v[0].summary, "Clubhouse was launched");
  cr_expect_str_eq(doc->events.v[0].date, "2020");
  cr_expect_eq(doc->events.v[0].precision, NG_PREC_YEAR);
  ng_doc_free(doc);
}

/* Cutting the date leaves no stray comma: "told reporters, that". */
Test(events, summary_without_the_date_phrase)
{
  ng_doc *doc = doc_with("Kremlin spokesman Dmitry Peskov told reporters on Monday, "
                         "February 15, that the proposal was interesting.");
  mention(doc, "Kremlin", 0, "Kremlin", NG_ENTITY_ORG);
  mention(doc, "Dmitry Peskov", 0, "Dmitry Peskov", NG_ENTITY_PERSON);
  timex(doc, "Monday, February 15", "2021-02-15");
  ng_events_find(doc);
  cr_assert_eq(doc->events.n, 1);
  cr_expect_str_eq(doc->events.v[0].summary,
                   "Dmitry Peskov told reporters that the proposal was interesting");
  ng_doc_free(doc);
}

/* The date's own comma goes with it; the sentence's comma stays. */
Test(events, summary_keeps_the_sentence_comma_after_the_date)
{
  ng_doc *doc = doc_with("Osterby Ferries carried 900 passengers on Saturday, its "
                         "busiest day since the opening of the route.");
  mention(doc, "Osterby Ferries", 0, "Osterby Ferries", NG_ENTITY_ORG);
  timex(doc, "Saturday", "2021-02-13");
  ng_events_find(doc);
  cr_assert_eq(doc->events.n, 1);
  cr_expect_str_eq(doc->events.v[0].summary, "Osterby Ferries carried 900 passengers, "
                                             "its busiest day since the opening of the route");
  ng_doc_free(doc);

  /* A date between a pair of commas takes both. */
  doc = doc_with("Mira Holm, on Tuesday, opened the new bridge at Sandvik.");
  mention(doc, "Mira Holm", 0, "Mira Holm", NG_ENTITY_PERSON);
  mention(doc, "Sandvik", 0, "Sandvik", NG_ENTITY_PLACE);
  timex(doc, "Tuesday", "2021-02-09");
  ng_events_find(doc);
  cr_assert_eq(doc->events.n, 1);
  cr_expect_str_eq(doc->events.v[0].summary, "Mira Holm opened the new bridge at Sandvik");
  ng_doc_free(doc);
}

/* A name after a preposition ends the subject's noun phrase; it is not the subject. */
Test(events, subject_is_the_noun_phrase_before_the_verb)
{
  ng_doc *doc = doc_with("Farmers from the valley of Tessin blocked the motorway on "
                         "Friday after the talks with Agrivo broke down.");
  mention(doc, "Tessin", 0, "Tessin", NG_ENTITY_PLACE);
  mention(doc, "Agrivo", 0, "Agrivo", NG_ENTITY_ORG);
  timex(doc, "Friday", "2021-02-12");
  ng_events_find(doc);
  cr_assert_eq(doc->events.n, 1);
  cr_expect_str_eq(doc->events.v[0].summary,
                   "Farmers from the valley of Tessin blocked the motorway");
  ng_doc_free(doc);

  /* No name right before the verb: the phrase from the clause's start. */
  doc = doc_with("Three trawlers that had sheltered in Hammerby during the storm "
                 "returned to Lofsund on Sunday.");
  mention(doc, "Hammerby", 0, "Hammerby", NG_ENTITY_PLACE);
  mention(doc, "Lofsund", 0, "Lofsund", NG_ENTITY_PLACE);
  timex(doc, "Sunday", "2021-02-14");
  ng_events_find(doc);
  cr_assert_eq(doc->events.n, 1);
  cr_expect_str_eq(doc->events.v[0].summary, "Three trawlers that had sheltered in Hammerby "
                                             "during the storm returned to Lofsund");
  ng_doc_free(doc);
}

/* "..., the company said" tells who reported it: left out with its comma, or kept whole. */
Test(events, closing_attribution)
{
  ng_doc *doc = doc_with("Korva Mining sold its copper unit to Dalen Metals on Friday, "
                         "the company said.");
  mention(doc, "Korva Mining", 0, "Korva Mining", NG_ENTITY_ORG);
  mention(doc, "Dalen Metals", 0, "Dalen Metals", NG_ENTITY_ORG);
  timex(doc, "Friday", "2021-02-12");
  ng_events_find(doc);
  cr_assert_eq(doc->events.n, 1);
  cr_expect_str_eq(doc->events.v[0].trigger, "sell");
  cr_expect_str_eq(doc->events.v[0].summary, "Korva Mining sold its copper unit to Dalen Metals");
  ng_doc_free(doc);

  /* Only the attribution happens: the sentence stays whole. */
  doc = doc_with("Dalen Metals now owns the copper unit, Korva Mining said on Friday.");
  mention(doc, "Dalen Metals", 0, "Dalen Metals", NG_ENTITY_ORG);
  mention(doc, "Korva Mining", 0, "Korva Mining", NG_ENTITY_ORG);
  timex(doc, "Friday", "2021-02-12");
  ng_events_find(doc);
  cr_assert_eq(doc->events.n, 1);
  cr_expect_str_eq(doc->events.v[0].trigger, "say");
  cr_expect_str_eq(doc->events.v[0].summary,
                   "Dalen Metals now owns the copper unit, Korva Mining said");
  ng_doc_free(doc);
}

/* In an undated article a relative date waits for the merge to place it. */
Test(events, undated_article_keeps_relative_dates)
{
  const char *text = "On January 30, Elon Musk interviewed Vlad Tenev.";
  ng_doc *doc = ng_doc_new("t", NULL, text, strlen(text), NULL);
  ng_tokenize(doc);
  ng_sentences_split(doc);
  ng_dates_find(doc);
  mention(doc, "Elon Musk", 0, "Elon Musk", NG_ENTITY_PERSON);
  mention(doc, "Vlad Tenev", 0, "Vlad Tenev", NG_ENTITY_PERSON);
  ng_events_find(doc);
  cr_assert_eq(doc->events.n, 1);
  cr_expect_str_eq(doc->events.v[0].date, "XXXX-01-30");
  cr_expect_eq(doc->events.v[0].precision, NG_PREC_DAY);
  ng_doc_free(doc);
}

/* ---- across articles (the merge's event rules) ---- */

static ng_graph *graph_of(const char *const *texts, const char *const *dates, size_t n)
{
  ng_graph *g = ng_graph_new();
  ng_err err = NG_ERR_INIT;
  for (size_t i = 0; i < n; i++) {
    char id[32];
    snprintf(id, sizeof(id), "d%zu", i);
    ng_doc *doc = ng_doc_new(id, id, texts[i], strlen(texts[i]), dates[i]);
    cr_assert_eq(ng_doc_analyze(doc, &err), 0);
    cr_assert_eq(ng_graph_add(g, doc, &err), 0);
    ng_doc_free(doc);
  }
  cr_assert_eq(ng_graph_finish(g, &err), 0);
  return g;
}

/* A tweet dated the 13th and "on Sunday" the 14th: one event, the 13th kept aside. */
Test(events, dates_a_day_apart_are_reconciled)
{
  const char *texts[] = {
      "Elon Musk invited Vladimir Putin to a chat on Clubhouse on Feb. 13, 2021.",
      "On Sunday, Elon Musk invited Vladimir Putin to a conversation on Clubhouse.",
      "Elon Musk on Sunday invited Vladimir Putin to a talk on Clubhouse, the audio app."};
  const char *dates[] = {"2021-02-14", "2021-02-15", "2021-02-15"};
  ng_graph *g = graph_of(texts, dates, 3);
  cr_assert_eq(g->events.n, 1, "%zu events", g->events.n);
  const ng_gevent *ev = &g->events.v[0];
  cr_expect_str_eq(ev->date, "2021-02-14");
  cr_expect_eq(ev->sources.n, 3);
  cr_assert_eq(ev->n_alts, 1);
  cr_expect_str_eq(ev->alts[0].date, "2021-02-13");
  cr_assert_eq(ev->alts[0].n_sources, 1);
  cr_expect_eq(ev->sources.v[ev->alts[0].sources[0]].doc, 0);
  ng_graph_free(g);
}

/* A day apart but another kind of happening (the reply): two events. */
Test(events, the_reply_a_day_later_is_its_own_event)
{
  const char *texts[] = {
      "On Sunday, Elon Musk invited Vladimir Putin to a chat on Clubhouse.",
      "On Monday, Dmitry Peskov said Vladimir Putin and Elon Musk might talk on Clubhouse."};
  const char *dates[] = {"2021-02-15", "2021-02-15"};
  ng_graph *g = graph_of(texts, dates, 2);
  cr_assert_eq(g->events.n, 2, "%zu events", g->events.n);
  cr_expect_str_eq(g->events.v[0].date, "2021-02-14");
  cr_expect_str_eq(g->events.v[1].date, "2021-02-15");
  cr_expect_eq(g->events.v[0].n_alts, 0);
  ng_graph_free(g);
}

/* An undated article takes the date its relative dates fit, and they are resolved. */
Test(events, publication_date_inferred_from_the_story)
{
  const char *texts[] = {
      "On Sunday, Elon Musk invited Vladimir Putin to a chat on Clubhouse.",
      "On Monday, Dmitry Peskov said Vladimir Putin might talk with Elon Musk.",
      "Dmitry Peskov said on Monday that Vladimir Putin might talk with Elon Musk. "
      "Elon Musk invited Vladimir Putin on Sunday. "
      "On January 30, Elon Musk interviewed Vlad Tenev on Clubhouse."};
  const char *dates[] = {"2021-02-15", "2021-02-15", NULL};
  ng_graph *g = graph_of(texts, dates, 3);
  cr_expect_str_eq(g->docs.v[2].published, "2021-02-15");
  cr_expect_eq(g->docs.v[2].published_from, NG_PUB_INFERRED);
  int jan30 = 0;
  for (size_t i = 0; i < g->events.n; i++)
    jan30 |= !strcmp(g->events.v[i].date, "2021-01-30");
  cr_expect(jan30, "'On January 30' resolved against the inferred date");
  ng_graph_free(g);
}

/* Its duplicate's date, when it has one. */
Test(events, publication_date_from_a_duplicate)
{
  const char *story =
      "Elon Musk and Vladimir Putin could meet on Clubhouse, the audio app that has "
      "grown fast. The Kremlin said the idea was interesting but that it needed "
      "details first, and Dmitry Peskov told reporters that Putin does not use "
      "social networks at all.";
  const char *texts[] = {story, story};
  const char *dates[] = {"2021-02-15", NULL};
  ng_graph *g = graph_of(texts, dates, 2);
  cr_expect_str_eq(g->docs.v[1].published, "2021-02-15");
  cr_expect_eq(g->docs.v[1].published_from, NG_PUB_INFERRED);
  ng_graph_free(g);
}

/* The summary that reads straight stands for the happening. */
Test(events, plain_summary_preferred)
{
  const char *texts[] = {
      "Elon Musk, the world's richest man, invited Vladimir Putin to a chat on Clubhouse on "
      "Sunday.",
      "On Sunday, Elon Musk invited Vladimir Putin to a chat on Clubhouse."};
  const char *dates[] = {"2021-02-15", "2021-02-15"};
  ng_graph *g = graph_of(texts, dates, 2);
  cr_assert_eq(g->events.n, 1, "%zu events", g->events.n);
  cr_expect_str_eq(g->events.v[0].summary,
                   "Elon Musk invited Vladimir Putin to a chat on Clubhouse");
  ng_graph_free(g);
}
