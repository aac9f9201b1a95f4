#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"

static ng_doc *tag(const char *text)
{
  ng_doc *doc = ng_doc_new("t", NULL, text, strlen(text), NULL);
  cr_assert_eq(ng_tokenize(doc), 0);
  cr_assert_eq(ng_sentences_split(doc), 0);
  cr_assert_eq(ng_names_find(doc), 0);
  return doc;
}

static ng_doc *tag_file(const char *name)
{
  char path[1024];
  snprintf(path, sizeof(path), "%s/samples/%s", NG_SOURCE_DIR, name);
  FILE *f = fopen(path, "rb");
  cr_assert_not_null(f, "cannot open '%s'", path);
  char *buf = malloc(1 << 20);
  size_t n = fread(buf, 1, (1 << 20) - 1, f);
  fclose(f);
  ng_doc *doc = ng_doc_new("t", NULL, buf, n, NULL);
  free(buf);
  cr_assert_eq(ng_tokenize(doc), 0);
  cr_assert_eq(ng_sentences_split(doc), 0);
  cr_assert_eq(ng_names_find(doc), 0);
  return doc;
}

/* How many mentions spell name exactly with type t. */
static size_t count(const ng_doc *doc, const char *name, ng_entity_type t)
{
  size_t k = 0, len = strlen(name);
  for (size_t i = 0; i < doc->mentions.n; i++) {
    const ng_mention *m = &doc->mentions.v[i];
    if (m->type == t && m->end - m->start == len &&
        !memcmp(doc->text + m->start, name, len))
      k++;
  }
  return k;
}

/* Does any mention overlap the first occurrence of s? */
static int tagged_at(const ng_doc *doc, const char *s)
{
  const char *p = strstr(doc->text, s);
  cr_assert_not_null(p);
  size_t b = (size_t)(p - doc->text), e = b + strlen(s);
  for (size_t i = 0; i < doc->mentions.n; i++)
    if (doc->mentions.v[i].start < e && doc->mentions.v[i].end > b)
      return 1;
  return 0;
}

#define PER NG_ENTITY_PERSON
#define ORG NG_ENTITY_ORG
#define LOC NG_ENTITY_PLACE

Test(names, mentions_are_ordered_and_in_their_sentences)
{
  ng_doc *doc = tag_file("000_8b4a63b7100adefd.txt");
  cr_assert_gt(doc->mentions.n, 10);
  for (size_t i = 0; i < doc->mentions.n; i++) {
    const ng_mention *m = &doc->mentions.v[i];
    const ng_sentence *s = &doc->sentences.v[m->sentence];
    cr_assert_lt(m->start, m->end);
    cr_assert(m->start >= s->start && m->end <= s->end);
    if (i)
      cr_assert_geq(m->start, doc->mentions.v[i - 1].end);
  }
  ng_doc_free(doc);
}

Test(names, title_is_not_part_of_the_name)
{
  ng_doc *doc = tag("Mr Musk met President Putin in Moscow on Monday.");
  cr_assert_eq(count(doc, "Musk", PER), 1);
  cr_assert_eq(count(doc, "Putin", PER), 1);
  cr_assert_eq(count(doc, "Moscow", LOC), 1);
  ng_doc_free(doc);
}

Test(names, possessive_is_excluded)
{
  ng_doc *doc = tag("The idea was Elon Musk's, and the Kremlin's answer came fast.");
  cr_assert_eq(count(doc, "Elon Musk", PER), 1);
  cr_assert_eq(count(doc, "Kremlin", ORG), 1);
  ng_doc_free(doc);
}

Test(names, company_keeps_its_suffix)
{
  ng_doc *doc = tag("He runs Tesla Inc. and SpaceX from California.");
  cr_assert_eq(count(doc, "Tesla Inc.", ORG), 1);
  cr_assert_eq(count(doc, "SpaceX", ORG), 1);
  ng_doc_free(doc);
}

Test(names, role_phrase_splits_into_organization_and_person)
{
  ng_doc *doc = tag("Kremlin spokesman Dmitry Peskov spoke to reporters. Later, "
                    "Robinhood CEO Vlad Tenev joined the chat.");
  cr_assert_eq(count(doc, "Kremlin", ORG), 1);
  cr_assert_eq(count(doc, "Dmitry Peskov", PER), 1);
  cr_assert_eq(count(doc, "Robinhood", ORG), 1);
  cr_assert_eq(count(doc, "Vlad Tenev", PER), 1);
  ng_doc_free(doc);
}

Test(names, nationality_is_not_a_place)
{
  ng_doc *doc = tag("The Russian president spoke about Chinese servers in Russia.");
  cr_assert_eq(count(doc, "Russia", LOC), 1);
  cr_assert_not(tagged_at(doc, "Russian"));
  cr_assert_not(tagged_at(doc, "Chinese"));
  ng_doc_free(doc);
}

