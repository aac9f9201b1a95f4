/* TODO(skeleton): placeholder until the real module lands in this stop. */
#include "ingest/ingest.h"

int ng_read_text(ng_ingest_ctx *c, const char *path, const char *bytes,
                 size_t len)
{
  ng_doc *doc = ng_doc_make(bytes, len);
  doc->id = ng_doc_strdup(doc, path);
  doc->source = ng_doc_strdup(doc, path);
  return ng_ingest_emit(c, doc);
}
