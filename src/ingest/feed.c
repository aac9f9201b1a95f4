/* TODO(html): feed reader lands in the next commit. */
#include "ingest/ingest.h"

int ng_read_feed(ng_ingest_ctx *c, const char *path, const char *bytes,
                 size_t len)
{
  (void)bytes;
  (void)len;
  ng_ingest_warn(c, path, "feeds not read yet");
  return 0;
}
