/*
 * Names: people, organizations and places, as doc->mentions.
 *
 * A statistical tagger does the finding: a linear-chain model over BIO
 * tags (ner.h, ner_feat.c) trained on CoNLL-2003 English with our own
 * tokens, embedded in the library (ner_model.c).  A few rules then make
 * the spans what the contract wants: titles and roles stripped ("President
 * Putin" -> "Putin"), role phrases split ("Robinhood CEO Vlad Tenev" ->
 * Robinhood + Vlad Tenev), "Tesla Inc." keeping its full stop,
 * possessives and page furniture out, MISC (nationalities, events) never
 * emitted; bylines ("WION Web Team"), breadcrumbs, things after "a"
 * ("a MarsCoin!"), acronyms spelled out in lower case ("FOMO, fear of
 * missing out") and capitalized plurals of common words ("Spaces") out;
 * one reading per person per document (settle_people).
 *
 * The model is asked only about tokens near capitals (see
 * ng_names_find); on 200 BBC articles recognition (this file, coref.c,
 * roles.c) costs about 100 M instructions for 0.9 MB, some 115 per byte.
 *
 * Rebuilding the model (deterministic: the same inputs give the same bytes):
 *
 *     cmake --build build --target ner-train &&
 *     build/ner-train -o src/analyze/ner_model.bin \
 *       /work/shared/eval/data/conll2003-train.jsonl src/analyze/ner_gaz.txt &&
 *     cmake --build build
 *
 * The gazetteer lists and their sources are in ner_gaz.txt; the model
 * also carries, per word, how the training text cases it (ner_train.c).
 */
#include <string.h>

#include "analyze/analyze.h"
#include "analyze/namekey.h"
#include "analyze/ner.h"
#include "util/civil.h"
#include "util/strmap.h"

const unsigned char *ng_ner_model(size_t *len); /* ner_model.c */

typedef struct model {
  const ng_ner_header *hd;
  const float *trans;
  const ng_ner_slot *slots;
  const int16_t *rows;
  const ng_ner_gslot *gaz;
  uint32_t slot_mask, gaz_mask;
  float inv_scale;
  /* While a document is tagged: its tokens' word hashes (ner_feat.c) and
   * their gazetteer classes, looked up once (bit 31: known). */
  const uint64_t *lw;
  uint32_t *wclass;
} model;

/* Token t spells the literal lit exactly, or ignoring ASCII case. */
#define TOK_IS(doc, t, lit) tok_eq(doc, t, lit, sizeof(lit) - 1, 0)
#define LIT(lit) {lit, sizeof(lit) - 1}
#define TOK_IS_CI(doc, t, lit) tok_eq(doc, t, lit, sizeof(lit) - 1, 1)

static int tok_eq(const ng_doc *doc, size_t t, const char *w, size_t wn, int ci)
{
  const ng_token *tk = &doc->tokens.v[t];
  if (tk->end - tk->start != wn)
    return 0;
  const char *s = doc->text + tk->start;
  if (!ci)
    return !memcmp(s, w, wn);
  for (size_t i = 0; i < wn; i++) {
    char a = s[i], b = w[i];
    if (a >= 'A' && a <= 'Z')
      a = (char)(a + 32);
    if (b >= 'A' && b <= 'Z')
      b = (char)(b + 32);
    if (a != b)
      return 0;
  }
  return 1;
}

