#ifndef NG_ANALYZE_NER_H
#define NG_ANALYZE_NER_H

/*
 * The name tagger's parts shared by names.c (run time) and ner_train.c
 * (the offline trainer): the tag set, feature extraction and decoding.
 * Sharing them is what keeps training and run time in agreement: both
 * see the same tokens (ours) and the same feature hashes.
 *
 * The model is a first-order linear chain over BIO tags: per token, a sum
 * of weight rows looked up by 64-bit feature hashes (no strings, no
 * malloc per token), plus tag-to-tag transition weights, decoded exactly
 * with Viterbi per sentence.
 */
#include <stddef.h>
#include <stdint.h>

#include "model/doc.h"

/* BIO tags.  MISC is learned (it keeps "Russian" out of LOC) but never emitted. */
enum {
  NG_NER_O = 0,
  NG_NER_B_PER, NG_NER_I_PER,
  NG_NER_B_ORG, NG_NER_I_ORG,
  NG_NER_B_LOC, NG_NER_I_LOC,
  NG_NER_B_MISC, NG_NER_I_MISC,
  NG_NER_NTAGS
};

/* At most this many features fire on one token. */
#define NG_NER_MAXFEAT 48
/* Longest gazetteer phrase, in tokens. */
#define NG_NER_GAZ_MAXLEN 5

/* Gazetteer classes: bits of an entry's mask. */
enum {
  NG_GAZ_PER = 1 << 0,    /* a person's name as a whole */
  NG_GAZ_FIRST = 1 << 1,  /* a given name */
  NG_GAZ_ORG = 1 << 2,    /* an organization */
  NG_GAZ_LOC = 1 << 3,    /* a country, city, region */
  NG_GAZ_MISC = 1 << 4,   /* nationality, language, event */
  NG_GAZ_ORGSUF = 1 << 5, /* "Inc", "Corp", "GmbH" */
  NG_GAZ_TITLE = 1 << 6,  /* "Mr", "President", "spokesman" */
  NG_GAZ_NOTNAME = 1 << 7 /* page furniture: "Home", "Watchlist" */
};

/*
 * Bits 16-17 of a single word's mask: how the training text writes the
 * word away from sentence starts and capitals headlines.  It tells a
 * sentence's first word "Shares" (mostly "shares") from "Tesla".
 */
#define NG_GAZ_CASE_SHIFT 16
enum {
  NG_CASE_LOWER = 1, /* nine times in ten or more lower case */
  NG_CASE_TITLE = 2, /* nine times in ten or more capitalized */
  NG_CASE_MIXED = 3  /* both */
};

/* Look up a gazetteer phrase hash: its class mask, or 0. */
typedef unsigned (*ng_ner_gaz_fn)(const void *data, uint64_t key);

/*
 * Feature extraction state for one document.  ng_ner_ctx_init() reads
 * the whole document once (how each word is cased across it, which
 * settles headline words like "LEICESTERSHIRE"); then call
 * ng_ner_features() per sentence.  All scratch space is allocated per
 * document, none per token.  Release with ng_ner_ctx_release().
 */
typedef struct ng_ner_ctx {
  const ng_doc *doc;
  ng_ner_gaz_fn gaz;
  const void *gaz_data;
  /* Word -> casing seen across the document (open addressing). */
  uint64_t *case_key;
  unsigned char *case_val;
  size_t case_mask;
  /* Per token of the document: hashes of its lower-cased word and shape. */
  uint64_t *lw, *sh;
  /* Per token: no capital letter at all ("said", ",", "1996"). */
  unsigned char *plain;
  /* Per-sentence scratch, sized for the longest sentence. */
  unsigned *gz; /* gazetteer features of each token, packed */
  size_t cap;
} ng_ner_ctx;

void ng_ner_ctx_init(ng_ner_ctx *c, const ng_doc *doc, ng_ner_gaz_fn gaz,
                     const void *gaz_data);
void ng_ner_ctx_release(ng_ner_ctx *c);

/*
 * Features of tokens [tb, te) of the document: token k's hashes go to
 * feats[k * NG_NER_MAXFEAT ...] and their count to nfeat[k].  When need
 * is not NULL, only tokens with need[k] set get features (the others get
 * nfeat[k] = 0).
 */
void ng_ner_features(ng_ner_ctx *c, size_t tb, size_t te,
                     const unsigned char *need, uint64_t *feats,
                     unsigned char *nfeat);

/* Is tokens [tb, te) a headline in capitals ("SOCCER - JAPAN GET LUCKY WIN")? */
int ng_ner_caps_line(const ng_doc *doc, size_t tb, size_t te);

/* Hash of a token's lower-cased text (digits read as 0): gazetteer keys fold it. */
uint64_t ng_ner_word_hash(const char *s, size_t n);
/* Extend a phrase hash by the next word's hash (h = 0 starts a phrase). */
uint64_t ng_ner_phrase_add(uint64_t h, uint64_t word);

/* May tag b follow tag a (a == NG_NER_NTAGS: the sentence start)? */
int ng_ner_allowed(int a, int b);

/*
 * Best tag sequence for n tokens given emission scores em[n][NTAGS] and
 * transition scores trans[(NTAGS + 1) * NTAGS] (row NTAGS: from the start).
 * back is scratch of n * NTAGS bytes; tags receives the answer.
 */
void ng_ner_viterbi(const float *em, size_t n, const float *trans,
                    unsigned char *back, unsigned char *tags);

/* trans with the BIO constraint folded in (ng_ner_allowed), into tr. */
void ng_ner_fold_trans(const float *trans, float *tr);

/*
 * ng_ner_viterbi's work on folded transitions tr, for a stretch of a
 * sentence: the path enters from tag `from` (NTAGS: the sentence start)
 * and, when `to` >= 0, leaves into tag `to`.  A sentence whose other
 * tokens are held to O decodes stretch by stretch this way, with the
 * same answer as the whole.
 */
void ng_ner_decode(const float *em, size_t n, const float *tr, int from,
                   int to, unsigned char *back, unsigned char *tags);

/*
 * The compiled model, as ner_train writes it and names.c embeds it.  All
 * fields little-endian, sections 8-byte aligned in this order:
 *
 *     header        ng_ner_header
 *     trans         float[(NTAGS + 1) * NTAGS]
 *     slots         ng_ner_slot[nslots]   open addressing by hash & (nslots-1)
 *     rows          int16_t[nrows * NTAGS] weights, times 1/scale
 *     gaz           ng_ner_gslot[gslots]  open addressing, key 0 = empty
 */
#define NG_NER_MAGIC "NGNER01"

typedef struct ng_ner_header {
  char magic[8];
  uint32_t ntags, nslots, nrows, gslots;
  float scale;
  uint32_t reserved[3];
} ng_ner_header;

typedef struct ng_ner_slot {
  uint32_t key; /* high half of the feature hash, 0 never: empty */
  uint32_t row;
} ng_ner_slot;

/*
 * A gazetteer entry.  mask bits 0-7: its classes from the lists and the
 * training names (what features see); bits 8-15: from the lists alone
 * (what the rules after the model may trust).
 */
typedef struct ng_ner_gslot {
  uint64_t key;
  uint64_t mask;
} ng_ner_gslot;

static inline uint32_t ng_ner_slot_key(uint64_t h)
{
  uint32_t k = (uint32_t)(h >> 32);
  return k ? k : 1;
}

static inline size_t ng_ner_align8(size_t n)
{
  return (n + 7) & ~(size_t)7;
}

#endif
