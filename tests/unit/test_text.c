/*
 * The plain-text reader, driven through ng_ingest_path(): text kept
 * byte for byte, title, publication date and page-furniture skip spans.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/ingest.h"

typedef struct collected {
  ng_doc *docs[8];
  size_t n;
} collected;

static int collect(ng_doc *doc, void *data) {
  collected *c = data;
  cr_assert_lt(c->n, 8);
  c->docs[c->n++] = doc;
  return 0;
}

static void release(collected *c) {
  for (size_t i = 0; i < c->n; i++)
    ng_doc_free(c->docs[i]);
  c->n = 0;
}

/* Read one sample file; exactly one document is expected. */
static ng_doc *read_sample(collected *c, const char *name) {
  char path[1024];
  ng_err err = NG_ERR_INIT;
  size_t skipped = 0;
  snprintf(path, sizeof(path), "%s/samples/%s", NG_SOURCE_DIR, name);
  cr_assert_eq(ng_ingest_path(path, NULL, collect, c, &skipped, &err), 0);
  cr_assert_eq(skipped, 0);
  cr_assert_eq(c->n, 1);
  return c->docs[0];
}

/* Write s to a fresh .txt file and read it. */
static ng_doc *read_string(collected *c, const char *s) {
  char dir[] = "/tmp/ng_test_text_XXXXXX", path[64];
  ng_err err = NG_ERR_INIT;
  size_t skipped = 0;
  cr_assert_not_null(mkdtemp(dir));
  snprintf(path, sizeof(path), "%s/a.txt", dir);
  FILE *f = fopen(path, "wb");
  cr_assert_not_null(f);
  cr_assert_eq(fwrite(s, 1, strlen(s), f), strlen(s));
  fclose(f);
  cr_assert_eq(ng_ingest_path(path, NULL, collect, c, &skipped, &err), 0);
  unlink(path);
  rmdir(dir);
  cr_assert_eq(c->n, 1);
  return c->docs[0];
}

/* Is the first occurrence of needle in doc's text wholly skipped? */
static int skipped_line(const ng_doc *doc, const char *needle) {
  const char *at = strstr(doc->text, needle);
  cr_assert_not_null(at, "'%s' not in the text", needle);
  size_t start = (size_t)(at - doc->text), end = start + strlen(needle);
  for (size_t i = start; i < end; i++)
    if (!ng_doc_skipped(doc, i))
      return 0;
  return 1;
}

/* Is no byte of the first occurrence of needle skipped? */
static int kept(const ng_doc *doc, const char *needle) {
  const char *at = strstr(doc->text, needle);
  cr_assert_not_null(at, "'%s' not in the text", needle);
  size_t start = (size_t)(at - doc->text), end = start + strlen(needle);
  for (size_t i = start; i < end; i++)
    if (ng_doc_skipped(doc, i))
      return 0;
  return 1;
}

Test(text, keeps_the_bytes_exactly) {
  collected c = {0};
  char path[1024];
  snprintf(path, sizeof(path), "%s/samples/001_0c2b30f67dcf1093.txt",
           NG_SOURCE_DIR);
  FILE *f = fopen(path, "rb");
  cr_assert_not_null(f);
  char *buf = malloc(1 << 16);
  size_t len = fread(buf, 1, 1 << 16, f);
  fclose(f);
  ng_doc *doc = read_sample(&c, "001_0c2b30f67dcf1093.txt");
  cr_assert_eq(doc->text_len, len);
  cr_assert_eq(memcmp(doc->text, buf, len), 0);
  cr_assert_str_eq(ng_doc_id(doc), path);
  cr_assert_str_eq(doc->source, path);
  free(buf);
  release(&c);
}

Test(text, sample_dates) {
  static const struct {
    const char *name, *date;
  } cases[] = {
      {"000_8b4a63b7100adefd.txt", "2021-02-14"},
      {"001_0c2b30f67dcf1093.txt", "2021-02-14"},
      {"002_253bd25c9828cc7a.txt", ""},
      {"003_61829ab03c9e0b3e.txt", ""},
      {"004_e557ae89cacef3dc.txt", "2021-02-15"},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
    collected c = {0};
    ng_doc *doc = read_sample(&c, cases[i].name);
    cr_assert_str_eq(ng_doc_published(doc), cases[i].date, "%s", cases[i].name);
    cr_assert_eq(doc->published_from,
                 cases[i].date[0] ? NG_PUB_TEXT : NG_PUB_NONE);
    release(&c);
  }
}

