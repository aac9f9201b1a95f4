/*
 * `newsgraph extract`: one JSON Lines record per document, with the
 * fields of CONTRACT.md section 1 in a fixed order.  Also home of the
 * jansson helpers timeline.c shares (write_internal.h).
 *
 * A record is streamed into the output buffer (no tree per document);
 * the bytes are those jansson's compact dump would write.
 */
#include <stdint.h>
#include <stdio.h>
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

static void escape_into(ng_buf *out, const char *s, size_t n);

/* A line break and depth levels of indentation, or the space after ','. */
static void dump_indent(ng_buf *out, size_t flags, size_t depth, int space)
{
  static const char spaces[] = "                                ";
  size_t n = depth * (flags & 0x1F);
  if (flags & 0x1F) {
    ng_buf_addch(out, '\n');
    for (; n > sizeof(spaces) - 1; n -= sizeof(spaces) - 1)
      ng_buf_add(out, spaces, sizeof(spaces) - 1);
    ng_buf_add(out, spaces, n);
  } else if (space && !(flags & JSON_COMPACT)) {
    ng_buf_addch(out, ' ');
  }
}

/*
 * jansson's own dump walks the tree through a callback per token and
 * escapes strings with snprintf and a UTF-8 decode per character; the
 * writers dump big trees (timeline.json), so this walk writes the same
 * bytes straight into the buffer: the layout of dump.c's do_dump() for
 * the flags we use, objects in their insertion order (json_object_iter's
 * order, the order jansson dumps them in).  Values it has no business
 * with (reals) are handed to jansson one by one.
 */
static int dump_value(const json_t *j, size_t flags, size_t depth, ng_buf *out)
{
  switch (json_typeof(j)) {
  case JSON_NULL:
    ng_buf_add(out, "null", 4);
    return 0;
  case JSON_TRUE:
    ng_buf_add(out, "true", 4);
    return 0;
  case JSON_FALSE:
    ng_buf_add(out, "false", 5);
    return 0;
  case JSON_INTEGER: {
    char tmp[32];
    int n = snprintf(tmp, sizeof(tmp), "%" JSON_INTEGER_FORMAT,
                     json_integer_value(j));
    if (n < 0 || (size_t)n >= sizeof(tmp))
      return -1;
    ng_buf_add(out, tmp, (size_t)n);
    return 0;
  }
  case JSON_STRING:
    /* jansson checked the bytes when the string was made. */
    ng_buf_addch(out, '"');
    escape_into(out, json_string_value(j), json_string_length(j));
    ng_buf_addch(out, '"');
    return 0;
  case JSON_ARRAY: {
    size_t n = json_array_size(j);
    ng_buf_addch(out, '[');
    if (!n) {
      ng_buf_addch(out, ']');
      return 0;
    }
    dump_indent(out, flags, depth + 1, 0);
    for (size_t i = 0; i < n; i++) {
      if (dump_value(json_array_get(j, i), flags, depth + 1, out) < 0)
        return -1;
      if (i + 1 < n) {
        ng_buf_addch(out, ',');
        dump_indent(out, flags, depth + 1, 1);
      } else {
        dump_indent(out, flags, depth, 0);
      }
    }
    ng_buf_addch(out, ']');
    return 0;
  }
  case JSON_OBJECT: {
    void *it = json_object_iter((json_t *)j);
    ng_buf_addch(out, '{');
    if (!it) {
      ng_buf_addch(out, '}');
      return 0;
    }
    dump_indent(out, flags, depth + 1, 0);
    while (it) {
      void *next = json_object_iter_next((json_t *)j, it);
      ng_buf_addch(out, '"');
      escape_into(out, json_object_iter_key(it),
                  json_object_iter_key_len(it));
      ng_buf_addch(out, '"');
      if (flags & JSON_COMPACT)
        ng_buf_addch(out, ':');
      else
        ng_buf_add(out, ": ", 2);
      if (dump_value(json_object_iter_value(it), flags, depth + 1, out) < 0)
        return -1;
      if (next) {
        ng_buf_addch(out, ',');
        dump_indent(out, flags, depth + 1, 1);
      } else {
        dump_indent(out, flags, depth, 0);
      }
      it = next;
    }
    ng_buf_addch(out, '}');
    return 0;
  }
  case JSON_REAL:
    break;
  }
  return json_dump_callback(j, dump_cb, out, flags | JSON_ENCODE_ANY) == 0
             ? 0
             : -1;
}