/* The embedded model, or 0 when it is missing or malformed. */
static int model_open(model *m)
{
  size_t len, off;
  const unsigned char *p = ng_ner_model(&len);
  const ng_ner_header *hd = (const void *)p;
  if (len < sizeof(*hd) || memcmp(hd->magic, NG_NER_MAGIC, 8) ||
      hd->ntags != NG_NER_NTAGS || !hd->nslots || (hd->nslots & (hd->nslots - 1)) ||
      !hd->gslots || (hd->gslots & (hd->gslots - 1)))
    return 0;
  m->hd = hd;
  off = sizeof(*hd);
  m->trans = (const void *)(p + off);
  off += ng_ner_align8(sizeof(float) * (NG_NER_NTAGS + 1) * NG_NER_NTAGS);
  m->slots = (const void *)(p + off);
  off += sizeof(ng_ner_slot) * hd->nslots;
  m->rows = (const void *)(p + off);
  off += ng_ner_align8(sizeof(int16_t) * hd->nrows * NG_NER_NTAGS);
  m->gaz = (const void *)(p + off);
  off += sizeof(ng_ner_gslot) * hd->gslots;
  if (off > len)
    return 0;
  m->slot_mask = hd->nslots - 1;
  m->gaz_mask = hd->gslots - 1;
  m->inv_scale = 1.0f / hd->scale;
  return 1;
}

static unsigned gaz_lookup(const void *data, uint64_t key)
{
  const model *m = data;
  size_t i = (size_t)key & m->gaz_mask;
  for (;;) {
    const ng_ner_gslot *g = &m->gaz[i];
    if (g->key == key)
      return (unsigned)g->mask;
    if (!g->key)
      return 0;
    i = (i + 1) & m->gaz_mask;
  }
}

/* The weight row of feature h, or NULL when the model has none. */
static inline const int16_t *row_of(const model *m, uint64_t h)
{
  uint32_t key = ng_ner_slot_key(h);
  size_t i = (size_t)h & m->slot_mask;
  for (;;) {
    const ng_ner_slot *s = &m->slots[i];
    if (s->key == key)
      return m->rows + (size_t)s->row * NG_NER_NTAGS;
    if (!s->key)
      return NULL;
    i = (i + 1) & m->slot_mask;
  }
}

/*
 * A token's scores per tag: the sum of its features' weight rows.  The
 * first eight tags are added as one vector of eight (two SSE adds where
 * the compiler has nothing wider), the ninth alone.
 */
_Static_assert(NG_NER_NTAGS == 9, "score() adds eight tags and one");
typedef int16_t v8hi __attribute__((vector_size(16)));
typedef int32_t v8si __attribute__((vector_size(32)));

static void score(const model *m, const uint64_t *f, unsigned nf, float *em)
{
  v8si acc = {0};
  int32_t last = 0;
  for (unsigned i = 0; i < nf; i++) {
    const int16_t *r = row_of(m, f[i]);
    if (!r)
      continue;
    v8hi v;
    memcpy(&v, r, sizeof(v));
    acc += __builtin_convertvector(v, v8si);
    last += r[8];
  }
  for (int t = 0; t < 8; t++)
    em[t] = (float)acc[t] * m->inv_scale;
  em[8] = (float)last * m->inv_scale;
}

/* ------------------------------------------------------------------ */
/* The rules after the model.                                          */

static uint64_t word_hash(const ng_doc *doc, const model *m, size_t t)
{
  size_t n;
  const char *s;
  if (m->lw)
    return m->lw[t];
  s = ng_tok_text(doc, t, &n);
  return ng_ner_word_hash(s, n);
}

static unsigned word_class(const ng_doc *doc, const model *m, size_t t)
{
  if (m->wclass && (m->wclass[t] >> 31))
    return m->wclass[t] & 0x7fffffffu;
  unsigned c = gaz_lookup(m, ng_ner_phrase_add(0, word_hash(doc, m, t)));
  if (m->wclass)
    m->wclass[t] = c | 1u << 31;
  return c;
}

static unsigned phrase_class(const ng_doc *doc, const model *m, size_t b, size_t e)
{
  uint64_t h = 0;
  for (size_t t = b; t < e; t++)
    h = ng_ner_phrase_add(h, word_hash(doc, m, t));
  return gaz_lookup(m, h);
}