Test(text, sample_titles) {
  static const struct {
    const char *name, *title;
  } cases[] = {
      {"000_8b4a63b7100adefd.txt", NULL},
      {"001_0c2b30f67dcf1093.txt",
       "Elon Musk invites Vladimir Putin on Clubhouse App for a chat"},
      {"002_253bd25c9828cc7a.txt",
       "Putin does not rule out talks with Musk at the club"},
      {"003_61829ab03c9e0b3e.txt",
       "Elon Musk and Vladimir Putin consider picking each other\xe2\x80\x99s "
       "brains in live chat"},
      {"004_e557ae89cacef3dc.txt",
       "Kremlin says Musk's idea for Putin to join Clubhouse app interesting, "
       "seeks details"},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
    collected c = {0};
    ng_doc *doc = read_sample(&c, cases[i].name);
    if (cases[i].title)
      cr_assert_str_eq(ng_doc_title(doc), cases[i].title, "%s", cases[i].name);
    else
      cr_assert_null(ng_doc_title(doc), "%s: '%s'", cases[i].name,
                     ng_doc_title(doc));
    release(&c);
  }
}

Test(text, sample_furniture) {
  collected c = {0};
  ng_doc *doc = read_sample(&c, "001_0c2b30f67dcf1093.txt");
  cr_assert(skipped_line(doc, "Home/ News / World/"));
  cr_assert(skipped_line(doc, "Back"));
  cr_assert(skipped_line(doc, "Catch all the Business News"));
  cr_assert(skipped_line(doc, "More Less"));
  cr_assert(skipped_line(doc, "Updated: 14 Feb 2021, 02:24 PM IST"));
  cr_assert(skipped_line(doc, "Recommended For You"));
  cr_assert(skipped_line(doc, "\xc3\x97"));
  cr_assert(skipped_line(doc, "Get alerts on WhatsApp"));
  cr_assert(skipped_line(doc, "Set Preferences My Reads Watchlist Feedback "
                              "Redeem a Gift Card Logout"));
  /* The glued "Premium" goes, the caption before it stays. */
  cr_assert(skipped_line(doc, "Premium"));
  cr_assert(kept(doc, "SpaceX owner and Tesla CEO Elon Musk (REUTERS)"));
  /* The story and its title are not furniture. */
  cr_assert(kept(doc, "\nElon Musk invites Vladimir Putin on Clubhouse App"));
  cr_assert(kept(doc, "Tesla boss Elon Musk tweets again!"));
  cr_assert(kept(doc, "The Russian President hasn't responded to his request"));
  cr_assert(kept(doc, "Recently, he has also agreed to do a talk with Kanye"));
  release(&c);
}

Test(text, skip_spans_sorted_and_disjoint) {
  collected c = {0};
  ng_doc *doc = read_sample(&c, "004_e557ae89cacef3dc.txt");
  cr_assert_gt(doc->skip.n, 0);
  for (size_t i = 0; i < doc->skip.n; i++) {
    cr_assert_lt(doc->skip.v[i].start, doc->skip.v[i].end);
    cr_assert_leq(doc->skip.v[i].end, doc->text_len);
    if (i)
      cr_assert_gt(doc->skip.v[i].start, doc->skip.v[i - 1].end);
  }
  cr_assert(skipped_line(doc, "ugc_banner"));
  cr_assert(skipped_line(doc, "Updated: Feb 15, 2021, 08:18 PM IST"));
  cr_assert(kept(doc, "Moscow, Russia"));
  cr_assert(skipped_line(doc, "main img"));
  cr_assert(skipped_line(doc, "Story highlights"));
  cr_assert(kept(doc, "WION Web Team"));
  cr_assert(kept(doc, "The Kremlin said on Monday that a proposal"));
  release(&c);
}

Test(text, date_token_skipped_but_sentence_kept) {
  collected c = {0};
  ng_doc *doc = read_sample(&c, "000_8b4a63b7100adefd.txt");
  cr_assert(skipped_line(doc, "date 2021-02-14"));
  cr_assert(kept(doc, "Tesla boss Elon Musk tweets again!"));
  release(&c);
}

Test(text, comment_form_and_teasers) {
  collected c = {0};
  ng_doc *doc = read_sample(&c, "003_61829ab03c9e0b3e.txt");
  cr_assert(skipped_line(doc, "Home World Elon Musk"));
  cr_assert(skipped_line(doc, "READ MORE:"));
  cr_assert(skipped_line(doc, "Please enter your comment!"));
  cr_assert(skipped_line(doc, "Please enter your name here"));
  cr_assert(kept(doc, "It offers a selection of audio chat rooms"));
  release(&c);
  doc = read_sample(&c, "002_253bd25c9828cc7a.txt");
  cr_assert(skipped_line(doc, "Previous Post Next Post"));
  release(&c);
}

Test(text, title_repeated_line) {
  collected c = {0};
  ng_doc *doc = read_string(&c, "Menu\nMusk meets Putin\nMusk meets Putin\n\n"
                                "The two men met on Monday in Moscow.\n");
  cr_assert_str_eq(ng_doc_title(doc), "Musk meets Putin");
  release(&c);
}

