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
  ng_ingest_ctx c = {&o, take, &g, &skipped, &err, 0, 0, 0};
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

/* The text walk over libxml2's own tree of s, for comparison. */
static void plain_libxml2_text(const char *s, ng_buf *out)
{
  htmlDocPtr h = htmlReadMemory(s, (int)strlen(s), NULL, "UTF-8",
                                HTML_PARSE_RECOVER | HTML_PARSE_NONET |
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  ng_html_text((xmlNodePtr)h, out, NULL, NULL);
  xmlFreeDoc(h);
}

/*
 * Scripts, styles and comments are cut before libxml2 sees them; the text
 * must come out as libxml2 alone would give it, however the raw text
 * elements are written.
 */
Test(html, raw_text_elements_and_comments_are_left_out)
{
  const char *s =
      "<p>One.</p><script>var a = '<p>not text</p>'; if (a </b) x();"
      "</script><!-- <script> --><p>Two.</p>"
      "<div title='<script>' data-x=\"a>b\">Three.</div>"
      "<SCRIPT type=text/javascript>document.write('</div>')</SCRIPT >"
      "<script src=x.js /><p>Four.</p>"
      "<style media=\"a>b\">p::after{content:'</p>'}</style><p>Five.</p>"
      "<iframe src=ad.html>Six</iframe><scripts>Seven.</scripts>"
      "<div data-a=\"1\" class=c data-b='x>y' id=z srcset = \"a 1x\">Six "
      "<img src=a.jpg alt=\"A > B\"/>and a half.</div>"
      "<p =x / data-c>Six and three quarters.</p>"
      "<!-- never closed <p>lost</p>";
  htmlDocPtr h = ng_html_parse(s, strlen(s), NULL);
  ng_buf ours = NG_BUF_INIT, theirs = NG_BUF_INIT;
  ng_html_text((xmlNodePtr)h, &ours, NULL, NULL);
  plain_libxml2_text(s, &theirs);
  cr_assert_str_eq(ours.ptr, "One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\n"
                             "Seven.\n\nSix and a half.\n\nSix and three "
                             "quarters.");
  cr_assert_str_eq(ours.ptr, theirs.ptr);
  /* the attributes the readers use are still there */
  xmlNodePtr div = xmlDocGetRootElement(h)->children->children;
  while (div && !(div->name && !strcmp((const char *)div->name, "div") &&
                  xmlHasProp(div, (const xmlChar *)"id")))
    div = div->next;
  cr_assert_not_null(div);
  xmlChar *cls = xmlGetProp(div, (const xmlChar *)"class"),
          *id = xmlGetProp(div, (const xmlChar *)"id"),
          *data = xmlGetProp(div, (const xmlChar *)"data-b");
  cr_assert_str_eq((const char *)cls, "c");
  cr_assert_str_eq((const char *)id, "z");
  cr_assert_null(data);
  xmlFree(cls);
  xmlFree(id);
  ng_buf_release(&ours);
  ng_buf_release(&theirs);
  xmlFreeDoc(h);

  /* a script that never closes: libxml2 reads the rest as script */
  s = "<p>Eight.</p><script>if (a < b) { x('<p>nine</p>') }";
  h = ng_html_parse(s, strlen(s), NULL);
  plain_libxml2_text(s, &theirs);
  ng_html_text((xmlNodePtr)h, &ours, NULL, NULL);
  cr_assert_str_eq(ours.ptr, theirs.ptr);
  cr_assert_str_eq(ours.ptr, "Eight.");
  ng_buf_release(&ours);
  ng_buf_release(&theirs);
  xmlFreeDoc(h);
}

Test(html, scripts_styles_comments_and_iframes_left_out)
{
  got g;
  ng_doc *d = read_one(FIX "raw.html", &g);
  cr_assert_not_null(d, "%s", g.warn);
  HAS(d, "Two keepers were lifted from the lighthouse at Calder Point");
  HAS(d, "winched both men aboard within twenty minutes, the coastguard "
         "said.\n\nThe keepers, who had been on the rock");
  HAS(d, "had not been damaged by the storm.");
  HASNT(d, "Script text");
  HASNT(d, "Style text");
  HASNT(d, "mid-article");
  HASNT(d, "Old browser text");
  HASNT(d, "embedded video");
  HASNT(d, "enable JavaScript");
  HASNT(d, "commented");
  release(&g);
}

/* The Windows-1252 bytes that Latin-1 lacks: quotes, dash, euro sign. */
static void lamp_text(const ng_doc *d)
{
  HAS(d, "\xE2\x80\x9CWe will keep the lights on,\xE2\x80\x9D said the "
         "keeper, Jos\xC3\xA9 Amsel, on Monday.");
  HAS(d, "which will cost \xE2\x82\xAC" "40,000, and the authority");
}

Test(html, meta_charset_windows_1252)
{
  got g;
  ng_doc *d = read_one(FIX "meta_1252.html", &g);
  cr_assert_not_null(d);
  lamp_text(d);
  cr_assert_str_eq(d->title, "Caf\xC3\xA9 lamp \xE2\x80\x93 keepers");
  cr_assert_str_eq(g.warn, ""); /* declared: nothing to say */
  release(&g);
}

Test(html, undeclared_legacy_page_read_as_windows_1252)
{
  got g;
  ng_doc *d = read_one(FIX "undeclared_1252.html", &g);
  cr_assert_not_null(d);
  lamp_text(d);
  cr_assert_str_eq(d->title, "Keepers\xE2\x80\x99 lamp");
  cr_assert(strstr(g.warn, "declares no charset and is not UTF-8 (bad byte "
                           "at offset 26): read as Windows-1252"),
            "%s", g.warn);
  release(&g);
}

Test(html, declared_iso_8859_2)
{
  got g;
  ng_doc *d = read_one(FIX "latin2.html", &g);
  cr_assert_not_null(d);
  HAS(d, "Mayor Ilse Garroway flew to \xC5\x81\xC3\xB3" "d\xC5\xBA on Tuesday");
  HAS(d, "Gra\xC5\xBCyna \xC5\x9Aliwi\xC5\x84ska");
  cr_assert_str_eq(d->title, "Twinning with \xC5\x81\xC3\xB3" "d\xC5\xBA");
  release(&g);
}

Test(html, utf16_with_byte_order_mark)
{
  got g;
  ng_doc *d = read_one(FIX "utf16.html", &g);
  cr_assert_not_null(d, "%s", g.warn);
  lamp_text(d);
  cr_assert_str_eq(d->title, "Keepers\xE2\x80\x99 lamp in UTF-16");
  release(&g);
}

Test(html, gzip_compressed_page)
{
  got g;
  ng_doc *d = read_one(FIX "gzipped.html.gz", &g);
  cr_assert_not_null(d, "%s", g.warn);
  pier_text(d);
  cr_assert_str_eq(d->title, "Gzipped pier page");
  cr_assert_str_eq(d->source, FIX "gzipped.html.gz");
  release(&g);

  d = read_one(FIX "truncated.html.gz", &g);
  cr_assert_null(d);
  cr_assert(strstr(g.warn, "truncated.html.gz': not a valid gzip file"), "%s",
            g.warn);
}

Test(html, date_from_the_address)
{
  got g;
  ng_doc *d = read_one(FIX "url_date.html", &g);
  cr_assert_not_null(d);
  cr_assert_str_eq(d->published, "2021-02-27");
  cr_assert_eq(d->published_from, NG_PUB_METADATA);
  cr_assert_str_eq(d->title, "Storm closes the ferry for two days");
  HAS(d, "The ferry company said the first crossing would leave at seven");
  release(&g);
}

static void authors_are(const ng_doc *d, size_t n, const char *a,
                        const char *b)
{
  cr_assert_eq(d->authors.n, n, "%zu authors", d->authors.n);
  if (n > 0)
    cr_assert_str_eq(d->authors.v[0], a);
  if (n > 1)
    cr_assert_str_eq(d->authors.v[1], b);
}

Test(html, microdata_headline_body_date_and_author)
{
  got g;
  ng_doc *d = read_one(FIX "itemprop.html", &g);
  cr_assert_not_null(d);
  cr_assert_str_eq(d->title, "Fish market opens in the old customs house");
  cr_assert_str_eq(d->published, "2021-03-05");
  authors_are(d, 1, "Ana Oduya", NULL);
  /* the marked body, not its kicker or the side column */
  cr_assert(!strncmp(d->text, "The new fish market of Port Wenmoor", 35),
            "%s", d->text);
  HAS(d, "half stalls at half the price.");
  HASNT(d, "Harbour\n");
  HASNT(d, "Most read");
  HASNT(d, "Friday morning");
  release(&g);
}

Test(html, headline_from_the_h1_over_a_site_title)
{
  got g;
  /* <title> names only the site; the h1 above the story is the headline */
  ng_doc *d = read_one(FIX "h1_title.html", &g);
  cr_assert_not_null(d);
  cr_assert_str_eq(d->title, "School choir wins county prize again");
  cr_assert_str_eq(d->published, "2021-03-08"); /* from the address */
  HAS(d, "would spend the prize money on a trip");
  HASNT(d, "About us");
  release(&g);

  /* "Headline - Site" with a short headline the h1 confirms */
  d = read_one(FIX "raw.html", &g);
  cr_assert_str_eq(d->title, "Lighthouse keepers rescued");
  release(&g);
}

Test(html, bylines_and_page_furniture)
{
  got g;
  ng_doc *d = read_one(FIX "byline.html", &g);
  cr_assert_not_null(d);
  /* meta author first, then the byline's linked names; not the job */
  authors_are(d, 2, "Tomas Reyl", "Ana Oduya");
  cr_assert_str_eq(d->title, "Road works on the coast road until June");
  cr_assert_str_eq(d->published, "2021-03-09");
  HAS(d, "The coast road between Port Wenmoor and Kelmouth will be closed");
  HAS(d, "expected to cost eleven million euros.");
  HASNT(d, "Transport reporters");
  HASNT(d, "Published 9 March");
  HASNT(d, "Read more");
  HASNT(d, "Sign up");
  HASNT(d, "WhatsApp");
  HASNT(d, "undermined");
  HASNT(d, "RoadUser7");
  HASNT(d, "cookies");
  HASNT(d, "Home");
  release(&g);
}

Test(html, jsonld_article_body_when_the_page_shows_less)
{
  got g;
  ng_doc *d = read_one(FIX "jsonld_body.html", &g);
  cr_assert_not_null(d);
  cr_assert_str_eq(d->title,
                   "Ferry fares to rise by ten percent & more next year");
  cr_assert_str_eq(d->published, "2021-03-10");
  authors_are(d, 2, "Ana Oduya", "Tomas Reyl");
  /* the body's own line breaks part its paragraphs */
  HAS(d, "blaming the price of fuel.\n\nA return ticket for an adult");
  HAS(d, "a quarter more than before the new harbour opened.");
  HASNT(d, "Subscribe");
  release(&g);
}

/*
 * A page with one <article> says where its story is: a longer column
 * beside it, with more commas, is not the story and not added to it.
 */
Test(html, the_pages_own_article_element)
{
  got g;
  ng_doc *d = read_one(FIX "article.html", &g);
  cr_assert_not_null(d);
  cr_assert(!strncmp(d->text, "Port Wenmoor's harbour master, Ilse Brandt, "
                              "retired on Friday", 60),
            "%s", d->text);
  HAS(d, "Her deputy, Colm Ferris, will take over next month");
  HASNT(d, "From the archive");
  HASNT(d, "brass band");
  cr_assert_str_eq(d->title, "Harbour master retires after forty years");
  release(&g);
}