static int has_upper(const ng_doc *doc, size_t t)
{
  size_t n;
  const char *s = ng_tok_text(doc, t, &n);
  if (doc->tokens.v[t].flags & NG_TOK_UPPER)
    return 1;
  for (size_t i = 0; i < n; i++)
    if (s[i] >= 'A' && s[i] <= 'Z')
      return 1; /* "iPhone", "eBay" */
  return 0;
}

/* A word that is a title or role, never part of a name ("Mr", "CEO"). */
static int is_title(const ng_doc *doc, const model *m, size_t t)
{
  unsigned c;
  return (doc->tokens.v[t].flags & NG_TOK_WORD) &&
         ((c = word_class(doc, m, t)) & NG_GAZ_TITLE) &&
         !(c & (NG_GAZ_FIRST | NG_GAZ_LOC));
}

/*
 * Words only page furniture is made of: a span holding one is a menu or
 * a banner ("Set Preferences My Reads Watchlist Feedback"), not a name.
 */
static int is_furniture(const ng_doc *doc, size_t t)
{
  static const struct {
    const char *s;
    size_t n;
  } words[] = {LIT("Watchlist"),     LIT("Logout"),     LIT("Login"),
               LIT("Subscribe"),     LIT("Newsletter"), LIT("Feedback"),
               LIT("Preferences"),   LIT("Redeem"),     LIT("Premium"),
               LIT("Updates"),       LIT("Sign-in"),    LIT("Sign-up"),
               LIT("Advertisement"), LIT("Cookies")};
  const ng_token *tk = &doc->tokens.v[t];
  size_t n = tk->end - tk->start;
  if (n < 5 || n > 13 || !(tk->flags & NG_TOK_WORD))
    return 0;
  for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
    if (words[i].n == n && tok_eq(doc, t, words[i].s, n, 1))
      return 1;
  return 0;
}

static int is_possessive(const ng_doc *doc, size_t t)
{
  size_t n;
  const char *s = ng_tok_text(doc, t, &n);
  return (n == 2 && (s[0] == '\'') && (s[1] == 's' || s[1] == 'S')) ||
         (n == 4 && !memcmp(s, "\xe2\x80\x99", 3) && (s[3] == 's' || s[3] == 'S'));
}

/* A spaced separator of menus and breadcrumbs: "Home / News", "A | B". */
static int is_crumb(const ng_doc *doc, size_t t)
{
  static const char *const seps[] = {"/", "|", ">", "\xc2\xbb", "\xe2\x80\xba", NULL};
  if (!(doc->tokens.v[t].flags & NG_TOK_PUNCT) ||
      !(doc->tokens.v[t].flags & NG_TOK_SPACE) || t + 1 >= doc->tokens.n ||
      !(doc->tokens.v[t + 1].flags & NG_TOK_SPACE))
    return 0;
  for (size_t i = 0; seps[i]; i++)
    if (ng_tok_is(doc, t, seps[i]))
      return 1;
  return 0;
}

/* Legal-form abbreviations that take a full stop: "Tesla Inc." */
static int is_dotted_suffix(const ng_doc *doc, size_t t)
{
  static const char *const sfx[] = {"Inc", "Corp", "Co", "Ltd", "Bros", "Plc",
                                    "Cos", "Mfg", "Intl", NULL};
  for (size_t i = 0; sfx[i]; i++)
    if (ng_tok_is(doc, t, sfx[i]))
      return 1;
  return 0;
}

/*
 * A word with a capital inside it after a lower-case letter, where
 * people's names have none: "MarsCoin", "YouTube", "SpaceX" (but
 * "McDonald", "MacArthur", "DiCaprio", "LeBron", "DeSantis", "VanDyke").
 */
