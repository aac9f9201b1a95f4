/*
 * Events: what happened, when, and who took part.
 *
 * An event is read from one sentence that holds a calendar date (a DATE
 * or TIME timex whose value names a day, week, month or year) and a
 * happening: a finite verb from the lexicon below ("invited", "said",
 * "tweets") or, failing that, a past-tense verb right after a name.
 * Sentences without a name taking part give no event: "the company said
 * on Friday" tells a reader nothing on its own.
 *
 *  - The date is the timex nearest the happening word, so "Peskov was
 *    commenting after Musk tweeted on Sunday" dates the tweet.
 *  - Participants are the entities named in the happening's clause
 *    (clauses end at ';', ':', dashes and subordinators like "after"),
 *    plus entities an @handle in it stands for, plus the last person
 *    named when the clause's subject is "he" or "she".
 *  - The summary is the clause from its subject on, at most about twenty
 *    words, without the date phrase: "Elon Musk invited Vladimir Putin to
 *    join him for a chat on a new social media platform named Clubhouse".
 *  - An embedded tweet ("would you like ... — Elon Musk (@elonmusk)
 *    February 13, 2021") is an event of its own: the author tweeted the
 *    text before the dash, on the date after the handle.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "analyze/analyze.h"

#define MAX_SUMMARY_WORDS 20

/*
 * Verbs of happening, by base form, sorted by strcmp (binary search).  Regular forms (-s, -es, -ed, -d,
 * doubled consonant, y -> ied) are derived; irregular pasts are listed.
 * Base forms alone do not count: "to invite" has not happened.
 */
static const char *const verbs[] = {
    "accept", "accuse", "acquire", "add", "agree", "announce", "appear",
    "appoint", "approve", "arrest", "arrive", "ask", "attack", "award", "ban",
    "begin", "block", "boost", "break", "bring", "build", "buy", "call",
    "cancel", "capture", "charge", "claim", "close", "collapse", "come",
    "comment", "complete", "confirm", "crash", "criticise", "criticize",
    "debut", "decide", "declare", "decline", "defeat", "delay", "deliver",
    "deny", "describe", "die", "discuss", "dismiss", "donate", "download",
    "drop", "elect", "end", "endorse", "estimate", "expand", "explode", "fall",
    "fight", "file", "fire", "form", "found", "gain", "give", "go", "grow",
    "hit", "hold", "host", "impose", "interview", "introduce", "invade",
    "invest", "invite", "join", "kill", "launch", "lead", "leave", "list",
    "lose", "make", "meet", "merge", "move", "name", "nominate", "offer",
    "open", "order", "pass", "pay", "pledge", "plunge", "post", "praise",
    "promise", "promote", "propose", "protest", "publish", "purchase", "put",
    "raise", "rally", "reach", "receive", "record", "refuse", "reject",
    "release", "remove", "replace", "reply", "report", "resign", "respond",
    "retire", "return", "reveal", "rise", "rule", "run", "sack", "sanction",
    "say", "score", "see", "sell", "send", "set", "settle", "shoot", "sign",
    "slam", "soar", "speak", "spend", "start", "state", "step", "stop",
    "strike", "submit", "sue", "surge", "suspend", "take", "talk", "target",
    "teach", "tell", "think", "throw", "tweet", "unveil", "upload", "urge",
    "visit", "vote", "walk", "warn", "welcome", "win", "withdraw", "write", NULL};

/* Irregular and doubled forms, with their base, sorted by form. */
static const char *const irregular[][2] = {
    {"banned", "ban"}, {"began", "begin"}, {"bought", "buy"},
    {"broke", "break"}, {"brought", "bring"}, {"built", "build"},
    {"came", "come"}, {"debuted", "debut"}, {"denied", "deny"}, {"died", "die"},
    {"dropped", "drop"}, {"fell", "fall"}, {"fought", "fight"},
    {"gave", "give"}, {"grew", "grow"}, {"held", "hold"}, {"hit", "hit"},
    {"led", "lead"}, {"left", "leave"}, {"lost", "lose"}, {"made", "make"},
    {"met", "meet"}, {"paid", "pay"}, {"planned", "plan"}, {"put", "put"},
    {"rallied", "rally"}, {"ran", "run"}, {"replied", "reply"},
    {"rose", "rise"}, {"ruled", "rule"}, {"said", "say"}, {"saw", "see"},
    {"says", "say"}, {"sent", "send"}, {"set", "set"}, {"shot", "shoot"},
    {"slammed", "slam"}, {"sold", "sell"}, {"spent", "spend"},
    {"spoke", "speak"}, {"stepped", "step"}, {"stopped", "stop"},
    {"struck", "strike"}, {"targeted", "target"}, {"taught", "teach"},
    {"thought", "think"}, {"threw", "throw"}, {"told", "tell"},
    {"took", "take"}, {"went", "go"}, {"withdrew", "withdraw"}, {"won", "win"},
    {"wrote", "write"}, {NULL, NULL}};

/* Words that open a new clause. */
static const char *const subordinators[] = {
    "after",  "before", "when",   "while",    "because", "although",
    "though", "whereas", "unless", "until",   "whether", "if",
    "since",  "once",   "which",  "who",      "but",     NULL};

