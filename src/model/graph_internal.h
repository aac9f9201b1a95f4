#ifndef NG_MODEL_GRAPH_INTERNAL_H
#define NG_MODEL_GRAPH_INTERNAL_H

/*
 * The fields of ng_graph (opaque in newsgraph.h): what the merge stage
 * builds and the writers read.  Writers take `const ng_graph *` and never
 * change it.
 *
 * Invariants after ng_graph_finish():
 *  - every string lives in g->arena;
 *  - docs are in input order; entities sorted by (type, name, id), ids
 *    unique; events sorted by (date, id); edges sorted by (a, b, role);
 *  - every index (doc, entity) is in range; edge a < b for co-mention
 *    edges; participants and docs lists hold no repeats and are sorted.
 */
#include "model/doc.h"
#include "newsgraph.h"
#include "util/arena.h"
#include "util/mem.h"

typedef struct ng_gdoc {
  char *id, *source, *title, *url; /* title, url may be NULL */
  char **authors;                  /* n_authors arena strings */
  size_t n_authors;
  char published[32];              /* "" when unknown */
  ng_pub_from published_from;
  size_t duplicate_of; /* index of the doc it repeats, or (size_t)-1 */
} ng_gdoc;

/*
 * The merge record: one document's entity that went into a merged one,
 * under the name that document gave it.
 */
typedef struct ng_gmerged {
  size_t doc;        /* index into g->docs */
  char *name;        /* the document's canonical form of the name */
  char **aliases;    /* the other forms that document used */
  size_t n_aliases;
  size_t n_mentions; /* mentions in that document */
  size_t start, end; /* the first of them: byte offsets in the doc's text */
} ng_gmerged;

typedef struct ng_gentity {
  char *id;   /* "person:elon-musk", unique in the graph */
  char *name; /* canonical: the most complete form seen */
  ng_entity_type type;
  NG_VEC(char *) aliases; /* sorted, unique, never equal to name */
  size_t n_mentions;
  NG_VEC(size_t) docs; /* indices into g->docs, sorted */
  NG_VEC(ng_gmerged) merged; /* in document order, never empty */
} ng_gentity;

/* Where a fact was read: a sentence of a document. */
typedef struct ng_gsource {
  size_t doc;        /* index into g->docs */
  size_t sentence;   /* the sentence's index in its document */
  char *text;        /* the sentence */
  size_t start, end; /* its byte offsets in the document's text */
  char *date_text;   /* the date expression used, or NULL */
  char date[48];     /* the value that source gave, "" if none */
  char *role_text;   /* a relation's role as written ("boss"), else NULL */
} ng_gsource;

/* A date that some sources gave an event, outvoted by the others. */
typedef struct ng_galt {
  char date[48];
  ng_precision precision;
  size_t *sources; /* indices into the event's sources, in the arena */
  size_t n_sources;
} ng_galt;

typedef struct ng_gevent {
  char *id;     /* "event:2021-02-14:musk-invited-putin", unique */
  char date[48];
  ng_precision precision;
  char *summary;
  char *trigger;
  NG_VEC(size_t) participants; /* indices into g->entities, sorted */
  NG_VEC(ng_gsource) sources;  /* in document order */
  ng_galt *alts; /* the dates that disagree, in the arena; n_alts of them */
  size_t n_alts;
} ng_gevent;

/*
 * A sentence of a document, without its text (co-mentions are too many
 * to copy each sentence): where a co-mention was read.
 */
typedef struct ng_gspan {
  size_t doc;        /* index into g->docs */
  size_t start, end; /* the sentence's byte offsets in the doc's text */
} ng_gspan;

/*
 * A tie between two entities.  role == NULL: they act together (share
 * sentences), weight = how many sentences, spans = those sentences, so
 * weight == spans.n.  role != NULL: a labelled relation, "a is <role> of
 * b" (Peskov spokesman of Kremlin), weight = how many sources say so.
 */
typedef struct ng_gedge {
  size_t a, b;
  char *role;
  unsigned weight;
  NG_VEC(ng_gsource) sources; /* role edges: where read, in document order */
  NG_VEC(ng_gspan) spans;     /* co-mentions: the sentences counted */
} ng_gedge;

struct ng_graph {
  ng_arena arena;
  NG_VEC(ng_gdoc) docs;
  NG_VEC(ng_gentity) entities;
  NG_VEC(ng_gevent) events;
  NG_VEC(ng_gedge) edges;
  int finished;
  struct ng_merge_state *merge; /* merge.c's working data until finish */
};

/* merge.c: free the working data (NULL is fine). */
void ng_merge_state_free(struct ng_merge_state *ms);

#endif
