/*
 * What the export writers share: the ids of edges, and text made safe for
 * XML, HTML and CSV.  Text from articles can hold anything (quotes,
 * backslashes, markup, line breaks, stray control bytes); every writer
 * goes through these few functions, so one test of them covers all.
 */
#include <stdio.h>
#include <string.h>

#include "util/civil.h"
#include "util/utf8.h"
#include "write/write_internal.h"

/* ------------------------------------------------------------------ */
/* Streaming                                                          */

/* Big enough to make writes cheap, small beside any corpus. */
#define CHUNK (1 << 16)

int ng_out_step(ng_out *o)
{
  if (o->buf->len < CHUNK)
    return 0;
  if (o->file) {
    int rc = ng_atomic_file_write(o->file, o->buf->ptr, o->buf->len, o->err);
    if (rc < 0)
      return rc;
  } else if (o->to_stdout) {
    if (fwrite(o->buf->ptr, 1, o->buf->len, stdout) != o->buf->len)
      return ng_err_set(o->err, NG_ERR_IO, "writing output failed");
  } else {
    return 0; /* the caller wants it all in buf */
  }
  ng_buf_reset(o->buf);
  return 0;
}

int ng_out_run(const ng_graph *g, ng_stream_fn fn, ng_buf *buf, ng_err *err)
{
  ng_out o = {buf, NULL, 0, err};
  size_t old_len = buf->len;
  int rc = fn(g, &o);
  if (rc < 0)
    ng_buf_setlen(buf, old_len); /* no half file */
  return rc;
}

/* The files ng_write_file() knows, as --format names them. */
static const struct {
  const char *name;
  ng_stream_fn fn;
} streams[] = {
    {"timeline.json", ng_timeline_stream},
    {"timelinejs.json", ng_timelinejs_stream},
    {"cytoscape.json", ng_cytoscape_stream},
    {"graph.gexf", ng_gexf_stream},
    {"graph.graphml", ng_graphml_stream},
    {"nodes.csv", ng_nodes_csv_stream},
    {"edges.csv", ng_edges_csv_stream},
};

int ng_write_file(const ng_graph *g, const char *name, const char *path,
                  ng_err *err)
{
  ng_stream_fn fn = NULL;
  ng_atomic_file f;
  ng_buf buf = NG_BUF_INIT;
  int rc;

  for (size_t i = 0; i < sizeof(streams) / sizeof(*streams); i++)
    if (!strcmp(streams[i].name, name))
      fn = streams[i].fn;
  if (!fn)
    return ng_err_set(err, NG_ERR_USAGE, "no streaming writer for '%s'",
                      name);
  if (!strcmp(path, "-")) {
    ng_out o = {&buf, NULL, 1, err};
    rc = fn(g, &o);
    if (rc == 0 && (fwrite(buf.ptr, 1, buf.len, stdout) != buf.len ||
                    fflush(stdout) != 0))
      rc = ng_err_set(err, NG_ERR_IO, "writing output failed");
    ng_buf_release(&buf);
    return rc;
  }
  rc = ng_atomic_file_open(&f, path, err);
  if (rc < 0)
    return rc;
  ng_out o = {&buf, &f, 0, err};
  rc = fn(g, &o);
  if (rc == 0)
    rc = ng_atomic_file_write(&f, buf.ptr, buf.len, err);
  if (rc == 0)
    rc = ng_atomic_file_commit(&f, err);
  else
    ng_atomic_file_abort(&f); /* harmless when a write already did */
  ng_buf_release(&buf);
  return rc;
}

/* ------------------------------------------------------------------ */
/* Ids and escaping                                                   */

void ng_edge_id(const ng_graph *g, const ng_gedge *e, ng_buf *out)
{
  const char *a = e->a < g->entities.n ? g->entities.v[e->a].id : "?";
  const char *b = e->b < g->entities.n ? g->entities.v[e->b].id : "?";
  /* Pieces, not ng_buf_addf(): every edge of every format asks. */
  if (e->role) {
    ng_buf_add(out, "role:", 5);
    ng_buf_adds(out, a);
    ng_buf_addch(out, '|');
    ng_buf_adds(out, e->role);
  } else {
    ng_buf_add(out, "co:", 3);
    ng_buf_adds(out, a);
  }
  ng_buf_addch(out, '|');
  ng_buf_adds(out, b);
}

