/*
 * Roles: who holds which job where, from the phrases news uses to
 * introduce people.  Each pattern anchors on a person mention and reads
 * the tokens of its sentence around it:
 *
 *   before   "Kremlin spokesman Dmitry Peskov"         ORG ROLE PERSON
 *            "Tesla and SpaceX CEO Elon Musk"          ORG and ORG ROLE PERSON
 *            "Tesla's CEO Elon Musk"                   ORG 's ROLE PERSON
 *            "Russian President Vladimir Putin"        DEMONYM ROLE PERSON
 *            "the boss of trading app Robinhood, Vlad Tenev"
 *                                                      ROLE of ORG , PERSON
 *   after    "Elon Musk, the chief executive of Tesla" PERSON , ROLE of ORG
 *            "Elon Musk, Tesla's CEO"                  PERSON , ORG 's ROLE
 *            "Putin, a former KGB official"            PERSON , former ORG ROLE
 *            "Vladimir Putin, the Russian president"   PERSON , DEMONYM ROLE
 *
 * A role is a run of at most four lexicon words ending in a head noun
 * ("chief executive officer", "prime minister", "co-founder").  Its
 * surface is kept as written but lower-cased, except acronyms: "CEO"
 * stays "CEO", since "ceo" reads as a typo.  Its label names the job
 * whatever the words: "chief executive", "CEO" and "boss" of a company
 * are all "CEO", "spokesman" and "spokeswoman" are "spokesperson" (see
 * jobs[]).  A demonym ("Russian") names a place only when the document
 * has that place as an entity; roles invent no entities.  Relations are
 * unique per (person, label, organization or place).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"
#include "analyze/namekey.h"

#define NONE SIZE_MAX
#define UNKNOWN (SIZE_MAX - 1)
#define MAX_ROLE 4  /* words in a role: "deputy chief executive officer" */
#define MAX_DESC 3  /* lower-case words in "of trading app Robinhood" */
#define MAX_COORD 6 /* organizations in "Tesla, SpaceX and Neuralink CEO" */

/* A word list entry: the word (lower case) and its length. */
typedef struct word {
  const char *s;
  size_t n;
} word;
#define W(lit) {lit, sizeof(lit) - 1}

/* Nouns a role ends in. */
static const word heads[] = {
    W("ceo"), W("cfo"), W("coo"), W("cto"), W("cmo"), W("cio"), W("founder"), W("co-founder"),
    W("cofounder"), W("president"), W("minister"), W("spokesman"), W("spokeswoman"),
    W("spokesperson"), W("chairman"), W("chairwoman"), W("chairperson"), W("chair"),
    W("director"), W("head"), W("boss"), W("owner"), W("co-owner"), W("leader"), W("secretary"),
    W("governor"), W("senator"), W("mayor"), W("ambassador"), W("editor"), W("editor-in-chief"),
    W("analyst"), W("professor"), W("coach"), W("captain"), W("manager"), W("executive"),
    W("officer"), W("economist"), W("strategist"), W("researcher"), W("lawyer"),
    W("attorney"), W("envoy"), W("commissioner"), W("chancellor"), W("premier"),
    W("commander"), W("official"), W("adviser"), W("advisor"), W("partner"), W("investor"),
    W("correspondent"), W("columnist"), W("reporter"), W("treasurer"), W("trustee"),
    W("dean"), W("prosecutor"), W("chief"), W("vice-president"), W("president-elect"),
    W("representative"), W("lawmaker"), W("congressman"), W("congresswoman"),
    W("creator"), W("developer"), W("engineer"), W("scientist"), {NULL, 0}};

/* Words that may stand before the head inside a role. */
static const word modifiers[] = {
    W("former"), W("deputy"), W("vice"), W("acting"), W("interim"), W("senior"), W("chief"),
    W("executive"), W("foreign"), W("finance"), W("defense"), W("defence"), W("interior"),
    W("health"), W("press"), W("general"), W("managing"), W("top"), W("lead"), W("founding"),
    W("outgoing"), W("incoming"), W("assistant"), W("associate"), W("state"), W("prime"),
    W("operating"), W("financial"), W("technology"), W("technical"), W("marketing"),
    W("product"), W("legal"), W("political"), W("security"), W("economy"), W("economic"),
    W("communications"), W("trade"), W("energy"), W("justice"), W("education"), W("labor"),
    W("labour"), W("digital"), W("principal"), W("research"), W("investment"), W("head"),
    W("co"), W("board"), W("non-executive"), W("independent"), W("global"), W("regional"),
    W("national"), W("chief-executive"), {NULL, 0}};

