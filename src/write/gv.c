/*
 * What the two Graphviz diagrams (graph.* in dot.c, timeline.* in
 * timeline_dot.c) share: Graphviz's diagnostics caught in a buffer, the
 * escaping that keeps article text inert in DOT and SVG, and the look of
 * each kind of entity.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"
#include "write/write_internal.h"

/* ------------------------------------------------------------------ */
/* Diagnostics                                                        */

static char agerr_text[512];
static size_t agerr_len;
static agusererrf agerr_prev;

/*
 * Graphviz may deliver one message in several calls (a prefix, then the
 * text), so the pieces are appended, up to the buffer's size.
 */
static int agerr_collect(char *msg)
{
  size_t n = strlen(msg);
  if (n > sizeof(agerr_text) - 1 - agerr_len)
    n = sizeof(agerr_text) - 1 - agerr_len;
  memcpy(agerr_text + agerr_len, msg, n);
  agerr_len += n;
  agerr_text[agerr_len] = '\0';
  return 0;
}

void ng_agerr_begin(void)
{
  agerr_len = 0;
  agerr_text[0] = '\0';
  agerr_prev = agseterrf(agerr_collect);
}

const char *ng_agerr_end(void)
{
  agseterrf(agerr_prev);
  /* One line for ng_err: trailing newlines and inner breaks go. */
  while (agerr_len && (agerr_text[agerr_len - 1] == '\n' ||
                       agerr_text[agerr_len - 1] == ' '))
    agerr_text[--agerr_len] = '\0';
  for (size_t i = 0; i < agerr_len; i++)
    if (agerr_text[i] == '\n')
      agerr_text[i] = ' ';
  return agerr_text;
}

/* ------------------------------------------------------------------ */
/* Graphs whose subgraphs come out in creation order                  */

/*
 * agwrite writes subgraphs in the order of their ids, and cgraph's
 * default id of a named object is the address of its name string: the
 * clusters and the timeline's ranks would come out in a different order
 * from run to run.  This discipline numbers named (sub)graphs 2, 4, 6...
 * in creation order instead (anonymous ones keep cgraph's odd numbers)
 * and hands nodes and edges to the default.
 */
typedef struct id_state {
  Agraph_t *g;           /* AgIdDisc's own state is the root graph */
  NG_VEC(char *) names;  /* names.v[k] has id 2 * (k + 1); NULL once freed */
} id_state;

static void *id_open(Agraph_t *g, Agdisc_t *disc)
{
  id_state *st = ng_xcalloc(1, sizeof(*st));
  st->g = AgIdDisc.open(g, disc);
  return st;
}

/*
 * Names are cgraph's reference-counted strings (agstrdup), as with the
 * default discipline: agwrite asks them whether they are HTML-like.
 */
static long id_map(void *state, int objtype, char *str, IDTYPE *id,
                   int createflag)
{
  id_state *st = state;
  if (objtype != AGRAPH || !str)
    return AgIdDisc.map(st->g, objtype, str, id, createflag);
  for (size_t k = 0; k < st->names.n; k++)
    if (st->names.v[k] && strcmp(st->names.v[k], str) == 0) {
      *id = (IDTYPE)(2 * (k + 1));
      return 1;
    }
  if (!createflag)
    return 0;
  *NG_VEC_PUSH(st->names) = agstrdup(st->g, str);
  *id = (IDTYPE)(2 * st->names.n);
  return 1;
}

static long id_alloc(void *state, int objtype, IDTYPE id)
{
  id_state *st = state;
  return objtype == AGRAPH ? 0 : AgIdDisc.alloc(st->g, objtype, id);
}

/* The name of a (sub)graph with our id, or NULL. */
static char **named(id_state *st, IDTYPE id)
{
  if (id % 2 != 0 || id / 2 < 1 || id / 2 > st->names.n)
    return NULL;
  return &st->names.v[id / 2 - 1];
}

