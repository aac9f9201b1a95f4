#include "analyze/analyze.h"

int ng_doc_analyze(ng_doc *doc, ng_err *err)
{
  if (doc->analyzed)
    return 0;
  doc->analyzed = 1;
  /* Each pass reads the layers before it; see analyze.h. */
  if (ng_tokenize(doc) < 0 || ng_sentences_split(doc) < 0 ||
      ng_names_find(doc) < 0 || ng_coref_resolve(doc) < 0 ||
      ng_roles_find(doc) < 0 || ng_dates_find(doc) < 0 ||
      ng_events_find(doc) < 0)
    return ng_err_set(err, NG_ERR_NOMEM, "cannot analyze '%s'", doc->id);
  return 0;
}
