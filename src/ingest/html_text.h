#ifndef NG_INGEST_HTML_TEXT_H
#define NG_INGEST_HTML_TEXT_H

/*
 * What the page reader (html.c) and the feed reader (feed.c) share: how to
 * parse HTML bytes safely, what each tag is, and how a tree becomes clean
 * paragraphs of text.  Internal to src/ingest/.
 */
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "newsgraph.h"

/* What a tag is, for the text walk and the content scoring. */
enum {
  NG_TAG_BLOCK = 1 << 0,  /* starts and ends a paragraph */
  NG_TAG_JUNK = 1 << 1,   /* never article text: script, nav, form fields */
  NG_TAG_PARA = 1 << 2,   /* a paragraph that scores its ancestors: p, pre, td */
  NG_TAG_HEAD = 1 << 3,   /* h1..h6 */
  NG_TAG_LIST = 1 << 4,   /* ul, ol, dl */
  NG_TAG_BR = 1 << 5,     /* br */
  NG_TAG_LINK = 1 << 6,   /* a */
  NG_TAG_MEDIA = 1 << 7,  /* img, picture, video */
  NG_TAG_INPUT = 1 << 8,  /* input, textarea, select */
  NG_TAG_DIVLIKE = 1 << 9 /* div, section, article, main: may hold bare text */
};

/* The NG_TAG_* bits of an element name (lower case, as libxml2 gives). */
unsigned ng_html_tag(const xmlChar *name);

/*
 * Parse a saved page or an HTML fragment.  enc is the charset to use (from
 * ng_html_sniff_charset) or NULL for UTF-8.  Never fetches anything, never
 * prints.  The caller frees the result with xmlFreeDoc; NULL when libxml2
 * gave up.
 */
htmlDocPtr ng_html_parse(const char *bytes, size_t len, const char *enc);

/*
 * The charset that page bytes declare, the HTML5 way: a byte-order mark,
 * then <meta charset> or http-equiv in the first 4 KiB.  Labels
 * iso-8859-1, latin1 and ascii mean windows-1252 (WHATWG).  Sets *skip to
 * the length of a byte-order mark to leave out.  Returns a static string,
 * or NULL when the page declares nothing this reader knows.
 */
const char *ng_html_sniff_charset(const char *bytes, size_t len, size_t *skip);

/*
 * Append the text under node to out as paragraphs: block elements and
 * <br><br> separate paragraphs with "\n\n", a single <br> gives "\n",
 * inline elements join, white space collapses.  Elements whose tag is junk
 * are left out, and so is any element for which skip(node, data) is
 * non-zero (skip may be NULL).  The result has no leading or trailing
 * white space beyond what out held.
 */
typedef int (*ng_html_skip_fn)(xmlNodePtr node, void *data);
void ng_html_text(xmlNodePtr node, ng_buf *out, ng_html_skip_fn skip,
                  void *data);

/* Collapse white space in s[0..n) into out, trimmed. */
void ng_html_collapse(const char *s, size_t n, ng_buf *out);

#endif
