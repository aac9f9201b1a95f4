#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyze/analyze.h"
#include "analyze/namekey.h"

/*
 * Documents are built by hand, as the tagger would leave them: tokens,
 * sentences and mentions (every whole-word occurrence of the names given,
 * longest names first so "Musk" inside "Elon Musk" is not marked twice).
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

static int taken(const ng_doc *doc, size_t s, size_t e)
{
  for (size_t i = 0; i < doc->mentions.n; i++)
    if (s < doc->mentions.v[i].end && doc->mentions.v[i].start < e)
      return 1;
  return 0;
}

static void mark(ng_doc *doc, const char *name, ng_entity_type type)
{
  size_t n = strlen(name);
  for (const char *p = doc->text; (p = strstr(p, name)); p += n) {
    size_t s = (size_t)(p - doc->text), e = s + n;
    if ((s > 0 && is_word_byte(doc->text[s - 1])) ||
        is_word_byte(doc->text[e]) || taken(doc, s, e))
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

static void resolve(ng_doc *doc)
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
}

/* The entity of the mention at the nth (from 0) occurrence of text. */
static const ng_dentity *ent_at(const ng_doc *doc, const char *text, int nth)
{
  const char *p = doc->text;
  for (int k = 0; k <= nth; k++) {
    p = strstr(k ? p + 1 : p, text);
    cr_assert(p, "no '%s' #%d", text, nth);
  }
  size_t off = (size_t)(p - doc->text);
  for (size_t i = 0; i < doc->mentions.n; i++)
    if (doc->mentions.v[i].start <= off && off < doc->mentions.v[i].end)
      return &doc->entities.v[doc->mentions.v[i].entity];
  cr_assert_fail("'%s' #%d is not a mention", text, nth);
  return NULL;
}

static const ng_dentity *ent_named(const ng_doc *doc, const char *name)
{
  for (size_t i = 0; i < doc->entities.n; i++)
    if (!strcmp(doc->entities.v[i].name, name))
      return &doc->entities.v[i];
  return NULL;
}

static int has_alias(const ng_dentity *e, const char *a)
{
  for (size_t i = 0; i < e->aliases.n; i++)
    if (!strcmp(e->aliases.v[i], a))
      return 1;
  return 0;
}

Test(coref, surname_resolves_to_full_name)
{
  ng_doc *doc = doc_of("Elon Musk tweeted. Later Musk deleted it. Vladimir "
                       "Putin was silent, and Putin left.");
  mark(doc, "Elon Musk", NG_ENTITY_PERSON);
  mark(doc, "Vladimir Putin", NG_ENTITY_PERSON);
  mark(doc, "Musk", NG_ENTITY_PERSON);
  mark(doc, "Putin", NG_ENTITY_PERSON);
  resolve(doc);
  cr_assert_eq(doc->entities.n, 2);
  const ng_dentity *musk = ent_at(doc, "Musk deleted", 0);
  cr_assert_str_eq(musk->name, "Elon Musk");
  cr_assert_eq(musk->n_mentions, 2);
  cr_assert(has_alias(musk, "Musk"));
  cr_assert_str_eq(ent_at(doc, "Putin left", 0)->name, "Vladimir Putin");
  ng_doc_free(doc);
}

Test(coref, surname_before_full_name_resolves_too)
{
  ng_doc *doc = doc_of("Musk spoke first. Elon Musk is the CEO.");
  mark(doc, "Elon Musk", NG_ENTITY_PERSON);
  mark(doc, "Musk", NG_ENTITY_PERSON);
  resolve(doc);
  cr_assert_eq(doc->entities.n, 1);
  cr_assert_str_eq(doc->entities.v[0].name, "Elon Musk");
  cr_assert_str_eq(doc->entities.v[0].id, "person:elon-musk");
  ng_doc_free(doc);
}

Test(coref, title_makes_a_person_short_form)
{
  /* The tagger called the bare "Musk" an organization; "Mr" says person. */
  ng_doc *doc = doc_of("Elon Musk runs Tesla. Mr Musk said so. Mr. Musk "
                       "left. Dr Musk?");
  mark(doc, "Elon Musk", NG_ENTITY_PERSON);
  mark(doc, "Tesla", NG_ENTITY_ORG);
  mark(doc, "Musk", NG_ENTITY_ORG);
  resolve(doc);
  cr_assert_eq(doc->entities.n, 2);
  const ng_dentity *e = ent_at(doc, "Musk said", 0);
  cr_assert_str_eq(e->name, "Elon Musk");
  cr_assert_eq(e->type, NG_ENTITY_PERSON);
  cr_assert_eq(e->n_mentions, 4);
  ng_doc_free(doc);
}

