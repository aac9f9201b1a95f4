/*
 * timeline.dot and timeline.svg: the story in date order, as a reader
 * scans it.  Time runs down the page: a ruler of dates on the left, each
 * date one rank of dot, its events beside it; the people, organizations
 * and places an event involves hang below the first event that names
 * them, and later events reach back to them with lighter lines.  On
 * timelines longer than NG_TIMELINE_LINK_EVENTS, a later event names
 * them again in a dashed node of its own instead: lines reaching back
 * across dozens of ranks cost dot most of its time (0.24 s of 0.27 s
 * for 100 BBC events) and tangle into a bundle nobody can follow.
 *
 *     14 Feb 2021    [Musk invited Putin to a conversation]
 *         |               /            \
 *         |       (Vladimir Putin)   [Clubhouse]
 *         v                                \
 *     15 Feb 2021    [Peskov said the proposal was interesting]
 *
 * Large corpora keep the NG_TIMELINE_MAX_EVENTS strongest events (most
 * sources, then most participants; model/view.c), still in date order.
 * The layout is always dot: a timeline is ranked by nature, and dot lays
 * 100 events and their participants out in a fraction of a second
 * because only the ruler and first appearances constrain the ranks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "write/write_internal.h"

#define SUMMARY_WIDTH 34 /* characters per line of an event's label */
#define SUMMARY_MAX 140  /* characters before "..." */

