/*
 * Within-document coreference of names: which mentions name one entity.
 *
 * The work goes in four steps, each linear in the mentions (a document
 * can say "Smith" ten thousand times), using hash tables keyed by name
 * keys (namekey.h):
 *
 *  1. Forms.  Mentions whose keys are equal ("REUTERS", "Reuters") are one
 *     form.  A form's type is the majority of its mentions' types, where a
 *     mention after a title ("Mr Musk") votes person whatever the tagger
 *     said.
 *  2. Links between forms, by union-find: a legal suffix ("Tesla Inc." and
 *     "Tesla"), an acronym ("SIO" and "Stanford Internet Observatory"), a
 *     person's middle names ("Elon Musk" and "Elon Reeve Musk") and a
 *     person's surname ("Musk").  A surname shared by two full names
 *     ("Kevin Hart", "Mary Hart") links no form; each bare "Hart" goes to
 *     the full name mentioned nearest before it (after it, when none is).
 *  3. Entities, in order of first mention.  The name is the most complete
 *     form: most words, then most mentions, then first seen.  So "Tesla
 *     Inc." names the entity and "Tesla" is an alias: the suffix is
 *     information, and the merge compares keys without it anyway
 *     (ng_name_strip_suffix).  Every other form is an alias, one per key.
 *  4. Handles.  "@elonmusk" joins an entity's aliases when it stands in
 *     brackets right after the entity's name ("Elon Musk (@elonmusk)"),
 *     when the text says whose account it is ("the Kremlin's English-
 *     language account @KremlinRussia_E") or when its letters spell one
 *     of the entity's forms.  Handles make no mentions and no entities of
 *     their own.
 *
 * Mentions keep the spans and types the tagger gave them; only `entity`
 * is set here.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"
#include "analyze/namekey.h"
#include "util/strmap.h"

#define NONE SIZE_MAX

/* ------------------------------------------------------------------ */
/* Forms and their union-find.                                        */

typedef struct form {
  const char *key; /* in the scratch arena */
  size_t klen;
  const char *surface; /* the text as written, spaces collapsed */
  size_t count;
  size_t votes[3];
  size_t first; /* rank of its first mention in text order */
  size_t words;
  ng_entity_type type;
  int allcap;    /* the surface is all capitals: "CIA", "U.S." */
  size_t parent; /* union-find */
} form;

typedef struct state {
  ng_doc *doc;
  ng_arena scratch;
  NG_VEC(form) forms;
  size_t *mform;  /* mention -> form */
  size_t *order;  /* mentions in text order */
  size_t *assign; /* mention -> form it resolves to, when not its own */
  int *titled;    /* mention follows a title */
} state;

static size_t find(state *st, size_t f)
{
  while (st->forms.v[f].parent != f) {
    st->forms.v[f].parent = st->forms.v[st->forms.v[f].parent].parent;
    f = st->forms.v[f].parent;
  }
  return f;
}

static void unite(state *st, size_t a, size_t b)
{
  a = find(st, a);
  b = find(st, b);
  /* The root is the earlier form, so roots are stable and predictable. */
  if (a == b)
    return;
  if (st->forms.v[a].first < st->forms.v[b].first)
    st->forms.v[b].parent = a;
  else
    st->forms.v[a].parent = b;
}

/* ------------------------------------------------------------------ */
/* Step 1: forms.                                                     */

/*
 * The mention's text with every run of white space made one space; a
 * no-break space (U+00A0, common in web text) counts as white space, or
 * "Elon Musk" written with one would be another entity.
 */
static void surface_of(const ng_doc *doc, const ng_mention *m, ng_buf *out)
{
  int space = 0;
  for (size_t i = m->start; i < m->end; i++) {
    char c = doc->text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = 1;
      continue;
    }
    if ((unsigned char)c == 0xC2 && i + 1 < m->end &&
        (unsigned char)doc->text[i + 1] == 0xA0) {
      space = 1;
      i++;
      continue;
    }
    if (space && out->len)
      ng_buf_addch(out, ' ');
    space = 0;
    ng_buf_addch(out, c);
  }
}

