/*
 * `newsgraph extract`: one JSON Lines record per document, with the
 * fields of CONTRACT.md section 1 in a fixed order.  Also home of the
 * jansson helpers timeline.c shares (write_internal.h).
 *
 * A record is one small jansson tree, dumped compact and freed: jansson
 * keeps keys in insertion order, which fixes the order of the fields.
 */
#include <stdlib.h>
#include <string.h>

#include "model/doc.h"
#include "util/utf8.h"
#include "write/write_internal.h"

/* ------------------------------------------------------------------ */
/* jansson helpers                                                    */

static int dump_cb(const char *s, size_t n, void *data)
{
  ng_buf_add(data, s, n);
  return 0;
}

int ng_json_dump(const json_t *j, size_t flags, ng_buf *out)
{
  return json_dump_callback(j, dump_cb, out, flags) == 0 ? 0 : -1;
}

json_t *ng_json_strn(const char *s, size_t n)
{
  json_t *j = json_stringn(s, n);
  char *clean;
  size_t clean_len;

  /* Rare: jansson refused the bytes, so mend them and try again. */
  if (!j && ng_utf8_valid_prefix(s, n) != n) {
    clean = ng_utf8_sanitize(s, n, &clean_len);
    j = json_stringn(clean, clean_len);
    free(clean);
  }
  return j;
}

json_t *ng_json_str(const char *s)
{
  return s ? ng_json_strn(s, strlen(s)) : json_null();
}

/* ------------------------------------------------------------------ */
/* The record                                                         */

/* Add key: value to obj, stealing value; -1 when value is NULL. */
static int put(json_t *obj, const char *key, json_t *value)
{
  return json_object_set_new(obj, key, value);
}

/*
 * Add key: [] to obj and return the array, borrowed, or NULL.  Arrays go
 * in empty and are filled afterwards: the key keeps its place in the
 * order, and the object owns the array on every path out.
 */
static json_t *put_array(json_t *obj, const char *key)
{
  json_t *a = json_array();
  return put(obj, key, a) == 0 ? a : NULL;
}

/* Text of [start, end) clamped to the document, so a bad span stays safe. */
static json_t *span_text(const ng_doc *doc, size_t start, size_t end)
{
  if (end > doc->text_len)
    end = doc->text_len;
  if (start > end)
    start = end;
  return ng_json_strn(doc->text + start, end - start);
}

/* A fixed char array holding a C string ("" when unset). */
static json_t *fixed_str(const char *s, size_t size)
{
  return ng_json_strn(s, strnlen(s, size));
}

static json_t *entity_id(const ng_doc *doc, size_t i)
{
  return i < doc->entities.n ? ng_json_str(doc->entities.v[i].id)
                             : json_null();
}

static json_t *num(size_t n)
{
  return json_integer((json_int_t)n);
}

static json_t *mention(const ng_doc *doc, const ng_mention *m)
{
  json_t *o = json_object();
  if (!o || put(o, "start", num(m->start)) || put(o, "end", num(m->end)) ||
      put(o, "text", span_text(doc, m->start, m->end)) ||
      put(o, "type", json_string(ng_entity_type_name(m->type))) ||
      put(o, "entity", entity_id(doc, m->entity)))
    goto fail;
  return o;
fail:
  json_decref(o);
  return NULL;
}

static json_t *entity(const ng_dentity *e)
{
  json_t *o = json_object(), *aliases;
  if (!o || put(o, "id", ng_json_str(e->id)) ||
      put(o, "name", ng_json_str(e->name)) ||
      put(o, "type", json_string(ng_entity_type_name(e->type))) ||
      !(aliases = put_array(o, "aliases")) ||
      put(o, "mentions", num(e->n_mentions)))
    goto fail;
  for (size_t i = 0; i < e->aliases.n; i++)
    if (json_array_append_new(aliases, ng_json_str(e->aliases.v[i])))
      goto fail;
  return o;
fail:
  json_decref(o);
  return NULL;
}

