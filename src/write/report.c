/*
 * report.html: the merged graph as one page a person reads, with no
 * network and nothing beside it.  Four parts: the entity graph (graph.svg
 * inlined), the timeline with every source sentence quoted, the entities
 * with their aliases and roles, and the articles read with where each
 * publication date came from.
 *
 * Everything taken from the articles is escaped as it is written (esc()),
 * and only http(s) URLs become links.  The page also carries a
 * Content-Security-Policy that allows no fetch at all and only our own
 * style and script, named by their SHA-256: even if some text slipped
 * through as markup, it could neither run nor call out.  The SVG comes
 * from Graphviz, which escapes labels itself; it is still checked tag by
 * tag before it is inlined (svg_safe()).
 *
 * The page reads without JavaScript: report.js only adds filter boxes and
 * makes graph nodes clickable.  Same graph, same bytes.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "report_assets.h"
#include "util/utf8.h"
#include "write/write_internal.h"

/* An event shows this many sources; the rest fold into <details>. */
#define SOURCES_SHOWN 3
/* An entity row links at most this many of its articles. */
#define DOCS_LISTED 12

/* ------------------------------------------------------------------ */
/* Escaping                                                           */

/*
 * Append n bytes of article text, safe both as element text and inside a
 * double- or single-quoted attribute.  Control characters other than
 * tab and newline become spaces and invalid UTF-8 becomes U+FFFD, so the
 * page stays valid whatever the input held.
 */
static void esc(ng_buf *b, const char *s, size_t n)
{
  size_t i = 0;
  while (i < n) {
    size_t at = i;
    uint32_t c = ng_utf8_next(s, n, &i);
    char u[4];
    switch (c) {
    case '&':
      ng_buf_adds(b, "&amp;");
      break;
    case '<':
      ng_buf_adds(b, "&lt;");
      break;
    case '>':
      ng_buf_adds(b, "&gt;");
      break;
    case '"':
      ng_buf_adds(b, "&quot;");
      break;
    case '\'':
      ng_buf_adds(b, "&#39;");
      break;
    default:
      if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c < 0xa0))
        ng_buf_addch(b, ' ');
      else if (c == 0xfffd && i - at == 1)
        ng_buf_add(b, u, ng_utf8_encode(c, u)); /* a bad byte */
      else
        ng_buf_add(b, s + at, i - at);
    }
  }
}

static void escs(ng_buf *b, const char *s)
{
  if (s)
    esc(b, s, strlen(s));
}

/*
 * Only absolute http(s) URLs become links: "javascript:", "data:" and
 * relative paths would act on the reader's machine rather than lead to
 * the article.  A URL with spaces or control characters is not one.
 */
static int web_url(const char *s)
{
  size_t skip;
  if (!s)
    return 0;
  if (strncasecmp(s, "http://", 7) == 0)
    skip = 7;
  else if (strncasecmp(s, "https://", 8) == 0)
    skip = 8;
  else
    return 0;
  if (!s[skip])
    return 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if (*p <= 0x20 || *p == 0x7f)
      return 0;
  return 1;
}

/* ------------------------------------------------------------------ */
/* Dates                                                              */