static void id_free(void *state, int objtype, IDTYPE id)
{
  id_state *st = state;
  char **name;
  if (objtype != AGRAPH) {
    AgIdDisc.free(st->g, objtype, id);
  } else if ((name = named(st, id)) && *name) {
    agstrfree(st->g, *name);
    *name = NULL;
  }
}

static char *id_print(void *state, int objtype, IDTYPE id)
{
  id_state *st = state;
  char **name = objtype == AGRAPH ? named(st, id) : NULL;
  return name ? *name : AgIdDisc.print(st->g, objtype, id);
}

/* cgraph frees every graph's id before this, and its strings after. */
static void id_close(void *state)
{
  id_state *st = state;
  AgIdDisc.close(st->g);
  for (size_t k = 0; k < st->names.n; k++)
    if (st->names.v[k])
      agstrfree(st->g, st->names.v[k]);
  NG_VEC_FREE(st->names);
  free(st);
}

static void id_register(void *state, int objtype, void *obj)
{
  id_state *st = state;
  AgIdDisc.idregister(st->g, objtype, obj);
}

static Agiddisc_t id_disc = {id_open,  id_map,   id_alloc,   id_free,
                             id_print, id_close, id_register};
static Agdisc_t disc = {&AgMemDisc, &id_disc, &AgIoDisc};

Agraph_t *ng_gv_open(char *name)
{
  return agopen(name, Agdirected, &disc);
}

int ng_gv_check(const ng_graph *g, ng_err *err)
{
  if (!g->finished)
    return ng_err_set(err, NG_ERR_USAGE,
                      "graph written before ng_graph_finish()");
  for (size_t i = 0; i < g->edges.n; i++) {
    const ng_gedge *e = &g->edges.v[i];
    if (e->a >= g->entities.n || e->b >= g->entities.n)
      return ng_err_set(err, NG_ERR_USAGE, "edge %zu names entity %zu of %zu",
                        i, e->a >= g->entities.n ? e->a : e->b,
                        g->entities.n);
  }
  for (size_t i = 0; i < g->events.n; i++)
    for (size_t k = 0; k < g->events.v[i].participants.n; k++)
      if (g->events.v[i].participants.v[k] >= g->entities.n)
        return ng_err_set(err, NG_ERR_USAGE,
                          "event %zu names entity %zu of %zu", i,
                          g->events.v[i].participants.v[k], g->entities.n);
  return 0;
}

/* ------------------------------------------------------------------ */
/* Escaping                                                           */

/* Does s start with something Graphviz reads as an entity, "&amp;"? */
static int entity_at(const char *s, size_t len)
{
  size_t i = 1;
  if (i < len && s[i] == '#')
    i++;
  while (i < len && ((s[i] >= 'a' && s[i] <= 'z') ||
                     (s[i] >= 'A' && s[i] <= 'Z') ||
                     (s[i] >= '0' && s[i] <= '9')))
    i++;
  return i > 1 && i < len && s[i] == ';';
}

/*
 * Append one code point of article text, made safe: control characters
 * (C0, DEL, C1) become spaces, and U+FFFE/U+FFFF, which XML forbids,
 * become U+FFFD like the invalid bytes ng_utf8_next already replaced.
 */
static void add_char(ng_buf *b, const char *s, size_t len, size_t at,
                     uint32_t c)
{
  char u[4];
  if (c == '\\')
    ng_buf_add(b, "\\\\", 2);
  else if (c == '&' && entity_at(s + at, len - at))
    ng_buf_adds(b, "&amp;");
  else if (c < 0x20 || (c >= 0x7f && c < 0xa0))
    ng_buf_addch(b, ' ');
  else
    ng_buf_add(b, u, ng_utf8_encode(c == 0xfffe || c == 0xffff ? 0xfffd : c,
                                    u));
}

void ng_gv_escn(ng_buf *b, const char *s, size_t len)
{
  size_t i = 0;
  while (i < len) {
    size_t at = i;
    uint32_t c = ng_utf8_next(s, len, &i);
    add_char(b, s, len, at, c);
  }
}

