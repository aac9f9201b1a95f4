/*
 * Saved web pages: one page, one document.  The page's main text is found
 * the way Readability finds it (paragraphs score their ancestors; class
 * names, link density and tag kinds weigh in; the best container and its
 * good siblings are kept and then cleaned), and its title, address and
 * date come from the page's own metadata (html_meta.c).
 *
 * Every element gets an hnode (through node->_private) holding the counts
 * of the text below it, computed bottom-up in one walk, so that no step
 * looks at a subtree twice.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/html_meta.h"
#include "ingest/html_text.h"
#include "ingest/ingest.h"
#include "util/utf8.h"

enum {
  F_DROP = 1 << 0,     /* left out of the text, and its subtree */
  F_DEAD = 1 << 1,     /* F_DROP here or above */
  F_CAND = 1 << 2,     /* a paragraph scored it */
  F_CHOSEN = 1 << 3,   /* the top candidate or a sibling kept with it */
  F_NEGCLASS = 1 << 4, /* class or id says page furniture */
  F_POSCLASS = 1 << 5, /* class or id says article */
  F_BODYPROP = 1 << 6  /* itemprop="articleBody": the page says so */
};

typedef struct hnode {
  xmlNodePtr node;
  struct hnode *parent; /* the element above, NULL at the top */
  size_t end;           /* index after the last node of this subtree */
  unsigned tag;         /* NG_TAG_* bits */
  unsigned flags;
  int weight;    /* class and id: -50..50 */
  size_t text;   /* characters of text below, white space runs as one */
  size_t link;   /* of which inside <a> */
  size_t commas; /* commas below */
  size_t inl;    /* text not inside a block child: bare text of a div */
  unsigned np, nimg, nli, ninput, nemb;
  double score;
} hnode;


static const char *const unlikely[] = {
    "-ad-", "ad-break", "agegate", "banner", "breadcrumb", "combx", "comment",
    "community", "cookie", "cover-wrap", "disqus", "extra", "footer", "gdpr",
    "header", "legends", "menu", "modal", "newsletter", "pager", "pagination",
    "popup", "promo", "related", "remark", "replies", "rss", "share",
    "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "subscribe",
    "supplemental", "widget", "yom-remote", NULL};
static const char *const maybe[] = {"and", "article", "body", "column",
                                    "content", "main", "shadow", NULL};
static const char *const negative[] = {
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot",
    "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related",
    "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
    "shopping", "tags", "tool", "widget", "taboola", "newsletter",
    "subscribe", "cookie", "social", "byline", "caption", NULL};
static const char *const positive[] = {
    "article", "body", "content", "entry", "hentry", "h-entry", "main",
    "page", "post", "text", "blog", "story", NULL};

/*
 * The four lists as one index by first letter, so that a class name is
 * read once for all of them.  Built per page: a handful of microseconds.
 */
enum { H_UNLIKELY = 1, H_MAYBE = 2, H_NEG = 4, H_POS = 8 };

typedef struct hint {
  const char *word;
  size_t len;
  unsigned list;
} hint;

typedef struct hint_index {
  hint e[128]; /* the four lists hold 88 words */
  unsigned short start[257]; /* e[start[c]..start[c+1]) begin with c */
} hint_index;

static void hint_index_init(hint_index *ix)
{
  static const struct {
    const char *const *words;
    unsigned list;
  } lists[] = {{unlikely, H_UNLIKELY},
               {maybe, H_MAYBE},
               {negative, H_NEG},
               {positive, H_POS}};
  unsigned count[256] = {0};
  size_t n = 0;
  for (size_t l = 0; l < 4; l++)
    for (const char *const *w = lists[l].words; *w; w++)
      count[(unsigned char)**w]++;
  ix->start[0] = 0;
  for (int c = 0; c < 256; c++)
    ix->start[c + 1] = (unsigned short)(ix->start[c] + count[c]);
  unsigned short fill[256];
  memcpy(fill, ix->start, sizeof(fill));
  for (size_t l = 0; l < 4; l++)
    for (const char *const *w = lists[l].words; *w; w++, n++) {
      hint *h = &ix->e[fill[(unsigned char)**w]++];
      h->word = *w;
      h->len = strlen(*w);
      h->list = lists[l].list;
    }
}

