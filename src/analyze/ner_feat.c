/*
 * Features and decoding for the name tagger (see ner.h).  Everything here
 * works on 64-bit hashes: a word is hashed once per sentence and each
 * template mixes those hashes, so a token's ~35 features cost a few dozen
 * multiplications and no allocation.
 */
#include <string.h>

#include "analyze/ner.h"

/* Templates: the first argument of every feature hash. */
enum {
  F_BIAS = 1, F_W, F_EXACT, F_WP1, F_WN1, F_WP2, F_WN2, F_SH, F_SHP1, F_SHN1,
  F_SHP_SH, F_SH_SHN, F_WP_W, F_W_WN, F_PRE, F_SUF, F_INIT_SH, F_CAPS_SH,
  F_CASE, F_WP_SH, F_SH_WN, F_GAZ, F_GAZ_SH, F_PARA_SH, F_LEN_SH, F_GAZP,
  F_GAZN, F_CCASE
};

#define BOS_HASH 0x6a09e667f3bcc908ULL
#define EOS_HASH 0xbb67ae8584caa73bULL

static inline uint64_t mix(uint64_t x)
{
  /* One multiply between two folds: the slot index (low bits) and the
   * check key (high bits) both see every input bit. */
  x ^= x >> 32;
  x *= 0xd6e8feb86659fd93ULL;
  x ^= x >> 32;
  return x;
}

static inline uint64_t f1(unsigned tid, uint64_t a)
{
  return mix(a + tid * 0x9e3779b97f4a7c15ULL);
}

static inline uint64_t f2(unsigned tid, uint64_t a, uint64_t b)
{
  return mix(a * 0xc2b2ae3d27d4eb4fULL + (b ^ b >> 29) + tid * 0x9e3779b97f4a7c15ULL);
}

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

/* A byte as word hashes see it: ASCII letters lower case, digits "0". */
static const unsigned char fold_byte[256] = {
      0,   1,   2,   3,   4,   5,   6,   7,   8,   9,  10,  11,  12,  13,  14,  15,
     16,  17,  18,  19,  20,  21,  22,  23,  24,  25,  26,  27,  28,  29,  30,  31,
     32,  33,  34,  35,  36,  37,  38,  39,  40,  41,  42,  43,  44,  45,  46,  47,
     48,  48,  48,  48,  48,  48,  48,  48,  48,  48,  58,  59,  60,  61,  62,  63,
     64,  97,  98,  99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122,  91,  92,  93,  94,  95,
     96,  97,  98,  99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127,
    128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143,
    144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159,
    160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175,
    176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191,
    192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207,
    208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223,
    224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239,
    240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255,
};

/* A byte's shape symbol: X x d, u for a non-ASCII letter, 0 inside one. */
static const unsigned char shape_byte[256] = {
      0,   1,   2,   3,   4,   5,   6,   7,   8,   9,  10,  11,  12,  13,  14,  15,
     16,  17,  18,  19,  20,  21,  22,  23,  24,  25,  26,  27,  28,  29,  30,  31,
     32,  33,  34,  35,  36,  37,  38,  39,  40,  41,  42,  43,  44,  45,  46,  47,
    100, 100, 100, 100, 100, 100, 100, 100, 100, 100,  58,  59,  60,  61,  62,  63,
     64,  88,  88,  88,  88,  88,  88,  88,  88,  88,  88,  88,  88,  88,  88,  88,
     88,  88,  88,  88,  88,  88,  88,  88,  88,  88,  88,  91,  92,  93,  94,  95,
     96, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120,
    120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120, 123, 124, 125, 126, 127,
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117,
    117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117,
    117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117,
    117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117, 117,
};

static inline unsigned char lower_byte(unsigned char c)
{
  return fold_byte[c];
}

uint64_t ng_ner_word_hash(const char *s, size_t n)
{
  uint64_t h = FNV_OFFSET;
  for (size_t i = 0; i < n; i++)
    h = (h ^ lower_byte((unsigned char)s[i])) * FNV_PRIME;
  return h;
}

uint64_t ng_ner_phrase_add(uint64_t h, uint64_t word)
{
  return mix(h * 31 + word + 0x51ed270b27a3d4c9ULL);
}

static uint64_t exact_hash(const char *s, size_t n)
{
  uint64_t h = FNV_OFFSET ^ 0x55;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * FNV_PRIME;
  return h;
}

/*
 * A token's word hash (ng_ner_word_hash()) and its collapsed shape hash
 * in a single pass over its bytes, as every token of a document needs
 * both.  The shape: "Musk" Xx, "KGB" X, "U.S." X.X., "SpaceX" XxX,
 * "1996-08-22" d-d-d, at most twelve symbols; a non-ASCII letter reads
 * as 'u' (its case is not worth decoding here; the token flags carry
 * it).  Returns whether an ASCII capital occurs anywhere.
 */
