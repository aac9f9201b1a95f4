/*
 * Inputs: files, folders and standard input.  This file knows how to get
 * bytes and which reader to hand them to; the readers know the formats.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "ingest/ingest.h"
#include "util/mem.h"
#include "util/utf8.h"

/* A file larger than this is refused rather than read into memory. */
#define NG_MAX_INPUT ((size_t)512 << 20)

static void say(ng_ingest_ctx *c, const char *path, const char *fmt,
                va_list ap)
{
  ng_buf msg = NG_BUF_INIT;
  char tmp[512];
  vsnprintf(tmp, sizeof(tmp), fmt, ap);
  ng_buf_addf(&msg, "'%s': %s", path, tmp);
  if (c->opts && c->opts->warn)
    c->opts->warn(msg.ptr, c->opts->warn_data);
  ng_buf_release(&msg);
}

void ng_ingest_warn(ng_ingest_ctx *c, const char *path, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  say(c, path, fmt, ap);
  va_end(ap);
  if (c->skipped)
    (*c->skipped)++;
}

void ng_ingest_note(ng_ingest_ctx *c, const char *path, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  say(c, path, fmt, ap);
  va_end(ap);
}

/* Tell opts->progress about doc (NULL: input bytes that made no document). */
static void report(ng_ingest_ctx *c, const ng_doc *doc)
{
  /*
   * A reader that says how far it got (upto) spreads the file over its
   * documents; otherwise the bytes come whole after the file's last one.
   */
  uint64_t to = !doc       ? c->file_bytes
                : !c->upto ? c->given
                : c->upto < c->file_bytes ? c->upto
                                          : c->file_bytes;
  ng_progress p = {0};
  p.bytes = to > c->given ? to - c->given : 0;
  c->given = to > c->given ? to : c->given;
  if (doc) {
    p.documents = 1;
    p.source = doc->source;
    p.published = doc->published;
    p.published_from = ng_pub_from_name(doc->published_from);
    p.mentions = doc->mentions.n;
    p.timexes = doc->timexes.n;
    p.events = doc->events.n;
  } else if (!p.bytes) {
    return;
  }
  c->opts->progress(&p, c->opts->progress_data);
}

int ng_ingest_emit(ng_ingest_ctx *c, ng_doc *doc)
{
  if (!doc->published[0] && c->opts && c->opts->default_date)
    ng_doc_set_published(doc, c->opts->default_date, NG_PUB_GIVEN);
  if (c->opts && c->opts->progress) {
    /* Analysis is done once: the callee's own ng_doc_analyze() is then free. */
    if (ng_doc_analyze(doc, c->err) < 0) {
      ng_doc_free(doc);
      return c->err ? c->err->status : NG_ERR_NOMEM;
    }
    report(c, doc);
  }
  if (c->fn(doc, c->data))
    return ng_err_set(c->err, NG_ERR_ABORT, "stopped by the caller");
  return 0;
}

typedef enum { KIND_UNKNOWN, KIND_TEXT, KIND_HTML, KIND_JSONL, KIND_FEED } kind;

static int ends_with(const char *s, const char *suffix)
{
  size_t n = strlen(s), m = strlen(suffix);
  if (m > n)
    return 0;
  for (size_t i = 0; i < m; i++) {
    char a = s[n - m + i], b = suffix[i];
    if (a >= 'A' && a <= 'Z')
      a = (char)(a - 'A' + 'a');
    if (a != b)
      return 0;
  }
  return 1;
}

static kind kind_of(const char *path, int *gz)
{
  char tmp[4096];
  *gz = 0;
  if (ends_with(path, ".gz")) {
    size_t n = strlen(path) - 3;
    if (n >= sizeof(tmp))
      return KIND_UNKNOWN;
    memcpy(tmp, path, n);
    tmp[n] = '\0';
    path = tmp;
    *gz = 1;
  }
  if (ends_with(path, ".txt") || ends_with(path, ".text"))
    return KIND_TEXT;
  if (ends_with(path, ".html") || ends_with(path, ".htm") ||
      ends_with(path, ".xhtml"))
    return KIND_HTML;
  if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson"))
    return KIND_JSONL;
  if (ends_with(path, ".rss") || ends_with(path, ".atom") ||
      ends_with(path, ".xml"))
    return KIND_FEED;
  return KIND_UNKNOWN;
}

static int read_stream(FILE *f, ng_buf *out)
{
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
    if (out->len + n > NG_MAX_INPUT) {
      errno = EFBIG;
      return -1;
    }
    ng_buf_add(out, chunk, n);
  }
  return ferror(f) ? -1 : 0;
}

