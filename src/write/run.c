/* TODO(skeleton): placeholder until the real module lands in this stop. */
#include "newsgraph.h"

int ng_run(const char *const *inputs, size_t n_inputs, const char *outdir,
           const ng_options *opts, size_t *skipped, ng_err *err)
{
  return 0;
}
