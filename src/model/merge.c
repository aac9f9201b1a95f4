/*
 * The merge: many analyzed documents in, one graph out.
 *
 * ng_graph_add() copies what a document found into flat records (one per
 * in-document entity, co-mention pair, relation and event), so the
 * document can be freed at once.  ng_graph_finish() then decides which
 * records are the same real-world entity or happening:
 *
 *  - Entities (union-find over the records):
 *    1. same type and same name, ignoring case, a leading "the" and an
 *       organization's legal suffix ("Tesla Inc." is "Tesla");
 *    2. a lone surname joins the one person whose full name ends in it
 *       ("Putin" -> "Vladimir Putin"); when two people share the
 *       surname it joins neither;
 *    3. an @handle or a multi-word alias that two records share;
 *    4. a name seen with two types takes the type most of its mentions
 *       have, when the other is a small minority (tagger noise, not a
 *       person and a place that happen to share a name).
 *    The canonical name is the most complete form: most words, then most
 *    mentions.
 *  - Near-duplicate documents (the same article syndicated) are found
 *    by MinHash over word shingles; they stay sources, but their
 *    co-mentions are not counted again.
 *  - Events: records on the same date merge when they share two
 *    participants, or the same happening word and one participant.  A
 *    record whose date is only a weekday ("Sunday" in an undated article)
 *    joins a dated event on such a weekday when they agree that well;
 *    otherwise it cannot be placed on the timeline and is left out.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"
#include "model/graph_internal.h"
#include "util/civil.h"

#define MINHASH_K 64
#define NO_DOC ((size_t)-1)

typedef struct rec {
  size_t doc;
  char *name;
  ng_entity_type type;
  char **aliases;
  size_t n_aliases;
  size_t n_mentions;
} rec;

typedef struct pair {
  size_t a, b; /* record ids */
  size_t doc;
} pair;

typedef struct rel {
  size_t src, tgt; /* record ids */
  char *role;
  ng_gsource source;
} rel;

typedef struct evrec {
  size_t doc;
  char date[48];
  ng_precision precision;
  char *trigger, *summary;
  size_t *parts; /* record ids */
  size_t n_parts;
  ng_gsource source;
  size_t sentence;
} evrec;

struct ng_merge_state {
  NG_VEC(rec) recs;
  NG_VEC(pair) pairs;
  NG_VEC(rel) rels;
  NG_VEC(evrec) events;
  NG_VEC(uint64_t) sigs; /* MINHASH_K per document */
  NG_VEC(size_t) sig_len; /* shingles per document */
};

/* ------------------------------------------------------------------ */
/* Small tools                                                        */

static uint64_t hash_bytes(const char *s, size_t n, uint64_t seed)
{
  uint64_t h = 1469598103934665603ULL ^ seed;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ULL;
  }
  return h;
}

