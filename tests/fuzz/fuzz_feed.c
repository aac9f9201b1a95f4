/* libFuzzer target: the feed reader, as it reads a file named "a.rss". */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  return ng_fuzz_run("a.rss", data, size);
}