static int token_hashes(const char *s, size_t n, uint64_t *word, uint64_t *shape)
{
  uint64_t h = FNV_OFFSET, g = FNV_OFFSET ^ 0x77;
  unsigned char last = 0;
  size_t out = 0;
  int upper = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i], k = shape_byte[c];
    h = (h ^ fold_byte[c]) * FNV_PRIME;
    if (k == 'X')
      upper = 1;
    if (k == last || !k || out == 12)
      continue;
    last = k;
    g = (g ^ k) * FNV_PRIME;
    out++;
  }
  *word = h;
  *shape = g;
  return upper;
}

/* Is the sentence a headline in capitals ("SOCCER - JAPAN GET LUCKY WIN")? */
int ng_ner_caps_line(const ng_doc *doc, size_t tb, size_t te)
{
  size_t words = 0, caps = 0;
  for (size_t t = tb; t < te; t++) {
    unsigned f = doc->tokens.v[t].flags;
    if (!(f & NG_TOK_WORD))
      continue;
    if (f & NG_TOK_LOWER)
      return 0;
    words++;
    if ((f & NG_TOK_ALLCAP) || doc->tokens.v[t].end - doc->tokens.v[t].start == 1)
      caps++;
  }
  return words > 0 && caps * 2 > words;
}

/* Casing bits recorded per word across the document. */
enum { CASE_TITLE = 1, CASE_LOWER = 2, CASE_CAPS = 4 };

static size_t case_find(const ng_ner_ctx *c, uint64_t key)
{
  size_t i = (size_t)key & c->case_mask;
  while (c->case_key[i] && c->case_key[i] != key)
    i = (i + 1) & c->case_mask;
  return i;
}

void ng_ner_ctx_init(ng_ner_ctx *c, const ng_doc *doc, ng_ner_gaz_fn gaz,
                     const void *gaz_data)
{
  size_t longest = 1, size = 64;
  memset(c, 0, sizeof(*c));
  c->doc = doc;
  c->gaz = gaz;
  c->gaz_data = gaz_data;
  while (size < doc->tokens.n * 2)
    size *= 2;
  c->case_key = ng_xcalloc(size, sizeof(*c->case_key));
  c->case_val = ng_xcalloc(size, 1);
  c->case_mask = size - 1;
  /* Every token's word and shape, once: features and casing share them. */
  c->lw = ng_xmalloc((doc->tokens.n + 1) * sizeof(*c->lw));
  c->sh = ng_xmalloc((doc->tokens.n + 1) * sizeof(*c->sh));
  c->plain = ng_xmalloc(doc->tokens.n + 1);
  for (size_t t = 0; t < doc->tokens.n; t++) {
    const ng_token *tk = &doc->tokens.v[t];
    int upper = token_hashes(doc->text + tk->start, tk->end - tk->start,
                             &c->lw[t], &c->sh[t]);
    c->plain[t] = !upper && !(tk->flags & (NG_TOK_UPPER | NG_TOK_ALLCAP | NG_TOK_HANDLE));
  }
  /*
   * How each word is written where its case means something: not at a
   * sentence start and not in a capitals headline.  "Leicestershire" in
   * the body tells the headline's "LEICESTERSHIRE" it is a name.
   */
  for (size_t s = 0; s < doc->sentences.n; s++) {
    const ng_sentence *st = &doc->sentences.v[s];
    if (st->tok_end - st->tok_begin > longest)
      longest = st->tok_end - st->tok_begin;
    if (ng_ner_caps_line(doc, st->tok_begin, st->tok_end))
      continue;
    for (size_t t = st->tok_begin + 1; t < st->tok_end; t++) {
      const ng_token *tk = &doc->tokens.v[t];
      if (!(tk->flags & NG_TOK_WORD))
        continue;
      unsigned bit = (tk->flags & NG_TOK_ALLCAP)  ? CASE_CAPS
                     : (tk->flags & NG_TOK_UPPER) ? CASE_TITLE
                     : (tk->flags & NG_TOK_LOWER) ? CASE_LOWER
                                                  : 0;
      if (!bit)
        continue;
      uint64_t key = c->lw[t] | 1;
      size_t i = case_find(c, key);
      c->case_key[i] = key;
      c->case_val[i] |= (unsigned char)bit;
    }
  }
  c->cap = longest;
  c->gz = ng_xmalloc(longest * sizeof(*c->gz));
}