/*
 * Jobs with several names.  The first is the label a relation carries,
 * so "chief executive", "CEO" and "boss" of one company are one relation
 * (the words as written stay in its surface).
 */
static const char *const jobs[][5] = {
    {"CEO", "chief executive officer", "chief executive", "boss", NULL},
    {"CFO", "chief financial officer", "finance chief", NULL},
    {"COO", "chief operating officer", NULL},
    {"CTO", "chief technology officer", "chief technical officer", NULL},
    {"co-founder", "cofounder", NULL},
    {"chair", "chairman", "chairwoman", "chairperson", NULL},
    {"spokesperson", "spokesman", "spokeswoman", NULL},
    {"adviser", "advisor", NULL},
    {"co-owner", "coowner", NULL},
};
#define N_JOBS (sizeof(jobs) / sizeof(jobs[0]))

/* Words between a comma and a role: "Musk, the chief executive of". */
static const word determiners[] = {W("the"), W("a"), W("an"), W("its"), W("his"),
                                          W("her"), W("their"), W("our"), {NULL, 0}};

/* Links a role to its organization: "CEO of Tesla", "analyst at Wedbush". */
static const word role_preps[] = {W("of"), W("at"), W("for"), {NULL, 0}};

/* Demonyms and the names of their places, in key form. */
static const char *const demonyms[][5] = {
    {"russian", "russia", "russian federation", NULL},
    {"american", "united states", "us", "america", "usa"},
    {"chinese", "china", NULL},
    {"british", "britain", "united kingdom", "uk", "great britain"},
    {"french", "france", NULL},
    {"german", "germany", NULL},
    {"ukrainian", "ukraine", NULL},
    {"japanese", "japan", NULL},
    {"indian", "india", NULL},
    {"israeli", "israel", NULL},
    {"iranian", "iran", NULL},
    {"turkish", "turkey", "türkiye", NULL},
    {"italian", "italy", NULL},
    {"spanish", "spain", NULL},
    {"canadian", "canada", NULL},
    {"australian", "australia", NULL},
    {"brazilian", "brazil", NULL},
    {"mexican", "mexico", NULL},
    {"saudi", "saudi arabia", NULL},
    {"syrian", "syria", NULL},
    {"polish", "poland", NULL},
    {"belarusian", "belarus", NULL},
    {"egyptian", "egypt", NULL},
    {"pakistani", "pakistan", NULL},
    {"venezuelan", "venezuela", NULL},
    {"nigerian", "nigeria", NULL},
    {"dutch", "netherlands", "holland", NULL},
    {"swedish", "sweden", NULL},
    {"greek", "greece", NULL},
    {"irish", "ireland", NULL},
    {"scottish", "scotland", NULL},
    {"european", "european union", "eu", NULL},
    {"north korean", "north korea", NULL},
    {"south korean", "south korea", NULL},
    {"afghan", "afghanistan", NULL},
    {"iraqi", "iraq", NULL},
    {"hungarian", "hungary", NULL},
    {"czech", "czech republic", "czechia", NULL},
    {"belgian", "belgium", NULL},
    {"swiss", "switzerland", NULL},
    {"austrian", "austria", NULL},
    {"norwegian", "norway", NULL},
    {"danish", "denmark", NULL},
    {"finnish", "finland", NULL},
    {"argentine", "argentina", NULL},
    {"argentinian", "argentina", NULL},
    {"colombian", "colombia", NULL},
    {"cuban", "cuba", NULL},
    {"vietnamese", "vietnam", NULL},
    {"taiwanese", "taiwan", NULL},
    {"georgian", "georgia", NULL},
    {"kazakh", "kazakhstan", NULL},
    {"palestinian", "palestine", NULL},
    {"lebanese", "lebanon", NULL},
    {"qatari", "qatar", NULL},
    {"emirati", "united arab emirates", "uae", NULL},
    {"south african", "south africa", NULL},
    {"new zealand", "new zealand", NULL},
};
#define N_DEMONYMS (sizeof(demonyms) / sizeof(demonyms[0]))

typedef struct state {
  ng_doc *doc;
  size_t *starts;       /* token -> mention starting there, or NONE */
  size_t *ends;         /* token -> mention ending with it, or NONE */
  size_t *tb;           /* mention -> first token */
  size_t *te;           /* mention -> one past its last token */
  size_t place[N_DEMONYMS]; /* demonym -> entity, or NONE */
  size_t *seen;         /* open-addressed relation indices, for no repeats */
  size_t seen_cap;
} state;