static int lower(int c)
{
  return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* The H_* lists with a word inside s, any case. */
static unsigned hints(const hint_index *ix, const char *s)
{
  unsigned found = 0;
  if (!s)
    return 0;
  for (; *s; s++) {
    unsigned c = (unsigned)lower((unsigned char)*s);
    for (unsigned k = ix->start[c]; k < ix->start[c + 1]; k++) {
      const hint *h = &ix->e[k];
      size_t i = 1;
      while (i < h->len && lower((unsigned char)s[i]) == h->word[i])
        i++;
      if (i == h->len)
        found |= h->list;
    }
  }
  return found;
}

static int class_weight(unsigned lists)
{
  return (lists & H_NEG ? -25 : 0) + (lists & H_POS ? 25 : 0);
}

static char *attr(xmlNodePtr n, const char *name)
{
  return (char *)xmlGetProp(n, (const xmlChar *)name);
}

/* The value of an attribute as libxml2's HTML parser stores it, or NULL. */
static const char *attr_value(xmlAttrPtr a)
{
  xmlNodePtr t = a->children;
  if (!t || t->next || t->type != XML_TEXT_NODE)
    return NULL;
  return (const char *)t->content;
}

static int hidden_style(const char *st)
{
  /* "display: none" and "visibility:hidden", any spacing */
  char tmp[256];
  size_t k = 0;
  for (const char *p = st; *p && k + 1 < sizeof(tmp); p++)
    if (*p != ' ')
      tmp[k++] = (char)((*p >= 'A' && *p <= 'Z') ? *p - 'A' + 'a' : *p);
  tmp[k] = '\0';
  return strstr(tmp, "display:none") || strstr(tmp, "visibility:hidden");
}

static int role_junk(const char *r)
{
  static const char *const roles[] = {
      "navigation", "complementary", "banner", "contentinfo", "dialog",
      "alertdialog", "menu", "menubar", "search", NULL};
  for (const char *const *p = roles; *p; p++)
    if (!strcmp(r, *p))
      return 1;
  return 0;
}

/* Characters of s as the reader sees them: a white-space run is one. */
static void count_text(const char *s, size_t *chars, size_t *commas)
{
  int sp = 1;
  for (; *s; s++) {
    unsigned char ch = (unsigned char)*s;
    if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
      if (!sp)
        (*chars)++;
      sp = 1;
      continue;
    }
    sp = 0;
    if ((ch & 0xC0) != 0x80)
      (*chars)++;
    if (ch == ',')
      (*commas)++;
  }
}

typedef struct page {
  NG_VEC(hnode) n; /* pre-order */
  int strip_unlikely;
  hint_index hints;
  hnode *article; /* the page's only <article>, or NULL */
} page;

/* Is h at or below a? */
static int within(const page *pg, const hnode *h, const hnode *a)
{
  return a && h >= a && h < pg->n.v + a->end;
}

/* First sight of an element: what it is and whether it is furniture. */
static void enter(page *pg, hnode *h, int top)
{
  xmlNodePtr n = h->node;
  h->tag = ng_html_tag(n->name);
  if (h->tag & NG_TAG_JUNK) {
    h->flags |= F_DROP;
    return;
  }
  /* One pass over the attributes, without copies. */
  const char *cls = NULL, *id = NULL;
  int hidden = 0;
  for (xmlAttrPtr a = n->properties; a; a = a->next) {
    const char *name = (const char *)a->name, *v = attr_value(a);
    if (!strcmp(name, "hidden"))
      hidden = 1;
    if (!v)
      continue;
    if (!strcmp(name, "class"))
      cls = v;
    else if (!strcmp(name, "id"))
      id = v;
    else if (!strcmp(name, "style"))
      hidden |= hidden_style(v);
    else if (!strcmp(name, "role"))
      hidden |= role_junk(v);
    else if (!strcmp(name, "itemprop") && ng_html_has_word(v, "articleBody"))
      h->flags |= F_BODYPROP;
  }
  unsigned hc = hints(&pg->hints, cls), hi = hints(&pg->hints, id),
           both = hc | hi;
  h->weight = class_weight(hc) + class_weight(hi);
  if (h->weight < 0)
    h->flags |= F_NEGCLASS;
  if (h->weight > 0)
    h->flags |= F_POSCLASS;
  if (hidden)
    h->flags |= F_DROP;
  else if (pg->strip_unlikely && !top && !(h->tag & NG_TAG_LINK) &&
           strcmp((const char *)n->name, "body") &&
           strcmp((const char *)n->name, "article") &&
           strcmp((const char *)n->name, "main") && (both & H_UNLIKELY) &&
           !(both & H_MAYBE))
    h->flags |= F_DROP;
}

