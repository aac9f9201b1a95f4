#include <criterion/criterion.h>
#include <string.h>

#include "analyze/analyze.h"

static ng_doc *split(const char *text)
{
  ng_doc *doc = ng_doc_new("t", NULL, text, strlen(text), NULL);
  cr_assert_eq(ng_tokenize(doc), 0);
  cr_assert_eq(ng_sentences_split(doc), 0);
  return doc;
}

static void expect(const char *text, const char *const *want)
{
  ng_doc *doc = split(text);
  size_t i = 0;
  for (; want[i]; i++) {
    cr_assert_lt(i, doc->sentences.n, "too few sentences in '%s'", text);
    const ng_sentence *s = &doc->sentences.v[i];
    size_t n = s->end - s->start;
    cr_assert(strlen(want[i]) == n && !memcmp(doc->text + s->start, want[i], n),
              "sentence %zu: got '%.*s', want '%s'", i, (int)n,
              doc->text + s->start, want[i]);
  }
  cr_assert_eq(doc->sentences.n, i, "%zu sentences in '%s', want %zu",
               doc->sentences.n, text, i);
  ng_doc_free(doc);
}

Test(sentences, titles_do_not_end_sentences)
{
  expect("Mr. Musk wrote to Dr. Peskov. He answered.",
         (const char *[]){"Mr. Musk wrote to Dr. Peskov.", "He answered.", NULL});
}

Test(sentences, company_suffix_and_acronyms)
{
  expect("The chief of Tesla Inc. and SpaceX spoke. It was late.",
         (const char *[]){"The chief of Tesla Inc. and SpaceX spoke.",
                          "It was late.", NULL});
  expect("He works for Tesla Inc. The company said no.",
         (const char *[]){"He works for Tesla Inc.", "The company said no.",
                          NULL});
  expect("Banned in the U.S. The app is popular.",
         (const char *[]){"Banned in the U.S.", "The app is popular.", NULL});
  expect("The U.S. Embassy said so.",
         (const char *[]){"The U.S. Embassy said so.", NULL});
}

Test(sentences, quotes_close_with_the_sentence)
{
  expect("He said: \"It is great.\" Then he left.",
         (const char *[]){"He said: \"It is great.\"", "Then he left.", NULL});
  expect("\xe2\x80\x9cWe will react.\xe2\x80\x9d Peskov said.",
         (const char *[]){"\xe2\x80\x9cWe will react.\xe2\x80\x9d",
                          "Peskov said.", NULL});
}

Test(sentences, lines_and_paragraphs)
{
  expect("Putin does not rule out talks\nPutin does not rule out talks\n\n"
         "The Kremlin said so.",
         (const char *[]){"Putin does not rule out talks",
                          "Putin does not rule out talks",
                          "The Kremlin said so.", NULL});
  /* A wrapped line goes on in lower case. */
  expect("The Kremlin said on\nMonday that it was keen.",
         (const char *[]){"The Kremlin said on\nMonday that it was keen.",
                          NULL});
}

Test(sentences, initials_and_numbers)
{
  expect("P. J. Crowley said 5.5 percent. Prices rose 3.",
         (const char *[]){"P. J. Crowley said 5.5 percent.", "Prices rose 3.",
                          NULL});
}
