/*
 * JSON Lines: one document per non-blank line,
 *
 *     {"id": "d1", "text": "...", "published": "2021-02-15", "title": "...",
 *      "url": "..."}
 *
 * id and text are required.  A line that cannot be used is reported with
 * its number and skipped; the lines after it are still read.  Each line is
 * parsed on its own with json_loadb(), so the work stays linear in the
 * size of the file.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "ingest/ingest.h"
#include "util/utf8.h"

static int blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f' &&
        s[i] != '\v')
      return 0;
  return 1;
}

/* An optional string field: its value, or NULL when absent, null or empty. */
static const char *opt_string(json_t *obj, const char *key) {
  json_t *v = json_object_get(obj, key);
  const char *s = json_is_string(v) ? json_string_value(v) : NULL;
  return s && *s && strlen(s) == json_string_length(v) ? s : NULL;
}

/*
 * Make the document of one parsed line, or say what is wrong with it in
 * why (and return NULL).
 */
static ng_doc *line_doc(json_t *obj, const char *path, const char **why) {
  json_t *id = json_object_get(obj, "id"), *text = json_object_get(obj, "text");
  json_t *pub = json_object_get(obj, "published");
  char idbuf[32];
  const char *ids;
  ng_doc *doc;
  ng_ymd t;

  if (!json_is_object(obj)) {
    *why = "not a JSON object";
    return NULL;
  }
  if (!id || json_is_null(id)) {
    *why = "no 'id'";
    return NULL;
  }
  if (json_is_string(id)) {
    ids = json_string_value(id);
    if (!*ids || strlen(ids) != json_string_length(id)) {
      *why = "'id' is empty or holds a NUL character";
      return NULL;
    }
  } else if (json_is_integer(id)) {
    snprintf(idbuf, sizeof(idbuf), "%" JSON_INTEGER_FORMAT,
             json_integer_value(id));
    ids = idbuf;
  } else {
    *why = "'id' is neither a string nor an integer";
    return NULL;
  }
  if (!text || json_is_null(text)) {
    *why = "no 'text'";
    return NULL;
  }
  if (!json_is_string(text)) {
    *why = "'text' is not a string";
    return NULL;
  }
  /* C strings downstream: a NUL would cut the text short. */
  if (strlen(json_string_value(text)) != json_string_length(text)) {
    *why = "'text' holds a NUL character (\\u0000)";
    return NULL;
  }

  doc = ng_doc_make(json_string_value(text), json_string_length(text));
  doc->id = ng_doc_strdup(doc, ids);
  doc->source = ng_doc_strdup(doc, path);
  doc->title = ng_doc_strdup(doc, opt_string(obj, "title"));
  doc->url = ng_doc_strdup(doc, opt_string(obj, "url"));

  /*
   * An unreadable "published" is not worth losing the article over: the
   * text may still state its date, and --date is the fallback after that.
   */
  if (json_is_string(pub) &&
      ng_pubdate_parse(json_string_value(pub), json_string_length(pub), &t) ==
          0) {
    char iso[16];
    ng_ymd_format(t, iso);
    ng_doc_set_published(doc, iso, NG_PUB_METADATA);
  } else if (ng_pubdate_from_text(doc->text, doc->text_len, &t) == 0) {
    char iso[16];
    ng_ymd_format(t, iso);
    ng_doc_set_published(doc, iso, NG_PUB_TEXT);
  }
  return doc;
}

int ng_read_jsonl(ng_ingest_ctx *c, const char *path, const char *bytes,
                  size_t len) {
  size_t pos = 0, lineno = 0;
  int rc = 0;

  /* A byte-order mark is no part of the first line's JSON. */
  if (len >= 3 && !memcmp(bytes, "\xef\xbb\xbf", 3))
    pos = 3;
  while (pos < len && rc == 0) {
    const char *nl = memchr(bytes + pos, '\n', len - pos);
    size_t end = nl ? (size_t)(nl - bytes) : len, n = end - pos, ok;
    const char *s = bytes + pos, *why = NULL;
    json_error_t jerr;
    json_t *obj;
    ng_doc *doc;

    lineno++;
    pos = nl ? end + 1 : len;
    if (blank(s, n))
      continue;
    /* ingest.c checks whole files; standard input and callers may not. */
    if ((ok = ng_utf8_valid_prefix(s, n)) < n) {
      ng_ingest_warn(c, path, "line %zu: not UTF-8 (bad byte at column %zu)",
                     lineno, ok + 1);
      continue;
    }
    obj = json_loadb(s, n, JSON_ALLOW_NUL, &jerr);
    if (!obj) {
      ng_ingest_warn(c, path, "line %zu: not JSON: %s", lineno, jerr.text);
      continue;
    }
    doc = line_doc(obj, path, &why);
    json_decref(obj);
    if (!doc) {
      ng_ingest_warn(c, path, "line %zu: %s", lineno, why);
      continue;
    }
    c->upto = pos;
    rc = ng_ingest_emit(c, doc);
  }
  return rc;
}
