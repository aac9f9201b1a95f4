/*
 * The JSON Lines reader: good lines become documents, bad lines are
 * reported with their number and counted, and the lines around them are
 * still read.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/ingest.h"

typedef struct collected {
  ng_doc *docs[16];
  size_t n;
  char warnings[16][512];
  size_t n_warnings;
} collected;

static int collect(ng_doc *doc, void *data) {
  collected *c = data;
  cr_assert_lt(c->n, 16);
  c->docs[c->n++] = doc;
  return 0;
}

static void warn(const char *msg, void *data) {
  collected *c = data;
  cr_assert_lt(c->n_warnings, 16);
  snprintf(c->warnings[c->n_warnings++], 512, "%s", msg);
}

static void release(collected *c) {
  for (size_t i = 0; i < c->n; i++)
    ng_doc_free(c->docs[i]);
  c->n = 0;
  c->n_warnings = 0;
}

/* Write len bytes of s to a fresh .jsonl file and read it. */
static size_t read_bytes(collected *c, const char *s, size_t len) {
  char dir[] = "/tmp/ng_test_jsonl_XXXXXX", path[64];
  ng_options opts = {.warn = warn, .warn_data = c};
  ng_err err = NG_ERR_INIT;
  size_t skipped = 0;
  cr_assert_not_null(mkdtemp(dir));
  snprintf(path, sizeof(path), "%s/a.jsonl", dir);
  FILE *f = fopen(path, "wb");
  cr_assert_not_null(f);
  cr_assert_eq(fwrite(s, 1, len, f), len);
  fclose(f);
  cr_assert_eq(ng_ingest_path(path, &opts, collect, c, &skipped, &err), 0);
  unlink(path);
  rmdir(dir);
  return skipped;
}

static size_t read_string(collected *c, const char *s) {
  return read_bytes(c, s, strlen(s));
}

Test(jsonl, good_lines) {
  collected c = {0};
  size_t skipped = read_string(
      &c, "{\"id\": \"d1\", \"text\": \"Musk wrote to the Kremlin.\", "
          "\"published\": \"2021-02-15\", \"title\": \"Musk writes\", "
          "\"url\": \"https://example.com/a\"}\n"
          "\n"
          "   \n"
          "{\"id\": \"d2\", \"text\": \"caf\\u00e9 \\\"quoted\\\"\\nline\"}\n");
  cr_assert_eq(skipped, 0);
  cr_assert_eq(c.n, 2);
  cr_assert_str_eq(ng_doc_id(c.docs[0]), "d1");
  cr_assert_str_eq(ng_doc_text(c.docs[0], NULL), "Musk wrote to the Kremlin.");
  cr_assert_str_eq(ng_doc_published(c.docs[0]), "2021-02-15");
  cr_assert_eq(c.docs[0]->published_from, NG_PUB_METADATA);
  cr_assert_str_eq(ng_doc_title(c.docs[0]), "Musk writes");
  cr_assert_str_eq(c.docs[0]->url, "https://example.com/a");
  cr_assert_not_null(strstr(c.docs[0]->source, ".jsonl"));
  /* Escapes decoded: offsets point into the decoded text. */
  size_t len;
  cr_assert_str_eq(ng_doc_text(c.docs[1], &len),
                   "caf\xc3\xa9 \"quoted\"\nline");
  cr_assert_eq(len, strlen("caf\xc3\xa9 \"quoted\"\nline"));
  cr_assert_null(ng_doc_title(c.docs[1]));
  cr_assert_str_eq(ng_doc_published(c.docs[1]), "");
  release(&c);
}

Test(jsonl, integer_id) {
  collected c = {0};
  cr_assert_eq(read_string(&c, "{\"id\": 42, \"text\": \"x\"}\n"
                               "{\"id\": -7, \"text\": \"y\"}"),
               0);
  cr_assert_eq(c.n, 2);
  cr_assert_str_eq(ng_doc_id(c.docs[0]), "42");
  cr_assert_str_eq(ng_doc_id(c.docs[1]), "-7");
  release(&c);
}

Test(jsonl, published_date_time_and_fallbacks) {
  collected c = {0};
  read_string(&c,
              "{\"id\": \"a\", \"text\": \"t\", "
              "\"published\": \"2021-02-15T14:24:00+05:30\"}\n"
              "{\"id\": \"b\", \"text\": \"Headline\\nUpdated: 14 Feb 2021, "
              "02:24 PM IST\\nBody.\"}\n"
              "{\"id\": \"c\", \"text\": \"t\", \"published\": \"soon\"}\n"
              "{\"id\": \"d\", \"text\": \"t\", \"published\": null}\n");
  cr_assert_eq(c.n, 4);
  cr_assert_str_eq(ng_doc_published(c.docs[0]), "2021-02-15");
  cr_assert_str_eq(ng_doc_published(c.docs[1]), "2021-02-14");
  cr_assert_eq(c.docs[1]->published_from, NG_PUB_TEXT);
  cr_assert_str_eq(ng_doc_published(c.docs[2]), "");
  cr_assert_str_eq(ng_doc_published(c.docs[3]), "");
  release(&c);
}

