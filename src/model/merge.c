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
 *    by bottom-k sketches of word shingles; they stay sources, but their
 *    co-mentions are not counted again.
 *  - Publication dates: an article without one takes the date of the
 *    article it duplicates, else the earliest date that fits most of
 *    its relative dates ("on Sunday", "last week") against the dates of
 *    the same happenings in dated articles; it is marked inferred, and
 *    its relative dates are resolved again against it.
 *  - Events: records on the same date are one happening when they share
 *    two participants, or one participant and the kind of happening
 *    (speech, message, meeting, else the same word).  Records a day
 *    apart are one happening when they have the same doer, the same kind
 *    and two participants in common: "tweeted on February 13" and "on
 *    Sunday invited" the 14th.  The date most articles give wins (a
 *    duplicate article counts once); the others are kept as
 *    alternatives with their sources.  A record whose date is only a
 *    weekday joins a dated event on such a weekday when they agree that
 *    well; otherwise it cannot be placed on the timeline and is left out.
 *    A happening whose sources name no doer ("investors estimated ...")
 *    is left out too.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze/analyze.h"
#include "analyze/namekey.h"
#include "model/graph_internal.h"
#include "util/civil.h"
#include "util/strmap.h"

#define SKETCH_K 64
#define NO_DOC ((size_t)-1)

typedef struct rec {
  size_t doc;
  char *name;
  ng_entity_type type;
  char **aliases;
  size_t n_aliases;
  size_t n_mentions;
  size_t start, end; /* the first mention */
} rec;

typedef struct pair {
  size_t a, b; /* record ids */
  size_t doc;
  size_t start, end; /* the sentence */
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
  size_t actor;      /* record id of the doer, or NO_REC */
  ng_timex_rel rel;  /* how the date hangs on the publication date */
  ng_gsource source; /* source.date: the timex value */
  size_t sentence;
} evrec;

#define NO_REC ((size_t)-1)

struct ng_merge_state {
  ng_strmap doc_ids; /* ids given so far, to keep them unique */
  NG_VEC(rec) recs;
  NG_VEC(pair) pairs;
  NG_VEC(rel) rels;
  NG_VEC(evrec) events;
  NG_VEC(uint64_t) sigs;  /* room for SKETCH_K per document */
  NG_VEC(size_t) sig_n;   /* values in each document's sketch */
  NG_VEC(size_t) sig_len; /* shingles per document */
  struct dup_index *dups; /* sketch values -> documents, for duplicate_of() */
};

/* ------------------------------------------------------------------ */
/* Small tools                                                        */

