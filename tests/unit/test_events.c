#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "analyze/analyze.h"

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
