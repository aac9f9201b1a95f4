/*
 * A page's metadata.  Publishers state headline and date in several
 * places, in a rough order of care: JSON-LD for search engines, OpenGraph
 * for social networks, microdata, then plain tags.  We take the first
 * found in that order.
 */
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/html_meta.h"
#include "ingest/html_text.h"
#include "ingest/ingest.h"
#include "util/utf8.h"

/* Where a metadata value came from, best first. */
enum {
  T_LD,
  T_OG,
  T_TWITTER,
  T_H1_ARTICLE,
  T_TITLE,
  T_H1,
  T_NTITLE
};
enum {
  D_LD,
  D_ARTICLE,
  D_ITEMPROP,
  D_TIME_ARTICLE,
  D_META,
  D_TIME,
  D_NDATE
};

typedef struct found {
  char *title[T_NTITLE];
  char *date[D_NDATE];
  char *canonical, *og_url, *ld_url;
  char *body;
} found;

void ng_html_meta_init(ng_html_meta *m)
{
  memset(m, 0, sizeof(*m));
}

void ng_html_meta_release(ng_html_meta *m)
{
  free(m->title);
  free(m->url);
  free(m->body);
  ng_html_meta_init(m);
}

void ng_html_unescape(char *s)
{
  char *w = s;
  for (const char *r = s; *r;) {
    if (*r != '&') {
      *w++ = *r++;
      continue;
    }
    const char *semi = strchr(r, ';');
    uint32_t cp = 0;
    if (semi && semi - r > 1 && semi - r < 12) {
      char name[16];
      memcpy(name, r + 1, (size_t)(semi - r - 1));
      name[semi - r - 1] = '\0';
      if (name[0] == '#')
        cp = (uint32_t)((name[1] == 'x' || name[1] == 'X')
                            ? strtoul(name + 2, NULL, 16)
                            : strtoul(name + 1, NULL, 10));
      else if (!strcmp(name, "apos"))
        cp = '\'';
      else {
        const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
        if (e)
          cp = e->value;
      }
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      *w++ = *r++;
      continue;
    }
    /* The encoding is never longer than the reference it replaces. */
    w += ng_utf8_encode(cp == 0xA0 ? ' ' : cp, w);
    r = semi + 1;
  }
  *w = '\0';
}

/* s as one clean line: references decoded, white space collapsed. */
static char *clean_line(const char *s)
{
  if (!s)
    return NULL;
  char *tmp = strdup(s);
  ng_buf b = NG_BUF_INIT;
  if (!tmp)
    return NULL;
  ng_html_unescape(tmp);
  ng_html_collapse(tmp, strlen(tmp), &b);
  free(tmp);
  for (size_t i = 0; i < b.len; i++)
    if (b.ptr[i] == '\n')
      b.ptr[i] = ' ';
  if (!b.len) {
    ng_buf_release(&b);
    return NULL;
  }
  return ng_buf_detach(&b, NULL);
}

static void keep(char **slot, const char *v)
{
  if (*slot || !v)
    return;
  *slot = clean_line(v);
}

/* ------------------------------------------------------------------ */
/* JSON-LD                                                            */

static int is_article_type(const char *t)
{
  size_t n = strlen(t);
  return (n >= 7 && !strcmp(t + n - 7, "Article")) ||
         !strcmp(t, "BlogPosting") || !strcmp(t, "LiveBlogPosting") ||
         !strcmp(t, "Report") || !strcmp(t, "SocialMediaPosting");
}

static int typed_article(json_t *o)
{
  json_t *t = json_object_get(o, "@type");
  if (json_is_string(t))
    return is_article_type(json_string_value(t));
  if (json_is_array(t)) {
    size_t i;
    json_t *v;
    json_array_foreach(t, i, v) if (json_is_string(v) &&
                                    is_article_type(json_string_value(v)))
        return 1;
  }
  return 0;
}

static const char *str_of(json_t *o, const char *key)
{
  json_t *v = json_object_get(o, key);
  if (json_is_array(v))
    v = json_array_get(v, 0);
  if (json_is_object(v))
    v = json_object_get(v, "@id");
  return json_is_string(v) ? json_string_value(v) : NULL;
}

