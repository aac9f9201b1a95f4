/*
 * ner-train: builds the name tagger's model (src/analyze/ner_model.bin)
 * from CoNLL-style JSON Lines and the gazetteer lists.  A tool for
 * maintainers, not part of libnewsgraph; see the command atop names.c.
 *
 *     ner-train [-e EPOCHS] [-m MINCOUNT] -o OUT.bin TRAIN.jsonl GAZ.txt...
 *
 * TRAIN.jsonl lines are {"id", "text", "entities": [{"start", "end",
 * "type": PER|ORG|LOC|MISC}]} with UTF-8 byte offsets.  The text is cut by
 * our own tokenizer and sentence splitter, so the model learns on exactly
 * the tokens it will see at run time.
 *
 * The learner is an averaged structured perceptron (Collins 2002) with
 * Viterbi decoding.  Everything is deterministic: documents in file
 * order, a fixed-seed shuffle per epoch, no threads, so the same input
 * gives a byte-identical model.
 *
 * The names of the training data also become a gazetteer.  To keep the
 * model from trusting it blindly (every training name is in it), each
 * training document sees the gazetteer built from the other folds only;
 * the saved model carries the whole of it.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "analyze/analyze.h"
#include "analyze/ner.h"
#include "newsgraph.h"

#define T NG_NER_NTAGS
#define FOLDS 5

/* ------------------------------------------------------------------ */
/* A hash table from 64-bit keys to a value, open addressing.          */

typedef struct table {
  uint64_t *key;
  uint64_t *val;
  size_t mask, n;
} table;

static void table_init(table *t, size_t size)
{
  t->key = ng_xcalloc(size, sizeof(*t->key));
  t->val = ng_xcalloc(size, sizeof(*t->val));
  t->mask = size - 1;
  t->n = 0;
}

static void table_release(table *t)
{
  free(t->key);
  free(t->val);
}

static size_t table_slot(const table *t, uint64_t key)
{
  size_t i = (size_t)(key ^ key >> 29) & t->mask;
  while (t->key[i] && t->key[i] != key)
    i = (i + 1) & t->mask;
  return i;
}

static uint64_t *table_put(table *t, uint64_t key)
{
  if (!key)
    key = 1;
  if ((t->n + 1) * 2 > t->mask) {
    table old = *t;
    table_init(t, (old.mask + 1) * 2);
    for (size_t i = 0; i <= old.mask; i++)
      if (old.key[i]) {
        size_t j = table_slot(t, old.key[i]);
        t->key[j] = old.key[i];
        t->val[j] = old.val[i];
        t->n++;
      }
    table_release(&old);
  }
  size_t i = table_slot(t, key);
  if (!t->key[i]) {
    t->key[i] = key;
    t->n++;
  }
  return &t->val[i];
}

static uint64_t table_get(const table *t, uint64_t key)
{
  if (!key)
    key = 1;
  size_t i = table_slot(t, key);
  return t->key[i] ? t->val[i] : 0;
}

/* ------------------------------------------------------------------ */
/* Gazetteers.                                                          */

typedef struct gazetteers {
  const table *ext;   /* the lists */
  const table *train; /* names of the training data (other folds) */
  const table *cased; /* casing of words in the training text (other folds) */
} gazetteers;

/*
 * Bits 0-7: the classes features see; 8-15: the same from the lists
 * alone; 16-17: the word's casing (NG_GAZ_CASE_SHIFT).
 */
static unsigned gaz_lookup(const void *data, uint64_t key)
{
  const gazetteers *g = data;
  unsigned m = (unsigned)table_get(g->ext, key);
  if (g->train)
    m |= (unsigned)table_get(g->train, key);
  if (g->cased)
    m |= (unsigned)table_get(g->cased, key);
  return m;
}

static const struct {
  const char *name;
  unsigned bit;
} classes[] = {
    {"PER", NG_GAZ_PER},       {"FIRST", NG_GAZ_FIRST}, {"ORG", NG_GAZ_ORG},
    {"LOC", NG_GAZ_LOC},       {"MISC", NG_GAZ_MISC},   {"ORGSUF", NG_GAZ_ORGSUF},
    {"TITLE", NG_GAZ_TITLE},   {"NOTNAME", NG_GAZ_NOTNAME}};

