/*
 * timeline.json: documents, entities, relations, co-mention edges and
 * events of the merged graph, in the graph's order (events by date).
 *
 * A corpus can hold a lot of events, so the file is never one jansson
 * tree, nor a tree per element: building and freeing those cost more
 * than the rest of the writer.  Each element is written straight into
 * the output buffer (and, through ng_write_file(), sent to disk in
 * chunks) with the layout jansson gives a whole tree with
 * JSON_INDENT(2): a key or array item per line, indented two spaces a
 * level, empty arrays as [].  The tests check that by loading and
 * re-dumping the file.
 *
 * One function per object, writing its fields in order: a new field is
 * one more key() line there.
 */
#include <string.h>

#include "write/write_internal.h"

/* ------------------------------------------------------------------ */
/* Indented JSON, written as it goes                                   */

/*
 * The writer's place: depth levels deep, and whether the innermost open
 * object or array holds anything yet (for the ',' and for "[]").
 */
#define MAX_DEPTH 8

typedef struct jw {
  ng_buf *out;
  unsigned depth;
  unsigned char used[MAX_DEPTH];
} jw;

static void newline(jw *w, unsigned depth)
{
  static const char spaces[2 * MAX_DEPTH] = "                ";
  ng_buf_addch(w->out, '\n');
  ng_buf_add(w->out, spaces, 2 * (size_t)depth);
}

/* Before an array item or an object key: the separator and indentation. */
static void jw_item(jw *w)
{
  if (w->used[w->depth])
    ng_buf_addch(w->out, ',');
  w->used[w->depth] = 1;
  newline(w, w->depth);
}

static void jw_open(jw *w, char c)
{
  ng_buf_addch(w->out, c);
  w->used[++w->depth] = 0; /* depth stays below MAX_DEPTH: see below */
}

static void jw_close(jw *w, char c)
{
  if (w->used[w->depth])
    newline(w, w->depth - 1);
  w->depth--;
  ng_buf_addch(w->out, c);
}

/* "key": , for a literal key (nothing to escape). */
#define key(w, k)                                                          \
  (jw_item(w), ng_buf_add((w)->out, "\"" k "\": ", sizeof(k) + 3))

static void str(jw *w, const char *s)
{
  ng_json_put_str(w->out, s);
}

static void num(jw *w, size_t n)
{
  ng_json_put_uint(w->out, n);
}

static void null(jw *w)
{
  ng_buf_add(w->out, "null", 4);
}

/* A fixed char array: its string, or null when empty. */
static void opt_fixed(jw *w, const char *s, size_t size)
{
  size_t n = strnlen(s, size);
  if (n)
    ng_json_put_strn(w->out, s, n);
  else
    null(w);
}

static void doc_id(jw *w, const ng_graph *g, size_t i)
{
  if (i < g->docs.n)
    str(w, g->docs.v[i].id);
  else
    null(w);
}

static void entity_id(jw *w, const ng_graph *g, size_t i)
{
  if (i < g->entities.n)
    str(w, g->entities.v[i].id);
  else
    null(w);
}

/* An array of strings on their own lines. */
static void str_array(jw *w, char *const *v, size_t n)
{
  jw_open(w, '[');
  for (size_t i = 0; i < n; i++) {
    jw_item(w);
    str(w, v[i]);
  }
  jw_close(w, ']');
}

/* An array of ids: id(g, v[i]) each. */
static void id_array(jw *w, const ng_graph *g, const size_t *v, size_t n,
                     void (*id)(jw *, const ng_graph *, size_t))
{
  jw_open(w, '[');
  for (size_t i = 0; i < n; i++) {
    jw_item(w);
    id(w, g, v[i]);
  }
  jw_close(w, ']');
}

/* ------------------------------------------------------------------ */
/* The objects                                                         */

static void generator(jw *w)
{
  jw_open(w, '{');
  key(w, "name");
  str(w, "newsgraph");
  key(w, "version");
  str(w, ng_version());
  jw_close(w, '}');
}

