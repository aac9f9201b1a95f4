/* TODO(skeleton): placeholder until the real module lands in this stop. */
#include "model/graph_internal.h"

int ng_write_timeline(const ng_graph *g, ng_buf *out, ng_err *err)
{
  return 0;
}
