/*
 * ng_options.progress: one call per document, analyzed, and the bytes of
 * every input add up to what ng_input_bytes() promised, so a progress
 * line reaches 100% exactly.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "newsgraph.h"

typedef struct seen {
  size_t documents, mentions, calls_without_doc;
  uint64_t bytes;
  char last_from[32];
} seen;

static void count(const ng_progress *p, void *data)
{
  seen *s = data;
  s->documents += p->documents;
  s->bytes += p->bytes;
  if (p->documents) {
    s->mentions += p->mentions;
    snprintf(s->last_from, sizeof(s->last_from), "%s", p->published_from);
  } else {
    s->calls_without_doc++;
  }
}

static int drop(ng_doc *doc, void *data)
{
  (void)data;
  ng_doc_free(doc);
  return 0;
}

static void put(const char *path, const char *text)
{
  FILE *f = fopen(path, "wb");
  cr_assert(f);
  fputs(text, f);
  fclose(f);
}

Test(progress, bytes_add_up_and_documents_are_analyzed)
{
  char dir[] = "/tmp/ng_progress_XXXXXX", path[256];
  cr_assert(mkdtemp(dir));
  snprintf(path, sizeof(path), "%s/a.txt", dir);
  put(path, "Angela Merkel met Emmanuel Macron in Berlin on Monday.\n");
  snprintf(path, sizeof(path), "%s/b.jsonl", dir);
  put(path, "{\"id\": \"1\", \"text\": \"Vladimir Putin spoke.\"}\n"
            "not json\n"
            "{\"id\": \"2\", \"text\": \"Joe Biden listened.\", "
            "\"published\": \"2021-02-15\"}\n");
  snprintf(path, sizeof(path), "%s/notes.docx", dir);
  put(path, "not an article");

  seen s = {0};
  ng_options o = {0};
  o.progress = count;
  o.progress_data = &s;
  size_t skipped = 0;
  ng_err err = NG_ERR_INIT;
  cr_assert_eq(ng_ingest_path(dir, &o, drop, NULL, &skipped, &err), 0);
  cr_assert_eq(s.documents, 3);
  cr_assert_eq(skipped, 1); /* the bad JSON line */
  /* The .docx is passed over: in neither the total nor the steps. */
  cr_assert_eq(s.bytes, ng_input_bytes(dir));
  cr_assert_gt(s.bytes, 100);
  cr_assert_geq(s.mentions, 4, "documents reach progress analyzed");
  cr_assert_str_eq(s.last_from, "metadata");
  cr_assert_eq(ng_input_bytes("-"), 0);

  snprintf(path, sizeof(path), "rm -rf '%s'", dir);
  cr_assert_eq(system(path), 0);
}
