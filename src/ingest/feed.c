/*
 * RSS 2.0, RSS 1.0 and Atom feeds: one document per item or entry.
 *
 * Feeds come from strangers, so the XML parser gets no licence: no
 * network, no external DTD, no entity substitution, libxml2's default
 * depth limit, and a document whose DOCTYPE declares entities (the
 * billion-laughs and XXE shapes) is refused before parsing.  HTML named
 * entities such as &nbsp;, which feeds use although XML does not define
 * them, are rewritten as numeric references first.
 */
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/html_meta.h"
#include "ingest/html_text.h"
#include "ingest/ingest.h"
#include "util/utf8.h"

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"

/* Does the prolog (before the root element) declare entities? */
static int declares_entities(const char *s, size_t len)
{
  const char *end = s + len;
  for (const char *p = s; p + 8 < end; p++) {
    if (*p != '<')
      continue;
    if (p[1] == '?' || p[1] == '!') {
      if (!strncmp(p, "<!ENTITY", 8))
        return 1;
      continue;
    }
    return 0; /* the root element: the prolog is over */
  }
  return 0;
}

/*
 * Does the feed say what it is written in: a byte-order mark, bytes of
 * UTF-16, or encoding="..." in its XML declaration?
 */
static int declares_encoding(const char *s, size_t len)
{
  const unsigned char *u = (const unsigned char *)s;
  if (len >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) ||
                   (u[0] == 0xFF && u[1] == 0xFE) || !u[0] || !u[1]))
    return 1;
  if (len < 5 || strncmp(s, "<?xml", 5))
    return 0;
  const char *end = memchr(s, '>', len < 512 ? len : 512);
  for (const char *p = s; end && p + 8 < end; p++)
    if (!strncmp(p, "encoding", 8))
      return 1;
  return 0;
}

/* SAX entityDecl: note the declaration and stop the parse at once. */
static void refuse_entity(void *ctx, const xmlChar *name, int type,
                          const xmlChar *public_id, const xmlChar *system_id,
                          xmlChar *content)
{
  xmlParserCtxtPtr ctxt = ctx;
  (void)name, (void)type, (void)public_id, (void)system_id, (void)content;
  *(int *)ctxt->_private = 1;
  xmlStopParser(ctxt);
}

/*
 * Copy s with every named reference that XML does not know (&nbsp;,
 * &eacute;, ...) turned into a numeric one; unknown names become text.
 */
static void map_entities(const char *s, size_t len, ng_buf *out)
{
  size_t i = 0, from = 0;
  while (i < len) {
    if (s[i] != '&') {
      i++;
      continue;
    }
    size_t j = i + 1;
    while (j < len && j - i < 32 &&
           ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') ||
            (s[j] >= '0' && s[j] <= '9')))
      j++;
    if (j == i + 1 || j >= len || s[j] != ';') {
      i++;
      continue;
    }
    char name[40];
    memcpy(name, s + i + 1, j - i - 1);
    name[j - i - 1] = '\0';
    if (!strcmp(name, "amp") || !strcmp(name, "lt") || !strcmp(name, "gt") ||
        !strcmp(name, "quot") || !strcmp(name, "apos")) {
      i = j + 1;
      continue;
    }
    ng_buf_add(out, s + from, i - from);
    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
    if (e)
      ng_buf_addf(out, "&#%u;", e->value);
    else
      ng_buf_addf(out, "&amp;%s;", name);
    i = from = j + 1;
  }
  ng_buf_add(out, s + from, len - from);
}

static int is(xmlNodePtr n, const char *name, const char *ns)
{
  if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name))
    return 0;
  if (!ns)
    return 1;
  return n->ns && n->ns->href && !strcmp((const char *)n->ns->href, ns);
}

/* Plain content of an element, white space collapsed; malloc'd or NULL. */
static char *plain(xmlNodePtr n)
{
  xmlChar *s = xmlNodeGetContent(n);
  ng_buf b = NG_BUF_INIT;
  if (!s)
    return NULL;
  ng_html_collapse((const char *)s, strlen((const char *)s), &b);
  xmlFree(s);
  for (size_t i = 0; i < b.len; i++)
    if (b.ptr[i] == '\n')
      b.ptr[i] = ' ';
  if (!b.len) {
    ng_buf_release(&b);
    return NULL;
  }
  return ng_buf_detach(&b, NULL);
}