/* Phrase hash of tokens [b, e) of doc, as gaz_match() in ner_feat.c folds it. */
static uint64_t phrase_of(const ng_doc *doc, size_t b, size_t e)
{
  uint64_t h = 0;
  for (size_t t = b; t < e; t++) {
    size_t n;
    const char *s = ng_tok_text(doc, t, &n);
    h = ng_ner_phrase_add(h, ng_ner_word_hash(s, n));
  }
  return h;
}

/* Lines "CLASS<TAB>phrase"; '#' starts a comment line. */
static int read_gazetteer(const char *path, table *out)
{
  FILE *f = fopen(path, "r");
  char line[512];
  if (!f) {
    fprintf(stderr, "ner-train: cannot open '%s'\n", path);
    return -1;
  }
  while (fgets(line, sizeof(line), f)) {
    char *tab = strchr(line, '\t');
    if (line[0] == '#' || !tab)
      continue;
    *tab = 0;
    char *phrase = tab + 1;
    phrase[strcspn(phrase, "\r\n")] = 0;
    unsigned bit = 0;
    for (size_t i = 0; i < sizeof(classes) / sizeof(*classes); i++)
      if (!strcmp(line, classes[i].name))
        bit = classes[i].bit;
    if (!bit || !*phrase) {
      fprintf(stderr, "ner-train: bad gazetteer line in '%s': %s\n", path, line);
      continue;
    }
    ng_doc *doc = ng_doc_new("g", NULL, phrase, strlen(phrase), NULL);
    ng_tokenize(doc);
    if (doc->tokens.n && doc->tokens.n <= NG_NER_GAZ_MAXLEN)
      *table_put(out, phrase_of(doc, 0, doc->tokens.n)) |= bit | (uint64_t)bit << 8;
    ng_doc_free(doc);
  }
  fclose(f);
  return 0;
}

/* ------------------------------------------------------------------ */
/* Training data.                                                       */

typedef struct sent {
  size_t doc, tb, te; /* tokens [tb, te) of docs[doc] */
  size_t feat;        /* first row-index slot in the feature store */
} sent;

typedef struct corpus {
  NG_VEC(ng_doc *) docs;
  NG_VEC(unsigned char *) gold; /* per doc, a tag per token */
  NG_VEC(sent) sents;
} corpus;

static int type_of(const char *s)
{
  if (!strcmp(s, "PER"))
    return NG_NER_B_PER;
  if (!strcmp(s, "ORG"))
    return NG_NER_B_ORG;
  if (!strcmp(s, "LOC"))
    return NG_NER_B_LOC;
  if (!strcmp(s, "MISC"))
    return NG_NER_B_MISC;
  return -1;
}

static int read_corpus(const char *path, corpus *c)
{
  FILE *f = fopen(path, "r");
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  if (!f) {
    fprintf(stderr, "ner-train: cannot open '%s'\n", path);
    return -1;
  }
  while ((len = getline(&line, &cap, f)) > 0) {
    json_error_t jerr;
    json_t *o = json_loadb(line, (size_t)len, 0, &jerr);
    if (!o)
      continue;
    const char *text = json_string_value(json_object_get(o, "text"));
    if (!text) {
      json_decref(o);
      continue;
    }
    ng_doc *doc = ng_doc_new(json_string_value(json_object_get(o, "id")), NULL,
                             text, strlen(text), NULL);
    ng_tokenize(doc);
    ng_sentences_split(doc);
    unsigned char *gold = ng_xcalloc(doc->tokens.n + 1, 1);
    json_t *ents = json_object_get(o, "entities");
    size_t i;
    json_t *e;
    json_array_foreach(ents, i, e) {
      size_t s = (size_t)json_integer_value(json_object_get(e, "start"));
      size_t en = (size_t)json_integer_value(json_object_get(e, "end"));
      int b = type_of(json_string_value(json_object_get(e, "type")));
      if (b < 0)
        continue;
      int first = 1;
      for (size_t t = 0; t < doc->tokens.n; t++) {
        const ng_token *tk = &doc->tokens.v[t];
        if (tk->start >= s && tk->start < en) {
          gold[t] = (unsigned char)(first ? b : b + 1);
          first = 0;
        }
      }
    }
    /* A name cut by a sentence break restarts with B in the new sentence. */
    for (size_t s = 0; s < doc->sentences.n; s++) {
      size_t tb = doc->sentences.v[s].tok_begin;
      if (gold[tb] && !(gold[tb] & 1))
        gold[tb]--;
      sent *st = NG_VEC_PUSH(c->sents);
      st->doc = c->docs.n;
      st->tb = tb;
      st->te = doc->sentences.v[s].tok_end;
    }
    *NG_VEC_PUSH(c->docs) = doc;
    *NG_VEC_PUSH(c->gold) = gold;
    json_decref(o);
  }
  free(line);
  fclose(f);
  return 0;
}

