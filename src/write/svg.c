/*
 * SVG: a cgraph graph laid out and rendered in-process by gvc, with a
 * legend drawn below it.
 *
 * One GVC_t serves the whole process.  Creating it reads config6a and
 * loads the plugins (and, through pango, fontconfig), which is both the
 * slow part and the part that keeps one-time allocations for good; a
 * context per call would pay that every time for nothing.
 *
 * The legend is SVG of our own, added after Graphviz's: Graphviz 2.42
 * leaks the text of every HTML-like label it lays out, so a table node
 * is out, and sfdp ignores the clusters a legend of sample nodes would
 * need.  Drawn here, it looks the same whatever the engine.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gvc.h>

#include "write/write_internal.h"

static GVC_t *gvc;

static int context(ng_err *err)
{
  if (!gvc)
    gvc = gvContext();
  if (!gvc)
    return ng_err_set(err, NG_ERR_RENDER, "cannot start Graphviz");
  return 0;
}

/*
 * Lay out with the engine the graph asks for.  sfdp needs a Graphviz
 * built with it (GTS); neato draws the same kind of picture, only more
 * slowly, so it stands in.
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

/* ------------------------------------------------------------------ */
/* The legend                                                         */

#define LEGEND_FONT 11.0
#define LEGEND_NOTE_FONT 10.0
#define CHAR_WIDTH 0.6 /* of the font size: Helvetica's wide average */
#define SWATCH_W 26.0
#define SWATCH_H 14.0
#define ROW_H 22.0
#define NOTE_H 15.0
#define PAD 8.0
#define MIN_WIDTH 560.0
#define LEGEND_SCALE_WIDTH 1400.0 /* pictures wider get a bigger legend */

static void xml_text(ng_buf *b, const char *s)
{
  for (; *s; s++) {
    if (*s == '&')
      ng_buf_adds(b, "&amp;");
    else if (*s == '<')
      ng_buf_adds(b, "&lt;");
    else if (*s == '>')
      ng_buf_adds(b, "&gt;");
    else
      ng_buf_addch(b, *s);
  }
}

static double text_width(const char *s, double size)
{
  size_t n = 0;
  for (; *s; s++)
    n += ((unsigned char)*s & 0xc0) != 0x80;
  return (double)n * size * CHAR_WIDTH;
}

/* One key's swatch with its top left corner at x, y. */
static void swatch(ng_buf *b, ng_legend_kind kind, const char *color,
                   double x, double y)
{
  double cx = x + SWATCH_W / 2, cy = y + SWATCH_H / 2;
  double r = x + SWATCH_W, d = y + SWATCH_H;
  const char *stroke = "stroke=\"#555555\"";
  char opacity[40] = "";

  switch (kind) {
  case NG_LEGEND_ELLIPSE:
    ng_buf_addf(b, "<ellipse cx=\"%.1f\" cy=\"%.1f\" rx=\"%.1f\" "
                   "ry=\"%.1f\" fill=\"%s\" %s/>\n",
                cx, cy, SWATCH_W / 2, SWATCH_H / 2, color, stroke);
    break;
  case NG_LEGEND_BOX:
  case NG_LEGEND_NOTE:
    ng_buf_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                   "height=\"%.1f\" fill=\"%s\" %s/>\n",
                x, y, SWATCH_W, SWATCH_H, color, stroke);
    break;
  case NG_LEGEND_HEXAGON:
    ng_buf_addf(b, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f "
                   "%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\" %s/>\n",
                x, cy, x + 6, y, r - 6, y, r, cy, r - 6, d, x + 6, d, color,
                stroke);
    break;
  case NG_LEGEND_LINE:
  case NG_LEGEND_ARROW:
    /* "#rrggbbaa" as SVG 1.1 has it: a colour and an opacity. */
    if (strlen(color) == 9)
      snprintf(opacity, sizeof(opacity), "\" stroke-opacity=\"%.2f",
               (double)strtol(color + 7, NULL, 16) / 255.0);
    ng_buf_addf(b, "<path d=\"M%.1f,%.1f L%.1f,%.1f\" stroke=\"%.7s%s\" "
                   "stroke-width=\"%s\" fill=\"none\"/>\n",
                x, cy, kind == NG_LEGEND_ARROW ? r - 7 : r, cy, color,
                opacity, kind == NG_LEGEND_ARROW ? "2" : "3");
    if (kind == NG_LEGEND_ARROW)
      ng_buf_addf(b, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" "
                     "fill=\"%s\" stroke=\"%s\"/>\n",
                  r - 8, cy - 4, r, cy, r - 8, cy + 4, color, color);
    break;
  }
}

/*
 * Keys flow left to right and wrap at the picture's width (at least
 * MIN_WIDTH); the notes follow, one per line.  Returns the height used
 * and sets *width to the widest row.
 */