static json_t *timex(const ng_doc *doc, const ng_timex *t)
{
  json_t *o = json_object();
  if (!o || put(o, "start", num(t->start)) || put(o, "end", num(t->end)) ||
      put(o, "text", span_text(doc, t->start, t->end)) ||
      put(o, "type", json_string(ng_timex_type_name(t->type))) ||
      put(o, "value", fixed_str(t->value, sizeof(t->value))))
    goto fail;
  return o;
fail:
  json_decref(o);
  return NULL;
}

/*
 * An event with its sentence: start, end and text are the sentence's,
 * date_text the expression that anchored the date (null if unknown),
 * actor the entity that did it (null if none is named).
 */
static json_t *event(const ng_doc *doc, const ng_event *ev)
{
  json_t *o = json_object(), *parts;
  size_t start = 0, end = 0;
  const ng_timex *t =
      ev->timex < doc->timexes.n ? &doc->timexes.v[ev->timex] : NULL;

  if (ev->sentence < doc->sentences.n) {
    start = doc->sentences.v[ev->sentence].start;
    end = doc->sentences.v[ev->sentence].end;
  }
  if (!o || put(o, "date", fixed_str(ev->date, sizeof(ev->date))) ||
      put(o, "precision", json_string(ng_precision_name(ev->precision))) ||
      put(o, "summary", ng_json_str(ev->summary)) ||
      put(o, "trigger", ng_json_str(ev->trigger)) ||
      !(parts = put_array(o, "participants")) ||
      put(o, "actor", ev->actor < doc->entities.n ? entity_id(doc, ev->actor) : json_null()) ||
      put(o, "sentence", num(ev->sentence)) ||
      put(o, "start", num(start)) || put(o, "end", num(end)) ||
      put(o, "text", span_text(doc, start, end)) ||
      put(o, "date_text",
          t ? span_text(doc, t->start, t->end) : json_null()))
    goto fail;
  for (size_t i = 0; i < ev->participants.n; i++)
    if (json_array_append_new(parts, entity_id(doc, ev->participants.v[i])))
      goto fail;
  return o;
fail:
  json_decref(o);
  return NULL;
}

int ng_write_extract(const ng_doc *doc, int with_text, ng_buf *out,
                     ng_err *err)
{
  json_t *rec = json_object(), *mentions, *entities, *timexes, *events;
  size_t old_len = out->len;
  int ret = 0;

  if (!rec || put(rec, "id", ng_json_str(doc->id ? doc->id : "-")) ||
      put(rec, "source", ng_json_str(doc->source ? doc->source : "-")) ||
      put(rec, "title", ng_json_str(doc->title)) ||
      put(rec, "url", ng_json_str(doc->url)) ||
      put(rec, "published",
          doc->published[0] ? fixed_str(doc->published,
                                        sizeof(doc->published))
                            : json_null()))
    goto fail;
  if (doc->published[0] &&
      put(rec, "published_from",
          json_string(ng_pub_from_name(doc->published_from))))
    goto fail;
  if (with_text && put(rec, "text", span_text(doc, 0, doc->text_len)))
    goto fail;
  if (!(mentions = put_array(rec, "mentions")) ||
      !(entities = put_array(rec, "entities")) ||
      !(timexes = put_array(rec, "timexes")) ||
      !(events = put_array(rec, "events")))
    goto fail;

  for (size_t i = 0; i < doc->mentions.n; i++)
    if (json_array_append_new(mentions, mention(doc, &doc->mentions.v[i])))
      goto fail;
  for (size_t i = 0; i < doc->entities.n; i++)
    if (json_array_append_new(entities, entity(&doc->entities.v[i])))
      goto fail;
  for (size_t i = 0; i < doc->timexes.n; i++)
    if (json_array_append_new(timexes, timex(doc, &doc->timexes.v[i])))
      goto fail;
  for (size_t i = 0; i < doc->events.n; i++)
    if (json_array_append_new(events, event(doc, &doc->events.v[i])))
      goto fail;

  if (ng_json_dump(rec, JSON_COMPACT, out) < 0)
    goto fail;
  ng_buf_addch(out, '\n');
  goto out;

fail:
  ng_buf_setlen(out, old_len); /* no half record */
  ret = ng_err_set(err, NG_ERR_NOMEM, "cannot build the record of '%s'",
                   doc->id ? doc->id : "-");
out:
  json_decref(rec);
  return ret;
}