/* Does a title stand right before the mention, or start it? */
static int after_title(const ng_doc *doc, const ng_mention *m)
{
  size_t t = ng_tok_at(doc, m->start), n;
  const char *w;
  if (t < doc->tokens.n && doc->tokens.v[t].end <= m->end) {
    w = ng_tok_text(doc, t, &n);
    /* Only honorifics: "General Motors" starts with a title word. */
    if (ng_name_is_honorific(w, n) && doc->tokens.v[t].end < m->end)
      return 1;
  }
  if (t == 0)
    return 0;
  t--;
  if (ng_tok_is(doc, t, ".") && t > 0)
    t--;
  w = ng_tok_text(doc, t, &n);
  return (doc->tokens.v[t].flags & NG_TOK_WORD) && ng_name_is_title(w, n);
}

static int cmp_start(const void *a, const void *b, const ng_doc *doc)
{
  const ng_mention *x = &doc->mentions.v[*(const size_t *)a];
  const ng_mention *y = &doc->mentions.v[*(const size_t *)b];
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

static const ng_doc *sort_doc; /* qsort has no context argument in C17 */
static int cmp_order(const void *a, const void *b)
{
  return cmp_start(a, b, sort_doc);
}

static void build_forms(state *st)
{
  ng_doc *doc = st->doc;
  size_t nm = doc->mentions.n;
  ng_strmap bykey;
  ng_buf sur = NG_BUF_INIT, key = NG_BUF_INIT;
  int sorted = 1;

  for (size_t i = 0; i < nm; i++) {
    st->order[i] = i;
    if (i && doc->mentions.v[i].start < doc->mentions.v[i - 1].start)
      sorted = 0;
  }
  if (!sorted) {
    sort_doc = doc;
    qsort(st->order, nm, sizeof(*st->order), cmp_order);
  }

  ng_strmap_init(&bykey);
  for (size_t r = 0; r < nm; r++) {
    size_t mi = st->order[r];
    const ng_mention *m = &doc->mentions.v[mi];
    ng_buf_reset(&sur);
    ng_buf_reset(&key);
    surface_of(doc, m, &sur);
    ng_name_key(sur.ptr, sur.len, &key);
    if (!key.len) /* no letters at all: keep it apart by its text */
      ng_buf_add(&key, sur.ptr, sur.len);
    int added;
    size_t *s = ng_strmap_put(&bykey, key.ptr, key.len, st->forms.n, &added);
    if (added) {
      form *f = NG_VEC_PUSH(st->forms);
      f->key = ng_arena_strndup(&st->scratch, key.ptr, key.len);
      f->klen = key.len;
      f->surface = ng_arena_strndup(&st->scratch, sur.ptr, sur.len);
      f->allcap = ng_name_all_caps(sur.ptr, sur.len);
      f->first = r;
      f->words = ng_name_words(key.ptr, key.len);
      f->parent = *s;
    }
    form *f = &st->forms.v[*s];
    /* "Reuters" rather than "REUTERS", but "NATO" over "Nato". */
    if (!added && ng_name_better_spelling(sur.ptr, sur.len, f->surface,
                                          strlen(f->surface))) {
      f->surface = ng_arena_strndup(&st->scratch, sur.ptr, sur.len);
      f->allcap = ng_name_all_caps(sur.ptr, sur.len);
    }
    st->mform[mi] = *s;
    st->titled[mi] = after_title(doc, m);
    f->count++;
    f->votes[st->titled[mi] ? NG_ENTITY_PERSON : m->type]++;
  }

  /* Majority type; a tie goes to the type of the first mention. */
  for (size_t i = 0; i < st->forms.n; i++) {
    form *f = &st->forms.v[i];
    const ng_mention *m0 = &doc->mentions.v[st->order[f->first]];
    ng_entity_type best = st->titled[st->order[f->first]] ? NG_ENTITY_PERSON
                                                          : m0->type;
    for (int t = 0; t < 3; t++)
      if (f->votes[t] > f->votes[best])
        best = (ng_entity_type)t;
    f->type = best;
  }
  ng_strmap_release(&bykey);
  ng_buf_release(&sur);
  ng_buf_release(&key);
}

/* ------------------------------------------------------------------ */
/* Step 2: links.                                                     */

/* "Tesla Inc." and "Tesla", "Acme Ltd" and "Acme Corp." are one company. */
static void link_suffixes(state *st)
{
  ng_strmap stripped;
  ng_strmap_init(&stripped);
  for (size_t i = 0; i < st->forms.n; i++) {
    form *f = &st->forms.v[i];
    if (f->type == NG_ENTITY_PERSON)
      continue;
    size_t n = ng_name_strip_suffix(f->key, f->klen);
    int added;
    size_t *s = ng_strmap_put(&stripped, f->key, n, i, &added);
    if (!added)
      unite(st, *s, i);
  }
  ng_strmap_release(&stripped);
}

/*
 * "SIO" is "Stanford Internet Observatory" when the document spells out
 * that one long form with those initials; with two candidates ("CIA" of
 * "Central Intelligence Agency" and of "Culinary Institute of America")
 * the acronym stays on its own.  People have no acronyms here.
 */
static void link_acronyms(state *st)
{
  ng_strmap initials;
  ng_buf ini = NG_BUF_INIT;
  ng_strmap_init(&initials);
  for (size_t i = 0; i < st->forms.n; i++) {
    form *f = &st->forms.v[i];
    if (f->type == NG_ENTITY_PERSON)
      continue;
    size_t n = ng_name_strip_suffix(f->key, f->klen);
    if (ng_name_words(f->key, n) < 2)
      continue;
    for (int skip = 0; skip < 2; skip++) {
      ng_buf_reset(&ini);
      ng_name_initials(f->key, n, skip, &ini);
      if (ini.len < 2)
        continue;
      int added;
      size_t *s = ng_strmap_put(&initials, ini.ptr, ini.len, i, &added);
      if (!added && *s != NONE && find(st, *s) != find(st, i))
        *s = NONE; /* two long forms: ambiguous */
    }
  }
  for (size_t i = 0; i < st->forms.n; i++) {
    form *f = &st->forms.v[i];
    if (f->type == NG_ENTITY_PERSON || f->words != 1 || !f->allcap)
      continue;
    size_t *s = ng_strmap_get(&initials, f->key, f->klen);
    if (s && *s != NONE)
      unite(st, *s, i);
  }
  ng_strmap_release(&initials);
  ng_buf_release(&ini);
}

/* Key of a person's first and last words: "elon reeve musk" -> "elon musk". */
static void first_last(const form *f, ng_buf *out)
{
  size_t sl, i = 0;
  const char *sur = ng_name_surname(f->key, f->klen, &sl);
  while (i < f->klen && f->key[i] != ' ')
    i++;
  ng_buf_add(out, f->key, i);
  ng_buf_addch(out, ' ');
  ng_buf_add(out, sur, sl);
}

/* What a surname may resolve to. */
typedef struct surname {
  size_t full;  /* the one full-name root, or NONE when several */
  size_t last;  /* during the sweeps: nearest full name seen */
} surname;

static int is_person(const state *st, size_t f)
{
  return st->forms.v[f].type == NG_ENTITY_PERSON;
}

static void link_people(state *st)
{
  ng_doc *doc = st->doc;
  ng_strmap bykey, bysur;
  NG_VEC(surname) surs = {0};
  ng_buf b = NG_BUF_INIT;
  size_t *fsur = ng_xcalloc(st->forms.n ? st->forms.n : 1, sizeof(*fsur));
  ng_strmap_init(&bykey);
  ng_strmap_init(&bysur);

  /* "Elon Reeve Musk" and "Elon Musk", when both are people. */
  for (size_t i = 0; i < st->forms.n; i++)
    if (is_person(st, i) && st->forms.v[i].words == 2)
      ng_strmap_put(&bykey, st->forms.v[i].key, st->forms.v[i].klen, i, NULL);
  for (size_t i = 0; i < st->forms.n; i++) {
    if (!is_person(st, i) || st->forms.v[i].words < 3)
      continue;
    ng_buf_reset(&b);
    first_last(&st->forms.v[i], &b);
    size_t *s = ng_strmap_get(&bykey, b.ptr, b.len);
    if (s)
      unite(st, *s, i);
  }

  /* Surnames of full names, and whether one entity owns each. */
  for (size_t i = 0; i < st->forms.n; i++) {
    fsur[i] = NONE;
    if (!is_person(st, i) || st->forms.v[i].words < 2)
      continue;
    size_t sl;
    const char *s = ng_name_surname(st->forms.v[i].key, st->forms.v[i].klen,
                                    &sl);
    int added;
    size_t *sl_slot = ng_strmap_put(&bysur, s, sl, surs.n, &added);
    if (added) {
      surname *x = NG_VEC_PUSH(surs);
      x->full = find(st, i);
      x->last = NONE;
    } else if (surs.v[*sl_slot].full != find(st, i)) {
      surs.v[*sl_slot].full = NONE;
    }
    fsur[i] = *sl_slot;
  }

  /* Bare surnames: one owner links the form; several, each mention. */
  size_t *short_sur = ng_xcalloc(st->forms.n ? st->forms.n : 1,
                                 sizeof(*short_sur));
  int any_ambiguous = 0;
  for (size_t i = 0; i < st->forms.n; i++) {
    short_sur[i] = NONE;
    if (!is_person(st, i) || st->forms.v[i].words != 1)
      continue;
    size_t *s = ng_strmap_get(&bysur, st->forms.v[i].key, st->forms.v[i].klen);
    if (!s)
      continue;
    if (surs.v[*s].full != NONE) {
      unite(st, surs.v[*s].full, i);
    } else {
      short_sur[i] = *s;
      any_ambiguous = 1;
    }
  }

  /*
   * "Kevin Hart ... Hart ... Mary Hart ... Hart": the nearest full name
   * before each bare "Hart" wins, as a reader would take it; one sweep
   * forward, one back for a "Hart" that comes before any full name.
   */
  if (any_ambiguous) {
    size_t nm = doc->mentions.n;
    for (size_t r = 0; r < nm; r++) {
      size_t mi = st->order[r], f = st->mform[mi];
      if (fsur[f] != NONE)
        surs.v[fsur[f]].last = f;
      else if (short_sur[f] != NONE && surs.v[short_sur[f]].last != NONE)
        st->assign[mi] = surs.v[short_sur[f]].last;
    }
    for (size_t k = 0; k < surs.n; k++)
      surs.v[k].last = NONE;
    for (size_t r = nm; r-- > 0;) {
      size_t mi = st->order[r], f = st->mform[mi];
      if (fsur[f] != NONE)
        surs.v[fsur[f]].last = f;
      else if (short_sur[f] != NONE && st->assign[mi] == NONE)
        st->assign[mi] = surs.v[short_sur[f]].last;
    }
  }

  free(short_sur);
  free(fsur);
  NG_VEC_FREE(surs);
  ng_buf_release(&b);
  ng_strmap_release(&bykey);
  ng_strmap_release(&bysur);
}

/* ------------------------------------------------------------------ */
/* Step 3: entities.                                                  */

/* Is form a a more complete name than form b? */
static int more_complete(const state *st, size_t a, size_t b)
{
  const form *x = &st->forms.v[a], *y = &st->forms.v[b];
  if (x->words != y->words)
    return x->words > y->words;
  if (x->klen != y->klen)
    return x->klen > y->klen;
  if (x->count != y->count)
    return x->count > y->count;
  return x->first < y->first;
}

static void add_alias(ng_doc *doc, ng_dentity *e, const char *s)
{
  char **a = NG_VEC_PUSH(e->aliases);
  *a = ng_doc_strdup(doc, s);
}

static void make_ids(state *st)
{
  ng_doc *doc = st->doc;
  ng_strmap ids;
  ng_buf id = NG_BUF_INIT;
  ng_strmap_init(&ids);
  for (size_t i = 0; i < doc->entities.n; i++) {
    ng_dentity *e = &doc->entities.v[i];
    ng_buf_reset(&id);
    ng_buf_adds(&id, ng_entity_type_name(e->type));
    ng_buf_addch(&id, ':');
    size_t base = id.len;
    ng_slug(e->name, strlen(e->name), &id);
    if (id.len == base)
      ng_buf_adds(&id, "unnamed");
    base = id.len;
    int added;
    ng_strmap_put(&ids, id.ptr, id.len, i, &added);
    /* "person:john-smith", "person:john-smith-2", ... */
    for (size_t k = 2; !added; k++) {
      ng_buf_setlen(&id, base);
      ng_buf_addf(&id, "-%zu", k);
      ng_strmap_put(&ids, id.ptr, id.len, i, &added);
    }
    e->id = ng_doc_strndup(doc, id.ptr, id.len);
  }
  ng_strmap_release(&ids);
  ng_buf_release(&id);
}

typedef struct tally {
  size_t n[3]; /* mentions per ng_entity_type */
} tally;

static void build_entities(state *st)
{
  ng_doc *doc = st->doc;
  size_t nf = st->forms.n ? st->forms.n : 1, nm = doc->mentions.n;
  size_t *ent_of = ng_xmalloc(nf * sizeof(*ent_of));
  NG_VEC(size_t) best = {0};
  NG_VEC(tally) votes = {0};
  ng_strmap seen; /* (entity, form) pairs already given as aliases */
  ng_strmap_init(&seen);

  for (size_t i = 0; i < st->forms.n; i++)
    ent_of[i] = NONE;
  for (size_t r = 0; r < nm; r++) {
    size_t mi = st->order[r];
    size_t f = st->mform[mi];
    size_t root = find(st, st->assign[mi] != NONE ? st->assign[mi] : f);
    size_t e = ent_of[root];
    if (e == NONE) {
      e = ent_of[root] = doc->entities.n;
      (void)NG_VEC_PUSH(doc->entities);
      *NG_VEC_PUSH(best) = f;
      (void)NG_VEC_PUSH(votes);
    }
    doc->mentions.v[mi].entity = e;
    doc->entities.v[e].n_mentions++;
    votes.v[e].n[st->titled[mi] ? NG_ENTITY_PERSON
                              : doc->mentions.v[mi].type]++;
    if (more_complete(st, f, best.v[e]))
      best.v[e] = f;
  }

  for (size_t e = 0; e < doc->entities.n; e++) {
    ng_dentity *d = &doc->entities.v[e];
    const form *b = &st->forms.v[best.v[e]];
    d->name = ng_doc_strdup(doc, b->surface);
    d->type = b->type;
    for (int t = 0; t < 3; t++)
      if (votes.v[e].n[t] > votes.v[e].n[d->type])
        d->type = (ng_entity_type)t;
  }

  /* Aliases: every other form, in order of first mention. */
  for (size_t r = 0; r < nm; r++) {
    size_t mi = st->order[r], f = st->mform[mi];
    size_t e = doc->mentions.v[mi].entity;
    if (f == best.v[e])
      continue;
    size_t pair[2] = {e, f};
    int added;
    ng_strmap_put(&seen, (const char *)pair, sizeof(pair), 0, &added);
    if (added)
      add_alias(doc, &doc->entities.v[e], st->forms.v[f].surface);
  }

  make_ids(st);
  ng_strmap_release(&seen);
  NG_VEC_FREE(best);
  NG_VEC_FREE(votes);
  free(ent_of);
}

/* ------------------------------------------------------------------ */
/* Step 4: handles.                                                   */

/* What handle letters name: an entity, or NONE when two entities would. */
typedef struct handle_index {
  ng_strmap full;    /* letters of a form -> entity */
  ng_strmap surname; /* letters of a person's surname -> entity */
} handle_index;

static void index_put(ng_strmap *m, const char *k, size_t n, size_t e)
{
  int added;
  size_t *s = ng_strmap_put(m, k, n, e, &added);
  if (!added && *s != e)
    *s = NONE;
}

static void build_handle_index(state *st, handle_index *hx)
{
  ng_doc *doc = st->doc;
  ng_buf b = NG_BUF_INIT;
  ng_strmap_init(&hx->full);
  ng_strmap_init(&hx->surname);
  for (size_t r = 0; r < doc->mentions.n; r++) {
    size_t mi = st->order[r];
    const form *f = &st->forms.v[st->mform[mi]];
    size_t e = doc->mentions.v[mi].entity;
    if (f->first != r && st->assign[mi] == NONE)
      continue; /* one visit per form is enough */
    ng_buf_reset(&b);
    ng_name_letters(f->key, f->klen, &b);
    if (b.len)
      index_put(&hx->full, b.ptr, b.len, e);
    if (doc->entities.v[e].type == NG_ENTITY_PERSON && f->words >= 2) {
      size_t sl;
      const char *s = ng_name_surname(f->key, f->klen, &sl);
      ng_buf_reset(&b);
      ng_name_letters(s, sl, &b);
      if (b.len >= 4)
        index_put(&hx->surname, b.ptr, b.len, e);
    }
  }
  ng_buf_release(&b);
}

/*
 * The entity whose form the handle's letters spell best: the whole handle
 * ("@kanyewest"), then a prefix ("@KremlinRussia_E": Kremlin), then any
 * part of at least four letters ("@therealkanyewest"), then a person's
 * surname alone ("@musk").  Longer matches win; at equal length a person
 * or organization beats a place, since places do not tweet.
 */
static size_t match_handle(const state *st, const handle_index *hx,
                           const char *h, size_t n)
{
  int best_score = 0;
  size_t best_len = 0, best = NONE;
  int tie = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = n; j > i; j--) {
      size_t len = j - i;
      int whole = i == 0 && j == n;
      if (len < 4 && !whole)
        break;
      size_t *s = ng_strmap_get(&hx->full, h + i, len);
      int score = !s ? 0 : whole ? 4 : i == 0 ? 3 : 2;
      if (!s && whole && (s = ng_strmap_get(&hx->surname, h, n)))
        score = 1;
      if (!s || *s == NONE)
        continue;
      size_t e = *s;
      int place = st->doc->entities.v[e].type == NG_ENTITY_PLACE;
      int best_place = best != NONE &&
                       st->doc->entities.v[best].type == NG_ENTITY_PLACE;
      if (score > best_score ||
          (score == best_score && len > best_len) ||
          (score == best_score && len == best_len && best_place && !place)) {
        tie = 0;
        best_score = score;
        best_len = len;
        best = e;
      } else if (score == best_score && len == best_len && e != best &&
                 place == best_place) {
        tie = 1;
      }
    }
  return tie ? NONE : best;
}