static int camel_case(const ng_doc *doc, size_t t)
{
  static const char *const prefixes[] = {"Mc", "Mac", "De", "Di", "Da", "Du",
                                         "La", "Le", "Van", "Von", "Fitz",
                                         "St", NULL};
  size_t n;
  const char *s = ng_tok_text(doc, t, &n);
  if (!(doc->tokens.v[t].flags & NG_TOK_WORD))
    return 0;
  for (size_t i = 1; i < n; i++) {
    if (!(s[i] >= 'A' && s[i] <= 'Z' && s[i - 1] >= 'a' && s[i - 1] <= 'z'))
      continue;
    size_t k = 0;
    while (prefixes[k] && !(strlen(prefixes[k]) == i && !memcmp(prefixes[k], s, i)))
      k++;
    if (!prefixes[k])
      return 1;
  }
  return 0;
}

/*
 * A credit line standing alone: "WION Web Team", "Reuters Staff",
 * "Business Desk".  It says who wrote the page, it is no organization
 * the story is about.
 */
static int is_byline(const ng_doc *doc, size_t b, size_t e)
{
  static const char *const heads[] = {"Team", "Desk", "Staff", "Bureau",
                                      "Newsroom", "Newsdesk", "Reporters",
                                      "Editors", "Correspondents", NULL};
  const ng_token *tk = doc->tokens.v;
  if (e - b < 2 || !(b == 0 || (tk[b].flags & (NG_TOK_NL | NG_TOK_PARA))) ||
      (e < doc->tokens.n && !(tk[e].flags & (NG_TOK_NL | NG_TOK_PARA))))
    return 0;
  for (size_t i = 0; heads[i]; i++)
    if (ng_tok_is(doc, e - 1, heads[i]))
      return 1;
  return 0;
}

/*
 * One word after "a" or "an" that ends the phrase names a thing made or
 * sold, not the maker: "there will be a MarsCoin!", "he bought a Tesla."
 * ("a Reuters reporter" goes on, and keeps Reuters.)
 */
static int is_thing(const ng_doc *doc, size_t sent, size_t b, size_t e)
{
  const ng_sentence *st = &doc->sentences.v[sent];
  if (e - b != 1 || b == st->tok_begin ||
      !(TOK_IS_CI(doc, b - 1, "a") || TOK_IS_CI(doc, b - 1, "an")))
    return 0;
  if (e >= st->tok_end)
    return 1;
  const ng_token *nx = &doc->tokens.v[e];
  return (nx->flags & NG_TOK_PUNCT) && !is_possessive(doc, e) &&
         !TOK_IS(doc, e, "&") && !TOK_IS(doc, e, "-") &&
         !TOK_IS(doc, e, "/");
}

/*
 * A plural of a word the training text writes in lower case: "Spaces"
 * (Twitter's product), "Rooms".  As one word it is no place, unless the
 * lists know it as one ("Netherlands").
 */
static int common_plural(const ng_doc *doc, const model *m, size_t t)
{
  size_t n;
  const char *s = ng_tok_text(doc, t, &n);
  if (n < 4 || s[n - 1] != 's' || s[n - 2] == 's')
    return 0;
  unsigned cls = gaz_lookup(m, ng_ner_phrase_add(0, ng_ner_word_hash(s, n - 1)));
  return (cls >> NG_GAZ_CASE_SHIFT & 3) == NG_CASE_LOWER;
}

/* A lower-case word that starts surnames: "van der Walt", "de Gaulle". */
static int particle(const ng_doc *doc, size_t t)
{
  static const char *const words[] = {"van", "von", "der", "den", "de", "da",
                                      "di", "del", "della", "du", "des", "la",
                                      "le", "bin", "ibn", "al", "el", "ter",
                                      "ten", "dos", "das", "y", NULL};
  size_t n;
  const char *s = ng_tok_text(doc, t, &n);
  if (n > 5 || !strchr("vdbilety", s[0]))
    return 0;
  for (size_t i = 0; words[i]; i++)
    if (!strncmp(words[i], s, n) && !words[i][n])
      return 1;
  return 0;
}