/* Where a fact was read: {"document", "sentence", "text", "start", "end", ...}. */
static void source(jw *w, const ng_graph *g, const ng_gsource *s)
{
  jw_open(w, '{');
  key(w, "document");
  doc_id(w, g, s->doc);
  key(w, "sentence");
  num(w, s->sentence);
  key(w, "text");
  str(w, s->text);
  key(w, "start");
  num(w, s->start);
  key(w, "end");
  num(w, s->end);
  if (s->role_text) {
    /* A relation's source says how it named the role; it has no date. */
    key(w, "role_text");
    str(w, s->role_text);
  } else {
    key(w, "date_text");
    str(w, s->date_text);
    key(w, "date");
    opt_fixed(w, s->date, sizeof(s->date));
  }
  jw_close(w, '}');
}

/*
 * A co-mention's sentence: the document and the byte offsets, which find
 * it; no text (there are too many to copy).
 */
static void span(jw *w, const ng_graph *g, const ng_gspan *s)
{
  jw_open(w, '{');
  key(w, "document");
  doc_id(w, g, s->doc);
  key(w, "start");
  num(w, s->start);
  key(w, "end");
  num(w, s->end);
  jw_close(w, '}');
}

/* The merge record: which document called the entity what, and where. */
static void merged(jw *w, const ng_graph *g, const ng_gmerged *m)
{
  jw_open(w, '{');
  key(w, "document");
  doc_id(w, g, m->doc);
  key(w, "name");
  str(w, m->name);
  key(w, "aliases");
  str_array(w, m->aliases, m->n_aliases);
  key(w, "mentions");
  num(w, m->n_mentions);
  key(w, "start");
  num(w, m->start);
  key(w, "end");
  num(w, m->end);
  jw_close(w, '}');
}

static void document(jw *w, const ng_graph *g, const ng_gdoc *d)
{
  jw_open(w, '{');
  key(w, "id");
  str(w, d->id);
  key(w, "source");
  str(w, d->source);
  key(w, "title");
  str(w, d->title);
  key(w, "url");
  str(w, d->url);
  key(w, "published");
  opt_fixed(w, d->published, sizeof(d->published));
  if (d->published[0]) {
    key(w, "published_from");
    str(w, ng_pub_from_name(d->published_from));
  }
  if (d->n_authors) {
    key(w, "authors");
    str_array(w, d->authors, d->n_authors);
  }
  if (d->duplicate_of < g->docs.n) {
    key(w, "duplicate_of");
    doc_id(w, g, d->duplicate_of);
  }
  jw_close(w, '}');
}

static void entity(jw *w, const ng_graph *g, const ng_gentity *e)
{
  jw_open(w, '{');
  key(w, "id");
  str(w, e->id);
  key(w, "name");
  str(w, e->name);
  key(w, "type");
  str(w, ng_entity_type_name(e->type));
  key(w, "aliases");
  str_array(w, e->aliases.v, e->aliases.n);
  key(w, "mentions");
  num(w, e->n_mentions);
  key(w, "documents");
  id_array(w, g, e->docs.v, e->docs.n, doc_id);
  key(w, "merged");
  jw_open(w, '[');
  for (size_t k = 0; k < e->merged.n; k++) {
    jw_item(w);
    merged(w, g, &e->merged.v[k]);
  }
  jw_close(w, ']');
  jw_close(w, '}');
}

/*
 * A relation (role set) or a co-mention edge: the same object, with
 * "role" only in the first; "sources" holds a relation's sources and a
 * co-mention's spans.
 */
static void edge(jw *w, const ng_graph *g, const ng_gedge *e, ng_buf *tmp)
{
  jw_open(w, '{');
  key(w, "id");
  ng_buf_reset(tmp);
  ng_edge_id(g, e, tmp);
  ng_json_put_strn(w->out, tmp->ptr, tmp->len);
  key(w, "source");
  entity_id(w, g, e->a);
  key(w, "target");
  entity_id(w, g, e->b);
  if (e->role) {
    key(w, "role");
    str(w, e->role);
  }
  key(w, "weight");
  num(w, e->weight);
  key(w, "sources");
  jw_open(w, '[');
  for (size_t k = 0; k < e->sources.n; k++) {
    jw_item(w);
    source(w, g, &e->sources.v[k]);
  }
  for (size_t k = 0; k < e->spans.n; k++) {
    jw_item(w);
    span(w, g, &e->spans.v[k]);
  }
  jw_close(w, ']');
  jw_close(w, '}');
}

/*
 * "alternatives": the dates some sources gave and the others outvoted,
 * [{"date", "precision", "sources": [{"document", "sentence", "date_text"}]}].
 */