/*
 * Look through a JSON-LD value for the article: an object, an array of
 * them, or {"@graph": [...]}, possibly nested (mainEntity).  The first
 * object typed as an article wins; an untyped one with a headline serves
 * when no article is found (*fallback).
 */
static void ld_visit(json_t *v, int depth, json_t **article, json_t **fallback)
{
  if (depth > 6 || *article)
    return;
  if (json_is_array(v)) {
    size_t i;
    json_t *e;
    json_array_foreach(v, i, e) ld_visit(e, depth + 1, article, fallback);
    return;
  }
  if (!json_is_object(v))
    return;
  if (typed_article(v)) {
    *article = v;
    return;
  }
  if (!*fallback && json_is_string(json_object_get(v, "headline")))
    *fallback = v;
  const char *k;
  json_t *e;
  json_object_foreach(v, k, e) if (json_is_object(e) || json_is_array(e))
      ld_visit(e, depth + 1, article, fallback);
}

static void ld_take(found *f, json_t *a)
{
  keep(&f->title[T_LD], str_of(a, "headline"));
  keep(&f->date[D_LD], str_of(a, "datePublished"));
  keep(&f->date[D_LD], str_of(a, "dateCreated"));
  const char *u = str_of(a, "url");
  if (u && !strncmp(u, "http", 4))
    keep(&f->ld_url, u);
  const char *b = str_of(a, "articleBody");
  if (b && !f->body)
    f->body = strdup(b);
}

static const char *find_ci(const char *s, const char *end, const char *lit)
{
  size_t m = strlen(lit);
  for (; s + m <= end; s++) {
    /* lit starts with a byte that has no case: jump to it */
    if (lit[0] == '<') {
      s = memchr(s, '<', (size_t)(end - s) - m + 1);
      if (!s)
        return NULL;
    }
    size_t i = 0;
    for (; i < m; i++) {
      char ch = s[i];
      if (ch >= 'A' && ch <= 'Z')
        ch = (char)(ch - 'A' + 'a');
      if (ch != lit[i])
        break;
    }
    if (i == m)
      return s;
  }
  return NULL;
}

/* Every <script type="application/ld+json"> block, from the raw bytes. */
static void read_jsonld(found *f, const char *bytes, size_t len)
{
  const char *end = bytes + len, *p = bytes;
  json_t *fallback_doc = NULL, *fallback = NULL;
  while ((p = find_ci(p, end, "<script")) != NULL) {
    const char *gt = memchr(p, '>', (size_t)(end - p));
    if (!gt)
      break;
    int ld = find_ci(p, gt, "ld+json") != NULL;
    const char *body = gt + 1;
    const char *close = find_ci(body, end, "</script");
    if (!close)
      break;
    p = close + 8;
    if (!ld)
      continue;
    /* Trim white space, HTML comment or CDATA wrappers, trailing ';'. */
    const char *b = body, *e = close;
    while (b < e && (*b == ' ' || *b == '\n' || *b == '\r' || *b == '\t'))
      b++;
    if (e - b > 4 && !strncmp(b, "<!--", 4))
      b += 4;
    if (e - b > 9 && !strncmp(b, "<![CDATA[", 9))
      b += 9;
    while (e > b && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\r' ||
                     e[-1] == '\t' || e[-1] == ';' || e[-1] == '>' ||
                     e[-1] == '-' || e[-1] == ']'))
      e--;
    if (e > b && e[-1] != '}' && e[-1] != ']')
      e++;
    json_t *j = json_loadb(b, (size_t)(e - b), 0, NULL);
    if (!j)
      continue;
    json_t *article = NULL, *fb = NULL;
    ld_visit(j, 0, &article, &fb);
    if (article) {
      ld_take(f, article);
      json_decref(j);
      if (f->title[T_LD] && f->date[D_LD])
        break;
      continue;
    }
    if (fb && !fallback) {
      fallback = fb;
      fallback_doc = j;
      continue;
    }
    json_decref(j);
  }
  if (fallback) {
    ld_take(f, fallback);
    json_decref(fallback_doc);
  } else if (fallback_doc) {
    json_decref(fallback_doc);
  }
}

