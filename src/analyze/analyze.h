#ifndef NG_ANALYZE_ANALYZE_H
#define NG_ANALYZE_ANALYZE_H

/*
 * The analysis passes, in the order ng_doc_analyze() runs them.  Each reads
 * what the passes before it left in the document and adds its own layer;
 * none does I/O or includes a third-party header.
 */
#include "model/doc.h"

/* tokens.c: words, numbers, punctuation, @handles -> doc->tokens. */
int ng_tokenize(ng_doc *doc);
/* The first token that starts at or after byte off (tokens.n if none). */
size_t ng_tok_at(const ng_doc *doc, size_t off);
/* sentences.c: doc->sentences, surviving "Mr.", "Inc.", "U.S.", quotes. */
int ng_sentences_split(ng_doc *doc);
/*
 * names.c: people, organizations and places -> doc->mentions (start, end,
 * type, sentence; entity not yet set).  Spans are the names themselves:
 * no titles ("Mr"), roles ("President") or possessives.
 */
int ng_names_find(ng_doc *doc);
/*
 * coref.c: within-document resolution -> doc->entities, and each
 * mention's entity: "Musk", "Mr Musk", "@elonmusk" and "Elon Musk" are one
 * entity named "Elon Musk"; acronyms resolve to their long forms.
 */
int ng_coref_resolve(ng_doc *doc);
/*
 * roles.c: appositions and role phrases -> doc->relations: "Kremlin
 * spokesman Dmitry Peskov" (Peskov, spokesman, Kremlin), "Tesla and
 * SpaceX CEO Elon Musk" (Musk, CEO, Tesla; Musk, CEO, SpaceX).
 */
int ng_roles_find(ng_doc *doc);
/* dates.c: temporal expressions normalized against doc->published. */
int ng_dates_find(ng_doc *doc);
/*
 * dates.c: the value timex t would have had with anchor as publication
 * date, from t->rel, into value (48 bytes).  1 when t is relative and was
 * resolved, 0 when it is not relative (value untouched).
 */
int ng_timex_reanchor(const ng_timex *t, ng_ymd anchor, char *value);
/* events.c: dated happenings with participants -> doc->events. */
int ng_events_find(ng_doc *doc);
/*
 * events.c: can timex value v date an event?  A day, ISO week, month or
 * year ("2021-02-14", "2021-W06", "2021-02", "2021", times cut to their
 * day) or a weekday alone ("XXXX-WXX-7"): 1, with its precision and the
 * date part copied into date (cap bytes); else 0.
 */
int ng_event_date(const char *v, ng_precision *prec, char *date, size_t cap);

/* Helpers shared by the passes (tokens.c). */

/* The token's text (not NUL-terminated) and its length. */
static inline const char *ng_tok_text(const ng_doc *doc, size_t i, size_t *n)
{
  *n = doc->tokens.v[i].end - doc->tokens.v[i].start;
  return doc->text + doc->tokens.v[i].start;
}
/*
 * Does token i spell word exactly (case-sensitive)?  Inline: the passes
 * ask it of most tokens, and most answers are no at the first byte.  A
 * NUL in word ends it, so a token holding a NUL never equals a shorter
 * word.
 */
static inline int ng_tok_is(const ng_doc *doc, size_t i, const char *word)
{
  size_t n;
  const char *t = ng_tok_text(doc, i, &n);
  for (size_t k = 0; k < n; k++)
    if (word[k] != t[k] || !word[k])
      return 0;
  return word[n] == '\0';
}
/* Does token i spell word, ignoring ASCII case? */
static inline int ng_tok_is_ci(const ng_doc *doc, size_t i, const char *word)
{
  size_t n;
  const char *t = ng_tok_text(doc, i, &n);
  for (size_t k = 0; k < n; k++) {
    char a = t[k], b = word[k];
    if (!b)
      return 0;
    if (a >= 'A' && a <= 'Z')
      a = (char)(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z')
      b = (char)(b - 'A' + 'a');
    if (a != b)
      return 0;
  }
  return word[n] == '\0';
}

/*
 * Slug of a name for ids: lower case ASCII letters and digits, other runs
 * turned into single '-', non-ASCII letters kept as they are.
 * "Elon Musk" -> "elon-musk".  Writes into out.
 */
void ng_slug(const char *name, size_t n, ng_buf *out);

#endif