void ng_gv_esc(ng_buf *b, const char *s)
{
  ng_gv_escn(b, s, strlen(s));
}

/*
 * DOT has no way to write a backslash before a closing quote: cgraph
 * writes the name "\\" as "\", which reads as an unterminated string.
 * Names (ids) are not escStrings, so backslashes cannot be doubled
 * either; they become slashes.  Ids from the merge are slugs and never
 * hold one.
 */
const char *ng_gv_name(ng_buf *b, const char *s)
{
  size_t len = strlen(s), i = 0;
  ng_buf_reset(b);
  while (i < len) {
    size_t at = i;
    uint32_t c = ng_utf8_next(s, len, &i);
    if (c == '\\')
      ng_buf_addch(b, '/');
    else if (c == '&')
      ng_buf_addch(b, '&'); /* names are not labels: no entities */
    else
      add_char(b, s, len, at, c);
  }
  return b->ptr;
}

void ng_gv_set_esc(void *obj, char *name, const char *s, ng_buf *tmp)
{
  ng_buf_reset(tmp);
  ng_gv_esc(tmp, s);
  agset(obj, name, tmp->ptr);
}

/*
 * Word wrap: lines break at spaces once they reach width code points
 * (a longer word stays whole), and text past max code points is cut at
 * the last space, or mid-word when there is none, and ends in "...".
 */
void ng_gv_wrap(ng_buf *b, const char *s, size_t width, size_t max)
{
  size_t len = strlen(s), i = 0, n = 0, col = 0;

  while (i < len && s[i] == ' ')
    i++;
  while (i < len) {
    size_t at = i, word = 0, j = i;
    uint32_t c;

    /* Measure the next word. */
    while (j < len && s[j] != ' ' && s[j] != '\n') {
      ng_utf8_next(s, len, &j);
      word++;
    }
    if (n && n + 1 + word > max) {
      ng_buf_adds(b, "...");
      return;
    }
    if (col && col + 1 + word > width) {
      ng_buf_adds(b, "\\n");
      col = 0;
    } else if (col) {
      ng_buf_addch(b, ' ');
      col++;
    }
    n += (n ? 1 : 0);
    for (i = at; i < j;) {
      size_t here = i;
      if (n == max) {
        ng_buf_adds(b, "...");
        return;
      }
      c = ng_utf8_next(s, len, &i);
      add_char(b, s, len, here, c);
      n++, col++;
    }
    while (i < len && (s[i] == ' ' || s[i] == '\n'))
      i++;
  }
}

/* ------------------------------------------------------------------ */
/* Looks                                                              */

const char *ng_gv_count(size_t n, char buf[32])
{
  char digits[24];
  int len = snprintf(digits, sizeof(digits), "%zu", n), k = 0;
  for (int i = 0; i < len; i++) {
    if (i && (len - i) % 3 == 0)
      buf[k++] = ',';
    buf[k++] = digits[i];
  }
  buf[k] = '\0';
  return buf;
}

void ng_gv_style(ng_entity_type t, char **shape, char **fill)
{
  switch (t) {
  case NG_ENTITY_PERSON:
    *shape = "ellipse", *fill = NG_GV_PERSON_FILL;
    return;
  case NG_ENTITY_ORG:
    *shape = "box", *fill = NG_GV_ORG_FILL;
    return;
  case NG_ENTITY_PLACE:
    *shape = "hexagon", *fill = NG_GV_PLACE_FILL;
    return;
  }
  *shape = "octagon", *fill = "#eeeeee";
}

int ng_draw_layout_valid(const char *engine)
{
  static const char *const engines[] = {"dot",   "neato", "fdp",   "sfdp",
                                        "circo", "twopi", "osage", "patchwork"};
  for (size_t i = 0; engine && i < sizeof(engines) / sizeof(engines[0]); i++)
    if (strcmp(engine, engines[i]) == 0)
      return 1;
  return 0;
}
