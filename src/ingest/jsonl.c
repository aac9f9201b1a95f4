/* TODO(skeleton): placeholder until the real module lands in this stop. */
#include "ingest/ingest.h"

int ng_read_jsonl(ng_ingest_ctx *c, const char *path, const char *bytes,
                  size_t len)
{
  ng_ingest_warn(c, path, "JSON Lines not read yet");
  return 0;
}
