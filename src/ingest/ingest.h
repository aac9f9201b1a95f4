#ifndef NG_INGEST_INGEST_H
#define NG_INGEST_INGEST_H

/*
 * The readers.  ingest.c picks one by file ending and hands it the file's
 * bytes; a reader makes zero or more ng_doc and passes each to
 * ng_ingest_emit().  Only this folder includes libxml2.
 *
 * A reader returns 0 when it is done with the file (having warned about
 * whatever it skipped), or a negative status when the run must stop
 * (the callback asked to, or memory ran out).
 */
#include <stdarg.h>

#include "model/doc.h"
#include "newsgraph.h"
#include "util/civil.h"

typedef struct ng_ingest_ctx {
  const ng_options *opts;
  ng_doc_fn fn;
  void *data;
  size_t *skipped;
  ng_err *err;
  /*
   * Progress (opts->progress): the bytes of the file being read, how many
   * of them earlier documents accounted for, and how far a reader of many
   * documents per file (JSON Lines) has got; 0 when it does not say.
   */
  uint64_t file_bytes, given;
  size_t upto;
} ng_ingest_ctx;

/*
 * Report a skipped input or part of one: "path: problem" through
 * opts->warn, and count it.  fmt describes the problem.
 */
void ng_ingest_warn(ng_ingest_ctx *c, const char *path, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/*
 * Say something the user should know about an input that was read all the
 * same ("read as Windows-1252"): a warning line, not counted as skipped.
 */
void ng_ingest_note(ng_ingest_ctx *c, const char *path, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/*
 * Hand a finished document on: fills a missing publication date from
 * --date, then calls the user's callback, which takes doc over.  Returns
 * 0, or NG_ERR_ABORT when the callback asked to stop.
 */
int ng_ingest_emit(ng_ingest_ctx *c, ng_doc *doc);

/*
 * Read bytes already in memory as the file path names them (.txt, .html,
 * .rss, ... and .gz of each), exactly as a file of that name is read:
 * the same checks, warnings and readers.  The fuzz targets enter here.
 */
int ng_ingest_bytes(ng_ingest_ctx *c, const char *path, const char *bytes,
                    size_t len);

/* text.c: a plain-text article; the text is the bytes exactly. */
int ng_read_text(ng_ingest_ctx *c, const char *path, const char *bytes,
                 size_t len);
/* jsonl.c: one document per line, {"id", "text", "published"?, ...}. */
int ng_read_jsonl(ng_ingest_ctx *c, const char *path, const char *bytes,
                  size_t len);
/* html.c: a saved web page; the text is the article's main text. */
int ng_read_html(ng_ingest_ctx *c, const char *path, const char *bytes,
                 size_t len);
/* feed.c: RSS 2.0 or Atom; one document per item. */
int ng_read_feed(ng_ingest_ctx *c, const char *path, const char *bytes,
                 size_t len);

/*
 * pubdate.c.  Parse a date written the ways news pages write them:
 * "2021-02-15T14:24:00+05:30", "Feb 15, 2021, 08:18 PM IST",
 * "14 Feb 2021", "Mon, 15 Feb 2021 08:18:00 +0000", "15/02/2021" is left
 * alone (ambiguous).  s need not be NUL-terminated.  0 and *out, or -1.
 */
int ng_pubdate_parse(const char *s, size_t n, ng_ymd *out);

/*
 * Find the publication date that a plain text states about itself in a
 * header or footer line: "date 2021-02-14", "Updated: 14 Feb 2021, 02:24
 * PM IST", "Published: ...", even glued to a dateline ("Moscow,
 * RussiaUpdated: Feb 15, 2021").  Dates inside running prose do not count.
 * 0 and *out, or -1.
 */
int ng_pubdate_from_text(const char *text, size_t len, ng_ymd *out);

/*
 * As ng_pubdate_from_text(), and when doc is not NULL, also add to
 * doc->skip every header or footer stretch that states a date ("Updated:
 * 14 Feb 2021, 02:24 PM IST", "date 2021-02-14"): page furniture that the
 * analysis should not read as part of the story.
 */
int ng_pubdate_find(const char *text, size_t len, ng_ymd *out, ng_doc *doc);

#endif