/* Last sight: the subtree is counted; pass the counts up. */
static void leave(hnode *h)
{
  const char *name = (const char *)h->node->name;
  if (!(h->flags & F_DROP)) {
    /* A form around a whole page (ASP.NET) is not furniture. */
    if (!strcmp(name, "form") && h->text < 1000)
      h->flags |= F_DROP;
    else if (!strcmp(name, "header") &&
             (h->text < 300 || h->link * 3 > h->text))
      h->flags |= F_DROP;
    else if ((!strcmp(name, "figure") || !strcmp(name, "figcaption")) &&
             h->text < 500)
      h->flags |= F_DROP;
  }
  if (h->flags & F_DROP) {
    /* still counts media and inputs it holds for the parent's judgement */
    if (h->parent) {
      h->parent->nimg += (h->tag & NG_TAG_MEDIA) ? 1 : 0;
      h->parent->ninput += (h->tag & NG_TAG_INPUT) ? 1 : 0;
      if (!strcmp(name, "iframe") || !strcmp(name, "embed") ||
          !strcmp(name, "object"))
        h->parent->nemb++;
    }
    return;
  }
  if (h->tag & NG_TAG_LINK)
    h->link = h->text;
  if (!strcmp(name, "p"))
    h->np++;
  if (!strcmp(name, "li"))
    h->nli++;
  if (h->tag & NG_TAG_MEDIA)
    h->nimg++;
  hnode *p = h->parent;
  if (!p)
    return;
  p->text += h->text;
  p->link += h->link;
  p->commas += h->commas;
  if (!(h->tag & NG_TAG_BLOCK))
    p->inl += h->text;
  p->np += h->np;
  p->nimg += h->nimg;
  p->nli += h->nli;
  p->ninput += h->ninput;
  p->nemb += h->nemb;
}

/*
 * One walk over the tree below root: every element gets an hnode in
 * pre-order, dropped subtrees are not entered, counts flow upwards.
 */
static void measure(page *pg, xmlNodePtr root)
{
  pg->n.n = 0;
  xmlNodePtr cur = root;
  hnode *parent = NULL;
  while (cur) {
    int descend = 0;
    if (cur->type == XML_ELEMENT_NODE) {
      hnode *h = NG_VEC_PUSH(pg->n);
      h->node = cur;
      h->parent = parent;
      cur->_private = h;
      enter(pg, h, cur == root);
      if (!(h->flags & F_DROP) && cur->children) {
        descend = 1;
        parent = h;
      } else {
        h->end = pg->n.n;
        leave(h);
      }
    } else if (cur->type == XML_TEXT_NODE && parent && cur->content) {
      size_t chars = 0, commas = 0;
      count_text((const char *)cur->content, &chars, &commas);
      parent->text += chars;
      parent->inl += chars;
      parent->commas += commas;
    }
    if (descend) {
      cur = cur->children;
      continue;
    }
    while (cur != root && !cur->next) {
      cur = cur->parent;
      if (cur->type == XML_ELEMENT_NODE && cur->_private == parent && parent) {
        parent->end = pg->n.n;
        hnode *up = parent->parent;
        leave(parent);
        parent = up;
      }
    }
    if (cur == root)
      break;
    cur = cur->next;
  }
}