/*
 * Code points XML 1.0 cannot carry even as references: C0 controls
 * other than tab, line feed and carriage return, and U+FFFE, U+FFFF.
 * U+FFFD (an invalid byte) is allowed and stays.
 */
static int xml_forbidden(uint32_t cp)
{
  return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
         cp == 0xFFFE || cp == 0xFFFF;
}

void ng_xml_add(ng_buf *out, const char *s, int attr)
{
  size_t len = s ? strlen(s) : 0, i = 0;
  char u[4];

  while (i < len) {
    size_t at = i;
    uint32_t cp = ng_utf8_next(s, len, &i);
    switch (cp) {
    case '&':
      ng_buf_adds(out, "&amp;");
      break;
    case '<':
      ng_buf_adds(out, "&lt;");
      break;
    case '>':
      ng_buf_adds(out, "&gt;");
      break;
    case '"':
      ng_buf_adds(out, attr ? "&quot;" : "\"");
      break;
    case '\n':
    case '\r':
    case '\t':
      /* Raw in an attribute they would be read back as spaces. */
      if (attr)
        ng_buf_addf(out, "&#%u;", (unsigned)cp);
      else
        ng_buf_addch(out, (int)cp);
      break;
    default:
      if (xml_forbidden(cp))
        ng_buf_add(out, u, ng_utf8_encode(0xFFFD, u));
      else if (cp == 0xFFFD)
        ng_buf_add(out, u, ng_utf8_encode(cp, u)); /* maybe a bad byte */
      else
        ng_buf_add(out, s + at, i - at);
    }
  }
}

void ng_html_add(ng_buf *out, const char *s)
{
  size_t len = s ? strlen(s) : 0, i = 0;
  char u[4];

  while (i < len) {
    size_t at = i;
    uint32_t cp = ng_utf8_next(s, len, &i);
    switch (cp) {
    case '&':
      ng_buf_adds(out, "&amp;");
      break;
    case '<':
      ng_buf_adds(out, "&lt;");
      break;
    case '>':
      ng_buf_adds(out, "&gt;");
      break;
    case '"':
      ng_buf_adds(out, "&quot;");
      break;
    case '\'':
      ng_buf_adds(out, "&#39;");
      break;
    default:
      if (cp == 0xFFFD || (cp < 0x20 && cp != '\n' && cp != '\t'))
        ng_buf_add(out, u, ng_utf8_encode(cp < 0x20 ? ' ' : cp, u));
      else
        ng_buf_add(out, s + at, i - at);
    }
  }
}

void ng_csv_add(ng_buf *out, const char *s)
{
  size_t len = s ? strlen(s) : 0;
  int quote = len && (s[0] == ' ' || s[len - 1] == ' ');
  size_t valid = ng_utf8_valid_prefix(s ? s : "", len);

  for (size_t i = 0; i < len && !quote; i++)
    quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
  if (quote)
    ng_buf_addch(out, '"');
  if (valid == len) {
    for (size_t i = 0; i < len; i++) {
      if (s[i] == '"')
        ng_buf_addch(out, '"');
      ng_buf_addch(out, s[i]);
    }
  } else {
    /* Rare: mend invalid bytes so the file stays UTF-8. */
    char u[4];
    for (size_t i = 0; i < len;) {
      size_t at = i;
      uint32_t cp = ng_utf8_next(s, len, &i);
      if (cp == '"')
        ng_buf_addch(out, '"');
      if (cp == 0xFFFD)
        ng_buf_add(out, u, ng_utf8_encode(cp, u));
      else
        ng_buf_add(out, s + at, i - at);
    }
  }
  if (quote)
    ng_buf_addch(out, '"');
}

/* Two digits at s, as a number; -1 when they are not digits. */
static int two(const char *s)
{
  if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
    return -1;
  return (s[0] - '0') * 10 + (s[1] - '0');
}