/* Does token t spell a word of list, ignoring ASCII case? */
static int tok_in(const ng_doc *doc, size_t t, const word *list)
{
  const ng_token *tk = &doc->tokens.v[t];
  size_t n = tk->end - tk->start;
  if (!(tk->flags & NG_TOK_WORD))
    return 0;
  const char *s = doc->text + tk->start;
  char c0 = s[0] >= 'A' && s[0] <= 'Z' ? (char)(s[0] + 32) : s[0];
  for (size_t i = 0; list[i].s; i++) {
    if (list[i].n != n || list[i].s[0] != c0)
      continue;
    size_t k = 1;
    for (; k < n; k++) {
      char a = s[k] >= 'A' && s[k] <= 'Z' ? (char)(s[k] + 32) : s[k];
      if (a != list[i].s[k])
        break;
    }
    if (k == n)
      return 1;
  }
  return 0;
}

static int is_head(const ng_doc *doc, size_t t)
{
  return tok_in(doc, t, heads);
}

static int is_role_word(const ng_doc *doc, size_t t)
{
  return is_head(doc, t) || tok_in(doc, t, modifiers);
}

/*
 * The role ending just before token end (exclusive), reading back no
 * further than lo: its first token, or NONE when end - 1 is no head.
 */
static size_t role_back(const ng_doc *doc, size_t lo, size_t end)
{
  if (end <= lo || !is_head(doc, end - 1))
    return NONE;
  size_t b = end - 1;
  while (b > lo && end - b < MAX_ROLE && is_role_word(doc, b - 1))
    b--;
  return b;
}

/* The longest role starting at token b, before hi: its end, or NONE. */
static size_t role_fwd(const ng_doc *doc, size_t b, size_t hi)
{
  size_t best = NONE;
  for (size_t e = b; e < hi && e - b < MAX_ROLE && is_role_word(doc, e); e++)
    if (is_head(doc, e))
      best = e + 1;
  return best;
}

static int is_target(const state *st, size_t mi)
{
  if (mi == NONE)
    return 0;
  ng_entity_type t = st->doc->entities.v[st->doc->mentions.v[mi].entity].type;
  return t == NG_ENTITY_ORG || t == NG_ENTITY_PLACE;
}

/*
 * The entity of the place demonym i names ("Russian": Russia), or NONE
 * when the document has no such place.  Looked up the first time a
 * demonym stands before or in a role, then kept.
 */
static size_t place_of(state *st, size_t i)
{
  ng_doc *doc = st->doc;
  ng_buf key = NG_BUF_INIT;
  if (st->place[i] != UNKNOWN)
    return st->place[i];
  st->place[i] = NONE;
  for (size_t e = 0; e < doc->entities.n && st->place[i] == NONE; e++) {
    const ng_dentity *d = &doc->entities.v[e];
    if (d->type == NG_ENTITY_PERSON)
      continue;
    for (size_t a = 0; a <= d->aliases.n; a++) {
      const char *s = a ? d->aliases.v[a - 1] : d->name;
      ng_buf_reset(&key);
      ng_name_key(s, strlen(s), &key);
      for (int k = 1; k < 5 && demonyms[i][k]; k++)
        if (!strcmp(key.ptr, demonyms[i][k]))
          st->place[i] = e;
      if (st->place[i] != NONE)
        break;
    }
  }
  ng_buf_release(&key);
  return st->place[i];
}

/* The place entity the demonym at token t names ("Russian"), or NONE. */
static size_t demonym_at(state *st, size_t t)
{
  const ng_doc *doc = st->doc;
  const ng_token *tk = &doc->tokens.v[t];
  if (!(tk->flags & NG_TOK_WORD))
    return NONE;
  for (size_t i = 0; i < N_DEMONYMS; i++)
    if (strlen(demonyms[i][0]) == tk->end - tk->start &&
        ng_tok_is_ci(doc, t, demonyms[i][0]))
      return place_of(st, i);
  return NONE;
}