static int gunzip(const char *data, size_t len, ng_buf *out)
{
  z_stream z;
  memset(&z, 0, sizeof(z));
  /* 15 + 32: accept gzip or zlib headers. */
  if (inflateInit2(&z, 15 + 32) != Z_OK)
    return -1;
  z.next_in = (Bytef *)data;
  z.avail_in = (uInt)len;
  int rc;
  do {
    ng_buf_grow(out, 65536);
    z.next_out = (Bytef *)out->ptr + out->len;
    z.avail_out = 65536;
    rc = inflate(&z, Z_NO_FLUSH);
    out->len = (size_t)((char *)z.next_out - out->ptr);
    out->ptr[out->len] = '\0';
    if (out->len > NG_MAX_INPUT)
      rc = Z_MEM_ERROR;
  } while (rc == Z_OK);
  inflateEnd(&z);
  return rc == Z_STREAM_END ? 0 : -1;
}

static int read_bytes(ng_ingest_ctx *c, const char *path, kind k,
                      const char *bytes, size_t len)
{
  if (len == 0) {
    ng_ingest_warn(c, path, "empty file");
    return 0;
  }
  /*
   * HTML and feeds declare their own charsets and the parsers convert;
   * JSON Lines are checked line by line, so one bad line skips only itself.
   */
  if (k == KIND_TEXT) {
    size_t ok = ng_utf8_valid_prefix(bytes, len);
    if (ok < len) {
      /*
       * A legacy file (Latin-1, Windows-1252) or UTF-8 with such bytes
       * pasted in: read the bad bytes as Windows-1252 rather than lose the
       * article.  The text, and so the offsets, are then the decoded text.
       */
      size_t n;
      char *fixed = ng_utf8_repair(bytes, len, &n);
      ng_ingest_note(c, path,
                     "not UTF-8 (bad byte at offset %zu): read as "
                     "Windows-1252, offsets point into the decoded text",
                     ok);
      int rc = ng_read_text(c, path, fixed, n);
      free(fixed);
      return rc;
    }
  }
  switch (k) {
  case KIND_TEXT:
    return ng_read_text(c, path, bytes, len);
  case KIND_JSONL:
    return ng_read_jsonl(c, path, bytes, len);
  case KIND_HTML:
    return ng_read_html(c, path, bytes, len);
  case KIND_FEED:
    return ng_read_feed(c, path, bytes, len);
  case KIND_UNKNOWN:
    break;
  }
  ng_ingest_warn(c, path, "unknown kind of file");
  return 0;
}

static int read_kind(ng_ingest_ctx *c, const char *path, kind k, int gz,
                     const char *bytes, size_t len)
{
  ng_buf plain = NG_BUF_INIT;
  int rc = 0;
  if (!gz)
    return read_bytes(c, path, k, bytes, len);
  if (gunzip(bytes, len, &plain) < 0)
    ng_ingest_warn(c, path, "not a valid gzip file");
  else
    rc = read_bytes(c, path, k, plain.ptr, plain.len);
  ng_buf_release(&plain);
  return rc;
}

int ng_ingest_bytes(ng_ingest_ctx *c, const char *path, const char *bytes,
                    size_t len)
{
  int gz;
  kind k = kind_of(path, &gz);
  return read_kind(c, path, k, gz, bytes, len);
}

/* Before the reader runs: the input is len bytes, none reported yet. */
static void progress_start(ng_ingest_ctx *c, size_t len)
{
  c->file_bytes = len;
  c->given = 0;
  c->upto = 0;
}

/* After it: the bytes no document accounted for (skipped lines, bad files). */
static void progress_end(ng_ingest_ctx *c)
{
  c->upto = 0;
  if (c->opts && c->opts->progress)
    report(c, NULL);
}

static int read_file(ng_ingest_ctx *c, const char *path, kind k, int gz)
{
  ng_buf raw = NG_BUF_INIT;
  int rc = 0;
  FILE *f = fopen(path, "rb");
  if (!f) {
    ng_ingest_warn(c, path, "cannot read: %s", strerror(errno));
    goto out;
  }
  if (read_stream(f, &raw) < 0) {
    ng_ingest_warn(c, path, "cannot read: %s", strerror(errno));
    fclose(f);
    goto out;
  }
  fclose(f);
  progress_start(c, raw.len);
  rc = read_kind(c, path, k, gz, raw.ptr, raw.len);
  progress_end(c);
out:
  ng_buf_release(&raw);
  return rc;
}

