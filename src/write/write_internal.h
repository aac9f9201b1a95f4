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
 */
#include <cgraph.h>
#include <jansson.h>

#include "model/graph_internal.h"
#include "model/view.h"
#include "newsgraph.h"

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

#endif
