/*
 * Feeds: RSS 2.0 and Atom items become documents; hostile XML is refused
 * or defused, never expanded and never fetched.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ingest/ingest.h"
#include "model/doc.h"

#define FIX NG_SOURCE_DIR "/tests/fixtures/feed/"

typedef struct got {
  ng_doc *doc[8];
  size_t n;
  char warn[4][512];
  size_t nwarn;
} got;

static int take(ng_doc *doc, void *data)
{
  got *g = data;
  if (g->n < 8)
    g->doc[g->n++] = doc;
  else
    ng_doc_free(doc);
  return 0;
}

static void on_warn(const char *msg, void *data)
{
  got *g = data;
  if (g->nwarn < 4)
    snprintf(g->warn[g->nwarn++], sizeof(g->warn[0]), "%s", msg);
}

static void read_feed(const char *path, got *g)
{
  ng_options o = {.warn = on_warn, .warn_data = g};
  ng_err err = NG_ERR_INIT;
  size_t skipped = 0;
  memset(g, 0, sizeof(*g));
  cr_assert_eq(ng_ingest_path(path, &o, take, g, &skipped, &err), 0);
}

static void release(got *g)
{
  for (size_t i = 0; i < g->n; i++)
    ng_doc_free(g->doc[i]);
}

Test(feed, rss_content_encoded_and_nbsp)
{
  got g;
  read_feed(FIX "harbour.rss", &g);
  cr_assert_eq(g.n, 2);
  ng_doc *a = g.doc[0], *b = g.doc[1];
  cr_assert_str_eq(a->id, FIX "harbour.rss#1");
  cr_assert_str_eq(a->source, FIX "harbour.rss");
  cr_assert_str_eq(a->title, "Old pier to close");
  cr_assert_str_eq(a->url, "https://gazette.example/pier");
  cr_assert_str_eq(a->published, "2021-03-02");
  cr_assert_str_eq(a->text,
                   "The harbour authority said on Tuesday that it would close "
                   "the old north pier.\n\nMayor Ilse Garroway said the ferry "
                   "would move to the south quay.");
  cr_assert_str_eq(b->id, FIX "harbour.rss#2");
  cr_assert_str_eq(b->title, "Fish market opens");
  cr_assert_str_eq(b->published, "2021-03-05");
  cr_assert_str_eq(b->text, "The new fish market opened in the old customs "
                            "house on Friday.\n\nTraders said business was "
                            "brisk.");
  /* the third item has no text: warned, skipped */
  cr_assert_eq(g.nwarn, 1);
  cr_assert(strstr(g.warn[0], "harbour.rss#3") && strstr(g.warn[0], "no text"),
            "%s", g.warn[0]);
  release(&g);
}

Test(feed, atom_namespace_and_html_content)
{
  got g;
  read_feed(FIX "harbour.atom", &g);
  cr_assert_eq(g.n, 2);
  ng_doc *a = g.doc[0], *b = g.doc[1];
  cr_assert_str_eq(a->title, "Pier & ferry news");
  cr_assert_str_eq(a->url, "https://gazette.example/atom/pier");
  cr_assert_str_eq(a->published, "2021-03-03");
  cr_assert_str_eq(a->text, "Divers found cracks in three stone pillars of "
                            "the north pier.\n\nRepairs will cost about four "
                            "million euros.");
  cr_assert_str_eq(b->url, "https://gazette.example/atom/lighthouse");
  cr_assert_str_eq(b->published, "2021-03-06");
  cr_assert_str_eq(b->text, "Two keepers were rescued from Calder Point on "
                            "Saturday.\n\nThey were unhurt.");
  release(&g);
}

Test(feed, billion_laughs_is_refused_quickly)
{
  got g;
  clock_t t = clock();
  read_feed(FIX "bomb.xml", &g);
  cr_assert_eq(g.n, 0);
  cr_assert_eq(g.nwarn, 1);
  cr_assert(strstr(g.warn[0], "declares entities"), "%s", g.warn[0]);
  cr_assert_lt((double)(clock() - t) / CLOCKS_PER_SEC, 1.0);
}

Test(feed, external_entity_is_never_read)
{
  got g;
  read_feed(FIX "xxe.xml", &g);
  cr_assert_eq(g.n, 0);
  cr_assert(strstr(g.warn[0], "declares entities"), "%s", g.warn[0]);

  /* an external DTD is not loaded either; the item reads normally */
  read_feed(FIX "xxe_dtd.xml", &g);
  cr_assert_eq(g.n, 1);
  cr_assert(!strstr(g.doc[0]->text, "root:"));
  cr_assert_str_eq(g.doc[0]->text, "plain item text about the harbour");
  release(&g);
}

Test(feed, not_xml_is_one_warning)
{
  got g;
  read_feed(FIX "notxml.rss", &g);
  cr_assert_eq(g.n, 0);
  cr_assert_eq(g.nwarn, 1);
  cr_assert(strstr(g.warn[0], "not a valid RSS or Atom feed: "), "%s",
            g.warn[0]);
}