/* "CEO", "co-founder", "chief executive": lower case but for acronyms. */
static char *role_text(ng_doc *doc, const char *pre, size_t b, size_t e)
{
  ng_buf out = NG_BUF_INIT;
  if (pre)
    ng_buf_adds(&out, pre);
  for (size_t t = b; t < e; t++) {
    size_t n;
    const char *s = ng_tok_text(doc, t, &n);
    int keep = (doc->tokens.v[t].flags & NG_TOK_ALLCAP) != 0;
    if (out.len)
      ng_buf_addch(&out, ' ');
    for (size_t k = 0; k < n; k++) {
      char c = s[k];
      if (!keep && c >= 'A' && c <= 'Z')
        c = (char)(c + 32);
      ng_buf_addch(&out, c);
    }
  }
  char *r = ng_doc_strndup(doc, out.ptr, out.len);
  ng_buf_release(&out);
  return r;
}

static int ci_equal(const char *a, const char *b, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z')
      x = (char)(x + 32);
    if (y >= 'A' && y <= 'Z')
      y = (char)(y + 32);
    if (x != y)
      return 0;
  }
  return 1;
}

/*
 * The label of a role as written: its longest ending that names a job
 * in jobs[] gives way to the job's label, the words before it stay
 * ("former chief executive" -> "former CEO").  A boss of a place is its
 * leader, not its CEO.
 */
static char *role_label(ng_doc *doc, const char *surface, int of_place)
{
  size_t n = strlen(surface);
  for (size_t i = 0; i < n; i++) {
    if (i && surface[i - 1] != ' ')
      continue;
    const char *tail = surface + i;
    size_t tn = n - i;
    for (size_t j = 0; j < N_JOBS; j++)
      for (size_t k = 0; k < 5 && jobs[j][k]; k++) {
        if (strlen(jobs[j][k]) != tn || !ci_equal(jobs[j][k], tail, tn))
          continue;
        const char *label = jobs[j][0];
        if (of_place && !strcmp(label, "CEO"))
          label = "leader";
        ng_buf out = NG_BUF_INIT;
        ng_buf_add(&out, surface, i);
        ng_buf_adds(&out, label);
        char *r = ng_doc_strndup(doc, out.ptr, out.len);
        ng_buf_release(&out);
        return r;
      }
  }
  return (char *)surface;
}

static uint64_t rel_hash(size_t src, size_t tgt, const char *role)
{
  uint64_t h = 1469598103934665603u ^ src;
  h = (h * 1099511628211u) ^ tgt;
  for (; *role; role++)
    h = (h * 1099511628211u) ^ (unsigned char)*role;
  return h * 1099511628211u;
}

/* Record (src, role, tgt) unless it is already there. */
static void add_as(state *st, size_t person, size_t target, const char *pre,
                   size_t b, size_t e, size_t sentence)
{
  ng_doc *doc = st->doc;
  size_t src = doc->mentions.v[person].entity;
  size_t tgt = target;
  if (src == tgt)
    return;
  char *surface = role_text(doc, pre, b, e);
  char *role = role_label(doc, surface,
                          doc->entities.v[tgt].type == NG_ENTITY_PLACE);
  if ((doc->relations.n + 1) * 2 > st->seen_cap) {
    size_t cap = st->seen_cap ? st->seen_cap * 2 : 64;
    size_t *v = ng_xmalloc(cap * sizeof(*v));
    for (size_t i = 0; i < cap; i++)
      v[i] = NONE;
    for (size_t r = 0; r < doc->relations.n; r++) {
      const ng_relation *x = &doc->relations.v[r];
      size_t i = (size_t)rel_hash(x->source, x->target, x->role) & (cap - 1);
      while (v[i] != NONE)
        i = (i + 1) & (cap - 1);
      v[i] = r;
    }
    free(st->seen);
    st->seen = v;
    st->seen_cap = cap;
  }
  size_t i = (size_t)rel_hash(src, tgt, role) & (st->seen_cap - 1);
  for (; st->seen[i] != NONE; i = (i + 1) & (st->seen_cap - 1)) {
    const ng_relation *x = &doc->relations.v[st->seen[i]];
    if (x->source == src && x->target == tgt && !strcmp(x->role, role))
      return; /* the arena copy of role is wasted; it is small */
  }
  st->seen[i] = doc->relations.n;
  ng_relation *r = NG_VEC_PUSH(doc->relations);
  r->source = src;
  r->target = tgt;
  r->role = role;
  r->surface = surface;
  r->sentence = sentence;
}

static void add(state *st, size_t person, size_t target, size_t b, size_t e,
                size_t sentence)
{
  add_as(st, person, target, NULL, b, e, sentence);
}