static void alternatives(jw *w, const ng_graph *g, const ng_gevent *ev)
{
  jw_open(w, '[');
  for (size_t i = 0; i < ev->n_alts; i++) {
    const ng_galt *alt = &ev->alts[i];
    jw_item(w);
    jw_open(w, '{');
    key(w, "date");
    opt_fixed(w, alt->date, sizeof(alt->date));
    key(w, "precision");
    str(w, ng_precision_name(alt->precision));
    key(w, "sources");
    jw_open(w, '[');
    for (size_t k = 0; k < alt->n_sources; k++) {
      const ng_gsource *s = &ev->sources.v[alt->sources[k]];
      jw_item(w);
      jw_open(w, '{');
      key(w, "document");
      doc_id(w, g, s->doc);
      key(w, "sentence");
      num(w, s->sentence);
      key(w, "date_text");
      str(w, s->date_text);
      jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_close(w, '}');
  }
  jw_close(w, ']');
}

static void event(jw *w, const ng_graph *g, const ng_gevent *ev)
{
  jw_open(w, '{');
  key(w, "id");
  str(w, ev->id);
  key(w, "date");
  opt_fixed(w, ev->date, sizeof(ev->date));
  key(w, "precision");
  str(w, ng_precision_name(ev->precision));
  key(w, "summary");
  str(w, ev->summary);
  key(w, "trigger");
  str(w, ev->trigger);
  key(w, "participants");
  id_array(w, g, ev->participants.v, ev->participants.n, entity_id);
  key(w, "sources");
  jw_open(w, '[');
  for (size_t k = 0; k < ev->sources.n; k++) {
    jw_item(w);
    source(w, g, &ev->sources.v[k]);
  }
  jw_close(w, ']');
  if (ev->n_alts) {
    key(w, "alternatives");
    alternatives(w, g, ev);
  }
  jw_close(w, '}');
}

/* ------------------------------------------------------------------ */
/* The file                                                           */

/* The arrays of the file, in the order they are written. */
enum section { DOCUMENTS, ENTITIES, RELATIONS, EDGES, EVENTS, N_SECTIONS };

static const char *const section_name[N_SECTIONS] = {
    "documents", "entities", "relations", "edges", "events"};

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
 * Element i of section s, as an array item; nothing when it belongs to
 * another section (edges hold both relations and co-mentions).
 */
static void element(jw *w, const ng_graph *g, enum section s, size_t i,
                    ng_buf *tmp)
{
  switch (s) {
  case DOCUMENTS:
    jw_item(w);
    document(w, g, &g->docs.v[i]);
    break;
  case ENTITIES:
    jw_item(w);
    entity(w, g, &g->entities.v[i]);
    break;
  case RELATIONS:
  case EDGES:
    if ((s == RELATIONS) != (g->edges.v[i].role != NULL))
      break;
    jw_item(w);
    edge(w, g, &g->edges.v[i], tmp);
    break;
  case EVENTS:
    jw_item(w);
    event(w, g, &g->events.v[i]);
    break;
  case N_SECTIONS:
    break;
  }
}

int ng_timeline_stream(const ng_graph *g, ng_out *o)
{
  ng_buf tmp = NG_BUF_INIT;
  jw w = {o->buf, 0, {0}};
  int ret = 0;

  if (!g->finished)
    return ng_err_set(o->err, NG_ERR_USAGE,
                      "graph written before ng_graph_finish()");

  /*
   * Deepest point: file { section [ entity { merged [ { aliases [, or
   * file { events [ event { alternatives [ { sources [ { — depth 7,
   * under MAX_DEPTH.
   */
  jw_open(&w, '{');
  key(&w, "generator");
  generator(&w);
  for (int s = 0; s < N_SECTIONS; s++) {
    size_t n = section_len(g, s);
    jw_item(&w);
    ng_json_put_str(w.out, section_name[s]);
    ng_buf_add(w.out, ": ", 2);
    jw_open(&w, '[');
    for (size_t i = 0; i < n; i++) {
      element(&w, g, s, i, &tmp);
      if ((ret = ng_out_step(o)) < 0)
        goto out;
    }
    jw_close(&w, ']');
  }
  jw_close(&w, '}');
  ng_buf_addch(w.out, '\n');
out:
  ng_buf_release(&tmp);
  return ret;
}

int ng_write_timeline(const ng_graph *g, ng_buf *out, ng_err *err)
{
  return ng_out_run(g, ng_timeline_stream, out, err);
}
