/* libFuzzer target: the jsonl reader, as it reads a file named "a.jsonl". */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  return ng_fuzz_run("a.jsonl", data, size);
}