Test(feed, deep_nesting_stops_without_hanging)
{
  ng_buf b = NG_BUF_INIT;
  ng_buf_adds(&b, "<rss version=\"2.0\"><channel><item><description>");
  for (int i = 0; i < 100000; i++)
    ng_buf_adds(&b, "<x>");
  ng_buf_adds(&b, "deep</description></item></channel></rss>");
  got g;
  memset(&g, 0, sizeof(g));
  ng_options o = {.warn = on_warn, .warn_data = &g};
  ng_err err = NG_ERR_INIT;
  size_t skipped = 0;
  ng_ingest_ctx c = {&o, take, &g, &skipped, &err, 0, 0, 0};
  cr_assert_eq(ng_read_feed(&c, "deep.rss", b.ptr, b.len), 0);
  cr_assert_eq(g.n, 0);
  cr_assert(strstr(g.warn[0], "deep.rss': not a valid RSS or Atom feed: "
                              "elements nested more than 256 deep"),
            "%s", g.warn[0]);
  ng_buf_release(&b);
}

/*
 * RSS as feeds really write it: RFC 822 dates (offsets, GMT, two-digit
 * years), a Latin-1 declaration, markup in a title, HTML descriptions
 * with menus and "Read more" links, authors as names or addresses.
 */
Test(feed, rss_rfc822_dates_markup_and_authors)
{
  got g;
  read_feed(FIX "rfc822.rss", &g);
  cr_assert_eq(g.n, 3, "%zu docs, %s", g.n, g.warn[0]);
  ng_doc *a = g.doc[0], *b = g.doc[1], *c = g.doc[2];
  cr_assert_str_eq(a->title, "Bridge opens early");
  cr_assert_str_eq(a->url, "https://post.example/bridge");
  /* the calendar date as written, not moved to UTC */
  cr_assert_str_eq(a->published, "2021-03-02");
  cr_assert_str_eq(a->text,
                   "The new foot bridge over the River Kell opened on "
                   "Tuesday, two weeks before the date the council had "
                   "set.\n\nAbout three hundred people walked across in the "
                   "first hour.\nThe mayor cut a ribbon at noon.");
  cr_assert_eq(a->authors.n, 1);
  cr_assert_str_eq(a->authors.v[0], "Ruth Amsel");
  cr_assert_str_eq(b->title, "Caf\xC3\xA9 closes");
  cr_assert_str_eq(b->published, "2021-03-05");
  cr_assert_eq(b->authors.n, 1);
  cr_assert_str_eq(b->authors.v[0], "Jo Bloggs");
  cr_assert_str_eq(c->published, "2021-03-06");
  cr_assert_eq(c->authors.n, 0);
  cr_assert_eq(g.nwarn, 0);
  release(&g);
}

Test(feed, atom_authors_and_cleaned_html_content)
{
  got g;
  read_feed(FIX "authors.atom", &g);
  cr_assert_eq(g.n, 1);
  ng_doc *a = g.doc[0];
  cr_assert_str_eq(a->title, "School roof mended before the storms");
  cr_assert_str_eq(a->url, "https://notes.example/roof");
  cr_assert_str_eq(a->published, "2021-03-11");
  cr_assert_eq(a->authors.n, 2);
  cr_assert_str_eq(a->authors.v[0], "Ruth Amsel");
  cr_assert_str_eq(a->authors.v[1], "Jos\xC3\xA9 Amsel");
  cr_assert_str_eq(a->text, "Volunteers mended the roof of the island "
                            "school on Thursday, a day before the first of "
                            "the spring storms.");
  release(&g);
}

/* A DOCTYPE in UTF-16 escapes a byte scan; the parser still refuses it. */
Test(feed, entities_are_refused_in_any_encoding)
{
  got g;
  clock_t t = clock();
  read_feed(FIX "bomb_utf16.xml", &g);
  cr_assert_eq(g.n, 0);
  cr_assert_eq(g.nwarn, 1);
  cr_assert(strstr(g.warn[0], "bomb_utf16.xml': refusing a feed whose "
                              "DOCTYPE declares entities"),
            "%s", g.warn[0]);
  cr_assert_lt((double)(clock() - t) / CLOCKS_PER_SEC, 1.0);
}

/* XML that declares no encoding is UTF-8; a legacy feed is read anyway. */
Test(feed, undeclared_legacy_feed_read_as_windows_1252)
{
  got g;
  read_feed(FIX "undeclared_1252.rss", &g);
  cr_assert_eq(g.n, 1);
  cr_assert_str_eq(g.doc[0]->title, "Caf\xC3\xA9 reopens");
  cr_assert_str_eq(g.doc[0]->text,
                   "The caf\xC3\xA9 on the quay reopened on Monday, and the "
                   "first coffee cost \xE2\x82\xAC" "1, the owner said.");
  cr_assert_eq(g.nwarn, 1);
  cr_assert(strstr(g.warn[0], "declares no encoding and is not UTF-8 (bad "
                              "byte at offset 90): read as Windows-1252"),
            "%s", g.warn[0]);
  release(&g);
}
