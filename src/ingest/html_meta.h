#ifndef NG_INGEST_HTML_META_H
#define NG_INGEST_HTML_META_H

/*
 * What a saved page says about itself: headline, address, publication
 * date, and the JSON-LD articleBody when there is one.  Internal to
 * src/ingest/.
 */
#include <libxml/tree.h>

#define NG_HTML_MAX_AUTHORS 8

typedef struct ng_html_meta {
  char *title;        /* malloc'd, NULL when none */
  char *authors[NG_HTML_MAX_AUTHORS]; /* malloc'd names, no repeats */
  size_t n_authors;
  char *url;          /* malloc'd, NULL when none */
  char *body;         /* JSON-LD articleBody, malloc'd, NULL when none */
  char published[16]; /* "YYYY-MM-DD" or "" */
} ng_html_meta;

void ng_html_meta_init(ng_html_meta *m);
void ng_html_meta_release(ng_html_meta *m);

/* Is word one of the space-separated words of s (any case)?  For class
 * and itemprop lists. */
int ng_html_has_word(const char *s, const char *word);

/*
 * Fill m from the parsed page doc and its raw bytes (JSON-LD is read from
 * the bytes, whose script bodies the parse leaves out).  main is the
 * element the main text came from, or NULL.
 * Titles: JSON-LD headline, og:title, twitter:title, itemprop headline,
 * the <h1> of an <article> or of the main text, <title> without its
 * " | Site" suffix.  Dates: JSON-LD datePublished, article:published_time,
 * itemprop datePublished, <time datetime>, meta date names, a /2021/02/15/
 * address.  Authors: JSON-LD author, meta author, itemprop author,
 * rel="author" links, a byline ("By A and B, Transport reporters").
 */
void ng_html_meta_read(ng_html_meta *m, xmlDocPtr doc, const char *bytes,
                       size_t len, xmlNodePtr main);

/*
 * Add the names in a byline to list[*n..NG_HTML_MAX_AUTHORS) as malloc'd
 * copies, no repeats: "By Tomas Reyl and Ana Oduya, Transport reporters",
 * "Tomas Reyl; Ana Oduya", "jo@example.com (Jo Bloggs)".  Jobs, desks,
 * credentials and addresses are not names.  strict asks for two words at
 * least, for wording read off a page rather than a metadata field.
 */
void ng_byline_names(const char *text, int strict, char **list, size_t *n);

/*
 * Decode character references (&amp; &#39; &#x2019; and HTML 4 names) in
 * s in place: titles in JSON-LD and doubly escaped attributes carry them.
 */
void ng_html_unescape(char *s);

#endif
