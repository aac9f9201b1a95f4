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
#include <strings.h>

#include "ingest/html_meta.h"
#include "ingest/html_text.h"
#include "ingest/ingest.h"
#include "util/utf8.h"

/* Where a metadata value came from, best first. */
enum {
  T_LD,
  T_OG,
  T_TWITTER,
  T_ITEMPROP,
  T_H1_ARTICLE,
  T_H1_MAIN,
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

/* Where an author's name came from, best first. */
enum { A_LD, A_META, A_ITEMPROP, A_REL, A_BYLINE, A_N };

#define MAX_H1 8

typedef struct found {
  char *title[T_NTITLE];
  char *date[D_NDATE];
  char *canonical, *og_url, *ld_url;
  char *body;
  char *h1[MAX_H1]; /* every <h1>'s text, in page order */
  size_t nh1;
  char *author[A_N][NG_HTML_MAX_AUTHORS];
  size_t nauthor[A_N];
  /* elements that name an author on the page, judged once main is known */
  xmlNodePtr byline[A_N][16];
  size_t nbyline[A_N];
  xmlNodePtr item; /* the microdata item with the headline or body */
  int has_item;
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
  for (size_t i = 0; i < m->n_authors; i++)
    free(m->authors[i]);
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
/* Authors                                                            */

static int ascii_lower(int c)
{
  return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Does s[0..n) start with word (lower case), followed by a non-letter? */
static int starts_word(const char *s, size_t n, const char *word)
{
  size_t m = strlen(word);
  if (n < m)
    return 0;
  for (size_t i = 0; i < m; i++)
    if (ascii_lower((unsigned char)s[i]) != word[i])
      return 0;
  return n == m ||
         !((s[m] >= 'a' && s[m] <= 'z') || (s[m] >= 'A' && s[m] <= 'Z'));
}

/*
 * Words that say a byline part is a job or a desk, not a person:
 * "Staff Reporter", "Transport Correspondent", "News Desk".
 */
static int role_word(const char *w, size_t n)
{
  static const char *const roles[] = {
      "staff",   "reporter", "reporters", "correspondent", "correspondents",
      "editor",  "editors",  "desk",      "team",          "writer",
      "writers", "bureau",   "updated",   "published",     "posted",
      "contributor", "contributors", "columnist", "photographer",
      "online",  "digital",  "admin",     "administrator", "editorial",
      /* credentials after a name: "Ana Oduya, MS, RD" */
      "ms", "rd", "rdn", "md", "phd", "mph", "mba", "cfa", "cpa", "rn",
      NULL};
  for (const char *const *r = roles; *r; r++)
    if (strlen(*r) == n && starts_word(w, n, *r))
      return 1;
  return 0;
}

/* Name particles that stay in lower case: "Ursula von der Leyen". */
static int particle(const char *w, size_t n)
{
  static const char *const parts[] = {"de", "da", "del", "der", "di", "du",
                                      "la", "le", "van", "von", "bin", "al",
                                      "ibn", "dos", "das", "ter", "den", NULL};
  for (const char *const *p = parts; *p; p++)
    if (strlen(*p) == n && !strncmp(w, *p, n))
      return 1;
  return 0;
}

/*
 * Is s[0..n) shaped like a person's (or an agency's) name?  Capitalised
 * words, particles aside, no digits or addresses; at least min_words.
 */
static int name_shaped(const char *s, size_t n, size_t min_words)
{
  size_t words = 0;
  if (n < 2 || n > 60)
    return 0;
  for (size_t i = 0; i < n; i++)
    if ((s[i] >= '0' && s[i] <= '9') || s[i] == '@' || s[i] == '/' ||
        s[i] == ':' || s[i] == '(' || s[i] == '|' ||
        (s[i] == '.' && i + 1 < n && s[i + 1] >= 'a' && s[i + 1] <= 'z'))
      return 0; /* digits, addresses, "gazette.example" */
  for (size_t i = 0; i < n;) {
    while (i < n && s[i] == ' ')
      i++;
    if (i >= n)
      break;
    size_t b = i;
    while (i < n && s[i] != ' ')
      i++;
    unsigned char c = (unsigned char)s[b];
    if (role_word(s + b, i - b))
      return 0;
    /* upper case, or a letter beyond ASCII (mostly capitals here) */
    if (!((c >= 'A' && c <= 'Z') || c >= 0xC0) && !particle(s + b, i - b))
      return 0;
    words++;
  }
  return words >= min_words && words <= 5;
}

/* Byline wording to names; see html_meta.h. */
void ng_byline_names(const char *text, int strict, char **list, size_t *n)
{
  char *s = text ? clean_line(text) : NULL;
  if (!s)
    return;
  char *p = s;
  /* "jo@example.com (Jo Bloggs)": the name in brackets */
  char *open = strchr(p, '('), *close = open ? strchr(open, ')') : NULL;
  if (open && close && memchr(p, '@', (size_t)(open - p))) {
    *close = '\0';
    p = open + 1;
  }
  static const char *const leads[] = {"written by", "words by",
                                      "reporting by", "story by", "by",
                                      "from", "author:", "authors:", NULL};
  for (const char *const *l = leads; *l; l++)
    if (starts_word(p, strlen(p), *l)) {
      p += strlen(*l);
      break;
    }
  /* Split at ",", ";", "|", " and ", " & ". */
  while (*p && *n < NG_HTML_MAX_AUTHORS) {
    while (*p == ' ' || *p == ':')
      p++;
    char *e = p;
    size_t skip = 0;
    for (; *e; e++) {
      if (*e == ',' || *e == ';' || *e == '|') {
        skip = 1;
        break;
      }
      if (*e == ' ' && starts_word(e + 1, strlen(e + 1), "and")) {
        skip = 4;
        break;
      }
      if (*e == ' ' && e[1] == '&' && e[2] == ' ') {
        skip = 2;
        break;
      }
      /* "Ann Reyl. Harbour News": a full stop after a word, not an initial */
      if (*e == '.' && e[1] == ' ' && e - p >= 3 && e[-1] >= 'a' &&
          e[-1] <= 'z' && e[-2] >= 'a' && e[-2] <= 'z') {
        skip = 1;
        break;
      }
    }
    size_t len = (size_t)(e - p);
    while (len && (p[len - 1] == ' ' || p[len - 1] == '.'))
      len--;
    if (name_shaped(p, len, strict ? 2 : 1)) {
      size_t k = 0;
      while (k < *n && !(strlen(list[k]) == len &&
                         !strncasecmp(list[k], p, len)))
        k++;
      if (k == *n)
        list[(*n)++] = strndup(p, len);
    }
    if (!*e)
      break;
    p = e + skip;
  }
  free(s);
}

static void add_author(found *f, int from, const char *text, int strict)
{
  ng_byline_names(text, strict, f->author[from], &f->nauthor[from]);
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
  /* "author": "Name", {"name": ...}, or a list of them */
  json_t *au = json_object_get(a, "author");
  size_t n = json_is_array(au) ? json_array_size(au) : 1;
  for (size_t i = 0; i < n; i++) {
    json_t *one = json_is_array(au) ? json_array_get(au, i) : au;
    if (json_is_object(one))
      one = json_object_get(one, "name");
    if (json_is_string(one))
      add_author(f, A_LD, json_string_value(one), 0);
  }
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
    /* the wrappers' ends, then blanks and ';' (a JSON array ends in ']') */
    for (int again = 1; again;) {
      again = 0;
      while (e > b && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\r' ||
                       e[-1] == '\t' || e[-1] == ';'))
        e--;
      if (e - b >= 3 &&
          (!strncmp(e - 3, "-->", 3) || !strncmp(e - 3, "]]>", 3))) {
        e -= 3;
        again = 1;
      } else if (e - b >= 2 && !strncmp(e - 2, "//", 2)) {
        e -= 2;
        again = 1;
      }
    }
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
    else if (lower_eq(s, "headline") && k == 2)
      keep(&f->title[T_ITEMPROP], v);
    else if (lower_eq(s, "author") && k == 2)
      add_author(f, A_ITEMPROP, v, 0);
    else if (lower_eq(s, "author") || lower_eq(s, "article:author") ||
             lower_eq(s, "dc.creator") || lower_eq(s, "byl") ||
             lower_eq(s, "sailthru.author") || lower_eq(s, "parsely-author"))
      add_author(f, A_META, v, 0);
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

/* An attribute's value as the HTML parser stores it, or NULL. */
static const char *attr_value(xmlAttrPtr a)
{
  xmlNodePtr t = a->children;
  if (!t || t->next || t->type != XML_TEXT_NODE)
    return NULL;
  return (const char *)t->content;
}

/* Is word one of the space-separated words of s (any case)? */
int ng_html_has_word(const char *s, const char *word)
{
  size_t m = strlen(word);
  for (const char *p = s; *p;) {
    while (*p == ' ' || *p == '\t' || *p == '\n')
      p++;
    const char *e = p;
    while (*e && *e != ' ' && *e != '\t' && *e != '\n')
      e++;
    if ((size_t)(e - p) == m && !strncasecmp(p, word, m))
      return 1;
    p = e;
  }
  return 0;
}

static int has_ci(const char *s, const char *lit)
{
  return s && find_ci(s, s + strlen(s), lit) != NULL;
}

/* The text of the first element below n with itemprop="name", or NULL. */
static char *itemprop_name(xmlNodePtr n)
{
  xmlNodePtr cur = n->children;
  while (cur) {
    if (cur->type == XML_ELEMENT_NODE) {
      xmlChar *ip = xmlGetProp(cur, (const xmlChar *)"itemprop");
      int hit = ip && ng_html_has_word((const char *)ip, "name");
      xmlFree(ip);
      if (hit) {
        xmlChar *c = xmlGetProp(cur, (const xmlChar *)"content");
        char *t = c ? clean_line((const char *)c) : text_of(cur);
        xmlFree(c);
        return t;
      }
      if (cur->children) {
        cur = cur->children;
        continue;
      }
    }
    while (cur != n && !cur->next)
      cur = cur->parent;
    if (cur == n)
      break;
    cur = cur->next;
  }
  return NULL;
}

/*
 * Where the article's own byline may stand: the <article> around the main
 * text, else the main text's parent (a byline above the body), else the
 * whole page when the main text is unknown.
 */
static xmlNodePtr byline_scope(xmlNodePtr main)
{
  if (!main)
    return NULL;
  for (xmlNodePtr p = main; p && p->type == XML_ELEMENT_NODE; p = p->parent)
    if (name_is(p, "article"))
      return p;
  xmlNodePtr p = main->parent;
  if (p && p->type == XML_ELEMENT_NODE && !name_is(p, "body") &&
      !name_is(p, "html"))
    return p;
  return main;
}

/* The microdata item an itemprop on n belongs to: the itemscope above. */
static xmlNodePtr owner(xmlNodePtr n)
{
  for (xmlNodePtr p = n->parent; p && p->type == XML_ELEMENT_NODE;
       p = p->parent)
    if (xmlHasProp(p, (const xmlChar *)"itemscope"))
      return p;
  return NULL;
}

/*
 * Is n inside scope (any n when scope is NULL), and outside a comment
 * section, whose authors are readers?
 */
static int in_scope(xmlNodePtr n, xmlNodePtr scope)
{
  int inside = scope == NULL;
  for (xmlNodePtr p = n; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
    if (p == scope)
      inside = 1;
    if (!inside) {
      xmlChar *c = xmlGetProp(p, (const xmlChar *)"class");
      int comment = c && has_ci((const char *)c, "comment");
      xmlFree(c);
      if (comment)
        return 0;
    }
  }
  return inside;
}

/* The text below n when it is short enough to be a byline, else NULL. */
static char *short_text(xmlNodePtr n, size_t max)
{
  char *t = text_of(n);
  if (t && strlen(t) > max) {
    free(t);
    return NULL;
  }
  return t;
}

static void element(found *f, xmlNodePtr n)
{
  const char *name = (const char *)n->name;
  if (!strcmp(name, "meta")) {
    meta_tag(f, n);
    return;
  }
  const char *itemprop = NULL, *rel = NULL, *cls = NULL, *id = NULL;
  for (xmlAttrPtr a = n->properties; a; a = a->next) {
    const char *an = (const char *)a->name, *v = attr_value(a);
    if (!v)
      continue;
    if (!strcmp(an, "itemprop"))
      itemprop = v;
    else if (!strcmp(an, "rel"))
      rel = v;
    else if (!strcmp(an, "class"))
      cls = v;
    else if (!strcmp(an, "id"))
      id = v;
  }
  if (!strcmp(name, "link")) {
    if (rel && lower_eq(rel, "canonical") && !f->canonical) {
      xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
      keep(&f->canonical, (const char *)href);
      xmlFree(href);
    }
    return;
  }
  if (!strcmp(name, "title") && !f->title[T_TITLE]) {
    f->title[T_TITLE] = text_of(n);
    return;
  }
  if (itemprop && ng_html_has_word(itemprop, "headline") && !f->title[T_ITEMPROP]) {
    xmlChar *v = xmlGetProp(n, (const xmlChar *)"content");
    f->title[T_ITEMPROP] = v ? clean_line((const char *)v) : text_of(n);
    xmlFree(v);
  }
  if (itemprop && !f->has_item &&
      (ng_html_has_word(itemprop, "headline") || ng_html_has_word(itemprop, "articleBody"))) {
    f->item = owner(n);
    f->has_item = 1;
  }
  int kind = -1;
  if (itemprop && ng_html_has_word(itemprop, "author"))
    kind = A_ITEMPROP;
  else if (rel && ng_html_has_word(rel, "author") && !strcmp(name, "a"))
    kind = A_REL;
  else if (has_ci(cls, "byline") || has_ci(id, "byline") ||
           (cls && ng_html_has_word(cls, "author")))
    kind = A_BYLINE;
  if (kind >= 0 && f->nbyline[kind] < 16)
    f->byline[kind][f->nbyline[kind]++] = n;
  if (!strcmp(name, "h1")) {
    char *t = text_of(n);
    if (!f->title[T_H1] && t)
      f->title[T_H1] = strdup(t);
    if (!f->title[T_H1_ARTICLE] && t && in_article(n))
      f->title[T_H1_ARTICLE] = strdup(t);
    if (t && f->nh1 < MAX_H1)
      f->h1[f->nh1++] = t;
    else
      free(t);
    return;
  }
  if (itemprop && lower_eq(itemprop, "datepublished") &&
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

static const char *const title_seps[] = {
    " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB ",
    " / ", NULL};

/*
 * Is h the text of t after one of its separators: "Wenmoor Gazette" in
 * "Pier to close | Wenmoor Gazette"?  Then h is the site's name.
 */
static int title_suffix(const char *t, const char *h)
{
  for (const char *const *s = title_seps; *s; s++)
    for (const char *p = t; (p = strstr(p, *s)) != NULL; p++)
      if (!strcmp(p + strlen(*s), h))
        return 1;
  return 0;
}

/*
 * " | Site", " - Site", " :: Site": the part before the last separator.
 * When an <h1> of the page is the part before some separator, that is
 * the headline, however short.
 */
static char *strip_site(const char *t, char *const *h1, size_t nh1)
{
  const char *cut = NULL;
  for (const char *const *s = title_seps; *s; s++) {
    const char *p = t, *q;
    while ((q = strstr(p, *s)) != NULL) {
      for (size_t i = 0; i < nh1; i++)
        if (strlen(h1[i]) == (size_t)(q - t) &&
            !strncmp(t, h1[i], (size_t)(q - t)))
          return strdup(h1[i]);
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

/* The first <h1> at or below n, or NULL. */
static xmlNodePtr first_h1(xmlNodePtr n)
{
  xmlNodePtr cur = n;
  while (cur) {
    if (cur->type == XML_ELEMENT_NODE) {
      if (name_is(cur, "h1"))
        return cur;
      if (cur->children) {
        cur = cur->children;
        continue;
      }
    }
    while (cur != n && !cur->next)
      cur = cur->parent;
    if (cur == n)
      break;
    cur = cur->next;
  }
  return NULL;
}

/*
 * The headline of the main text: an <h1> inside the container the text
 * came from, or beside it in the same parent (a headline above the body
 * div).  Not one that is the site's name in <title>, and not one word.
 */
static char *main_h1(xmlNodePtr main, const char *title)
{
  xmlNodePtr h = main ? first_h1(main) : NULL;
  if (!h && main && main->parent && main->parent->type == XML_ELEMENT_NODE &&
      !name_is(main->parent, "body") && !name_is(main->parent, "html"))
    h = first_h1(main->parent);
  char *t = h ? text_of(h) : NULL;
  if (t && (!strchr(t, ' ') || (title && title_suffix(title, t)))) {
    free(t);
    t = NULL;
  }
  return t;
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
                       size_t len, xmlNodePtr main)
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

  f.title[T_H1_MAIN] = main_h1(main, f.title[T_TITLE]);
  for (int i = 0; i < T_NTITLE && !m->title; i++) {
    if (!f.title[i])
      continue;
    m->title = i == T_TITLE ? strip_site(f.title[i], f.h1, f.nh1)
                            : strdup(f.title[i]);
  }
  xmlNodePtr scope = byline_scope(main);
  for (int a = A_ITEMPROP; a < A_N; a++)
    for (size_t i = 0; i < f.nbyline[a]; i++) {
      xmlNodePtr n = f.byline[a][i];
      /*
       * A microdata author belongs to the article's item; a byline's class
       * is specific enough to trust anywhere.
       */
      if (a == A_ITEMPROP && f.has_item ? owner(n) != f.item
                                        : !in_scope(n, a == A_BYLINE ? NULL
                                                                     : scope))
        continue;
      xmlChar *v = a == A_ITEMPROP ? xmlGetProp(n, (const xmlChar *)"content")
                                   : NULL;
      char *t = v ? clean_line((const char *)v)
                  : a == A_ITEMPROP ? itemprop_name(n) : NULL;
      if (!t)
        t = short_text(n, a == A_REL ? 80 : 120);
      add_author(&f, a, t, a == A_BYLINE);
      free(t);
      xmlFree(v);
    }
  /*
   * The names the page states in markup, best source first; the byline's
   * wording only when there are none.
   */
  for (int a = 0; a < A_N; a++)
    for (size_t i = 0; i < f.nauthor[a]; i++) {
      char *name = f.author[a][i];
      size_t k = 0;
      while (k < m->n_authors && strcasecmp(m->authors[k], name))
        k++;
      if (k == m->n_authors && m->n_authors < NG_HTML_MAX_AUTHORS &&
          (a != A_BYLINE || !m->n_authors)) {
        m->authors[m->n_authors++] = name;
        continue;
      }
      free(name);
    }
  for (size_t i = 0; i < f.nh1; i++)
    free(f.h1[i]);
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