/*
 * The organizations ending at token t and coordinated before it: "Tesla
 * and SpaceX" gives SpaceX, then Tesla.  Returns how many went into out.
 */
static size_t coord_back(const state *st, size_t lo, size_t t, size_t *out,
                         size_t *first)
{
  size_t n = 0;
  size_t mi = st->ends[t];
  while (is_target(st, mi) && n < MAX_COORD) {
    out[n++] = st->doc->mentions.v[mi].entity;
    size_t b = st->tb[mi];
    *first = b;
    if (b < lo + 2 || !(ng_tok_is_ci(st->doc, b - 1, "and") ||
                        ng_tok_is(st->doc, b - 1, ",") ||
                        ng_tok_is(st->doc, b - 1, "&")))
      break;
    mi = st->ends[b - 2];
  }
  return n;
}

/* The same, forward from token t: "of Tesla and SpaceX". */
static size_t coord_fwd(const state *st, size_t t, size_t hi, size_t *out)
{
  size_t n = 0;
  size_t mi = t < hi ? st->starts[t] : NONE;
  while (is_target(st, mi) && n < MAX_COORD) {
    out[n++] = st->doc->mentions.v[mi].entity;
    size_t e = st->te[mi];
    if (e + 1 >= hi || !(ng_tok_is_ci(st->doc, e, "and") ||
                         ng_tok_is(st->doc, e, "&") ||
                         (ng_tok_is(st->doc, e, ",") &&
                          st->starts[e + 1] != NONE)))
      break;
    mi = st->starts[e + 1];
  }
  return n;
}

/* Skip the descriptor of "of trading app Robinhood": lower-case words. */
static size_t skip_desc_fwd(const ng_doc *doc, size_t t, size_t hi)
{
  if (t < hi && ng_tok_is_ci(doc, t, "the"))
    t++;
  for (size_t k = 0; k < MAX_DESC && t < hi; k++) {
    unsigned f = doc->tokens.v[t].flags;
    if (!(f & NG_TOK_WORD) || !(f & NG_TOK_LOWER) || tok_in(doc, t, role_preps))
      break;
    t++;
  }
  return t;
}

/* Patterns with the role before the person. */
static void find_before(state *st, size_t mi, size_t lo)
{
  ng_doc *doc = st->doc;
  size_t p = st->tb[mi], sent = doc->mentions.v[mi].sentence;
  size_t targets[MAX_COORD], n = 0;

  /*
   * "Kremlin spokesman Dmitry Peskov", "Tesla's CEO", "Russian President";
   * then leftwards through "SpaceX owner and Tesla CEO Elon Musk".
   */
  size_t end = p;
  for (int round = 0; round < MAX_COORD; round++) {
    size_t rb = role_back(doc, lo, end), first = NONE;
    if (rb == NONE || rb <= lo)
      break;
    size_t t = rb - 1;
    if (ng_tok_is_ci(doc, t, "'s") || ng_tok_is_ci(doc, t, "\xe2\x80\x99s"))
      n = t > lo ? coord_back(st, lo, t - 1, targets, &first) : 0;
    else if ((n = coord_back(st, lo, t, targets, &first)) == 0 &&
             (targets[0] = demonym_at(st, t)) != NONE)
      n = 1, first = t;
    /* "former Apple chief executive John Sculley": a former CEO. */
    const char *pre = n && first > lo && ng_tok_is_ci(doc, first - 1, "former")
                          ? "former"
                          : NULL;
    /* Report coordinated organizations in reading order. */
    for (size_t k = n; k-- > 0;)
      add_as(st, mi, targets[k], pre, rb, end, sent);
    if (!n || first < lo + 2 || !(ng_tok_is_ci(doc, first - 1, "and") ||
                                  ng_tok_is(doc, first - 1, ",")))
      break;
    end = first - 1;
  }

  /* "the boss of trading app Robinhood, Vlad Tenev". */
  if (p >= lo + 2 && ng_tok_is(doc, p - 1, ",") &&
      is_target(st, st->ends[p - 2])) {
    size_t tm = st->ends[p - 2], t = st->tb[tm];
    for (size_t k = 0; k < MAX_DESC && t > lo &&
                       (doc->tokens.v[t - 1].flags & NG_TOK_LOWER) &&
                       !tok_in(doc, t - 1, role_preps);
         k++)
      t--;
    if (t > lo && ng_tok_is_ci(doc, t - 1, "the"))
      t--;
    if (t > lo && tok_in(doc, t - 1, role_preps)) {
      size_t rb2 = role_back(doc, lo, t - 1);
      if (rb2 != NONE)
        add(st, mi, doc->mentions.v[tm].entity, rb2, t - 1, sent);
    }
  }
}

