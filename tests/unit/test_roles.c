#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"

/*
 * Each case builds the document by hand (tokens, sentences, the mentions
 * a tagger would give), resolves coreference, then finds roles.  Names
 * are marked at every whole-word occurrence, longest first.
 */
static ng_doc *doc_of(const char *text)
{
  ng_doc *doc = ng_doc_new("t", NULL, text, strlen(text), NULL);
  cr_assert_eq(ng_tokenize(doc), 0);
  cr_assert_eq(ng_sentences_split(doc), 0);
  return doc;
}

static int is_word_byte(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

static void mark(ng_doc *doc, const char *name, ng_entity_type type)
{
  size_t n = strlen(name);
  for (const char *p = doc->text; (p = strstr(p, name)); p += n) {
    size_t s = (size_t)(p - doc->text), e = s + n, i;
    if ((s > 0 && is_word_byte(doc->text[s - 1])) || is_word_byte(doc->text[e]))
      continue;
    for (i = 0; i < doc->mentions.n; i++)
      if (s < doc->mentions.v[i].end && doc->mentions.v[i].start < e)
        break;
    if (i < doc->mentions.n)
      continue;
    ng_mention *m = NG_VEC_PUSH(doc->mentions);
    m->start = s;
    m->end = e;
    m->type = type;
  }
}

static int by_start(const void *a, const void *b)
{
  const ng_mention *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start;
}

static void run(ng_doc *doc)
{
  if (doc->mentions.n)
    qsort(doc->mentions.v, doc->mentions.n, sizeof(ng_mention), by_start);
  for (size_t i = 0; i < doc->mentions.n; i++)
    for (size_t k = 0; k < doc->sentences.n; k++)
      if (doc->mentions.v[i].start < doc->sentences.v[k].end) {
        doc->mentions.v[i].sentence = k;
        break;
      }
  cr_assert_eq(ng_coref_resolve(doc), 0);
  cr_assert_eq(ng_roles_find(doc), 0);
}

static int has(const ng_doc *doc, const char *src, const char *role,
               const char *tgt)
{
  for (size_t i = 0; i < doc->relations.n; i++) {
    const ng_relation *r = &doc->relations.v[i];
    if (!strcmp(doc->entities.v[r->source].name, src) &&
        !strcmp(doc->entities.v[r->target].name, tgt) && !strcmp(r->role, role))
      return 1;
  }
  return 0;
}

static void dump(const ng_doc *doc)
{
  for (size_t i = 0; i < doc->relations.n; i++) {
    const ng_relation *r = &doc->relations.v[i];
    cr_log_info("(%s, %s, %s)", doc->entities.v[r->source].name, r->role,
                doc->entities.v[r->target].name);
  }
}

#define EXPECT(doc, src, role, tgt)                                         \
  do {                                                                      \
    if (!has(doc, src, role, tgt))                                          \
      dump(doc);                                                            \
    cr_assert(has(doc, src, role, tgt), "no (%s, %s, %s)", src, role, tgt); \
  } while (0)

Test(roles, org_role_person)
{
  ng_doc *doc = doc_of("Kremlin spokesman Dmitry Peskov said no.");
  mark(doc, "Dmitry Peskov", NG_ENTITY_PERSON);
  mark(doc, "Kremlin", NG_ENTITY_ORG);
  run(doc);
  cr_assert_eq(doc->relations.n, 1);
  EXPECT(doc, "Dmitry Peskov", "spokesperson", "Kremlin");
  cr_assert_eq(doc->relations.v[0].sentence, 0);
  ng_doc_free(doc);
}

Test(roles, coordinated_orgs_and_acronym_role)
{
  ng_doc *doc = doc_of("Tesla and SpaceX CEO Elon Musk tweeted.");
  mark(doc, "Elon Musk", NG_ENTITY_PERSON);
  mark(doc, "Tesla", NG_ENTITY_ORG);
  mark(doc, "SpaceX", NG_ENTITY_ORG);
  run(doc);
  cr_assert_eq(doc->relations.n, 2);
  EXPECT(doc, "Elon Musk", "CEO", "Tesla");
  EXPECT(doc, "Elon Musk", "CEO", "SpaceX");
  /* In reading order. */
  cr_assert_str_eq(doc->entities.v[doc->relations.v[0].target].name, "Tesla");
  ng_doc_free(doc);
}

Test(roles, hyphenated_role)
{
  ng_doc *doc = doc_of("Robinhood co-founder Vlad Teneff spoke. Later, "
                       "Robinhood CEO Vlad Tenev apologized.");
  mark(doc, "Vlad Teneff", NG_ENTITY_PERSON);
  mark(doc, "Vlad Tenev", NG_ENTITY_PERSON);
  mark(doc, "Robinhood", NG_ENTITY_ORG);
  run(doc);
  EXPECT(doc, "Vlad Teneff", "co-founder", "Robinhood");
  EXPECT(doc, "Vlad Tenev", "CEO", "Robinhood");
  cr_assert_eq(doc->relations.n, 2);
  ng_doc_free(doc);
}

Test(roles, demonym_needs_the_place)
{
  ng_doc *doc = doc_of("Russian President Vladimir Putin spoke. Russia "
                       "listened.");
  mark(doc, "Vladimir Putin", NG_ENTITY_PERSON);
  mark(doc, "Russia", NG_ENTITY_PLACE);
  run(doc);
  cr_assert_eq(doc->relations.n, 1);
  EXPECT(doc, "Vladimir Putin", "president", "Russia");
  ng_doc_free(doc);

  /* No Russia in the document: no relation, and no invented entity. */
  doc = doc_of("Russian President Vladimir Putin spoke.");
  mark(doc, "Vladimir Putin", NG_ENTITY_PERSON);
  run(doc);
  cr_assert_eq(doc->relations.n, 0);
  cr_assert_eq(doc->entities.n, 1);
  ng_doc_free(doc);
}

Test(roles, apposition_role_of_org)
{
  ng_doc *doc = doc_of("Elon Musk, the chief executive of Tesla, said so. "
                       "Jeff Bezos, founder of Amazon and Blue Origin, "
                       "agreed.");
  mark(doc, "Elon Musk", NG_ENTITY_PERSON);
  mark(doc, "Jeff Bezos", NG_ENTITY_PERSON);
  mark(doc, "Tesla", NG_ENTITY_ORG);
  mark(doc, "Amazon", NG_ENTITY_ORG);
  mark(doc, "Blue Origin", NG_ENTITY_ORG);
  run(doc);
  EXPECT(doc, "Elon Musk", "CEO", "Tesla");
  EXPECT(doc, "Jeff Bezos", "founder", "Amazon");
  EXPECT(doc, "Jeff Bezos", "founder", "Blue Origin");
  cr_assert_eq(doc->relations.n, 3);
  ng_doc_free(doc);
}

Test(roles, apposition_with_descriptor)
{
  ng_doc *doc = doc_of("Vlad Tenev, the boss of trading app Robinhood, "
                       "spoke. The boss of trading app Robinhood, Vlad "
                       "Tenev, spoke again.");
  mark(doc, "Vlad Tenev", NG_ENTITY_PERSON);
  mark(doc, "Robinhood", NG_ENTITY_ORG);
  run(doc);
  EXPECT(doc, "Vlad Tenev", "CEO", "Robinhood");
  cr_assert_eq(doc->relations.n, 1); /* the second one is a repeat */
  ng_doc_free(doc);
}

Test(roles, possessive_org)
{
  ng_doc *doc = doc_of("Tesla's CEO Elon Musk spoke. Then Tim Cook, Apple's "
                       "CEO, spoke. Satya Nadella, Microsoft CEO, too.");
  mark(doc, "Elon Musk", NG_ENTITY_PERSON);
  mark(doc, "Tim Cook", NG_ENTITY_PERSON);
  mark(doc, "Satya Nadella", NG_ENTITY_PERSON);
  mark(doc, "Tesla", NG_ENTITY_ORG);
  mark(doc, "Apple", NG_ENTITY_ORG);
  mark(doc, "Microsoft", NG_ENTITY_ORG);
  run(doc);
  EXPECT(doc, "Elon Musk", "CEO", "Tesla");
  EXPECT(doc, "Tim Cook", "CEO", "Apple");
  EXPECT(doc, "Satya Nadella", "CEO", "Microsoft");
  cr_assert_eq(doc->relations.n, 3);
  ng_doc_free(doc);
}

Test(roles, apposition_demonym)
{
  ng_doc *doc = doc_of("Vladimir Putin, the Russian president, spoke in "
                       "Russia.");
  mark(doc, "Vladimir Putin", NG_ENTITY_PERSON);
  mark(doc, "Russia", NG_ENTITY_PLACE);
  run(doc);
  EXPECT(doc, "Vladimir Putin", "president", "Russia");
  ng_doc_free(doc);
}

Test(roles, multiword_roles_keep_case_rules)
{
  ng_doc *doc = doc_of("British Prime Minister Boris Johnson met Britain's "
                       "people. Kremlin press secretary Dmitry Peskov too.");
  mark(doc, "Boris Johnson", NG_ENTITY_PERSON);
  mark(doc, "Dmitry Peskov", NG_ENTITY_PERSON);
  mark(doc, "Britain", NG_ENTITY_PLACE);
  mark(doc, "Kremlin", NG_ENTITY_ORG);
  run(doc);
  EXPECT(doc, "Boris Johnson", "prime minister", "Britain");
  EXPECT(doc, "Dmitry Peskov", "press secretary", "Kremlin");
  ng_doc_free(doc);
}

Test(roles, no_duplicates_across_mentions)
{
  ng_doc *doc = doc_of("Tesla CEO Elon Musk spoke. Tesla CEO Musk spoke. "
                       "Musk, Tesla's CEO, spoke.");
  mark(doc, "Elon Musk", NG_ENTITY_PERSON);
  mark(doc, "Musk", NG_ENTITY_PERSON);
  mark(doc, "Tesla", NG_ENTITY_ORG);
  run(doc);
  cr_assert_eq(doc->relations.n, 1);
  EXPECT(doc, "Elon Musk", "CEO", "Tesla");
  ng_doc_free(doc);
}

Test(roles, no_role_no_relation)
{
  ng_doc *doc = doc_of("Elon Musk, Jeff Bezos and Tesla met. Tesla sued "
                       "Elon Musk. President Joe Biden spoke.");
  mark(doc, "Elon Musk", NG_ENTITY_PERSON);
  mark(doc, "Jeff Bezos", NG_ENTITY_PERSON);
  mark(doc, "Joe Biden", NG_ENTITY_PERSON);
  mark(doc, "Tesla", NG_ENTITY_ORG);
  run(doc);
  cr_assert_eq(doc->relations.n, 0);
  ng_doc_free(doc);
}

Test(roles, many_mentions_stay_fast, .timeout = 10)
{
  static const char unit[] = "Acme CEO John Smith spoke. Smith, the head of "
                             "Acme, left. ";
  /* Offsets of the names in one unit, pushed directly (mark() is slow). */
  static const struct {
    size_t start, len;
    ng_entity_type type;
  } names[] = {{0, 4, NG_ENTITY_ORG},
               {9, 10, NG_ENTITY_PERSON},
               {27, 5, NG_ENTITY_PERSON},
               {46, 4, NG_ENTITY_ORG}};
  ng_buf text = NG_BUF_INIT;
  for (int i = 0; i < 5000; i++)
    ng_buf_adds(&text, unit);
  ng_doc *doc = doc_of(text.ptr);
  for (size_t i = 0; i < 5000; i++)
    for (size_t k = 0; k < 4; k++) {
      ng_mention *m = NG_VEC_PUSH(doc->mentions);
      m->start = i * (sizeof(unit) - 1) + names[k].start;
      m->end = m->start + names[k].len;
      m->type = names[k].type;
      m->sentence = 2 * i + (k >= 2);
    }
  cr_assert_eq(doc->sentences.n, 10000);
  cr_assert_eq(ng_coref_resolve(doc), 0);
  cr_assert_eq(ng_roles_find(doc), 0);
  cr_assert_eq(doc->entities.n, 2);
  cr_assert_eq(doc->relations.n, 2);
  ng_doc_free(doc);
  ng_buf_release(&text);
}

/* The surface of the relation of src to tgt, or NULL. */
static const char *surface_of(const ng_doc *doc, const char *src, const char *tgt)
{
  for (size_t i = 0; i < doc->relations.n; i++) {
    const ng_relation *r = &doc->relations.v[i];
    if (!strcmp(doc->entities.v[r->source].name, src) &&
        !strcmp(doc->entities.v[r->target].name, tgt))
      return r->surface;
  }
  return NULL;
}

Test(roles, one_label_per_job_whatever_the_words)
{
  ng_doc *doc = doc_of("Tesla boss Elon Musk spoke. Jeff Bezos, the chief "
                       "executive officer of Amazon, agreed. Kremlin "
                       "spokeswoman Maria Zakharova and former Apple chief "
                       "executive John Sculley did not.");
  mark(doc, "Elon Musk", NG_ENTITY_PERSON);
  mark(doc, "Jeff Bezos", NG_ENTITY_PERSON);
  mark(doc, "Maria Zakharova", NG_ENTITY_PERSON);
  mark(doc, "John Sculley", NG_ENTITY_PERSON);
  mark(doc, "Tesla", NG_ENTITY_ORG);
  mark(doc, "Amazon", NG_ENTITY_ORG);
  mark(doc, "Kremlin", NG_ENTITY_ORG);
  mark(doc, "Apple", NG_ENTITY_ORG);
  run(doc);
  EXPECT(doc, "Elon Musk", "CEO", "Tesla");
  cr_assert_str_eq(surface_of(doc, "Elon Musk", "Tesla"), "boss",
                   "the words as written are kept");
  EXPECT(doc, "Jeff Bezos", "CEO", "Amazon");
  cr_assert_str_eq(surface_of(doc, "Jeff Bezos", "Amazon"),
                   "chief executive officer");
  EXPECT(doc, "Maria Zakharova", "spokesperson", "Kremlin");
  EXPECT(doc, "John Sculley", "former CEO", "Apple");
  ng_doc_free(doc);
}

Test(roles, a_boss_of_a_place_is_its_leader)
{
  ng_doc *doc = doc_of("Russian boss Vladimir Putin spoke in Russia.");
  mark(doc, "Vladimir Putin", NG_ENTITY_PERSON);
  mark(doc, "Russia", NG_ENTITY_PLACE);
  run(doc);
  EXPECT(doc, "Vladimir Putin", "leader", "Russia");
  ng_doc_free(doc);
}

Test(roles, chained_roles_before_a_name)
{
  ng_doc *doc = doc_of("SpaceX owner and Tesla CEO Elon Musk (REUTERS) spoke.");
  mark(doc, "Elon Musk", NG_ENTITY_PERSON);
  mark(doc, "SpaceX", NG_ENTITY_ORG);
  mark(doc, "Tesla", NG_ENTITY_ORG);
  run(doc);
  EXPECT(doc, "Elon Musk", "CEO", "Tesla");
  EXPECT(doc, "Elon Musk", "owner", "SpaceX");
  cr_assert_eq(doc->relations.n, 2);
  ng_doc_free(doc);
}

Test(roles, former_job_in_an_apposition)
{
  ng_doc *doc = doc_of("Putin, a former KGB official, described the internet "
                       "as a CIA project.");
  mark(doc, "Putin", NG_ENTITY_PERSON);
  mark(doc, "KGB", NG_ENTITY_ORG);
  mark(doc, "CIA", NG_ENTITY_ORG);
  run(doc);
  EXPECT(doc, "Putin", "former official", "KGB");
  cr_assert_eq(doc->relations.n, 1);
  ng_doc_free(doc);
}