Test(names, capitals_headline)
{
  ng_doc *doc = tag("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS WIN\n"
                    "LONDON 1996-08-30\n"
                    "West Indian all-rounder Phil Simmons took four wickets for "
                    "Leicestershire on Friday.\n");
  cr_assert_eq(count(doc, "LEICESTERSHIRE", ORG), 1);
  cr_assert_eq(count(doc, "LONDON", LOC), 1);
  cr_assert_eq(count(doc, "Phil Simmons", PER), 1);
  ng_doc_free(doc);
}

Test(names, handles_and_furniture_are_not_names)
{
  ng_doc *doc = tag("Just agree to do Clubhouse with @kanyewest\n\n"
                    "Set Preferences My Reads Watchlist Feedback Redeem a Gift Card Logout\n\n"
                    "Previous Post Next Post\n");
  cr_assert_not(tagged_at(doc, "@kanyewest"));
  cr_assert_not(tagged_at(doc, "Watchlist"));
  cr_assert_not(tagged_at(doc, "Previous Post"));
  ng_doc_free(doc);
}

Test(names, skipped_spans_yield_no_names)
{
  const char *text = "Home World Elon Musk\n\nTesla boss Elon Musk tweeted.";
  ng_doc *doc = ng_doc_new("t", NULL, text, strlen(text), NULL);
  ng_span *sp = NG_VEC_PUSH(doc->skip);
  sp->start = 0;
  sp->end = 20;
  ng_tokenize(doc);
  ng_sentences_split(doc);
  ng_names_find(doc);
  for (size_t i = 0; i < doc->mentions.n; i++)
    cr_assert_geq(doc->mentions.v[i].start, 20);
  cr_assert_eq(count(doc, "Elon Musk", PER), 1);
  ng_doc_free(doc);
}

Test(names, samples)
{
  ng_doc *a = tag_file("000_8b4a63b7100adefd.txt");
  cr_assert_geq(count(a, "Elon Musk", PER), 1);
  cr_assert_geq(count(a, "Musk", PER), 1);
  cr_assert_geq(count(a, "Vladimir Putin", PER), 1);
  cr_assert_geq(count(a, "Kanye West", PER), 1);
  cr_assert_geq(count(a, "Kremlin", ORG), 1);
  cr_assert_geq(count(a, "Tesla", ORG), 1);
  cr_assert_geq(count(a, "Tesla Inc.", ORG), 1);
  cr_assert_geq(count(a, "SpaceX", ORG), 1);
  cr_assert_geq(count(a, "Clubhouse", ORG), 1);
  cr_assert_geq(count(a, "Stanford University", ORG), 1);
  cr_assert_geq(count(a, "China", LOC), 1);
  ng_doc_free(a);

  ng_doc *b = tag_file("002_253bd25c9828cc7a.txt");
  cr_assert_geq(count(b, "Putin", PER), 1);
  cr_assert_eq(count(b, "Putin", LOC), 0);
  cr_assert_geq(count(b, "Dmitry Peskov", PER), 1);
  cr_assert_geq(count(b, "Peskov", PER), 1);
  cr_assert_geq(count(b, "Vlad Teneff", PER), 1);
  cr_assert_geq(count(b, "Silicon Valley", LOC), 1);
  cr_assert_geq(count(b, "Tass", ORG), 1);
  cr_assert_geq(count(b, "KGB", ORG), 1);
  ng_doc_free(b);

  ng_doc *c = tag_file("003_61829ab03c9e0b3e.txt");
  cr_assert_geq(count(c, "Musk", PER), 1); /* "Mr Musk" */
  cr_assert_geq(count(c, "Mars", LOC), 1);
  cr_assert_geq(count(c, "Reuters", ORG), 1);
  ng_doc_free(c);

  ng_doc *d = tag_file("004_e557ae89cacef3dc.txt");
  cr_assert_geq(count(d, "Vlad Tenev", PER), 1);
  cr_assert_geq(count(d, "Robinhood", ORG), 1);
  cr_assert_geq(count(d, "AFP", ORG), 1);
  cr_assert_geq(count(d, "Moscow", LOC), 1);
  ng_doc_free(d);
}

Test(names, sentence_initial_common_word_is_not_part_of_a_name)
{
  /* "Shares" opens the sentence, so only how words are usually cased tells. */
  ng_doc *doc = tag("Shares of Tesla Inc. fell 3% on Monday.");
  cr_assert_eq(count(doc, "Tesla Inc.", ORG), 1);
  cr_assert_not(tagged_at(doc, "Shares"));
  ng_doc_free(doc);
}

Test(names, surname_of_a_person_in_the_document_is_that_person)
{
  ng_doc *doc = tag("Kremlin says Musk's idea for Putin to join Clubhouse app "
                    "interesting. Russian President Vladimir Putin said nothing.");
  cr_assert_eq(count(doc, "Putin", PER), 1);
  cr_assert_eq(count(doc, "Putin", LOC) + count(doc, "Putin", ORG), 0);
  ng_doc_free(doc);
  /* Not when the lists know the word as a place. */
  doc = tag("Michael Jordan flew to Amman on Monday, and said Jordan was beautiful.");
  cr_assert_eq(count(doc, "Jordan", LOC), 1);
  ng_doc_free(doc);
}