/* "14 Feb 2021" for 2021-02-14, "Feb 2021" for 2021-02, else as is. */
static void add_date(ng_buf *b, const char *iso)
{
  static const char *const months[] = {"Jan", "Feb", "Mar", "Apr",
                                       "May", "Jun", "Jul", "Aug",
                                       "Sep", "Oct", "Nov", "Dec"};
  int y, m, d, n = 0;
  size_t len = strlen(iso);

  if (len == 10 && sscanf(iso, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 &&
      n == 10 && m >= 1 && m <= 12)
    ng_buf_addf(b, "%d %s %04d", d, months[m - 1], y);
  else if (len == 7 && sscanf(iso, "%4d-%2d%n", &y, &m, &n) == 2 && n == 7 &&
           m >= 1 && m <= 12)
    ng_buf_addf(b, "%s %04d", months[m - 1], y);
  else
    ng_gv_esc(b, iso[0] ? iso : "undated");
}

static void declare(Agraph_t *ag)
{
  agattr(ag, AGRAPH, "layout", "dot");
  agattr(ag, AGRAPH, "rankdir", "TB");
  agattr(ag, AGRAPH, "newrank", "true");
  agattr(ag, AGRAPH, "nodesep", "0.2");
  agattr(ag, AGRAPH, "ranksep", "0.3");
  agattr(ag, AGRAPH, "outputorder", "edgesfirst");
  agattr(ag, AGRAPH, "fontname", NG_GV_FONT);
  agattr(ag, AGRAPH, "fontsize", "10");
  agattr(ag, AGRAPH, "labelloc", "b");
  agattr(ag, AGRAPH, "label", "");
  agattr(ag, AGRAPH, "rank", "");

  agattr(ag, AGNODE, "label", "\\N");
  agattr(ag, AGNODE, "shape", "note");
  agattr(ag, AGNODE, "style", "filled");
  agattr(ag, AGNODE, "fillcolor", NG_GV_EVENT_FILL);
  agattr(ag, AGNODE, "color", "#555555");
  agattr(ag, AGNODE, "fontname", NG_GV_FONT);
  agattr(ag, AGNODE, "fontsize", "10");
  agattr(ag, AGNODE, "tooltip", "");
  agattr(ag, AGNODE, "id", "");
  agattr(ag, AGNODE, "penwidth", "1");

  agattr(ag, AGEDGE, "arrowhead", "none");
  agattr(ag, AGEDGE, "color", "#9a9a9a");
  agattr(ag, AGEDGE, "penwidth", "1");
  agattr(ag, AGEDGE, "minlen", "1");
  agattr(ag, AGEDGE, "constraint", "true");
  agattr(ag, AGEDGE, "style", "solid");
}

/* The ruler's node for date, with an arrow from the previous one. */
static Agnode_t *ruler(Agraph_t *ag, const char *date, Agnode_t *prev,
                       ng_buf *tmp)
{
  Agnode_t *n;
  ng_buf name = NG_BUF_INIT;
  ng_buf_reset(tmp);
  ng_buf_adds(tmp, "date:");
  ng_buf_adds(tmp, date);
  ng_gv_name(&name, tmp->ptr);
  n = agnode(ag, name.ptr, 0);
  if (n) { /* events out of date order: no arrow back in time */
    ng_buf_release(&name);
    return n;
  }
  n = agnode(ag, name.ptr, 1);
  ng_gv_set_esc(n, "id", name.ptr, tmp);
  ng_buf_release(&name);
  agset(n, "shape", "plaintext");
  agset(n, "style", "");
  agset(n, "fontsize", "12");
  ng_buf_reset(tmp);
  add_date(tmp, date);
  agset(n, "label", tmp->ptr);
  if (prev) {
    /* minlen 2 leaves a rank between dates for first appearances. */
    Agedge_t *e = agedge(ag, prev, n, NULL, 1);
    agset(e, "minlen", "2");
    agset(e, "arrowhead", "normal");
    agset(e, "color", "#333333");
    agset(e, "penwidth", "1.5");
  }
  return n;
}

static void add_event(Agnode_t *n, const ng_gevent *ev, const ng_graph *g,
                      ng_buf *tmp)
{
  const char *summary = ev->summary ? ev->summary : ev->trigger;
  size_t ns = ev->sources.n;

  ng_gv_set_esc(n, "id", ev->id, tmp);
  ng_buf_reset(tmp);
  ng_gv_wrap(tmp, summary ? summary : "", SUMMARY_WIDTH, SUMMARY_MAX);
  ng_buf_adds(tmp, "\\n");
  add_date(tmp, ev->date);
  ng_buf_addf(tmp, ", %zu source%s", ns, ns == 1 ? "" : "s");
  agset(n, "label", tmp->ptr);
  /* Reported by more articles: a heavier frame, up to 3 points. */
  if (ns > 1) {
    char pen[16];
    snprintf(pen, sizeof(pen), "%.1f", ns >= 5 ? 3.0 : 1.0 + 0.5 * (ns - 1));
    agset(n, "penwidth", pen);
  }

  /* The whole summary and where it was read. */
  ng_buf_reset(tmp);
  ng_gv_esc(tmp, ev->date);
  ng_buf_adds(tmp, ": ");
  ng_gv_esc(tmp, summary ? summary : "");
  for (size_t i = 0; i < ns && i < 5; i++) {
    const ng_gdoc *d = &g->docs.v[ev->sources.v[i].doc];
    ng_buf_adds(tmp, i ? "\\n" : "\\nsources:\\n");
    ng_gv_esc(tmp, d->title ? d->title : d->id);
  }
  if (ns > 5)
    ng_buf_addf(tmp, "\\nand %zu more", ns - 5);
  agset(n, "tooltip", tmp->ptr);
}

static void add_entity(Agnode_t *n, const ng_gentity *e, ng_buf *tmp)
{
  char *shape, *fill;
  ng_gv_style(e->type, &shape, &fill);
  agset(n, "shape", shape);
  agset(n, "fillcolor", fill);
  ng_gv_set_esc(n, "label", e->name, tmp);
  ng_gv_set_esc(n, "id", e->id, tmp);
  ng_buf_reset(tmp);
  ng_gv_esc(tmp, e->name);
  ng_buf_addf(tmp, " (%s, %zu mention%s)", ng_entity_type_name(e->type),
              e->n_mentions, e->n_mentions == 1 ? "" : "s");
  agset(n, "tooltip", tmp->ptr);
}

static void legend_of(const ng_graph *g, size_t kept, ng_legend *l)
{
  static const struct {
    ng_legend_kind kind;
    const char *color, *text;
  } keys[] = {
      {NG_LEGEND_NOTE, NG_GV_EVENT_FILL, "event (more sources: bolder)"},
      {NG_LEGEND_ELLIPSE, NG_GV_PERSON_FILL, "person"},
      {NG_LEGEND_BOX, NG_GV_ORG_FILL, "organization"},
      {NG_LEGEND_HEXAGON, NG_GV_PLACE_FILL, "place"},
      {NG_LEGEND_LINE, "#9a9a9a", "takes part"},
      {NG_LEGEND_ARROW, "#333333", "later"},
  };
  memset(l, 0, sizeof(*l));
  for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
    l->keys[i].kind = keys[i].kind;
    l->keys[i].color = keys[i].color;
    l->keys[i].text = keys[i].text;
  }
  l->n_keys = sizeof(keys) / sizeof(keys[0]);
  char a[32], b[32];
  if (kept < g->events.n)
    snprintf(l->notes[0], sizeof(l->notes[0]),
             "the %s strongest of %s events (most sources first), in "
             "date order",
             ng_gv_count(kept, a), ng_gv_count(g->events.n, b));
  if (kept > NG_TIMELINE_LINK_EVENTS)
    snprintf(l->notes[l->notes[0][0] ? 1 : 0], sizeof(l->notes[0]),
             "dashed: named again, met in an earlier event");
}

