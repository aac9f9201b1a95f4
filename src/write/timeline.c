/*
 * timeline.json: documents, entities, relations, co-mention edges and
 * events of the merged graph, in the graph's order (events by date).
 *
 * A corpus can hold a lot of events, so the file is never one jansson
 * tree: the outer object and arrays are written by hand, and each element
 * is built, dumped and freed on its own (and, through ng_write_file(),
 * sent to disk in chunks).  Each element is dumped with
 * JSON_INDENT(2) and shifted right to its depth, which gives exactly the
 * bytes jansson would write for the whole tree with JSON_INDENT(2); the
 * tests check that by loading and re-dumping the file.
 */
#include <string.h>

#include "write/write_internal.h"

/* The arrays of the file, in the order they are written. */
enum section { DOCUMENTS, ENTITIES, RELATIONS, EDGES, EVENTS, N_SECTIONS };

static const char *const section_name[N_SECTIONS] = {
    "documents", "entities", "relations", "edges", "events"};

static int put(json_t *obj, const char *key, json_t *value)
{
  return json_object_set_new(obj, key, value);
}

/* See extract.c: arrays go in empty, keep their place, are filled later. */
static json_t *put_array(json_t *obj, const char *key)
{
  json_t *a = json_array();
  return put(obj, key, a) == 0 ? a : NULL;
}

static json_t *num(size_t n)
{
  return json_integer((json_int_t)n);
}

/* A fixed char array: its string, or null when empty. */
static json_t *opt_fixed(const char *s, size_t size)
{
  size_t n = strnlen(s, size);
  return n ? ng_json_strn(s, n) : json_null();
}

static json_t *doc_id(const ng_graph *g, size_t i)
{
  return i < g->docs.n ? ng_json_str(g->docs.v[i].id) : json_null();
}

static json_t *entity_id(const ng_graph *g, size_t i)
{
  return i < g->entities.n ? ng_json_str(g->entities.v[i].id) : json_null();
}

/* Where a fact was read: {"document", "sentence", "text", "start", "end", ...}. */
static json_t *source(const ng_graph *g, const ng_gsource *s)
{
  json_t *o = json_object();
  if (!o || put(o, "document", doc_id(g, s->doc)) ||
      put(o, "sentence", num(s->sentence)) ||
      put(o, "text", ng_json_str(s->text)) || put(o, "start", num(s->start)) ||
      put(o, "end", num(s->end)) ||
      /* A relation's source says how it named the role; it has no date. */
      (s->role_text ? put(o, "role_text", ng_json_str(s->role_text))
                    : put(o, "date_text", ng_json_str(s->date_text)) ||
                          put(o, "date", opt_fixed(s->date, sizeof(s->date))))) {
    json_decref(o);
    return NULL;
  }
  return o;
}

/*
 * A co-mention's sentence: the document and the byte offsets, which find
 * it; no text (there are too many to copy).
 */
static json_t *span(const ng_graph *g, const ng_gspan *s)
{
  json_t *o = json_object();
  if (!o || put(o, "document", doc_id(g, s->doc)) ||
      put(o, "start", num(s->start)) || put(o, "end", num(s->end))) {
    json_decref(o);
    return NULL;
  }
  return o;
}

/* The merge record: which document called the entity what, and where. */
static json_t *merged(const ng_graph *g, const ng_gmerged *m)
{
  json_t *o = json_object(), *a;
  if (!o || put(o, "document", doc_id(g, m->doc)) ||
      put(o, "name", ng_json_str(m->name)) || !(a = put_array(o, "aliases")) ||
      put(o, "mentions", num(m->n_mentions)) ||
      put(o, "start", num(m->start)) || put(o, "end", num(m->end)))
    goto fail;
  for (size_t i = 0; i < m->n_aliases; i++)
    if (json_array_append_new(a, ng_json_str(m->aliases[i])))
      goto fail;
  return o;
fail:
  json_decref(o);
  return NULL;
}

static int add_sources(json_t *arr, const ng_graph *g, const ng_gsource *v,
                       size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (json_array_append_new(arr, source(g, &v[i])))
      return -1;
  return 0;
}

/*
 * "alternatives": the dates some sources gave and the others outvoted,
 * [{"date", "precision", "sources": [{"document", "sentence", "date_text"}]}].
 */
