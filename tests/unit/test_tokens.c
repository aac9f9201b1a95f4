#include <criterion/criterion.h>
#include <string.h>

#include "analyze/analyze.h"

static ng_doc *tokenize(const char *text)
{
  ng_doc *doc = ng_doc_new("t", NULL, text, strlen(text), NULL);
  cr_assert_eq(ng_tokenize(doc), 0);
  return doc;
}

static void expect_tokens(const char *text, const char *const *want)
{
  ng_doc *doc = tokenize(text);
  size_t i = 0;
  for (; want[i]; i++) {
    cr_assert_lt(i, doc->tokens.n, "too few tokens in '%s'", text);
    size_t n;
    const char *t = ng_tok_text(doc, i, &n);
    cr_assert(strlen(want[i]) == n && !memcmp(t, want[i], n),
              "token %zu of '%s': got '%.*s', want '%s'", i, text, (int)n, t,
              want[i]);
  }
  cr_assert_eq(doc->tokens.n, i, "too many tokens in '%s'", text);
  ng_doc_free(doc);
}

Test(tokens, possessive_is_split)
{
  expect_tokens("Musk's idea", (const char *[]){"Musk", "'s", "idea", NULL});
  expect_tokens("the Kremlin\xe2\x80\x99s account",
                (const char *[]){"the", "Kremlin", "\xe2\x80\x99s", "account",
                                 NULL});
}

Test(tokens, acronyms_keep_dots_titles_do_not)
{
  expect_tokens("the U.S. and Mr. Musk",
                (const char *[]){"the", "U.S.", "and", "Mr", ".", "Musk", NULL});
  expect_tokens("P.J. Crowley", (const char *[]){"P.J.", "Crowley", NULL});
}

Test(tokens, hyphens_apostrophes_numbers_handles)
{
  expect_tokens("co-founder O'Brien hasn't 5,000 08:18 2021-02-14 @elonmusk",
                (const char *[]){"co-founder", "O'Brien", "hasn't", "5,000",
                                 "08:18", "2021-02-14", "@elonmusk", NULL});
  expect_tokens("1990s $1.5", (const char *[]){"1990s", "$", "1.5", NULL});
}

Test(tokens, case_and_line_flags)
{
  ng_doc *doc = tokenize("NASA said\n\nelon Musk");
  cr_assert_eq(doc->tokens.n, 4);
  cr_assert(doc->tokens.v[0].flags & NG_TOK_ALLCAP);
  cr_assert(doc->tokens.v[0].flags & NG_TOK_PARA, "text start is a paragraph");
  cr_assert(doc->tokens.v[1].flags & NG_TOK_LOWER);
  cr_assert(doc->tokens.v[2].flags & NG_TOK_PARA);
  cr_assert(doc->tokens.v[3].flags & NG_TOK_UPPER);
  ng_doc_free(doc);
}

Test(tokens, skip_spans_give_no_tokens)
{
  const char *text = "Home News World\nMusk spoke.";
  ng_doc *doc = ng_doc_new("t", NULL, text, strlen(text), NULL);
  ng_span *sp = NG_VEC_PUSH(doc->skip);
  sp->start = 0;
  sp->end = 16;
  ng_tokenize(doc);
  cr_assert_eq(doc->tokens.n, 3);
  cr_assert(ng_tok_is(doc, 0, "Musk"));
  cr_assert(doc->tokens.v[0].flags & NG_TOK_PARA);
  ng_doc_free(doc);
}

Test(tokens, non_ascii_letters)
{
  ng_doc *doc = tokenize("\xc3\x89lodie Fran\xc3\xa7ois \xe2\x80\x94 Zo\xc3\xab");
  cr_assert_eq(doc->tokens.n, 4);
  cr_assert(doc->tokens.v[0].flags & NG_TOK_UPPER);
  cr_assert(doc->tokens.v[2].flags & NG_TOK_PUNCT);
  ng_doc_free(doc);
}

Test(slug, ids_are_lower_ascii_with_dashes)
{
  ng_buf b = NG_BUF_INIT;
  ng_slug("Elon  Musk", 10, &b);
  cr_assert_str_eq(b.ptr, "elon-musk");
  ng_buf_reset(&b);
  ng_slug("Tesla Inc.", 10, &b);
  cr_assert_str_eq(b.ptr, "tesla-inc");
  ng_buf_reset(&b);
  ng_slug("O'Brien", 7, &b);
  cr_assert_str_eq(b.ptr, "obrien");
  ng_buf_release(&b);
}

/*
 * Plain ASCII words take a short road; where one goes on past its letters
 * (digits, '-', apostrophes, a single letter's dot, non-ASCII letters, a
 * skip span) the general rules still decide, with the same case flags.
 */
Test(tokens, ascii_words_end_where_the_rules_say)
{
  expect_tokens("A. B.C. AB. x5 ab-c Ab's ok\xe2\x80\x99s caf\xc3\xa9 NASA, zz",
                (const char *[]){"A", ".", "B.C.", "AB", ".", "x5", "ab-c",
                                 "Ab", "'s", "ok", "\xe2\x80\x99s",
                                 "caf\xc3\xa9", "NASA", ",", "zz", NULL});
  ng_doc *doc = tokenize("I AB Ab aB ab X9 \xc3\x89T\xc3\x89");
  static const unsigned want[] = {
      NG_TOK_UPPER, NG_TOK_UPPER | NG_TOK_ALLCAP, NG_TOK_UPPER,
      NG_TOK_LOWER, NG_TOK_LOWER, NG_TOK_UPPER, NG_TOK_UPPER | NG_TOK_ALLCAP};
  const unsigned mask = NG_TOK_UPPER | NG_TOK_LOWER | NG_TOK_ALLCAP | NG_TOK_WORD;
  cr_assert_eq(doc->tokens.n, sizeof(want) / sizeof(*want));
  for (size_t i = 0; i < doc->tokens.n; i++)
    cr_expect_eq(doc->tokens.v[i].flags & mask, want[i] | NG_TOK_WORD,
                 "token %zu", i);
  ng_doc_free(doc);
}