static int tag_is(const hnode *h, const char *name)
{
  return !strcmp((const char *)h->node->name, name);
}

static double base_score(const hnode *h)
{
  if (tag_is(h, "div"))
    return 5;
  if (tag_is(h, "pre") || tag_is(h, "td") || tag_is(h, "blockquote"))
    return 3;
  if (tag_is(h, "address") || (h->tag & NG_TAG_LIST) || tag_is(h, "dd") ||
      tag_is(h, "dt") || tag_is(h, "li") || tag_is(h, "form"))
    return -3;
  if ((h->tag & NG_TAG_HEAD) || tag_is(h, "th"))
    return -5;
  return 0;
}

static double link_density(const hnode *h)
{
  return h->text ? (double)h->link / (double)h->text : 0;
}

/* Paragraphs give points to their ancestors; returns the best container. */
static hnode *score(page *pg)
{
  for (size_t i = 0; i < pg->n.n; i++) {
    hnode *h = &pg->n.v[i];
    if ((h->flags & F_DROP) || (h->parent && (h->parent->flags & F_DEAD)))
      h->flags |= F_DEAD;
  }
  for (size_t i = 0; i < pg->n.n; i++) {
    hnode *h = &pg->n.v[i];
    if (h->flags & F_DEAD)
      continue;
    size_t len;
    if (h->tag & NG_TAG_PARA)
      len = h->text;
    else if (h->tag & NG_TAG_DIVLIKE)
      len = h->inl;
    else
      continue;
    if (len < 25)
      continue;
    double s = 1 + (double)(h->tag & NG_TAG_PARA ? h->commas : 0) +
               (len / 100 < 3 ? (double)(len / 100) : 3);
    /*
     * A div of bare text with no blocks inside is a paragraph and scores
     * its parent; bare text beside blocks is a paragraph inside the div.
     */
    hnode *a = (h->tag & NG_TAG_PARA) || h->inl == h->text ? h->parent : h;
    for (int level = 0; a && level < 5; level++, a = a->parent) {
      if (!(a->flags & F_CAND)) {
        a->flags |= F_CAND;
        a->score = base_score(a) + a->weight;
      }
      a->score += s / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
    }
  }
  /*
   * One <article> on the page is the page saying where its story is: what
   * is in it counts three times.  (Many <article>s are a list of teasers.)
   */
  hnode *art = NULL;
  size_t narticle = 0;
  for (size_t i = 0; i < pg->n.n; i++) {
    hnode *h = &pg->n.v[i];
    if (!(h->flags & F_DEAD) && tag_is(h, "article") && h->text >= 250) {
      art = h;
      narticle++;
    }
  }
  if (narticle != 1)
    art = NULL;
  pg->article = art;
  hnode *top = NULL;
  for (size_t i = 0; i < pg->n.n; i++) {
    hnode *h = &pg->n.v[i];
    if (!(h->flags & F_CAND) || (h->flags & F_DEAD))
      continue;
    h->score *= 1 - link_density(h);
    if (within(pg, h, art))
      h->score *= 3;
    if (!top || h->score > top->score)
      top = h;
  }
  return top;
}

static hnode *body_of(page *pg)
{
  for (size_t i = 0; i < pg->n.n; i++)
    if (tag_is(&pg->n.v[i], "body"))
      return &pg->n.v[i];
  return pg->n.n ? &pg->n.v[0] : NULL;
}

/* Readability: a parent that scores nearly as well holds more article. */
static hnode *climb(const page *pg, hnode *top, hnode *body)
{
  double last = top->score;
  /* not out of the page's <article> */
  hnode *stop = within(pg, top, pg->article) ? pg->article->parent : body;
  if (!stop)
    stop = body;
  for (hnode *p = top->parent; p && p != body && p != stop; p = p->parent) {
    if (!(p->flags & F_CAND))
      continue;
    if (p->score < last / 3)
      break;
    if (p->score > last) {
      top = p;
      break;
    }
    last = p->score;
  }
  while (top->parent && top->parent != body && top->parent != stop) {
    /* the only element child with text: its parent is the same block */
    hnode *p = top->parent;
    if (p->text > top->text)
      break;
    top = p;
  }
  return top;
}

