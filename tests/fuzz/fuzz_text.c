/* libFuzzer target: the text reader, as it reads a file named "a.txt". */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  return ng_fuzz_run("a.txt", data, size);
}