static double draw_legend(ng_buf *b, const ng_legend *l, double max_w,
                          double *width)
{
  double x = PAD, y = PAD, w = 0;

  for (size_t i = 0; i < l->n_keys; i++) {
    double kw = SWATCH_W + 6 + text_width(l->keys[i].text, LEGEND_FONT);
    if (x > PAD && x + kw > max_w - PAD)
      x = PAD, y += ROW_H;
    swatch(b, l->keys[i].kind, l->keys[i].color, x, y);
    ng_buf_addf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\">",
                x + SWATCH_W + 6, y + SWATCH_H - 3, LEGEND_FONT);
    xml_text(b, l->keys[i].text);
    ng_buf_adds(b, "</text>\n");
    x += kw + 18;
    if (x - 18 > w)
      w = x - 18;
  }
  y += ROW_H;
  for (int i = 0; i < 2 && l->notes[i][0]; i++) {
    ng_buf_addf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" "
                   "fill=\"#555555\">",
                PAD, y + NOTE_H - 5, LEGEND_NOTE_FONT);
    xml_text(b, l->notes[i]);
    ng_buf_adds(b, "</text>\n");
    if (PAD + text_width(l->notes[i], LEGEND_NOTE_FONT) > w)
      w = PAD + text_width(l->notes[i], LEGEND_NOTE_FONT);
    y += NOTE_H;
  }
  *width = w + PAD;
  return y + PAD / 2;
}

/*
 * Append Graphviz's SVG (svg, len bytes) to out with the legend below
 * the picture: the <svg> start tag gets the new size, the legend goes
 * just before </svg>.  Graphviz's own output is kept byte for byte
 * otherwise; if its header is not the expected shape, no legend.
 */
static void add_legend(ng_buf *out, const char *svg, size_t len,
                       const ng_legend *l)
{
  const char *tag = strstr(svg, "<svg "), *tag_end, *vb, *close = NULL;
  double x0, y0, w, h, lw, lh, scale;
  ng_buf body = NG_BUF_INIT;

  tag_end = tag ? strchr(tag, '>') : NULL;
  vb = tag ? strstr(tag, "viewBox=\"") : NULL;
  for (size_t i = len; i >= 6 && !close; i--)
    if (memcmp(svg + i - 6, "</svg>", 6) == 0)
      close = svg + i - 6;
  if (!tag_end || !vb || vb > tag_end || !close || close < tag_end ||
      sscanf(vb + 9, "%lf %lf %lf %lf", &x0, &y0, &w, &h) != 4) {
    ng_buf_add(out, svg, len);
    return;
  }
  /* A wide picture is shown shrunk: grow the legend to stay legible. */
  scale = w / LEGEND_SCALE_WIDTH;
  scale = scale < 1.0 ? 1.0 : scale > 3.0 ? 3.0 : scale;
  lh = scale * draw_legend(&body, l, (w > MIN_WIDTH ? w : MIN_WIDTH) / scale,
                           &lw);
  lw *= scale;
  if (lw < w)
    lw = w;

  ng_buf_add(out, svg, (size_t)(tag - svg));
  ng_buf_addf(out, "<svg width=\"%.0fpt\" height=\"%.0fpt\"\n"
                   " viewBox=\"%.2f %.2f %.2f %.2f\" "
                   "xmlns=\"http://www.w3.org/2000/svg\" "
                   "xmlns:xlink=\"http://www.w3.org/1999/xlink\">",
              lw, h + lh, x0, y0, lw, h + lh);
  ng_buf_add(out, tag_end + 1, (size_t)(close - tag_end - 1));
  ng_buf_addf(out, "<g id=\"legend\" class=\"legend\" "
                   "transform=\"translate(0 %.2f) scale(%.2f)\" "
                   "font-family=\"%s\">\n"
                   "<rect x=\"0\" y=\"0\" width=\"%.2f\" height=\"%.2f\" "
                   "fill=\"white\"/>\n",
              h, scale, NG_GV_FONT, lw / scale, lh / scale);
  ng_buf_add(out, body.ptr, body.len);
  ng_buf_adds(out, "</g>\n");
  ng_buf_add(out, close, (size_t)(svg + len - close));
  ng_buf_release(&body);
}

/* ------------------------------------------------------------------ */
/* Rendering                                                          */

int ng_gv_render_svg(Agraph_t *ag, const ng_legend *legend, ng_buf *out,
                     ng_err *err)
{
  char *mem = NULL;
  size_t len = 0;
  FILE *f = NULL;
  int ret, laid = 0, rendered;
  const char *msg;

  if ((ret = context(err)) < 0)
    return ret;
  /* The drawn legend replaces the words of graph.dot's label. */
  if (legend)
    agsafeset(ag, "label", "", "");
  if (layout(ag) < 0) {
    msg = ng_agerr_end();
    ng_agerr_begin();
    return ng_err_set(err, NG_ERR_RENDER,
                      "cannot lay out the graph with '%s'%s%s (are the "
                      "Graphviz plugins installed and listed in config6a?)",
                      agget(ag, "layout"), *msg ? ": " : "", msg);
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
  if (legend && agnnodes(ag) > 0)
    add_legend(out, mem, len, legend);
  else
    ng_buf_add(out, mem, len);

out:
  free(mem);
  if (laid)
    gvFreeLayout(gvc, ag);
  return ret;
}