static int skip_dropped(xmlNodePtr n, void *data)
{
  (void)data;
  hnode *h = n->_private;
  return h && (h->flags & F_DROP);
}

static int ends_sentence(xmlNodePtr n)
{
  ng_buf t = NG_BUF_INIT;
  ng_html_text(n, &t, skip_dropped, NULL);
  int ok = t.len && t.ptr[t.len - 1] == '.';
  ng_buf_release(&t);
  return ok;
}

/*
 * A short block that is page furniture by its wording: datelines, bylines,
 * "Advertisement", "Read more:" teasers, photo credits.
 */
static int furniture_line(xmlNodePtr n, size_t chars)
{
  static const char *const lead[] = {
      "published", "updated", "posted", "last updated", "last modified",
      "advertisement", "read more", "see more", "don't miss",
      "don\xE2\x80\x99t miss", "related:", "image:", "photo:", "credit:",
      "(image", "click here", "sign up", "follow us", "share this",
      "recommended", "most read", "more:", "also read", "watch:", NULL};
  int hit = 0;
  if (chars >= 120)
    return 0;
  ng_buf t = NG_BUF_INIT;
  ng_html_text(n, &t, skip_dropped, NULL);
  for (const char *const *p = lead; *p && !hit; p++) {
    size_t m = strlen(*p);
    hit = t.len >= m && !strncasecmp(t.ptr, *p, m);
  }
  if (!hit && chars < 60 && !strncmp(t.ptr, "By ", 3) &&
      t.ptr[t.len - 1] != '.')
    hit = 1;
  ng_buf_release(&t);
  return hit;
}

/* Readability's conditional cleaning, for the subtree of one chosen node. */
static void clean(page *pg, hnode *root)
{
  size_t i0 = (size_t)(root - pg->n.v);
  for (size_t i = i0 + 1; i < root->end;) {
    hnode *h = &pg->n.v[i];
    if (h->flags & F_DEAD) {
      i = h->end > i ? h->end : i + 1;
      continue;
    }
    int drop = 0;
    double ld = link_density(h);
    if ((h->tag & NG_TAG_BLOCK) && h->text < 120 &&
        furniture_line(h->node, h->text)) {
      drop = 1;
    } else if (h->weight < 0 && h->text < 200 && !(h->flags & F_POSCLASS)) {
      /* a short caption, byline, tag list or share line */
      drop = 1;
    } else if (h->tag & NG_TAG_HEAD) {
      drop = tag_is(h, "h1") || h->weight < 0 || ld > 0.33;
    } else if (tag_is(h, "div") || tag_is(h, "section") || tag_is(h, "table") ||
               (h->tag & NG_TAG_LIST) || tag_is(h, "form") ||
               tag_is(h, "fieldset") || tag_is(h, "aside")) {
      int is_list = (h->tag & NG_TAG_LIST) != 0;
      double sc = (h->flags & F_CAND) ? h->score : 0;
      if (h->weight + sc < 0)
        drop = 1;
      else if (h->commas < 10) {
        double p = h->np, img = h->nimg;
        double li = (double)h->nli - 100;
        if (img > 1 && p / img < 0.5)
          drop = 1;
        else if (!is_list && li > p)
          drop = 1;
        else if (h->ninput > p / 3)
          drop = 1;
        else if (!is_list && h->text < 25 && (img == 0 || img > 2))
          drop = 1;
        else if (!is_list && h->weight < 25 && ld > 0.2)
          drop = 1;
        else if (h->weight >= 25 && ld > 0.5)
          drop = 1;
        else if ((h->nemb == 1 && h->text < 75) || h->nemb > 1)
          drop = 1;
      }
    }
    if (drop) {
      h->flags |= F_DROP | F_DEAD;
      i = h->end > i ? h->end : i + 1;
      continue;
    }
    i++;
  }
}

