#ifndef NG_INGEST_HTML_META_H
#define NG_INGEST_HTML_META_H

/*
 * What a saved page says about itself: headline, address, publication
 * date, and the JSON-LD articleBody when there is one.  Internal to
 * src/ingest/.
 */
#include <libxml/tree.h>

typedef struct ng_html_meta {
  char *title;        /* malloc'd, NULL when none */
  char *url;          /* malloc'd, NULL when none */
  char *body;         /* JSON-LD articleBody, malloc'd, NULL when none */
  char published[16]; /* "YYYY-MM-DD" or "" */
} ng_html_meta;

void ng_html_meta_init(ng_html_meta *m);
void ng_html_meta_release(ng_html_meta *m);

/*
 * Fill m from the parsed page doc and its raw bytes (JSON-LD is read from
 * the bytes, because libxml2 2.9 cuts script content at the first "</").
 * Titles: JSON-LD headline, og:title, twitter:title, the article's <h1>,
 * <title> without its " | Site" suffix.  Dates: JSON-LD datePublished,
 * article:published_time, itemprop datePublished, <time datetime>, meta
 * date names, a /2021/02/15/ address.
 */
void ng_html_meta_read(ng_html_meta *m, xmlDocPtr doc, const char *bytes,
                       size_t len);

/*
 * Decode character references (&amp; &#39; &#x2019; and HTML 4 names) in
 * s in place: titles in JSON-LD and doubly escaped attributes carry them.
 */
void ng_html_unescape(char *s);

#endif
