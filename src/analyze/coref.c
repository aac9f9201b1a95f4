/* TODO(skeleton): placeholder until the real module lands in this stop. */
#include "analyze/analyze.h"

int ng_coref_resolve(ng_doc *doc)
{
  return 0;
}