Test(jsonl, bad_lines_warned_and_counted) {
  collected c = {0};
  size_t skipped = read_string(&c, "{\"id\": \"ok1\", \"text\": \"a\"}\n"
                                   "not json at all\n"
                                   "{\"text\": \"no id\"}\n"
                                   "{\"id\": \"x\"}\n"
                                   "{\"id\": \"y\", \"text\": 5}\n"
                                   "{\"id\": 1.5, \"text\": \"a\"}\n"
                                   "[1, 2]\n"
                                   "{\"id\": \"z\", \"text\": \"a\\u0000b\"}\n"
                                   "{\"id\": \"ok2\", \"text\": \"b\"}\n");
  cr_assert_eq(skipped, 7);
  cr_assert_eq(c.n, 2);
  cr_assert_str_eq(ng_doc_id(c.docs[0]), "ok1");
  cr_assert_str_eq(ng_doc_id(c.docs[1]), "ok2");
  cr_assert_eq(c.n_warnings, 7);
  cr_assert_not_null(strstr(c.warnings[0], "line 2: not JSON"), "%s",
                     c.warnings[0]);
  cr_assert_not_null(strstr(c.warnings[1], "line 3: no 'id'"));
  cr_assert_not_null(strstr(c.warnings[2], "line 4: no 'text'"));
  cr_assert_not_null(strstr(c.warnings[3], "line 5: 'text' is not a string"));
  cr_assert_not_null(strstr(c.warnings[4], "line 6: 'id'"));
  cr_assert_not_null(strstr(c.warnings[5], "line 7: not a JSON object"));
  cr_assert_not_null(strstr(c.warnings[6], "line 8: 'text' holds a NUL"));
  release(&c);
}

/*
 * ingest.c refuses a whole file that is not UTF-8, so a bad line is
 * tested on the reader itself.
 */
Test(jsonl, invalid_utf8_line) {
  collected c = {0};
  ng_options opts = {.warn = warn, .warn_data = &c};
  ng_err err = NG_ERR_INIT;
  size_t skipped = 0;
  ng_ingest_ctx ctx = {&opts, collect, &c, &skipped, &err, 0, 0, 0};
  const char s[] = "{\"id\": \"a\", \"text\": \"bad \xff byte\"}\n"
                   "{\"id\": \"b\", \"text\": \"good\"}\n";
  cr_assert_eq(ng_read_jsonl(&ctx, "x.jsonl", s, sizeof(s) - 1), 0);
  cr_assert_eq(skipped, 1);
  cr_assert_eq(c.n, 1);
  cr_assert_str_eq(ng_doc_id(c.docs[0]), "b");
  cr_assert_not_null(strstr(c.warnings[0], "'x.jsonl': line 1: not UTF-8"),
                     "%s", c.warnings[0]);
  release(&c);
}

Test(jsonl, crlf_and_bom) {
  collected c = {0};
  cr_assert_eq(read_string(&c,
                           "\xef\xbb\xbf{\"id\": \"a\", \"text\": \"x\"}\r\n"
                           "{\"id\": \"b\", \"text\": \"y\"}\r\n"),
               0);
  cr_assert_eq(c.n, 2);
  release(&c);
}

static int stop_after_one(ng_doc *doc, void *data) {
  ng_doc_free(doc);
  (*(int *)data)++;
  return 1;
}

Test(jsonl, callback_can_stop) {
  char dir[] = "/tmp/ng_test_jsonl_XXXXXX", path[64];
  const char *s =
      "{\"id\": 1, \"text\": \"a\"}\n{\"id\": 2, \"text\": \"b\"}\n";
  ng_err err = NG_ERR_INIT;
  int calls = 0;
  cr_assert_not_null(mkdtemp(dir));
  snprintf(path, sizeof(path), "%s/a.jsonl", dir);
  FILE *f = fopen(path, "wb");
  cr_assert_not_null(f);
  fputs(s, f);
  fclose(f);
  cr_assert_eq(ng_ingest_path(path, NULL, stop_after_one, &calls, NULL, &err),
               NG_ERR_ABORT);
  unlink(path);
  rmdir(dir);
  cr_assert_eq(calls, 1);
}

/* A few megabytes of JSON Lines must read in well under a second. */
Test(jsonl, large_file_is_linear, .timeout = 10) {
  ng_buf b = NG_BUF_INIT;
  collected c = {0};
  size_t count = 0;
  ng_buf_adds(&b, "{\"id\": 1, \"text\": \"");
  for (int i = 0; i < 200000; i++)
    ng_buf_adds(&b, "Musk said on Monday. ");
  ng_buf_adds(&b, "\"}\n");
  read_bytes(&c, b.ptr, b.len);
  count = c.n;
  cr_assert_eq(count, 1);
  cr_assert_eq(c.docs[0]->text_len, 200000 * strlen("Musk said on Monday. "));
  release(&c);
  ng_buf_release(&b);
}