/* ------------------------------------------------------------------ */
/* Tags                                                               */

static int name_is(xmlNodePtr n, const char *name)
{
  return n->type == XML_ELEMENT_NODE && n->name &&
         !strcmp((const char *)n->name, name);
}

static int lower_eq(const char *a, const char *b)
{
  for (; *a && *b; a++, b++) {
    char ch = *a;
    if (ch >= 'A' && ch <= 'Z')
      ch = (char)(ch - 'A' + 'a');
    if (ch != *b)
      return 0;
  }
  return *a == *b;
}

static int in_article(xmlNodePtr n)
{
  for (xmlNodePtr p = n->parent; p && p->type == XML_ELEMENT_NODE;
       p = p->parent)
    if (name_is(p, "article") || name_is(p, "header") || name_is(p, "main"))
      return 1;
  return 0;
}

static char *text_of(xmlNodePtr n)
{
  ng_buf b = NG_BUF_INIT;
  ng_html_text(n, &b, NULL, NULL);
  char *s = clean_line(b.ptr);
  ng_buf_release(&b);
  return s;
}

static void meta_tag(found *f, xmlNodePtr n)
{
  xmlChar *content = xmlGetProp(n, (const xmlChar *)"content");
  if (!content)
    return;
  const char *keys[] = {"property", "name", "itemprop"};
  for (int k = 0; k < 3; k++) {
    xmlChar *key = xmlGetProp(n, (const xmlChar *)keys[k]);
    if (!key)
      continue;
    const char *s = (const char *)key, *v = (const char *)content;
    if (lower_eq(s, "og:title"))
      keep(&f->title[T_OG], v);
    else if (lower_eq(s, "twitter:title"))
      keep(&f->title[T_TWITTER], v);
    else if (lower_eq(s, "og:url"))
      keep(&f->og_url, v);
    else if (lower_eq(s, "article:published_time") ||
             lower_eq(s, "og:published_time") ||
             lower_eq(s, "article:published"))
      keep(&f->date[D_ARTICLE], v);
    else if (lower_eq(s, "datepublished"))
      keep(&f->date[D_ITEMPROP], v);
    else if (lower_eq(s, "date") || lower_eq(s, "pubdate") ||
             lower_eq(s, "publishdate") || lower_eq(s, "publish-date") ||
             lower_eq(s, "publish_date") || lower_eq(s, "dc.date") ||
             lower_eq(s, "dc.date.issued") || lower_eq(s, "dcterms.date") ||
             lower_eq(s, "dcterms.created") || lower_eq(s, "dc.created") ||
             lower_eq(s, "sailthru.date") || lower_eq(s, "parsely-pub-date") ||
             lower_eq(s, "article.published") ||
             lower_eq(s, "displaydate") || lower_eq(s, "original-publish-date"))
      keep(&f->date[D_META], v);
    xmlFree(key);
  }
  xmlFree(content);
}

static void element(found *f, xmlNodePtr n)
{
  const char *name = (const char *)n->name;
  if (!strcmp(name, "meta")) {
    meta_tag(f, n);
    return;
  }
  if (!strcmp(name, "link")) {
    xmlChar *rel = xmlGetProp(n, (const xmlChar *)"rel");
    if (rel && lower_eq((const char *)rel, "canonical") && !f->canonical) {
      xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
      keep(&f->canonical, (const char *)href);
      xmlFree(href);
    }
    xmlFree(rel);
    return;
  }
  if (!strcmp(name, "title") && !f->title[T_TITLE]) {
    f->title[T_TITLE] = text_of(n);
    return;
  }
  if (!strcmp(name, "h1")) {
    if (!f->title[T_H1])
      f->title[T_H1] = text_of(n);
    if (!f->title[T_H1_ARTICLE] && in_article(n))
      f->title[T_H1_ARTICLE] = text_of(n);
    return;
  }
  xmlChar *ip = xmlGetProp(n, (const xmlChar *)"itemprop");
  if (ip && lower_eq((const char *)ip, "datepublished") &&
      !f->date[D_ITEMPROP]) {
    xmlChar *v = xmlGetProp(n, (const xmlChar *)"content");
    if (!v)
      v = xmlGetProp(n, (const xmlChar *)"datetime");
    if (v)
      keep(&f->date[D_ITEMPROP], (const char *)v);
    else
      f->date[D_ITEMPROP] = text_of(n);
    xmlFree(v);
  }
  xmlFree(ip);
  if (!strcmp(name, "time")) {
    xmlChar *dt = xmlGetProp(n, (const xmlChar *)"datetime");
    if (dt) {
      if (in_article(n))
        keep(&f->date[D_TIME_ARTICLE], (const char *)dt);
      keep(&f->date[D_TIME], (const char *)dt);
      xmlFree(dt);
    }
  }
}

