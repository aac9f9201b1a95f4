/* libFuzzer target: the html reader, as it reads a file named "a.html". */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  return ng_fuzz_run("a.html", data, size);
}
