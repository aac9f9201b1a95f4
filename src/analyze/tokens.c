/* TODO(skeleton): placeholder until the real module lands in this stop. */
#include "analyze/analyze.h"

#include <string.h>
int ng_tokenize(ng_doc *doc)
{
  return 0;
}
int ng_tok_is(const ng_doc *doc, size_t i, const char *word)
{
  size_t n;
  const char *t = ng_tok_text(doc, i, &n);
  return strlen(word) == n && !memcmp(t, word, n);
}
int ng_tok_is_ci(const ng_doc *doc, size_t i, const char *word)
{
  return ng_tok_is(doc, i, word);
}
void ng_slug(const char *name, size_t n, ng_buf *out)
{
  ng_buf_add(out, name, n);
}