static void emit(ng_doc *doc, const model *m, size_t sent, size_t b, size_t e,
                 int tag);

/*
 * Push tokens [b, e) as a name of BIO type tag (a B tag), after trimming
 * and splitting them as the contract wants.
 */
static void emit(ng_doc *doc, const model *m, size_t sent, size_t b, size_t e,
                 int tag)
{
  const ng_token *tk = doc->tokens.v;
  size_t te = doc->sentences.v[sent].tok_end;

  if (tag == NG_NER_B_MISC)
    return;
  /* Punctuation and possessives at either end are not the name. */
  while (b < e && ((tk[b].flags & NG_TOK_PUNCT) || is_possessive(doc, b)))
    b++;
  while (e > b && ((tk[e - 1].flags & NG_TOK_PUNCT) || is_possessive(doc, e - 1)))
    e--;
  /* Caption words after a name: "Vladimir Putin Photograph:(AFP)". */
  while (e - b > 1 && (TOK_IS(doc, e - 1, "Photograph") || TOK_IS(doc, e - 1, "Photo") ||
                       TOK_IS(doc, e - 1, "Image") || TOK_IS(doc, e - 1, "Video")))
    e--;
  if (b >= e)
    return;
  /* A date word before a name is not part of it: "August National Association". */
  while (e - b > 1 && tk[b].end - tk[b].start >= 6 &&
         (ng_month_from_name(doc->text + tk[b].start, tk[b].end - tk[b].start) ||
          ng_weekday_from_name(doc->text + tk[b].start, tk[b].end - tk[b].start)))
    b++;
  /* Titles before a person's name: "President Putin", "Mr Musk". */
  if (tag == NG_NER_B_PER)
    while (e - b > 1 && is_title(doc, m, b))
      b++;
  /*
   * A role inside the span splits it: "Robinhood CEO Vlad Tenev" is an
   * organization and a person, "Russian President Vladimir Putin" a
   * nationality (dropped) and a person.
   */
  for (size_t p = b + 1; p + 1 < e; p++) {
    if (!is_title(doc, m, p) || !has_upper(doc, p + 1))
      continue;
    unsigned left = phrase_class(doc, m, b, p);
    int ltag = (left & NG_GAZ_ORG)    ? NG_NER_B_ORG
               : (left & NG_GAZ_MISC) ? NG_NER_B_MISC
               : (left & NG_GAZ_LOC)  ? NG_NER_B_LOC
               : tag == NG_NER_B_PER  ? NG_NER_B_ORG
                                      : tag;
    emit(doc, m, sent, b, p, ltag);
    emit(doc, m, sent, p + 1, e, NG_NER_B_PER);
    return;
  }
  /*
   * A name has a capital somewhere; a bare title or furniture word is not
   * one, nor is a breadcrumb ("Home / Business / News").
   */
  int upper = 0, furniture = 1;
  for (size_t t = b; t < e; t++) {
    upper |= has_upper(doc, t);
    if (!(word_class(doc, m, t) & NG_GAZ_NOTNAME))
      furniture = 0;
    if ((tk[t].flags & NG_TOK_HANDLE) || is_furniture(doc, t) ||
        (t > b && is_crumb(doc, t)))
      return;
  }
  if (!upper || furniture || (e - b == 1 && is_title(doc, m, b)))
    return;
  if (is_byline(doc, b, e) || (tag != NG_NER_B_PER && is_thing(doc, sent, b, e)))
    return;
  /* "Tesla Inc." keeps its suffix and the suffix its full stop. */
  if (tag == NG_NER_B_ORG) {
    if (e < te && is_dotted_suffix(doc, e) && !(tk[e].flags & NG_TOK_NL))
      e++;
    /* Not the sentence's own full stop: "... bought Lear Corp." */
    if (e + 1 < te && is_dotted_suffix(doc, e - 1) && TOK_IS(doc, e, ".") &&
        !(tk[e].flags & NG_TOK_SPACE))
      e++;
  }
  /*
   * A place the curated lists know as an organization only is one
   * ("Kremlin": CoNLL says either, we say ORG).  Not the other way: a
   * city's name is its sports team's too.
   */
  unsigned listed = phrase_class(doc, m, b, e) >> 8 & 0xff;
  if (tag == NG_NER_B_LOC && listed == NG_GAZ_ORG)
    tag = NG_NER_B_ORG;
  if (tag == NG_NER_B_LOC && e - b == 1 && !(listed & NG_GAZ_LOC) &&
      common_plural(doc, m, b))
    return;
  /* Keep text order and no overlap with what an earlier split pushed. */
  if (doc->mentions.n && doc->mentions.v[doc->mentions.n - 1].end > tk[b].start)
    return;
  ng_mention *mn = NG_VEC_PUSH(doc->mentions);
  mn->start = tk[b].start;
  mn->end = tk[e - 1].end;
  mn->type = tag == NG_NER_B_PER   ? NG_ENTITY_PERSON
             : tag == NG_NER_B_ORG ? NG_ENTITY_ORG
                                   : NG_ENTITY_PLACE;
  mn->sentence = sent;
}