/* " | Site", " - Site", " :: Site": the part before the last separator. */
static char *strip_site(const char *t)
{
  static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ",
                                     " \xE2\x80\x94 ", " :: ", " \xC2\xBB ",
                                     " / ", NULL};
  const char *cut = NULL;
  for (const char *const *s = seps; *s; s++) {
    const char *p = t, *q;
    while ((q = strstr(p, *s)) != NULL) {
      if (!cut || q > cut)
        cut = q;
      p = q + 1;
    }
  }
  if (!cut)
    return strdup(t);
  /* Keep titles whose first part would be too short to be a headline. */
  size_t words = 1;
  for (const char *p = t; p < cut; p++)
    if (*p == ' ')
      words++;
  if (words < 4)
    return strdup(t);
  return strndup(t, (size_t)(cut - t));
}

static int url_date(const char *u, char *iso)
{
  if (!u)
    return -1;
  for (const char *p = u; *p; p++) {
    int y, m, d;
    char tail;
    if (*p != '/')
      continue;
    if (sscanf(p, "/%4d/%2d/%2d%c", &y, &m, &d, &tail) == 4 && tail == '/' &&
        y > 1990 && y < 2100) {
      ng_ymd t = {y, m, d};
      if (ng_ymd_valid(t)) {
        ng_ymd_format(t, iso);
        return 0;
      }
    }
  }
  return -1;
}

void ng_html_meta_read(ng_html_meta *m, xmlDocPtr doc, const char *bytes,
                       size_t len)
{
  found f;
  memset(&f, 0, sizeof(f));
  read_jsonld(&f, bytes, len);
  xmlNodePtr root = xmlDocGetRootElement(doc), cur = root;
  while (cur) {
    if (cur->type == XML_ELEMENT_NODE) {
      element(&f, cur);
      if (cur->children && !name_is(cur, "script") && !name_is(cur, "style")) {
        cur = cur->children;
        continue;
      }
    }
    while (cur != root && !cur->next)
      cur = cur->parent;
    if (cur == root)
      break;
    cur = cur->next;
  }

  for (int i = 0; i < T_NTITLE && !m->title; i++) {
    if (!f.title[i])
      continue;
    m->title = i == T_TITLE ? strip_site(f.title[i]) : strdup(f.title[i]);
  }
  const char *u = f.canonical ? f.canonical : f.og_url ? f.og_url : f.ld_url;
  if (u)
    m->url = strdup(u);
  for (int i = 0; i < D_NDATE && !m->published[0]; i++) {
    ng_ymd t;
    if (f.date[i] && ng_pubdate_parse(f.date[i], strlen(f.date[i]), &t) == 0 &&
        ng_ymd_valid(t))
      ng_ymd_format(t, m->published);
  }
  if (!m->published[0] && url_date(u, m->published) < 0)
    url_date(f.og_url, m->published);
  m->body = f.body;
  for (int i = 0; i < T_NTITLE; i++)
    free(f.title[i]);
  for (int i = 0; i < D_NDATE; i++)
    free(f.date[i]);
  free(f.canonical);
  free(f.og_url);
  free(f.ld_url);
}