Test(text, title_after_breadcrumb_and_button) {
  collected c = {0};
  ng_doc *doc = read_string(
      &c, "Home > World > Europe\nBack\n\nKremlin weighs an offer from Musk\n\n"
          "The Kremlin said on Monday that it would look at the offer.\n");
  cr_assert_str_eq(ng_doc_title(doc), "Kremlin weighs an offer from Musk");
  cr_assert(skipped_line(doc, "Home > World > Europe"));
  cr_assert(skipped_line(doc, "Back"));
  release(&c);
}

Test(text, no_title_when_body_comes_first) {
  collected c = {0};
  ng_doc *doc = read_string(
      &c, "The Kremlin said on Monday that a proposal by Elon Musk for the "
          "Russian President to join an app was interesting, but that it "
          "needed more details first.\n\nShort line here ok\n");
  cr_assert_null(ng_doc_title(doc));
  release(&c);
}

Test(text, no_title_from_wrapped_prose) {
  collected c = {0};
  ng_doc *doc =
      read_string(&c, "The Kremlin said on Monday that a proposal by\n"
                      "Elon Musk for the Russian President to join\n"
                      "an app was interesting, but needed details.\n");
  cr_assert_null(ng_doc_title(doc));
  release(&c);
}

Test(text, title_cleans_blanks) {
  collected c = {0};
  ng_doc *doc = read_string(&c, "  Musk \xc2\xa0 invites  Putin to a chat \n\n"
                                "Body text goes here, and on.\n");
  cr_assert_str_eq(ng_doc_title(doc), "Musk invites Putin to a chat");
  release(&c);
}

Test(text, furniture_shapes) {
  collected c = {0};
  ng_doc *doc = read_string(
      &c, "A title line for the story\n\n"
          "Advertisement\n"
          "Sign In Subscribe Search Menu\n"
          "Get the news you need. Download The Example News App today.\n"
          "The minister said the talks went well.\n"
          "Log in to read the rest of the story.\n"
          "Vladimir Putin\n"
          "Share\n");
  cr_assert(skipped_line(doc, "Advertisement"));
  cr_assert(skipped_line(doc, "Sign In Subscribe Search Menu"));
  cr_assert(skipped_line(doc, "Download The Example News App"));
  cr_assert(skipped_line(doc, "Share"));
  cr_assert(kept(doc, "The minister said the talks went well."));
  cr_assert(kept(doc, "A title line for the story"));
  release(&c);
}

Test(text, one_line_text_is_all_story) {
  collected c = {0};
  ng_doc *doc = read_string(&c, "Musk tweets\n");
  cr_assert_eq(doc->skip.n, 0);
  release(&c);
}

Test(text, no_date_gives_empty) {
  collected c = {0};
  ng_doc *doc = read_string(&c, "Some headline about things\n\n"
                                "On January 30, Musk interviewed a CEO.\n");
  cr_assert_str_eq(ng_doc_published(doc), "");
  release(&c);
}

static void note(const char *msg, void *data) {
  snprintf(data, 512, "%s", msg);
}

/*
 * A Latin-1 / Windows-1252 file is read, not skipped: its bytes that are
 * not UTF-8 are decoded as Windows-1252, bytes that are UTF-8 are kept,
 * and a warning says so without counting the file as skipped.
 */
Test(text, legacy_bytes_read_as_windows_1252) {
  char dir[] = "/tmp/ng_test_text_XXXXXX", path[64], warned[512] = "";
  collected c = {0};
  ng_err err = NG_ERR_INIT;
  ng_options o = {.warn = note, .warn_data = warned};
  size_t skipped = 0;
  /* £15.8m and "quotes" in Windows-1252, then a UTF-8 é */
  const char *s = "Chelsea paid \xA3" "15.8m for him, \x93the best\x94 "
                  "signing, said Ren\xC3\xA9.\n";
  cr_assert_not_null(mkdtemp(dir));
  snprintf(path, sizeof(path), "%s/a.txt", dir);
  FILE *f = fopen(path, "wb");
  cr_assert_not_null(f);
  fputs(s, f);
  fclose(f);
  cr_assert_eq(ng_ingest_path(path, &o, collect, &c, &skipped, &err), 0);
  unlink(path);
  rmdir(dir);
  cr_assert_eq(c.n, 1);
  cr_assert_eq(skipped, 0);
  cr_assert_str_eq(c.docs[0]->text,
                   "Chelsea paid \xC2\xA3" "15.8m for him, \xE2\x80\x9Cthe "
                   "best\xE2\x80\x9D signing, said Ren\xC3\xA9.\n");
  cr_assert(strstr(warned, "not UTF-8 (bad byte at offset 13): read as "
                           "Windows-1252"), "%s", warned);
  release(&c);
}
