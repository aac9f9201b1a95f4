#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/doc.h"

const char *ng_entity_type_name(ng_entity_type t)
{
  switch (t) {
  case NG_ENTITY_PERSON:
    return "person";
  case NG_ENTITY_ORG:
    return "organization";
  case NG_ENTITY_PLACE:
    return "place";
  }
  return "unknown";
}

const char *ng_pub_from_name(ng_pub_from f)
{
  switch (f) {
  case NG_PUB_TEXT:
    return "text";
  case NG_PUB_METADATA:
    return "metadata";
  case NG_PUB_GIVEN:
    return "given";
  case NG_PUB_INFERRED:
    return "inferred";
  case NG_PUB_NONE:
    break;
  }
  return "none";
}

const char *ng_timex_type_name(ng_timex_type t)
{
  switch (t) {
  case NG_TIMEX_DATE:
    return "DATE";
  case NG_TIMEX_TIME:
    return "TIME";
  case NG_TIMEX_DURATION:
    return "DURATION";
  case NG_TIMEX_SET:
    return "SET";
  }
  return "DATE";
}

const char *ng_precision_name(ng_precision p)
{
  switch (p) {
  case NG_PREC_DAY:
    return "day";
  case NG_PREC_WEEK:
    return "week";
  case NG_PREC_MONTH:
    return "month";
  case NG_PREC_YEAR:
    return "year";
  case NG_PREC_OTHER:
    break;
  }
  return "other";
}

ng_doc *ng_doc_make(const char *text, size_t len)
{
  ng_doc *doc = ng_xcalloc(1, sizeof(*doc));
  ng_arena_init(&doc->arena);
  doc->text = ng_xstrndup(text, len);
  doc->text_len = len;
  return doc;
}

char *ng_doc_strdup(ng_doc *doc, const char *s)
{
  return s ? ng_arena_strdup(&doc->arena, s) : NULL;
}

char *ng_doc_strndup(ng_doc *doc, const char *s, size_t n)
{
  return s ? ng_arena_strndup(&doc->arena, s, n) : NULL;
}

int ng_doc_add_author(ng_doc *doc, const char *name)
{
  for (size_t i = 0; i < doc->authors.n; i++)
    if (!strcasecmp(doc->authors.v[i], name))
      return 0;
  *NG_VEC_PUSH(doc->authors) = ng_doc_strdup(doc, name);
  return 1;
}

int ng_doc_set_published(ng_doc *doc, const char *iso, ng_pub_from from)
{
  ng_ymd t;
  if (!iso || ng_parse_iso_date(iso, &t) < 0)
    return -1;
  ng_ymd_format(t, doc->published);
  doc->published_from = from;
  return 0;
}

int ng_doc_published_ymd(const ng_doc *doc, ng_ymd *out)
{
  if (!doc->published[0])
    return -1;
  return ng_parse_iso_date(doc->published, out);
}

int ng_doc_skipped(const ng_doc *doc, size_t offset)
{
  for (size_t i = 0; i < doc->skip.n; i++)
    if (offset >= doc->skip.v[i].start && offset < doc->skip.v[i].end)
      return 1;
  return 0;
}

ng_doc *ng_doc_new(const char *id, const char *source, const char *text,
                   size_t len, const char *published)
{
  ng_doc *doc = ng_doc_make(text, len);
  doc->id = ng_doc_strdup(doc, id ? id : "-");
  doc->source = ng_doc_strdup(doc, source ? source : "-");
  if (published)
    ng_doc_set_published(doc, published, NG_PUB_GIVEN);
  return doc;
}

const char *ng_doc_id(const ng_doc *doc)
{
  return doc->id;
}

const char *ng_doc_published(const ng_doc *doc)
{
  return doc->published;
}

const char *ng_doc_title(const ng_doc *doc)
{
  return doc->title;
}

const char *ng_doc_text(const ng_doc *doc, size_t *len)
{
  if (len)
    *len = doc->text_len;
  return doc->text;
}

void ng_doc_free(ng_doc *doc)
{
  if (!doc)
    return;
  for (size_t i = 0; i < doc->entities.n; i++)
    NG_VEC_FREE(doc->entities.v[i].aliases);
  for (size_t i = 0; i < doc->events.n; i++)
    NG_VEC_FREE(doc->events.v[i].participants);
  NG_VEC_FREE(doc->skip);
  NG_VEC_FREE(doc->authors);
  NG_VEC_FREE(doc->tokens);
  NG_VEC_FREE(doc->sentences);
  NG_VEC_FREE(doc->mentions);
  NG_VEC_FREE(doc->entities);
  NG_VEC_FREE(doc->relations);
  NG_VEC_FREE(doc->timexes);
  NG_VEC_FREE(doc->events);
  free(doc->text);
  ng_arena_release(&doc->arena);
  free(doc);
}