static const char *const month_name[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

static int digits(const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9')
      return 0;
  return 1;
}

/*
 * A TimeML value as people write it: "14 February 2021", "February
 * 2021", "2021", inside <time> when it is a calendar date.  Anything else
 * ("2021-W06", "PRESENT_REF") is shown as it is.
 */
static void add_date(ng_buf *b, const char *v)
{
  size_t n = strlen(v);
  int month = 0;
  if (n >= 7 && digits(v, 4) && v[4] == '-' && digits(v + 5, 2))
    month = (v[5] - '0') * 10 + (v[6] - '0');
  if (n == 4 && digits(v, 4)) {
    ng_buf_addf(b, "<time datetime=\"%s\">%s</time>", v, v);
  } else if (n == 7 && month >= 1 && month <= 12) {
    ng_buf_addf(b, "<time datetime=\"%s\">%s %.4s</time>", v,
                month_name[month - 1], v);
  } else if (n == 10 && month >= 1 && month <= 12 && v[7] == '-' &&
             digits(v + 8, 2)) {
    ng_buf_addf(b, "<time datetime=\"%s\">%d %s %.4s</time>", v,
                (v[8] - '0') * 10 + (v[9] - '0'), month_name[month - 1], v);
  } else if (n) {
    escs(b, v);
  } else {
    ng_buf_adds(b, "undated");
  }
}

/* ------------------------------------------------------------------ */
/* The SVG                                                            */

static int starts(const char *p, const char *end, const char *s)
{
  size_t n = strlen(s);
  return (size_t)(end - p) >= n && strncasecmp(p, s, n) == 0;
}

/* The elements Graphviz's SVG renderer writes; nothing else is let in. */
static int svg_element_ok(const char *name, size_t n)
{
  static const char *const ok[] = {
      "svg",  "g",       "title",    "text",           "path",
      "a",    "polygon", "polyline", "ellipse",        "defs",
      "stop", "tspan",   "desc",     "linearGradient", "radialGradient",
      "rect", "line",    "circle"};
  for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
    if (strlen(ok[i]) == n && strncmp(name, ok[i], n) == 0)
      return 1;
  return 0;
}

/*
 * Check one attribute: no event handlers, links only to http(s) or to
 * the page itself, paint servers only from the page (url(#...)).
 */
static int svg_attr_ok(const char *name, size_t n, const char *val,
                       size_t vn)
{
  const char *vend = val + vn;
  if (n >= 2 && strncasecmp(name, "on", 2) == 0)
    return 0;
  if ((n == 4 && strncasecmp(name, "href", 4) == 0) ||
      (n == 10 && strncasecmp(name, "xlink:href", 10) == 0))
    return (vn && val[0] == '#') || starts(val, vend, "http://") ||
           starts(val, vend, "https://");
  for (const char *p = val; p < vend; p++)
    if (starts(p, vend, "url(") && !starts(p, vend, "url(#"))
      return 0;
  return 1;
}

static int name_char(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == ':' || c == '_' || c == '-' ||
         c == '.';
}

static int space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * Copy the <svg> element of svg into out without comments, checking
 * every tag on the way.  Returns the number of nodes drawn (class="node"),
 * or -1 when the SVG holds anything not allowed; out is then unchanged.
 */
static long svg_inline(ng_buf *out, const char *svg, size_t len)
{
  const char *end = svg + len, *p = svg, *from;
  size_t old = out->len;
  long nodes = 0;

  while (p < end && !starts(p, end, "<svg"))
    p++;
  if (p == end)
    return -1;
  from = p;
  while (p < end) {
    if (*p != '<') {
      p++;
      continue;
    }
    if (starts(p, end, "<!--")) {
      const char *close = p + 4;
      while (close < end && !starts(close, end, "-->"))
        close++;
      if (close == end)
        goto bad;
      ng_buf_add(out, from, (size_t)(p - from));
      p = from = close + 3;
      continue;
    }
    if (starts(p, end, "</")) {
      int last = starts(p, end, "</svg>");
      const char *q = p + 2;
      while (q < end && name_char(*q))
        q++;
      if (!svg_element_ok(p + 2, (size_t)(q - p - 2)))
        goto bad;
      p = q;
      if (last) {
        p += 1;
        ng_buf_add(out, from, (size_t)(p - from));
        return nodes;
      }
      continue;
    }
    /* An opening tag: its name, then name="value" pairs up to > or />. */
    const char *name = ++p;
    while (p < end && name_char(*p))
      p++;
    if (!svg_element_ok(name, (size_t)(p - name)))
      goto bad;
    for (;;) {
      while (p < end && space(*p))
        p++;
      if (p < end && (*p == '>' || *p == '/')) {
        p++;
        break;
      }
      const char *an = p;
      while (p < end && name_char(*p))
        p++;
      size_t alen = (size_t)(p - an);
      if (alen == 0 || p >= end || *p != '=' || p + 1 >= end ||
          (p[1] != '"' && p[1] != '\''))
        goto bad;
      char quote = p[1];
      const char *val = p + 2, *vend = memchr(val, quote, (size_t)(end - val));
      if (!vend || !svg_attr_ok(an, alen, val, (size_t)(vend - val)))
        goto bad;
      if (alen == 5 && strncmp(an, "class", 5) == 0 && vend - val == 4 &&
          strncmp(val, "node", 4) == 0)
        nodes++;
      p = vend + 1;
    }
  }
bad:
  ng_buf_setlen(out, old);
  return -1;
}

/* ------------------------------------------------------------------ */
/* Indexes the page needs and the graph does not keep                 */

typedef struct report_index {
  size_t *doc_entities; /* per document: entities named in it */
  size_t *doc_events;   /* per document: events it is a source of */
  /* Role edges per entity, as CSR: role_at[i]..role_at[i+1] in roles. */
  size_t *role_at, *roles;
  size_t n_person, n_org, n_place;
} report_index;

static void index_build(report_index *x, const ng_graph *g)
{
  size_t nd = g->docs.n, ne = g->entities.n, *last, n_roles = 0;

  memset(x, 0, sizeof(*x));
  x->doc_entities = ng_xcalloc(nd + 1, sizeof(size_t));
  x->doc_events = ng_xcalloc(nd + 1, sizeof(size_t));
  x->role_at = ng_xcalloc(ne + 1, sizeof(size_t));
  last = ng_xcalloc(nd + 1, sizeof(size_t));

  for (size_t i = 0; i < ne; i++) {
    const ng_gentity *e = &g->entities.v[i];
    for (size_t k = 0; k < e->docs.n; k++)
      if (e->docs.v[k] < nd)
        x->doc_entities[e->docs.v[k]]++;
    if (e->type == NG_ENTITY_PERSON)
      x->n_person++;
    else if (e->type == NG_ENTITY_ORG)
      x->n_org++;
    else
      x->n_place++;
  }
  /* last[d] = 1 + the last event counted for d, so repeats count once. */
  for (size_t i = 0; i < g->events.n; i++) {
    const ng_gevent *ev = &g->events.v[i];
    for (size_t k = 0; k < ev->sources.n; k++) {
      size_t d = ev->sources.v[k].doc;
      if (d < nd && last[d] != i + 1) {
        last[d] = i + 1;
        x->doc_events[d]++;
      }
    }
  }
  free(last);

  /* Each role edge is listed under both of its ends. */
  for (size_t i = 0; i < g->edges.n; i++) {
    const ng_gedge *e = &g->edges.v[i];
    if (!e->role || e->a >= ne || e->b >= ne)
      continue;
    x->role_at[e->a + 1]++;
    x->role_at[e->b + 1]++;
    n_roles += 2;
  }
  for (size_t i = 0; i < ne; i++)
    x->role_at[i + 1] += x->role_at[i];
  x->roles = ng_xmalloc((n_roles + 1) * sizeof(size_t));
  size_t *fill = ng_xcalloc(ne + 1, sizeof(size_t));
  for (size_t i = 0; i < g->edges.n; i++) {
    const ng_gedge *e = &g->edges.v[i];
    if (!e->role || e->a >= ne || e->b >= ne)
      continue;
    x->roles[x->role_at[e->a] + fill[e->a]++] = i;
    x->roles[x->role_at[e->b] + fill[e->b]++] = i;
  }
  free(fill);
}

static void index_release(report_index *x)
{
  free(x->doc_entities);
  free(x->doc_events);
  free(x->role_at);
  free(x->roles);
}

/* ------------------------------------------------------------------ */
/* The parts of the page                                              */

static const char *plural(size_t n, const char *one, const char *many)
{
  return n == 1 ? one : many;
}

/* An anchor to entity i, coloured by its type. */
static void add_chip(ng_buf *b, const ng_graph *g, size_t i)
{
  const ng_gentity *e;
  if (i >= g->entities.n)
    return;
  e = &g->entities.v[i];
  ng_buf_addf(b, "<a class=\"chip %s\" href=\"#e-", ng_entity_type_name(e->type));
  escs(b, e->id);
  ng_buf_adds(b, "\">");
  escs(b, e->name);
  ng_buf_adds(b, "</a>");
}

static void add_entity_link(ng_buf *b, const ng_graph *g, size_t i)
{
  ng_buf_adds(b, "<a href=\"#e-");
  escs(b, g->entities.v[i].id);
  ng_buf_adds(b, "\">");
  escs(b, g->entities.v[i].name);
  ng_buf_adds(b, "</a>");
}

static void add_doc_title(ng_buf *b, const ng_gdoc *d)
{
  if (d->title && *d->title)
    escs(b, d->title);
  else
    ng_buf_adds(b, "(untitled)");
}

static void add_graph(ng_buf *b, const ng_graph *g, const char *svg,
                      size_t svg_len)
{
  ng_buf_adds(b, "<section id=\"graph\">\n<h2>Who is tied to whom</h2>\n");
  size_t at = b->len;
  ng_buf_adds(b, "<figure class=\"graph\">\n");
  long nodes = svg_len ? svg_inline(b, svg, svg_len) : -1;
  if (nodes < 0) {
    ng_buf_setlen(b, at);
    ng_buf_adds(b, svg_len ? "<p class=\"note\">The graph is not shown: "
                             "graph.svg holds content this page does not "
                             "trust.</p>\n"
                           : "<p class=\"note\">The graph could not be "
                             "drawn.</p>\n");
  } else {
    ng_buf_adds(b, "\n</figure>\n<p class=\"note\">");
    if ((size_t)nodes < g->entities.n)
      ng_buf_addf(b, "The %ld most mentioned of %zu entities, ", nodes,
                  g->entities.n);
    else
      ng_buf_addf(b, "All %zu %s, ", g->entities.n,
                  plural(g->entities.n, "entity", "entities"));
    ng_buf_adds(b, "linked when named in the same sentence (thicker: more "
                   "often); arrows are roles, A is (role) of B. The same "
                   "picture is in <a href=\"graph.svg\">graph.svg</a>, the "
                   "whole graph in <a href=\"graph.dot\">graph.dot</a>.</p>\n");
  }
  ng_buf_adds(b, "</section>\n");
}

/* The sentence, with the date expression marked where it occurs. */
static void add_quote(ng_buf *b, const ng_gsource *s)
{
  const char *text = s->text ? s->text : "";
  const char *hit = s->date_text && *s->date_text
                        ? strstr(text, s->date_text)
                        : NULL;
  ng_buf_adds(b, "<blockquote>");
  if (hit) {
    size_t n = strlen(s->date_text);
    esc(b, text, (size_t)(hit - text));
    ng_buf_adds(b, "<mark>");
    esc(b, hit, n);
    ng_buf_adds(b, "</mark>");
    escs(b, hit + n);
  } else {
    escs(b, text);
  }
  ng_buf_adds(b, "</blockquote>");
}

static void add_source(ng_buf *b, const ng_graph *g, const ng_gsource *s)
{
  ng_buf_adds(b, "<li>");
  add_quote(b, s);
  if (s->doc < g->docs.n) {
    const ng_gdoc *d = &g->docs.v[s->doc];
    ng_buf_addf(b, "<cite><a href=\"#doc-%zu\">", s->doc + 1);
    add_doc_title(b, d);
    ng_buf_adds(b, "</a> · <span class=\"source-path\">");
    escs(b, d->id);
    ng_buf_adds(b, "</span>");
    if (d->published[0]) {
      ng_buf_adds(b, " · published ");
      add_date(b, d->published);
    }
    ng_buf_adds(b, "</cite>");
  }
  ng_buf_adds(b, "</li>\n");
}

static void add_timeline(ng_buf *b, const ng_graph *g)
{
  size_t n = g->events.n;
  ng_buf_adds(b, "<section id=\"timeline\">\n<h2>What happened when</h2>\n");
  if (n == 0) {
    ng_buf_adds(b, "<p class=\"note\">No dated events were found.</p>\n"
                   "</section>\n");
    return;
  }
  ng_buf_addf(b, "<p class=\"note\">%zu %s in date order. Each quotes the "
                 "sentences it was read in, with the date expression "
                 "marked.</p>\n",
              n, plural(n, "event", "events"));
  ng_buf_adds(b, "<ol class=\"timeline\" data-filter=\"li.event\" "
                 "data-filter-label=\"Filter events\">\n");
  for (size_t i = 0; i < n; i++) {
    const ng_gevent *ev = &g->events.v[i];
    ng_buf_addf(b, "<li class=\"event\" id=\"ev-%zu\">\n<div class=\"when\">",
                i + 1);
    add_date(b, ev->date);
    if (ev->precision != NG_PREC_DAY && ev->date[0])
      ng_buf_addf(b, "<span class=\"precision\">(%s)</span>",
                  ng_precision_name(ev->precision));
    ng_buf_adds(b, "</div>\n<div class=\"what\">\n<p class=\"summary\">");
    escs(b, ev->summary);
    ng_buf_adds(b, "</p>\n");
    if (ev->participants.n) {
      ng_buf_adds(b, "<p class=\"who\">");
      for (size_t k = 0; k < ev->participants.n; k++)
        add_chip(b, g, ev->participants.v[k]);
      ng_buf_adds(b, "</p>\n");
    }
    ng_buf_adds(b, "<ul class=\"sources\">\n");
    for (size_t k = 0; k < ev->sources.n; k++) {
      if (k == SOURCES_SHOWN) {
        size_t more = ev->sources.n - k;
        ng_buf_addf(b, "</ul>\n<details><summary>%zu more %s</summary>\n"
                       "<ul class=\"sources\">\n",
                    more, plural(more, "source", "sources"));
      }
      add_source(b, g, &ev->sources.v[k]);
    }
    ng_buf_adds(b, "</ul>\n");
    if (ev->sources.n > SOURCES_SHOWN)
      ng_buf_adds(b, "</details>\n");
    ng_buf_adds(b, "</div>\n</li>\n");
  }
  ng_buf_adds(b, "</ol>\n</section>\n");
}

/* "spokesman of Kremlin", or seen from Kremlin, "Dmitry Peskov, its spokesman". */
static void add_roles(ng_buf *b, const ng_graph *g, const report_index *x,
                      size_t i)
{
  for (size_t k = x->role_at[i]; k < x->role_at[i + 1]; k++) {
    const ng_gedge *e = &g->edges.v[x->roles[k]];
    if (k > x->role_at[i])
      ng_buf_adds(b, "<br>");
    ng_buf_adds(b, "<span class=\"role\"");
    if (e->sources.n && e->sources.v[0].text) {
      ng_buf_adds(b, " title=\"");
      escs(b, e->sources.v[0].text);
      ng_buf_adds(b, "\"");
    }
    ng_buf_adds(b, ">");
    if (e->a == i) {
      escs(b, e->role);
      ng_buf_adds(b, "</span> of ");
      add_entity_link(b, g, e->b);
    } else {
      add_entity_link(b, g, e->a);
      ng_buf_adds(b, ", its ");
      escs(b, e->role);
      ng_buf_adds(b, "</span>");
    }
  }
}

static void add_entity_row(ng_buf *b, const ng_graph *g,
                           const report_index *x, size_t i)
{
  const ng_gentity *e = &g->entities.v[i];
  ng_buf_addf(b, "<tr class=\"entity %s\" id=\"e-", ng_entity_type_name(e->type));
  escs(b, e->id);
  ng_buf_adds(b, "\"><td>");
  escs(b, e->name);
  ng_buf_adds(b, "</td><td>");
  for (size_t k = 0; k < e->aliases.n; k++) {
    if (k)
      ng_buf_adds(b, ", ");
    escs(b, e->aliases.v[k]);
  }
  ng_buf_adds(b, "</td><td>");
  add_roles(b, g, x, i);
  ng_buf_addf(b, "</td><td class=\"num\">%zu</td><td>", e->n_mentions);
  for (size_t k = 0; k < e->docs.n && k < DOCS_LISTED; k++)
    ng_buf_addf(b, "%s<a href=\"#doc-%zu\">%zu</a>", k ? " " : "",
                e->docs.v[k] + 1, e->docs.v[k] + 1);
  if (e->docs.n > DOCS_LISTED)
    ng_buf_addf(b, " and %zu more", e->docs.n - DOCS_LISTED);
  ng_buf_adds(b, "</td></tr>\n");
}

static void add_entities(ng_buf *b, const ng_graph *g, const report_index *x)
{
  static const struct {
    ng_entity_type type;
    const char *title;
  } groups[] = {{NG_ENTITY_PERSON, "People"},
                {NG_ENTITY_ORG, "Organizations"},
                {NG_ENTITY_PLACE, "Places"}};
  size_t counts[] = {x->n_person, x->n_org, x->n_place};

  ng_buf_adds(b, "<section id=\"entities\">\n<h2>Who and where</h2>\n");
  if (g->entities.n == 0) {
    ng_buf_adds(b, "<p class=\"note\">No people, organizations or places "
                   "were found.</p>\n</section>\n");
    return;
  }
  ng_buf_addf(b, "<p class=\"note\">%zu %s: %zu %s, %zu %s, %zu %s. "
                 "\"Also called\" lists the other names that were merged "
                 "into one; roles are the ties the articles state (hover "
                 "for the sentence); articles are numbered as below.</p>\n",
              g->entities.n, plural(g->entities.n, "entity", "entities"),
              x->n_person, plural(x->n_person, "person", "people"), x->n_org,
              plural(x->n_org, "organization", "organizations"), x->n_place,
              plural(x->n_place, "place", "places"));
  ng_buf_adds(b, "<div data-filter=\"tr.entity\" "
                 "data-filter-label=\"Filter entities\">\n");
  for (size_t gi = 0; gi < 3; gi++) {
    const char *type = ng_entity_type_name(groups[gi].type);
    if (counts[gi] == 0)
      continue;
    ng_buf_addf(b, "<h3><span class=\"swatch %s\"></span>%s (%zu)</h3>\n"
                   "<table>\n<thead><tr><th>Name</th><th>Also called</th>"
                   "<th>Roles</th><th class=\"num\">Mentions</th>"
                   "<th>Articles</th></tr></thead>\n<tbody>\n",
                type, groups[gi].title, counts[gi]);
    for (size_t i = 0; i < g->entities.n; i++)
      if (g->entities.v[i].type == groups[gi].type)
        add_entity_row(b, g, x, i);
    ng_buf_adds(b, "</tbody>\n</table>\n");
  }
  ng_buf_adds(b, "</div>\n</section>\n");
}

static void add_articles(ng_buf *b, const ng_graph *g, const report_index *x)
{
  size_t n = g->docs.n;
  ng_buf_adds(b, "<section id=\"articles\">\n<h2>Articles read</h2>\n");
  ng_buf_addf(b, "<p class=\"note\">%zu %s, in the order read. \"Date from\" "
                 "says where each publication date came from: "
                 "<b>metadata</b> (the page's or feed's own fields), "
                 "<b>text</b> (a date line in the article), <b>given</b> "
                 "(the --date option) or <b>inferred</b> (from other "
                 "articles of the same story). Relative dates such as "
                 "\"on Sunday\" are resolved against it.</p>\n",
              n, plural(n, "article", "articles"));
  if (n == 0) {
    ng_buf_adds(b, "</section>\n");
    return;
  }
  ng_buf_adds(b, "<table>\n<thead><tr><th class=\"num\">#</th>"
                 "<th>Title and source</th><th>Published</th>"
                 "<th>Date from</th><th class=\"num\">Entities</th>"
                 "<th class=\"num\">Events</th></tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < n; i++) {
    const ng_gdoc *d = &g->docs.v[i];
    ng_buf_addf(b, "<tr class=\"doc\" id=\"doc-%zu\"><td class=\"num\">%zu"
                   "</td><td>",
                i + 1, i + 1);
    if (web_url(d->url)) {
      ng_buf_adds(b, "<a href=\"");
      escs(b, d->url);
      ng_buf_adds(b, "\" rel=\"noopener noreferrer\">");
      add_doc_title(b, d);
      ng_buf_adds(b, "</a>");
    } else {
      add_doc_title(b, d);
    }
    ng_buf_adds(b, "<br><span class=\"source-path\">");
    escs(b, d->id);
    ng_buf_adds(b, "</span>");
    if (d->duplicate_of < n)
      ng_buf_addf(b, "<br><span class=\"note\">repeats "
                     "<a href=\"#doc-%zu\">#%zu</a></span>",
                  d->duplicate_of + 1, d->duplicate_of + 1);
    ng_buf_adds(b, "</td><td>");
    if (d->published[0]) {
      add_date(b, d->published);
      ng_buf_addf(b, "</td><td class=\"from\">%s",
                  ng_pub_from_name(d->published_from));
    } else {
      ng_buf_adds(b, "unknown</td><td class=\"from\">none");
    }
    ng_buf_addf(b, "</td><td class=\"num\">%zu</td><td class=\"num\">%zu"
                   "</td></tr>\n",
                x->doc_entities[i], x->doc_events[i]);
  }
  ng_buf_adds(b, "</tbody>\n</table>\n</section>\n");
}

/* The first and last dated event, for the headline. */
static void add_span(ng_buf *b, const ng_graph *g)
{
  const char *first = NULL, *last = NULL;
  for (size_t i = 0; i < g->events.n; i++) {
    if (!g->events.v[i].date[0])
      continue;
    if (!first)
      first = g->events.v[i].date;
    last = g->events.v[i].date;
  }
  if (!first)
    return;
  ng_buf_adds(b, ", ");
  add_date(b, first);
  if (strcmp(first, last)) {
    ng_buf_adds(b, " to ");
    add_date(b, last);
  }
}

static void add_lines(ng_buf *b, const char *const *lines)
{
  for (size_t i = 0; lines[i]; i++)
    ng_buf_adds(b, lines[i]);
}

static void add_head(ng_buf *b, const ng_graph *g)
{
  ng_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                 "<meta charset=\"utf-8\">\n");
  /*
   * No fetch of any kind, only this style and this script: the page
   * works offline, and nothing an article could smuggle in would run.
   */
  ng_buf_adds(b, "<meta http-equiv=\"Content-Security-Policy\" content=\""
                 "default-src 'none'; img-src data:; "
                 "style-src 'sha256-" NG_REPORT_CSS_SHA256 "'; "
                 "script-src 'sha256-" NG_REPORT_JS_SHA256 "'; "
                 "base-uri 'none'; form-action 'none'\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, "
                 "initial-scale=1\">\n"
                 "<meta name=\"generator\" content=\"newsgraph ");
  ng_buf_adds(b, ng_version());
  /* An empty icon, so the browser does not go looking for favicon.ico. */
  ng_buf_addf(b, "\">\n<link rel=\"icon\" href=\"data:,\">\n"
                 "<title>News report: %zu %s, %zu %s, %zu %s</title>\n"
                 "<style>",
              g->docs.n, plural(g->docs.n, "article", "articles"),
              g->entities.n, plural(g->entities.n, "entity", "entities"),
              g->events.n, plural(g->events.n, "event", "events"));
  add_lines(b, ng_report_css);
  ng_buf_adds(b, "</style>\n</head>\n");
}

