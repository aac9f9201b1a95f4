/*
 * ng_run: the main job in one call.  Reads every input through the
 * ingest stage, analyzes each document as it arrives and hands it to the
 * merge, then writes the outputs.  Documents are freed as soon as
 * the graph has copied what it keeps, so memory grows with the merged
 * graph, not with the corpus.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "newsgraph.h"

typedef struct run_state {
  ng_graph *g;
  ng_err *err;
  int failed;
} run_state;

static int add_doc(ng_doc *doc, void *data)
{
  run_state *st = data;
  int rc = ng_doc_analyze(doc, st->err);
  if (rc == 0)
    rc = ng_graph_add(st->g, doc, st->err);
  ng_doc_free(doc);
  if (rc < 0) {
    st->failed = 1;
    return 1;
  }
  return 0;
}

/* mkdir -p: create outdir and its parents; 0 or -1 with errno. */
static int make_dirs(const char *path)
{
  char tmp[4096];
  size_t n = strlen(path);
  if (n == 0 || n >= sizeof(tmp)) {
    errno = ENAMETOOLONG;
    return -1;
  }
  memcpy(tmp, path, n + 1);
  for (size_t i = 1; i <= n; i++) {
    if (tmp[i] != '/' && tmp[i] != '\0')
      continue;
    char c = tmp[i];
    tmp[i] = '\0';
    if (mkdir(tmp, 0777) < 0 && errno != EEXIST)
      return -1;
    tmp[i] = c;
  }
  struct stat st;
  if (stat(path, &st) < 0)
    return -1;
  if (!S_ISDIR(st.st_mode)) {
    errno = ENOTDIR;
    return -1;
  }
  return 0;
}

typedef int (*writer_fn)(const ng_graph *, ng_buf *, ng_err *);

/* --format names, in the order --help lists them. */
static const struct {
  const char *name;
  unsigned bits;
} format_names[] = {
    {"dot", NG_FORMAT_DOT},
    {"svg", NG_FORMAT_SVG},
    {"json", NG_FORMAT_JSON},
    {"timelinejs", NG_FORMAT_TIMELINEJS},
    {"cytoscape", NG_FORMAT_CYTOSCAPE},
    {"gexf", NG_FORMAT_GEXF},
    {"graphml", NG_FORMAT_GRAPHML},
    {"csv", NG_FORMAT_CSV},
    {"timeline", NG_FORMAT_TIMELINE},
    {"report", NG_FORMAT_REPORT},
    {"default", NG_FORMATS_DEFAULT},
    {"all", NG_FORMATS_ALL},
};

int ng_formats_parse(const char *list, unsigned *formats, ng_err *err)
{
  unsigned set = 0;
  const char *p = list;

  for (;;) {
    size_t n = strcspn(p, ","), k;
    for (k = 0; k < sizeof(format_names) / sizeof(*format_names); k++)
      if (strlen(format_names[k].name) == n &&
          !strncmp(format_names[k].name, p, n))
        break;
    if (k == sizeof(format_names) / sizeof(*format_names))
      return ng_err_set(err, NG_ERR_USAGE,
                        "unknown format '%.*s' (known: dot, svg, json, "
                        "timelinejs, cytoscape, gexf, graphml, csv, "
                        "timeline, report, default, all)",
                        (int)(n < 64 ? n : 64), p);
    set |= format_names[k].bits;
    if (!p[n])
      break;
    p += n + 1;
  }
  *formats = set;
  return 0;
}

/* Write data to outdir/name, whole or not at all. */
static int write_bytes(const char *outdir, const char *name,
                       const ng_buf *data, ng_err *err)
{
  ng_buf path = NG_BUF_INIT;
  ng_buf_adds(&path, outdir);
  if (path.len && path.ptr[path.len - 1] != '/')
    ng_buf_addch(&path, '/');
  ng_buf_adds(&path, name);
  int rc = ng_atomic_write(path.ptr, data->ptr, data->len, err);
  ng_buf_release(&path);
  return rc;
}

/*
 * Write outdir/name: made whole by fn, or, when fn is NULL, streamed to
 * disk by ng_write_file().
 */