int ng_timeline_agraph_build(const ng_graph *g, ng_legend *legend,
                             Agraph_t **out, ng_err *err)
{
  Agraph_t *ag, *same = NULL;
  Agnode_t **who, *date = NULL;
  ng_buf tmp = NG_BUF_INIT, name = NG_BUF_INIT;
  size_t *pick, n;
  const char *last = NULL;
  int ret;

  *out = NULL;
  if ((ret = ng_gv_check(g, err)) < 0)
    return ret;
  ag = ng_gv_open("timeline");
  if (!ag)
    return ng_err_set(err, NG_ERR_NOMEM, "cannot create the graph");
  declare(ag);

  pick = ng_xmalloc(sizeof(*pick) * (NG_TIMELINE_MAX_EVENTS + 1));
  n = ng_view_events(g, NG_TIMELINE_MAX_EVENTS, pick);
  who = ng_xcalloc(g->entities.n + 1, sizeof(*who));
  if (legend)
    legend_of(g, n, legend);
  if (n < g->events.n) {
    char a[32], b[32];
    ng_buf_addf(&tmp, "the %s strongest of %s events, in date order",
                ng_gv_count(n, a), ng_gv_count(g->events.n, b));
    agset(ag, "label", tmp.ptr);
  }

  for (size_t i = 0; i < n; i++) {
    const ng_gevent *ev = &g->events.v[pick[i]];
    Agnode_t *node;

    if (!last || strcmp(last, ev->date) != 0) {
      date = ruler(ag, ev->date, date, &tmp);
      ng_buf_reset(&tmp);
      ng_buf_addf(&tmp, "rank:%s", ev->date);
      same = agsubg(ag, (char *)ng_gv_name(&name, tmp.ptr), 1);
      agset(same, "rank", "same");
      agsubnode(same, date, 1);
      last = ev->date;
    }
    node = agnode(ag, (char *)ng_gv_name(&name, ev->id), 1);
    agsubnode(same, node, 1);
    add_event(node, ev, g, &tmp);
    for (size_t k = 0; k < ev->participants.n; k++) {
      size_t p = ev->participants.v[k];
      Agedge_t *e;
      if (who[p] && n <= NG_TIMELINE_LINK_EVENTS) {
        /* Met before: reach back without pulling it down the page. */
        e = agedge(ag, node, who[p], NULL, 1);
        agset(e, "constraint", "false");
        agset(e, "color", "#c4c4c4");
        continue;
      }
      if (who[p]) {
        /* Met before, on a long timeline: named again, dashed. */
        Agnode_t *again;
        ng_buf_reset(&tmp);
        ng_buf_addf(&tmp, "%s@%zu", g->entities.v[p].id, i);
        again = agnode(ag, (char *)ng_gv_name(&name, tmp.ptr), 1);
        add_entity(again, &g->entities.v[p], &tmp);
        ng_gv_set_esc(again, "id", agnameof(again), &tmp);
        agset(again, "style", "filled,dashed");
        agedge(ag, node, again, NULL, 1);
        continue;
      }
      who[p] = agnode(ag, (char *)ng_gv_name(&name, g->entities.v[p].id), 1);
      add_entity(who[p], &g->entities.v[p], &tmp);
      agedge(ag, node, who[p], NULL, 1);
    }
  }

  free(who);
  free(pick);
  ng_buf_release(&name);
  ng_buf_release(&tmp);
  *out = ag;
  return 0;
}

int ng_write_timeline_dot(const ng_graph *g, ng_buf *out, ng_err *err)
{
  Agraph_t *ag;
  int ret;

  ng_agerr_begin();
  if ((ret = ng_timeline_agraph_build(g, NULL, &ag, err)) == 0) {
    ret = ng_gv_write_dot(ag, out, err);
    agclose(ag);
  }
  ng_agerr_end();
  return ret;
}

int ng_write_timeline_svg(const ng_graph *g, ng_buf *out, ng_err *err)
{
  Agraph_t *ag;
  ng_legend legend;
  int ret;

  ng_agerr_begin();
  if ((ret = ng_timeline_agraph_build(g, &legend, &ag, err)) == 0) {
    ret = ng_gv_render_svg(ag, &legend, out, err);
    agclose(ag);
  }
  ng_agerr_end();
  return ret;
}
