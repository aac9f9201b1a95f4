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

/* Write data to outdir/name, whole or not at all. */
static int write_bytes(const char *outdir, const char *name, const ng_buf *data,
                       ng_err *err)
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

static int write_one(const ng_graph *g, const char *outdir, const char *name,
                     writer_fn fn, ng_err *err)
{
  ng_buf data = NG_BUF_INIT;
  int rc = fn(g, &data, err);
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
    const char *name;
    writer_fn fn;
  } outputs[] = {{"graph.dot", ng_write_dot},
                 {"timeline.json", ng_write_timeline}};
  ng_err first = NG_ERR_INIT, e = NG_ERR_INIT;
  for (size_t i = 0; i < sizeof(outputs) / sizeof(outputs[0]); i++) {
    e = (ng_err)NG_ERR_INIT;
    if (write_one(g, outdir, outputs[i].name, outputs[i].fn, &e) < 0 &&
        first.status == 0)
      first = e;
  }
  /* graph.svg is laid out once: report.html inlines the same picture. */
  e = (ng_err)NG_ERR_INIT;
  ng_buf svg = NG_BUF_INIT, report = NG_BUF_INIT;
  int drawn = ng_write_svg(g, &svg, &e) == 0;
  if ((!drawn || write_bytes(outdir, "graph.svg", &svg, &e) < 0) &&
      first.status == 0)
    first = e;
  e = (ng_err)NG_ERR_INIT;
  if ((ng_write_report(g, svg.ptr, drawn ? svg.len : 0, &report, &e) < 0 ||
       write_bytes(outdir, "report.html", &report, &e) < 0) &&
      first.status == 0)
    first = e;
  ng_buf_release(&report);
  ng_buf_release(&svg);
  if (first.status) {
    if (err)
      *err = first;
    rc = first.status;
  }
out:
  ng_graph_free(g);
  return rc;
}
