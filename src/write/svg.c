/*
 * graph.svg: the graph of dot.c, laid out and rendered in-process by gvc.
 *
 * One GVC_t serves the whole process.  Creating it reads config6a and
 * loads the plugins (and, through pango, fontconfig), which is both the
 * slow part and the part that keeps one-time allocations for good; a
 * context per call would pay that every time for nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gvc.h>

#include "write/write_internal.h"

static GVC_t *gvc;

/*
 * gvContext() finds the layout and render plugins through config6a,
 * which Debian's libgvc6 writes at install time.  Without it every
 * engine is "not recognized", so say what to do about it.
 */
static int context(ng_err *err)
{
  if (!gvc)
    gvc = gvContext();
  if (!gvc)
    return ng_err_set(err, NG_ERR_RENDER, "cannot start Graphviz");
  return 0;
}

/*
 * Lay out with the engine the graph asks for (dot.c picks by size).  sfdp
 * needs a Graphviz built with it; neato draws the same kind of picture,
 * only more slowly, so it stands in.
 */
static int layout(Agraph_t *ag)
{
  const char *engine = agget(ag, "layout");
  if (!engine || !*engine)
    engine = "dot";
  if (gvLayout(gvc, ag, engine) == 0)
    return 0;
  if (strcmp(engine, "sfdp") == 0 && gvLayout(gvc, ag, "neato") == 0)
    return 0;
  return -1;
}

int ng_write_svg(const ng_graph *g, ng_buf *out, ng_err *err)
{
  Agraph_t *ag = NULL;
  char *mem = NULL;
  size_t len = 0;
  FILE *f = NULL;
  int ret, laid = 0, rendered;
  const char *msg;

  ng_agerr_begin();
  if ((ret = context(err)) < 0 || (ret = ng_agraph_build(g, NG_SVG_MAX_NODES, &ag, err)) < 0)
    goto out;
  if (layout(ag) < 0) {
    msg = ng_agerr_end();
    ng_agerr_begin();
    ret = ng_err_set(err, NG_ERR_RENDER,
                     "cannot lay out the graph%s%s (are the Graphviz plugins "
                     "installed and listed in config6a?)",
                     *msg ? ": " : "", msg);
    goto out;
  }
  laid = 1;

  f = open_memstream(&mem, &len);
  if (!f) {
    ret = ng_err_set(err, NG_ERR_NOMEM, "cannot open a memory stream");
    goto out;
  }
  rendered = gvRender(gvc, ag, "svg", f);
  if (fclose(f) != 0 || rendered != 0) {
    msg = ng_agerr_end();
    ng_agerr_begin();
    ret = ng_err_set(err, NG_ERR_RENDER, "cannot render the graph as SVG%s%s",
                     *msg ? ": " : "", msg);
    goto out;
  }
  ng_buf_add(out, mem, len);

out:
  free(mem);
  if (laid)
    gvFreeLayout(gvc, ag);
  if (ag)
    agclose(ag);
  ng_agerr_end();
  return ret;
}