void ng_ner_ctx_release(ng_ner_ctx *c)
{
  free(c->case_key);
  free(c->case_val);
  free(c->lw);
  free(c->sh);
  free(c->plain);
  free(c->gz);
  memset(c, 0, sizeof(*c));
}

/*
 * Gazetteer matches over the sentence: gz[k] holds the classes of
 * single-word matches in bits 0-7, of phrases starting at k in 8-15 and
 * of phrases going on through k in 16-23; bits 24-25 hold how the
 * training text writes the word (NG_CASE_LOWER...).
 */
static void gaz_match(ng_ner_ctx *c, size_t tb, size_t n,
                      const unsigned char *need)
{
  const ng_doc *doc = c->doc;
  const uint64_t *lw = c->lw + tb;
  memset(c->gz, 0, n * sizeof(*c->gz));
  if (!c->gaz)
    return;
  for (size_t k = 0; k < n; k++) {
    unsigned f = doc->tokens.v[tb + k].flags;
    if (!(f & NG_TOK_WORD))
      continue;
    /* Only a token with features, or beside one, is looked up. */
    if (need && !need[k] && !(k > 0 && need[k - 1]) && !(k + 1 < n && need[k + 1]))
      continue;
    uint64_t h = ng_ner_phrase_add(0, lw[k]);
    unsigned all = c->gaz(c->gaz_data, h);
    c->gz[k] |= (all & 0xff) | ((all >> NG_GAZ_CASE_SHIFT) & 3) << 24;
    if (!(f & NG_TOK_UPPER))
      continue;
    for (size_t len = 2; len <= NG_NER_GAZ_MAXLEN && k + len <= n; len++) {
      h = ng_ner_phrase_add(h, lw[k + len - 1]);
      unsigned m = c->gaz(c->gaz_data, h) & 0xff;
      if (!m)
        continue;
      c->gz[k] |= m << 8;
      for (size_t j = k + 1; j < k + len; j++)
        c->gz[j] |= m << 16;
    }
  }
}

void ng_ner_features(ng_ner_ctx *c, size_t tb, size_t te,
                     const unsigned char *need, uint64_t *feats,
                     unsigned char *nfeat)
{
  const ng_doc *doc = c->doc;
  size_t n = te - tb;
  int caps = ng_ner_caps_line(doc, tb, te);

  const uint64_t *lw = c->lw + tb, *shs = c->sh + tb;
  gaz_match(c, tb, n, need);

  for (size_t k = 0; k < n; k++) {
    const ng_token *tk = &doc->tokens.v[tb + k];
    const char *s = doc->text + tk->start;
    size_t len = tk->end - tk->start;
    uint64_t *f = feats + k * NG_NER_MAXFEAT;
    if (need && !need[k]) {
      nfeat[k] = 0;
      continue;
    }
    unsigned m = 0;
    uint64_t w = lw[k], sh = shs[k];
    uint64_t wp1 = k >= 1 ? lw[k - 1] : BOS_HASH;
    uint64_t wp2 = k >= 2 ? lw[k - 2] : BOS_HASH;
    uint64_t wn1 = k + 1 < n ? lw[k + 1] : EOS_HASH;
    uint64_t wn2 = k + 2 < n ? lw[k + 2] : EOS_HASH;
    uint64_t shp = k >= 1 ? shs[k - 1] : BOS_HASH;
    uint64_t shn = k + 1 < n ? shs[k + 1] : EOS_HASH;

    f[m++] = f1(F_BIAS, 0);
    f[m++] = f1(F_W, w);
    f[m++] = f1(F_EXACT, exact_hash(s, len));
    f[m++] = f1(F_WP1, wp1);
    f[m++] = f1(F_WN1, wn1);
    f[m++] = f1(F_WP2, wp2);
    f[m++] = f1(F_WN2, wn2);
    f[m++] = f1(F_SH, sh);
    f[m++] = f1(F_SHP1, shp);
    f[m++] = f1(F_SHN1, shn);
    f[m++] = f2(F_SHP_SH, shp, sh);
    f[m++] = f2(F_SH_SHN, sh, shn);
    f[m++] = f2(F_WP_W, wp1, w);
    f[m++] = f2(F_W_WN, w, wn1);
    f[m++] = f2(F_WP_SH, wp1, sh);
    f[m++] = f2(F_SH_WN, sh, wn1);
    f[m++] = f2(F_INIT_SH, k == 0, sh);
    f[m++] = f2(F_CAPS_SH, caps, sh);
    f[m++] = f2(F_PARA_SH, (tk->flags & NG_TOK_NL) != 0, sh);
    f[m++] = f2(F_LEN_SH, len < 4 ? len : 4, sh);
    if (tk->flags & NG_TOK_WORD) {
      /* Affixes of the lower-cased word: "-ski", "-burg", "-ers". */
      uint64_t h = FNV_OFFSET;
      for (size_t i = 0; i < 4 && i < len; i++) {
        h = (h ^ lower_byte((unsigned char)s[i])) * FNV_PRIME;
        if (i + 1 < len)
          f[m++] = f2(F_PRE, i, h);
      }
      h = FNV_OFFSET;
      for (size_t i = 0; i < 4 && i < len; i++) {
        h = (h ^ lower_byte((unsigned char)s[len - 1 - i])) * FNV_PRIME;
        if (i + 1 < len)
          f[m++] = f2(F_SUF, i, h);
      }
      /* How the word is written elsewhere in the document. */
      size_t ci = case_find(c, w | 1);
      unsigned cv = c->case_key[ci] ? c->case_val[ci] : 0;
      unsigned own = (tk->flags & NG_TOK_ALLCAP) ? 1 : (tk->flags & NG_TOK_UPPER) ? 2 : 3;
      f[m++] = f1(F_CASE, cv | own << 3 | (unsigned)caps << 5 | (k == 0) << 6);
      /* How the training text writes it: "Shares" first in a sentence. */
      f[m++] = f1(F_CCASE, (c->gz[k] >> 24 & 3) | own << 2 | (unsigned)caps << 4 |
                               (k == 0) << 5);
    }
    for (unsigned bits = c->gz[k] & 0xffffff; bits; bits &= bits - 1) {
      unsigned b = (unsigned)__builtin_ctz(bits);
      f[m++] = f1(F_GAZ, b);
      f[m++] = f2(F_GAZ_SH, b, sh);
    }
    if (k >= 1)
      for (unsigned bits = (c->gz[k - 1] | c->gz[k - 1] >> 8) & 0xff; bits;
           bits &= bits - 1)
        f[m++] = f1(F_GAZP, (unsigned)__builtin_ctz(bits));
    if (k + 1 < n)
      for (unsigned bits = (c->gz[k + 1] | c->gz[k + 1] >> 8) & 0xff; bits;
           bits &= bits - 1)
        f[m++] = f1(F_GAZN, (unsigned)__builtin_ctz(bits));
    if (m > NG_NER_MAXFEAT)
      m = NG_NER_MAXFEAT; /* unreachable with today's templates */
    nfeat[k] = (unsigned char)m;
  }
}