/* "account", "handle", "feed": what a handle is called. */
static int account_word(const ng_doc *doc, size_t t)
{
  return ng_tok_is_ci(doc, t, "account") || ng_tok_is_ci(doc, t, "accounts") ||
         ng_tok_is_ci(doc, t, "handle") || ng_tok_is_ci(doc, t, "feed");
}

static int possessive_tok(const ng_doc *doc, size_t t)
{
  return ng_tok_is_ci(doc, t, "'s") || ng_tok_is_ci(doc, t, "\xe2\x80\x99s");
}

/*
 * The mention whose account the text calls [b, e) holds: "X's
 * (English-language) account" with X a mention ending before the
 * possessive; at most three words between it and the account word.
 * Returns the mention, or NONE.
 */
static size_t owner_before(const ng_doc *doc, const size_t *ends, size_t lo,
                           size_t acct)
{
  for (size_t k = acct; k > lo + 1 && acct - k <= 3; k--)
    if (possessive_tok(doc, k - 1))
      return ends[k - 2];
  return NONE;
}

/*
 * Whose handle the article says the handle at t is: "the Kremlin's
 * English-language account @KremlinRussia_E", "@KremlinRussia_E, the
 * Kremlin's account".  The entity, or NONE.
 */
static size_t said_owner(const state *st, const size_t *ends, size_t t)
{
  const ng_doc *doc = st->doc;
  size_t nt = doc->tokens.n, k = t, mi = NONE;
  /* Before: "... account: @h", "... account (@h)". */
  while (k > 0 && (ng_tok_is(doc, k - 1, ",") || ng_tok_is(doc, k - 1, ":") ||
                   ng_tok_is(doc, k - 1, "(")) && t - k < 2)
    k--;
  if (k > 0 && account_word(doc, k - 1))
    mi = owner_before(doc, ends, 0, k - 1);
  /* After: "@h, the Kremlin's account". */
  for (k = t + 1; mi == NONE && k < nt && k - t <= 8; k++) {
    if (doc->tokens.v[k].flags & NG_TOK_NL)
      break;
    if (account_word(doc, k)) {
      mi = owner_before(doc, ends, t + 1, k);
      break;
    }
  }
  if (mi == NONE)
    return NONE;
  return doc->mentions.v[mi].entity;
}