static int cmp_word(const void *key, const void *elem)
{
  return strcmp(key, *(const char *const *)elem);
}

static int cmp_pair(const void *key, const void *elem)
{
  return strcmp(key, ((const char *const *)elem)[0]);
}

/* The base in verbs[] spelled b (n bytes), or NULL. */
static const char *lexicon_verb(const char *b, size_t n, const char *const *sorted, size_t count)
{
  char buf[24];
  if (n == 0 || n >= sizeof(buf))
    return NULL;
  memcpy(buf, b, n);
  buf[n] = 0;
  const char *const *hit = bsearch(buf, sorted, count, sizeof(*sorted), cmp_word);
  return hit ? *hit : NULL;
}

/*
 * If word is a finite form of a lexicon verb, return the base; else
 * NULL.  Irregular forms are looked up; regular ones are undone (-s,
 * -es, -ed, -d after e, -ied and -ies for y) and the stem looked up.
 */
static const char *verb_base(const char *w, size_t n)
{
  const size_t n_verbs = sizeof(verbs) / sizeof(verbs[0]) - 1;
  const size_t n_irregular = sizeof(irregular) / sizeof(irregular[0]) - 1;
  char lw[24];
  if (n >= sizeof(lw))
    return NULL;
  for (size_t i = 0; i < n; i++)
    lw[i] = (char)tolower((unsigned char)w[i]);
  lw[n] = 0;
  const char *const(*pair)[2] = bsearch(lw, irregular, n_irregular, sizeof(irregular[0]), cmp_pair);
  if (pair)
    return (*pair)[1];
  const char *b;
  if (n > 1 && lw[n - 1] == 's' && (b = lexicon_verb(lw, n - 1, verbs, n_verbs)))
    return b;
  if (n > 2 && lw[n - 2] == 'e' && (lw[n - 1] == 's' || lw[n - 1] == 'd') &&
      (b = lexicon_verb(lw, n - 2, verbs, n_verbs)))
    return b;
  if (n > 1 && lw[n - 1] == 'd' && lw[n - 2] == 'e' &&
      (b = lexicon_verb(lw, n - 1, verbs, n_verbs)))
    return b;
  if (n > 3 && lw[n - 3] == 'i' && lw[n - 2] == 'e' && (lw[n - 1] == 'd' || lw[n - 1] == 's')) {
    lw[n - 3] = 'y';
    if ((b = lexicon_verb(lw, n - 2, verbs, n_verbs)))
      return b;
  }
  return NULL;
}


int ng_event_date(const char *v, ng_precision *prec, char *date, size_t cap)
{
  size_t n = strlen(v);
  int weekday_only = !strncmp(v, "XXXX-WXX-", 9) && n == 10;
  if (!weekday_only) {
    for (int i = 0; i < 4; i++)
      if (!isdigit((unsigned char)v[i]))
        return 0;
  }
  size_t keep;
  if (weekday_only) {
    *prec = NG_PREC_DAY;
    keep = 10;
  } else if (n == 4) {
    *prec = NG_PREC_YEAR;
    keep = 4;
  } else if (n >= 8 && v[4] == '-' && v[5] == 'W' && isdigit((unsigned char)v[6])) {
    *prec = NG_PREC_WEEK;
    keep = 8;
  } else if (n >= 10 && v[4] == '-' && isdigit((unsigned char)v[5]) &&
             v[7] == '-' && isdigit((unsigned char)v[8])) {
    *prec = NG_PREC_DAY;
    keep = 10;
  } else if (n == 7 && v[4] == '-' && isdigit((unsigned char)v[5])) {
    *prec = NG_PREC_MONTH;
    keep = 7;
  } else {
    return 0;
  }
  if (keep >= cap)
    return 0;
  memcpy(date, v, keep);
  date[keep] = '\0';
  return 1;
}

/*
 * Can timex t date an event of doc?  A calendar value; or, in a document
 * without a publication date, a relative one ("January 30", "last week")
 * that the merge can resolve once it has inferred the date.
 */
static int placeable(const ng_doc *doc, const ng_timex *t, ng_precision *prec, char *date,
                     size_t cap)
{
  if (t->type != NG_TIMEX_DATE && t->type != NG_TIMEX_TIME)
    return 0;
  if (ng_event_date(t->value, prec, date, cap))
    return 1;
  if (doc->published[0] || t->rel.kind == NG_REL_NONE)
    return 0;
  const char *v = t->value;
  size_t keep;
  switch (t->rel.kind) {
  case NG_REL_WEEKDAY:
    *prec = NG_PREC_DAY;
    keep = 10;
    break;
  case NG_REL_MONTHDAY:
    *prec = t->rel.day ? NG_PREC_DAY : NG_PREC_MONTH;
    keep = t->rel.day ? 10 : 7;
    break;
  default:
    switch (t->rel.unit) {
    case 'D': *prec = NG_PREC_DAY; keep = 10; v = "XXXX-XX-XX"; break;
    case 'W': *prec = NG_PREC_WEEK; keep = 8; break;
    case 'M': *prec = NG_PREC_MONTH; keep = 7; break;
    case 'Y': *prec = NG_PREC_YEAR; keep = 4; break;
    default: return 0;
    }
  }
  if (strncmp(v, "XXXX", 4) || strlen(v) < keep || keep >= cap)
    return 0;
  memcpy(date, v, keep);
  date[keep] = '\0';
  return 1;
}