int ng_write_report(const ng_graph *g, const char *svg, size_t svg_len,
                    ng_buf *out, ng_err *err)
{
  ng_buf drawn = NG_BUF_INIT;
  report_index x;

  if (!g->finished)
    return ng_err_set(err, NG_ERR_USAGE,
                      "graph written before ng_graph_finish()");
  /*
   * No picture is better than no report: if Graphviz fails here, the
   * page says so and the rest still reads.
   */
  if (!svg) {
    ng_err ignored = NG_ERR_INIT;
    if (ng_write_svg(g, &drawn, &ignored) == 0)
      svg = drawn.ptr, svg_len = drawn.len;
    else
      svg = "", svg_len = 0;
  }
  index_build(&x, g);

  add_head(out, g);
  ng_buf_addf(out, "<body>\n<header>\n<h1>News report</h1>\n"
                   "<p class=\"lead\">%zu %s read · %zu %s · %zu %s",
              g->docs.n, plural(g->docs.n, "article", "articles"),
              g->entities.n, plural(g->entities.n, "entity", "entities"),
              g->events.n, plural(g->events.n, "event", "events"));
  add_span(out, g);
  ng_buf_adds(out, "</p>\n<nav><ul><li><a href=\"#graph\">Graph</a></li>"
                   "<li><a href=\"#timeline\">Timeline</a></li>"
                   "<li><a href=\"#entities\">Entities</a></li>"
                   "<li><a href=\"#articles\">Articles</a></li></ul></nav>\n"
                   "</header>\n<main>\n");
  add_graph(out, g, svg, svg_len);
  add_timeline(out, g);
  add_entities(out, g, &x);
  add_articles(out, g, &x);
  ng_buf_addf(out, "</main>\n<footer><p class=\"note\">Made by newsgraph %s. "
                   "The same facts, for scripts: "
                   "<a href=\"timeline.json\">timeline.json</a>.</p>"
                   "</footer>\n<script>",
              ng_version());
  add_lines(out, ng_report_js);
  ng_buf_adds(out, "</script>\n</body>\n</html>\n");

  index_release(&x);
  ng_buf_release(&drawn);
  return 0;
}