/* The chosen nodes' text, in document order. */
static void extract(page *pg, hnode *top, ng_buf *out)
{
  hnode *par = top->parent;
  if (!par) {
    clean(pg, top);
    ng_html_text(top->node, out, skip_dropped, NULL);
    return;
  }
  double threshold = top->score * 0.2 > 10 ? top->score * 0.2 : 10;
  char *tcls = attr(top->node, "class");
  for (xmlNodePtr c = par->node->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || !c->_private)
      continue;
    hnode *s = c->_private;
    if (s->flags & F_DEAD)
      continue;
    /* the story is in the page's <article>: nothing beside it */
    if (s != top && within(pg, top, pg->article) &&
        !within(pg, s, pg->article))
      continue;
    int keep = s == top;
    if (!keep && (s->flags & F_CAND)) {
      double bonus = 0;
      char *scls = attr(c, "class");
      if (tcls && scls && *tcls && !strcmp(tcls, scls))
        bonus = top->score * 0.2;
      if (scls)
        xmlFree(scls);
      keep = s->score + bonus >= threshold;
    }
    if (!keep && (tag_is(s, "p") ||
                  ((s->tag & NG_TAG_DIVLIKE) && s->inl == s->text))) {
      double ld = link_density(s);
      if (s->text > 80 && ld < 0.25)
        keep = 1;
      else if (s->text < 80 && s->text > 0 && ld == 0 && ends_sentence(c))
        keep = 1;
    }
    if (!keep)
      continue;
    clean(pg, s);
    if (out->len)
      ng_buf_add(out, "\n\n", 2);
    size_t before = out->len;
    ng_html_text(c, out, skip_dropped, NULL);
    if (out->len == before && before >= 2)
      ng_buf_setlen(out, before - 2);
  }
  if (tcls)
    xmlFree(tcls);
}