static uint64_t mix(uint64_t x)
{
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

/*
 * A string -> size_t map with open addressing; keys are copies in the
 * graph's arena.  Enough for the few hundred thousand keys of a corpus.
 */
typedef struct smap {
  char **keys;
  size_t *vals;
  size_t cap, n;
} smap;

static void smap_free(smap *m)
{
  free(m->keys);
  free(m->vals);
  memset(m, 0, sizeof(*m));
}

static size_t *smap_slot(smap *m, ng_arena *arena, const char *key, int create)
{
  if (create && (m->n + 1) * 2 > m->cap) {
    smap old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->keys = ng_xcalloc(m->cap, sizeof(char *));
    m->vals = ng_xcalloc(m->cap, sizeof(size_t));
    m->n = 0;
    for (size_t i = 0; i < old.cap; i++) {
      if (!old.keys[i])
        continue;
      size_t h = hash_bytes(old.keys[i], strlen(old.keys[i]), 0) & (m->cap - 1);
      while (m->keys[h])
        h = (h + 1) & (m->cap - 1);
      m->keys[h] = old.keys[i];
      m->vals[h] = old.vals[i];
      m->n++;
    }
    free(old.keys);
    free(old.vals);
  }
  if (!m->cap)
    return NULL;
  size_t h = hash_bytes(key, strlen(key), 0) & (m->cap - 1);
  while (m->keys[h]) {
    if (!strcmp(m->keys[h], key))
      return &m->vals[h];
    h = (h + 1) & (m->cap - 1);
  }
  if (!create)
    return NULL;
  m->keys[h] = ng_arena_strdup(arena, key);
  m->vals[h] = (size_t)-1;
  m->n++;
  return &m->vals[h];
}

static size_t find(size_t *parent, size_t x)
{
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

static void unite(size_t *parent, size_t a, size_t b)
{
  a = find(parent, a);
  b = find(parent, b);
  /* The smaller id is the root, so the result does not depend on order. */
  if (a < b)
    parent[b] = a;
  else if (b < a)
    parent[a] = b;
}

static size_t word_count(const char *s)
{
  size_t n = 0;
  int in = 0;
  for (; *s; s++) {
    if (*s == ' ') {
      in = 0;
    } else if (!in) {
      in = 1;
      n++;
    }
  }
  return n;
}

/* Legal suffixes that do not change which organization is meant. */
static const char *const legal_suffixes[] = {
    "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd",
    "ltd.", "llc", "plc", "ag", "sa", "gmbh", "limited", "nv", NULL};

/*
 * The key two names of one entity share: lower case, single spaces, no
 * leading "the", no trailing legal suffix on organizations, no trailing
 * dot.  Written into out.
 */
static void name_key(const char *name, ng_entity_type type, ng_buf *out)
{
  ng_buf_reset(out);
  const char *s = name;
  if (!strncasecmp(s, "the ", 4))
    s += 4;
  int space = 0;
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (isspace(c)) {
      space = out->len > 0;
      continue;
    }
    if (space)
      ng_buf_addch(out, ' ');
    space = 0;
    ng_buf_addch(out, (char)tolower(c));
  }
  if (type == NG_ENTITY_ORG) {
    char *sp = strrchr(out->ptr, ' ');
    if (sp) {
      for (size_t i = 0; legal_suffixes[i]; i++) {
        if (!strcmp(sp + 1, legal_suffixes[i])) {
          ng_buf_setlen(out, (size_t)(sp - out->ptr));
          break;
        }
      }
    }
  }
  while (out->len && (out->ptr[out->len - 1] == '.' || out->ptr[out->len - 1] == ','))
    ng_buf_setlen(out, out->len - 1);
}

/* The last word of a key ("vladimir putin" -> "putin"). */
static const char *last_word(const char *key)
{
  const char *sp = strrchr(key, ' ');
  return sp ? sp + 1 : key;
}

/* ------------------------------------------------------------------ */
/* Adding documents                                                   */

static struct ng_merge_state *state(ng_graph *g)
{
  if (!g->merge)
    g->merge = ng_xcalloc(1, sizeof(*g->merge));
  return g->merge;
}

/* MinHash of a document's word 4-shingles; its shingle count in *len. */
static void signature(const ng_doc *doc, uint64_t *sig, size_t *len)
{
  for (size_t k = 0; k < MINHASH_K; k++)
    sig[k] = UINT64_MAX;
  *len = 0;
  uint64_t w[4] = {0, 0, 0, 0};
  size_t words = 0;
  for (size_t t = 0; t < doc->tokens.n; t++) {
    if (!(doc->tokens.v[t].flags & (NG_TOK_WORD | NG_TOK_NUM)))
      continue;
    size_t n;
    const char *s = ng_tok_text(doc, t, &n);
    uint64_t h = 0;
    for (size_t i = 0; i < n; i++)
      h = h * 31 + (uint64_t)tolower((unsigned char)s[i]);
    w[0] = w[1];
    w[1] = w[2];
    w[2] = w[3];
    w[3] = mix(h);
    if (++words < 4)
      continue;
    uint64_t sh = mix(w[0] ^ (w[1] << 1) ^ (w[2] << 2) ^ (w[3] << 3));
    (*len)++;
    for (size_t k = 0; k < MINHASH_K; k++) {
      uint64_t v = mix(sh ^ (0x9E3779B97F4A7C15ULL * (k + 1)));
      if (v < sig[k])
        sig[k] = v;
    }
  }
}

/*
 * Is document d a near-duplicate of an earlier one?  The shorter text's
 * shingles must lie at least 80% inside the longer one's.
 */
static size_t duplicate_of(const struct ng_merge_state *ms, size_t d)
{
  const uint64_t *a = ms->sigs.v + d * MINHASH_K;
  double la = (double)ms->sig_len.v[d];
  if (la < 20)
    return NO_DOC;
  for (size_t e = 0; e < d; e++) {
    const uint64_t *b = ms->sigs.v + e * MINHASH_K;
    double lb = (double)ms->sig_len.v[e];
    if (lb < 20)
      continue;
    size_t same = 0;
    for (size_t k = 0; k < MINHASH_K; k++)
      same += a[k] == b[k];
    double j = (double)same / MINHASH_K;
    double inter = j / (1 + j) * (la + lb);
    double shorter = la < lb ? la : lb;
    if (inter / shorter >= 0.8)
      return e;
  }
  return NO_DOC;
}

static ng_gsource make_source(ng_graph *g, const ng_doc *doc, size_t d,
                              size_t sentence, const ng_timex *tx)
{
  ng_gsource src = {0};
  const ng_sentence *s = &doc->sentences.v[sentence];
  src.doc = d;
  src.start = s->start;
  src.end = s->end;
  src.text = ng_arena_strndup(&g->arena, doc->text + s->start, s->end - s->start);
  for (char *p = src.text; *p; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';
  if (tx) {
    src.date_text = ng_arena_strndup(&g->arena, doc->text + tx->start,
                                     tx->end - tx->start);
    snprintf(src.date, sizeof(src.date), "%s", tx->value);
  }
  return src;
}

int ng_graph_add(ng_graph *g, const ng_doc *doc, ng_err *err)
{
  struct ng_merge_state *ms = state(g);
  if (g->finished)
    return ng_err_set(err, NG_ERR_USAGE, "graph already finished");
  size_t d = g->docs.n;
  ng_gdoc *gd = NG_VEC_PUSH(g->docs);
  gd->id = ng_arena_strdup(&g->arena, doc->id ? doc->id : "-");
  gd->source = ng_arena_strdup(&g->arena, doc->source ? doc->source : "-");
  gd->title = doc->title ? ng_arena_strdup(&g->arena, doc->title) : NULL;
  gd->url = doc->url ? ng_arena_strdup(&g->arena, doc->url) : NULL;
  memcpy(gd->published, doc->published, sizeof(gd->published));
  gd->published_from = doc->published_from;

  NG_VEC_GROW(ms->sigs, (d + 1) * MINHASH_K);
  NG_VEC_GROW(ms->sig_len, d + 1);
  signature(doc, ms->sigs.v + d * MINHASH_K, &ms->sig_len.v[d]);
  ms->sigs.n = (d + 1) * MINHASH_K;
  ms->sig_len.n = d + 1;
  gd->duplicate_of = duplicate_of(ms, d);

  size_t base = ms->recs.n;
  for (size_t e = 0; e < doc->entities.n; e++) {
    const ng_dentity *de = &doc->entities.v[e];
    rec *r = NG_VEC_PUSH(ms->recs);
    r->doc = d;
    r->name = ng_arena_strdup(&g->arena, de->name);
    r->type = de->type;
    r->n_mentions = de->n_mentions;
    r->n_aliases = de->aliases.n;
    r->aliases = ng_arena_alloc(&g->arena, sizeof(char *) * (de->aliases.n + 1));
    for (size_t a = 0; a < de->aliases.n; a++)
      r->aliases[a] = ng_arena_strdup(&g->arena, de->aliases.v[a]);
  }

  /* Entities named in one sentence act together there. */
  size_t m = 0;
  NG_VEC(size_t) seen = {0};
  for (size_t s = 0; s < doc->sentences.n; s++) {
    seen.n = 0;
    while (m < doc->mentions.n && doc->mentions.v[m].sentence == s) {
      size_t e = doc->mentions.v[m].entity, k;
      for (k = 0; k < seen.n && seen.v[k] != e; k++)
        ;
      if (k == seen.n)
        *NG_VEC_PUSH(seen) = e;
      m++;
    }
    while (m < doc->mentions.n && doc->mentions.v[m].sentence < s)
      m++;
    for (size_t i = 0; i < seen.n; i++)
      for (size_t j = i + 1; j < seen.n; j++) {
        pair *p = NG_VEC_PUSH(ms->pairs);
        p->a = base + seen.v[i];
        p->b = base + seen.v[j];
        p->doc = d;
      }
  }
  NG_VEC_FREE(seen);

  for (size_t i = 0; i < doc->relations.n; i++) {
    const ng_relation *dr = &doc->relations.v[i];
    rel *r = NG_VEC_PUSH(ms->rels);
    r->src = base + dr->source;
    r->tgt = base + dr->target;
    r->role = ng_arena_strdup(&g->arena, dr->role);
    r->source = make_source(g, doc, d, dr->sentence, NULL);
  }

  for (size_t i = 0; i < doc->events.n; i++) {
    const ng_event *de = &doc->events.v[i];
    evrec *r = NG_VEC_PUSH(ms->events);
    r->doc = d;
    memcpy(r->date, de->date, sizeof(r->date));
    r->precision = de->precision;
    r->trigger = ng_arena_strdup(&g->arena, de->trigger ? de->trigger : "");
    r->summary = ng_arena_strdup(&g->arena, de->summary ? de->summary : "");
    r->n_parts = de->participants.n;
    r->parts = ng_arena_alloc(&g->arena, sizeof(size_t) * (r->n_parts + 1));
    for (size_t k = 0; k < r->n_parts; k++)
      r->parts[k] = base + de->participants.v[k];
    r->sentence = de->sentence;
    r->source = make_source(g, doc, d, de->sentence,
                            de->timex < doc->timexes.n ? &doc->timexes.v[de->timex]
                                                       : NULL);
  }
  return 0;
}