/* Characters of text below n, and how many of them are inside links. */
static void link_share(xmlNodePtr n, int in_link, size_t *all, size_t *linked)
{
  for (xmlNodePtr k = n->children; k; k = k->next) {
    if (k->type == XML_TEXT_NODE && k->content) {
      size_t m = 0;
      for (const xmlChar *p = k->content; *p; p++)
        m += *p > ' ';
      *all += m;
      if (in_link)
        *linked += m;
    } else if (k->type == XML_ELEMENT_NODE) {
      link_share(k, in_link || !strcmp((const char *)k->name, "a"), all,
                 linked);
    }
  }
}

/*
 * Feed content carries its own furniture: "Share this", "More news"
 * links after the story.  Leave out sharing blocks and paragraphs that
 * are nothing but links.
 */
static int furniture_class(const char *s)
{
  static const char *const words[] = {
      "share", "social", "related", "nav", "menu", "breadcrumb", "comment",
      "promo", "newsletter", "subscribe", "advert", "sponsor", "footer",
      "byline", "tags", NULL};
  if (!s)
    return 0;
  for (const char *const *w = words; *w; w++)
    if (strstr(s, *w))
      return 1;
  return 0;
}

static int fragment_skip(xmlNodePtr n, void *data)
{
  (void)data;
  xmlChar *cls = xmlGetProp(n, (const xmlChar *)"class");
  xmlChar *id = xmlGetProp(n, (const xmlChar *)"id");
  int skip = furniture_class((const char *)cls) ||
             furniture_class((const char *)id);
  xmlFree(cls);
  xmlFree(id);
  if (!skip && (ng_html_tag(n->name) & NG_TAG_BLOCK) &&
      strcmp((const char *)n->name, "body") &&
      strcmp((const char *)n->name, "html")) {
    /* mostly links, and short: a menu or a "Read more" line */
    size_t all = 0, linked = 0;
    link_share(n, 0, &all, &linked);
    skip = all > 0 && (linked == all || (linked * 2 > all && all < 200));
  }
  return skip;
}

/* The text of an HTML fragment, cleaned as a page's text is. */
static void html_fragment(const char *s, ng_buf *out)
{
  htmlDocPtr h = ng_html_parse(s, strlen(s), "UTF-8");
  if (!h)
    return;
  ng_html_text((xmlNodePtr)h, out, fragment_skip, NULL);
  xmlFreeDoc(h);
}

/*
 * An element that holds text as the feed says: Atom type="html" or RSS
 * description/content:encoded (escaped HTML), Atom type="xhtml" (inline
 * elements), or plain text.
 */
static void element_text(xmlNodePtr n, int html, ng_buf *out)
{
  xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
  if (type && (!strcmp((const char *)type, "xhtml") ||
               strstr((const char *)type, "xml"))) {
    ng_html_text(n, out, NULL, NULL);
  } else {
    if (type)
      html = !strcmp((const char *)type, "html") ||
             strstr((const char *)type, "html") != NULL;
    xmlChar *s = xmlNodeGetContent(n);
    if (s) {
      if (html)
        html_fragment((const char *)s, out);
      else
        ng_html_collapse((const char *)s, strlen((const char *)s), out);
      xmlFree(s);
    }
  }
  xmlFree(type);
}

/*
 * Does the text of n hold HTML tags ("Bridge opens <em>early</em>")?  RSS
 * titles are plain text by the letter of the format, but feeds put
 * escaped markup in them all the same.
 */
static int looks_like_markup(xmlNodePtr n)
{
  xmlChar *s = xmlNodeGetContent(n);
  int yes = 0;
  for (const xmlChar *p = s; p && *p && !yes; p++)
    if (*p == '<' && (((p[1] | 0x20) >= 'a' && (p[1] | 0x20) <= 'z') ||
                      p[1] == '/'))
      yes = strchr((const char *)p, '>') != NULL;
  xmlFree(s);
  return yes;
}

typedef struct item {
  xmlNodePtr title, link, date, content, summary;
  char *href; /* Atom link, malloc'd */
  char *author[NG_HTML_MAX_AUTHORS]; /* malloc'd */
  size_t nauthor;
} item;

/* RSS <author> and dc:creator hold a name or an address; Atom a <name>. */
static void add_author(item *it, xmlNodePtr n, int atom)
{
  if (atom) {
    for (xmlNodePtr k = n->children; k; k = k->next)
      if (is(k, "name", NS_ATOM))
        n = k;
    if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "name"))
      return;
  }
  char *s = plain(n);
  ng_byline_names(s, 0, it->author, &it->nauthor);
  free(s);
}

static void atom_link(item *it, xmlNodePtr n)
{
  xmlChar *rel = xmlGetProp(n, (const xmlChar *)"rel");
  if (!rel || !strcmp((const char *)rel, "alternate")) {
    xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
    if (href && !it->href)
      it->href = strdup((const char *)href);
    xmlFree(href);
  }
  xmlFree(rel);
}