static int add_alternatives(json_t *o, const ng_graph *g, const ng_gevent *ev)
{
  json_t *arr = put_array(o, "alternatives");
  if (!arr)
    return -1;
  for (size_t i = 0; i < ev->n_alts; i++) {
    const ng_galt *alt = &ev->alts[i];
    json_t *a = json_object(), *srcs;
    if (!a || json_array_append_new(arr, a) ||
        put(a, "date", opt_fixed(alt->date, sizeof(alt->date))) ||
        put(a, "precision", json_string(ng_precision_name(alt->precision))) ||
        !(srcs = put_array(a, "sources")))
      return -1;
    for (size_t k = 0; k < alt->n_sources; k++) {
      const ng_gsource *s = &ev->sources.v[alt->sources[k]];
      json_t *r = json_object();
      if (!r || json_array_append_new(srcs, r) || put(r, "document", doc_id(g, s->doc)) ||
          put(r, "sentence", num(s->sentence)) || put(r, "date_text", ng_json_str(s->date_text)))
        return -1;
    }
  }
  return 0;
}

static int add_ids(json_t *arr, const ng_graph *g, const size_t *v, size_t n,
                   json_t *(*id)(const ng_graph *, size_t))
{
  for (size_t i = 0; i < n; i++)
    if (json_array_append_new(arr, id(g, v[i])))
      return -1;
  return 0;
}

static size_t section_len(const ng_graph *g, enum section s)
{
  switch (s) {
  case DOCUMENTS:
    return g->docs.n;
  case ENTITIES:
    return g->entities.n;
  case RELATIONS:
  case EDGES:
    return g->edges.n;
  case EVENTS:
    return g->events.n;
  case N_SECTIONS:
    break;
  }
  return 0;
}

/*
 * Element i of section s into *out: 0 with *out set, 0 with *out NULL when
 * the item belongs to another section (edges hold both relations and
 * co-mentions), -1 when memory runs out.
 */
static int make(const ng_graph *g, enum section s, size_t i, json_t **out)
{
  json_t *o = json_object(), *a;
  ng_buf idbuf = NG_BUF_INIT;

  *out = NULL;
  if (!o)
    return -1;
  switch (s) {
  case DOCUMENTS: {
    const ng_gdoc *d = &g->docs.v[i];
    if (put(o, "id", ng_json_str(d->id)) ||
        put(o, "source", ng_json_str(d->source)) ||
        put(o, "title", ng_json_str(d->title)) ||
        put(o, "url", ng_json_str(d->url)) ||
        put(o, "published", opt_fixed(d->published, sizeof(d->published))))
      goto fail;
    if (d->published[0] &&
        put(o, "published_from",
            json_string(ng_pub_from_name(d->published_from))))
      goto fail;
    if (d->n_authors) {
      if (!(a = put_array(o, "authors")))
        goto fail;
      for (size_t k = 0; k < d->n_authors; k++)
        if (json_array_append_new(a, ng_json_str(d->authors[k])))
          goto fail;
    }
    if (d->duplicate_of < g->docs.n &&
        put(o, "duplicate_of", doc_id(g, d->duplicate_of)))
      goto fail;
    break;
  }
  case ENTITIES: {
    const ng_gentity *e = &g->entities.v[i];
    json_t *docs, *mg;
    if (put(o, "id", ng_json_str(e->id)) ||
        put(o, "name", ng_json_str(e->name)) ||
        put(o, "type", json_string(ng_entity_type_name(e->type))) ||
        !(a = put_array(o, "aliases")) ||
        put(o, "mentions", num(e->n_mentions)) ||
        !(docs = put_array(o, "documents")) ||
        add_ids(docs, g, e->docs.v, e->docs.n, doc_id) ||
        !(mg = put_array(o, "merged")))
      goto fail;
    for (size_t k = 0; k < e->aliases.n; k++)
      if (json_array_append_new(a, ng_json_str(e->aliases.v[k])))
        goto fail;
    for (size_t k = 0; k < e->merged.n; k++)
      if (json_array_append_new(mg, merged(g, &e->merged.v[k])))
        goto fail;
    break;
  }
  case RELATIONS:
  case EDGES: {
    const ng_gedge *e = &g->edges.v[i];
    if ((s == RELATIONS) != (e->role != NULL)) {
      json_decref(o);
      return 0;
    }
    ng_buf_reset(&idbuf);
    ng_edge_id(g, e, &idbuf);
    if (put(o, "id", ng_json_strn(idbuf.ptr, idbuf.len)) ||
        put(o, "source", entity_id(g, e->a)) ||
        put(o, "target", entity_id(g, e->b)))
      goto fail;
    if (s == RELATIONS && put(o, "role", ng_json_str(e->role)))
      goto fail;
    if (put(o, "weight", num(e->weight)) || !(a = put_array(o, "sources")) ||
        add_sources(a, g, e->sources.v, e->sources.n))
      goto fail;
    for (size_t k = 0; k < e->spans.n; k++)
      if (json_array_append_new(a, span(g, &e->spans.v[k])))
        goto fail;
    break;
  }
  case EVENTS: {
    const ng_gevent *ev = &g->events.v[i];
    json_t *parts;
    if (put(o, "id", ng_json_str(ev->id)) ||
        put(o, "date", opt_fixed(ev->date, sizeof(ev->date))) ||
        put(o, "precision", json_string(ng_precision_name(ev->precision))) ||
        put(o, "summary", ng_json_str(ev->summary)) ||
        put(o, "trigger", ng_json_str(ev->trigger)) ||
        !(parts = put_array(o, "participants")) ||
        add_ids(parts, g, ev->participants.v, ev->participants.n,
                entity_id) ||
        !(a = put_array(o, "sources")) ||
        add_sources(a, g, ev->sources.v, ev->sources.n) ||
        (ev->n_alts && add_alternatives(o, g, ev)))
      goto fail;
    break;
  }
  case N_SECTIONS:
    break;
  }
  ng_buf_release(&idbuf);
  *out = o;
  return 0;
fail:
  ng_buf_release(&idbuf);
  json_decref(o);
  return -1;
}