int ng_json_dump(const json_t *j, size_t flags, ng_buf *out)
{
  size_t old_len = out->len;
  /* Flags that change the bytes in ways the walk does not know. */
  const size_t foreign = JSON_ENSURE_ASCII | JSON_SORT_KEYS |
                         JSON_ESCAPE_SLASH | JSON_EMBED;
  if (flags & foreign)
    return json_dump_callback(j, dump_cb, out, flags) == 0 ? 0 : -1;
  if (!j || (!(flags & JSON_ENCODE_ANY) && !json_is_array(j) &&
             !json_is_object(j)))
    return -1;
  if (dump_value(j, flags, 0, out) < 0) {
    ng_buf_setlen(out, old_len);
    return -1;
  }
  return 0;
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
/* Streaming JSON                                                      */

/*
 * The record is written straight into the output buffer, byte for byte
 * as jansson's compact dump of the same tree would be (the fields in
 * insertion order, "," and ":" without spaces, integers in decimal), but
 * without building and freeing a tree per document: that cost more than
 * the analysis of the short articles it described.
 */

/* Bytes a JSON string must escape: '"', '\\' and the controls. */
static const unsigned char must_escape[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
};

/*
 * Does any of the eight bytes in w need escaping?  Each test is the
 * "has a zero byte" trick: x - 0x01.. borrows into a byte's top bit only
 * below the first byte it tests true for, so as a yes/no it is exact.
 */
static int any_escape8(uint64_t w)
{
  const uint64_t ones = UINT64_C(0x0101010101010101), tops = ones << 7;
  uint64_t quote = w ^ (ones * '"'), bslash = w ^ (ones * '\\');
  return ((((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) |
           ((bslash - ones) & ~bslash)) &
          tops) != 0;
}

/* s[0..n), valid UTF-8, as the body of a JSON string (jansson's escapes). */
static void escape_into(ng_buf *out, const char *s, size_t n)
{
  static const char hex[] = "0123456789ABCDEF";
  const unsigned char *u = (const unsigned char *)s;
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    /* Most text needs nothing: skip it eight bytes at a time. */
    uint64_t w;
    while (i + 8 <= n && (memcpy(&w, u + i, 8), !any_escape8(w)))
      i += 8;
    if (i == n)
      break;
    if (!must_escape[u[i]])
      continue;
    ng_buf_add(out, s + run, i - run);
    run = i + 1;
    char esc[6] = {'\\', 0, 0, 0, 0, 0};
    size_t len = 2;
    switch (u[i]) {
    case '"': esc[1] = '"'; break;
    case '\\': esc[1] = '\\'; break;
    case '\b': esc[1] = 'b'; break;
    case '\f': esc[1] = 'f'; break;
    case '\n': esc[1] = 'n'; break;
    case '\r': esc[1] = 'r'; break;
    case '\t': esc[1] = 't'; break;
    default:
      esc[1] = 'u';
      esc[2] = '0';
      esc[3] = '0';
      esc[4] = hex[u[i] >> 4];
      esc[5] = hex[u[i] & 15];
      len = 6;
    }
    ng_buf_add(out, esc, len);
  }
  ng_buf_add(out, s + run, n - run);
}

void ng_json_put_strn(ng_buf *out, const char *s, size_t n)
{
  ng_buf_addch(out, '"');
  if (ng_utf8_valid_prefix(s, n) == n) {
    escape_into(out, s, n);
  } else {
    /* Rare: mend bad bytes as U+FFFD rather than lose the record. */
    size_t clean_len;
    char *clean = ng_utf8_sanitize(s, n, &clean_len);
    escape_into(out, clean, clean_len);
    free(clean);
  }
  ng_buf_addch(out, '"');
}

void ng_json_put_str(ng_buf *out, const char *s)
{
  if (s)
    ng_json_put_strn(out, s, strlen(s));
  else
    ng_buf_add(out, "null", 4);
}

void ng_json_put_uint(ng_buf *out, size_t v)
{
  char tmp[24];
  size_t i = sizeof(tmp);
  do {
    tmp[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  ng_buf_add(out, tmp + i, sizeof(tmp) - i);
}

/* A literal piece of the record: punctuation and keys, nothing to escape. */
#define LIT(out, k) ng_buf_add((out), "" k, sizeof(k) - 1)

/* Text of [start, end) clamped to the document, so a bad span stays safe. */
static void span_text(ng_buf *out, const ng_doc *doc, size_t start, size_t end)
{
  if (end > doc->text_len)
    end = doc->text_len;
  if (start > end)
    start = end;
  ng_json_put_strn(out, doc->text + start, end - start);
}

/* A fixed char array holding a C string ("" when unset). */
static void fixed_str(ng_buf *out, const char *s, size_t size)
{
  ng_json_put_strn(out, s, strnlen(s, size));
}

static void entity_id(ng_buf *out, const ng_doc *doc, size_t i)
{
  if (i < doc->entities.n)
    ng_json_put_str(out, doc->entities.v[i].id);
  else
    ng_buf_add(out, "null", 4);
}

static void mention(ng_buf *out, const ng_doc *doc, const ng_mention *m)
{
  LIT(out, "{\"start\":");
  ng_json_put_uint(out, m->start);
  LIT(out, ",\"end\":");
  ng_json_put_uint(out, m->end);
  LIT(out, ",\"text\":");
  span_text(out, doc, m->start, m->end);
  LIT(out, ",\"type\":");
  ng_json_put_str(out, ng_entity_type_name(m->type));
  LIT(out, ",\"entity\":");
  entity_id(out, doc, m->entity);
  ng_buf_addch(out, '}');
}

static void entity(ng_buf *out, const ng_dentity *e)
{
  LIT(out, "{\"id\":");
  ng_json_put_str(out, e->id);
  LIT(out, ",\"name\":");
  ng_json_put_str(out, e->name);
  LIT(out, ",\"type\":");
  ng_json_put_str(out, ng_entity_type_name(e->type));
  LIT(out, ",\"aliases\":[");
  for (size_t i = 0; i < e->aliases.n; i++) {
    if (i)
      ng_buf_addch(out, ',');
    ng_json_put_str(out, e->aliases.v[i]);
  }
  LIT(out, "],\"mentions\":");
  ng_json_put_uint(out, e->n_mentions);
  ng_buf_addch(out, '}');
}

static void timex(ng_buf *out, const ng_doc *doc, const ng_timex *t)
{
  LIT(out, "{\"start\":");
  ng_json_put_uint(out, t->start);
  LIT(out, ",\"end\":");
  ng_json_put_uint(out, t->end);
  LIT(out, ",\"text\":");
  span_text(out, doc, t->start, t->end);
  LIT(out, ",\"type\":");
  ng_json_put_str(out, ng_timex_type_name(t->type));
  LIT(out, ",\"value\":");
  fixed_str(out, t->value, sizeof(t->value));
  ng_buf_addch(out, '}');
}

/*
 * An event with its sentence: start, end and text are the sentence's,
 * date_text the expression that anchored the date (null if unknown),
 * actor the entity that did it (null if none is named).
 */
static void event(ng_buf *out, const ng_doc *doc, const ng_event *ev)
{
  size_t start = 0, end = 0;
  const ng_timex *t =
      ev->timex < doc->timexes.n ? &doc->timexes.v[ev->timex] : NULL;

  if (ev->sentence < doc->sentences.n) {
    start = doc->sentences.v[ev->sentence].start;
    end = doc->sentences.v[ev->sentence].end;
  }
  LIT(out, "{\"date\":");
  fixed_str(out, ev->date, sizeof(ev->date));
  LIT(out, ",\"precision\":");
  ng_json_put_str(out, ng_precision_name(ev->precision));
  LIT(out, ",\"summary\":");
  ng_json_put_str(out, ev->summary);
  LIT(out, ",\"trigger\":");
  ng_json_put_str(out, ev->trigger);
  LIT(out, ",\"participants\":[");
  for (size_t i = 0; i < ev->participants.n; i++) {
    if (i)
      ng_buf_addch(out, ',');
    entity_id(out, doc, ev->participants.v[i]);
  }
  LIT(out, "],\"actor\":");
  if (ev->actor < doc->entities.n)
    entity_id(out, doc, ev->actor);
  else
    ng_buf_add(out, "null", 4);
  LIT(out, ",\"sentence\":");
  ng_json_put_uint(out, ev->sentence);
  LIT(out, ",\"start\":");
  ng_json_put_uint(out, start);
  LIT(out, ",\"end\":");
  ng_json_put_uint(out, end);
  LIT(out, ",\"text\":");
  span_text(out, doc, start, end);
  LIT(out, ",\"date_text\":");
  if (t)
    span_text(out, doc, t->start, t->end);
  else
    ng_buf_add(out, "null", 4);
  ng_buf_addch(out, '}');
}

/* ------------------------------------------------------------------ */
/* The record                                                         */

int ng_write_extract(const ng_doc *doc, int with_text, ng_buf *out,
                     ng_err *err)
{
  (void)err; /* the buffer aborts rather than fail */
  LIT(out, "{\"id\":");
  ng_json_put_str(out, doc->id ? doc->id : "-");
  LIT(out, ",\"source\":");
  ng_json_put_str(out, doc->source ? doc->source : "-");
  LIT(out, ",\"title\":");
  ng_json_put_str(out, doc->title);
  LIT(out, ",\"url\":");
  ng_json_put_str(out, doc->url);
  LIT(out, ",\"published\":");
  if (doc->published[0]) {
    fixed_str(out, doc->published, sizeof(doc->published));
    LIT(out, ",\"published_from\":");
    ng_json_put_str(out, ng_pub_from_name(doc->published_from));
  } else {
    ng_buf_add(out, "null", 4);
  }
  if (doc->authors.n) {
    LIT(out, ",\"authors\":[");
    for (size_t i = 0; i < doc->authors.n; i++) {
      if (i)
        ng_buf_addch(out, ',');
      ng_json_put_str(out, doc->authors.v[i]);
    }
    ng_buf_addch(out, ']');
  }
  if (with_text) {
    LIT(out, ",\"text\":");
    span_text(out, doc, 0, doc->text_len);
  }

  LIT(out, ",\"mentions\":[");
  for (size_t i = 0; i < doc->mentions.n; i++) {
    if (i)
      ng_buf_addch(out, ',');
    mention(out, doc, &doc->mentions.v[i]);
  }
  LIT(out, "],\"entities\":[");
  for (size_t i = 0; i < doc->entities.n; i++) {
    if (i)
      ng_buf_addch(out, ',');
    entity(out, &doc->entities.v[i]);
  }
  LIT(out, "],\"timexes\":[");
  for (size_t i = 0; i < doc->timexes.n; i++) {
    if (i)
      ng_buf_addch(out, ',');
    timex(out, doc, &doc->timexes.v[i]);
  }
  LIT(out, "],\"events\":[");
  for (size_t i = 0; i < doc->events.n; i++) {
    if (i)
      ng_buf_addch(out, ',');
    event(out, doc, &doc->events.v[i]);
  }
  LIT(out, "]}\n");
  return 0;
}