static int write_one(const ng_graph *g, const char *outdir, const char *name,
                     writer_fn fn, ng_err *err)
{
  ng_buf data = NG_BUF_INIT;
  int rc;
  if (!fn) {
    ng_buf path = NG_BUF_INIT;
    ng_buf_adds(&path, outdir);
    if (path.len && path.ptr[path.len - 1] != '/')
      ng_buf_addch(&path, '/');
    ng_buf_adds(&path, name);
    rc = ng_write_file(g, name, path.ptr, err);
    ng_buf_release(&path);
    return rc;
  }
  rc = fn(g, &data, err);
  if (rc == 0)
    rc = write_bytes(outdir, name, &data, err);
  ng_buf_release(&data);
  return rc;
}

int ng_run(const char *const *inputs, size_t n_inputs, const char *outdir,
           const ng_options *opts, size_t *skipped, ng_err *err)
{
  int rc = 0;
  size_t dummy = 0;
  if (!skipped)
    skipped = &dummy;
  /* Fail before reading anything when the results could not be kept. */
  if (make_dirs(outdir) < 0)
    return ng_err_set(err, NG_ERR_IO, "cannot write to '%s': %s", outdir,
                      strerror(errno));
  ng_graph *g = ng_graph_new();
  run_state st = {g, err, 0};
  for (size_t i = 0; i < n_inputs; i++) {
    rc = ng_ingest_path(inputs[i], opts, add_doc, &st, skipped, err);
    if (rc < 0)
      goto out;
  }
  rc = ng_graph_finish(g, err);
  if (rc < 0)
    goto out;
  /*
   * Each file is written whole or not at all; one that fails leaves the
   * others standing, and the first failure is the one reported.
   */
  static const struct {
    unsigned format;
    const char *name;
    writer_fn fn; /* NULL: streamed to disk by ng_write_file() */
  } outputs[] = {{NG_FORMAT_JSON, "timeline.json", NULL},
                 {NG_FORMAT_TIMELINE, "timeline.dot", ng_write_timeline_dot},
                 {NG_FORMAT_TIMELINE, "timeline.svg", ng_write_timeline_svg},
                 {NG_FORMAT_TIMELINEJS, "timelinejs.json", NULL},
                 {NG_FORMAT_CYTOSCAPE, "cytoscape.json", NULL},
                 {NG_FORMAT_GEXF, "graph.gexf", NULL},
                 {NG_FORMAT_GRAPHML, "graph.graphml", NULL},
                 {NG_FORMAT_CSV, "nodes.csv", NULL},
                 {NG_FORMAT_CSV, "edges.csv", NULL}};
  unsigned formats = opts && opts->formats ? opts->formats : NG_FORMATS_DEFAULT;
  const ng_draw_options *draw = opts ? opts->draw : NULL;
  ng_err first = NG_ERR_INIT, e = NG_ERR_INIT;
  ng_buf data = NG_BUF_INIT, report = NG_BUF_INIT;
  if (formats & NG_FORMAT_DOT) {
    if ((ng_write_dot_opts(g, draw, &data, &e) < 0 ||
         write_bytes(outdir, "graph.dot", &data, &e) < 0) &&
        first.status == 0)
      first = e;
    ng_buf_reset(&data);
  }
  /* graph.svg is laid out once: report.html inlines the same picture. */
  if (formats & (NG_FORMAT_SVG | NG_FORMAT_REPORT)) {
    e = (ng_err)NG_ERR_INIT;
    int drawn = ng_write_svg_opts(g, draw, &data, &e) == 0;
    if ((formats & NG_FORMAT_SVG) &&
        (!drawn || write_bytes(outdir, "graph.svg", &data, &e) < 0) &&
        first.status == 0)
      first = e;
    e = (ng_err)NG_ERR_INIT;
    if ((formats & NG_FORMAT_REPORT) &&
        (ng_write_report(g, data.ptr, drawn ? data.len : 0, &report, &e) < 0 ||
         write_bytes(outdir, "report.html", &report, &e) < 0) &&
        first.status == 0)
      first = e;
  }
  ng_buf_release(&report);
  ng_buf_release(&data);
  for (size_t i = 0; i < sizeof(outputs) / sizeof(outputs[0]); i++) {
    e = (ng_err)NG_ERR_INIT;
    if (!(formats & outputs[i].format))
      continue;
    if (write_one(g, outdir, outputs[i].name, outputs[i].fn, &e) < 0 &&
        first.status == 0)
      first = e;
  }
  if (first.status) {
    if (err)
      *err = first;
    rc = first.status;
  }
out:
  ng_graph_free(g);
  return rc;
}
