#ifndef NEWSGRAPH_H
#define NEWSGRAPH_H

/**
 * newsgraph: news articles in, who did what with whom and when out.
 *
 * The library runs in four stages, each consuming only the stage before:
 *
 *     ingest   files, folders, stdin  ->  ng_doc (text, title, date)
 *     analyze  ng_doc                 ->  mentions, timexes, events
 *     merge    many ng_doc            ->  one ng_graph
 *     write    const ng_graph *       ->  DOT, SVG, timeline JSON
 *
 * The one-call entry point, ng_run(), does all of it for a list of inputs
 * and writes the outputs into a folder.  The calling sequence underneath:
 *
 *     ng_graph *g = ng_graph_new();
 *     ng_buf dot = NG_BUF_INIT;
 *     ng_err err = NG_ERR_INIT;
 *     size_t skipped = 0;
 *     ng_ingest_path(path, &opts, add_doc, g, &skipped, &err);
 *         (add_doc calls ng_doc_analyze(doc, &err) and ng_graph_add(g, doc, &err))
 *     ng_graph_finish(g);
 *     if (ng_write_dot(g, &dot, &err) < 0 ||
 *         ng_atomic_write("out/graph.dot", dot.ptr, dot.len, &err) < 0)
 *       fprintf(stderr, "newsgraph: %s\n", err.msg);
 *     ng_buf_release(&dot);
 *     ng_graph_free(g);
 *
 * Conventions.  Functions returning int return 0 on success and a negative
 * ng_status on failure, after filling the ng_err they were given; on success
 * the ng_err is left untouched, so calls chain.  Pointer arguments are
 * borrowed: the callee copies what it keeps.  The library never prints,
 * exits or reads the environment; warnings go to ng_options.warn.
 */

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define NG_EXPORT __attribute__((visibility("default")))
#else
#define NG_EXPORT
#endif

/* Version of the library, "MAJOR.MINOR.PATCH". */
NG_EXPORT const char *ng_version(void);

/* ------------------------------------------------------------------ */
/* Errors                                                             */

typedef enum ng_status {
  NG_OK = 0,
  NG_ERR_NOMEM = -1,  /* out of memory */
  NG_ERR_IO = -2,     /* a file could not be read or written */
  NG_ERR_INPUT = -3,  /* the input is not what its kind promises */
  NG_ERR_USAGE = -4,  /* the caller passed something meaningless */
  NG_ERR_RENDER = -5, /* Graphviz could not lay out or render */
  NG_ERR_ABORT = -6   /* a callback asked to stop */
} ng_status;

/*
 * A failure: its status and a one-line message in git's style (lower case,
 * no full stop, the subject in quotes), e.g.
 * "cannot read 'feeds/a.xml': No such file or directory".
 */
typedef struct ng_err {
  int status;
  char msg[512];
} ng_err;

#define NG_ERR_INIT {0, {0}}