static uint64_t mix(uint64_t x)
{
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

/* A document id no other document has: id, or id#2, id#3, ... */
static char *unique_doc_id(ng_graph *g, const char *id)
{
  struct ng_merge_state *ms = g->merge;
  ng_buf b = NG_BUF_INIT;
  int added;
  char *out;

  ng_buf_adds(&b, id);
  for (unsigned k = 2;; k++) {
    ng_strmap_put(&ms->doc_ids, b.ptr, b.len, 0, &added);
    if (added)
      break;
    ng_buf_reset(&b);
    ng_buf_addf(&b, "%s#%u", id, k);
  }
  out = ng_arena_strdup(&g->arena, b.ptr);
  ng_buf_release(&b);
  return out;
}

/*
 * Give back a vector's unused room: tens of thousands of edges and
 * entities each hold a few items in room for eight.
 */
#define SHRINK(vec)                                                         \
  do {                                                                      \
    if ((vec).n && (vec).n < (vec).cap) {                                   \
      (vec).v = ng_xrealloc((vec).v, (vec).n * sizeof(*(vec).v));           \
      (vec).cap = (vec).n;                                                  \
    }                                                                       \
  } while (0)

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

/*
 * The key two names of one entity share: namekey.h's key (case, "the",
 * honorifics, dots and possessives folded away), less the legal suffix
 * of an organization or place ("Tesla Inc." is "tesla").  The same rules
 * coref.c applies within a document, so the two stages cannot disagree
 * on what "the same name" means.  Written into out.
 */
static void name_key(const char *name, ng_entity_type type, ng_buf *out)
{
  ng_buf_reset(out);
  ng_name_key(name, strlen(name), out);
  if (type != NG_ENTITY_PERSON)
    ng_buf_setlen(out, ng_name_strip_suffix(out->ptr, out->len));
}

/* An alias's key: a handle keeps its '@' so it never equals a name. */
static void alias_key(const char *alias, ng_entity_type type, ng_buf *out)
{
  if (alias[0] != '@') {
    name_key(alias, type, out);
    return;
  }
  ng_buf_reset(out);
  ng_buf_addch(out, '@');
  ng_name_letters(alias + 1, strlen(alias + 1), out);
}

/* "|<type>" after a key, so that names of two types never meet. */
static void type_suffix(ng_buf *key, ng_entity_type type)
{
  ng_buf_addch(key, '|');
  ng_buf_addch(key, (char)('0' + (int)type)); /* one digit: three types */
}

static size_t *put_key(ng_strmap *m, const ng_buf *key, size_t val,
                       int *added)
{
  return ng_strmap_put(m, key->ptr, key->len, val, added);
}

/*
 * Every record's name_key(), made once: the entity rules look a record's
 * key up several times each.  Key i is all.ptr[off[i] .. off[i + 1]).
 */
typedef struct key_cache {
  ng_buf all;
  size_t *off;
} key_cache;

static void key_cache_init(key_cache *kc, const struct ng_merge_state *ms)
{
  ng_buf key = NG_BUF_INIT;
  kc->all = (ng_buf)NG_BUF_INIT;
  kc->off = ng_xmalloc((ms->recs.n + 1) * sizeof(size_t));
  for (size_t i = 0; i < ms->recs.n; i++) {
    kc->off[i] = kc->all.len;
    name_key(ms->recs.v[i].name, ms->recs.v[i].type, &key);
    ng_buf_add(&kc->all, key.ptr, key.len);
  }
  kc->off[ms->recs.n] = kc->all.len;
  ng_buf_release(&key);
}

/* Record i's key into out. */
static void cached_key(const key_cache *kc, size_t i, ng_buf *out)
{
  ng_buf_reset(out);
  ng_buf_add(out, kc->all.ptr + kc->off[i], kc->off[i + 1] - kc->off[i]);
}

static void key_cache_release(key_cache *kc)
{
  ng_buf_release(&kc->all);
  free(kc->off);
}

/* ------------------------------------------------------------------ */
/* Adding documents                                                   */

static struct ng_merge_state *state(ng_graph *g)
{
  if (!g->merge)
    g->merge = ng_xcalloc(1, sizeof(*g->merge));
  return g->merge;
}

/*
 * A document's bottom-k sketch: the SKETCH_K smallest distinct hashes of
 * its word 4-shingles, ascending, in sig[0..*n) (*n < SKETCH_K when it has
 * fewer distinct shingles); its shingle count in *len.  One hash per
 * shingle, where MinHash with SKETCH_K values takes SKETCH_K: the small
 * hashes of a document are a random sample of its shingles, and the same
 * shingle has the same hash in every document, so two sketches tell how
 * much two documents share (duplicate_of()).
 */
static void signature(const ng_doc *doc, uint64_t *sig, size_t *n,
                      size_t *len)
{
  *n = 0;
  *len = 0;
  uint64_t w[4] = {0, 0, 0, 0};
  size_t words = 0;
  for (size_t t = 0; t < doc->tokens.n; t++) {
    if (!(doc->tokens.v[t].flags & (NG_TOK_WORD | NG_TOK_NUM)))
      continue;
    size_t tn;
    const char *s = ng_tok_text(doc, t, &tn);
    uint64_t h = 0;
    for (size_t i = 0; i < tn; i++)
      h = h * 31 + (uint64_t)tolower((unsigned char)s[i]);
    w[0] = w[1];
    w[1] = w[2];
    w[2] = w[3];
    w[3] = mix(h);
    if (++words < 4)
      continue;
    uint64_t sh = mix(w[0] ^ (w[1] << 1) ^ (w[2] << 2) ^ (w[3] << 3));
    (*len)++;
    /* Most shingles lose here once the sketch is full. */
    if (*n == SKETCH_K && sh >= sig[SKETCH_K - 1])
      continue;
    size_t i = 0, hi = *n; /* where sh goes: the first value above it */
    while (i < hi) {
      size_t mid = i + (hi - i) / 2;
      if (sig[mid] <= sh)
        i = mid + 1;
      else
        hi = mid;
    }
    if (i > 0 && sig[i - 1] == sh)
      continue; /* a repeated shingle */
    if (*n < SKETCH_K)
      (*n)++;
    memmove(sig + i + 1, sig + i, (*n - 1 - i) * sizeof(*sig));
    sig[i] = sh;
  }
}

/*
 * Which documents hold which sketch value: an open-addressing multimap
 * from the value (a hash already) to document.  Two documents that share
 * no value have nothing in common by the sketches' estimate and cannot be
 * duplicates, so duplicate_of() need only weigh the documents found here
 * instead of every earlier one.
 */
typedef struct dup_slot {
  uint64_t key; /* 0: empty */
  size_t doc;
} dup_slot;

struct dup_index {
  dup_slot *slots;
  size_t cap, n;
  NG_VEC(size_t) found;
};

static uint64_t dup_key(uint64_t value)
{
  return value ? value : 1;
}

static void dup_insert(struct dup_index *ix, uint64_t key, size_t doc)
{
  if ((ix->n + 1) * 2 > ix->cap) {
    dup_slot *old = ix->slots;
    size_t old_cap = ix->cap;
    ix->cap = old_cap ? old_cap * 2 : 1024;
    ix->slots = ng_xcalloc(ix->cap, sizeof(dup_slot));
    ix->n = 0;
    for (size_t i = 0; i < old_cap; i++)
      if (old[i].key)
        dup_insert(ix, old[i].key, old[i].doc);
    free(old);
  }
  size_t h = (size_t)key & (ix->cap - 1);
  while (ix->slots[h].key)
    h = (h + 1) & (ix->cap - 1);
  ix->slots[h].key = key;
  ix->slots[h].doc = doc;
  ix->n++;
}

static int cmp_doc(const void *a, const void *b)
{
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

/*
 * The Jaccard similarity of two documents by their sketches a[0..na) and
 * b[0..nb).  Below the smaller of the two sketches' largest values (a
 * sketch with fewer than SKETCH_K values holds its whole document, so
 * sets no bound), both sketches hold every hash of their documents:
 * those values are a random sample of the union, and the share found in
 * both is the estimate.
 */
static double sketch_jaccard(const uint64_t *a, size_t na, const uint64_t *b,
                             size_t nb)
{
  uint64_t bound = UINT64_MAX;
  if (na == SKETCH_K)
    bound = a[na - 1];
  if (nb == SKETCH_K && b[nb - 1] < bound)
    bound = b[nb - 1];
  size_t i = 0, j = 0, both = 0, all = 0;
  while (i < na || j < nb) {
    uint64_t x = i < na ? a[i] : UINT64_MAX, y = j < nb ? b[j] : UINT64_MAX;
    uint64_t v = x < y ? x : y;
    if (v > bound)
      break;
    all++;
    both += x == y;
    i += x == v;
    j += y == v;
  }
  return all ? (double)both / (double)all : 0;
}

/*
 * Is document d a near-duplicate of an earlier one?  The shorter text's
 * shingles must lie at least 80% inside the longer one's.  The earliest
 * such document is the answer.
 */
static size_t duplicate_of(struct ng_merge_state *ms, size_t d)
{
  const uint64_t *a = ms->sigs.v + d * SKETCH_K;
  size_t na = ms->sig_n.v[d];
  double la = (double)ms->sig_len.v[d];
  if (la < 20)
    return NO_DOC;
  if (!ms->dups)
    ms->dups = ng_xcalloc(1, sizeof(*ms->dups));
  struct dup_index *ix = ms->dups;
  ix->found.n = 0;
  for (size_t k = 0; ix->cap && k < na; k++) {
    uint64_t key = dup_key(a[k]);
    for (size_t h = (size_t)key & (ix->cap - 1); ix->slots[h].key;
         h = (h + 1) & (ix->cap - 1))
      if (ix->slots[h].key == key)
        *NG_VEC_PUSH(ix->found) = ix->slots[h].doc;
  }
  for (size_t k = 0; k < na; k++)
    dup_insert(ix, dup_key(a[k]), d);
  if (ix->found.n > 1)
    qsort(ix->found.v, ix->found.n, sizeof(size_t), cmp_doc);
  for (size_t i = 0; i < ix->found.n; i++) {
    size_t e = ix->found.v[i];
    if (i && e == ix->found.v[i - 1])
      continue;
    double lb = (double)ms->sig_len.v[e];
    double j = sketch_jaccard(a, na, ms->sigs.v + e * SKETCH_K,
                              ms->sig_n.v[e]);
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
  src.sentence = sentence;
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
  /* Two JSON Lines records may carry one id; references need one each. */
  gd->id = unique_doc_id(g, doc->id ? doc->id : "-");
  gd->source = ng_arena_strdup(&g->arena, doc->source ? doc->source : "-");
  gd->title = doc->title ? ng_arena_strdup(&g->arena, doc->title) : NULL;
  gd->url = doc->url ? ng_arena_strdup(&g->arena, doc->url) : NULL;
  if (doc->authors.n) {
    gd->authors = ng_arena_alloc(&g->arena, doc->authors.n * sizeof(char *));
    for (size_t i = 0; i < doc->authors.n; i++)
      gd->authors[i] = ng_arena_strdup(&g->arena, doc->authors.v[i]);
    gd->n_authors = doc->authors.n;
  }
  memcpy(gd->published, doc->published, sizeof(gd->published));
  gd->published_from = doc->published_from;

  NG_VEC_GROW(ms->sigs, (d + 1) * SKETCH_K);
  NG_VEC_GROW(ms->sig_n, d + 1);
  NG_VEC_GROW(ms->sig_len, d + 1);
  signature(doc, ms->sigs.v + d * SKETCH_K, &ms->sig_n.v[d],
            &ms->sig_len.v[d]);
  ms->sigs.n = (d + 1) * SKETCH_K;
  ms->sig_n.n = ms->sig_len.n = d + 1;
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
    r->start = r->end = 0;
  }
  /* Mentions are in text order: the first one seen is the first. */
  for (size_t i = doc->mentions.n; i-- > 0;) {
    const ng_mention *mn = &doc->mentions.v[i];
    if (mn->entity < doc->entities.n) {
      ms->recs.v[base + mn->entity].start = mn->start;
      ms->recs.v[base + mn->entity].end = mn->end;
    }
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
        p->start = doc->sentences.v[s].start;
        p->end = doc->sentences.v[s].end;
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
    r->source.role_text = ng_arena_strdup(&g->arena,
                                          dr->surface ? dr->surface : dr->role);
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
    r->actor = de->actor < doc->entities.n ? base + de->actor : NO_REC;
    const ng_timex *tx = de->timex < doc->timexes.n ? &doc->timexes.v[de->timex] : NULL;
    if (tx)
      r->rel = tx->rel;
    r->source = make_source(g, doc, d, de->sentence, tx);
  }
  return 0;
}

/* ------------------------------------------------------------------ */
/* Finishing: entities                                                */

/* A sorted set of size_t, for the few contexts of a person. */
typedef NG_VEC(size_t) idset;

static void idset_add(idset *s, size_t x)
{
  size_t lo = 0, hi = s->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (s->v[mid] < x)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < s->n && s->v[lo] == x)
    return;
  NG_VEC_GROW(*s, s->n + 1);
  memmove(s->v + lo + 1, s->v + lo, (s->n - lo) * sizeof(size_t));
  s->v[lo] = x;
  s->n++;
}

static size_t idset_common(const idset *a, const idset *b)
{
  size_t i = 0, j = 0, k = 0;
  while (i < a->n && j < b->n) {
    if (a->v[i] < b->v[j])
      i++;
    else if (a->v[i] > b->v[j])
      j++;
    else
      k++, i++, j++;
  }
  return k;
}

/* What a misspelling candidate is known by, per union-find root. */
typedef struct context {
  idset roles;  /* roots it holds a role at: Robinhood */
  idset near;   /* roots named in its sentences */
  idset docs;   /* documents it is in */
} context;

/* First word and surname of a person's key. */
static void first_and_last(const char *key, size_t n, size_t *fl,
                           const char **sur, size_t *sl)
{
  size_t i = 0;
  while (i < n && key[i] != ' ')
    i++;
  *fl = i;
  *sur = ng_name_surname(key, n, sl);
}

/* Edits a surname of n bytes may differ by and still be the same name. */
static size_t spelling_slack(size_t n)
{
  return n < 4 ? 0 : n < 5 ? 1 : 2;
}

/*
 * 5. Misspellings.  "Vlad Teneff" in one article and "Vlad Tenev" in
 * another are one person when all of these hold: both are full names of
 * people; the first names agree; the surnames start alike and differ by
 * at most one edit (four letters) or two (five or more); no document
 * names both (there they would be two people); and the context backs it:
 * both hold a role at one organization ("Robinhood co-founder", "Robinhood
 * CEO"), or their sentences name two entities in common.  The canonical
 * name is then chosen as usual and the other spelling stays an alias.
 * Two people who share only a surname are never joined here: the first
 * names must agree.
 */
static void join_misspellings(struct ng_merge_state *ms, size_t *parent,
                              const ng_strmap *by_name, const key_cache *kc)
{
  size_t n = ms->recs.n;
  ng_buf key = NG_BUF_INIT;
  ng_strmap by_first = NG_STRMAP_INIT;
  NG_VEC(size_t) reps = {0};     /* one record per distinct full name */
  NG_VEC(char *) keys = {0};     /* its key */
  size_t *next = NULL, *cand = ng_xmalloc((n + 1) * sizeof(size_t));
  NG_VEC(context) ctx = {0};

  for (size_t i = 0; i < n; i++)
    cand[i] = (size_t)-1;
  /* Distinct person names of two words or more, bucketed by first name. */
  for (size_t i = 0; i < n; i++) {
    const rec *r = &ms->recs.v[i];
    if (r->type != NG_ENTITY_PERSON)
      continue;
    cached_key(kc, i, &key);
    size_t len = key.len;
    if (ng_name_words(key.ptr, len) < 2)
      continue;
    type_suffix(&key, r->type);
    const size_t *first = ng_strmap_get(by_name, key.ptr, key.len);
    if (!first || *first != i)
      continue;
    ng_buf_setlen(&key, len);
    *NG_VEC_PUSH(reps) = i;
    *NG_VEC_PUSH(keys) = ng_xstrndup(key.ptr, key.len);
  }
  next = ng_xmalloc((reps.n + 1) * sizeof(size_t));
  for (size_t k = 0; k < reps.n; k++) {
    size_t fl, sl;
    const char *sur;
    first_and_last(keys.v[k], strlen(keys.v[k]), &fl, &sur, &sl);
    int added;
    size_t *head = ng_strmap_put(&by_first, keys.v[k], fl, k, &added);
    next[k] = added ? (size_t)-1 : *head;
    *head = k;
  }

  /* Pairs of close spellings; their roots become candidates. */
  NG_VEC(size_t) pairs = {0};
  for (size_t k = 0; k < reps.n; k++) {
    size_t fl, sl;
    const char *sur;
    first_and_last(keys.v[k], strlen(keys.v[k]), &fl, &sur, &sl);
    for (size_t o = next[k]; o != (size_t)-1; o = next[o]) {
      size_t fl2, sl2;
      const char *sur2;
      first_and_last(keys.v[o], strlen(keys.v[o]), &fl2, &sur2, &sl2);
      size_t slack = spelling_slack(sl < sl2 ? sl : sl2);
      if (!slack || sur[0] != sur2[0] ||
          (sl == sl2 && !memcmp(sur, sur2, sl)) ||
          ng_name_distance(sur, sl, sur2, sl2, slack) > slack)
        continue;
      size_t a = find(parent, reps.v[k]), b = find(parent, reps.v[o]);
      if (a == b)
        continue;
      *NG_VEC_PUSH(pairs) = a;
      *NG_VEC_PUSH(pairs) = b;
      for (int t = 0; t < 2; t++) {
        size_t root = t ? b : a;
        if (cand[root] == (size_t)-1) {
          cand[root] = ctx.n;
          (void)NG_VEC_PUSH(ctx);
        }
      }
    }
  }

  if (pairs.n) {
    /* What the candidates are known by. */
    for (size_t i = 0; i < n; i++) {
      size_t c = cand[find(parent, i)];
      if (c != (size_t)-1)
        idset_add(&ctx.v[c].docs, ms->recs.v[i].doc);
    }
    for (size_t i = 0; i < ms->rels.n; i++) {
      size_t c = cand[find(parent, ms->rels.v[i].src)];
      if (c != (size_t)-1)
        idset_add(&ctx.v[c].roles, find(parent, ms->rels.v[i].tgt));
    }
    for (size_t i = 0; i < ms->pairs.n; i++) {
      size_t a = find(parent, ms->pairs.v[i].a);
      size_t b = find(parent, ms->pairs.v[i].b);
      if (cand[a] != (size_t)-1)
        idset_add(&ctx.v[cand[a]].near, b);
      if (cand[b] != (size_t)-1)
        idset_add(&ctx.v[cand[b]].near, a);
    }
    for (size_t k = 0; k < pairs.n; k += 2) {
      size_t a = pairs.v[k], b = pairs.v[k + 1];
      const context *x = &ctx.v[cand[a]], *y = &ctx.v[cand[b]];
      if (find(parent, a) == find(parent, b) ||
          idset_common(&x->docs, &y->docs))
        continue;
      if (idset_common(&x->roles, &y->roles) ||
          idset_common(&x->near, &y->near) >= 2)
        unite(parent, a, b);
    }
  }

  for (size_t c = 0; c < ctx.n; c++) {
    NG_VEC_FREE(ctx.v[c].roles);
    NG_VEC_FREE(ctx.v[c].near);
    NG_VEC_FREE(ctx.v[c].docs);
  }
  NG_VEC_FREE(ctx);
  NG_VEC_FREE(pairs);
  for (size_t k = 0; k < keys.n; k++)
    free(keys.v[k]);
  NG_VEC_FREE(keys);
  NG_VEC_FREE(reps);
  free(next);
  free(cand);
  ng_strmap_release(&by_first);
  ng_buf_release(&key);
}

static void union_entities(ng_graph *g, size_t *parent)
{
  struct ng_merge_state *ms = g->merge;
  size_t n = ms->recs.n;
  ng_buf key = NG_BUF_INIT;
  ng_strmap by_name = NG_STRMAP_INIT, by_surname = NG_STRMAP_INIT,
            by_alias = NG_STRMAP_INIT;
  int added;
  key_cache kc;
  key_cache_init(&kc, ms);

  /* 1. Same type, same name key. */
  for (size_t i = 0; i < n; i++) {
    rec *r = &ms->recs.v[i];
    cached_key(&kc, i, &key);
    type_suffix(&key, r->type);
    size_t *slot = put_key(&by_name, &key, i, &added);
    if (!added)
      unite(parent, *slot, i);
  }
  /* 3. Shared @handles and multi-word aliases (same type). */
  for (size_t i = 0; i < n; i++) {
    rec *r = &ms->recs.v[i];
    for (size_t a = 0; a < r->n_aliases; a++) {
      const char *al = r->aliases[a];
      if (al[0] != '@' && !strchr(al, ' '))
        continue;
      alias_key(al, r->type, &key);
      type_suffix(&key, r->type);
      size_t *slot = put_key(&by_alias, &key, i, &added);
      if (!added)
        unite(parent, *slot, i);
      /* An alias that is another record's name joins them too. */
      const size_t *named = ng_strmap_get(&by_name, key.ptr, key.len);
      if (named)
        unite(parent, *named, i);
    }
  }
  /* 5. A misspelt full name, where the context backs it. */
  join_misspellings(ms, parent, &by_name, &kc);
  /*
   * 2. Surnames: map each surname to the one full name that ends in it;
   * a second, different full name makes the surname ambiguous.
   */
  const size_t ambiguous = (size_t)-2;
  for (size_t i = 0; i < n; i++) {
    rec *r = &ms->recs.v[i];
    if (r->type != NG_ENTITY_PERSON)
      continue;
    cached_key(&kc, i, &key);
    if (ng_name_words(key.ptr, key.len) < 2)
      continue;
    size_t sl;
    const char *sur = ng_name_surname(key.ptr, key.len, &sl);
    size_t root = find(parent, i);
    size_t *slot = ng_strmap_put(&by_surname, sur, sl, root, &added);
    if (!added && *slot != ambiguous && find(parent, *slot) != root)
      *slot = ambiguous;
  }
  for (size_t i = 0; i < n; i++) {
    rec *r = &ms->recs.v[i];
    if (r->type != NG_ENTITY_PERSON)
      continue;
    cached_key(&kc, i, &key);
    if (ng_name_words(key.ptr, key.len) != 1)
      continue;
    const size_t *slot = ng_strmap_get(&by_surname, key.ptr, key.len);
    if (slot && *slot != ambiguous)
      unite(parent, *slot, i);
  }
  /*
   * 4. One name, two types: the minority type joins the majority when
   * it has at most a quarter of the mentions.
   */
  ng_strmap by_plain = NG_STRMAP_INIT;
  NG_VEC(size_t) votes = {0}; /* per record root: mentions per type, 3 each */
  NG_VEC_GROW(votes, n * 3);
  if (n) /* no records: votes.v is NULL, which memset may not take */
    memset(votes.v, 0, n * 3 * sizeof(size_t));
  for (size_t i = 0; i < n; i++) {
    rec *r = &ms->recs.v[i];
    votes.v[find(parent, i) * 3 + r->type] += r->n_mentions ? r->n_mentions : 1;
  }
  for (size_t i = 0; i < n; i++) {
    rec *r = &ms->recs.v[i];
    /* name_key(r->name, NG_ENTITY_ORG): the suffix off a person's too. */
    cached_key(&kc, i, &key);
    if (r->type == NG_ENTITY_PERSON)
      ng_buf_setlen(&key, ng_name_strip_suffix(key.ptr, key.len));
    size_t ri = find(parent, i);
    size_t *slot = put_key(&by_plain, &key, ri, &added);
    if (added)
      continue;
    size_t rj = find(parent, *slot);
    if (ri == rj || ms->recs.v[ri].type == ms->recs.v[rj].type)
      continue;
    size_t ti = 0, tj = 0;
    for (int t = 0; t < 3; t++) {
      ti += votes.v[ri * 3 + t];
      tj += votes.v[rj * 3 + t];
    }
    size_t small = ti < tj ? ti : tj, all = ti + tj;
    if (small * 4 <= all) {
      unite(parent, ri, rj);
      size_t root = find(parent, ri);
      size_t other = root == ri ? rj : ri;
      for (int t = 0; t < 3; t++)
        votes.v[root * 3 + t] += votes.v[other * 3 + t];
    }
  }
  NG_VEC_FREE(votes);
  ng_strmap_release(&by_plain);
  ng_strmap_release(&by_name);
  ng_strmap_release(&by_surname);
  ng_strmap_release(&by_alias);
  ng_buf_release(&key);
  key_cache_release(&kc);
}

static int cmp_str(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_entity(const void *a, const void *b)
{
  const ng_gentity *x = a, *y = b;
  if (x->type != y->type)
    return (int)x->type - (int)y->type;
  int c = strcmp(x->name, y->name);
  return c ? c : strcmp(x->id, y->id);
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

/*
 * Is name a more complete form than best?  More words, then the better
 * spelling ("Reuters" over "REUTERS"), then more mentions.
 */
static int more_complete(const rec *r, const rec *best, size_t r_mentions,
                         size_t best_mentions)
{
  size_t wr = word_count(r->name), wb = word_count(best->name);
  if (wr != wb)
    return wr > wb;
  size_t lr = strlen(r->name), lb = strlen(best->name);
  if (ng_name_better_spelling(r->name, lr, best->name, lb))
    return 1;
  if (ng_name_better_spelling(best->name, lb, r->name, lr))
    return 0;
  if (r_mentions != best_mentions)
    return r_mentions > best_mentions;
  return strcmp(r->name, best->name) < 0;
}

/* Build g->entities; fills rec_entity[i] with record i's entity index. */
static void build_entities(ng_graph *g, size_t *parent, size_t *rec_entity)
{
  struct ng_merge_state *ms = g->merge;
  size_t n = ms->recs.n;
  size_t *root_entity = ng_xmalloc(sizeof(size_t) * (n + 1));
  size_t *best = ng_xmalloc(sizeof(size_t) * (n + 1));
  size_t *votes = ng_xcalloc(n * 3 + 1, sizeof(size_t));
  for (size_t i = 0; i < n; i++) {
    root_entity[i] = (size_t)-1;
    best[i] = (size_t)-1;
  }
  for (size_t i = 0; i < n; i++) {
    size_t r = find(parent, i);
    votes[r * 3 + ms->recs.v[i].type] += ms->recs.v[i].n_mentions + 1;
    if (best[r] == (size_t)-1 ||
        more_complete(&ms->recs.v[i], &ms->recs.v[best[r]],
                      ms->recs.v[i].n_mentions, ms->recs.v[best[r]].n_mentions))
      best[r] = i;
  }
  /* One entity per root, in record order for now. */
  NG_VEC(size_t) roots = {0};
  for (size_t i = 0; i < n; i++) {
    size_t r = find(parent, i);
    if (root_entity[r] != (size_t)-1)
      continue;
    root_entity[r] = g->entities.n;
    *NG_VEC_PUSH(roots) = r;
    ng_gentity *e = NG_VEC_PUSH(g->entities);
    e->name = ms->recs.v[best[r]].name;
    int t = 0;
    for (int k = 1; k < 3; k++)
      if (votes[r * 3 + k] > votes[r * 3 + t])
        t = k;
    e->type = (ng_entity_type)t;
  }
  for (size_t i = 0; i < n; i++) {
    rec *r = &ms->recs.v[i];
    ng_gentity *e = &g->entities.v[root_entity[find(parent, i)]];
    e->n_mentions += r->n_mentions;
    if (!e->docs.n || e->docs.v[e->docs.n - 1] != r->doc)
      *NG_VEC_PUSH(e->docs) = r->doc;
    ng_gmerged *mr = NG_VEC_PUSH(e->merged);
    mr->doc = r->doc;
    mr->name = r->name;
    mr->aliases = r->aliases;
    mr->n_aliases = r->n_aliases;
    mr->n_mentions = r->n_mentions;
    mr->start = r->start;
    mr->end = r->end;
    if (strcmp(r->name, e->name))
      *NG_VEC_PUSH(e->aliases) = r->name;
    for (size_t a = 0; a < r->n_aliases; a++)
      if (strcmp(r->aliases[a], e->name))
        *NG_VEC_PUSH(e->aliases) = r->aliases[a];
  }
  /* Aliases sorted and unique; ids from type and name. */
  ng_buf id = NG_BUF_INIT;
  for (size_t k = 0; k < g->entities.n; k++) {
    ng_gentity *e = &g->entities.v[k];
    SHRINK(e->merged);
    if (e->aliases.n) {
      qsort(e->aliases.v, e->aliases.n, sizeof(char *), cmp_str);
      size_t w = 0;
      for (size_t a = 0; a < e->aliases.n; a++)
        if (!w || strcmp(e->aliases.v[w - 1], e->aliases.v[a]))
          e->aliases.v[w++] = e->aliases.v[a];
      e->aliases.n = w;
    }
    ng_buf_reset(&id);
    ng_buf_adds(&id, ng_entity_type_name(e->type));
    ng_buf_addch(&id, ':');
    ng_slug(e->name, strlen(e->name), &id);
    e->id = ng_arena_strdup(&g->arena, id.ptr);
  }
  /* Sort, then make ids unique in sorted order, then map records. */
  size_t ne = g->entities.n;
  size_t *order = ng_xmalloc(sizeof(size_t) * (ne + 1));
  ng_gentity *sorted = ng_xmalloc(sizeof(ng_gentity) * (ne + 1));
  /* Sort copies tagged with their old index (e first, for cmp_entity). */
  typedef struct {
    ng_gentity e;
    size_t old;
  } tagged;
  tagged *tg = ng_xmalloc(sizeof(tagged) * (ne + 1));
  for (size_t k = 0; k < ne; k++) {
    tg[k].e = g->entities.v[k];
    tg[k].old = k;
  }
  qsort(tg, ne, sizeof(tagged), cmp_entity);
  for (size_t k = 0; k < ne; k++) {
    sorted[k] = tg[k].e;
    order[tg[k].old] = k;
  }
  ng_strmap ids = NG_STRMAP_INIT;
  for (size_t k = 0; k < ne; k++) {
    int added;
    ng_strmap_puts(&ids, sorted[k].id, k, &added);
    for (unsigned suffix = 2; !added; suffix++) {
      ng_buf_reset(&id);
      ng_buf_addf(&id, "%s-%u", sorted[k].id, suffix);
      ng_strmap_put(&ids, id.ptr, id.len, k, &added);
      if (added)
        sorted[k].id = ng_arena_strdup(&g->arena, id.ptr);
    }
  }
  if (ne) /* none: g->entities.v is NULL, which memcpy may not take */
    memcpy(g->entities.v, sorted, sizeof(ng_gentity) * ne);
  for (size_t i = 0; i < n; i++)
    rec_entity[i] = order[root_entity[find(parent, i)]];
  ng_strmap_release(&ids);
  ng_buf_release(&id);
  free(tg);
  free(sorted);
  free(order);
  NG_VEC_FREE(roots);
  free(votes);
  free(best);
  free(root_entity);
}

/* ------------------------------------------------------------------ */
/* Finishing: edges                                                   */

static int cmp_edge(const void *a, const void *b)
{
  const ng_gedge *x = a, *y = b;
  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  if (x->b != y->b)
    return x->b < y->b ? -1 : 1;
  if (!x->role || !y->role)
    return x->role ? 1 : y->role ? -1 : 0;
  return strcmp(x->role, y->role);
}

static void build_edges(ng_graph *g, const size_t *rec_entity)
{
  struct ng_merge_state *ms = g->merge;
  ng_strmap idx = NG_STRMAP_INIT;
  int added;
  /* Co-mentions, once per sentence, not again from a duplicate article. */
  for (size_t i = 0; i < ms->pairs.n; i++) {
    const pair *p = &ms->pairs.v[i];
    if (g->docs.v[p->doc].duplicate_of != NO_DOC)
      continue;
    size_t a = rec_entity[p->a], b = rec_entity[p->b];
    if (a == b)
      continue;
    if (a > b) {
      size_t t = a;
      a = b;
      b = t;
    }
    size_t key[2] = {a, b};
    size_t *slot = ng_strmap_put(&idx, (const char *)key, sizeof(key),
                                 g->edges.n, &added);
    if (added) {
      ng_gedge *e = NG_VEC_PUSH(g->edges);
      e->a = a;
      e->b = b;
    }
    ng_gedge *e = &g->edges.v[*slot];
    /* Two records of one sentence can meet in one entity pair: once. */
    if (e->spans.n && e->spans.v[e->spans.n - 1].doc == p->doc &&
        e->spans.v[e->spans.n - 1].start == p->start)
      continue;
    e->weight++;
    *NG_VEC_PUSH(e->spans) = (ng_gspan){p->doc, p->start, p->end};
  }
  /* Roles: "a is <role> of b", directed, with every source. */
  ng_buf rkey = NG_BUF_INIT;
  for (size_t i = 0; i < ms->rels.n; i++) {
    const rel *r = &ms->rels.v[i];
    size_t a = rec_entity[r->src], b = rec_entity[r->tgt];
    if (a == b)
      continue;
    size_t ab[2] = {a, b};
    ng_buf_reset(&rkey);
    ng_buf_add(&rkey, ab, sizeof(ab));
    for (const char *c = r->role; *c; c++)
      ng_buf_addch(&rkey, (char)tolower((unsigned char)*c));
    size_t *slot = ng_strmap_put(&idx, rkey.ptr, rkey.len, g->edges.n, &added);
    if (added) {
      ng_gedge *e = NG_VEC_PUSH(g->edges);
      e->a = a;
      e->b = b;
      e->role = r->role;
    }
    ng_gedge *e = &g->edges.v[*slot];
    if (g->docs.v[r->source.doc].duplicate_of == NO_DOC)
      e->weight++;
    *NG_VEC_PUSH(e->sources) = r->source;
  }
  ng_buf_release(&rkey);
  ng_strmap_release(&idx);
  if (g->edges.n)
    qsort(g->edges.v, g->edges.n, sizeof(ng_gedge), cmp_edge);
  /* A role read only from a duplicate still counts once. */
  for (size_t i = 0; i < g->edges.n; i++) {
    if (!g->edges.v[i].weight)
      g->edges.v[i].weight = 1;
    SHRINK(g->edges.v[i].spans); /* most pairs meet once */
  }
}

/* ------------------------------------------------------------------ */
/* Finishing: events                                                  */

/* The kind of a happening word: speech, message, meeting; 0 for others. */
static int trigger_kind(const char *t)
{
  static const char *const kinds[][24] = {
      {"say", "tell", "state", "add", "comment", "describe", "reply", "respond",
       "confirm", "claim", "warn", "deny", "report", "announce", "reveal",
       "declare", "call", "praise", "criticise", "criticize", "slam", "urge",
       "accuse", NULL},
      {"invite", "ask", "tweet", "post", "write", "offer", "propose", "send",
       "publish", "promise", "pledge", "accept", "agree", NULL},
      {"meet", "talk", "discuss", "interview", "visit", "host", "hold", "join",
       NULL}};
  for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
    for (size_t i = 0; kinds[k][i]; i++)
      if (!strcmp(t, kinds[k][i]))
        return (int)k + 1;
  return 0;
}

static int same_kind(const evrec *a, const evrec *b)
{
  int ka = trigger_kind(a->trigger), kb = trigger_kind(b->trigger);
  return ka ? ka == kb : !strcmp(a->trigger, b->trigger);
}

static int has(const size_t *v, size_t n, size_t x)
{
  for (size_t i = 0; i < n; i++)
    if (v[i] == x)
      return 1;
  return 0;
}

/* Entities two records have in common. */
static size_t shared_entities(const evrec *a, const evrec *b, const size_t *rec_entity)
{
  size_t k = 0;
  for (size_t i = 0; i < a->n_parts; i++) {
    size_t e = rec_entity[a->parts[i]], dup = 0;
    for (size_t j = 0; j < i && !dup; j++)
      dup = rec_entity[a->parts[j]] == e;
    for (size_t j = 0; j < b->n_parts && !dup; j++)
      if (rec_entity[b->parts[j]] == e) {
        k++;
        break;
      }
  }
  return k;
}

/* Are two records on one date the same happening? */
static int same_happening(const evrec *a, const evrec *b, const size_t *rec_entity)
{
  size_t sh = shared_entities(a, b, rec_entity);
  return sh >= 2 || (sh >= 1 && same_kind(a, b));
}

/* "XXXX-WXX-7": a weekday with no date around it. */
static int weekday_only(const char *date)
{
  return !strncmp(date, "XXXX-WXX-", 9) && date[9] >= '1' && date[9] <= '7' &&
         !date[10];
}

/* A full calendar day as a day number, or 0 with ok = 0. */
static int64_t day_of(const char *date, int *ok)
{
  ng_ymd t;
  *ok = strlen(date) == 10 && ng_parse_iso_date(date, &t) == 0;
  return *ok ? ng_days_from_civil(t.y, t.m, t.d) : 0;
}

/* ---- publication dates ---- */

typedef struct span64 {
  int64_t lo, hi;
} span64;

/*
 * The publication dates under which relative date rel would name day d
 * (a day number): "on Sunday" (the last Sunday) names the 14th when
 * published from the 14th to the 20th.  0 when rel cannot name d.
 */
static int solve(const ng_timex_rel *tr, int64_t d, span64 *out)
{
  ng_ymd t = ng_civil_from_days(d);
  switch (tr->kind) {
  case NG_REL_WEEKDAY: {
    if (ng_weekday(t.y, t.m, t.d) != tr->n)
      return 0;
    int dir = tr->dir;
    out->lo = dir == -1 ? d : dir == -2 ? d + 1 : dir == 1 ? d - 6 : d - 7;
    out->hi = out->lo + 6;
    return 1;
  }
  case NG_REL_MONTHDAY:
    if (t.m != tr->n || t.d != tr->day)
      return 0;
    out->lo = tr->dir < 0 ? d : d - 300;
    out->hi = tr->dir > 0 ? d : d + 300;
    return 1;
  case NG_REL_SHIFT:
    switch (tr->unit) {
    case 'D':
      out->lo = out->hi = d - tr->n;
      return 1;
    case 'W': {
      int64_t monday = d - (ng_weekday(t.y, t.m, t.d) - 1) - 7 * (int64_t)tr->n;
      out->lo = monday;
      out->hi = monday + 6;
      return 1;
    }
    case 'M': {
      int k = t.y * 12 + (t.m - 1) - tr->n;
      int y = k / 12, m = k % 12 + 1;
      out->lo = ng_days_from_civil(y, m, 1);
      out->hi = out->lo + ng_days_in_month(y, m) - 1;
      return 1;
    }
    case 'Y':
      out->lo = ng_days_from_civil(t.y - tr->n, 1, 1);
      out->hi = ng_days_from_civil(t.y - tr->n, 12, 31);
      return 1;
    }
    return 0;
  }
  return 0;
}

/* Resolve record r's date again against publication day a. */
static void reanchor(evrec *r, ng_ymd a)
{
  ng_timex t = {0};
  char v[48];
  memcpy(t.value, r->source.date, sizeof(t.value));
  t.rel = r->rel;
  if (!ng_timex_reanchor(&t, a, v))
    return;
  ng_precision p;
  char date[48];
  memcpy(r->source.date, v, sizeof(r->source.date));
  if (ng_event_date(v, &p, date, sizeof(date))) {
    memcpy(r->date, date, sizeof(r->date));
    r->precision = p;
  }
}

/*
 * What infer_published() looks up for every undated document, made once
 * instead of by a walk over every record (or document) each time: each
 * document's event records and the documents that duplicate it, both
 * ascending, and the anchors, the records that can date another
 * article (a full day in a dated document), with their day numbers.
 */
typedef struct pub_index {
  size_t *rec_off, *recs; /* doc d's records: recs[rec_off[d] .. rec_off[d + 1]) */
  size_t *dup_off, *dups; /* the documents duplicating d, the same way */
  NG_VEC(size_t) anchors;
  NG_VEC(int64_t) anchor_day;
} pub_index;

/* owner[i] for i < n, as lists per document (n_docs of them) in *off, *v. */
static void group_by_doc(const size_t *owner, size_t n, size_t n_docs,
                         size_t **off, size_t **v)
{
  size_t *o = ng_xcalloc(n_docs + 2, sizeof(size_t));
  for (size_t i = 0; i < n; i++)
    if (owner[i] < n_docs)
      o[owner[i] + 2]++;
  for (size_t d = 0; d < n_docs; d++)
    o[d + 2] += o[d + 1];
  size_t *out = ng_xmalloc((n + 1) * sizeof(size_t));
  for (size_t i = 0; i < n; i++)
    if (owner[i] < n_docs)
      out[o[owner[i] + 1]++] = i;
  *off = o;
  *v = out;
}

/* Record i, if it can date another article, as the next anchor. */
static void add_anchor(pub_index *px, const ng_graph *g, size_t i)
{
  const evrec *q = &g->merge->events.v[i];
  int ok;
  int64_t day;
  if (!g->docs.v[q->doc].published[0] || q->precision != NG_PREC_DAY ||
      !(day = day_of(q->date, &ok), ok))
    return;
  *NG_VEC_PUSH(px->anchors) = i;
  *NG_VEC_PUSH(px->anchor_day) = day;
}

static void pub_index_init(pub_index *px, const ng_graph *g)
{
  const struct ng_merge_state *ms = g->merge;
  size_t n = ms->events.n, nd = g->docs.n;
  size_t *owner = ng_xmalloc(((n > nd ? n : nd) + 1) * sizeof(size_t));
  memset(px, 0, sizeof(*px));
  for (size_t i = 0; i < n; i++)
    owner[i] = ms->events.v[i].doc;
  group_by_doc(owner, n, nd, &px->rec_off, &px->recs);
  for (size_t e = 0; e < nd; e++)
    owner[e] = g->docs.v[e].duplicate_of;
  group_by_doc(owner, nd, nd, &px->dup_off, &px->dups);
  free(owner);
  for (size_t i = 0; i < n; i++)
    add_anchor(px, g, i);
}

static void pub_index_release(pub_index *px)
{
  free(px->rec_off);
  free(px->recs);
  free(px->dup_off);
  free(px->dups);
  NG_VEC_FREE(px->anchors);
  NG_VEC_FREE(px->anchor_day);
}

/*
 * Doc d has no date: the earliest day that most of its relative event
 * dates allow, against the same happenings in dated documents (the
 * anchors; d, undated, has none).  0 and *out set, or -1.
 */
static int date_from_events(const ng_graph *g, const pub_index *px, size_t d,
                            const size_t *rec_entity, int64_t *out)
{
  const struct ng_merge_state *ms = g->merge;
  NG_VEC(span64) cons = {0};
  for (size_t x = px->rec_off[d]; x < px->rec_off[d + 1]; x++) {
    const evrec *r = &ms->events.v[px->recs[x]];
    if (r->rel.kind == NG_REL_NONE)
      continue;
    for (size_t j = 0; j < px->anchors.n; j++) {
      const evrec *q = &ms->events.v[px->anchors.v[j]];
      span64 sp;
      if (!same_happening(r, q, rec_entity) ||
          !solve(&r->rel, px->anchor_day.v[j], &sp))
        continue;
      *NG_VEC_PUSH(cons) = sp;
    }
  }
  size_t best_n = 0;
  int64_t best = 0;
  for (size_t i = 0; i < cons.n; i++) {
    int64_t a = cons.v[i].lo;
    size_t n = 0;
    for (size_t j = 0; j < cons.n; j++)
      n += cons.v[j].lo <= a && a <= cons.v[j].hi;
    if (n > best_n || (n == best_n && a < best)) {
      best_n = n;
      best = a;
    }
  }
  NG_VEC_FREE(cons);
  if (!best_n)
    return -1;
  *out = best;
  return 0;
}

static void infer_published(ng_graph *g, const size_t *rec_entity)
{
  struct ng_merge_state *ms = g->merge;
  pub_index px;
  pub_index_init(&px, g);
  /* A date inferred may date another article: go round until none is new. */
  for (int changed = 1; changed;) {
    changed = 0;
    for (size_t d = 0; d < g->docs.n; d++) {
      ng_gdoc *gd = &g->docs.v[d];
      if (gd->published[0])
        continue;
      ng_ymd a = {0, 0, 0};
      int found = 0;
      size_t dup = gd->duplicate_of;
      if (dup != NO_DOC && g->docs.v[dup].published[0])
        found = ng_parse_iso_date(g->docs.v[dup].published, &a) == 0;
      for (size_t x = px.dup_off[d]; x < px.dup_off[d + 1] && !found; x++) {
        const ng_gdoc *e = &g->docs.v[px.dups[x]];
        if (e->published[0])
          found = ng_parse_iso_date(e->published, &a) == 0;
      }
      int64_t day;
      if (!found && date_from_events(g, &px, d, rec_entity, &day) == 0) {
        a = ng_civil_from_days(day);
        found = 1;
      }
      if (!found)
        continue;
      ng_ymd_format(a, gd->published);
      gd->published_from = NG_PUB_INFERRED;
      for (size_t x = px.rec_off[d]; x < px.rec_off[d + 1]; x++) {
        reanchor(&ms->events.v[px.recs[x]], a);
        add_anchor(&px, g, px.recs[x]);
      }
      changed = 1;
    }
  }
  pub_index_release(&px);
}

/* ---- clusters ---- */

static int cmp_size_t(const void *a, const void *b)
{
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

/* A record to sort by date, then index. */
typedef struct dated {
  const char *date;
  size_t i;
} dated;

static int cmp_dated(const void *a, const void *b)
{
  const dated *x = a, *y = b;
  int c = strcmp(x->date, y->date);
  return c ? c : (x->i < y->i ? -1 : x->i > y->i);
}

static int cmp_source(const void *a, const void *b)
{
  const ng_gsource *x = a, *y = b;
  if (x->doc != y->doc)
    return x->doc < y->doc ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start;
}

/*
 * Events in time order: by the first day each date covers, so that a
 * week or a month sits among the days it starts with; then a coarser
 * value before the finer ones of the same first day ("2021-02" before
 * "2021-02-01"), then by value and id.  Values with no first day
 * ("PAST_REF") keep their text order, after the dated ones.
 */
static int cmp_event(const void *a, const void *b)
{
  const ng_gevent *x = a, *y = b;
  ng_ymd tx, ty;
  int hx = ng_timeml_start(x->date, &tx) == 0,
      hy = ng_timeml_start(y->date, &ty) == 0;
  if (hx != hy)
    return hx ? -1 : 1;
  if (hx) {
    int64_t dx = ng_days_from_civil(tx.y, tx.m, tx.d),
            dy = ng_days_from_civil(ty.y, ty.m, ty.d);
    if (dx != dy)
      return dx < dy ? -1 : 1;
    size_t lx = strlen(x->date), ly = strlen(y->date);
    if (lx != ly)
      return lx < ly ? -1 : 1;
  }
  int c = strcmp(x->date, y->date);
  return c ? c : strcmp(x->id, y->id);
}

/* Link the records of one happening (union-find over record indices). */
static void link_records(const ng_graph *g, const size_t *rec_entity, size_t *parent)
{
  const struct ng_merge_state *ms = g->merge;
  NG_VEC(dated) idx = {0};
  for (size_t i = 0; i < ms->events.n; i++)
    if (ms->events.v[i].date[0] != 'X') {
      dated *d = NG_VEC_PUSH(idx);
      d->date = ms->events.v[i].date;
      d->i = i;
    }
  if (idx.n)
    qsort(idx.v, idx.n, sizeof(dated), cmp_dated);
  for (size_t a = 0; a < idx.n; a++) {
    const evrec *r = &ms->events.v[idx.v[a].i];
    int ok;
    int64_t day = day_of(r->date, &ok);
    for (size_t b = a + 1; b < idx.n; b++) {
      const evrec *q = &ms->events.v[idx.v[b].i];
      if (!strcmp(q->date, r->date)) {
        if (same_happening(r, q, rec_entity))
          unite(parent, idx.v[a].i, idx.v[b].i);
        continue;
      }
      /* A day apart: the same doer doing the same kind of thing to two of the same. */
      int ok2;
      int64_t day2 = day_of(q->date, &ok2);
      if (!ok || !ok2 || day2 - day > 1)
        break;
      if (day2 - day == 1 && r->actor != NO_REC && q->actor != NO_REC &&
          rec_entity[r->actor] == rec_entity[q->actor] && same_kind(r, q) &&
          shared_entities(r, q, rec_entity) >= 2)
        unite(parent, idx.v[a].i, idx.v[b].i);
    }
  }
  NG_VEC_FREE(idx);
}

typedef struct cluster {
  NG_VEC(size_t) members; /* evrec indices, ascending */
} cluster;

/* Does the summary read straight, with no comma before its happening word? */
static int plain_summary(const evrec *r)
{
  const char *s = r->summary, *c = strchr(s, ',');
  size_t n = strlen(r->trigger) - (r->trigger[strlen(r->trigger) - 1] == 'e');
  /* the happening word as it stands in the text: "invite" in "invited" */
  for (const char *p = s; *p; p++)
    if (!strncasecmp(p, r->trigger, n))
      return !c || c > p;
  return !c;
}

/* The event of a cluster: its date by vote, the rest as alternatives. */
static void emit_event(ng_graph *g, const cluster *k, const size_t *rec_entity, ng_buf *id)
{
  const struct ng_merge_state *ms = g->merge;
  ng_gevent *ev = NG_VEC_PUSH(g->events);
  memset(ev, 0, sizeof(*ev));
  /*
   * Votes per date: one per document, none from an article that repeats
   * another one in the cluster.
   */
  NG_VEC(size_t) dates = {0}; /* a member index per distinct date */
  NG_VEC(size_t) votes = {0};
  for (size_t i = 0; i < k->members.n; i++) {
    const evrec *r = &ms->events.v[k->members.v[i]];
    int counted = 0;
    for (size_t j = 0; j < i && !counted; j++) {
      const evrec *q = &ms->events.v[k->members.v[j]];
      counted = q->doc == r->doc && !strcmp(q->date, r->date);
    }
    size_t dup = g->docs.v[r->doc].duplicate_of;
    for (size_t j = 0; j < k->members.n && !counted && dup != NO_DOC; j++)
      counted = ms->events.v[k->members.v[j]].doc == dup;
    size_t t;
    for (t = 0; t < dates.n; t++)
      if (!strcmp(ms->events.v[dates.v[t]].date, r->date))
        break;
    if (t == dates.n) {
      *NG_VEC_PUSH(dates) = k->members.v[i];
      *NG_VEC_PUSH(votes) = 0;
    }
    votes.v[t] += !counted;
  }
  size_t win = 0;
  for (size_t t = 1; t < dates.n; t++)
    if (votes.v[t] > votes.v[win] ||
        (votes.v[t] == votes.v[win] &&
         strcmp(ms->events.v[dates.v[t]].date, ms->events.v[dates.v[win]].date) < 0))
      win = t;
  const evrec *w = &ms->events.v[dates.v[win]];
  memcpy(ev->date, w->date, sizeof(ev->date));
  ev->precision = w->precision;

  /*
   * Of the records on that date, the happening most sources name
   * ("invite" over one "post"); of those, a summary that reads straight
   * ("Musk, the world's richest man, invited" less so), then the one with
   * most participants.
   */
  size_t best = dates.v[win], best_votes = 0;
  int best_plain = -1;
  for (size_t i = 0; i < k->members.n; i++) {
    const evrec *r = &ms->events.v[k->members.v[i]];
    if (strcmp(r->date, ev->date))
      continue;
    size_t n = 0;
    for (size_t j = 0; j < k->members.n; j++)
      n += !strcmp(ms->events.v[k->members.v[j]].trigger, r->trigger);
    int plain = plain_summary(r);
    if (n > best_votes || (n == best_votes && plain > best_plain) ||
        (n == best_votes && plain == best_plain && r->n_parts > ms->events.v[best].n_parts)) {
      best = k->members.v[i];
      best_votes = n;
      best_plain = plain;
    }
  }
  ev->summary = ms->events.v[best].summary;
  ev->trigger = ms->events.v[best].trigger;

  NG_VEC(size_t) parts = {0};
  for (size_t i = 0; i < k->members.n; i++) {
    const evrec *r = &ms->events.v[k->members.v[i]];
    for (size_t p = 0; p < r->n_parts; p++)
      if (!has(parts.v, parts.n, rec_entity[r->parts[p]]))
        *NG_VEC_PUSH(parts) = rec_entity[r->parts[p]];
    *NG_VEC_PUSH(ev->sources) = r->source;
  }
  if (parts.n)
    qsort(parts.v, parts.n, sizeof(size_t), cmp_size_t);
  for (size_t i = 0; i < parts.n; i++)
    *NG_VEC_PUSH(ev->participants) = parts.v[i];
  NG_VEC_FREE(parts);
  qsort(ev->sources.v, ev->sources.n, sizeof(ng_gsource), cmp_source);

  /* The dates outvoted, earliest first, each with the sources that gave it. */
  if (dates.n > 1) {
    ev->alts = ng_arena_alloc(&g->arena, sizeof(ng_galt) * (dates.n - 1));
    for (size_t t = 0; t < dates.n; t++) {
      if (t == win)
        continue;
      const evrec *a = &ms->events.v[dates.v[t]];
      size_t at = ev->n_alts++;
      while (at > 0 && strcmp(ev->alts[at - 1].date, a->date) > 0) {
        ev->alts[at] = ev->alts[at - 1];
        at--;
      }
      ng_galt *alt = &ev->alts[at];
      memcpy(alt->date, a->date, sizeof(alt->date));
      alt->precision = a->precision;
      alt->n_sources = 0;
      alt->sources = ng_arena_alloc(&g->arena, sizeof(size_t) * ev->sources.n);
      for (size_t i = 0; i < k->members.n; i++) {
        const evrec *r = &ms->events.v[k->members.v[i]];
        if (strcmp(r->date, a->date))
          continue;
        for (size_t s = 0; s < ev->sources.n; s++)
          if (ev->sources.v[s].doc == r->doc && ev->sources.v[s].start == r->source.start &&
              !has(alt->sources, alt->n_sources, s)) {
            alt->sources[alt->n_sources++] = s;
            break;
          }
      }
    }
  }
  NG_VEC_FREE(dates);
  NG_VEC_FREE(votes);

  ng_buf_reset(id);
  ng_buf_addf(id, "event:%s:", ev->date);
  /* The id reads like the summary's first words. */
  const char *s = ev->summary;
  size_t words = 0, len = 0;
  while (s[len] && words < 5) {
    if (s[len] == ' ')
      words++;
    len++;
  }
  ng_slug(s, len, id);
  ev->id = ng_arena_strdup(&g->arena, id->ptr);
}

static void build_events(ng_graph *g, const size_t *rec_entity)
{
  struct ng_merge_state *ms = g->merge;
  size_t n = ms->events.n;
  size_t *parent = ng_xmalloc(sizeof(size_t) * (n + 1));
  for (size_t i = 0; i < n; i++)
    parent[i] = i;
  link_records(g, rec_entity, parent);

  /* Clusters in order of their first record. */
  NG_VEC(cluster) cl = {0};
  size_t *slot = ng_xmalloc(sizeof(size_t) * (n + 1));
  for (size_t i = 0; i < n; i++) {
    slot[i] = (size_t)-1;
    if (ms->events.v[i].date[0] == 'X')
      continue;
    size_t root = find(parent, i);
    if (slot[root] == (size_t)-1) {
      slot[root] = cl.n;
      cluster *k = NG_VEC_PUSH(cl);
      memset(k, 0, sizeof(*k));
    }
    *NG_VEC_PUSH(cl.v[slot[root]].members) = i;
  }
  /* Weekday-only records join a happening on such a weekday, if one agrees. */
  for (size_t i = 0; i < n; i++) {
    const evrec *r = &ms->events.v[i];
    if (!weekday_only(r->date))
      continue;
    for (size_t c = 0; c < cl.n; c++) {
      int home = 0;
      for (size_t m = 0; m < cl.v[c].members.n && !home; m++) {
        const evrec *q = &ms->events.v[cl.v[c].members.v[m]];
        ng_ymd t;
        home = strlen(q->date) == 10 && ng_parse_iso_date(q->date, &t) == 0 &&
               ng_weekday(t.y, t.m, t.d) == r->date[9] - '0' &&
               same_happening(r, q, rec_entity);
      }
      if (home) {
        *NG_VEC_PUSH(cl.v[c].members) = i;
        break;
      }
    }
  }
  /*
   * A happening needs a doer named in one of its sources at least:
   * "investors estimated the app's value at $1 billion" tells no who.
   */
  ng_buf id = NG_BUF_INIT;
  for (size_t c = 0; c < cl.n; c++) {
    int who = 0;
    for (size_t m = 0; m < cl.v[c].members.n && !who; m++)
      who = ms->events.v[cl.v[c].members.v[m]].actor != NO_REC;
    if (who)
      emit_event(g, &cl.v[c], rec_entity, &id);
    NG_VEC_FREE(cl.v[c].members);
  }
  NG_VEC_FREE(cl);
  free(slot);
  free(parent);
  if (g->events.n)
    qsort(g->events.v, g->events.n, sizeof(ng_gevent), cmp_event);
  /*
   * Unique ids, in sorted order: the second "event:d:x" becomes
   * "event:d:x-2", the third "-3", however many there are.
   */
  ng_strmap taken = NG_STRMAP_INIT;
  for (size_t i = 0; i < g->events.n; i++) {
    const char *base = g->events.v[i].id;
    int added;
    ng_strmap_puts(&taken, base, i, &added);
    for (unsigned suffix = 2; !added; suffix++) {
      ng_buf_reset(&id);
      ng_buf_addf(&id, "%s-%u", base, suffix);
      ng_strmap_put(&taken, id.ptr, id.len, i, &added);
      g->events.v[i].id = ng_arena_strdup(&g->arena, id.ptr);
    }
  }
  ng_strmap_release(&taken);
  ng_buf_release(&id);
}

int ng_graph_finish(ng_graph *g, ng_err *err)
{
  if (g->finished)
    return 0;
  struct ng_merge_state *ms = state(g);
  size_t n = ms->recs.n;
  size_t *parent = ng_xmalloc(sizeof(size_t) * (n + 1));
  size_t *rec_entity = ng_xmalloc(sizeof(size_t) * (n + 1));
  for (size_t i = 0; i < n; i++)
    parent[i] = i;
  union_entities(g, parent);
  build_entities(g, parent, rec_entity);
  build_edges(g, rec_entity);
  infer_published(g, rec_entity);
  build_events(g, rec_entity);
  free(rec_entity);
  free(parent);
  ng_merge_state_free(g->merge);
  g->merge = NULL;
  g->finished = 1;
  return 0;
}

void ng_merge_state_free(struct ng_merge_state *ms)
{
  if (!ms)
    return;
  ng_strmap_release(&ms->doc_ids);
  NG_VEC_FREE(ms->recs);
  NG_VEC_FREE(ms->pairs);
  NG_VEC_FREE(ms->rels);
  NG_VEC_FREE(ms->events);
  NG_VEC_FREE(ms->sigs);
  NG_VEC_FREE(ms->sig_n);
  NG_VEC_FREE(ms->sig_len);
  if (ms->dups) {
    free(ms->dups->slots);
    NG_VEC_FREE(ms->dups->found);
    free(ms->dups);
  }
  free(ms);
}