/* Gold names of docs, except those whose index % FOLDS == skip. */
static void train_gazetteer(const corpus *c, size_t skip, table *out)
{
  static const unsigned bit[] = {0, NG_GAZ_PER, NG_GAZ_ORG, NG_GAZ_LOC, NG_GAZ_MISC};
  for (size_t d = 0; d < c->docs.n; d++) {
    if (d % FOLDS == skip)
      continue;
    const ng_doc *doc = c->docs.v[d];
    const unsigned char *g = c->gold.v[d];
    for (size_t t = 0; t < doc->tokens.n; t++) {
      if (!g[t] || !(g[t] & 1))
        continue;
      size_t e = t + 1;
      while (e < doc->tokens.n && g[e] == g[t] + 1)
        e++;
      if (e - t <= NG_NER_GAZ_MAXLEN)
        *table_put(out, phrase_of(doc, t, e)) |= bit[(g[t] + 1) / 2];
    }
  }
}

/*
 * How the words of docs (but those whose index % FOLDS == skip) are
 * written where case means something: not first in a sentence, not in a
 * capitals headline.  A word seen at least three times gets a class in
 * bits 16-17 of its single-word key.
 */
static void train_casing(const corpus *c, size_t skip, table *out)
{
  table counts; /* lower case count in bits 0-31, capitalized in 32-63 */
  table_init(&counts, 1 << 16);
  for (size_t d = 0; d < c->docs.n; d++) {
    if (d % FOLDS == skip)
      continue;
    const ng_doc *doc = c->docs.v[d];
    for (size_t s = 0; s < doc->sentences.n; s++) {
      const ng_sentence *st = &doc->sentences.v[s];
      if (ng_ner_caps_line(doc, st->tok_begin, st->tok_end))
        continue;
      for (size_t t = st->tok_begin + 1; t < st->tok_end; t++) {
        unsigned f = doc->tokens.v[t].flags;
        if (!(f & NG_TOK_WORD) || !(f & (NG_TOK_LOWER | NG_TOK_UPPER)))
          continue;
        *table_put(&counts, phrase_of(doc, t, t + 1)) +=
            (f & NG_TOK_LOWER) ? 1 : (uint64_t)1 << 32;
      }
    }
  }
  for (size_t i = 0; i <= counts.mask; i++) {
    if (!counts.key[i])
      continue;
    uint64_t lower = counts.val[i] & 0xffffffffu, upper = counts.val[i] >> 32;
    if (lower + upper < 3)
      continue;
    unsigned cls = lower >= 9 * upper   ? NG_CASE_LOWER
                   : upper >= 9 * lower ? NG_CASE_TITLE
                                        : NG_CASE_MIXED;
    *table_put(out, counts.key[i]) |= (uint64_t)cls << NG_GAZ_CASE_SHIFT;
  }
  table_release(&counts);
}

/* ------------------------------------------------------------------ */

static uint64_t rng_state = 0x2545f4914f6cdd1dULL;

static uint64_t rng(void)
{
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return rng_state;
}

static int usage(void)
{
  fprintf(stderr, "usage: ner-train [-e EPOCHS] [-m MINCOUNT] -o OUT.bin TRAIN.jsonl GAZ.txt...\n");
  return 2;
}