static const char *verb_base(const char *w, size_t n);

static int is_determiner(const ng_doc *doc, size_t t)
{
  static const char *const dets[] = {"the", "a", "an", "its", "his", "her", "their",
                                     "our", "this", "that", "these", "those", NULL};
  for (size_t i = 0; dets[i]; i++)
    if (ng_tok_is_ci(doc, t, dets[i]))
      return 1;
  return 0;
}

/*
 * "since the strike" is a preposition and its noun, not a clause: a
 * word that can open either, followed by a determiner and no verb of
 * happening before the next comma or the sentence end (end).  "since the
 * strike began" still opens a clause.
 */
static int prepositional(const ng_doc *doc, size_t t, size_t end)
{
  static const char *const preps[] = {"since", "after", "before", "until", NULL};
  int prep = 0;
  for (size_t i = 0; preps[i]; i++)
    if (ng_tok_is_ci(doc, t, preps[i]))
      prep = 1;
  if (!prep || t + 1 >= end || !is_determiner(doc, t + 1))
    return 0;
  for (size_t k = t + 2; k < end && !ng_tok_is(doc, k, ","); k++) {
    size_t n;
    const char *w = ng_tok_text(doc, k, &n);
    if ((doc->tokens.v[k].flags & NG_TOK_WORD) && verb_base(w, n))
      return 0;
  }
  return 1;
}

/* Does token t open a new clause in a sentence ending at token end? */
static int is_clause_break(const ng_doc *doc, size_t t, size_t end)
{
  const ng_token *tk = &doc->tokens.v[t];
  if (tk->flags & NG_TOK_PUNCT)
    return ng_tok_is(doc, t, ";") || ng_tok_is(doc, t, ":") ||
           ng_tok_is(doc, t, "\xe2\x80\x94") || /* — */
           ng_tok_is(doc, t, "\xe2\x80\x93");   /* – */
  if (!(tk->flags & NG_TOK_WORD))
    return 0;
  for (size_t i = 0; subordinators[i]; i++)
    if (ng_tok_is_ci(doc, t, subordinators[i]))
      return !prepositional(doc, t, end);
  return 0;
}

/* First token of the mention covering byte offset, via a sorted scan. */
typedef struct {
  size_t first, last; /* mention index range in this sentence */
} mention_range;

static mention_range mentions_in(const ng_doc *doc, size_t start, size_t end)
{
  mention_range r = {0, 0};
  size_t lo = 0, hi = doc->mentions.n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (doc->mentions.v[mid].start < start)
      lo = mid + 1;
    else
      hi = mid;
  }
  r.first = lo;
  while (lo < doc->mentions.n && doc->mentions.v[lo].end <= end)
    lo++;
  r.last = lo;
  return r;
}

static void add_participant(ng_event *ev, size_t entity)
{
  for (size_t i = 0; i < ev->participants.n; i++)
    if (ev->participants.v[i] == entity)
      return;
  *NG_VEC_PUSH(ev->participants) = entity;
}