/*
 * Append j, dumped with JSON_INDENT(2), as if it stood depth levels deep
 * in the file: every line after the first is shifted right.  Strings in
 * the dump hold no raw newline (jansson writes \n), so every newline is a
 * line break of the layout.
 */
static int add_indented(ng_buf *out, ng_buf *tmp, const json_t *j,
                        int depth)
{
  ng_buf_reset(tmp);
  if (ng_json_dump(j, JSON_INDENT(2), tmp) < 0)
    return -1;
  for (const char *p = tmp->ptr, *nl; *p; p = nl + 1) {
    nl = strchr(p, '\n');
    if (!nl) {
      ng_buf_adds(out, p);
      break;
    }
    ng_buf_add(out, p, (size_t)(nl - p) + 1);
    ng_buf_add(out, "        ", 2 * (size_t)depth); /* depth <= 4 */
  }
  return 0;
}

int ng_timeline_stream(const ng_graph *g, ng_out *o)
{
  ng_buf tmp = NG_BUF_INIT, *out = o->buf;
  json_t *gen = NULL, *item;
  int ret = 0;

  if (!g->finished)
    return ng_err_set(o->err, NG_ERR_USAGE,
                      "graph written before ng_graph_finish()");

  gen = json_object();
  if (!gen || put(gen, "name", json_string("newsgraph")) ||
      put(gen, "version", json_string(ng_version())))
    goto fail;
  ng_buf_adds(out, "{\n  \"generator\": ");
  if (add_indented(out, &tmp, gen, 1) < 0)
    goto fail;

  for (int s = 0; s < N_SECTIONS; s++) {
    size_t n = section_len(g, s), written = 0;
    ng_buf_addf(out, ",\n  \"%s\": [", section_name[s]);
    for (size_t i = 0; i < n; i++) {
      if (make(g, s, i, &item) < 0)
        goto fail;
      if (!item)
        continue;
      ng_buf_adds(out, written++ ? ",\n    " : "\n    ");
      ret = add_indented(out, &tmp, item, 2);
      json_decref(item);
      if (ret < 0)
        goto fail;
      if ((ret = ng_out_step(o)) < 0)
        goto out;
    }
    ng_buf_adds(out, written ? "\n  ]" : "]");
  }
  ng_buf_adds(out, "\n}\n");
  goto out;

fail:
  ret = ng_err_set(o->err, NG_ERR_NOMEM, "cannot build timeline.json");
out:
  json_decref(gen);
  ng_buf_release(&tmp);
  return ret;
}

int ng_write_timeline(const ng_graph *g, ng_buf *out, ng_err *err)
{
  return ng_out_run(g, ng_timeline_stream, out, err);
}