/* ------------------------------------------------------------------ */
/* Rules over the whole document.                                      */

/* A lower-case word or hyphenated word: "fear", "missing", "know-how". */
static int lower_word(const ng_doc *doc, size_t t)
{
  return (doc->tokens.v[t].flags & (NG_TOK_WORD | NG_TOK_LOWER)) ==
         (NG_TOK_WORD | NG_TOK_LOWER);
}

/* Do the lower-case words [b, e) spell out the acronym key acr? */
static int spells(const ng_doc *doc, size_t b, size_t e, const char *acr,
                  size_t an, ng_buf *key)
{
  ng_buf_reset(key);
  for (size_t t = b; t < e; t++) {
    size_t n;
    const char *w = ng_tok_text(doc, t, &n);
    if (key->len)
      ng_buf_addch(key, ' ');
    ng_buf_add(key, w, n);
  }
  return ng_name_is_acronym_of(acr, an, key->ptr, key->len);
}

/*
 * Is the capitals word at t an acronym of a common noun that the text
 * spells out in lower case beside it: "FOMO, fear of missing out",
 * "artificial intelligence (AI)"?  Then it is a word, not a name (an
 * agency spelled out is capitalized: "Central Intelligence Agency (CIA)").
 */
static int common_acronym(const ng_doc *doc, size_t t, ng_buf *key)
{
  size_t n, nt = doc->tokens.n;
  const char *w = ng_tok_text(doc, t, &n);
  char acr[12];
  if (n < 2 || n > 10)
    return 0;
  for (size_t i = 0; i < n; i++) {
    if (w[i] < 'A' || w[i] > 'Z')
      return 0;
    acr[i] = (char)(w[i] + 32);
  }
  size_t most = n + 4; /* room for "of", "the", "and"... */
  /* "artificial intelligence (AI)": the words before the bracket. */
  if (t >= 3 && TOK_IS(doc, t - 1, "(") && t + 1 < nt &&
      TOK_IS(doc, t + 1, ")"))
    for (size_t b = t - 1; b > 0 && t - 1 - b < most && lower_word(doc, b - 1); b--)
      if (spells(doc, b - 1, t - 1, acr, n, key))
        return 1;
  /* "FOMO, fear of missing out", "FOMO (fear of missing out)". */
  if (t + 2 < nt && (TOK_IS(doc, t + 1, ",") || TOK_IS(doc, t + 1, "(") ||
                     TOK_IS(doc, t + 1, ":") ||
                     TOK_IS(doc, t + 1, "\xe2\x80\x94") ||
                     TOK_IS(doc, t + 1, "-")))
    for (size_t e = t + 2; e < nt && e - (t + 2) < most && lower_word(doc, e); e++)
      if (spells(doc, t + 2, e + 1, acr, n, key))
        return 1;
  return 0;
}