static int cmp_size(const void *a, const void *b)
{
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

/* The doc entity an @handle token stands for, or -1. */
static long handle_entity(const ng_doc *doc, size_t t)
{
  size_t n;
  const char *h = ng_tok_text(doc, t, &n);
  for (size_t e = 0; e < doc->entities.n; e++) {
    const ng_dentity *de = &doc->entities.v[e];
    for (size_t a = 0; a < de->aliases.n; a++) {
      const char *al = de->aliases.v[a];
      if (strlen(al) == n && !strncasecmp(al, h, n))
        return (long)e;
    }
  }
  return -1;
}

/* Is token t inside timex k (byte spans)? */
static int in_span(const ng_token *tk, size_t start, size_t end)
{
  return tk->start >= start && tk->end <= end;
}

/*
 * Build the summary from tokens [from, to), leaving out [cut_start,
 * cut_end) (the date phrase), at most MAX_SUMMARY_WORDS words, cut at a
 * comma once it is long enough to stand alone.
 */
static char *summarize(ng_doc *doc, size_t from, size_t to, size_t cut_start,
                       size_t cut_end, const char *prefix)
{
  ng_buf b = NG_BUF_INIT;
  size_t words = 0;
  if (prefix) {
    ng_buf_adds(&b, prefix);
    words = 3;
  }
  /*
   * A comma right after the date phrase stays only when it is the
   * sentence's own: "handled twelve ships [on Wednesday], its busiest day"
   * keeps it, while "told reporters [on Monday, February 15], that"
   * (the date's closing comma) and "Musk, [on Sunday], invited" (the
   * phrase's pair of commas) lose theirs.
   */
  int cut = 0, comma_in_cut = 0, comma_before = 0;
  for (size_t t = from; t < to; t++) {
    const ng_token *tk = &doc->tokens.v[t];
    if (tk->start >= cut_start && tk->end <= cut_end) {
      if (!cut)
        comma_before = b.len && strchr(",-(", b.ptr[b.len - 1]) != NULL;
      cut = 1;
      comma_in_cut |= ng_tok_is(doc, t, ",");
      continue;
    }
    int punct = (tk->flags & NG_TOK_PUNCT) != 0;
    if (cut && punct && ng_tok_is(doc, t, ",") && (comma_in_cut || comma_before)) {
      if (comma_before && b.ptr[b.len - 1] == ',')
        ng_buf_setlen(&b, b.len - 1);
      cut = 0;
      continue;
    }
    cut = 0;
    if (punct && ng_tok_is(doc, t, ",") && words >= 12)
      break;
    if (!punct && ++words > MAX_SUMMARY_WORDS)
      break;
    /* Keep the text's own spacing; a cut leaves one space. */
    if (b.len && b.ptr[b.len - 1] != ' ' && ((tk->flags & NG_TOK_SPACE) ||
                  (t > from && doc->tokens.v[t - 1].end < tk->start)))
      ng_buf_addch(&b, ' ');
    ng_buf_add(&b, doc->text + tk->start, tk->end - tk->start);
  }
  /* No dangling punctuation at either end. */
  while (b.len && strchr(" ,;:.!?-([\"", b.ptr[b.len - 1]))
    ng_buf_setlen(&b, b.len - 1);
  size_t lead = 0;
  while (lead < b.len && strchr(" ,;:.-)]", b.ptr[lead]))
    lead++;
  char *s = ng_doc_strndup(doc, b.ptr + lead, b.len - lead);
  ng_buf_release(&b);
  /* Collapse line breaks inside the clause. */
  for (char *p = s; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return s;
}

static int is_pronoun_subject(const ng_doc *doc, size_t t)
{
  return ng_tok_is_ci(doc, t, "he") || ng_tok_is_ci(doc, t, "she");
}

/*
 * The last entity of a type named before byte offset `before`, or -1: a
 * binary search to the offset, then back, so a long article is not
 * rescanned from its start for every pronoun.
 */
static long last_named(const ng_doc *doc, size_t before, ng_entity_type type)
{
  size_t lo = 0, hi = doc->mentions.n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (doc->mentions.v[mid].end <= before)
      lo = mid + 1;
    else
      hi = mid;
  }
  while (lo > 0) {
    const ng_mention *m = &doc->mentions.v[--lo];
    if (m->type == type)
      return (long)m->entity;
  }
  return -1;
}

/* Auxiliaries and adverbs between a subject and its verb: "has also", "was". */
static int auxiliary(const ng_doc *doc, size_t t)
{
  static const char *const aux[] = {
      "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
      "will", "would", "could", "should", "may", "might", "can", "shall", "did",
      "does", "do", "also", "not", "never", "already", "just", "then", "again",
      "first", "later", "reportedly", "recently", "once", "still", "finally", NULL};
  size_t n;
  const char *w = ng_tok_text(doc, t, &n);
  if (!(doc->tokens.v[t].flags & NG_TOK_WORD))
    return 0;
  if (n > 4 && w[n - 2] == 'l' && w[n - 1] == 'y' && (doc->tokens.v[t].flags & NG_TOK_LOWER))
    return 1; /* "publicly", "quickly" */
  for (size_t i = 0; aux[i]; i++)
    if (ng_tok_is_ci(doc, t, aux[i]))
      return 1;
  return 0;
}

/*
 * What the relative pronoun at token p is about: a name right before it,
 * else the name before the comma that opens its apposition ("Clubhouse,
 * a San Francisco-based app that was launched"); -1 if none.
 */
static long antecedent(const ng_doc *doc, const ng_sentence *se, size_t p)
{
  size_t end = doc->tokens.v[p - 1].end;
  for (size_t t = p; t > se->tok_begin; t--) {
    if (t < p && ng_tok_is(doc, t, ",")) {
      end = doc->tokens.v[t - 1].end;
      break;
    }
  }
  mention_range r = mentions_in(doc, se->start, doc->tokens.v[p].start);
  for (size_t k = r.first; k < r.last; k++)
    if (doc->mentions.v[k].end == doc->tokens.v[p - 1].end)
      return (long)doc->mentions.v[k].entity;
  for (size_t k = r.first; k < r.last; k++)
    if (doc->mentions.v[k].end == end)
      return (long)doc->mentions.v[k].entity;
  return -1;
}

/* Words before a date phrase that belong to it in a summary. */
static int date_preposition(const ng_doc *doc, size_t t)
{
  static const char *const preps[] = {"on", "in", "at", "by", "since",
                                      "earlier", "from", "during", "until",
                                      "to", NULL};
  for (size_t i = 0; preps[i]; i++)
    if (ng_tok_is_ci(doc, t, preps[i]))
      return 1;
  return 0;
}

/* Token index of the first token at or after byte offset off. */
static size_t token_at(const ng_doc *doc, size_t off)
{
  size_t lo = 0, hi = doc->tokens.n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (doc->tokens.v[mid].start < off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static int is_dash(const ng_doc *doc, size_t t)
{
  return (doc->tokens.v[t].flags & NG_TOK_PUNCT) &&
         (ng_tok_is(doc, t, "\xe2\x80\x94") || ng_tok_is(doc, t, "\xe2\x80\x93") ||
          ng_tok_is(doc, t, "-"));
}

/*
 * "<tweet text> — Name (@handle) Date": an embedded tweet.  Returns 1
 * and adds the event when sentence s ends that way.
 */
static int embedded_tweet(ng_doc *doc, size_t s, size_t tx)
{
  const ng_sentence *se = &doc->sentences.v[s];
  const ng_timex *x = &doc->timexes.v[tx];
  /* Walk back from the date: ")" handle "(" name dash. */
  size_t t = token_at(doc, x->start);
  if (t < se->tok_begin + 4 || t > se->tok_end)
    return 0;
  if (!ng_tok_is(doc, t - 1, ")") ||
      !(doc->tokens.v[t - 2].flags & NG_TOK_HANDLE) || !ng_tok_is(doc, t - 3, "("))
    return 0;
  size_t name_end = doc->tokens.v[t - 4].end;
  mention_range r = mentions_in(doc, se->start, name_end);
  if (r.last == r.first || doc->mentions.v[r.last - 1].end != name_end)
    return 0;
  const ng_mention *author = &doc->mentions.v[r.last - 1];
  size_t name_tok = token_at(doc, author->start);
  if (name_tok < se->tok_begin + 1 || !is_dash(doc, name_tok - 1))
    return 0;
  /* The tweet: this sentence before the dash, else the sentence before. */
  size_t from = se->tok_begin, to = name_tok - 1, src = s;
  if (to - from < 3 && s > 0) {
    src = s - 1;
    from = doc->sentences.v[src].tok_begin;
    to = doc->sentences.v[src].tok_end;
  }
  if (to <= from)
    return 0;
  ng_precision prec;
  char date[48];
  if (!placeable(doc, x, &prec, date, sizeof(date)))
    return 0;
  ng_event *ev = NG_VEC_PUSH(doc->events);
  ev->sentence = src;
  ev->timex = tx;
  ev->actor = author->entity;
  memcpy(ev->date, date, sizeof(date));
  ev->precision = prec;
  ev->trigger = ng_doc_strdup(doc, "tweet");
  add_participant(ev, author->entity);
  size_t a = doc->tokens.v[from].start, b = doc->tokens.v[to - 1].end;
  mention_range in = mentions_in(doc, a, b);
  for (size_t m = in.first; m < in.last; m++)
    add_participant(ev, doc->mentions.v[m].entity);
  for (size_t k = from; k < to; k++) {
    if (doc->tokens.v[k].flags & NG_TOK_HANDLE) {
      long e = handle_entity(doc, k);
      if (e >= 0)
        add_participant(ev, (size_t)e);
    }
  }
  const ng_dentity *who = &doc->entities.v[author->entity];
  ng_buf prefix = NG_BUF_INIT;
  ng_buf_addf(&prefix, "%s tweeted: ", who->name);
  char *text = summarize(doc, from, to, 0, 0, NULL);
  ng_buf_adds(&prefix, text);
  ev->summary = ng_doc_strdup(doc, prefix.ptr);
  ng_buf_release(&prefix);
  return 1;
}

/* An opening or closing quotation mark: '"', curly quotes, "``" or "''". */
static int quote_mark(const ng_doc *doc, size_t t)
{
  size_t n;
  const unsigned char *p = (const unsigned char *)ng_tok_text(doc, t, &n);
  if (!(doc->tokens.v[t].flags & NG_TOK_PUNCT))
    return 0;
  if (n == 1 && p[0] == '"')
    return 1;
  if (n == 3 && p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0x9c || p[2] == 0x9d))
    return 1;
  /* `` and '' come as two tokens; count the second of the pair */
  if (n != 1 || (p[0] != '`' && p[0] != '\'') || t == 0 ||
      doc->tokens.v[t - 1].end != doc->tokens.v[t].start)
    return 0;
  size_t m;
  const char *q = ng_tok_text(doc, t - 1, &m);
  return m == 1 && q[0] == (char)p[0];
}

/* Is token t inside quotation marks within sentence se? */
static int quoted(const ng_doc *doc, const ng_sentence *se, size_t t)
{
  int q = 0;
  for (size_t k = se->tok_begin; k < t; k++)
    q ^= quote_mark(doc, k);
  return q;
}

/*
 * Are tokens a and b in one clause: no clause break between them?  A
 * preposition right before the date does not part them ("searched for
 * Kopp since Oct. 23").
 */
static int same_clause(const ng_doc *doc, size_t a, size_t b, size_t date_tok, size_t end)
{
  size_t lo = a < b ? a : b, hi = a < b ? b : a;
  for (size_t t = lo + 1; t < hi; t++)
    if (t + 1 != date_tok && is_clause_break(doc, t, end))
      return 0;
  return 1;
}

typedef struct trigger {
  size_t tok;
  const char *base;
} trigger;

static int is_reporting(const char *base)
{
  return !strcmp(base, "say") || !strcmp(base, "tell") || !strcmp(base, "state") ||
         !strcmp(base, "add");
}

/*
 * The comma that opens a closing attribution, "..., the company said." or
 * "..., said harbour master Tove Lindqvist.": a comma, then a few words
 * with one reporting verb and no other happening, then only the
 * sentence's closing marks.  (size_t)-1 when the sentence has none.
 */
static size_t attribution(const ng_doc *doc, const ng_sentence *se)
{
  size_t end = se->tok_end;
  while (end > se->tok_begin && (doc->tokens.v[end - 1].flags & NG_TOK_PUNCT) &&
         !ng_tok_is(doc, end - 1, ","))
    end--;
  int verb = 0;
  for (size_t t = end; t > se->tok_begin + 1 && end - t < 8; t--) {
    size_t k = t - 1, n;
    if (ng_tok_is(doc, k, ","))
      return verb ? k : (size_t)-1;
    if (doc->tokens.v[k].flags & NG_TOK_PUNCT)
      return (size_t)-1;
    const char *w = ng_tok_text(doc, k, &n);
    const char *b = (doc->tokens.v[k].flags & NG_TOK_WORD) ? verb_base(w, n) : NULL;
    if (b) {
      if (verb || !is_reporting(b))
        return (size_t)-1;
      verb = 1;
    }
  }
  return (size_t)-1;
}

/* Words before a name that make it the object of a preposition. */
static int preposition(const ng_doc *doc, size_t t)
{
  static const char *const preps[] = {"of", "at", "in", "from", "for", "with", "near",
                                      "on", "by", "to", "outside", "inside", NULL};
  for (size_t i = 0; preps[i]; i++)
    if (ng_tok_is_ci(doc, t, preps[i]))
      return 1;
  return 0;
}

/*
 * Where the noun phrase that ends before token end starts: back to the
 * clause's start c0, a comma, a bracket or quotation mark, or a reporting
 * verb ("officials said that the crew walked out" -> "the crew").  Marks
 * inside names ("Brightwater's", "Inc.", "&", "-") do not stop it.
 */
static size_t phrase_start(const ng_doc *doc, size_t c0, size_t end)
{
  size_t k = end;
  while (k > c0) {
    size_t t = k - 1, n;
    const char *w = ng_tok_text(doc, t, &n);
    if (doc->tokens.v[t].flags & NG_TOK_PUNCT) {
      if (quote_mark(doc, t) || !(n == 1 ? strchr("'.&-", w[0]) != NULL
                                         : !strncmp(w, "\xe2\x80\x99", 3)))
        break;
    } else if (doc->tokens.v[t].flags & NG_TOK_WORD) {
      const char *b = verb_base(w, n);
      if (b && is_reporting(b))
        break;
    }
    k--;
  }
  if (k < end && ng_tok_is_ci(doc, k, "that"))
    k++;
  return k;
}

/*
 * Can a subject start at token t of sentence se: the sentence's first
 * word, a capitalised word, a determiner or a number word ("Two cargo
 * lines", "the crew", "several managers")?  A count in figures needs a
 * noun after it: "1.4bn reported" is no subject.
 */
static int subject_opens(const ng_doc *doc, const ng_sentence *se, size_t t, size_t end)
{
  static const char *const counts[] = {
      "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
      "eleven", "twelve", "several", "some", "many", "all", "both", "most", "each",
      "every", "few", "no", NULL};
  unsigned f = doc->tokens.v[t].flags;
  if (t == se->tok_begin || (f & NG_TOK_UPPER) || is_determiner(doc, t))
    return 1;
  if (f & NG_TOK_NUM)
    return end - t >= 2;
  for (size_t i = 0; counts[i]; i++)
    if (ng_tok_is_ci(doc, t, counts[i]))
      return 1;
  return 0;
}

/* One event from sentence s, if it has a date, a happening and a name. */
static void sentence_event(ng_doc *doc, size_t s, size_t tx_first,
                           size_t tx_last)
{
  const ng_sentence *se = &doc->sentences.v[s];
  mention_range mr = mentions_in(doc, se->start, se->end);
  if (mr.first == mr.last)
    return;
  for (size_t k = tx_first; k < tx_last; k++)
    if (embedded_tweet(doc, s, k))
      return;

  /* Candidate happenings: finite lexicon verbs outside names and dates. */
  NG_VEC(trigger) trig = {0};
  size_t m = mr.first, x = tx_first;
  for (size_t t = se->tok_begin; t < se->tok_end; t++) {
    const ng_token *tk = &doc->tokens.v[t];
    while (m < mr.last && doc->mentions.v[m].end <= tk->start)
      m++;
    while (x < tx_last && doc->timexes.v[x].end <= tk->start)
      x++;
    if (m < mr.last && in_span(tk, doc->mentions.v[m].start, doc->mentions.v[m].end))
      continue;
    if (x < tx_last && in_span(tk, doc->timexes.v[x].start, doc->timexes.v[x].end))
      continue;
    if (!(tk->flags & NG_TOK_WORD) || (tk->flags & NG_TOK_UPPER))
      continue;
    size_t n;
    const char *w = ng_tok_text(doc, t, &n);
    const char *base = verb_base(w, n);
    if (!base && n > 4 && w[n - 2] == 'e' && w[n - 1] == 'd' && t > se->tok_begin &&
        m > mr.first && doc->mentions.v[m - 1].end == doc->tokens.v[t - 1].end)
      base = ng_doc_strndup(doc, w, n); /* "Musk interviewed": a past after a name */
    if (base) {
      trigger *tr = NG_VEC_PUSH(trig);
      tr->tok = t;
      tr->base = base;
    }
  }
  if (!trig.n) {
    NG_VEC_FREE(trig);
    return;
  }

  /*
   * The (date, happening) pair closest together in one clause; "said"
   * yields to others.  "Interest jumped this month after Musk appeared on
   * the app" dates the jump, not the appearance.
   */
  size_t attr = attribution(doc, se);
  size_t best_t = 0, best_x = tx_first, best_score = (size_t)-1;
  for (size_t k = tx_first; k < tx_last; k++) {
    ng_precision p;
    char d[48];
    if (!placeable(doc, &doc->timexes.v[k], &p, d, sizeof(d)))
      continue;
    size_t xt = token_at(doc, doc->timexes.v[k].start);
    for (size_t i = 0; i < trig.n; i++) {
      if (!same_clause(doc, trig.v[i].tok, xt, xt, se->tok_end))
        continue;
      size_t dist = xt > trig.v[i].tok ? xt - trig.v[i].tok : trig.v[i].tok - xt;
      dist = dist * 2 + (is_reporting(trig.v[i].base) ? 6 : 0);
      /*
       * A closing attribution ("..., the company said") tells who
       * reported the happening; its verb takes a date only from its own
       * words, and the happening's verb not from them.
       */
      if ((trig.v[i].tok > attr) != (xt > attr))
        dist += 1000;
      if (dist < best_score) {
        best_score = dist;
        best_t = i;
        best_x = k;
      }
    }
  }
  if (best_score == (size_t)-1) {
    NG_VEC_FREE(trig);
    return;
  }
  trigger tr = trig.v[best_t];
  NG_VEC_FREE(trig);

  /* The happening's clause. */
  size_t c0 = tr.tok, c1 = tr.tok + 1;
  while (c0 > se->tok_begin && !is_clause_break(doc, c0 - 1, se->tok_end))
    c0--;
  while (c1 < se->tok_end && !is_clause_break(doc, c1, se->tok_end))
    c1++;
  /*
   * Who reports a happening takes no part in it: a closing attribution
   * stays out of the clause ("..., harbour master Tove Lindqvist said").
   */
  if (tr.tok < attr && attr < c1)
    c1 = attr;
  /* An attribution that is itself the happening is about the whole sentence. */
  if (tr.tok > attr)
    c0 = se->tok_begin;
  size_t a = doc->tokens.v[c0].start, b = doc->tokens.v[c1 - 1].end;
  size_t trig_start = doc->tokens.v[tr.tok].start;
  const ng_timex *tx = &doc->timexes.v[best_x];
  size_t cut_start = tx->start, cut_end = tx->end;
  size_t xt = token_at(doc, tx->start);
  if (xt > 0 && date_preposition(doc, xt - 1))
    cut_start = doc->tokens.v[xt - 1].start;

  ng_event ev = {0};
  ev.actor = (size_t)-1;
  mention_range in = mentions_in(doc, a, b);
  size_t subject_tok = c0;
  int have_subject = 0;
  /*
   * Names quoted take no part in a happening told outside the quotes:
   * '"With the help of the Stanford Internet Observatory ...," the company
   * said on Friday' is the company's statement, not the observatory's.
   */
  int side = quoted(doc, se, tr.tok);
  /*
   * The subject: the first person named before the happening, else the
   * first name.  "Tesla and SpaceX CEO Elon Musk invited" reads "Elon
   * Musk invited"; "Elon Musk, the chief executive of Tesla, posted"
   * keeps Musk rather than Tesla.
   */
  int subject_person = 0;
  for (size_t k = in.first; k < in.last; k++) {
    const ng_mention *mk = &doc->mentions.v[k];
    size_t mt = token_at(doc, mk->start);
    if (quoted(doc, se, mt) != side)
      continue;
    add_participant(&ev, mk->entity);
    if (mk->end > trig_start)
      continue;
    int person = mk->type == NG_ENTITY_PERSON;
    if (!have_subject || (person && !subject_person)) {
      subject_tok = mt;
      have_subject = 1;
      subject_person = person;
      ev.actor = mk->entity;
    }
  }
  for (size_t k = c0; k < c1; k++) {
    if (doc->tokens.v[k].flags & NG_TOK_HANDLE) {
      long e = handle_entity(doc, k);
      if (e >= 0)
        add_participant(&ev, (size_t)e);
    }
  }
  const char *prefix = NULL;
  /*
   * The subject right before the verb group, when there is one: "Peskov
   * told", "he has also agreed", "it was banned" (the last organization
   * named), "an app that was launched" (what the relative clause is
   * about; the summary then is that clause alone).
   */
  size_t vg = tr.tok;
  while (vg > c0 && (auxiliary(doc, vg - 1) ||
                     in_span(&doc->tokens.v[vg - 1], cut_start, cut_end)))
    vg--;
  if (tr.tok > attr) {
    /* The attribution is the happening: the summary keeps the sentence whole. */
    subject_tok = c0;
    have_subject = 1;
  } else if (vg > c0) {
    size_t p = vg - 1;
    long who = -1;
    int found = 0;
    for (size_t k = in.first; k < in.last && !found; k++) {
      const ng_mention *mk = &doc->mentions.v[k];
      if (mk->end == doc->tokens.v[p].end && quoted(doc, se, p) == side) {
        subject_tok = token_at(doc, mk->start);
        have_subject = found = 1;
        ev.actor = mk->entity;
      }
    }
    /*
     * A name after a preposition is not the subject but ends it: "Dockers
     * at the port of Norvale walked out", not "Norvale walked out".
     * Without a name there, the subject is the noun phrase before the
     * verb group ("Two cargo lines ... returned"), when short enough to
     * leave room for the happening.
     */
    int name_in_phrase = found && subject_tok > c0 && preposition(doc, subject_tok - 1);
    int pronoun = is_pronoun_subject(doc, p) || ng_tok_is_ci(doc, p, "it") ||
                  ng_tok_is_ci(doc, p, "that") || ng_tok_is_ci(doc, p, "which") ||
                  ng_tok_is_ci(doc, p, "who");
    if (name_in_phrase || (!found && !pronoun)) {
      size_t np = phrase_start(doc, c0, vg);
      size_t words = 0;
      for (size_t k = np; k < vg; k++)
        words += (doc->tokens.v[k].flags & NG_TOK_WORD) != 0;
      /* A noun phrase ends in its noun, not in "of", "the" or "than". */
      int open_end = preposition(doc, p) || is_determiner(doc, p) ||
                     ng_tok_is_ci(doc, p, "than") || ng_tok_is_ci(doc, p, "as") ||
                     ng_tok_is_ci(doc, p, "and") || ng_tok_is_ci(doc, p, "or");
      if (np < vg && words <= 12 && !open_end && subject_opens(doc, se, np, vg)) {
        subject_tok = np;
        have_subject = 1;
      }
    }
    if (!found && (ng_tok_is_ci(doc, p, "he") || ng_tok_is_ci(doc, p, "she")))
      who = last_named(doc, doc->tokens.v[p].start, NG_ENTITY_PERSON);
    else if (!found && ng_tok_is_ci(doc, p, "it"))
      who = last_named(doc, doc->tokens.v[p].start, NG_ENTITY_ORG);
    else if (!found && (ng_tok_is_ci(doc, p, "that") || ng_tok_is_ci(doc, p, "which") ||
                        ng_tok_is_ci(doc, p, "who")))
      who = antecedent(doc, se, p);
    if (who >= 0) {
      add_participant(&ev, (size_t)who);
      prefix = doc->entities.v[who].name;
      subject_tok = vg;
      have_subject = 1;
      ev.actor = (size_t)who;
      if (!ng_tok_is_ci(doc, p, "he") && !ng_tok_is_ci(doc, p, "she") &&
          !ng_tok_is_ci(doc, p, "it"))
        for (size_t k = tr.tok + 1; k < c1; k++)
          if (ng_tok_is(doc, k, ",")) {
            c1 = k; /* the relative clause ends at its comma */
            break;
          }
    }
  }
  if (!have_subject) {
    for (size_t k = c0; k < tr.tok; k++) {
      if (is_pronoun_subject(doc, k)) {
        long p = last_named(doc, se->start, NG_ENTITY_PERSON);
        if (p >= 0) {
          add_participant(&ev, (size_t)p);
          prefix = doc->entities.v[p].name;
          subject_tok = k + 1;
          ev.actor = (size_t)p;
        }
        break;
      }
    }
  }
  if (!ev.participants.n)
    return;

  if (!placeable(doc, tx, &ev.precision, ev.date, sizeof(ev.date))) {
    NG_VEC_FREE(ev.participants);
    return;
  }
  ng_buf pre = NG_BUF_INIT;
  if (prefix) {
    ng_buf_adds(&pre, prefix);
    ng_buf_addch(&pre, ' ');
  }
  ev.summary = summarize(doc, subject_tok, c1, cut_start, cut_end,
                         prefix ? pre.ptr : NULL);
  ng_buf_release(&pre);
  ev.sentence = s;
  ev.timex = best_x;
  ev.trigger = ng_doc_strdup(doc, tr.base);
  qsort(ev.participants.v, ev.participants.n, sizeof(size_t), cmp_size);
  *NG_VEC_PUSH(doc->events) = ev;
}

int ng_events_find(ng_doc *doc)
{
  size_t x = 0;
  for (size_t s = 0; s < doc->sentences.n; s++) {
    const ng_sentence *se = &doc->sentences.v[s];
    while (x < doc->timexes.n && doc->timexes.v[x].end <= se->start)
      x++;
    size_t first = x, last = x;
    while (last < doc->timexes.n && doc->timexes.v[last].start < se->end)
      last++;
    /* Only calendar dates anchor events. */
    int any = 0;
    for (size_t k = first; k < last; k++) {
      ng_precision p;
      char d[48];
      const ng_timex *t = &doc->timexes.v[k];
      if (placeable(doc, t, &p, d, sizeof(d)))
        any = 1;
    }
    if (any)
      sentence_event(doc, s, first, last);
    x = last > first ? last : x;
  }
  return 0;
}