static int write_model(const char *out, const table *feat, const double *w,
                       size_t nrows_all, const float *trans, const table *gaz,
                       int qmin)
{
  /* Quantize to int16 against the largest weight; drop rows left all zero. */
  double maxabs = 0;
  for (size_t i = 0; i < nrows_all * T; i++)
    if (fabs(w[i]) > maxabs)
      maxabs = fabs(w[i]);
  float scale = (float)(32000.0 / (maxabs > 0 ? maxabs : 1));
  NG_VEC(uint64_t) keep_hash = {0};
  NG_VEC(int16_t) rows = {0};
  for (size_t i = 0; i <= feat->mask; i++) {
    if (!feat->key[i] || !feat->val[i])
      continue;
    size_t r = feat->val[i] - 1;
    int16_t q[T];
    int big = 0;
    for (int k = 0; k < T; k++) {
      long v = lround(w[r * T + k] * scale);
      q[k] = (int16_t)v;
      if (labs(v) >= qmin)
        big = 1;
    }
    if (!big)
      continue;
    *NG_VEC_PUSH(keep_hash) = feat->key[i];
    NG_VEC_GROW(rows, rows.n + T);
    memcpy(rows.v + rows.n, q, sizeof(q));
    rows.n += T;
  }
  size_t nrows = keep_hash.n, nslots = 16, gslots = 16;
  while (nslots < nrows * 2)
    nslots *= 2;
  while (gslots < gaz->n * 2)
    gslots *= 2;
  ng_ner_slot *slots = ng_xcalloc(nslots, sizeof(*slots));
  for (size_t r = 0; r < nrows; r++) {
    uint64_t h = keep_hash.v[r];
    size_t i = (size_t)h & (nslots - 1);
    while (slots[i].key)
      i = (i + 1) & (nslots - 1);
    slots[i].key = ng_ner_slot_key(h);
    slots[i].row = (uint32_t)r;
  }
  ng_ner_gslot *gs = ng_xcalloc(gslots, sizeof(*gs));
  for (size_t i = 0; i <= gaz->mask; i++) {
    if (!gaz->key[i])
      continue;
    size_t j = (size_t)gaz->key[i] & (gslots - 1);
    while (gs[j].key)
      j = (j + 1) & (gslots - 1);
    gs[j].key = gaz->key[i];
    gs[j].mask = gaz->val[i];
  }
  ng_ner_header hd;
  memset(&hd, 0, sizeof(hd));
  memcpy(hd.magic, NG_NER_MAGIC, 8);
  hd.ntags = T;
  hd.nslots = (uint32_t)nslots;
  hd.nrows = (uint32_t)nrows;
  hd.gslots = (uint32_t)gslots;
  hd.scale = scale;

  FILE *f = fopen(out, "wb");
  static const char zero[8];
  size_t tsz = sizeof(float) * (T + 1) * T;
  size_t rsz = sizeof(int16_t) * nrows * T;
  int ok = f && fwrite(&hd, sizeof(hd), 1, f) == 1 &&
           fwrite(trans, tsz, 1, f) == 1 &&
           fwrite(zero, ng_ner_align8(tsz) - tsz, 1, f) <= 1 &&
           fwrite(slots, sizeof(*slots), nslots, f) == nslots &&
           (rsz == 0 || fwrite(rows.v, rsz, 1, f) == 1) &&
           fwrite(zero, ng_ner_align8(rsz) - rsz, 1, f) <= 1 &&
           fwrite(gs, sizeof(*gs), gslots, f) == gslots;
  if (f && fclose(f) != 0)
    ok = 0;
  fprintf(stderr, "ner-train: %zu feature rows, %zu gazetteer entries, scale %g\n",
          nrows, gaz->n, scale);
  free(slots);
  free(gs);
  NG_VEC_FREE(keep_hash);
  NG_VEC_FREE(rows);
  if (!ok) {
    fprintf(stderr, "ner-train: cannot write '%s'\n", out);
    return -1;
  }
  return 0;
}

