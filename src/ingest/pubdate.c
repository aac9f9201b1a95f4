/* TODO(skeleton): placeholder until the real module lands in this stop. */
#include "ingest/ingest.h"

#include <stdlib.h>
#include <string.h>

int ng_pubdate_parse(const char *s, size_t n, ng_ymd *out)
{
  char tmp[64];
  if (n >= sizeof(tmp))
    n = sizeof(tmp) - 1;
  memcpy(tmp, s, n);
  tmp[n] = 0;
  return ng_parse_iso_date(tmp, out);
}

int ng_pubdate_from_text(const char *text, size_t len, ng_ymd *out)
{
  return -1;
}