Test(coref, shared_surname_goes_to_nearest_preceding)
{
  ng_doc *doc = doc_of("Hart was early. Kevin Hart joked. Hart laughed. "
                       "Mary Hart replied. Hart smiled. Kevin Hart left.");
  mark(doc, "Kevin Hart", NG_ENTITY_PERSON);
  mark(doc, "Mary Hart", NG_ENTITY_PERSON);
  mark(doc, "Hart", NG_ENTITY_PERSON);
  resolve(doc);
  cr_assert_eq(doc->entities.n, 2);
  const ng_dentity *kevin = ent_named(doc, "Kevin Hart");
  const ng_dentity *mary = ent_named(doc, "Mary Hart");
  cr_assert(kevin && mary);
  cr_assert_eq(ent_at(doc, "Hart was", 0), kevin); /* none before: next */
  cr_assert_eq(ent_at(doc, "Hart laughed", 0), kevin);
  cr_assert_eq(ent_at(doc, "Hart smiled", 0), mary);
  cr_assert_eq(kevin->n_mentions, 4);
  cr_assert_eq(mary->n_mentions, 2);
  cr_assert(has_alias(kevin, "Hart") && has_alias(mary, "Hart"));
  ng_doc_free(doc);
}

Test(coref, first_name_alone_stays_apart)
{
  ng_doc *doc = doc_of("Elon Musk met Elon.");
  mark(doc, "Elon Musk", NG_ENTITY_PERSON);
  mark(doc, "Elon", NG_ENTITY_PERSON);
  resolve(doc);
  cr_assert_eq(doc->entities.n, 2);
  ng_doc_free(doc);
}

Test(coref, middle_name_form_joins)
{
  ng_doc *doc = doc_of("Elon Reeve Musk, born 1971. Elon Musk said. Musk.");
  mark(doc, "Elon Reeve Musk", NG_ENTITY_PERSON);
  mark(doc, "Elon Musk", NG_ENTITY_PERSON);
  mark(doc, "Musk", NG_ENTITY_PERSON);
  resolve(doc);
  cr_assert_eq(doc->entities.n, 1);
  cr_assert_str_eq(doc->entities.v[0].name, "Elon Reeve Musk");
  ng_doc_free(doc);
}

Test(coref, acronym_resolves_to_long_form)
{
  ng_doc *doc = doc_of("The Stanford Internet Observatory studied it. SIO "
                       "found bots. The CIA declined to comment.");
  mark(doc, "Stanford Internet Observatory", NG_ENTITY_ORG);
  mark(doc, "SIO", NG_ENTITY_ORG);
  mark(doc, "CIA", NG_ENTITY_ORG);
  resolve(doc);
  cr_assert_eq(doc->entities.n, 2);
  const ng_dentity *sio = ent_at(doc, "SIO", 0);
  cr_assert_str_eq(sio->name, "Stanford Internet Observatory");
  cr_assert_str_eq(sio->id, "organization:stanford-internet-observatory");
  cr_assert(has_alias(sio, "SIO"));
  /* No long form in the document: the acronym is its own entity. */
  cr_assert_str_eq(ent_at(doc, "CIA", 0)->name, "CIA");
  ng_doc_free(doc);
}

Test(coref, acronym_with_function_words)
{
  ng_doc *doc = doc_of("The Central Intelligence Agency and the CIA. Bank "
                       "of America, or BofA? BOA.");
  mark(doc, "Central Intelligence Agency", NG_ENTITY_ORG);
  mark(doc, "CIA", NG_ENTITY_ORG);
  mark(doc, "Bank of America", NG_ENTITY_ORG);
  mark(doc, "BOA", NG_ENTITY_ORG);
  resolve(doc);
  cr_assert_eq(doc->entities.n, 2);
  cr_assert_str_eq(ent_at(doc, "CIA", 0)->name, "Central Intelligence Agency");
  cr_assert_str_eq(ent_at(doc, "BOA", 0)->name, "Bank of America");
  ng_doc_free(doc);
}