static void collect(item *it, xmlNodePtr e, int atom)
{
  for (xmlNodePtr n = e->children; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    if (atom && !is(n, n->name ? (const char *)n->name : "", NS_ATOM))
      continue;
    if (is(n, "title", NULL) && !it->title)
      it->title = n;
    else if (is(n, "link", NULL)) {
      if (atom)
        atom_link(it, n);
      else if (!it->link)
        it->link = n;
    } else if (is(n, "encoded", NS_CONTENT) || (atom && is(n, "content", NULL)))
      it->content = it->content ? it->content : n;
    else if (is(n, "description", NULL) || (atom && is(n, "summary", NULL)))
      it->summary = it->summary ? it->summary : n;
    else if (is(n, "pubDate", NULL) || (atom && is(n, "published", NULL)))
      it->date = n;
    else if (!it->date && (is(n, "date", NS_DC) || (atom && is(n, "updated", NULL))))
      it->date = n;
    else if (is(n, "author", NULL) || is(n, "creator", NS_DC))
      add_author(it, n, atom);
  }
}

static int alpha(int c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int digit(int c)
{
  return c >= '0' && c <= '9';
}

/*
 * RFC 822 dates may give the year in two digits ("Sat, 06 Mar 21
 * 10:00:00 EST").  Returns s with the year widened the RFC 2822 way
 * (00-49 are 2000-2049, 50-99 are 1950-1999) in out, or s itself when it
 * is not such a date.
 */
static const char *full_year(const char *s, char *out, size_t size)
{
  const char *p = s;
  if (alpha(p[0]) && alpha(p[1]) && alpha(p[2]) && p[3] == ',') {
    p += 4;
    while (*p == ' ')
      p++;
  }
  if (!digit(p[0]))
    return s;
  p += digit(p[1]) ? 2 : 1;
  if (p[0] != ' ' || !alpha(p[1]) || !alpha(p[2]) || !alpha(p[3]) ||
      p[4] != ' ' || !digit(p[5]) || !digit(p[6]) ||
      (p[7] != ' ' && p[7] != '\0'))
    return s;
  int yy = (p[5] - '0') * 10 + (p[6] - '0');
  snprintf(out, size, "%.*s%d%s", (int)(p + 5 - s), s,
           yy < 50 ? 2000 + yy : 1900 + yy, p + 7);
  return out;
}

static int emit_item(ng_ingest_ctx *c, const char *path, size_t index,
                     xmlNodePtr e, int atom)
{
  item it;
  ng_buf text = NG_BUF_INIT, id = NG_BUF_INIT;
  char *title = NULL, *link = NULL, *date = NULL;
  int rc = 0;
  memset(&it, 0, sizeof(it));
  collect(&it, e, atom);
  ng_buf_addf(&id, "%s#%zu", path, index);
  if (it.content)
    element_text(it.content, 1, &text);
  if (!text.len && it.summary)
    element_text(it.summary, 1, &text);
  if (!text.len) {
    ng_ingest_warn(c, id.ptr, "feed item has no text");
    goto out;
  }
  if (ng_utf8_valid_prefix(text.ptr, text.len) < text.len) {
    size_t n;
    char *s = ng_utf8_sanitize(text.ptr, text.len, &n);
    ng_buf_reset(&text);
    ng_buf_add(&text, s, n);
    free(s);
  }
  if (it.title) {
    ng_buf t = NG_BUF_INIT;
    element_text(it.title, looks_like_markup(it.title), &t);
    for (size_t i = 0; i < t.len; i++)
      if (t.ptr[i] == '\n')
        t.ptr[i] = ' ';
    title = t.len ? ng_buf_detach(&t, NULL) : NULL;
    ng_buf_release(&t);
  }
  link = it.href ? strdup(it.href) : it.link ? plain(it.link) : NULL;
  date = it.date ? plain(it.date) : NULL;

  ng_doc *d = ng_doc_make(text.ptr, text.len);
  d->id = ng_doc_strdup(d, id.ptr);
  d->source = ng_doc_strdup(d, path);
  d->title = ng_doc_strdup(d, title);
  d->url = ng_doc_strdup(d, link);
  for (size_t i = 0; i < it.nauthor; i++)
    ng_doc_add_author(d, it.author[i]);
  ng_ymd t;
  char wide[128];
  const char *when = date ? full_year(date, wide, sizeof(wide)) : NULL;
  if (when && ng_pubdate_parse(when, strlen(when), &t) == 0 &&
      ng_ymd_valid(t)) {
    char iso[16];
    ng_ymd_format(t, iso);
    ng_doc_set_published(d, iso, NG_PUB_METADATA);
  }
  rc = ng_ingest_emit(c, d);
out:
  free(date);
  free(link);
  free(title);
  free(it.href);
  for (size_t i = 0; i < it.nauthor; i++)
    free(it.author[i]);
  ng_buf_release(&id);
  ng_buf_release(&text);
  return rc;
}

int ng_read_feed(ng_ingest_ctx *c, const char *path, const char *bytes,
                 size_t len)
{
  ng_buf mapped = NG_BUF_INIT;
  xmlParserCtxtPtr ctxt = NULL;
  xmlDocPtr doc = NULL;
  int rc = 0;
  if (declares_entities(bytes, len)) {
    ng_ingest_warn(c, path,
                   "refusing a feed whose DOCTYPE declares entities");
    goto out;
  }
  map_entities(bytes, len, &mapped);
  size_t ok;
  if (!declares_encoding(bytes, len) &&
      (ok = ng_utf8_valid_prefix(bytes, len)) < len) {
    /* XML without a declaration is UTF-8; a legacy feed is read anyway */
    size_t n;
    char *fixed = ng_utf8_repair(mapped.ptr, mapped.len, &n);
    ng_ingest_note(c, path,
                   "declares no encoding and is not UTF-8 (bad byte at "
                   "offset %zu): read as Windows-1252",
                   ok);
    ng_buf_reset(&mapped);
    ng_buf_add(&mapped, fixed, n);
    free(fixed);
  }
  ctxt = xmlNewParserCtxt();
  if (!ctxt) {
    rc = ng_err_set(c->err, NG_ERR_NOMEM, "out of memory");
    goto out;
  }
  if (mapped.len > (size_t)INT32_MAX) {
    ng_ingest_warn(c, path, "too large for a feed");
    goto out;
  }
  /*
   * The byte scan above misses a DOCTYPE in UTF-16 or EBCDIC: the parser
   * itself stops at the first entity declaration, before any is used.
   */
  int declared = 0;
  ctxt->sax->entityDecl = refuse_entity;
  ctxt->_private = &declared;
  /* NONET and nothing else: no NOENT, no DTDLOAD, no HUGE. */
  doc = xmlCtxtReadMemory(ctxt, mapped.ptr, (int)mapped.len, NULL, NULL,
                          XML_PARSE_NONET | XML_PARSE_NOCDATA |
                              XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (declared) {
    ng_ingest_warn(c, path,
                   "refusing a feed whose DOCTYPE declares entities");
    goto out;
  }
  if (!doc || !ctxt->wellFormed) {
    xmlErrorPtr e = xmlCtxtGetLastError(ctxt);
    char msg[256] = "not well-formed";
    if (e && e->message) {
      snprintf(msg, sizeof(msg), "%s", e->message);
      size_t n = strlen(msg);
      while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
      /* libxml2 names its own option; say what is wrong with the feed */
      const char *deep = strstr(msg, "Excessive depth in document: ");
      if (deep) {
        int limit = atoi(deep + 29);
        snprintf(msg, sizeof(msg), "elements nested more than %d deep", limit);
      }
    }
    ng_ingest_warn(c, path, "not a valid RSS or Atom feed: %s", msg);
    goto out;
  }
  xmlNodePtr root = xmlDocGetRootElement(doc);
  xmlNodePtr items = NULL;
  int atom = 0;
  if (root && is(root, "feed", NS_ATOM)) {
    atom = 1;
    items = root;
  } else if (root && is(root, "rss", NULL)) {
    for (xmlNodePtr n = root->children; n; n = n->next)
      if (is(n, "channel", NULL))
        items = n;
  } else if (root && is(root, "RDF", NULL)) {
    items = root; /* RSS 1.0: items are the root's children */
  }
  if (!items) {
    ng_ingest_warn(c, path,
                   "not a valid RSS or Atom feed: root element '%s'",
                   root ? (const char *)root->name : "(none)");
    goto out;
  }
  size_t index = 0;
  for (xmlNodePtr n = items->children; n && rc == 0; n = n->next) {
    if (!(atom ? is(n, "entry", NS_ATOM) : is(n, "item", NULL)))
      continue;
    rc = emit_item(c, path, ++index, n, atom);
  }
  if (index == 0)
    ng_ingest_warn(c, path, "feed has no items");
out:
  if (doc)
    xmlFreeDoc(doc);
  if (ctxt)
    xmlFreeParserCtxt(ctxt);
  ng_buf_release(&mapped);
  return rc;
}