/* Drop every mention of an acronym the document spells out in lower case. */
static void drop_common_acronyms(ng_doc *doc)
{
  ng_strmap words = NG_STRMAP_INIT;
  ng_buf key = NG_BUF_INIT;
  for (size_t t = 0; t < doc->tokens.n; t++) {
    size_t n;
    const char *w = ng_tok_text(doc, t, &n);
    if ((doc->tokens.v[t].flags & NG_TOK_ALLCAP) && common_acronym(doc, t, &key))
      ng_strmap_put(&words, w, n, 0, NULL);
  }
  if (words.n) {
    size_t k = 0;
    for (size_t i = 0; i < doc->mentions.n; i++) {
      const ng_mention *mn = &doc->mentions.v[i];
      if (!ng_strmap_get(&words, doc->text + mn->start, mn->end - mn->start))
        doc->mentions.v[k++] = *mn;
    }
    doc->mentions.n = k;
  }
  ng_buf_release(&key);
  ng_strmap_release(&words);
}

/*
 * One reading per person per document.  A name tagged as a place or
 * organization is a person
 *  - when the rest of the document tags the same text as a person and
 *    the people win clearly (three and twice as many), or by any margin
 *    at a sentence's first word, where case tells the model least
 *    ("Putin does not rule out ...");
 *  - when it is one word, the surname of a person named in full in the
 *    document ("Vladimir Putin" ... "an invitation for Putin"), and the
 *    curated lists do not know it as a place or organization (so
 *    "Jordan" beside "Michael Jordan" stays what the tagger said).
 * Not the other way round: a city's name is its team's too.
 */
static void settle_people(ng_doc *doc, const model *m)
{
  size_t n = doc->mentions.n;
  ng_strmap texts = NG_STRMAP_INIT, surnames = NG_STRMAP_INIT;
  NG_VEC(size_t) count = {0}; /* 3 per distinct text: mentions per type */
  size_t *form = ng_xmalloc((n ? n : 1) * sizeof(*form));

  for (size_t i = 0; i < n; i++) {
    const ng_mention *a = &doc->mentions.v[i];
    int added;
    form[i] = *ng_strmap_put(&texts, doc->text + a->start, a->end - a->start,
                             count.n / 3, &added);
    if (added) {
      NG_VEC_GROW(count, count.n + 3);
      memset(count.v + count.n, 0, 3 * sizeof(size_t));
      count.n += 3;
    }
    count.v[form[i] * 3 + a->type]++;
    if (a->type != NG_ENTITY_PERSON)
      continue;
    size_t last = ng_tok_at(doc, a->end) - 1;
    if (doc->tokens.v[last].start > a->start) {
      size_t len;
      const char *w = ng_tok_text(doc, last, &len);
      ng_strmap_put(&surnames, w, len, 0, NULL);
    }
  }
  for (size_t i = 0; i < n; i++) {
    ng_mention *a = &doc->mentions.v[i];
    if (a->type == NG_ENTITY_PERSON)
      continue;
    int initial = a->start == doc->sentences.v[a->sentence].start;
    const size_t *c = count.v + form[i] * 3;
    size_t per = c[NG_ENTITY_PERSON], other = c[a->type];
    if (initial ? per + 1 > other : per >= 3 && per >= 2 * other) {
      a->type = NG_ENTITY_PERSON;
      continue;
    }
    size_t t = ng_tok_at(doc, a->start);
    if (doc->tokens.v[t].end == a->end &&
        ng_strmap_get(&surnames, doc->text + a->start, a->end - a->start) &&
        !(word_class(doc, m, t) >> 8 & (NG_GAZ_LOC | NG_GAZ_ORG)))
      a->type = NG_ENTITY_PERSON;
  }
  free(form);
  NG_VEC_FREE(count);
  ng_strmap_release(&texts);
  ng_strmap_release(&surnames);
}