Test(coref, dotted_acronym_of_a_place)
{
  ng_doc *doc = doc_of("The United States said the U.S. would act. US too.");
  mark(doc, "United States", NG_ENTITY_PLACE);
  mark(doc, "U.S.", NG_ENTITY_PLACE);
  mark(doc, "US", NG_ENTITY_ORG);
  resolve(doc);
  cr_assert_eq(doc->entities.n, 1);
  cr_assert_str_eq(doc->entities.v[0].name, "United States");
  cr_assert_eq(doc->entities.v[0].type, NG_ENTITY_PLACE);
  cr_assert_str_eq(doc->entities.v[0].id, "place:united-states");
  ng_doc_free(doc);
}

Test(coref, titled_shared_surname_still_nearest)
{
  ng_doc *doc = doc_of("Mary Hart met Kevin Hart. Mr Hart left.");
  mark(doc, "Kevin Hart", NG_ENTITY_PERSON);
  mark(doc, "Mary Hart", NG_ENTITY_PERSON);
  mark(doc, "Hart", NG_ENTITY_PERSON);
  resolve(doc);
  cr_assert_str_eq(ent_at(doc, "Hart left", 0)->name, "Kevin Hart");
  ng_doc_free(doc);
}

Test(coref, case_insensitive_forms_merge)
{
  ng_doc *doc = doc_of("REUTERS - Reuters reported it. reuters.");
  mark(doc, "REUTERS", NG_ENTITY_ORG);
  mark(doc, "Reuters", NG_ENTITY_ORG);
  resolve(doc);
  cr_assert_eq(doc->entities.n, 1);
  cr_assert_str_eq(doc->entities.v[0].name, "Reuters"); /* not shouted */
  cr_assert_eq(doc->entities.v[0].aliases.n, 0);
  cr_assert_eq(doc->entities.v[0].n_mentions, 2);
  ng_doc_free(doc);
}

Test(coref, majority_type_wins)
{
  ng_doc *doc = doc_of("Jordan said. Jordan left. Jordan won.");
  mark(doc, "Jordan", NG_ENTITY_PERSON);
  doc->mentions.v[1].type = NG_ENTITY_PLACE;
  resolve(doc);
  cr_assert_eq(doc->entities.n, 1);
  cr_assert_eq(doc->entities.v[0].type, NG_ENTITY_PERSON);
  cr_assert_str_eq(doc->entities.v[0].id, "person:jordan");
  /* Mentions keep what the tagger said. */
  cr_assert_eq(doc->mentions.v[1].type, NG_ENTITY_PLACE);
  ng_doc_free(doc);
}

Test(coref, legal_suffix_joins_and_most_complete_names)
{
  ng_doc *doc = doc_of("TESLA fell. Tesla rose. Tesla Inc. filed.");
  mark(doc, "Tesla Inc.", NG_ENTITY_ORG);
  mark(doc, "Tesla", NG_ENTITY_ORG);
  mark(doc, "TESLA", NG_ENTITY_ORG);
  resolve(doc);
  cr_assert_eq(doc->entities.n, 1);
  const ng_dentity *e = &doc->entities.v[0];
  cr_assert_str_eq(e->name, "Tesla Inc.");
  cr_assert_str_eq(e->id, "organization:tesla-inc");
  cr_assert_eq(e->aliases.n, 1);
  cr_assert_str_eq(e->aliases.v[0], "Tesla");
  cr_assert_eq(e->n_mentions, 3);
  ng_doc_free(doc);
}

Test(coref, handle_in_brackets_after_name)
{
  ng_doc *doc = doc_of("Dogecoin is the people's crypto.\n\xe2\x80\x94 Elon "
                       "Musk (@xyzzy42) February 13, 2021");
  mark(doc, "Elon Musk", NG_ENTITY_PERSON);
  resolve(doc);
  cr_assert_eq(doc->entities.n, 1);
  cr_assert(has_alias(&doc->entities.v[0], "@xyzzy42"));
  cr_assert_eq(doc->mentions.n, 1); /* a handle makes no mention */
  ng_doc_free(doc);
}

Test(coref, handle_matching_name_letters)
{
  ng_doc *doc = doc_of("Kanye West posted. @kanyewest and @KanyeWest again. "
                       "The Kremlin answered from @KremlinRussia_E. Russia "
                       "agreed.");
  mark(doc, "Kanye West", NG_ENTITY_PERSON);
  mark(doc, "Kremlin", NG_ENTITY_ORG);
  mark(doc, "Russia", NG_ENTITY_PLACE);
  resolve(doc);
  const ng_dentity *k = ent_named(doc, "Kanye West");
  cr_assert(has_alias(k, "@kanyewest"));
  cr_assert_eq(k->aliases.n, 1); /* one alias for both spellings */
  cr_assert(has_alias(ent_named(doc, "Kremlin"), "@KremlinRussia_E"));
  cr_assert_eq(ent_named(doc, "Russia")->aliases.n, 0);
  ng_doc_free(doc);
}

