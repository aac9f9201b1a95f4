/*
 * Saved web pages: each fixture is one family of markup; the text must
 * keep the article's sentences and lose the page furniture.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "ingest/html_text.h"
#include "ingest/ingest.h"
#include "model/doc.h"

#define FIX NG_SOURCE_DIR "/tests/fixtures/html/"

typedef struct got {
  ng_doc *doc[4];
  size_t n;
  char warn[512];
} got;

static int take(ng_doc *doc, void *data)
{
  got *g = data;
  if (g->n < 4)
    g->doc[g->n++] = doc;
  else
    ng_doc_free(doc);
  return 0;
}

static void on_warn(const char *msg, void *data)
{
  got *g = data;
  snprintf(g->warn, sizeof(g->warn), "%s", msg);
}

static ng_doc *read_one(const char *path, got *g)
{
  ng_options o = {.warn = on_warn, .warn_data = g};
  ng_err err = NG_ERR_INIT;
  size_t skipped = 0;
  memset(g, 0, sizeof(*g));
  cr_assert_eq(ng_ingest_path(path, &o, take, g, &skipped, &err), 0);
  return g->n ? g->doc[0] : NULL;
}

static void release(got *g)
{
  for (size_t i = 0; i < g->n; i++)
    ng_doc_free(g->doc[i]);
}

#define HAS(doc, s) cr_assert(strstr((doc)->text, s), "missing '%s' in:\n%s", s, (doc)->text)
#define HASNT(doc, s) cr_assert(!strstr((doc)->text, s), "unwanted '%s' in:\n%s", s, (doc)->text)

static void pier_text(const ng_doc *d)
{
  HAS(d, "would close the old north pier for repairs");
  HAS(d, "could not carry heavy vehicles, lorries or cranes");
  HAS(d, "the ferry to Calder Island would move to the south quay");
  HAS(d, "about four million euros");
}

static void no_furniture(const ng_doc *d)
{
  HASNT(d, "cookies");
  HASNT(d, "Share on");
  HASNT(d, "Related stories");
  HASNT(d, "Reader42");
  HASNT(d, "Copyright");
  HASNT(d, "Weather");
}

Test(html, jsonld_wins_and_survives_close_tags_in_script)
{
  got g;
  ng_doc *d = read_one(FIX "jsonld.html", &g);
  cr_assert_not_null(d, "%s", g.warn);
  pier_text(d);
  no_furniture(d);
  cr_assert_str_eq(d->title, "Port Wenmoor to close old north pier");
  cr_assert_str_eq(d->published, "2021-03-02");
  cr_assert_eq(d->published_from, NG_PUB_METADATA);
  cr_assert_str_eq(d->url, "https://gazette.example/2021/03/02/pier-closes");
  cr_assert_str_eq(d->id, FIX "jsonld.html");
  cr_assert_str_eq(d->source, FIX "jsonld.html");
  /* paragraphs are separated by one blank line */
  cr_assert(strstr(d->text, "pillars.\n\nEngineers had"));
  release(&g);
}

Test(html, opengraph_only)
{
  got g;
  ng_doc *d = read_one(FIX "og.html", &g);
  cr_assert_not_null(d);
  pier_text(d);
  HASNT(d, "Ten things to do");
  cr_assert_str_eq(d->title, "Harbour pier closes for repairs");
  cr_assert_str_eq(d->published, "2021-03-03");
  cr_assert_str_eq(d->url, "https://gazette.example/pier");
  release(&g);
}

Test(html, article_with_noise)
{
  got g;
  ng_doc *d = read_one(FIX "article_noise.html", &g);
  cr_assert_not_null(d);
  pier_text(d);
  no_furniture(d);
  HASNT(d, "Subscribe to our newsletter");
  HASNT(d, "Advertisement");
  HAS(d, "Ferry moves"); /* headings inside the body stay */
  cr_assert_str_eq(d->title, "Pier to close after divers find cracks");
  cr_assert_str_eq(d->published, "2021-03-04");
  release(&g);
}