int ng_names_find(ng_doc *doc)
{
  enum { T = NG_NER_NTAGS };
  model m = {0};
  ng_ner_ctx c;

  doc->mentions.n = 0;
  if (!doc->sentences.n || !model_open(&m))
    return 0;
  ng_ner_ctx_init(&c, doc, gaz_lookup, &m);
  m.lw = c.lw;
  m.wclass = ng_xcalloc(doc->tokens.n + 1, sizeof(*m.wclass));
  /* Scratch for the longest sentence, once per document. */
  uint64_t *feats = ng_xmalloc(c.cap * NG_NER_MAXFEAT * sizeof(*feats));
  unsigned char *nfeat = ng_xmalloc(c.cap);
  float *em = ng_xmalloc(c.cap * T * sizeof(*em));
  unsigned char *back = ng_xmalloc(c.cap * T), *tags = ng_xmalloc(c.cap);
  unsigned char *need = ng_xmalloc(c.cap);
  float tr[(T + 1) * T];
  ng_ner_fold_trans(m.trans, tr);

  for (size_t s = 0; s < doc->sentences.n; s++) {
    size_t tb = doc->sentences.v[s].tok_begin, te = doc->sentences.v[s].tok_end;
    size_t n = te - tb;
    /*
     * Most tokens sit in lower-case prose, where a name cannot be: the
     * model is asked only about tokens with a capital and the lower-case
     * ones bridging two of them ("Bank of the West").  The others, and
     * @handles (coreference links those), are O, which splits the
     * sentence into stretches decoded one by one.
     */
    const unsigned char *pl = c.plain + tb;
    for (size_t k = 0; k < n; k++) {
      if (!pl[k]) {
        need[k] = !(doc->tokens.v[tb + k].flags & NG_TOK_HANDLE);
        continue;
      }
      int left = (k > 0 && !pl[k - 1]) || (k > 1 && !pl[k - 2]);
      int right = (k + 1 < n && !pl[k + 1]) || (k + 2 < n && !pl[k + 2]);
      need[k] = right && (left || particle(doc, tb + k));
    }
    ng_ner_features(&c, tb, te, need, feats, nfeat);
    for (size_t k = 0; k < n;) {
      if (!need[k]) {
        tags[k++] = NG_NER_O;
        continue;
      }
      size_t j = k;
      for (; k < n && need[k]; k++) {
        if (k + 1 < n)
          for (unsigned i = 0; i < nfeat[k + 1]; i++)
            __builtin_prefetch(&m.slots[feats[(k + 1) * NG_NER_MAXFEAT + i] & m.slot_mask]);
        score(&m, feats + k * NG_NER_MAXFEAT, nfeat[k], em + k * T);
        /* "MarsCoin", "SpaceX", "YouTube": made things, never people. */
        if (camel_case(doc, tb + k))
          em[k * T + NG_NER_B_PER] = em[k * T + NG_NER_I_PER] = -1e30f;
      }
      ng_ner_decode(em + j * T, k - j, tr, j ? NG_NER_O : T,
                    k < n ? NG_NER_O : -1, back + j * T, tags + j);
    }
    for (size_t k = 0; k < n;) {
      int tag = tags[k];
      if (tag == NG_NER_O) {
        k++;
        continue;
      }
      size_t e = k + 1;
      while (e < n && tags[e] == tag + 1)
        e++;
      emit(doc, &m, s, tb + k, tb + e, tag & 1 ? tag : tag - 1);
      k = e;
    }
  }
  drop_common_acronyms(doc);
  settle_people(doc, &m);
  free(feats);
  free(nfeat);
  free(em);
  free(back);
  free(tags);
  free(need);
  free(m.wclass);
  ng_ner_ctx_release(&c);
  return 0;
}