/* Forget the hnodes; returns the number of elements. */
static size_t clear_private(xmlNodePtr root)
{
  xmlNodePtr cur = root;
  size_t count = 0;
  while (cur) {
    if (cur->type == XML_ELEMENT_NODE) {
      cur->_private = NULL;
      count++;
      if (cur->children) {
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
  return count;
}

/*
 * The element the page marks as its article body (microdata itemprop
 * "articleBody"), when it holds a real text: the longest if there are
 * several.  NULL when none.
 */
static hnode *marked_body(page *pg)
{
  hnode *best = NULL;
  for (size_t i = 0; i < pg->n.n; i++) {
    hnode *h = &pg->n.v[i];
    if (!(h->flags & F_BODYPROP) || (h->flags & F_DEAD) || h->text < 250)
      continue;
    if (!best || h->text > best->text)
      best = h;
  }
  return best;
}

/*
 * The main text of the page into out.  Tries with class-name stripping
 * first, then without (Readability's retry) when that left too little.
 * Returns the element the text came from, or NULL.
 */
static xmlNodePtr main_text(xmlDocPtr doc, ng_buf *out)
{
  xmlNodePtr root = xmlDocGetRootElement(doc), chosen = NULL;
  page pg = {{0}, 1, {{{0}}, {0}}, NULL};
  hint_index_init(&pg.hints);
  ng_buf best = NG_BUF_INIT, cur = NG_BUF_INIT;
  if (!root)
    goto out;
  for (int attempt = 0; attempt < 2; attempt++) {
    pg.strip_unlikely = attempt == 0;
    /* hnodes point at each other: the array must not move while filled */
    NG_VEC_GROW(pg.n, clear_private(root) + 1);
    measure(&pg, root);
    hnode *body = body_of(&pg);
    hnode *top = score(&pg), *marked = marked_body(&pg);
    if (marked)
      top = marked;
    else if (!top)
      top = body;
    else
      top = climb(&pg, top, body);
    ng_buf_reset(&cur);
    if (top)
      extract(&pg, top, &cur);
    if (cur.len > best.len) {
      ng_buf tmp = best;
      best = cur;
      cur = tmp;
      chosen = top->node;
    }
    if (best.len >= 500)
      break;
  }
  ng_buf_add(out, best.ptr, best.len);
out:
  if (root)
    clear_private(root);
  NG_VEC_FREE(pg.n);
  ng_buf_release(&cur);
  ng_buf_release(&best);
  return chosen;
}

/*
 * JSON-LD articleBody as text: HTML when it holds markup, else plain text
 * whose line breaks part paragraphs.
 */
static void body_text(const char *s, ng_buf *out)
{
  const char *lt = strchr(s, '<');
  if (lt && ((lt[1] >= 'a' && lt[1] <= 'z') || lt[1] == '/') &&
      strchr(lt, '>')) {
    htmlDocPtr h = ng_html_parse(s, strlen(s), "UTF-8");
    if (h) {
      ng_html_text((xmlNodePtr)h, out, NULL, NULL);
      xmlFreeDoc(h);
      return;
    }
  }
  for (const char *p = s; *p;) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p), before = out->len;
    if (out->len)
      ng_buf_add(out, "\n\n", 2);
    size_t mark = out->len;
    ng_html_collapse(p, n, out);
    if (out->len == mark)
      ng_buf_setlen(out, before);
    p += n + (nl != NULL);
  }
}

int ng_read_html(ng_ingest_ctx *c, const char *path, const char *bytes,
                 size_t len)
{
  size_t skip = 0;
  char *fixed = NULL;
  ng_buf text = NG_BUF_INIT;
  ng_html_meta meta;
  ng_html_meta_init(&meta);
  const char *enc = ng_html_sniff_charset(bytes, len, &skip);
  const char *in = bytes + skip;
  size_t in_len = len - skip, ok;
  /*
   * A page that declares nothing is UTF-8 when it is valid UTF-8.  When it
   * is not, or claims UTF-8 wrongly, the bytes that are not UTF-8 are read
   * as Windows-1252, as browsers read such pages.
   */
  if ((!enc || !strcmp(enc, "UTF-8")) &&
      (ok = ng_utf8_valid_prefix(in, in_len)) < in_len) {
    ng_ingest_note(c, path,
                   "%s (bad byte at offset %zu): read as Windows-1252",
                   enc ? "declares UTF-8 but is not" : "declares no charset "
                                                       "and is not UTF-8",
                   ok + skip);
    fixed = ng_utf8_repair(in, in_len, &in_len);
    in = fixed;
  }
  if (!enc)
    enc = "UTF-8";
  htmlDocPtr doc = ng_html_parse(in, in_len, enc);
  int rc = 0;
  if (!doc) {
    ng_ingest_warn(c, path, "cannot parse as HTML");
    goto out;
  }
  xmlNodePtr main = main_text(doc, &text);
  ng_html_meta_read(&meta, doc, in, in_len, main);
  if (meta.body && strlen(meta.body) > text.len * 2 && strlen(meta.body) > 500) {
    ng_buf_reset(&text);
    body_text(meta.body, &text);
  }
  if (!text.len) {
    ng_ingest_warn(c, path, "no article text found");
    goto out;
  }
  if (ng_utf8_valid_prefix(text.ptr, text.len) < text.len) {
    size_t n;
    char *s = ng_utf8_sanitize(text.ptr, text.len, &n);
    ng_buf_reset(&text);
    ng_buf_add(&text, s, n);
    free(s);
  }
  ng_doc *d = ng_doc_make(text.ptr, text.len);
  d->id = ng_doc_strdup(d, path);
  d->source = ng_doc_strdup(d, path);
  d->title = ng_doc_strdup(d, meta.title);
  d->url = ng_doc_strdup(d, meta.url);
  for (size_t i = 0; i < meta.n_authors; i++)
    ng_doc_add_author(d, meta.authors[i]);
  if (meta.published[0])
    ng_doc_set_published(d, meta.published, NG_PUB_METADATA);
  rc = ng_ingest_emit(c, d);
out:
  ng_html_meta_release(&meta);
  if (doc)
    xmlFreeDoc(doc);
  free(fixed);
  ng_buf_release(&text);
  return rc;
}
