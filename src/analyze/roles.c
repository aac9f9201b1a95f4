/* TODO(skeleton): placeholder until the real module lands in this stop. */
#include "analyze/analyze.h"

int ng_roles_find(ng_doc *doc)
{
  return 0;
}