Test(coref, unknown_handle_makes_no_entity)
{
  ng_doc *doc = doc_of("Elon Musk replied to @dogelover99 on Twitter.");
  mark(doc, "Elon Musk", NG_ENTITY_PERSON);
  resolve(doc);
  cr_assert_eq(doc->entities.n, 1);
  cr_assert_eq(doc->entities.v[0].aliases.n, 0);
  ng_doc_free(doc);
}

Test(coref, ids_are_unique)
{
  /* Two organizations whose names slug alike. */
  ng_doc *doc = doc_of("AT&T sued AT-T. Paris met Paris.");
  mark(doc, "AT&T", NG_ENTITY_ORG);
  mark(doc, "AT-T", NG_ENTITY_ORG);
  mark(doc, "Paris", NG_ENTITY_PLACE);
  resolve(doc);
  cr_assert_eq(doc->entities.n, 3);
  cr_assert_str_eq(doc->entities.v[0].id, "organization:at-t");
  cr_assert_str_eq(doc->entities.v[1].id, "organization:at-t-2");
  cr_assert_str_eq(doc->entities.v[2].id, "place:paris");
  ng_doc_free(doc);
}

Test(coref, every_mention_gets_an_entity)
{
  ng_doc *doc = doc_of("Apple, Google and Apple.");
  mark(doc, "Apple", NG_ENTITY_ORG);
  mark(doc, "Google", NG_ENTITY_ORG);
  resolve(doc);
  cr_assert_eq(doc->entities.n, 2);
  cr_assert_eq(doc->mentions.v[0].entity, 0);
  cr_assert_eq(doc->mentions.v[1].entity, 1);
  cr_assert_eq(doc->mentions.v[2].entity, 0);
  ng_doc_free(doc);
}

Test(coref, empty_document)
{
  ng_doc *doc = doc_of("");
  resolve(doc);
  cr_assert_eq(doc->entities.n, 0);
  ng_doc_free(doc);
}

/* Pathological: ten thousand Smiths, two full Smiths, many handles. */
Test(coref, ten_thousand_mentions_are_linear, .timeout = 10)
{
  ng_buf text = NG_BUF_INIT;
  ng_buf_adds(&text, "John Smith met Jane Smith. ");
  for (int i = 0; i < 10000; i++)
    ng_buf_adds(&text, i % 100 ? "Smith spoke. " : "@smith99 Jane Smith. ");
  ng_doc *doc = doc_of(text.ptr);
  size_t n = strlen("Smith");
  for (const char *p = doc->text; (p = strstr(p, "Smith")); p += n) {
    size_t s = (size_t)(p - doc->text);
    ng_mention *m = NG_VEC_PUSH(doc->mentions);
    int full = s >= 5 && (!memcmp(p - 5, "John ", 5) ||
                          !memcmp(p - 5, "Jane ", 5));
    m->start = full ? s - 5 : s;
    m->end = s + n;
    m->type = NG_ENTITY_PERSON;
  }
  clock_t t0 = clock();
  cr_assert_eq(ng_coref_resolve(doc), 0);
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  cr_assert_gt(doc->mentions.n, 10000);
  cr_assert_eq(doc->entities.n, 2);
  cr_assert_lt(secs, 2.0, "took %.2fs", secs);
  ng_doc_free(doc);
  ng_buf_release(&text);
}

Test(namekey, keys)
{
  static const char *const cases[][2] = {
      {"Mr. Elon Musk", "elon musk"}, {"the Kremlin's", "kremlin"},
      {"U.S.", "us"},                 {"Tesla Inc.", "tesla inc"},
      {"General Motors", "general motors"},
      {"O'Brien", "obrien"},          {"\xc3\x89MILE Zola", "\xc3\xa9mile zola"},
      {"Mr", "mr"},                   {"  Elon \n Musk ", "elon musk"}};
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    ng_buf b = NG_BUF_INIT;
    ng_name_key(cases[i][0], strlen(cases[i][0]), &b);
    cr_expect_str_eq(b.ptr, cases[i][1], "key of '%s'", cases[i][0]);
    ng_buf_release(&b);
  }
}

