#ifndef NG_WRITE_INTERNAL_H
#define NG_WRITE_INTERNAL_H

/*
 * Helpers shared by the writers, and nowhere else: Graphviz and jansson
 * stay inside src/write/ (STYLE.md section 1).
 *
 *   gv.c        Graphviz diagnostics, escaping, the look of entities
 *   dot.c       builds the entity graph; graph.dot is that graph written
 *   timeline_dot.c  builds the timeline diagram, timeline.dot and .svg
 *   svg.c       lays a graph out, renders it and draws its legend
 *   extract.c   owns the jansson helpers the two JSON writers share
 *   export.c    edge ids, XML/HTML/CSV escaping and date spans, shared by
 *               the export formats (cytoscape.c, csv.c, gexf.c,
 *               graphml.c, timelinejs.c)
 */
#include <cgraph.h>
#include <jansson.h>

#include "model/graph_internal.h"
#include "model/view.h"
#include "newsgraph.h"
#include "util/civil.h"

/*
 * Forced to lay out the entity graph with dot (--layout dot), graphs
 * bigger than this get dot's search limits (mclimit, nslimit,
 * searchsize): dot's crossing minimisation takes minutes on a few
 * hundred tangled nodes.  Measured on a 2-core VM with random graphs:
 * 150 nodes and 600 edges 0.3 s, 100 and 800 edges 2.6 s, 150 and 1,200
 * edges 8.5 s, while sfdp draws 2,000 and 4,000 edges in about 2.5 s.
 */
#define NG_DOT_MAX_NODES 150
#define NG_DOT_MAX_EDGES 400

/*
 * Edges routed around nodes (splines=true) cost far more than the layout
 * itself: sfdp with 90 edges 0.2 s, 130 edges 0.6 s, 280 edges 5 s on a
 * 2-core VM, against 0.15 s with straight lines.  Above this many edges
 * they are straight lines.
 */
#define NG_SPLINES_MAX_EDGES 100

/*
 * The timeline draws at most this many events, the strongest, and links
 * an event to participants met earlier only up to this many events.
 */
#define NG_TIMELINE_MAX_EVENTS 100
#define NG_TIMELINE_LINK_EVENTS 40

/* Colours shared by the diagrams and their legends. */
#define NG_GV_FONT "Helvetica,Arial,sans-serif"
#define NG_GV_PERSON_FILL "#cfe2f3"
#define NG_GV_ORG_FILL "#fce5cd"
#define NG_GV_PLACE_FILL "#d9ead3"
#define NG_GV_EVENT_FILL "#fff2cc"
#define NG_GV_ROLE_COLOR "#7b3294"
#define NG_GV_TIE_COLOR "#7f7f7f99"

/*
 * The entity graph as a cgraph graph, as o asks (NULL: the defaults):
 * one node per kept entity (named by its id) in a cluster per type, one
 * line per co-mention tie, one labelled arrow per role tie, and every
 * attribute needed to draw it, including the `layout` engine.  Same g,
 * same graph, same bytes from agwrite.  Returns 0 and sets *out, which
 * the caller closes with agclose(); or a negative status with err
 * filled (and *out NULL) when g is not finished or refers outside
 * itself, or o names an unknown engine.  legend, when not NULL, receives
 * the keys and notes for the SVG's legend.
 */
typedef struct ng_legend ng_legend;
int ng_agraph_build(const ng_graph *g, const ng_draw_options *o,
                    ng_legend *legend, Agraph_t **out, ng_err *err);

/* The timeline diagram (timeline_dot.c), with the same contract. */
int ng_timeline_agraph_build(const ng_graph *g, ng_legend *legend,
                             Agraph_t **out, ng_err *err);

/*
 * agopen a directed graph whose named subgraphs agwrite writes in the
 * order they were made (cgraph's default is by address); NULL when
 * memory runs out.  Close with agclose().
 */
Agraph_t *ng_gv_open(char *name);

/* Check what every Graphviz writer needs of g; 0 or NG_ERR_USAGE. */
int ng_gv_check(const ng_graph *g, ng_err *err);

/*
 * Lay ag out with its `layout` attribute's engine and append the SVG to
 * out; legend (may be NULL) is drawn below the picture (svg.c).
 */
int ng_gv_render_svg(Agraph_t *ag, const ng_legend *legend, ng_buf *out,
                     ng_err *err);

/* agwrite ag as DOT, appended to out. */
int ng_gv_write_dot(Agraph_t *ag, ng_buf *out, ng_err *err);

/*
 * A legend for ng_gv_render_svg: up to NG_LEGEND_MAX keys (a shape or a
 * line and what it means) and up to two lines of notes ("the 100 most
 * mentioned of 2,000 entities").  Plain text; svg.c escapes it.
 */
#define NG_LEGEND_MAX 8
typedef enum ng_legend_kind {
  NG_LEGEND_ELLIPSE,
  NG_LEGEND_BOX,
  NG_LEGEND_HEXAGON,
  NG_LEGEND_NOTE,
  NG_LEGEND_LINE,
  NG_LEGEND_ARROW
} ng_legend_kind;

struct ng_legend {
  struct {
    ng_legend_kind kind;
    const char *color; /* fill for shapes, stroke for lines */
    const char *text;
  } keys[NG_LEGEND_MAX];
  size_t n_keys;
  char notes[2][160];
};

/*
 * Escaping for Graphviz escStrings (labels, tooltips): backslashes
 * doubled (else "\N" is the node's name), "&" doubled as "&amp;" where
 * Graphviz would read an entity, control characters as spaces, invalid
 * UTF-8 and XML's forbidden U+FFFE/U+FFFF as U+FFFD.  Append to b.
 */
void ng_gv_esc(ng_buf *b, const char *s);
void ng_gv_escn(ng_buf *b, const char *s, size_t len);
/*
 * s made fit to name a node or subgraph, in b (reset first): DOT cannot
 * write a backslash before a closing quote, so backslashes become
 * slashes; control characters and bad UTF-8 as above.  Returns b->ptr.
 */
const char *ng_gv_name(ng_buf *b, const char *s);
/* agset(obj, name, escaped s), with tmp as scratch. */
void ng_gv_set_esc(void *obj, char *name, const char *s, ng_buf *tmp);
/*
 * Escaped s, wrapped at spaces into lines of about width characters
 * ("\n" between them) and cut to max characters with "...".
 */
void ng_gv_wrap(ng_buf *b, const char *s, size_t width, size_t max);
/* n with thousands separators, "13,869", in buf; returns buf. */
const char *ng_gv_count(size_t n, char buf[32]);
/* Node shape and fill colour per entity type; the legends repeat them. */
void ng_gv_style(ng_entity_type t, char **shape, char **fill);

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