Test(html, text_density_without_markup)
{
  got g;
  ng_doc *d = read_one(FIX "density.html", &g);
  cr_assert_not_null(d);
  pier_text(d);
  HASNT(d, "About us");
  HASNT(d, "Photo gallery");
  cr_assert_str_eq(d->title, "Harbour");
  cr_assert_str_eq(d->published, "");
  release(&g);
}

Test(html, br_separated_paragraphs)
{
  got g;
  ng_doc *d = read_one(FIX "br.html", &g);
  cr_assert_not_null(d);
  pier_text(d);
  HASNT(d, "Archive");
  cr_assert(strstr(d->text, "pillars.\n\nEngineers"), "%s", d->text);
  cr_assert(strstr(d->text, "much longer.\n\nMayor"), "%s", d->text);
  release(&g);
}

Test(html, windows_1252_declared_as_latin1)
{
  got g;
  ng_doc *d = read_one(FIX "cp1252.html", &g);
  cr_assert_not_null(d);
  HAS(d, "\xE2\x80\x9C" "The caf\xC3\xA9 will stay,\xE2\x80\x9D said the owner, "
         "Mar\xC3\xAD" "a Cruz");
  cr_assert_str_eq(d->title, "Caf\xC3\xA9 pier");
  release(&g);
}

Test(html, byte_order_mark)
{
  got g;
  ng_doc *d = read_one(FIX "bom.html", &g);
  cr_assert_not_null(d);
  HAS(d, "\xE2\x80\x9CThe caf\xC3\xA9 will stay,");
  cr_assert_str_eq(d->title, "Bom page");
  release(&g);
}

Test(html, broken_nesting)
{
  got g;
  ng_doc *d = read_one(FIX "broken.html", &g);
  cr_assert_not_null(d);
  pier_text(d);
  cr_assert_str_eq(d->title, "Broken pier page");
  release(&g);
}

Test(html, character_references)
{
  got g;
  ng_doc *d = read_one(FIX "entities.html", &g);
  cr_assert_not_null(d);
  HAS(d, "The caf\xC3\xA9 at the pier\xE2\x80\x99s end will stay open until "
         "April, its owner, Mar\xC3\xAD" "a Cruz, said & smiled \xE2\x80\x94 "
         "business is good.");
  cr_assert_str_eq(d->title, "Caf\xC3\xA9 & pier");
  release(&g);
}

Test(html, no_text_is_a_warning)
{
  got g;
  ng_doc *d = read_one(FIX "nothing.html", &g);
  cr_assert_null(d);
  cr_assert(strstr(g.warn, "no article text found"), "%s", g.warn);
}

Test(html, deep_nesting_does_not_crash)
{
  ng_buf b = NG_BUF_INIT;
  ng_buf_adds(&b, "<html><body>");
  for (int i = 0; i < 20000; i++)
    ng_buf_adds(&b, "<div>");
  ng_buf_adds(&b, "<p>Deep inside, the harbour authority said the pier "
                  "would close, after divers found cracks.</p>");
  ng_buf_adds(&b, "</body></html>");
  got g;
  memset(&g, 0, sizeof(g));
  ng_options o = {.warn = on_warn, .warn_data = &g};
  ng_err err = NG_ERR_INIT;
  size_t skipped = 0;
  ng_ingest_ctx c = {&o, take, &g, &skipped, &err};
  cr_assert_eq(ng_read_html(&c, "deep.html", b.ptr, b.len), 0);
  ng_buf_release(&b);
  release(&g);
}

Test(html, text_walk_separates_blocks_not_inlines)
{
  const char *s = "<div>Elon</div><div>Musk <b>said</b> <i>so</i></div>"
                  "line<br>next<br><br>para";
  htmlDocPtr h = ng_html_parse(s, strlen(s), NULL);
  ng_buf out = NG_BUF_INIT;
  ng_html_text((xmlNodePtr)h, &out, NULL, NULL);
  cr_assert_str_eq(out.ptr, "Elon\n\nMusk said so\n\nline\nnext\n\npara");
  ng_buf_release(&out);
  xmlFreeDoc(h);
}
