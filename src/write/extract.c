/* TODO(skeleton): placeholder until the real module lands in this stop. */
#include "model/doc.h"

int ng_write_extract(const ng_doc *doc, int with_text, ng_buf *out,
                     ng_err *err)
{
  return 0;
}
