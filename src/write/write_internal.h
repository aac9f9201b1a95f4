#ifndef NG_WRITE_INTERNAL_H
#define NG_WRITE_INTERNAL_H

/*
 * Helpers shared by the writers, and nowhere else: Graphviz and jansson
 * stay inside src/write/ (STYLE.md section 1).
 *
 *   dot.c       builds the cgraph graph; graph.dot is that graph written
 *   svg.c       lays the same graph out and renders it
 *   extract.c   owns the jansson helpers the two JSON writers share
 */
#include <cgraph.h>
#include <jansson.h>

#include "model/graph_internal.h"
#include "newsgraph.h"

/*
 * Graphs with more entities or edges than this are laid out with sfdp
 * instead of dot: dot's crossing minimisation takes minutes on a few
 * hundred tangled nodes.  Measured on a 2-core VM with random graphs:
 * 150 nodes and 600 edges 0.3 s, 100 and 800 edges 2.6 s, 150 and 1,200
 * edges 8.5 s; sfdp draws 2,000 and 4,000 edges in about 2.5 s.
 */
#define NG_DOT_MAX_NODES 150
#define NG_DOT_MAX_EDGES 400

/*
 * The entity graph as a cgraph graph: one node per entity (named by its
 * id), one undirected-looking edge per co-mention and one arrow per role
 * edge, with every attribute needed to draw it, including the `layout`
 * engine the size calls for.  Same g, same graph, same bytes from agwrite.
 * max_nodes, when not 0, keeps only that many entities: the most
 * mentioned (ties by their order in g), and the edges between them.
 * Returns 0 and sets *out, which the caller closes with agclose(); or a
 * negative status with err filled (and *out NULL) when g is not finished
 * or refers outside itself.
 */
int ng_agraph_build(const ng_graph *g, size_t max_nodes, Agraph_t **out,
                    ng_err *err);

/*
 * graph.svg draws at most this many entities, the most mentioned, with
 * the ties among them; graph.dot keeps the whole graph.  A corpus of
 * thousands of entities is unreadable as one picture and takes sfdp tens
 * of seconds (13,869 entities and 43,182 edges from 2,225 BBC articles:
 * 35 s), while the strongest few hundred lay out in a second.
 */
#define NG_SVG_MAX_NODES 300

/*
 * Route Graphviz diagnostics into a buffer instead of stderr, for the
 * span of one writer call:
 *
 *     ng_agerr_begin();
 *     ... cgraph / gvc calls ...
 *     msg = ng_agerr_end();    (the text seen, "" if none; static)
 *
 * Not reentrant: Graphviz's own error hook is process-wide.
 */
void ng_agerr_begin(void);
const char *ng_agerr_end(void);

/*
 * Append j to out as json_dumpb would write it with flags.  Returns 0, or
 * -1 when jansson fails (out of memory).
 */
int ng_json_dump(const json_t *j, size_t flags, ng_buf *out);

/*
 * A JSON string of n bytes at s; invalid UTF-8 becomes U+FFFD instead of
 * failing, so a bad span never loses a whole record.  NULL only when
 * memory runs out.
 */
json_t *ng_json_strn(const char *s, size_t n);

/* Same for a NUL-terminated string; NULL s gives JSON null. */
json_t *ng_json_str(const char *s);

/*
 * Streaming counterparts, without a jansson tree: append to out the JSON
 * string of s[0..n) (quoted, escaped and mended exactly as the tree
 * version would dump it), of NUL-terminated s (NULL gives null), and a
 * non-negative integer.
 */
void ng_json_put_strn(ng_buf *out, const char *s, size_t n);
void ng_json_put_str(ng_buf *out, const char *s);
void ng_json_put_uint(ng_buf *out, size_t v);

#endif