Test(namekey, short_forms_and_acronyms)
{
  cr_assert(ng_name_is_short_form("musk", 4, "elon musk", 9));
  cr_assert(ng_name_is_short_form("elon musk", 9, "elon reeve musk", 15));
  cr_assert(!ng_name_is_short_form("elon", 4, "elon musk", 9));
  cr_assert(ng_name_is_short_form("king", 4, "martin luther king jr", 21));
  cr_assert_eq(ng_name_strip_suffix("tesla inc", 9), 5);
  cr_assert_eq(ng_name_strip_suffix("acme & co", 9), 4);
  cr_assert_eq(ng_name_strip_suffix("inc", 3), 3);
  cr_assert(ng_name_is_acronym_of("cia", 3, "central intelligence agency",
                                  27));
  cr_assert(ng_name_is_acronym_of("boa", 3, "bank of america", 15));
  cr_assert(!ng_name_is_acronym_of("cia", 3, "tesla", 5));
  cr_assert_eq(ng_handle_match("@kanyewest", 10, "Kanye West", 10), 4);
  cr_assert_eq(ng_handle_match("@KremlinRussia_E", 16, "Kremlin", 7), 3);
  cr_assert_eq(ng_handle_match("@therealkanyewest", 17, "Kanye West", 10), 2);
  cr_assert_eq(ng_handle_match("@usa_today", 10, "US", 2), 0);
}

Test(namekey, spelling_and_distance)
{
  cr_assert(ng_name_better_spelling("Reuters", 7, "REUTERS", 7));
  cr_assert_not(ng_name_better_spelling("REUTERS", 7, "Reuters", 7));
  cr_assert(ng_name_better_spelling("NATO", 4, "Nato", 4), "short acronyms keep capitals");
  cr_assert(ng_name_better_spelling("U.S.", 4, "U.s.", 4));
  cr_assert(ng_name_better_spelling("New York", 8, "NEW YORK", 8));
  cr_assert_not(ng_name_better_spelling("Musk", 4, "Musk", 4));
  cr_assert_eq(ng_name_distance("tenev", 5, "teneff", 6, 2), 2);
  cr_assert_eq(ng_name_distance("tenev", 5, "tenev", 5, 2), 0);
  cr_assert_eq(ng_name_distance("hart", 4, "hrat", 4, 2), 1, "a swap is one edit");
  cr_assert_eq(ng_name_distance("musk", 4, "putin", 5, 2), 3, "over max gives max + 1");
  cr_assert_eq(ng_name_distance("ab", 2, "abcdef", 6, 2), 3);
}

Test(coref, handle_the_article_says_is_an_account)
{
  /* The letters say nothing here; the words around the handle do. */
  ng_doc *doc = doc_of("Musk wrote to the Kremlin's English-language account "
                       "@KR_en on Sunday. @mfa_spox, the Foreign Ministry's "
                       "press account, said nothing. Reuters asked @abc123.");
  mark(doc, "Foreign Ministry", NG_ENTITY_ORG);
  mark(doc, "Kremlin", NG_ENTITY_ORG);
  mark(doc, "Musk", NG_ENTITY_PERSON);
  mark(doc, "Reuters", NG_ENTITY_ORG);
  resolve(doc);
  cr_assert(has_alias(ent_named(doc, "Kremlin"), "@KR_en"));
  cr_assert(has_alias(ent_named(doc, "Foreign Ministry"), "@mfa_spox"));
  cr_assert_eq(ent_named(doc, "Reuters")->aliases.n, 0, "a handle beside a name is not its");
  cr_assert_eq(ent_named(doc, "Musk")->aliases.n, 0);
  ng_doc_free(doc);
}

Test(coref, tweet_signature_ties_the_handle_end_to_end)
{
  const char *text = ".@KremlinRussia_E would you like join me for a conversation on "
                     "Clubhouse? \xe2\x80\x94 Elon Musk (@elonmusk) February 13, 2021\n\n"
                     "The Kremlin said on Monday that Musk's idea was interesting.";
  ng_doc *doc = ng_doc_new("t", NULL, text, strlen(text), "2021-02-15");
  ng_err err = NG_ERR_INIT;
  cr_assert_eq(ng_doc_analyze(doc, &err), 0);
  const ng_dentity *musk = ent_named(doc, "Elon Musk");
  cr_assert_not_null(musk);
  cr_assert(has_alias(musk, "@elonmusk"));
  cr_assert(has_alias(musk, "Musk"), "the surname resolves to the full name");
  cr_assert(has_alias(ent_named(doc, "Kremlin"), "@KremlinRussia_E"));
  ng_doc_free(doc);
}