/* Fill err with status and a printf-style message; returns status. */
NG_EXPORT int ng_err_set(ng_err *err, int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* ------------------------------------------------------------------ */
/* Growable byte buffer                                               */

/*
 * Invariants (as git's strbuf): ptr is never NULL and always NUL-terminated
 * at ptr[len]; cap == 0 means ptr points at a shared empty string and owns
 * nothing.  The caller owns a buffer; ng_buf_release() frees it and leaves
 * it empty and reusable; ng_buf_detach() hands the bytes to the caller, who
 * frees them with free().
 */
typedef struct ng_buf {
  char *ptr;
  size_t len;
  size_t cap;
} ng_buf;

extern char ng_buf_empty[];
#define NG_BUF_INIT {ng_buf_empty, 0, 0}

NG_EXPORT void ng_buf_init(ng_buf *b);
NG_EXPORT void ng_buf_release(ng_buf *b);
NG_EXPORT void ng_buf_grow(ng_buf *b, size_t extra);
NG_EXPORT void ng_buf_add(ng_buf *b, const void *data, size_t len);
NG_EXPORT void ng_buf_adds(ng_buf *b, const char *s);
NG_EXPORT void ng_buf_addch(ng_buf *b, int c);
NG_EXPORT void ng_buf_addf(ng_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
NG_EXPORT void ng_buf_setlen(ng_buf *b, size_t len);
NG_EXPORT void ng_buf_reset(ng_buf *b);
NG_EXPORT char *ng_buf_detach(ng_buf *b, size_t *len);

/* ------------------------------------------------------------------ */
/* Options and documents                                              */

typedef enum ng_entity_type {
  NG_ENTITY_PERSON = 0,
  NG_ENTITY_ORG = 1,
  NG_ENTITY_PLACE = 2
} ng_entity_type;

/* "person", "organization" or "place". */
NG_EXPORT const char *ng_entity_type_name(ng_entity_type t);

/* Called once per problem that skips an input or part of one. */
typedef void (*ng_warn_fn)(const char *msg, void *data);

/*
 * The files the main job can write (--format); a set of these goes in
 * ng_options.formats.
 */
enum {
  NG_FORMAT_DOT = 1 << 0,        /* "dot": graph.dot */
  NG_FORMAT_SVG = 1 << 1,        /* "svg": graph.svg */
  NG_FORMAT_JSON = 1 << 2,       /* "json": timeline.json */
  NG_FORMAT_TIMELINEJS = 1 << 3, /* "timelinejs": timelinejs.json */
  NG_FORMAT_CYTOSCAPE = 1 << 4,  /* "cytoscape": cytoscape.json */
  NG_FORMAT_GEXF = 1 << 5,       /* "gexf": graph.gexf */
  NG_FORMAT_GRAPHML = 1 << 6,    /* "graphml": graph.graphml */
  NG_FORMAT_CSV = 1 << 7,        /* "csv": nodes.csv and edges.csv */
  NG_FORMAT_TIMELINE = 1 << 8,   /* "timeline": timeline.dot and .svg */
  NG_FORMAT_REPORT = 1 << 9      /* "report": report.html */
};
#define NG_FORMATS_DEFAULT                                                   \
  (NG_FORMAT_DOT | NG_FORMAT_SVG | NG_FORMAT_JSON | NG_FORMAT_TIMELINE |     \
   NG_FORMAT_REPORT)
#define NG_FORMATS_ALL 0x3FFu

/*
 * Parse a comma-separated list of format names (above, plus "default"
 * and "all") into *formats.  Returns 0, or NG_ERR_USAGE with err naming
 * the unknown word.
 */
NG_EXPORT int ng_formats_parse(const char *list, unsigned *formats,
                               ng_err *err);

/*
 * How graph.dot and graph.svg are drawn.  A corpus of thousands of
 * entities is unreadable as one picture, so by default they hold the
 * NG_DRAW_TOP most mentioned entities and their strongest ties; top 0
 * with min_weight 1 gives the whole graph.
 */
typedef struct ng_draw_options {
  size_t top;          /* --top: the N most mentioned entities; 0: all */
  unsigned min_weight; /* --min-weight: sentences a co-mention tie needs;
                          0: the least that keeps about 3 ties per entity */
  const char *layout;  /* --layout: a Graphviz engine; NULL: sfdp */
} ng_draw_options;

#define NG_DRAW_TOP 100
#define NG_DRAW_OPTIONS_INIT {NG_DRAW_TOP, 0, NULL}

/* Is engine a Graphviz layout engine ("dot", "sfdp", ...)?  1 or 0. */
NG_EXPORT int ng_draw_layout_valid(const char *engine);

/*
 * What one step of the reading did, for a progress line or -v: either one
 * document (documents 1, its fields set) or input bytes that made no
 * document (documents 0: a skipped line or file; the strings NULL).  The
 * library fills it and never prints; the struct and its strings are
 * borrowed for the call only.
 */
typedef struct ng_progress {
  size_t documents;           /* 1: a document; 0: bytes only */
  uint64_t bytes;             /* input bytes this step accounts for, as
                                 stored (a .gz file's compressed bytes);
                                 the steps of one input add up to its size */
  const char *source;         /* the path as given, or "-" */
  const char *published;      /* ISO 8601, "" when unknown */
  const char *published_from; /* "text", "metadata", "given", ... */
  size_t mentions, timexes, events; /* what the analysis found */
} ng_progress;

/*
 * Called once per document as it is read, after it is analyzed and
 * before ng_doc_fn gets it, and after each input for its leftover bytes.
 */
typedef void (*ng_progress_fn)(const ng_progress *p, void *data);

typedef struct ng_options {
  const char *default_date; /* --date: YYYY-MM-DD for undated documents */
  ng_warn_fn warn;          /* may be NULL: warnings are then dropped */
  void *warn_data;
  unsigned formats; /* NG_FORMAT_* set for ng_run; 0: NG_FORMATS_DEFAULT */
  const ng_draw_options *draw; /* NULL: NG_DRAW_OPTIONS_INIT */
  /*
   * May be NULL.  When set, ng_ingest_path() and ng_run() analyze each
   * document before handing it on (ng_doc_analyze() is then a no-op).
   */
  ng_progress_fn progress;
  void *progress_data;
} ng_options;

/* One article, with what the analysis found in it.  Opaque. */
typedef struct ng_doc ng_doc;

/*
 * Called once for every document read, in input order.  The callee owns
 * doc and must ng_doc_free() it.  Return 0 to go on, non-zero to stop the
 * reading (ng_ingest_path then returns NG_ERR_ABORT).
 */
typedef int (*ng_doc_fn)(ng_doc *doc, void *data);

/*
 * Read one input: a file (.txt, .html, .htm, .html.gz, .jsonl, .xml, .rss,
 * .atom), a folder (walked recursively, in byte order of names), or "-"
 * for standard input (read as plain text, or JSON Lines when the first
 * non-blank byte is '{').  Every document is handed to fn.
 *
 * A file that cannot be used (unreadable, empty, unknown ending, a bad
 * JSON line) is reported through opts->warn with one line naming the file
 * and the problem, added to *skipped, and the reading goes on.  A text or
 * page that is not UTF-8 is read as Windows-1252 where it is not, with a
 * warning line that does not count as skipped.  Returns 0 when the input
 * was walked, or a negative status with err filled when fn asked to stop
 * or memory ran out.
 */
NG_EXPORT int ng_ingest_path(const char *path, const ng_options *opts,
                             ng_doc_fn fn, void *data, size_t *skipped,
                             ng_err *err);

/*
 * The bytes ng_ingest_path() would read under path (a file, or every
 * article file in a folder), for a progress line's time left; 0 for "-"
 * and for what cannot be read.  Only stat()s: nothing is opened.
 */
NG_EXPORT uint64_t ng_input_bytes(const char *path);

/*
 * Make a document from text already in memory; text is copied.  id and
 * source may be NULL (they then read "-"), published may be NULL or an ISO
 * 8601 date.  Returns NULL when memory runs out.  Free with ng_doc_free().
 */
NG_EXPORT ng_doc *ng_doc_new(const char *id, const char *source,
                             const char *text, size_t len,
                             const char *published);

/* Accessors; the strings belong to the document. */
NG_EXPORT const char *ng_doc_id(const ng_doc *doc);
NG_EXPORT const char *ng_doc_published(const ng_doc *doc); /* "" if none */
NG_EXPORT const char *ng_doc_title(const ng_doc *doc);     /* NULL if none */
NG_EXPORT const char *ng_doc_text(const ng_doc *doc, size_t *len);

/*
 * Find sentences, names, temporal expressions and events in doc.  Safe to
 * call once per document; returns 0 or a negative status.
 */
NG_EXPORT int ng_doc_analyze(ng_doc *doc, ng_err *err);

NG_EXPORT void ng_doc_free(ng_doc *doc);

/* ------------------------------------------------------------------ */
/* The merged graph                                                   */

typedef struct ng_graph ng_graph;

NG_EXPORT ng_graph *ng_graph_new(void);

/*
 * Add what an analyzed document found.  The graph copies what it keeps;
 * doc may be freed right after.
 */
NG_EXPORT int ng_graph_add(ng_graph *g, const ng_doc *doc, ng_err *err);

/*
 * Merge across documents: one entity per real-world entity, one event per
 * happening, everything in a stable order.  Call once, after the last
 * ng_graph_add() and before any writer.
 */
NG_EXPORT int ng_graph_finish(ng_graph *g, ng_err *err);

NG_EXPORT size_t ng_graph_entity_count(const ng_graph *g);
NG_EXPORT size_t ng_graph_event_count(const ng_graph *g);
NG_EXPORT size_t ng_graph_doc_count(const ng_graph *g);

NG_EXPORT void ng_graph_free(ng_graph *g);

/* ------------------------------------------------------------------ */
/* Writers: each appends to out and never changes what it reads       */

/* One JSON Lines record (with the trailing newline) per CONTRACT.md. */
NG_EXPORT int ng_write_extract(const ng_doc *doc, int with_text, ng_buf *out,
                               ng_err *err);
/*
 * The entity graph in Graphviz DOT, built with cgraph, drawn as o says
 * (NULL: NG_DRAW_OPTIONS_INIT); ng_write_dot(g, ...) is
 * ng_write_dot_opts(g, NULL, ...).
 */
NG_EXPORT int ng_write_dot(const ng_graph *g, ng_buf *out, ng_err *err);
NG_EXPORT int ng_write_dot_opts(const ng_graph *g, const ng_draw_options *o,
                                ng_buf *out, ng_err *err);
/*
 * The same graph laid out and rendered to SVG in-process by gvc, with a
 * legend.  An unknown o->layout is NG_ERR_USAGE.
 */
NG_EXPORT int ng_write_svg(const ng_graph *g, ng_buf *out, ng_err *err);
NG_EXPORT int ng_write_svg_opts(const ng_graph *g, const ng_draw_options *o,
                                ng_buf *out, ng_err *err);
/*
 * The timeline diagram: the strongest 100 events in date order, a rank
 * per date, each linked to its participants; DOT, or SVG laid out by dot.
 */
NG_EXPORT int ng_write_timeline_dot(const ng_graph *g, ng_buf *out,
                                    ng_err *err);
NG_EXPORT int ng_write_timeline_svg(const ng_graph *g, ng_buf *out,
                                    ng_err *err);
/*
 * timeline.json: documents, entities, relations, edges, events (sorted by
 * date), each fact with its sources; src/write/timeline.schema.json is its
 * JSON Schema.
 */
NG_EXPORT int ng_write_timeline(const ng_graph *g, ng_buf *out, ng_err *err);
/*
 * TimelineJS 3 JSON: the NG_TIMELINEJS_MAX events most reported (by
 * articles, then sources, then participants), in date order, their text
 * escaped as the HTML TimelineJS renders.
 */
#define NG_TIMELINEJS_MAX 100
NG_EXPORT int ng_write_timelinejs(const ng_graph *g, ng_buf *out,
                                  ng_err *err);
/* Cytoscape.js elements JSON: {"elements": {"nodes": [...], "edges": [...]}}. */
NG_EXPORT int ng_write_cytoscape(const ng_graph *g, ng_buf *out,
                                 ng_err *err);
/* GEXF 1.3 for Gephi, with publication dates as node and edge intervals. */
NG_EXPORT int ng_write_gexf(const ng_graph *g, ng_buf *out, ng_err *err);
/* GraphML, with keys for label, type, mentions, kind, role and weight. */
NG_EXPORT int ng_write_graphml(const ng_graph *g, ng_buf *out, ng_err *err);
/* nodes.csv and edges.csv (RFC 4180, Gephi's column names). */
NG_EXPORT int ng_write_nodes_csv(const ng_graph *g, ng_buf *out, ng_err *err);
NG_EXPORT int ng_write_edges_csv(const ng_graph *g, ng_buf *out, ng_err *err);

/*
 * Write one of the files above to path, whole or not at all: name is
 * "timeline.json", "timelinejs.json", "cytoscape.json", "graph.gexf",
 * "graph.graphml", "nodes.csv" or "edges.csv".  The bytes go to disk in
 * chunks as they are made, so memory does not grow with the file; "-"
 * is standard output.  Returns 0, or a negative status with err filled
 * (NG_ERR_USAGE for another name).
 */
NG_EXPORT int ng_write_file(const ng_graph *g, const char *name,
                            const char *path, ng_err *err);

/*
 * report.html: one self-contained page to read (no network, no files
 * beside it): the entity graph, the timeline with its sources quoted, the
 * entities with aliases and roles, and the articles with where each date
 * came from.  Article text is escaped; only http(s) URLs become links.
 * svg is the entity graph as ng_write_svg() wrote it (borrowed, inlined
 * after a check), or NULL to render it here; svg_len 0 leaves the picture
 * out with a note.  A graph Graphviz cannot draw does not fail the report.
 */
NG_EXPORT int ng_write_report(const ng_graph *g, const char *svg,
                              size_t svg_len, ng_buf *out, ng_err *err);

/* ------------------------------------------------------------------ */
/* Whole files                                                        */

/*
 * Write len bytes to path so that path holds either its old contents or
 * all of the new ones: a temporary file in the same folder, flushed,
 * synced and renamed over path.  "-" writes to standard output instead.
 */
NG_EXPORT int ng_atomic_write(const char *path, const void *data, size_t len,
                              ng_err *err);

/*
 * The same for output written in pieces.  Calling sequence:
 *
 *     ng_atomic_file f;
 *     if (ng_atomic_file_open(&f, "out/all.jsonl", &err) < 0)
 *       return;                       (nothing was created)
 *     ng_atomic_file_write(&f, ...)   (on failure f is already aborted)
 *     ng_atomic_file_commit(&f, &err) or ng_atomic_file_abort(&f)
 */
typedef struct ng_atomic_file {
  int fd;     /* do not touch: owned by the functions below */
  char *path; /* the target */
  char *tmp;  /* "<path>.tmp.XXXXXX", removed unless committed */
} ng_atomic_file;

NG_EXPORT int ng_atomic_file_open(ng_atomic_file *f, const char *path,
                                  ng_err *err);
NG_EXPORT int ng_atomic_file_write(ng_atomic_file *f, const void *data,
                                   size_t len, ng_err *err);
NG_EXPORT int ng_atomic_file_commit(ng_atomic_file *f, ng_err *err);
NG_EXPORT void ng_atomic_file_abort(ng_atomic_file *f);

/*
 * The main job: read every input, merge, and write the files of
 * opts->formats (by default graph.dot, graph.svg, timeline.json,
 * timeline.dot, timeline.svg and report.html) into outdir (created if
 * missing), the graphs drawn as opts->draw says.  *skipped counts the
 * inputs that could not be used.  Returns 0, or NG_ERR_IO when an output
 * could not be written (err says which).
 */
NG_EXPORT int ng_run(const char *const *inputs, size_t n_inputs,
                     const char *outdir, const ng_options *opts,
                     size_t *skipped, ng_err *err);

#ifdef __cplusplus
}
#endif

#endif