/* Patterns with the role after the person, in an apposition. */
static void find_after(state *st, size_t mi, size_t hi)
{
  ng_doc *doc = st->doc;
  size_t e = st->te[mi], sent = doc->mentions.v[mi].sentence;
  size_t targets[MAX_COORD], n = 0;
  if (e + 1 >= hi || !ng_tok_is(doc, e, ","))
    return;
  size_t t = e + 1;
  if (tok_in(doc, t, determiners))
    t++;
  if (t >= hi)
    return;

  /* "Elon Musk, the chief executive of (electric carmaker) Tesla". */
  size_t re = role_fwd(doc, t, hi);
  if (re != NONE && re < hi && tok_in(doc, re, role_preps)) {
    n = coord_fwd(st, skip_desc_fwd(doc, re + 1, hi), hi, targets);
    for (size_t k = 0; k < n; k++)
      add(st, mi, targets[k], t, re, sent);
    return;
  }

  /*
   * "Elon Musk, Tesla's CEO", "Elon Musk, Tesla CEO", "Putin, a former
   * KGB official".
   */
  const char *pre = NULL;
  size_t om = st->starts[t];
  if (om == NONE && t + 1 < hi && ng_tok_is_ci(doc, t, "former"))
    pre = "former", om = st->starts[t + 1];
  if (is_target(st, om)) {
    size_t r = st->te[om];
    if (r < hi && (ng_tok_is_ci(doc, r, "'s") ||
                   ng_tok_is_ci(doc, r, "\xe2\x80\x99s")))
      r++;
    size_t re2 = r < hi ? role_fwd(doc, r, hi) : NONE;
    if (re2 != NONE)
      add_as(st, mi, doc->mentions.v[om].entity, pre, r, re2, sent);
    return;
  }

  /* "Vladimir Putin, the Russian president". */
  size_t place = demonym_at(st, t);
  if (place != NONE && t + 1 < hi) {
    size_t re3 = role_fwd(doc, t + 1, hi);
    if (re3 != NONE)
      add(st, mi, place, t + 1, re3, sent);
  }
}

int ng_roles_find(ng_doc *doc)
{
  state st = {0};
  size_t nt = doc->tokens.n, nm = doc->mentions.n;

  doc->relations.n = 0;
  if (!nm || !nt || !doc->entities.n)
    return 0;
  st.doc = doc;
  st.starts = ng_xmalloc(nt * sizeof(*st.starts));
  st.ends = ng_xmalloc(nt * sizeof(*st.ends));
  st.tb = ng_xmalloc(nm * sizeof(*st.tb));
  st.te = ng_xmalloc(nm * sizeof(*st.te));
  for (size_t t = 0; t < nt; t++)
    st.starts[t] = st.ends[t] = NONE;
  for (size_t mi = 0; mi < nm; mi++) {
    const ng_mention *m = &doc->mentions.v[mi];
    size_t b = ng_tok_at(doc, m->start), e = ng_tok_at(doc, m->end);
    st.tb[mi] = b;
    st.te[mi] = e;
    /* A span that does not fall on token bounds anchors nothing. */
    if (b < e && doc->tokens.v[b].start == m->start &&
        doc->tokens.v[e - 1].end == m->end) {
      st.starts[b] = mi;
      st.ends[e - 1] = mi;
    }
  }
  for (size_t i = 0; i < N_DEMONYMS; i++)
    st.place[i] = UNKNOWN;

  for (size_t mi = 0; mi < nm; mi++) {
    const ng_mention *m = &doc->mentions.v[mi];
    if (m->entity >= doc->entities.n ||
        doc->entities.v[m->entity].type != NG_ENTITY_PERSON ||
        st.starts[st.tb[mi]] != mi)
      continue;
    size_t lo = 0, hi = nt;
    if (m->sentence < doc->sentences.n) {
      lo = doc->sentences.v[m->sentence].tok_begin;
      hi = doc->sentences.v[m->sentence].tok_end;
    }
    find_before(&st, mi, lo);
    find_after(&st, mi, hi);
  }

  free(st.seen);
  free(st.starts);
  free(st.ends);
  free(st.tb);
  free(st.te);
  return 0;
}