static void find_handles(state *st)
{
  ng_doc *doc = st->doc;
  size_t nt = doc->tokens.n, any = 0;
  for (size_t t = 0; t < nt && !any; t++)
    any = doc->tokens.v[t].flags & NG_TOK_HANDLE;
  if (!any)
    return; /* most articles: nothing to index */
  size_t *ends = ng_xmalloc((nt ? nt : 1) * sizeof(*ends));
  ng_strmap done; /* lower-cased handle -> entity or NONE, decided once */
  handle_index hx;
  ng_buf h = NG_BUF_INIT;
  ng_strmap_init(&done);

  for (size_t t = 0; t < nt; t++)
    ends[t] = NONE;
  for (size_t mi = 0; mi < doc->mentions.n; mi++) {
    size_t t = ng_tok_at(doc, doc->mentions.v[mi].end);
    if (t > 0 && doc->tokens.v[t - 1].end == doc->mentions.v[mi].end)
      ends[t - 1] = mi;
  }

  /* First pass: "Elon Musk (@elonmusk)" ties the handle to its name. */
  for (size_t t = 2; t < nt; t++) {
    if (!(doc->tokens.v[t].flags & NG_TOK_HANDLE) ||
        !ng_tok_is(doc, t - 1, "(") || ends[t - 2] == NONE)
      continue;
    size_t e = doc->mentions.v[ends[t - 2]].entity;
    if (doc->entities.v[e].type == NG_ENTITY_PLACE)
      continue;
    size_t n;
    const char *s = ng_tok_text(doc, t, &n);
    ng_buf_reset(&h);
    ng_name_letters(s + 1, n - 1, &h);
    int added;
    ng_strmap_put(&done, h.ptr, h.len, e, &added);
    if (added)
      add_alias(doc, &doc->entities.v[e], ng_doc_strndup(doc, s, n));
  }

  /* Then handles the article says are someone's: "the Kremlin's account @x". */
  for (size_t t = 0; t < nt; t++) {
    if (!(doc->tokens.v[t].flags & NG_TOK_HANDLE))
      continue;
    size_t n, e = said_owner(st, ends, t);
    const char *s = ng_tok_text(doc, t, &n);
    if (e == NONE)
      continue;
    ng_buf_reset(&h);
    ng_name_letters(s + 1, n - 1, &h);
    int added;
    ng_strmap_put(&done, h.ptr, h.len, e, &added);
    if (added)
      add_alias(doc, &doc->entities.v[e], ng_doc_strndup(doc, s, n));
  }

  /* Last, the other handles, by their letters. */
  build_handle_index(st, &hx);
  for (size_t t = 0; t < nt; t++) {
    if (!(doc->tokens.v[t].flags & NG_TOK_HANDLE))
      continue;
    size_t n;
    const char *s = ng_tok_text(doc, t, &n);
    ng_buf_reset(&h);
    ng_name_letters(s + 1, n - 1, &h);
    if (!h.len || ng_strmap_get(&done, h.ptr, h.len))
      continue;
    size_t e = h.len <= 64 ? match_handle(st, &hx, h.ptr, h.len) : NONE;
    ng_strmap_put(&done, h.ptr, h.len, e, NULL);
    if (e != NONE)
      add_alias(doc, &doc->entities.v[e], ng_doc_strndup(doc, s, n));
  }

  ng_strmap_release(&hx.full);
  ng_strmap_release(&hx.surname);
  ng_strmap_release(&done);
  ng_buf_release(&h);
  free(ends);
}

/* ------------------------------------------------------------------ */

int ng_coref_resolve(ng_doc *doc)
{
  state st = {0};
  size_t nm = doc->mentions.n, cap = nm ? nm : 1;

  for (size_t i = 0; i < doc->entities.n; i++)
    NG_VEC_FREE(doc->entities.v[i].aliases);
  doc->entities.n = 0;
  if (!nm)
    return 0;

  st.doc = doc;
  ng_arena_init(&st.scratch);
  st.mform = ng_xmalloc(cap * sizeof(*st.mform));
  st.order = ng_xmalloc(cap * sizeof(*st.order));
  st.assign = ng_xmalloc(cap * sizeof(*st.assign));
  st.titled = ng_xcalloc(cap, sizeof(*st.titled));
  for (size_t i = 0; i < nm; i++)
    st.assign[i] = NONE;

  build_forms(&st);
  link_suffixes(&st);
  link_acronyms(&st);
  link_people(&st);
  build_entities(&st);
  find_handles(&st);

  NG_VEC_FREE(st.forms);
  free(st.mform);
  free(st.order);
  free(st.assign);
  free(st.titled);
  ng_arena_release(&st.scratch);
  return 0;
}
