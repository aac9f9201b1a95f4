/*
 * timelinejs.json: a TimelineJS 3 story built from the timeline.
 *
 * TimelineJS is for telling a story, not for browsing thousands of
 * events (Knight Lab: large timelines are out of scope and slow), so it
 * gets the NG_TIMELINEJS_MAX events the most articles report, then the
 * most sources, then the most participants; ties keep the timeline's
 * order.  They are written in date order.
 *
 * TimelineJS renders "headline" and "text" as HTML (after DOMPurify), so
 * article text is escaped here: a "<b>" in a quote shows as "<b>".
 * Links are written only for http(s) URLs.  Dates: a day is {year,
 * month, day}, a month {year, month}, a year {year}; an ISO week runs
 * from its Monday to its Sunday with a display_date naming the week.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "write/write_internal.h"

/* Sources quoted per slide; the others are counted. */
#define MAX_QUOTES 5

static int put(json_t *obj, const char *key, json_t *value)
{
  return json_object_set_new(obj, key, value);
}

typedef struct rank {
  size_t event, docs, sources, parts;
} rank;

/* Stronger first: more articles, more sources, more participants. */
static int cmp_rank(const void *pa, const void *pb)
{
  const rank *a = pa, *b = pb;
  if (a->docs != b->docs)
    return a->docs > b->docs ? -1 : 1;
  if (a->sources != b->sources)
    return a->sources > b->sources ? -1 : 1;
  if (a->parts != b->parts)
    return a->parts > b->parts ? -1 : 1;
  return a->event < b->event ? -1 : a->event > b->event;
}

static int cmp_event(const void *pa, const void *pb)
{
  const rank *a = pa, *b = pb;
  return a->event < b->event ? -1 : a->event > b->event;
}

/* Articles an event was read in; a syndicated copy does not count. */
static size_t distinct_docs(const ng_graph *g, const ng_gevent *ev)
{
  size_t n = 0;
  for (size_t i = 0; i < ev->sources.n; i++) {
    size_t d = ev->sources.v[i].doc, k;
    if (d < g->docs.n && g->docs.v[d].duplicate_of < g->docs.n)
      continue;
    for (k = 0; k < i && ev->sources.v[k].doc != d; k++)
      ;
    n += k == i;
  }
  return n;
}

/* {year, month, day} with as much of t as is known. */
static json_t *date_obj(ng_ymd t)
{
  json_t *o = json_object();
  if (!o || put(o, "year", json_integer(t.y)) ||
      (t.m && put(o, "month", json_integer(t.m))) ||
      (t.d && put(o, "day", json_integer(t.d)))) {
    json_decref(o);
    return NULL;
  }
  return o;
}

/* start_date, end_date and display_date of ev into slide; -1 on failure. */
static int put_dates(json_t *slide, const ng_gevent *ev)
{
  ng_ymd first, last;
  char label[64];

  if (ng_date_span(ev->date, &first, &last) < 0) {
    /* A value we cannot place exactly: its year, and the value shown. */
    first = (ng_ymd){atoi(ev->date), 0, 0};
    return put(slide, "start_date", date_obj(first)) ||
           put(slide, "display_date", ng_json_str(ev->date));
  }
  switch (ev->precision) {
  case NG_PREC_YEAR:
    first.m = first.d = 0;
    break;
  case NG_PREC_MONTH:
    first.d = 0;
    break;
  case NG_PREC_WEEK:
    snprintf(label, sizeof(label), "Week %d of %.4s", atoi(ev->date + 6),
             ev->date);
    return put(slide, "start_date", date_obj(first)) ||
           put(slide, "end_date", date_obj(last)) ||
           put(slide, "display_date", json_string(label));
  default:
    break;
  }
  return put(slide, "start_date", date_obj(first));
}

static int http_url(const char *url)
{
  return url && (!strncasecmp(url, "http://", 7) ||
                 !strncasecmp(url, "https://", 8));
}

/* The slide's body: who took part, then the sources quoted. */
static void body(const ng_graph *g, const ng_gevent *ev, ng_buf *html)
{
  ng_buf_adds(html, "<p><b>Who:</b> ");
  for (size_t i = 0; i < ev->participants.n; i++) {
    size_t p = ev->participants.v[i];
    if (i)
      ng_buf_adds(html, ", ");
    ng_html_add(html, p < g->entities.n ? g->entities.v[p].name : "?");
  }
  ng_buf_adds(html, "</p><ul>");
  for (size_t i = 0; i < ev->sources.n && i < MAX_QUOTES; i++) {
    const ng_gsource *s = &ev->sources.v[i];
    const ng_gdoc *d = s->doc < g->docs.n ? &g->docs.v[s->doc] : NULL;
    ng_buf_adds(html, "<li>\xe2\x80\x9c"); /* quotation marks */
    ng_html_add(html, s->text);
    ng_buf_adds(html, "\xe2\x80\x9d ");
    if (d && http_url(d->url)) {
      ng_buf_adds(html, "<a href=\"");
      ng_html_add(html, d->url);
      ng_buf_adds(html, "\">");
      ng_html_add(html, d->title ? d->title : d->url);
      ng_buf_adds(html, "</a>");
    } else if (d) {
      ng_buf_adds(html, "<i>");
      ng_html_add(html, d->title ? d->title : d->id);
      ng_buf_adds(html, "</i>");
    }
    if (d && d->published[0])
      ng_buf_addf(html, " (%s)", d->published);
    ng_buf_adds(html, "</li>");
  }
  if (ev->sources.n > MAX_QUOTES)
    ng_buf_addf(html, "<li>and %zu more</li>", ev->sources.n - MAX_QUOTES);
  ng_buf_adds(html, "</ul>");
}

