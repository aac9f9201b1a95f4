/* TODO(skeleton): placeholder until the real module lands in this stop. */
#include "analyze/analyze.h"

int ng_sentences_split(ng_doc *doc)
{
  return 0;
}
