#ifndef NG_WRITE_INTERNAL_H
#define NG_WRITE_INTERNAL_H

/*
 * Helpers shared by the writers, and nowhere else: Graphviz and jansson
 * stay inside src/write/ (STYLE.md section 1).
 *
 *   dot.c       builds the cgraph graph; graph.dot is that graph written
 *   svg.c       lays the same graph out and renders it
 *   extract.c   owns the jansson helpers the two JSON writers share
 *   export.c    edge ids, XML/HTML/CSV escaping and date spans, shared by
 *               the export formats (cytoscape.c, csv.c, gexf.c,
 *               graphml.c, timelinejs.c)
 */
#include <cgraph.h>
#include <jansson.h>

#include "model/graph_internal.h"
#include "newsgraph.h"
#include "util/civil.h"

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

/*
 * Where a streaming writer puts its bytes.  They gather in buf; when file
 * is set, ng_out_step() hands them to it in chunks as the writer goes, so
 * a large corpus's output never sits in memory whole.  Writers call
 * ng_out_step() after each item and return a negative status on failure
 * (err filled); whoever set up the ng_out then drops the half output:
 * ng_out_run() cuts buf back, ng_write_file() aborts the file.
 */
typedef struct ng_out {
  ng_buf *buf;
  ng_atomic_file *file; /* NULL: everything stays in buf */
  int to_stdout;        /* with file NULL: chunks go to standard output */
  ng_err *err;
} ng_out;

typedef int (*ng_stream_fn)(const ng_graph *g, ng_out *o);

/* Flush buf when it holds a chunk; 0, or NG_ERR_IO with err filled. */
int ng_out_step(ng_out *o);

/* Run fn into buf alone: the ng_write_* entry points.  On failure buf is
 * as it was. */
int ng_out_run(const ng_graph *g, ng_stream_fn fn, ng_buf *buf, ng_err *err);

/* The streaming writers behind ng_write_timeline() and the exports. */
int ng_timeline_stream(const ng_graph *g, ng_out *o);
int ng_timelinejs_stream(const ng_graph *g, ng_out *o);
int ng_cytoscape_stream(const ng_graph *g, ng_out *o);
int ng_gexf_stream(const ng_graph *g, ng_out *o);
int ng_graphml_stream(const ng_graph *g, ng_out *o);
int ng_nodes_csv_stream(const ng_graph *g, ng_out *o);
int ng_edges_csv_stream(const ng_graph *g, ng_out *o);

/*
 * The id of an edge, the same in every format: "co:<a>|<b>" for a
 * co-mention, "role:<a>|<role>|<b>" for a relation (a and b are entity
 * ids, which hold no '|').  Unique because g keeps one edge per pair
 * and role.  Appended to out.
 */
void ng_edge_id(const ng_graph *g, const ng_gedge *e, ng_buf *out);

/*
 * Append s (NULL is empty) escaped for XML 1.0: & < > always, and, when
 * attr is set, '"' and the line breaks and tabs that a parser would
 * otherwise read back as spaces.  Invalid UTF-8 and code points XML
 * cannot carry become U+FFFD.
 */
void ng_xml_add(ng_buf *out, const char *s, int attr);

/*
 * Append s escaped as HTML text or attribute value (& < > " '): for the
 * formats whose viewers render HTML, like TimelineJS.  Control
 * characters become spaces.
 */
void ng_html_add(ng_buf *out, const char *s);

/*
 * Append s as one CSV field (RFC 4180): quoted when it holds a comma, a
 * quote, a line break or edge spaces, with quotes doubled.  Invalid
 * UTF-8 becomes U+FFFD.
 */
void ng_csv_add(ng_buf *out, const char *s);

/*
 * The days an event date covers: "2021" the year, "2021-02" the month,
 * "2021-W07" Monday to Sunday, "2021-02-14" that day.  Returns 0 with
 * *first and *last set, or -1 when date is none of these or no real day.
 */
int ng_date_span(const char *date, ng_ymd *first, ng_ymd *last);

/*
 * The first and last publication dates ("YYYY-MM-DD", "" when none is
 * known) of the documents an entity or an edge was read in.
 */
typedef struct ng_date_range {
  char first[11], last[11];
} ng_date_range;

void ng_entity_dates(const ng_graph *g, const ng_gentity *e,
                     ng_date_range *r);
void ng_edge_dates(const ng_graph *g, const ng_gedge *e, ng_date_range *r);

/*
 * Append s as an XML NMTOKEN (GraphML ids): letters, digits, '-', '.',
 * ':' and non-ASCII name characters stay; anything else, '_' included,
 * becomes _xHHHH_ (its code point in hex), so distinct ids stay distinct.
 */
void ng_xml_name_add(ng_buf *out, const char *s);

#endif
