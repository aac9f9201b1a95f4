#ifndef NG_FUZZ_FUZZ_H
#define NG_FUZZ_FUZZ_H

/*
 * What every fuzz target shares: feed the bytes to the reader that a file
 * named `name` would get, and check each document it makes against the
 * model's promises (doc.h): valid UTF-8 text, NUL-terminated, skip spans
 * in order and in range.  A broken promise aborts, which the fuzzer and
 * the smoke run both report.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"
#include "model/doc.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static inline void ng_fuzz_check(int ok, const char *what)
{
  if (!ok) {
    fprintf(stderr, "fuzz: broken promise: %s\n", what);
    abort();
  }
}

static inline int ng_fuzz_take(ng_doc *doc, void *data)
{
  (void)data;
  ng_fuzz_check(doc->text != NULL, "text is set");
  ng_fuzz_check(doc->text[doc->text_len] == '\0', "text is NUL-terminated");
  ng_fuzz_check(ng_utf8_valid_prefix(doc->text, doc->text_len) ==
                    doc->text_len,
                "text is valid UTF-8");
  for (size_t i = 0; i < doc->skip.n; i++) {
    ng_fuzz_check(doc->skip.v[i].start < doc->skip.v[i].end &&
                      doc->skip.v[i].end <= doc->text_len,
                  "skip span inside the text");
    ng_fuzz_check(i == 0 || doc->skip.v[i - 1].end <= doc->skip.v[i].start,
                  "skip spans sorted and apart");
  }
  if (doc->title)
    ng_fuzz_check(ng_utf8_valid_prefix(doc->title, strlen(doc->title)) ==
                      strlen(doc->title),
                  "title is valid UTF-8");
  for (size_t i = 0; i < doc->authors.n; i++)
    ng_fuzz_check(doc->authors.v[i] && doc->authors.v[i][0],
                  "author names are not empty");
  ng_doc_free(doc);
  return 0;
}

static inline int ng_fuzz_run(const char *name, const uint8_t *data,
                              size_t size)
{
  ng_options opts = {0}; /* warnings are dropped */
  ng_err err = NG_ERR_INIT;
  size_t skipped = 0;
  ng_ingest_ctx c = {&opts, ng_fuzz_take, NULL, &skipped, &err, 0, 0, 0};
  ng_ingest_bytes(&c, name, (const char *)data, size);
  return 0;
}

#endif