int main(int argc, char **argv)
{
  const char *out = NULL;
  int epochs = 12, mincount = 1, qmin = 16, i;
  for (i = 1; i < argc && argv[i][0] == '-'; i++) {
    if (!strcmp(argv[i], "-o") && i + 1 < argc)
      out = argv[++i];
    else if (!strcmp(argv[i], "-e") && i + 1 < argc)
      epochs = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-m") && i + 1 < argc)
      mincount = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-q") && i + 1 < argc)
      qmin = atoi(argv[++i]);
    else
      return usage();
  }
  if (!out || argc - i < 1)
    return usage();

  corpus c = {0};
  table ext, foldgaz[FOLDS], foldcase[FOLDS], allgaz, allcase;
  table_init(&ext, 1024);
  if (read_corpus(argv[i], &c) < 0)
    return 1;
  for (int g = i + 1; g < argc; g++)
    if (read_gazetteer(argv[g], &ext) < 0)
      return 1;
  for (size_t k = 0; k < FOLDS; k++) {
    table_init(&foldgaz[k], 1024);
    train_gazetteer(&c, k, &foldgaz[k]);
    table_init(&foldcase[k], 1024);
    train_casing(&c, k, &foldcase[k]);
  }
  table_init(&allgaz, 1024);
  train_gazetteer(&c, (size_t)-1, &allgaz);
  table_init(&allcase, 1024);
  train_casing(&c, (size_t)-1, &allcase);
  for (size_t k = 0; k <= allcase.mask; k++)
    if (allcase.key[k])
      *table_put(&allgaz, allcase.key[k]) |= allcase.val[k];
  for (size_t k = 0; k <= ext.mask; k++)
    if (ext.key[k])
      *table_put(&allgaz, ext.key[k]) |= ext.val[k];

  /* Extract every sentence's features once; count them. */
  size_t ntok = 0;
  for (size_t s = 0; s < c.sents.n; s++) {
    c.sents.v[s].feat = ntok;
    ntok += c.sents.v[s].te - c.sents.v[s].tb;
  }
  uint64_t *fh = ng_xmalloc(ntok * NG_NER_MAXFEAT * sizeof(*fh));
  unsigned char *nf = ng_xmalloc(ntok);
  table feat;
  table_init(&feat, 1 << 20);
  for (size_t d = 0, s = 0; d < c.docs.n; d++) {
    gazetteers g = {&ext, &foldgaz[d % FOLDS], &foldcase[d % FOLDS]};
    ng_ner_ctx ctx;
    ng_ner_ctx_init(&ctx, c.docs.v[d], gaz_lookup, &g);
    for (; s < c.sents.n && c.sents.v[s].doc == d; s++) {
      sent *st = &c.sents.v[s];
      ng_ner_features(&ctx, st->tb, st->te, NULL, fh + st->feat * NG_NER_MAXFEAT,
                      nf + st->feat);
    }
    ng_ner_ctx_release(&ctx);
  }
  for (size_t k = 0; k < ntok; k++)
    for (unsigned j = 0; j < nf[k]; j++)
      (*table_put(&feat, fh[k * NG_NER_MAXFEAT + j]))++;
  /* Rows for features seen often enough; val becomes row + 1 (0: none). */
  size_t nrows = 0;
  for (size_t k = 0; k <= feat.mask; k++)
    if (feat.key[k])
      feat.val[k] = feat.val[k] >= (uint64_t)mincount ? ++nrows : 0;
  uint32_t *fr = ng_xmalloc(ntok * NG_NER_MAXFEAT * sizeof(*fr));
  for (size_t k = 0; k < ntok; k++)
    for (unsigned j = 0; j < nf[k]; j++)
      fr[k * NG_NER_MAXFEAT + j] = (uint32_t)table_get(&feat, fh[k * NG_NER_MAXFEAT + j]);
  free(fh);
  fprintf(stderr, "ner-train: %zu docs, %zu sentences, %zu tokens, %zu features\n",
          c.docs.n, c.sents.n, ntok, nrows);

  /* The averaged perceptron: w now, u the time-weighted sum of updates. */
  double *w = ng_xcalloc(nrows * T, sizeof(*w)), *u = ng_xcalloc(nrows * T, sizeof(*u));
  double tw[(T + 1) * T] = {0}, tu[(T + 1) * T] = {0};
  float trans[(T + 1) * T];
  size_t maxlen = 1;
  for (size_t s = 0; s < c.sents.n; s++)
    if (c.sents.v[s].te - c.sents.v[s].tb > maxlen)
      maxlen = c.sents.v[s].te - c.sents.v[s].tb;
  float *em = ng_xmalloc(maxlen * T * sizeof(*em));
  unsigned char *back = ng_xmalloc(maxlen * T), *pred = ng_xmalloc(maxlen);
  size_t *order = ng_xmalloc(c.sents.n * sizeof(*order));
  for (size_t s = 0; s < c.sents.n; s++)
    order[s] = s;
  double step = 1;
  for (int ep = 0; ep < epochs; ep++) {
    size_t wrong = 0, total = 0;
    for (size_t s = c.sents.n; s > 1; s--) {
      size_t j = (size_t)(rng() % s), tmp = order[s - 1];
      order[s - 1] = order[j];
      order[j] = tmp;
    }
    for (size_t oi = 0; oi < c.sents.n; oi++, step++) {
      const sent *st = &c.sents.v[order[oi]];
      size_t n = st->te - st->tb;
      const unsigned char *gold = c.gold.v[st->doc] + st->tb;
      for (size_t k = 0; k < (T + 1) * T; k++)
        trans[k] = (float)tw[k];
      for (size_t k = 0; k < n; k++) {
        const uint32_t *r = fr + (st->feat + k) * NG_NER_MAXFEAT;
        float *e = em + k * T;
        for (int t = 0; t < T; t++)
          e[t] = 0;
        for (unsigned j = 0; j < nf[st->feat + k]; j++) {
          if (!r[j])
            continue;
          const double *row = w + (size_t)(r[j] - 1) * T;
          for (int t = 0; t < T; t++)
            e[t] += (float)row[t];
        }
      }
      ng_ner_viterbi(em, n, trans, back, pred);
      for (size_t k = 0; k < n; k++) {
        total++;
        int pp = k ? pred[k - 1] : T, gp = k ? gold[k - 1] : T;
        if (pred[k] == gold[k] && pp == gp)
          continue;
        wrong += pred[k] != gold[k];
        tw[gp * T + gold[k]] += 1;
        tu[gp * T + gold[k]] += step;
        tw[pp * T + pred[k]] -= 1;
        tu[pp * T + pred[k]] -= step;
        if (pred[k] == gold[k])
          continue;
        const uint32_t *r = fr + (st->feat + k) * NG_NER_MAXFEAT;
        for (unsigned j = 0; j < nf[st->feat + k]; j++) {
          if (!r[j])
            continue;
          size_t b = (size_t)(r[j] - 1) * T;
          w[b + gold[k]] += 1;
          u[b + gold[k]] += step;
          w[b + pred[k]] -= 1;
          u[b + pred[k]] -= step;
        }
      }
    }
    fprintf(stderr, "ner-train: epoch %d: %zu of %zu tokens wrong\n", ep + 1, wrong, total);
  }
  /* Average: w - u / step is the mean of w over every step taken. */
  for (size_t k = 0; k < nrows * T; k++)
    w[k] -= u[k] / step;
  for (size_t k = 0; k < (T + 1) * T; k++)
    trans[k] = (float)(tw[k] - tu[k] / step);
  int rc = write_model(out, &feat, w, nrows, trans, &allgaz, qmin) < 0;

  free(w);
  free(u);
  free(em);
  free(back);
  free(pred);
  free(order);
  free(fr);
  free(nf);
  table_release(&feat);
  table_release(&ext);
  table_release(&allgaz);
  table_release(&allcase);
  for (size_t k = 0; k < FOLDS; k++) {
    table_release(&foldgaz[k]);
    table_release(&foldcase[k]);
  }
  for (size_t d = 0; d < c.docs.n; d++) {
    ng_doc_free(c.docs.v[d]);
    free(c.gold.v[d]);
  }
  NG_VEC_FREE(c.docs);
  NG_VEC_FREE(c.gold);
  NG_VEC_FREE(c.sents);
  return rc;
}