/*
 * unique_ids TimelineJS keeps as they are: the event ids with ':' made
 * '-', and -2, -3 ... on the rare one that then meets an earlier one
 * ("event:2021-02:14-x" and "event:2021-02-14:x").  NUL-separated in
 * ids, one per chosen event, in order.
 */
static void slide_ids(const ng_graph *g, const rank *chosen, size_t n,
                      ng_buf *ids)
{
  size_t *at = malloc(sizeof(size_t) * (n + 1));
  if (!at)
    return;
  for (size_t i = 0; i < n; i++) {
    size_t base;
    at[i] = ids->len;
    for (const char *p = g->events.v[chosen[i].event].id; *p; p++)
      ng_buf_addch(ids, *p == ':' ? '-' : *p);
    base = ids->len;
    for (unsigned k = 2;; k++) {
      size_t j;
      for (j = 0; j < i && strcmp(ids->ptr + at[j], ids->ptr + at[i]); j++)
        ;
      if (j == i)
        break;
      ng_buf_setlen(ids, base);
      ng_buf_addf(ids, "-%u", k);
    }
    ng_buf_addch(ids, '\0');
  }
  free(at);
}

static json_t *slide(const ng_graph *g, const ng_gevent *ev, const char *id,
                     ng_buf *tmp)
{
  json_t *o = json_object(), *text;

  if (!o || put(o, "unique_id", ng_json_str(id)) ||
      put_dates(o, ev) || put(o, "text", text = json_object()))
    goto fail;
  ng_buf_reset(tmp);
  ng_html_add(tmp, ev->summary);
  if (put(text, "headline", ng_json_strn(tmp->ptr, tmp->len)))
    goto fail;
  ng_buf_reset(tmp);
  body(g, ev, tmp);
  if (put(text, "text", ng_json_strn(tmp->ptr, tmp->len)))
    goto fail;
  return o;
fail:
  json_decref(o);
  return NULL;
}

static json_t *title(const ng_graph *g, size_t shown)
{
  json_t *o = json_object(), *text;
  ng_buf b = NG_BUF_INIT;

  if (shown < g->events.n)
    ng_buf_addf(&b, "<p>The %zu most reported of %zu events", shown,
                g->events.n);
  else
    ng_buf_addf(&b, "<p>%zu event%s", shown, shown == 1 ? "" : "s");
  ng_buf_addf(&b, ", from %zu article%s.</p>", g->docs.n,
              g->docs.n == 1 ? "" : "s");
  if (!o || put(o, "text", text = json_object()) ||
      put(text, "headline", json_string("What happened, and when")) ||
      put(text, "text", ng_json_strn(b.ptr, b.len))) {
    json_decref(o);
    o = NULL;
  }
  ng_buf_release(&b);
  return o;
}

/* Dump j (if built) after sep, then free it; -1 when j is NULL. */
static int add(ng_buf *out, json_t *j, const char *sep)
{
  int rc = -1;
  if (j) {
    ng_buf_adds(out, sep);
    rc = ng_json_dump(j, JSON_COMPACT, out);
  }
  json_decref(j);
  return rc;
}

int ng_timelinejs_stream(const ng_graph *g, ng_out *o)
{
  ng_buf tmp = NG_BUF_INIT, ids = NG_BUF_INIT, *out = o->buf;
  size_t n = g->events.n;
  const char *id;
  rank *r = NULL;
  int ret = 0;

  if (!g->finished)
    return ng_err_set(o->err, NG_ERR_USAGE,
                      "graph written before ng_graph_finish()");
  r = malloc(sizeof(*r) * (n + 1));
  if (!r)
    goto fail;
  for (size_t i = 0; i < n; i++) {
    const ng_gevent *ev = &g->events.v[i];
    r[i] = (rank){i, distinct_docs(g, ev), ev->sources.n,
                  ev->participants.n};
  }
  qsort(r, n, sizeof(*r), cmp_rank);
  if (n > NG_TIMELINEJS_MAX)
    n = NG_TIMELINEJS_MAX;
  qsort(r, n, sizeof(*r), cmp_event);
  slide_ids(g, r, n, &ids);

  if (add(out, title(g, n), "{\"title\": ") < 0)
    goto fail;
  ng_buf_adds(out, ",\n\"events\": [");
  id = ids.ptr;
  for (size_t i = 0; i < n; i++, id += strlen(id) + 1) {
    if (id >= ids.ptr + ids.len ||
        add(out, slide(g, &g->events.v[r[i].event], id, &tmp),
            i ? ",\n" : "\n") < 0)
      goto fail;
    if ((ret = ng_out_step(o)) < 0)
      goto out;
  }
  ng_buf_adds(out, n ? "\n]}\n" : "]}\n");
  goto out;

fail:
  ret = ng_err_set(o->err, NG_ERR_NOMEM, "cannot build timelinejs.json");
out:
  free(r);
  ng_buf_release(&ids);
  ng_buf_release(&tmp);
  return ret;
}

int ng_write_timelinejs(const ng_graph *g, ng_buf *out, ng_err *err)
{
  return ng_out_run(g, ng_timelinejs_stream, out, err);
}