static int cmp_names(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(ng_ingest_ctx *c, const char *path, int top, size_t *found);

/*
 * A folder: its entries in byte order of names, hidden ones left out,
 * files of unknown kinds passed over in silence (a folder of articles
 * often holds images and notes too).
 */
static int walk_dir(ng_ingest_ctx *c, const char *path, size_t *found)
{
  DIR *d = opendir(path);
  if (!d) {
    ng_ingest_warn(c, path, "cannot read folder: %s", strerror(errno));
    return 0;
  }
  NG_VEC(char *) names = {0};
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    *NG_VEC_PUSH(names) = ng_xstrdup(e->d_name);
  }
  closedir(d);
  if (names.n)
    qsort(names.v, names.n, sizeof(*names.v), cmp_names);
  int rc = 0;
  ng_buf child = NG_BUF_INIT;
  for (size_t i = 0; i < names.n && rc == 0; i++) {
    ng_buf_reset(&child);
    ng_buf_adds(&child, path);
    if (child.len && child.ptr[child.len - 1] != '/')
      ng_buf_addch(&child, '/');
    ng_buf_adds(&child, names.v[i]);
    rc = walk(c, child.ptr, 0, found);
  }
  for (size_t i = 0; i < names.n; i++)
    free(names.v[i]);
  NG_VEC_FREE(names);
  ng_buf_release(&child);
  return rc;
}

static int walk(ng_ingest_ctx *c, const char *path, int top, size_t *found)
{
  struct stat st;
  if (stat(path, &st) < 0) {
    ng_ingest_warn(c, path, "cannot read: %s", strerror(errno));
    return 0;
  }
  if (S_ISDIR(st.st_mode))
    return walk_dir(c, path, found);
  int gz;
  kind k = kind_of(path, &gz);
  if (k == KIND_UNKNOWN) {
    /* Named on the command line: say why nothing came of it. */
    if (top)
      ng_ingest_warn(c, path,
                     "unknown kind of file (expected .txt, .html, .htm, "
                     ".jsonl, .xml, .rss or .atom)");
    return 0;
  }
  if (!S_ISREG(st.st_mode)) {
    ng_ingest_warn(c, path, "not a regular file");
    return 0;
  }
  if ((size_t)st.st_size > NG_MAX_INPUT) {
    ng_ingest_warn(c, path, "too large (over %zu MiB)", NG_MAX_INPUT >> 20);
    return 0;
  }
  (*found)++;
  return read_file(c, path, k, gz);
}

static int read_stdin(ng_ingest_ctx *c)
{
  ng_buf raw = NG_BUF_INIT;
  int rc = 0;
  if (read_stream(stdin, &raw) < 0) {
    ng_ingest_warn(c, "-", "cannot read: %s", strerror(errno));
    goto out;
  }
  /* JSON Lines when it opens with '{', HTML with '<', else plain text. */
  size_t i = 0;
  while (i < raw.len && (raw.ptr[i] == ' ' || raw.ptr[i] == '\t' ||
                         raw.ptr[i] == '\n' || raw.ptr[i] == '\r'))
    i++;
  kind k = KIND_TEXT;
  if (i < raw.len && raw.ptr[i] == '{')
    k = KIND_JSONL;
  else if (i < raw.len && raw.ptr[i] == '<')
    k = (raw.len - i > 5 && !strncmp(raw.ptr + i, "<?xml", 5)) ? KIND_FEED
                                                              : KIND_HTML;
  progress_start(c, raw.len);
  rc = read_bytes(c, "-", k, raw.ptr, raw.len);
  progress_end(c);
out:
  ng_buf_release(&raw);
  return rc;
}

int ng_ingest_path(const char *path, const ng_options *opts, ng_doc_fn fn,
                   void *data, size_t *skipped, ng_err *err)
{
  static const ng_options none = {0};
  size_t dummy = 0;
  ng_ingest_ctx c = {opts ? opts : &none, fn, data,
                     skipped ? skipped : &dummy, err, 0, 0, 0};
  if (!strcmp(path, "-"))
    return read_stdin(&c);
  size_t found = 0;
  struct stat st;
  int is_dir = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
  int rc = walk(&c, path, 1, &found);
  if (rc == 0 && is_dir && found == 0)
    ng_ingest_warn(&c, path, "no articles in folder");
  return rc;
}

/* The bytes walk() would read under path; the same files, the same rules. */
static uint64_t size_of(const char *path)
{
  struct stat st;
  int gz;
  if (stat(path, &st) < 0)
    return 0;
  if (!S_ISDIR(st.st_mode))
    return S_ISREG(st.st_mode) && kind_of(path, &gz) != KIND_UNKNOWN &&
                   (size_t)st.st_size <= NG_MAX_INPUT
               ? (uint64_t)st.st_size
               : 0;
  DIR *d = opendir(path);
  if (!d)
    return 0;
  uint64_t sum = 0;
  ng_buf child = NG_BUF_INIT;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    ng_buf_reset(&child);
    ng_buf_adds(&child, path);
    if (child.len && child.ptr[child.len - 1] != '/')
      ng_buf_addch(&child, '/');
    ng_buf_adds(&child, e->d_name);
    sum += size_of(child.ptr);
  }
  closedir(d);
  ng_buf_release(&child);
  return sum;
}

uint64_t ng_input_bytes(const char *path)
{
  return strcmp(path, "-") ? size_of(path) : 0;
}