int ng_date_span(const char *date, ng_ymd *first, ng_ymd *last)
{
  size_t n = strnlen(date, 48);
  int y = 0;

  for (int i = 0; i < 4; i++) {
    if (n < 4 || date[i] < '0' || date[i] > '9')
      return -1;
    y = y * 10 + (date[i] - '0');
  }
  if (n == 4) {
    *first = (ng_ymd){y, 1, 1};
    *last = (ng_ymd){y, 12, 31};
    return 0;
  }
  if (date[4] != '-')
    return -1;
  if (date[5] == 'W' && n >= 8) {
    /* ISO week: Monday to Sunday; week 1 holds the year's first Thursday. */
    int w = two(date + 6);
    if (w < 1 || w > 53)
      return -1;
    int64_t jan4 = ng_days_from_civil(y, 1, 4);
    int64_t monday = jan4 - (ng_weekday(y, 1, 4) - 1) + 7 * (int64_t)(w - 1);
    *first = ng_civil_from_days(monday);
    *last = ng_civil_from_days(monday + 6);
    return 0;
  }
  int m = two(date + 5);
  if (m < 1 || m > 12)
    return -1;
  if (n == 7) {
    *first = (ng_ymd){y, m, 1};
    *last = (ng_ymd){y, m, ng_days_in_month(y, m)};
    return 0;
  }
  if (n < 10 || date[7] != '-')
    return -1;
  int d = two(date + 8);
  if (d < 1 || d > ng_days_in_month(y, m))
    return -1;
  *first = *last = (ng_ymd){y, m, d};
  return 0;
}

/* Widen [first, last] to hold a document's publication date. */
static void widen(const ng_graph *g, size_t doc, ng_date_range *r)
{
  const char *p;
  if (doc >= g->docs.n || !*(p = g->docs.v[doc].published))
    return;
  if (!r->first[0] || strcmp(p, r->first) < 0)
    snprintf(r->first, sizeof(r->first), "%.10s", p);
  if (!r->last[0] || strcmp(p, r->last) > 0)
    snprintf(r->last, sizeof(r->last), "%.10s", p);
}

void ng_entity_dates(const ng_graph *g, const ng_gentity *e,
                     ng_date_range *r)
{
  r->first[0] = r->last[0] = '\0';
  for (size_t i = 0; i < e->docs.n; i++)
    widen(g, e->docs.v[i], r);
}

void ng_edge_dates(const ng_graph *g, const ng_gedge *e, ng_date_range *r)
{
  r->first[0] = r->last[0] = '\0';
  for (size_t i = 0; i < e->sources.n; i++)
    widen(g, e->sources.v[i].doc, r);
  for (size_t i = 0; i < e->spans.n; i++)
    widen(g, e->spans.v[i].doc, r);
}

/*
 * May cp stand in an XML 1.0 name (Fifth Edition NameChar)?  ASCII is
 * narrowed to letters, digits, '-', '.' and ':'; '_' is left out too, so
 * that the _xHHHH_ escape below cannot be confused with the text.
 */
static int name_char(uint32_t cp)
{
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= '0' && cp <= '9') || cp == '-' || cp == '.' || cp == ':';
  return cp == 0xB7 || (cp >= 0xC0 && cp <= 0xD6) ||
         (cp >= 0xD8 && cp <= 0xF6) || (cp >= 0xF8 && cp <= 0x37D) ||
         (cp >= 0x37F && cp <= 0x1FFF) || cp == 0x200C || cp == 0x200D ||
         cp == 0x203F || cp == 0x2040 || (cp >= 0x2070 && cp <= 0x218F) ||
         (cp >= 0x2C00 && cp <= 0x2FEF) || (cp >= 0x3001 && cp <= 0xD7FF) ||
         (cp >= 0xF900 && cp <= 0xFDCF) || (cp >= 0xFDF0 && cp <= 0xFFFC) ||
         (cp >= 0x10000 && cp <= 0xEFFFF);
}

void ng_xml_name_add(ng_buf *out, const char *s)
{
  size_t len = strlen(s), i = 0;

  while (i < len) {
    size_t at = i;
    uint32_t cp = ng_utf8_next(s, len, &i);
    if (name_char(cp))
      ng_buf_add(out, s + at, i - at);
    else
      ng_buf_addf(out, "_x%04X_", (unsigned)cp);
  }
}