Test(names, byline_credit_line_is_no_organization)
{
  ng_doc *doc = tag("Kremlin says it will reply\n\nWION Web Team\nMoscow, Russia\n\n"
                    "The Kremlin said on Monday it would reply to Elon Musk.");
  cr_assert_not(tagged_at(doc, "WION Web Team"));
  cr_assert_geq(count(doc, "Kremlin", ORG), 1);
  ng_doc_free(doc);
  /* "Team" inside a sentence is left to the tagger. */
  doc = tag("He joined the WION Web Team in 2019, he said.");
  cr_assert(tagged_at(doc, "WION"));
  ng_doc_free(doc);
}

Test(names, a_thing_after_an_indefinite_article_is_no_organization)
{
  ng_doc *doc = tag("Musk told his followers: \"There will definitely be a MarsCoin!\"");
  cr_assert_not(tagged_at(doc, "MarsCoin"));
  ng_doc_free(doc);
  doc = tag("Last year he bought a Tesla. She wants an iPhone, not a Samsung.");
  cr_assert_not(tagged_at(doc, "Tesla"));
  cr_assert_not(tagged_at(doc, "Samsung"));
  ng_doc_free(doc);
  doc = tag("A Reuters reporter asked Peskov about it on Monday.");
  cr_assert_eq(count(doc, "Reuters", ORG), 1, "a modifier keeps its name");
  ng_doc_free(doc);
}

Test(names, camel_case_word_is_never_a_person)
{
  ng_doc *doc = tag("MarsCoin said on Monday that it would list more coins.");
  cr_assert_eq(count(doc, "MarsCoin", PER), 0);
  ng_doc_free(doc);
  doc = tag("Leonardo DiCaprio met Douglas MacArthur in the film.");
  cr_assert_eq(count(doc, "Leonardo DiCaprio", PER), 1, "name prefixes are not camel case");
  ng_doc_free(doc);
}

Test(names, acronym_spelled_out_in_lower_case_is_a_word)
{
  ng_doc *doc = tag("The app thrives on the concept of FOMO, fear of missing out. "
                    "Experts say FOMO drives sign-ups.");
  cr_assert_not(tagged_at(doc, "FOMO"));
  cr_assert_not(tagged_at(doc, "FOMO drives"));
  ng_doc_free(doc);
  doc = tag("Banks use artificial intelligence (AI), and the Central Intelligence "
            "Agency (CIA) does too.");
  cr_assert_not(tagged_at(doc, "AI)"));
  cr_assert_eq(count(doc, "CIA", ORG), 1, "a capitalized spelling-out is a name");
  ng_doc_free(doc);
}

Test(names, plural_of_a_common_word_is_no_place)
{
  ng_doc *doc = tag("Twitter launched its own version of Spaces, and Facebook is "
                    "said to be developing similar products.");
  cr_assert_not(tagged_at(doc, "Spaces"));
  cr_assert_eq(count(doc, "Twitter", ORG), 1);
  ng_doc_free(doc);
  doc = tag("He flew from the Netherlands to Moscow.");
  cr_assert_eq(count(doc, "Netherlands", LOC), 1, "listed places stay");
  ng_doc_free(doc);
}

Test(names, photo_and_agency_credits_are_organizations)
{
  ng_doc *doc = tag("SpaceX owner and Tesla CEO Elon Musk (REUTERS)Premium\n\n"
                    "Russian President Vladimir Putin Photograph:(AFP)\n\n"
                    "Musk spoke on Monday.");
  cr_assert_eq(count(doc, "REUTERS", ORG), 1);
  cr_assert_eq(count(doc, "AFP", ORG), 1);
  cr_assert_eq(count(doc, "Vladimir Putin", PER), 1, "the caption word is not the name");
  cr_assert_eq(count(doc, "Elon Musk", PER), 1);
  cr_assert_not(tagged_at(doc, "Premium"));
  cr_assert_not(tagged_at(doc, "Photograph"));
  ng_doc_free(doc);
}

Test(names, more_page_furniture_is_nothing)
{
  ng_doc *doc = tag("Home / Business / News\n\nPremium\n\nWatchlist\n\n"
                    "Catch all the Business News, Market News, Breaking News "
                    "Events and Latest News Updates on Live Mint.\n\n"
                    "Previous Post Next Post\n");
  static const char *const words[] = {"Home", "Business /", "Premium", "Watchlist",
                                      "Catch", "Business News,", "Market News",
                                      "Breaking News", "Latest News", "Previous Post",
                                      "Next Post"};
  for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
    cr_assert_not(tagged_at(doc, words[i]), "furniture tagged: '%s'", words[i]);
  ng_doc_free(doc);
}