int ng_ner_allowed(int a, int b)
{
  /* I-X continues B-X or I-X only. */
  if (b == NG_NER_O || (b & 1))
    return 1;
  return a != NG_NER_NTAGS && a != NG_NER_O && (a + 1) / 2 == (b + 1) / 2;
}

void ng_ner_fold_trans(const float *trans, float *tr)
{
  enum { T = NG_NER_NTAGS };
  for (int a = 0; a <= T; a++)
    for (int b = 0; b < T; b++)
      tr[a * T + b] = ng_ner_allowed(a, b) ? trans[a * T + b] : -1e30f;
}

void ng_ner_decode(const float *em, size_t n, const float *tr, int from,
                   int to, unsigned char *back, unsigned char *tags)
{
  enum { T = NG_NER_NTAGS };
  float prev[T], cur[T];
  if (n == 0)
    return;
  for (int b = 0; b < T; b++)
    prev[b] = tr[from * T + b] + em[b];
  for (size_t k = 1; k < n; k++) {
    const float *e = em + k * T;
    for (int b = 0; b < T; b++) {
      float best = prev[0] + tr[b];
      int arg = 0;
      for (int a = 1; a < T; a++) {
        float v = prev[a] + tr[a * T + b];
        if (v > best) {
          best = v;
          arg = a;
        }
      }
      cur[b] = best + e[b];
      back[k * T + b] = (unsigned char)arg;
    }
    memcpy(prev, cur, sizeof(prev));
  }
  /* Leaving into tag `to` (the O of a held token) counts its transition. */
  int arg = 0;
  for (int b = 0; b < T; b++) {
    if (to >= 0)
      prev[b] += tr[b * T + to];
    if (prev[b] > prev[arg])
      arg = b;
  }
  for (size_t k = n; k-- > 0;) {
    tags[k] = (unsigned char)arg;
    if (k)
      arg = back[k * T + arg];
  }
}

void ng_ner_viterbi(const float *em, size_t n, const float *trans,
                    unsigned char *back, unsigned char *tags)
{
  float tr[(NG_NER_NTAGS + 1) * NG_NER_NTAGS];
  ng_ner_fold_trans(trans, tr);
  ng_ner_decode(em, n, tr, NG_NER_NTAGS, -1, back, tags);
}
