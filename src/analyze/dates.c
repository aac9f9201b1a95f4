/*
 * The temporal tagger: dates, times, durations and sets in the text, as
 * TimeML TIMEX3 (type and value), normalized against the publication date.
 *
 * The method is HeidelTime's in spirit, without its regular expressions:
 * every token gets a class from a small lexicon (month, weekday, unit,
 * number word, trigger word) once, and only tokens that can start a
 * temporal expression are tried against the hand-written patterns below.
 * At each such token every pattern is tried and the longest match wins;
 * the scan then resumes after it, so timexes come out in text order and
 * never overlap.
 *
 * Span conventions follow the TimeML annotation guidelines: leading
 * prepositions ("on", "in", "since") stay out; determiners and modifiers
 * that change the meaning stay in ("last week", "the past three years",
 * "a year ago", "early 1998", "the third quarter").
 *
 * Normalization needs an anchor, the publication date.  Relative
 * expressions are resolved against it, using the tense of the sentence
 * where the direction is open ("Friday" in a past-tense sentence is the
 * last Friday; in a future-tense one the next).  Without an anchor,
 * explicit dates still normalize and the rest get underspecified values
 * ("XXXX-XX-XX", "XXXX-WXX-5").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"

/* Token classes, from the lexicon or the token's shape. */
enum {
  C_NONE = 0,
  C_WORD,   /* a trigger word: val is a W_ code */
  C_MONTH,  /* val 1..12 */
  C_WDAY,   /* val 1..7, Monday first */
  C_WDAYS,  /* plural weekday, "Tuesdays" */
  C_NUMW,   /* number word, val its value */
  C_ORD,    /* ordinal word, val its value */
  C_UNIT,   /* val a U_ code */
  C_UNITS,  /* plural unit */
  C_SEASON, /* val 1..4: spring, summer, fall, winter */
  C_PART,   /* part of day, val 1..5: morning, afternoon, evening, night, dawn */
  C_PARTS,  /* plural part of day */
  C_NUM,    /* a number token */
  C_HYPH,   /* a hyphenated word whose first part may matter */
  C_DECW    /* a decade word, val 2..9: "twenties" .. "nineties" */
};

enum {
  U_SEC = 1, U_MIN, U_HOUR, U_DAY, U_WEEK, U_WEEKEND, U_FORTNIGHT, U_MONTH,
  U_QUARTER, U_HALF, U_YEAR, U_DECADE, U_CENTURY, U_MILLENNIUM
};

enum {
  W_NONE = 0, W_A, W_ABOUT, W_AFTER, W_AGO, W_ALMOST, W_AN, W_ANNUAL,
  W_ANNUALLY, W_AT, W_BEFORE, W_BEGIN, W_CHRISTMAS, W_COMING, W_COUPLE,
  W_CURRENT, W_CURRENTLY, W_DAILY, W_EACH, W_EARLIER, W_EARLY, W_EASTER,
  W_END, W_EVE, W_EVERY, W_FEW, W_FISCAL, W_FOLLOWING, W_FOR, W_FROM, W_FULL,
  W_FUTURE, W_HALLOWEEN, W_HENCE, W_HOURLY, W_IN, W_JUST, W_LAST, W_LATE,
  W_LATER, W_LATEST, W_LEAST, W_LESS, W_MANY, W_MID, W_MIDDAY, W_MIDDLE,
  W_MIDNIGHT, W_MONTHLY, W_MORE, W_NEW, W_NEXT, W_NOON, W_NOW, W_NOWADAYS,
  W_OF, W_ON, W_ONCE, W_OVER, W_OVERNIGHT, W_PAST, W_PER, W_PERIOD, W_PRESENT,
  W_PREVIOUS, W_PREVIOUSLY, W_QUARTERLY, W_RECENT, W_RECENTLY, W_SAME,
  W_SEASON, W_SEVERAL, W_SOME, W_SOON, W_THAN, W_THANKSGIVING, W_THAT,
  W_THE, W_THESE, W_THIS, W_TIMES, W_TODAY, W_TOMORROW, W_TONIGHT, W_TWICE,
  W_WEEKLY, W_YESTERDAY
};

typedef struct lexent {
  const char *w;
  unsigned char cls;
  unsigned char val;
} lexent;

/* Sorted by strcmp (the lookup is a binary search). */
static const lexent lexicon[] = {
  {"a", C_WORD, W_A},
  {"about", C_WORD, W_ABOUT},
  {"after", C_WORD, W_AFTER},
  {"afternoon", C_PART, 2},
  {"afternoons", C_PARTS, 2},
  {"ago", C_WORD, W_AGO},
  {"almost", C_WORD, W_ALMOST},
  {"an", C_WORD, W_AN},
  {"annual", C_WORD, W_ANNUAL},
  {"annually", C_WORD, W_ANNUALLY},
  {"approximately", C_WORD, W_ABOUT},
  {"apr", C_MONTH, 4},
  {"april", C_MONTH, 4},
  {"around", C_WORD, W_ABOUT},
  {"at", C_WORD, W_AT},
  {"aug", C_MONTH, 8},
  {"august", C_MONTH, 8},
  {"autumn", C_SEASON, 3},
  {"before", C_WORD, W_BEFORE},
  {"beginning", C_WORD, W_BEGIN},
  {"centuries", C_UNITS, 13},
  {"century", C_UNIT, 13},
  {"christmas", C_WORD, W_CHRISTMAS},
  {"coming", C_WORD, W_COMING},
  {"couple", C_WORD, W_COUPLE},
  {"current", C_WORD, W_CURRENT},
  {"currently", C_WORD, W_CURRENTLY},
  {"daily", C_WORD, W_DAILY},
  {"dawn", C_PART, 5},
  {"day", C_UNIT, 4},
  {"days", C_UNITS, 4},
  {"dec", C_MONTH, 12},
  {"decade", C_UNIT, 12},
  {"decades", C_UNITS, 12},
  {"december", C_MONTH, 12},
  {"each", C_WORD, W_EACH},
  {"earlier", C_WORD, W_EARLIER},
  {"early", C_WORD, W_EARLY},
  {"easter", C_WORD, W_EASTER},
  {"eight", C_NUMW, 8},
  {"eighteen", C_NUMW, 18},
  {"eighth", C_ORD, 8},
  {"eighties", C_DECW, 8},
  {"eighty", C_NUMW, 80},
  {"eleven", C_NUMW, 11},
  {"end", C_WORD, W_END},
  {"eve", C_WORD, W_EVE},
  {"evening", C_PART, 3},
  {"evenings", C_PARTS, 3},
  {"every", C_WORD, W_EVERY},
  {"fall", C_SEASON, 3},
  {"feb", C_MONTH, 2},
  {"february", C_MONTH, 2},
  {"few", C_WORD, W_FEW},
  {"fifteen", C_NUMW, 15},
  {"fifth", C_ORD, 5},
  {"fifties", C_DECW, 5},
  {"fifty", C_NUMW, 50},
  {"first", C_ORD, 1},
  {"fiscal", C_WORD, W_FISCAL},
  {"five", C_NUMW, 5},
  {"following", C_WORD, W_FOLLOWING},
  {"for", C_WORD, W_FOR},
  {"formerly", C_WORD, W_PREVIOUSLY},
  {"forties", C_DECW, 4},
  {"fortnight", C_UNIT, 7},
  {"forty", C_NUMW, 40},
  {"four", C_NUMW, 4},
  {"fourteen", C_NUMW, 14},
  {"fourth", C_ORD, 4},
  {"fri", C_WDAY, 5},
  {"friday", C_WDAY, 5},
  {"fridays", C_WDAYS, 5},
  {"from", C_WORD, W_FROM},
  {"full", C_WORD, W_FULL},
  {"future", C_WORD, W_FUTURE},
  {"half", C_UNIT, 10},
  {"halloween", C_WORD, W_HALLOWEEN},
  {"hence", C_WORD, W_HENCE},
  {"hour", C_UNIT, 3},
  {"hourly", C_WORD, W_HOURLY},
  {"hours", C_UNITS, 3},
  {"in", C_WORD, W_IN},
  {"jan", C_MONTH, 1},
  {"january", C_MONTH, 1},
  {"jul", C_MONTH, 7},
  {"july", C_MONTH, 7},
  {"jun", C_MONTH, 6},
  {"june", C_MONTH, 6},
  {"just", C_WORD, W_JUST},
  {"last", C_WORD, W_LAST},
  {"late", C_WORD, W_LATE},
  {"lately", C_WORD, W_RECENTLY},
  {"later", C_WORD, W_LATER},
  {"latest", C_WORD, W_LATEST},
  {"least", C_WORD, W_LEAST},
  {"less", C_WORD, W_LESS},
  {"many", C_WORD, W_MANY},
  {"mar", C_MONTH, 3},
  {"march", C_MONTH, 3},
  {"may", C_MONTH, 5},
  {"mid", C_WORD, W_MID},
  {"midday", C_WORD, W_MIDDAY},
  {"middle", C_WORD, W_MIDDLE},
  {"midnight", C_WORD, W_MIDNIGHT},
  {"millennium", C_UNIT, 14},
  {"minute", C_UNIT, 2},
  {"minutes", C_UNITS, 2},
  {"mon", C_WDAY, 1},
  {"monday", C_WDAY, 1},
  {"mondays", C_WDAYS, 1},
  {"month", C_UNIT, 8},
  {"monthly", C_WORD, W_MONTHLY},
  {"months", C_UNITS, 8},
  {"more", C_WORD, W_MORE},
  {"morning", C_PART, 1},
  {"mornings", C_PARTS, 1},
  {"nearly", C_WORD, W_ALMOST},
  {"new", C_WORD, W_NEW},
  {"next", C_WORD, W_NEXT},
  {"night", C_PART, 4},
  {"nights", C_PARTS, 4},
  {"nine", C_NUMW, 9},
  {"nineteen", C_NUMW, 19},
  {"nineties", C_DECW, 9},
  {"ninety", C_NUMW, 90},
  {"ninth", C_ORD, 9},
  {"noon", C_WORD, W_NOON},
  {"nov", C_MONTH, 11},
  {"november", C_MONTH, 11},
  {"now", C_WORD, W_NOW},
  {"nowadays", C_WORD, W_NOWADAYS},
  {"oct", C_MONTH, 10},
  {"october", C_MONTH, 10},
  {"of", C_WORD, W_OF},
  {"on", C_WORD, W_ON},
  {"once", C_WORD, W_ONCE},
  {"one", C_NUMW, 1},
  {"only", C_WORD, W_JUST},
  {"over", C_WORD, W_OVER},
  {"overnight", C_WORD, W_OVERNIGHT},
  {"past", C_WORD, W_PAST},
  {"per", C_WORD, W_PER},
  {"period", C_WORD, W_PERIOD},
  {"present", C_WORD, W_PRESENT},
  {"previous", C_WORD, W_PREVIOUS},
  {"previously", C_WORD, W_PREVIOUSLY},
  {"quarter", C_UNIT, 9},
  {"quarterly", C_WORD, W_QUARTERLY},
  {"quarters", C_UNITS, 9},
  {"recent", C_WORD, W_RECENT},
  {"recently", C_WORD, W_RECENTLY},
  {"roughly", C_WORD, W_ABOUT},
  {"same", C_WORD, W_SAME},
  {"sat", C_WDAY, 6},
  {"saturday", C_WDAY, 6},
  {"saturdays", C_WDAYS, 6},
  {"season", C_WORD, W_SEASON},
  {"second", C_ORD, 2},
  {"seconds", C_UNITS, 1},
  {"sep", C_MONTH, 9},
  {"sept", C_MONTH, 9},
  {"september", C_MONTH, 9},
  {"seven", C_NUMW, 7},
  {"seventeen", C_NUMW, 17},
  {"seventh", C_ORD, 7},
  {"seventies", C_DECW, 7},
  {"seventy", C_NUMW, 70},
  {"several", C_WORD, W_SEVERAL},
  {"six", C_NUMW, 6},
  {"sixteen", C_NUMW, 16},
  {"sixth", C_ORD, 6},
  {"sixties", C_DECW, 6},
  {"sixty", C_NUMW, 60},
  {"some", C_WORD, W_SOME},
  {"soon", C_WORD, W_SOON},
  {"spring", C_SEASON, 1},
  {"start", C_WORD, W_BEGIN},
  {"summer", C_SEASON, 2},
  {"sun", C_WDAY, 7},
  {"sunday", C_WDAY, 7},
  {"sundays", C_WDAYS, 7},
  {"ten", C_NUMW, 10},
  {"tenth", C_ORD, 10},
  {"than", C_WORD, W_THAN},
  {"thanksgiving", C_WORD, W_THANKSGIVING},
  {"that", C_WORD, W_THAT},
  {"the", C_WORD, W_THE},
  {"these", C_WORD, W_THESE},
  {"third", C_ORD, 3},
  {"thirteen", C_NUMW, 13},
  {"thirties", C_DECW, 3},
  {"thirty", C_NUMW, 30},
  {"this", C_WORD, W_THIS},
  {"three", C_NUMW, 3},
  {"thu", C_WDAY, 4},
  {"thur", C_WDAY, 4},
  {"thurs", C_WDAY, 4},
  {"thursday", C_WDAY, 4},
  {"thursdays", C_WDAYS, 4},
  {"times", C_WORD, W_TIMES},
  {"today", C_WORD, W_TODAY},
  {"tomorrow", C_WORD, W_TOMORROW},
  {"tonight", C_WORD, W_TONIGHT},
  {"tue", C_WDAY, 2},
  {"tues", C_WDAY, 2},
  {"tuesday", C_WDAY, 2},
  {"tuesdays", C_WDAYS, 2},
  {"twelfth", C_ORD, 12},
  {"twelve", C_NUMW, 12},
  {"twenties", C_DECW, 2},
  {"twenty", C_NUMW, 20},
  {"twice", C_WORD, W_TWICE},
  {"two", C_NUMW, 2},
  {"upcoming", C_WORD, W_COMING},
  {"wed", C_WDAY, 3},
  {"wednesday", C_WDAY, 3},
  {"wednesdays", C_WDAYS, 3},
  {"week", C_UNIT, 5},
  {"weekend", C_UNIT, 6},
  {"weekends", C_UNITS, 6},
  {"weekly", C_WORD, W_WEEKLY},
  {"weeks", C_UNITS, 5},
  {"winter", C_SEASON, 4},
  {"year", C_UNIT, 11},
  {"yearly", C_WORD, W_ANNUALLY},
  {"years", C_UNITS, 11},
  {"yesterday", C_WORD, W_YESTERDAY},
};

/* Per-token class, filled once per document. */
typedef struct tokc {
  unsigned char cls, val;
} tokc;

enum { T_UNSET = 0, T_NONE, T_PAST, T_FUT };

/* The scan state: the document, its anchor, the sentence being read. */
typedef struct scan {
  ng_doc *doc;
  tokc *c;
  size_t sb, se, sent; /* the sentence: tokens [sb, se), its index */
  int has_a;
  ng_ymd a; /* the anchor, when has_a */
  int tense; /* T_UNSET until the sentence's markers are collected */
  /* Tense markers of the sentence: token positions, reporting verbs apart. */
  size_t fut[32], past[32], say[32];
  int nfut, npast, nsay;
  /* Quotation marks of the sentence: a quote has its own tense. */
  size_t quote[16];
  int nquote;
  /* "that", "which", "who": a clause after the date is not its clause */
  size_t comp[16];
  int ncomp;
  size_t at; /* the token whose tense is asked */
  size_t from; /* where the whole expression being matched starts */
  int depth;   /* match_at nesting */
  /*
   * The last quarter named ("the third quarter"): "the quarter" is it;
   * and the last named that had ended by the anchor: "the latest quarter".
   */
  struct qmem {
    int qy, qn, cqy, cqn;
  } qm;
  /* The last explicit date: "that day", "later that year" refer to it. */
  ng_ymd ref;
  int ref_gran; /* 0 none, 1 year, 2 month, 3 day */
  /*
   * Where a quarter and a longer stretch of months ("the first nine
   * months", "the first half", "the year") were last named: "a year
   * earlier" compares with whichever came last.
   */
  size_t q_at, span_at;
  /* The last date of any kind: "the following month" counts from it. */
  ng_ymd last;
  int last_gran;
  /* How the value of the pattern being matched hangs on the anchor. */
  ng_timex_rel rel;
} scan;

/* A match: tokens [b, e), its type and value. */
typedef struct hit {
  size_t b, e;
  ng_timex_type type;
  char v[48];
} hit;

static const unsigned char month_len[] = {7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8};
static const char *const season_code[] = {"", "SP", "SU", "FA", "WI"};
static const char *const part_code[] = {"", "MO", "AF", "EV", "NI", "MO"};

/* ---- tokens ---------------------------------------------------------- */

static int cls(const scan *s, size_t i)
{
  return i < s->se ? s->c[i].cls : C_NONE;
}

static int val(const scan *s, size_t i)
{
  return s->c[i].val;
}

static int isw(const scan *s, size_t i, int w)
{
  return i < s->se && s->c[i].cls == C_WORD && s->c[i].val == w;
}

static unsigned flags(const scan *s, size_t i)
{
  return s->doc->tokens.v[i].flags;
}

static const char *text(const scan *s, size_t i, size_t *n)
{
  return ng_tok_text(s->doc, i, n);
}

static int punct(const scan *s, size_t i, int ch)
{
  size_t n;
  if (i >= s->se || !(flags(s, i) & NG_TOK_PUNCT))
    return 0;
  return (unsigned char)*text(s, i, &n) == ch;
}

/* Lower-case ASCII copy of t[0..n) into buf, NUL-terminated (n + 1 bytes). */
static void lower_copy(const char *t, size_t n, char *buf)
{
  for (size_t k = 0; k < n; k++) {
    char ch = t[k];
    buf[k] = (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
  }
  buf[n] = 0;
}

/* Lower-case ASCII copy of token i into buf (cap bytes); 0 if too long. */
static size_t lower(const scan *s, size_t i, char *buf, size_t cap)
{
  size_t n;
  const char *t = text(s, i, &n);
  if (n + 1 > cap)
    return 0;
  lower_copy(t, n, buf);
  return n;
}

static const lexent *lookup(const char *w)
{
  size_t lo = 0, hi = sizeof(lexicon) / sizeof(lexicon[0]);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    /* The first letter settles most steps without a call. */
    int c = (unsigned char)w[0] - (unsigned char)lexicon[mid].w[0];
    if (!c)
      c = strcmp(w, lexicon[mid].w);
    if (!c)
      return &lexicon[mid];
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return NULL;
}

/* Is token i this word, ignoring case? */
static int is(const scan *s, size_t i, const char *w)
{
  return i < s->se && ng_tok_is_ci(s->doc, i, w);
}

/* The class of a token, from the lexicon or its shape. */
static tokc classify(const ng_doc *doc, size_t i)
{
  tokc r = {C_NONE, 0};
  const ng_token *t = &doc->tokens.v[i];
  size_t n = t->end - t->start;
  const char *p = doc->text + t->start;
  char buf[16];
  if (t->flags & NG_TOK_NUM) {
    r.cls = C_NUM;
    return r;
  }
  if (!(t->flags & NG_TOK_WORD))
    return r;
  if (n < 24 && memchr(p, '-', n)) {
    /* "fourth-quarter", "two-day", "mid-1990s", "year-earlier" */
    r.cls = C_HYPH;
    return r;
  }
  /* The longest word of the lexicon is "approximately". */
  if (n > 13)
    return r;
  lower_copy(p, n, buf);
  const lexent *e = lookup(buf);
  if (e) {
    r.cls = e->cls;
    r.val = e->val;
  }
  return r;
}

/* ---- numbers --------------------------------------------------------- */

/* Token i as plain digits: the value, and the count in *nd; or -1. */
static long digits(const scan *s, size_t i, int *nd)
{
  size_t n;
  if (nd)
    *nd = 0;
  if (cls(s, i) != C_NUM)
    return -1;
  const char *t = text(s, i, &n);
  if (n > 9)
    return -1;
  long v = 0;
  for (size_t k = 0; k < n; k++) {
    if (t[k] < '0' || t[k] > '9')
      return -1;
    v = v * 10 + (t[k] - '0');
  }
  if (nd)
    *nd = (int)n;
  return v;
}

/* A day of the month: "13", "13th", "1st". */
static int day_num(const scan *s, size_t i)
{
  size_t n;
  if (cls(s, i) != C_NUM)
    return 0;
  const char *t = text(s, i, &n);
  size_t k = 0;
  int v = 0;
  while (k < n && k < 2 && t[k] >= '0' && t[k] <= '9')
    v = v * 10 + (t[k++] - '0');
  if (k < n) {
    char a = (char)(t[k] | 0x20), b = k + 1 < n ? (char)(t[k + 1] | 0x20) : 0;
    int ok = n - k == 2 && ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
                            (a == 'r' && b == 'd') || (a == 't' && b == 'h'));
    if (!ok)
      return 0;
  }
  return v >= 1 && v <= 31 ? v : 0;
}

/* A four-digit year, 1000..2999. */
static int year_num(const scan *s, size_t i)
{
  int nd;
  long v = digits(s, i, &nd);
  return nd == 4 && v >= 1000 && v <= 2999 ? (int)v : 0;
}

static int hyph_number(const scan *s, size_t i);

/*
 * A year at i, in digits ("1996") or spoken ("nineteen ninety-six",
 * "nineteen eighty four", "two thousand", "two thousand and one"), as
 * transcripts of broadcasts write them.  Stores it in *y and returns the
 * token after it, or 0.
 */
static size_t year_at(const scan *s, size_t i, int *y)
{
  int k;
  if ((*y = year_num(s, i)))
    return i + 1;
  if (cls(s, i) != C_NUMW)
    return 0;
  int a = val(s, i);
  if (a == 2 && is(s, i + 1, "thousand")) {
    size_t j = i + 2;
    if (is(s, j, "and") && cls(s, j + 1) == C_NUMW)
      j++;
    *y = 2000;
    if (cls(s, j) == C_NUMW && val(s, j) < 20) {
      *y += val(s, j);
      j++;
    }
    return j;
  }
  if (a < 11 || a > 20)
    return 0;
  if (cls(s, i + 1) == C_HYPH && (k = hyph_number(s, i + 1)) > 20) {
    *y = a * 100 + k;
    return i + 2;
  }
  if (cls(s, i + 1) == C_NUMW && (k = val(s, i + 1)) >= 10) {
    size_t j = i + 2;
    if (k >= 20 && k % 10 == 0 && cls(s, j) == C_NUMW && val(s, j) < 10)
      k += val(s, j++);
    *y = a * 100 + k;
    return j;
  }
  return 0;
}

/* ---- values ---------------------------------------------------------- */

/* "2021-02-14", "2021-02", "2021"; a negative part is unknown ("XXXX"). */
static void put_date(char *v, int y, int m, int d)
{
  char ys[16];
  if (y < 0)
    strcpy(ys, "XXXX");
  else
    snprintf(ys, sizeof(ys), "%04d", y);
  if (!m)
    snprintf(v, 48, "%s", ys);
  else if (!d)
    snprintf(v, 48, "%s-%02d", ys, m);
  else
    snprintf(v, 48, "%s-%02d-%02d", ys, m, d);
}

static void put_ymd(char *v, ng_ymd t)
{
  put_date(v, t.y, t.m, t.d);
}

static void put_week(char *v, ng_ymd t)
{
  int wy, wn;
  ng_iso_week(t.y, t.m, t.d, &wy, &wn);
  snprintf(v, 48, "%04d-W%02d", wy, wn);
}

static ng_ymd add_months(ng_ymd t, int n)
{
  int k = t.y * 12 + (t.m - 1) + n;
  t.y = k / 12;
  t.m = k % 12 + 1;
  int dim = ng_days_in_month(t.y, t.m);
  if (t.d > dim)
    t.d = dim;
  return t;
}

static void append(char *v, const char *more)
{
  size_t n = strlen(v);
  snprintf(v + n, 48 - n, "%s", more);
}

/* ---- tense ----------------------------------------------------------- */

static int word_in(const char *w, const char *const *list)
{
  for (; *list; list++)
    if (!strcmp(w, *list))
      return 1;
  return 0;
}

/* An opening or closing quotation mark: '"', '``', "''", curly quotes. */
static int quote_mark(const scan *s, size_t i)
{
  size_t n;
  const unsigned char *t = (const unsigned char *)text(s, i, &n);
  if (n == 1 && t[0] == '"')
    return 1;
  if (n == 3 && t[0] == 0xe2 && t[1] == 0x80 && (t[2] == 0x9c || t[2] == 0x9d))
    return 1;
  /* `` and '' come as two tokens; count the second of the pair */
  if (n == 1 && (t[0] == '`' || t[0] == '\'') && i > s->sb &&
      s->doc->tokens.v[i - 1].end == s->doc->tokens.v[i].start && punct(s, i - 1, t[0]))
    return 1;
  return 0;
}

/* Is token i inside quotation marks (an odd number of them before it)? */
static int in_quote(const scan *s, size_t i)
{
  int k = 0;
  while (k < s->nquote && s->quote[k] < i)
    k++;
  return k & 1;
}

static size_t dist(size_t a, size_t b)
{
  return a > b ? a - b : b - a;
}

/*
 * The tense of the marker nearest s->at among those on one side of the
 * quotation marks (side 0 outside, 1 inside, -1 either).
 */
/*
 * May marker m speak for the date at s->at?  Not from the other side of
 * the quotation marks, nor from a clause that opens after the date: in
 * "Bush told reporters on Tuesday that the blockade might be extended",
 * "might" is the blockade's.
 */
static int governs(const scan *s, size_t m, int side)
{
  if (side >= 0 && in_quote(s, m) != side)
    return 0;
  for (int k = 0; k < s->ncomp; k++)
    if (s->comp[k] > s->at && s->comp[k] < m)
      return 0;
  return 1;
}

static int nearest_marker(const scan *s, int side)
{
  size_t df = (size_t)-1, dp = (size_t)-1;
  for (int k = 0; k < s->nfut; k++)
    if (governs(s, s->fut[k], side) && dist(s->fut[k], s->at) < df)
      df = dist(s->fut[k], s->at);
  for (int k = 0; k < s->npast; k++)
    if (governs(s, s->past[k], side) && dist(s->past[k], s->at) < dp)
      dp = dist(s->past[k], s->at);
  for (int k = 0; k < s->nsay; k++) {
    if (!governs(s, s->say[k], side))
      continue;
    size_t d = dist(s->say[k], s->at);
    /* "said Monday", "said on Monday" date the saying itself */
    d = d <= 2 ? d - 1 : d + 3;
    if (d < dp)
      dp = d;
  }
  if (df == (size_t)-1 && dp == (size_t)-1)
    return T_NONE;
  return df <= dp ? T_FUT : T_PAST;
}

/* What a word tells of tense, as bits. */
enum {
  K_FUT = 1,      /* points ahead: "will", "plans" */
  K_PAST = 2,     /* points back: "was", "met" */
  K_SAY = 4,      /* a reporting verb: dates the report */
  K_ADJ = 8,      /* makes an -ed word after it an adjective: "the", "still" */
  K_COMP = 16,    /* opens a clause: "that", "which", "who" */
  K_BE = 32,      /* makes a participle after it no past: "be", "is" */
  K_TO_FUT = 64,  /* points ahead before "to": "expected to", "going to" */
  K_NEXT = 128,   /* "next", ahead unless "next to" */
  K_NOT_ED = 256, /* ends in -ed but is no past: "need", "expected" */
  K_LOOK = 512    /* after "was"/"were", points ahead: "were planning to" */
};

typedef struct tenseword {
  const char *w;
  unsigned short k;
} tenseword;

/* Sorted by strcmp (binary search). */
static const tenseword tense_words[] = {
  {"a", K_ADJ}, {"ago", K_PAST}, {"an", K_ADJ}, {"are", K_BE}, {"be", K_BE},
  {"became", K_PAST}, {"began", K_PAST}, {"being", K_BE}, {"bought", K_PAST},
  {"broke", K_PAST}, {"brought", K_PAST}, {"came", K_PAST}, {"chose", K_PAST},
  {"did", K_PAST}, {"didn't", K_PAST}, {"due", K_LOOK},
  {"expected", K_TO_FUT | K_NOT_ED | K_LOOK}, {"fell", K_PAST}, {"fled", K_PAST},
  {"flew", K_PAST}, {"fought", K_PAST}, {"found", K_PAST}, {"gave", K_PAST},
  {"going", K_TO_FUT | K_LOOK}, {"got", K_PAST}, {"had", K_PAST}, {"hadn't", K_PAST},
  {"held", K_PAST}, {"her", K_ADJ}, {"his", K_ADJ}, {"hit", K_PAST}, {"indeed", K_NOT_ED},
  {"intends", K_FUT}, {"is", K_BE}, {"its", K_ADJ}, {"kept", K_PAST}, {"knew", K_PAST},
  {"last", K_PAST}, {"led", K_PAST}, {"left", K_PAST}, {"less", K_ADJ}, {"long", K_ADJ},
  {"lost", K_PAST}, {"made", K_PAST}, {"met", K_PAST}, {"might", K_FUT}, {"more", K_ADJ},
  {"most", K_ADJ}, {"much", K_ADJ}, {"need", K_NOT_ED}, {"newly", K_ADJ}, {"next", K_NEXT},
  {"our", K_ADJ}, {"paid", K_PAST}, {"payable", K_FUT}, {"plan", K_FUT},
  {"planned", K_FUT}, {"planning", K_FUT | K_LOOK}, {"plans", K_FUT},
  {"previously", K_ADJ}, {"quit", K_PAST}, {"ran", K_PAST}, {"recently", K_ADJ},
  {"rose", K_PAST}, {"said", K_SAY}, {"saw", K_PAST}, {"say", K_SAY}, {"says", K_SAY},
  {"scheduled", K_FUT | K_LOOK}, {"sent", K_PAST}, {"set", K_TO_FUT | K_LOOK},
  {"shall", K_FUT}, {"shot", K_PAST}, {"sold", K_PAST}, {"soon", K_FUT}, {"spent", K_PAST},
  {"spoke", K_PAST}, {"still", K_ADJ}, {"stood", K_PAST}, {"struck", K_PAST},
  {"that", K_COMP}, {"the", K_ADJ}, {"their", K_ADJ}, {"thought", K_PAST},
  {"to", K_LOOK}, {"told", K_SAY}, {"tomorrow", K_FUT}, {"took", K_PAST},
  {"upcoming", K_FUT}, {"very", K_ADJ}, {"was", K_PAST}, {"wasn't", K_PAST},
  {"well", K_ADJ}, {"went", K_PAST}, {"were", K_PAST}, {"weren't", K_PAST},
  {"which", K_COMP}, {"who", K_COMP}, {"will", K_FUT}, {"won", K_PAST}, {"won't", K_FUT},
  {"would", K_FUT}, {"wrote", K_PAST}, {"yesterday", K_PAST},
};

/* The tense bits of a lower-case word. */
static unsigned tense_bits(const char *w)
{
  size_t lo = 0, hi = sizeof(tense_words) / sizeof(tense_words[0]);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(w, tense_words[mid].w);
    if (!c)
      return tense_words[mid].k;
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return 0;
}

/* The tense bits of token i, or 0 for a non-word. */
static unsigned tok_bits(const scan *s, size_t i)
{
  char buf[16];
  if (i >= s->se || !(flags(s, i) & NG_TOK_WORD) || !lower(s, i, buf, sizeof(buf)))
    return 0;
  return tense_bits(buf);
}

/*
 * What the word before the whole expression says of its direction.
 * "On patrol since March": a start lies behind.  A deadline looks ahead:
 * "pay down the loan by February", "loans through January", "until 9
 * a.m. Tuesday", "ahead of the weekend", and so does a change announced
 * "effective Feb. 1"; unless a past verb is right there ("had fallen
 * sharply by Friday").  Markers must have been collected.
 */
static int lead_tense(const scan *s)
{
  char buf[16];
  size_t p = s->from - 1;
  if (s->from <= s->sb || !(flags(s, p) & NG_TOK_WORD) || !lower(s, p, buf, sizeof(buf)))
    return T_NONE;
  if (!strcmp(buf, "since"))
    return T_PAST;
  if (strcmp(buf, "by") && strcmp(buf, "until") && strcmp(buf, "through") &&
      strcmp(buf, "till") && strcmp(buf, "effective") &&
      !(!strcmp(buf, "of") && p > s->sb && is(s, p - 1, "ahead")))
    return T_NONE;
  for (int k = 0; k < s->npast; k++)
    if (dist(s->past[k], s->at) <= 4)
      return T_NONE;
  return T_FUT;
}

/*
 * The tense around token s->at, enough to say which way "Friday" or
 * "March 3" points.  The sentence's tense markers are collected once;
 * the nearest wins ("the talks, which began Tuesday, will resume Friday"),
 * a future marker on a tie, and a reporting verb ("said") counts as a
 * little farther away, since it dates the report rather than the event.
 */
static int tense(scan *s)
{
  if (s->tense == T_UNSET) {
    char buf[16];
    unsigned prev = 0; /* the bits of the word before */
    s->nfut = s->npast = s->nsay = s->nquote = s->ncomp = 0;
    for (size_t i = s->sb; i < s->se; i++) {
      if (!(flags(s, i) & NG_TOK_WORD)) {
        if (quote_mark(s, i) && s->nquote < 16)
          s->quote[s->nquote++] = i;
        prev = 0;
        continue;
      }
      size_t n = lower(s, i, buf, sizeof(buf));
      unsigned k = n ? tense_bits(buf) : 0, before = prev;
      prev = k;
      if (n < 2)
        continue;
      if ((k & K_COMP) && s->ncomp < 16)
        s->comp[s->ncomp++] = i;
      int fut = (k & K_FUT) || (n > 3 && !strcmp(buf + n - 3, "'ll")) ||
                ((k & K_TO_FUT) && is(s, i + 1, "to")) ||
                ((k & K_NEXT) && !is(s, i + 1, "to"));
      int past = (k & K_PAST) ||
                 (n >= 5 && buf[n - 2] == 'e' && buf[n - 1] == 'd' && !(k & K_NOT_ED));
      if (fut) {
        if (s->nfut < 32)
          s->fut[s->nfut++] = i;
      } else if (k & K_SAY) {
        if (s->nsay < 32)
          s->say[s->nsay++] = i;
      } else if (past &&
                 /* a participle after "be" is no past: "will be held" */
                 !(before & K_BE) &&
                 /* nor one after an article or adverb: "a still unspecified date" */
                 !(n > 4 && (before & K_ADJ)) &&
                 /* "were planning to", "was going to", "was due to" look ahead */
                 !((!strcmp(buf, "was") || !strcmp(buf, "were")) &&
                   (tok_bits(s, i + 1) & K_LOOK))) {
        if (s->npast < 32)
          s->past[s->npast++] = i;
      }
    }
    s->tense = T_NONE;
  }
  int t = lead_tense(s);
  if (t != T_NONE)
    return t;
  /*
   * Markers on the same side of the quotation marks first: in "Musk
   * tweeted on Sunday: 'Would you like to join me?'" the quote's "would"
   * says nothing of Sunday.  Only when that side has none, the others.
   */
  int side = in_quote(s, s->at);
  for (int pass = 0; pass < 2 && t == T_NONE; pass++)
    t = nearest_marker(s, pass ? -1 : side);
  return t;
}

/* Is a past-tense marker within d tokens of i ("was soon released")? */
static int past_near(scan *s, size_t i, size_t d)
{
  tense(s); /* collects the markers */
  for (int k = 0; k < s->npast; k++)
    if (dist(s->past[k], i) <= d)
      return 1;
  return 0;
}

/* ---- resolution ------------------------------------------------------ */

/*
 * The year of a year-less month or day: the anchor's, unless the tense
 * says the date lies the other way ("December 30", told in the past in a
 * January article, was last year).  Without tense, the nearest one.
 */
static int pick_year(ng_ymd a, int m, int t);

static int infer_year(scan *s, int m, int d)
{
  int t = tense(s);
  /* "the Oct. 23 slaying": a date named as an attribute is of a known, past event */
  if (t == T_NONE && s->from > s->sb && isw(s, s->from - 1, W_THE))
    t = T_PAST;
  s->rel.kind = NG_REL_MONTHDAY;
  s->rel.n = (short)m;
  s->rel.day = (signed char)d;
  s->rel.dir = (signed char)(t == T_PAST ? -1 : t == T_FUT ? 1 : 0);
  if (!s->has_a)
    return -1;
  return pick_year(s->a, m, t);
}

/* The year of month m seen from anchor a with tense t. */
static int pick_year(ng_ymd a, int m, int t)
{
  int y = a.y, best = y, bestd = 1 << 30;
  /*
   * Of last year, this year and next, in months from the anchor: a past
   * date is the latest not after it, a future one the earliest not before
   * it, an untensed one the nearest.  The anchor's own year gets two
   * months of slack either way, since news reports the recent past and
   * the near future and tense detection is rough.
   */
  for (int c = y - 1; c <= y + 1; c++) {
    int off = (c - y) * 12 + (m - a.m);
    int slack = c == y ? 2 : 0, dist;
    if (t == T_PAST)
      dist = off <= slack ? -off : 1 << 29;
    else if (t == T_FUT)
      dist = off >= -slack ? off : 1 << 29;
    else
      dist = (off < 0 ? -off : off) * 2 + (c != y);
    if (dist < bestd) {
      bestd = dist;
      best = c;
    }
  }
  return best;
}

/*
 * A weekday relative to the anchor.  dir < 0: the last one on or before
 * it; dir > 0: the next on or after it; |dir| == 2 excludes the anchor
 * day itself ("last Friday" said on a Friday is a week ago).
 */
static ng_ymd weekday_near(const scan *s, int wd, int dir)
{
  int aw = ng_weekday(s->a.y, s->a.m, s->a.d);
  int back = (aw - wd + 7) % 7, fwd = (wd - aw + 7) % 7;
  if (dir == -2 && !back)
    back = 7;
  if (dir == 2 && !fwd)
    fwd = 7;
  return ng_ymd_add_days(s->a, dir < 0 ? -back : fwd);
}

/* A weekday by the sentence's tense ("on Sunday"). */
static void weekday_value(scan *s, int wd, int dir, char *v)
{
  if (!dir)
    dir = tense(s) == T_FUT ? 1 : -1;
  s->rel.kind = NG_REL_WEEKDAY;
  s->rel.n = (short)wd;
  s->rel.dir = (signed char)dir;
  if (!s->has_a) {
    snprintf(v, 48, "XXXX-WXX-%d", wd);
    return;
  }
  put_ymd(v, weekday_near(s, wd, dir));
}

/* The anchor's quarter, 1..4. */
static int anchor_quarter(const scan *s)
{
  return (s->a.m - 1) / 3 + 1;
}

/* Remember a quarter named: "the quarter" later means it. */
static void remember_quarter(scan *s, int y, int q)
{
  s->qm.qy = y;
  s->qm.qn = q;
  if (s->has_a && y * 4 + q < s->a.y * 4 + anchor_quarter(s) &&
      y * 4 + q > s->qm.cqy * 4 + s->qm.cqn) {
    s->qm.cqy = y;
    s->qm.cqn = q;
  }
}

static void quarter_value(scan *s, int q, int y, char *v)
{
  if (y < 0 && s->has_a) {
    y = s->a.y;
    /* Reports look back: "fourth-quarter results" in January are last year's. */
    if (q > anchor_quarter(s) && tense(s) != T_FUT)
      y--;
  }
  if (y < 0) {
    snprintf(v, 48, "XXXX-Q%d", q);
    return;
  }
  snprintf(v, 48, "%04d-Q%d", y, q);
  remember_quarter(s, y, q);
}

/*
 * "The quarter", "the latest quarter": the latest named that had ended by
 * the anchor (the one reported on; "a fourth-quarter charge" foreseen in
 * October is not it, nor "a flat second quarter" recalled in a report on
 * the third), else the last named, else the last one ended.
 */
static void this_quarter(scan *s, int back, char *v)
{
  int y, q;
  if (s->qm.cqn) {
    y = s->qm.cqy;
    q = s->qm.cqn;
  } else if (s->qm.qn) {
    y = s->qm.qy;
    q = s->qm.qn;
  } else if (s->has_a) {
    y = s->a.y;
    q = anchor_quarter(s) - 1;
    if (!q) {
      q = 4;
      y--;
    }
  } else {
    snprintf(v, 48, "XXXX-QX");
    return;
  }
  snprintf(v, 48, "%04d-Q%d", y - back, q);
}

/* Is a quarter in focus here? */
static int quarter_focus(const scan *s)
{
  /*
   * Once an article has named a quarter it is reporting quarterly results,
   * and "a year ago" there means that quarter a year before.
   */
  return s->qm.qn != 0 && s->q_at >= s->span_at;
}

/* The season the anchor lies in, as an order within its year (Dec = 4). */
static int season_pos(int m)
{
  return m <= 2 ? 0 : m <= 5 ? 1 : m <= 8 ? 2 : m <= 11 ? 3 : 4;
}

/* dir -1 last, 0 this, +1 next; 2 = by tense (a bare "spring"). */
static void season_value(scan *s, int se, int dir, char *v)
{
  if (!s->has_a) {
    snprintf(v, 48, "XXXX-%s", season_code[se]);
    return;
  }
  int y = s->a.y, p = season_pos(s->a.m), t = se == 4 ? 4 : se;
  if (dir == 2)
    dir = tense(s) == T_PAST ? (t > p ? -1 : 0) : tense(s) == T_FUT ? (t < p ? 1 : 0) : 0;
  if (dir < 0 && t >= p)
    y--;
  if (dir > 0 && t <= p)
    y++;
  snprintf(v, 48, "%04d-%s", y, season_code[se]);
}

/* Note that the value is the anchor moved by n units ('D', 'W', 'M', 'Q', 'Y'). */
static void note_shift(scan *s, char unit, int n)
{
  s->rel.kind = NG_REL_SHIFT;
  s->rel.unit = unit;
  s->rel.n = (short)n;
}

/* The rel letter of a unit, or 0 when a shift in it is not re-resolved. */
static char rel_unit(int unit)
{
  switch (unit) {
  case U_DAY: return 'D';
  case U_WEEK: return 'W';
  case U_MONTH: return 'M';
  case U_QUARTER: return 'Q';
  case U_YEAR: return 'Y';
  }
  return 0;
}

/* A unit of the calendar we cannot place without an anchor: "XXXX-WXX". */
static int vague_unit(int unit, char *v)
{
  switch (unit) {
  case U_DAY: strcpy(v, "XXXX-XX-XX"); return 1;
  case U_WEEK: case U_FORTNIGHT: strcpy(v, "XXXX-WXX"); return 1;
  case U_WEEKEND: strcpy(v, "XXXX-WXX-WE"); return 1;
  case U_MONTH: strcpy(v, "XXXX-XX"); return 1;
  case U_QUARTER: strcpy(v, "XXXX-QX"); return 1;
  case U_HALF: strcpy(v, "XXXX-HX"); return 1;
  case U_YEAR: strcpy(v, "XXXX"); return 1;
  case U_DECADE: strcpy(v, "XXX"); return 1;
  case U_CENTURY: strcpy(v, "XX"); return 1;
  }
  return 0;
}

/*
 * The anchor moved by n units, written at the unit's granularity: "two
 * weeks ago" is a week, "a year ago" a year.  Returns 0 for units with no
 * calendar meaning here.
 */
static int shift_value(scan *s, int unit, int n, char *v)
{
  if (rel_unit(unit) && !(unit == U_YEAR && n == -1 && quarter_focus(s)))
    note_shift(s, rel_unit(unit), n);
  if (!s->has_a)
    return vague_unit(unit, v);
  ng_ymd t = s->a;
  switch (unit) {
  case U_DAY:
    put_ymd(v, ng_ymd_add_days(t, n));
    return 1;
  case U_WEEK:
  case U_FORTNIGHT:
    put_week(v, ng_ymd_add_days(t, 7 * n * (unit == U_FORTNIGHT ? 2 : 1)));
    return 1;
  case U_MONTH:
    t = add_months(t, n);
    put_date(v, t.y, t.m, 0);
    return 1;
  case U_QUARTER:
    t = add_months(t, 3 * n);
    snprintf(v, 48, "%04d-Q%d", t.y, (t.m - 1) / 3 + 1);
    return 1;
  case U_YEAR:
    if (n == -1 && quarter_focus(s)) {
      /* "Profit rose from a year ago": the same quarter, a year before. */
      this_quarter(s, 1, v);
      return 1;
    }
    put_date(v, t.y + n, 0, 0);
    return 1;
  case U_DECADE:
    put_date(v, t.y + 10 * n, 0, 0);
    return 1;
  case U_CENTURY:
    put_date(v, t.y + 100 * n, 0, 0);
    return 1;
  }
  return 0;
}

/* ---- quantities and durations ---------------------------------------- */

/* Approximators kept in a duration's span: "almost four years ago". */
static size_t approx(const scan *s, size_t i)
{
  if (isw(s, i, W_ALMOST) || isw(s, i, W_ABOUT) || isw(s, i, W_JUST) ||
      isw(s, i, W_OVER) || isw(s, i, W_SOME))
    return i + 1;
  if ((isw(s, i, W_MORE) || isw(s, i, W_LESS)) && isw(s, i + 1, W_THAN))
    return i + 2;
  if (isw(s, i, W_AT) && isw(s, i + 1, W_LEAST))
    return i + 2;
  return i;
}

/* A number word with its hyphenated forms: "twenty-five". */
static int hyph_number(const scan *s, size_t i)
{
  char buf[24];
  size_t n = lower(s, i, buf, sizeof(buf));
  char *dash = n ? memchr(buf, '-', n) : NULL;
  if (!dash)
    return 0;
  *dash = 0;
  const lexent *x = lookup(buf), *y = lookup(dash + 1);
  if (x && y && x->cls == C_NUMW && y->cls == C_NUMW && x->val >= 20 &&
      x->val % 10 == 0 && y->val < 10)
    return x->val + y->val;
  return 0;
}

/*
 * A quantity at i: "three", "3", "1.5", "twenty-five", "a", "a few",
 * "several".  Writes the number (or "X" when vague) into q and returns the
 * token after it, or i when there is none.
 */
static size_t qty_base(const scan *s, size_t i, char *q);

static int is_int(const char *q)
{
  if (!*q)
    return 0;
  for (; *q; q++)
    if (*q < '0' || *q > '9')
      return 0;
  return 1;
}

/* A half after a whole number: "5 1/2", "two and a half". */
static size_t qty(const scan *s, size_t i, char *q)
{
  size_t e = qty_base(s, i, q), n;
  if (e == i || !is_int(q))
    return e;
  if (cls(s, e) == C_NUM && text(s, e, &n) && n == 3 && !memcmp(text(s, e, &n), "1/2", 3)) {
    strcat(q, ".5");
    return e + 1;
  }
  if (is(s, e, "and") && isw(s, e + 1, W_A) && cls(s, e + 2) == C_UNIT &&
      val(s, e + 2) == U_HALF) {
    strcat(q, ".5");
    return e + 3;
  }
  return e;
}

static size_t qty_base(const scan *s, size_t i, char *q)
{
  int k;
  if (cls(s, i) == C_NUM) {
    size_t n;
    const char *t = text(s, i, &n);
    size_t o = 0;
    for (size_t j = 0; j < n; j++) {
      if (t[j] == ',')
        continue;
      if ((t[j] < '0' || t[j] > '9') && t[j] != '.')
        return i;
      if (o + 1 >= 12)
        return i;
      q[o++] = t[j];
    }
    q[o] = 0;
    return o ? i + 1 : i;
  }
  if (cls(s, i) == C_NUMW) {
    k = val(s, i);
    if (k >= 20 && k % 10 == 0 && cls(s, i + 1) == C_NUMW && val(s, i + 1) < 10) {
      snprintf(q, 12, "%d", k + val(s, i + 1));
      return i + 2;
    }
    snprintf(q, 12, "%d", k);
    return i + 1;
  }
  if (cls(s, i) == C_HYPH && (k = hyph_number(s, i))) {
    snprintf(q, 12, "%d", k);
    return i + 1;
  }
  if (isw(s, i, W_A) || isw(s, i, W_AN)) {
    if (isw(s, i + 1, W_FEW)) {
      strcpy(q, "X");
      return i + 2;
    }
    if (isw(s, i + 1, W_COUPLE) && isw(s, i + 2, W_OF)) {
      strcpy(q, "2");
      return i + 3;
    }
    strcpy(q, "1");
    return i + 1;
  }
  /* "the next couple of years" */
  if (isw(s, i, W_COUPLE) && isw(s, i + 1, W_OF)) {
    strcpy(q, "2");
    return i + 2;
  }
  if (isw(s, i, W_SEVERAL) || isw(s, i, W_FEW) || isw(s, i, W_MANY) ||
      isw(s, i, W_SOME)) {
    strcpy(q, "X");
    return i + 1;
  }
  return i;
}


/* TimeML duration of q units: "P3Y", "PT24H", "PXY". */
static int dur_value(const char *q, int unit, char *v)
{
  int vague = !strcmp(q, "X");
  long n = is_int(q) ? atol(q) : -1;
  size_t ql = strlen(q);
  if (ql > 2 && !strcmp(q + ql - 2, ".5")) {
    /* a half in the next smaller unit: "5 1/2 hours" is PT5H30M */
    long w = atol(q);
    switch (unit) {
    case U_MIN: snprintf(v, 48, "PT%ldM30S", w); return 1;
    case U_HOUR: snprintf(v, 48, "PT%ldH30M", w); return 1;
    case U_DAY: snprintf(v, 48, "P%ldDT12H", w); return 1;
    case U_YEAR: snprintf(v, 48, "P%ldY6M", w); return 1;
    }
  }
  switch (unit) {
  case U_SEC: snprintf(v, 48, "PT%sS", q); return 1;
  case U_MIN: snprintf(v, 48, "PT%sM", q); return 1;
  case U_HOUR: snprintf(v, 48, "PT%sH", q); return 1;
  case U_DAY: snprintf(v, 48, "P%sD", q); return 1;
  case U_WEEK: snprintf(v, 48, "P%sW", q); return 1;
  case U_WEEKEND:
    if (n == 1)
      strcpy(v, "P2D");
    else
      snprintf(v, 48, "P%sWE", q);
    return 1;
  case U_FORTNIGHT:
    if (n < 0)
      return 0;
    snprintf(v, 48, "P%ldW", 2 * n);
    return 1;
  case U_MONTH: snprintf(v, 48, "P%sM", q); return 1;
  case U_QUARTER: snprintf(v, 48, "P%sQ", q); return 1;
  case U_YEAR: snprintf(v, 48, "P%sY", q); return 1;
  case U_DECADE:
    if (n >= 0)
      snprintf(v, 48, "P%ldY", 10 * n);
    else
      snprintf(v, 48, vague ? "PXY" : "P%sDE", q); /* decades: some years */
    return 1;
  case U_CENTURY:
    if (n >= 0)
      snprintf(v, 48, "P%ldY", 100 * n);
    else
      snprintf(v, 48, vague ? "PXCE" : "P%sCE", q);
    return 1;
  case U_MILLENNIUM:
    if (n >= 0)
      snprintf(v, 48, "P%ldY", 1000 * n);
    else
      strcpy(v, "PXML");
    return 1;
  }
  return 0;
}

/* "a year" after an amount is a rate: "$5 a year", "twice a week". */
static int rate_context(const scan *s, size_t i)
{
  if (i <= s->sb)
    return 0;
  size_t p = i - 1;
  if (cls(s, p) == C_NUM || punct(s, p, '%') || isw(s, p, W_ONCE) ||
      isw(s, p, W_TWICE) || isw(s, p, W_TIMES))
    return 1;
  return is(s, p, "percent") || is(s, p, "cents") || is(s, p, "dollars") ||
         is(s, p, "million") || is(s, p, "billion") || is(s, p, "share");
}

/* ---- patterns -------------------------------------------------------- */

static int match_at(scan *s, size_t i, hit *h);

/* "10 a.m.", "10am", "08:18 PM", "noon": hour and minute, or 0. */
static size_t clock_time(const scan *s, size_t i, int *hh, int *mm)
{
  size_t n;
  char buf[12];
  if (isw(s, i, W_NOON) || isw(s, i, W_MIDDAY)) {
    *hh = 12;
    *mm = 0;
    return i + 1;
  }
  if (isw(s, i, W_MIDNIGHT)) {
    *hh = 24;
    *mm = 0;
    return i + 1;
  }
  if (cls(s, i) != C_NUM)
    return 0;
  const char *t = text(s, i, &n);
  size_t k = 0;
  int h = 0, m = 0, colon = 0;
  while (k < n && k < 2 && t[k] >= '0' && t[k] <= '9')
    h = h * 10 + (t[k++] - '0');
  if (!k)
    return 0;
  if (k < n && (t[k] == ':' || t[k] == '.')) {
    if (k + 3 > n || t[k + 1] < '0' || t[k + 1] > '5' || t[k + 2] < '0' ||
        t[k + 2] > '9')
      return 0;
    m = (t[k + 1] - '0') * 10 + (t[k + 2] - '0');
    colon = t[k] == ':';
    if (t[k] == '.' && k + 3 == n)
      return 0; /* "10.30" alone is a number */
    k += 3;
  }
  int ampm = 0;
  size_t e = i + 1;
  if (k < n) {
    /* "10am", "10pm" */
    if (n - k != 2 || (t[k + 1] | 0x20) != 'm')
      return 0;
    ampm = (t[k] | 0x20) == 'a' ? 1 : (t[k] | 0x20) == 'p' ? 2 : 0;
    if (!ampm)
      return 0;
  } else if (i + 1 < s->se && lower(s, i + 1, buf, sizeof(buf))) {
    if (!strcmp(buf, "a.m.") || !strcmp(buf, "am") || !strcmp(buf, "a.m"))
      ampm = 1;
    else if (!strcmp(buf, "p.m.") || !strcmp(buf, "pm") || !strcmp(buf, "p.m"))
      ampm = 2;
    else if (!strcmp(buf, "o'clock"))
      ampm = 3;
    if (ampm)
      e = i + 2;
    /* "a.m." is "a" "." "m" "." when followed by a capital: rare enough. */
  }
  if (!ampm && !colon)
    return 0;
  if (ampm == 1 || ampm == 2) {
    if (h < 1 || h > 12)
      return 0;
    if (ampm == 1 && h == 12)
      h = 0;
    if (ampm == 2 && h != 12)
      h += 12;
  } else if (h > 23) {
    return 0;
  }
  *hh = h;
  *mm = m;
  /* A time zone stays in the span: "9 a.m. EST". */
  if (e < s->se && (flags(s, e) & NG_TOK_ALLCAP) && lower(s, e, buf, sizeof(buf)) &&
      (!strcmp(buf, "est") || !strcmp(buf, "edt") || !strcmp(buf, "gmt") ||
       !strcmp(buf, "utc") || !strcmp(buf, "et") || !strcmp(buf, "pst") ||
       !strcmp(buf, "pdt") || !strcmp(buf, "bst") || !strcmp(buf, "cet") ||
       !strcmp(buf, "ist") || !strcmp(buf, "cst") || !strcmp(buf, "cdt")))
    e++;
  return e;
}

/* The anchor moved by shift days, or an unknown day without one. */
static void anchor_day(scan *s, int shift, char *v)
{
  note_shift(s, 'D', shift);
  if (s->has_a)
    put_ymd(v, ng_ymd_add_days(s->a, shift));
  else
    strcpy(v, "XXXX-XX-XX");
}

/* Add a part of the day to a day value, making it a TIME: "...TMO". */
static void add_part(hit *h, int part)
{
  append(h->v, "T");
  append(h->v, part_code[part]);
  h->type = NG_TIMEX_TIME;
}

/* Add "Thh:mm" to a day value, making it a TIME. */
static void add_clock(hit *h, int hh, int mm)
{
  char t[12];
  snprintf(t, sizeof(t), "T%02d:%02d", hh, mm);
  if (strlen(h->v) != 10)
    strcpy(h->v, "XXXX-XX-XX");
  append(h->v, t);
  h->type = NG_TIMEX_TIME;
}

/* A time after a day: "Feb 15, 2021, 08:18 PM", "Friday at 9 a.m.". */
static void time_after(const scan *s, hit *h)
{
  size_t j = h->e;
  int hh, mm;
  if (punct(s, j, ','))
    j++;
  if (isw(s, j, W_AT))
    j++;
  size_t e = clock_time(s, j, &hh, &mm);
  if (e && strlen(h->v) == 10) {
    add_clock(h, hh, mm);
    h->e = e;
  }
}

/* Part of day after a day: "Friday morning", "yesterday afternoon". */
static void part_after(const scan *s, hit *h)
{
  if (cls(s, h->e) == C_PART && strlen(h->v) == 10) {
    add_part(h, val(s, h->e));
    h->e++;
  }
}

/*
 * A day of a month, its year from j on ("Feb. 13, 2021", "13 February
 * 2021") or else inferred; h->b is set.  An explicit year makes it the
 * date "that day" refers to.  Returns the token after it, 0 if no such day.
 */
static size_t day_date(scan *s, size_t j, int m, int d, hit *h)
{
  int y;
  size_t e;
  if (punct(s, j, ',') && (e = year_at(s, j + 1, &y)))
    j = e;
  else if ((e = year_at(s, j, &y)))
    j = e;
  else
    y = -1;
  int given = y >= 0;
  if (!given)
    y = infer_year(s, m, d);
  if (d > ng_days_in_month(y < 0 ? 2000 : y, m))
    return 0;
  h->type = NG_TIMEX_DATE;
  put_date(h->v, y, m, d);
  h->e = j;
  if (given) {
    s->ref.y = y;
    s->ref.m = m;
    s->ref.d = d;
    s->ref_gran = 3;
  }
  time_after(s, h);
  return h->e;
}

/* Month name: "Feb. 13, 2021", "January 1998", "January". */
static size_t p_month(scan *s, size_t i, hit *h)
{
  if (cls(s, i) != C_MONTH || !(flags(s, i) & NG_TOK_UPPER))
    return 0;
  int m = val(s, i), d, y;
  size_t n, j = i + 1;
  text(s, i, &n);
  int abbr = n != month_len[m - 1];
  if (abbr && punct(s, j, '.'))
    j++;
  h->b = i;
  h->type = NG_TIMEX_DATE;
  size_t e;
  if ((d = day_num(s, j)))
    return day_date(s, j + 1, m, d, h);
  if ((e = year_at(s, j, &y)) ||
      ((punct(s, j, ',') || isw(s, j, W_OF)) && (e = year_at(s, j + 1, &y)))) {
    put_date(h->v, y, m, 0);
    h->e = e;
    s->ref.y = y; s->ref.m = m; s->ref.d = 1;
    s->ref_gran = 2;
    return h->e;
  }
  /* A month alone: only the full name, and "May"/"March" not as verbs. */
  if (abbr)
    return 0;
  if ((m == 5 || m == 3) && (i == s->sb || !(flags(s, i) & NG_TOK_UPPER)))
    return 0;
  if (cls(s, i + 1) == C_NONE && (flags(s, i + 1) & NG_TOK_UPPER) &&
      !(flags(s, i + 1) & NG_TOK_NL))
    return 0; /* "April Ryan", "March Madness" */
  h->e = i + 1;
  /* "June last year", "January this year" */
  int dir = isw(s, i + 1, W_LAST) ? -1 : isw(s, i + 1, W_THIS) ? 0 : isw(s, i + 1, W_NEXT) ? 1 : 9;
  if (dir != 9 && cls(s, i + 2) == C_UNIT && val(s, i + 2) == U_YEAR && s->has_a) {
    put_date(h->v, s->a.y + dir, m, 0);
    h->e = i + 3;
    return h->e;
  }
  put_date(h->v, infer_year(s, m, 0), m, 0);
  return h->e;
}

/* A weekday: "Sunday", "Friday, Oct. 23", "Friday morning". */
static size_t p_weekday(scan *s, size_t i, hit *h)
{
  if (cls(s, i) != C_WDAY || !(flags(s, i) & NG_TOK_UPPER))
    return 0;
  int wd = val(s, i);
  size_t n, j = i + 1;
  text(s, i, &n);
  int abbr = n <= 5 && n != 6;
  if (abbr && punct(s, j, '.'))
    j++;
  if (punct(s, j, ','))
    j++;
  hit d;
  if ((cls(s, j) == C_MONTH || cls(s, j) == C_NUM) && match_at(s, j, &d) &&
      strlen(d.v) >= 10 && d.v[0] != 'X') {
    *h = d;
    h->b = i;
    return h->e;
  }
  if (abbr)
    return 0; /* "Sun", "Sat", "Wed" alone are too often other words */
  h->b = i;
  h->e = i + 1;
  h->type = NG_TIMEX_DATE;
  if (cls(s, j) == C_PARTS && j == i + 1) {
    /* "Tuesday nights": every one */
    snprintf(h->v, 48, "XXXX-WXX-%dT%s", wd, part_code[val(s, j)]);
    h->type = NG_TIMEX_SET;
    h->e = j + 1;
    return h->e;
  }
  weekday_value(s, wd, 0, h->v);
  part_after(s, h);
  time_after(s, h);
  return h->e;
}

/* A number: a date "2021-02-13", "02/13/2021", "13 February", a year, a time. */
static size_t p_number(scan *s, size_t i, hit *h)
{
  size_t n;
  int a, b, c, y, d;
  if (cls(s, i) != C_NUM)
    return 0;
  const char *tok = text(s, i, &n);
  char tail[4], t[24];
  /* sscanf needs the token alone, NUL-terminated. */
  if (n >= sizeof(t))
    return 0;
  memcpy(t, tok, n);
  t[n] = 0;
  h->b = i;
  h->e = i + 1;
  h->type = NG_TIMEX_DATE;
  if (n == 10 && sscanf(t, "%4d-%2d-%2d", &a, &b, &c) == 3 && t[4] == '-') {
    ng_ymd x = {a, b, c};
    if (!ng_ymd_valid(x))
      return 0;
    put_ymd(h->v, x);
    time_after(s, h);
    return h->e;
  }
  if (n >= 6 && n <= 10 && memchr(t, '/', n) &&
      sscanf(t, "%2d/%2d/%4d%1s", &a, &b, &c, tail) == 3) {
    if (c < 100)
      c += c < 50 ? 2000 : 1900;
    ng_ymd x = {c, a, b};
    if (a > 12) {
      x.m = b;
      x.d = a;
    }
    if (c < 1000 || !ng_ymd_valid(x))
      return 0;
    put_ymd(h->v, x);
    time_after(s, h);
    return h->e;
  }
  if (n == 10 && sscanf(t, "%2d.%2d.%4d", &a, &b, &c) == 3 && t[2] == '.') {
    ng_ymd x = {c, b, a};
    if (!ng_ymd_valid(x))
      return 0;
    put_ymd(h->v, x);
    return h->e;
  }
  /* "the 20th century", "11th century" */
  if (is(s, i + 1, "century") && t[n - 1] > '9' && (d = day_num(s, i)) && d <= 21) {
    snprintf(h->v, 48, "%02d", d - 1);
    h->e = i + 2;
    return h->e;
  }
  /* "1990s", "90s": a decade. */
  if ((n == 5 || n == 3) && (t[n - 1] == 's') && t[n - 2] == '0') {
    int dec = atoi(t);
    if (n == 3)
      dec += dec >= 20 ? 1900 : 2000;
    if (dec < 1000)
      return 0;
    snprintf(h->v, 48, "%03d", dec / 10);
    return h->e;
  }
  if ((d = day_num(s, i))) {
    size_t j = i + 1;
    if (isw(s, j, W_OF))
      j++;
    if (cls(s, j) == C_MONTH && (flags(s, j) & NG_TOK_UPPER)) {
      int m = val(s, j);
      j++;
      if (punct(s, j, '.'))
        j++;
      return day_date(s, j, m, d, h);
    }
  }
  if ((y = year_num(s, i))) {
    /* Money, counts and codes are not years: "$1998", "1998 people", "1990%". */
    if (i > s->sb && (punct(s, i - 1, '$') || punct(s, i - 1, '#')))
      return 0;
    if (punct(s, i + 1, '%') || is(s, i + 1, "percent"))
      return 0;
    if (y < 1800 || y > 2100)
      return 0;
    put_date(h->v, y, 0, 0);
    s->ref.y = y; s->ref.m = 1; s->ref.d = 1;
    s->ref_gran = 1;
    /* "1988 second quarter", "1998 summer" */
    if (cls(s, i + 1) == C_ORD && cls(s, i + 2) == C_UNIT &&
        (val(s, i + 2) == U_QUARTER || val(s, i + 2) == U_HALF) && val(s, i + 1) <= 4) {
      if (val(s, i + 2) == U_QUARTER)
        quarter_value(s, val(s, i + 1), y, h->v);
      else
        snprintf(h->v, 48, "%04d-H%d", y, val(s, i + 1));
      h->e = i + 3;
    }
    return h->e;
  }
  return 0;
}

/* A spoken year alone: "in nineteen ninety-six", "by two thousand". */
static size_t p_spoken_year(scan *s, size_t i, hit *h)
{
  int y;
  size_t e;
  if (cls(s, i) != C_NUMW || !(e = year_at(s, i, &y)))
    return 0;
  if (val(s, i) == 2) {
    /* "two thousand" is a count unless a preposition makes it a time */
    if (i == s->sb || !(isw(s, i - 1, W_IN) || is(s, i - 1, "since") ||
                        is(s, i - 1, "by") || is(s, i - 1, "until")))
      return 0;
    if (cls(s, e) == C_UNIT || cls(s, e) == C_UNITS || (flags(s, e) & NG_TOK_LOWER))
      return 0;
  }
  h->b = i;
  h->e = e;
  h->type = NG_TIMEX_DATE;
  put_date(h->v, y, 0, 0);
  return e;
}

/*
 * "by year-end", "around year end", "by year's end": the end of the
 * anchor's year, its value the year (TimeML keeps "end" in another
 * attribute); "since year-end" is the end of the year before.
 */
static size_t p_year_end(scan *s, size_t i, hit *h)
{
  size_t e;
  if (i == s->sb)
    return 0;
  if (cls(s, i) == C_HYPH && is(s, i, "year-end"))
    e = i + 1;
  else if (cls(s, i) == C_UNIT && val(s, i) == U_YEAR && isw(s, i + 1, W_END))
    e = i + 2;
  else if (cls(s, i) == C_UNIT && val(s, i) == U_YEAR && is(s, i + 1, "'s") &&
           isw(s, i + 2, W_END))
    e = i + 3;
  else
    return 0;
  /* only after a preposition: "year-end results" is an adjective */
  size_t p = i - 1;
  int since = is(s, p, "since");
  if (!(since || is(s, p, "by") || is(s, p, "around") || is(s, p, "until") ||
        isw(s, p, W_AT) || isw(s, p, W_BEFORE) || isw(s, p, W_AFTER)))
    return 0;
  if (cls(s, e) == C_WORD && (flags(s, e) & NG_TOK_LOWER) && !isw(s, e, W_AT))
    return 0;
  h->b = i;
  h->e = e;
  h->type = NG_TIMEX_DATE;
  if (!s->has_a)
    strcpy(h->v, "XXXX");
  else
    put_date(h->v, s->a.y - since, 0, 0);
  return e;
}

/* "fiscal 1989", "fiscal year 1990": the year. */
static size_t p_fiscal(scan *s, size_t i, hit *h)
{
  size_t j = i + 1;
  int y;
  if (!isw(s, i, W_FISCAL))
    return 0;
  if (cls(s, j) == C_UNIT && val(s, j) == U_YEAR)
    j++;
  if (!(y = year_num(s, j)))
    return 0;
  h->b = i;
  h->e = j + 1;
  h->type = NG_TIMEX_DATE;
  put_date(h->v, y, 0, 0);
  return h->e;
}

/* "third quarter", "first half" [of [fiscal] 1998]; i at the ordinal. */
static size_t p_quarter(scan *s, size_t i, hit *h)
{
  size_t j = i;
  int fiscal = 0;
  if (isw(s, j, W_FISCAL)) {
    fiscal = 1;
    j++;
  }
  if (cls(s, j) != C_ORD || cls(s, j + 1) != C_UNIT)
    return 0;
  int q = val(s, j), u = val(s, j + 1), y = -1;
  if ((u != U_QUARTER || q > 4) && (u != U_HALF || q > 2))
    return 0;
  j += 2;
  size_t k = j;
  if (isw(s, k, W_OF))
    k++;
  if (isw(s, k, W_FISCAL))
    k++;
  if ((y = year_num(s, k)))
    j = k + 1;
  else if (punct(s, j, ',') && (y = year_num(s, j + 1)))
    j += 2;
  else if (isw(s, j, W_OF) && (isw(s, j + 1, W_THIS) || isw(s, j + 1, W_LAST) ||
                               isw(s, j + 1, W_NEXT)) &&
           cls(s, j + 2) == C_UNIT && val(s, j + 2) == U_YEAR && s->has_a) {
    y = s->a.y + (isw(s, j + 1, W_LAST) ? -1 : isw(s, j + 1, W_NEXT) ? 1 : 0);
    j += 3;
  } else {
    y = -1;
  }
  (void)fiscal;
  h->b = i;
  h->e = j;
  h->type = NG_TIMEX_DATE;
  if (u == U_QUARTER) {
    quarter_value(s, q, y, h->v);
  } else {
    if (y < 0 && s->has_a)
      y = s->a.y - (q == 2 && s->a.m <= 6 && tense(s) != T_FUT);
    if (y < 0)
      snprintf(h->v, 48, "XXXX-H%d", q);
    else
      snprintf(h->v, 48, "%04d-H%d", y, q);
  }
  return h->e;
}

/* A season: "spring", "summer 1998", "the summer of 1998". */
static size_t p_season(scan *s, size_t i, hit *h)
{
  size_t b = i;
  /* "the summer" keeps its article, as TimeML's spans do */
  if (isw(s, i, W_THE))
    i++;
  if (cls(s, i) != C_SEASON)
    return 0;
  int se = val(s, i), y;
  size_t j = i + 1;
  /* "fall" the verb: the season only after a determiner or before a year. */
  if (se == 3 && is(s, i, "fall") && !(i > s->sb && (isw(s, i - 1, W_THE) ||
                                                      isw(s, i - 1, W_THIS) ||
                                                      isw(s, i - 1, W_LAST) ||
                                                      isw(s, i - 1, W_NEXT) ||
                                                      isw(s, i - 1, W_IN))) &&
      !year_num(s, j))
    return 0;
  h->b = b;
  h->type = NG_TIMEX_DATE;
  size_t e;
  if (isw(s, j, W_OF) && (e = year_at(s, j + 1, &y)))
    j = e;
  else if ((e = year_at(s, j, &y)))
    j = e;
  else
    y = 0;
  if (y)
    snprintf(h->v, 48, "%04d-%s", y, season_code[se]);
  else
    season_value(s, se, 2, h->v);
  h->e = j;
  return h->e;
}

/*
 * The date the story told last, moved by dir units: "On May 22, 1995 ...
 * the following year" is 1996.  0 when no date fine enough was told.
 */
static int story_shift(const scan *s, int unit, int dir, char *v)
{
  ng_ymd t = s->last;
  switch (unit) {
  case U_YEAR:
    if (s->last_gran < 1)
      return 0;
    put_date(v, t.y + dir, 0, 0);
    return 1;
  case U_MONTH:
    if (s->last_gran < 2)
      return 0;
    t.d = 1;
    t = add_months(t, dir);
    put_date(v, t.y, t.m, 0);
    return 1;
  case U_DAY:
    if (s->last_gran < 3)
      return 0;
    put_ymd(v, ng_ymd_add_days(t, dir));
    return 1;
  case U_WEEK:
    if (s->last_gran < 3)
      return 0;
    put_week(v, ng_ymd_add_days(t, 7 * dir));
    return 1;
  }
  return 0;
}

/* Note a value as the date the story told last, when it is one. */
static void note_date(scan *s, const char *v)
{
  ng_ymd t = {0, 1, 1};
  int g = 0;
  if (!(v[0] >= '0' && v[0] <= '9') || strlen(v) < 4 || (v[4] && v[4] != '-'))
    return;
  t.y = atoi(v);
  g = 1;
  if (v[4] == '-' && v[5] >= '0' && v[5] <= '9') {
    t.m = atoi(v + 5);
    g = 2;
    if (v[7] == '-' && v[8] >= '0' && v[8] <= '9') {
      t.d = atoi(v + 8);
      g = 3;
    }
  }
  if (!ng_ymd_valid(t))
    return;
  s->last = t;
  s->last_gran = g;
}

/* Note where a quarter or a longer stretch of a year was named. */
static void note_period(scan *s, const hit *h)
{
  const char *v = h->v;
  size_t n = strlen(v);
  if (n == 7 && v[4] == '-' && v[5] == 'Q')
    s->q_at = h->b + 1;
  else if ((n == 7 && v[4] == '-' && v[5] == 'H') ||
           (h->type == NG_TIMEX_DURATION && v[0] == 'P' && v[n - 1] == 'M' && atoi(v + 1) >= 6) ||
           (h->type == NG_TIMEX_DURATION && !strcmp(v, "P1Y")))
    s->span_at = h->b + 1;
}

/* What this/last/next/... mean: -1, 0, +1; or 9 when not such a word. */
static int deixis(const scan *s, size_t i)
{
  if (isw(s, i, W_THIS) || isw(s, i, W_CURRENT))
    return 0;
  if (isw(s, i, W_LAST) || isw(s, i, W_PAST) || isw(s, i, W_PREVIOUS))
    return -1;
  if (isw(s, i, W_NEXT) || isw(s, i, W_COMING) || isw(s, i, W_FOLLOWING))
    return 1;
  return 9;
}

/* The anchor's unit moved by dir: "last week", "this month", "next year". */
static int unit_deixis(scan *s, int unit, int dir, int half_of, char *v)
{
  if (rel_unit(unit))
    note_shift(s, rel_unit(unit), dir);
  if (!s->has_a)
    return vague_unit(unit, v);
  ng_ymd t = s->a;
  switch (unit) {
  case U_WEEKEND: {
    /* Last weekend, seen from a weekday, is the one just gone. */
    int aw = ng_weekday(t.y, t.m, t.d);
    /* Seen from a weekday, the weekend past is the last week's. */
    int weeks = 0;
    if (dir == 0)
      dir = tense(s) == T_FUT ? 1 : -1;
    if (dir < 0)
      weeks = aw >= 6 ? 0 : -1;
    else
      weeks = aw >= 6 ? 1 : 0;
    put_week(v, ng_ymd_add_days(t, 7 * weeks));
    append(v, "-WE");
    return 1;
  }
  case U_DECADE:
    snprintf(v, 48, "%03d", t.y / 10 + dir);
    return 1;
  case U_CENTURY:
    snprintf(v, 48, "%02d", t.y / 100 + dir);
    return 1;
  case U_HALF: {
    int hf = t.m <= 6 ? 1 : 2, y = t.y;
    if (dir == -1 && half_of) {
      /* "the last half of 1989" */
      snprintf(v, 48, "%04d-H2", half_of);
      return 1;
    }
    hf += dir;
    if (hf < 1) hf = 2, y--;
    if (hf > 2) hf = 1, y++;
    snprintf(v, 48, "%04d-H%d", y, hf);
    return 1;
  }
  case U_QUARTER: {
    t = add_months(t, 3 * dir);
    int q = (t.m - 1) / 3 + 1;
    snprintf(v, 48, "%04d-Q%d", t.y, q);
    remember_quarter(s, t.y, q);
    return 1;
  }
  }
  if (unit == U_YEAR && s->has_a) {
    /* "last year" stays a year even amid quarterly figures */
    put_date(v, s->a.y + dir, 0, 0);
    return 1;
  }
  return shift_value(s, unit, dir, v);
}

/* A month relative to the anchor: "last April", "next January", "this May". */
static void month_deixis(scan *s, int m, int dir, char *v)
{
  if (!s->has_a) {
    put_date(v, -1, m, 0);
    return;
  }
  int y = s->a.y;
  if (dir < 0 && m >= s->a.m)
    y--;
  if (dir > 0 && m <= s->a.m)
    y++;
  put_date(v, y, m, 0);
}

/*
 * this/last/next/past/coming + unit, month, season, weekday or part of the
 * day; "the past three years" and "the next few months" are durations.
 * i at the deictic word or at "the" before it.
 */
static size_t p_deictic(scan *s, size_t i, hit *h)
{
  size_t j = i;
  int the = 0;
  if (isw(s, j, W_THE)) {
    the = 1;
    j++;
  }
  int dir = deixis(s, j);
  if (dir == 9)
    return 0;
  int past = isw(s, j, W_PAST), cur = isw(s, j, W_CURRENT);
  j++;
  h->b = i;
  h->type = NG_TIMEX_DATE;
  char q[12];
  size_t k;
  /* "the past three years", "the next few months", "past 20 years" */
  if (dir && (k = qty(s, j, q)) > j && !isw(s, j, W_A) && !isw(s, j, W_AN) &&
      (cls(s, k) == C_UNITS || cls(s, k) == C_UNIT)) {
    if (!dur_value(q, val(s, k), h->v))
      return 0;
    h->type = NG_TIMEX_DURATION;
    h->e = k + 1;
    return h->e;
  }
  /* "in past years": some time before */
  if (past && !the && cls(s, j) == C_UNITS && val(s, j) >= U_MONTH) {
    strcpy(h->v, "PAST_REF");
    h->e = j + 1;
    return h->e;
  }
  /* "the past few weeks", "the last several years", "in coming months" */
  if (dir && cls(s, j) == C_UNITS && (the || isw(s, j - 1, W_COMING))) {
    if (!dur_value("X", val(s, j), h->v))
      return 0;
    h->type = NG_TIMEX_DURATION;
    h->e = j + 1;
    return h->e;
  }
  if (isw(s, j, W_FISCAL))
    j++;
  if (cls(s, j) == C_UNIT) {
    int u = val(s, j);
    h->e = j + 1;
    /* "the following year", "the previous month": from the date told last */
    if (the && (isw(s, j - 1, W_FOLLOWING) || isw(s, j - 1, W_PREVIOUS) ||
                (isw(s, j - 1, W_NEXT) && u == U_DAY)) &&
        story_shift(s, u, dir, h->v))
      return h->e;
    /* "past week" without "the" is a stretch; "the past year" the annotators read as last year. */
    if (past && !the && u != U_WEEKEND && u != U_QUARTER) {
      h->type = NG_TIMEX_DURATION;
      return dur_value("1", u, h->v) ? h->e : 0;
    }
    if (u == U_DAY && dir == 0)
      return 0; /* "this day" is rarely today */
    /* "this year's third quarter", "last year's quarter" */
    if (u == U_YEAR && !the && s->has_a && is(s, j + 1, "'s")) {
      hit d;
      int y = s->a.y + dir;
      if (p_quarter(s, j + 2, &d)) {
        *h = d;
        h->b = i;
        h->v[0] = 0;
        snprintf(h->v, 48, "%04d-%.8s", y, d.v + 5);
        if (d.v[5] == 'Q')
          remember_quarter(s, y, d.v[6] - '0');
        return h->e;
      }
      if ((cls(s, j + 2) == C_UNIT && val(s, j + 2) == U_QUARTER) ||
          isw(s, j + 2, W_PERIOD)) {
        this_quarter(s, -dir, h->v);
        h->e = j + 3;
        return h->e;
      }
    }
    if (u == U_QUARTER && the && dir <= 0 && !cur) {
      this_quarter(s, 0, h->v); /* "the previous quarter" after a named one */
      return h->e;
    }
    int half_of = 0;
    size_t e;
    if (u == U_HALF && isw(s, j + 1, W_OF) && (e = year_at(s, j + 2, &half_of)))
      h->e = e;
    if (!unit_deixis(s, u, dir, half_of, h->v))
      return 0;
    return h->e;
  }
  /* "the next morning", "the following evening" */
  if (the && dir > 0 && cls(s, j) == C_PART && story_shift(s, U_DAY, 1, h->v)) {
    add_part(h, val(s, j));
    h->e = j + 1;
    return h->e;
  }
  /* "the previous Friday": the one before the day the story told last */
  if (the && isw(s, j - 1, W_PREVIOUS) && cls(s, j) == C_WDAY && s->last_gran == 3) {
    int lw = ng_weekday(s->last.y, s->last.m, s->last.d), back = (lw - val(s, j) + 7) % 7;
    put_ymd(h->v, ng_ymd_add_days(s->last, -(back ? back : 7)));
    h->e = j + 1;
    return h->e;
  }
  if (the || past)
    return 0;
  if (cls(s, j) == C_MONTH && (flags(s, j) & NG_TOK_UPPER)) {
    /* "last Oct. 23" is the date alone */
    if (day_num(s, j + 1) || (punct(s, j + 1, '.') && day_num(s, j + 2)))
      return 0;
    month_deixis(s, val(s, j), dir, h->v);
    h->e = j + 1;
    return h->e;
  }
  if (cls(s, j) == C_SEASON) {
    season_value(s, val(s, j), dir, h->v);
    h->e = j + 1;
    return h->e;
  }
  if (cls(s, j) == C_WDAY && (flags(s, j) & NG_TOK_UPPER)) {
    weekday_value(s, val(s, j), dir < 0 ? -2 : dir > 0 ? 2 : 0, h->v);
    h->e = j + 1;
    part_after(s, h);
    return h->e;
  }
  if (cls(s, j) == C_PART && dir <= 0) {
    int p = val(s, j);
    /* "last night" is the night before; "this morning" today's. */
    if (dir < 0 && p != 4)
      return 0;
    anchor_day(s, dir < 0 ? -1 : 0, h->v);
    add_part(h, p);
    h->e = j + 1;
    return h->e;
  }
  return 0;
}

/* today, yesterday, now, recently, the future, tonight, ... */
static size_t p_word(scan *s, size_t i, hit *h)
{
  if (cls(s, i) != C_WORD)
    return 0;
  int w = val(s, i);
  h->b = i;
  h->e = i + 1;
  h->type = NG_TIMEX_DATE;
  int shift = 0;
  switch (w) {
  case W_TODAY: shift = 0; break;
  case W_YESTERDAY: shift = -1; break;
  case W_TOMORROW: shift = 1; break;
  case W_TONIGHT:
  case W_OVERNIGHT:
    anchor_day(s, 0, h->v);
    add_part(h, 4);
    return h->e;
  case W_NOW:
  case W_CURRENTLY:
  case W_NOWADAYS:
    strcpy(h->v, "PRESENT_REF");
    return h->e;
  case W_CURRENT:
    /* "current" before a unit is p_deictic's */
    if (cls(s, i + 1) == C_UNIT || isw(s, i + 1, W_FISCAL))
      return 0;
    strcpy(h->v, "PRESENT_REF");
    return h->e;
  case W_RECENTLY:
    strcpy(h->v, "PAST_REF");
    return h->e;
  case W_SOON:
    /* "as soon as possible"; "as soon as he arrives" is a conjunction */
    if (i > s->sb && is(s, i - 1, "as") && is(s, i + 1, "as")) {
      if (!is(s, i + 2, "possible"))
        return 0;
      h->b = i - 1;
      h->e = i + 3;
      strcpy(h->v, "FUTURE_REF");
      return h->e;
    }
    /* "soon after the attack" leans on another event; "was soon released" is past */
    if (is(s, i + 1, "after") || is(s, i + 1, "afterward") || is(s, i + 1, "afterwards") ||
        is(s, i + 1, "thereafter") || is(s, i + 1, "as") || past_near(s, i, 2))
      return 0;
    strcpy(h->v, "FUTURE_REF");
    return h->e;
  case W_RECENT:
    if (cls(s, i + 1) == C_UNITS) {
      h->e = i + 2;
      if (val(s, i + 1) == U_YEAR || val(s, i + 1) == U_DECADE) {
        strcpy(h->v, "PAST_REF");
      } else {
        h->type = NG_TIMEX_DURATION;
        dur_value("X", val(s, i + 1), h->v);
      }
      return h->e;
    }
    strcpy(h->v, "PAST_REF");
    return h->e;
  case W_THESE:
    if (cls(s, i + 1) == C_UNITS && val(s, i + 1) == U_DAY) {
      strcpy(h->v, "PRESENT_REF");
      h->e = i + 2;
      return h->e;
    }
    return 0;
  case W_THE:
    if (isw(s, i + 1, W_FUTURE)) {
      strcpy(h->v, "FUTURE_REF");
      h->e = i + 2;
      return h->e;
    }
    if (isw(s, i + 1, W_PAST) && !(cls(s, i + 2) == C_UNIT || cls(s, i + 2) == C_UNITS ||
                                   cls(s, i + 2) == C_NUMW || cls(s, i + 2) == C_NUM)) {
      strcpy(h->v, "PAST_REF");
      h->e = i + 2;
      return h->e;
    }
    if (isw(s, i + 1, W_PRESENT)) {
      strcpy(h->v, "PRESENT_REF");
      h->e = i + 2;
      return h->e;
    }
    /* "in the near term", "the short term" (not "the short-term debt") */
    if ((is(s, i + 1, "near") || is(s, i + 1, "short") || is(s, i + 1, "long")) &&
        is(s, i + 2, "term")) {
      strcpy(h->v, "FUTURE_REF");
      h->e = i + 3;
      return h->e;
    }
    return 0;
  case W_FUTURE:
    /* "in future", "future generations": the adjective only after "in"/"near". */
    if (i > s->sb && (isw(s, i - 1, W_IN) || is(s, i - 1, "near"))) {
      strcpy(h->v, "FUTURE_REF");
      return h->e;
    }
    return 0;
  case W_CHRISTMAS:
  case W_HALLOWEEN:
  case W_THANKSGIVING: {
    int m = w == W_CHRISTMAS ? 12 : w == W_HALLOWEEN ? 10 : 11, d = w == W_HALLOWEEN ? 31 : 25;
    if (!(flags(s, i) & NG_TOK_UPPER))
      return 0;
    int y = infer_year(s, m, d);
    if (w == W_THANKSGIVING) {
      /* The fourth Thursday of November. */
      if (y < 0) {
        d = 0;
      } else {
        int wd1 = ng_weekday(y, 11, 1);
        d = 1 + (4 - wd1 + 7) % 7 + 21;
      }
    }
    if (isw(s, i + 1, W_EVE)) {
      d--;
      h->e++;
    } else if (is(s, i + 1, "day")) {
      h->e++;
    }
    if (!d)
      snprintf(h->v, 48, "XXXX-11");
    else
      put_date(h->v, y, m, d);
    return h->e;
  }
  default:
    return 0;
  }
  /* today / yesterday / tomorrow */
  anchor_day(s, shift, h->v);
  if (!s->has_a && !shift)
    strcpy(h->v, "PRESENT_REF");
  if (s->has_a) {
    part_after(s, h);
    time_after(s, h);
  }
  return h->e;
}

/* Is token i a modal verb ("will", "could", ...)? */
static int modal(const scan *s, size_t i)
{
  static const char *const w[] = {"will", "would", "could", "may", "might", "can",
                                  "shall", "should", "must", NULL};
  char buf[16];
  return (flags(s, i) & NG_TOK_WORD) && lower(s, i, buf, sizeof(buf)) && word_in(buf, w);
}

/*
 * Durations and shifts: "three years", "24 hours", "a year ago", "two weeks
 * earlier", "30-year", "for years"; with approximators kept.
 */
static size_t p_duration(scan *s, size_t i, hit *h)
{
  char q[12];
  size_t j = approx(s, i), k;
  int adj = 0, u;
  if (cls(s, j) == C_UNITS && j == i && i > s->sb &&
      (isw(s, i - 1, W_FOR) || isw(s, i - 1, W_OVER) || is(s, i - 1, "within")) &&
      val(s, i) != U_WEEKEND && val(s, i) != U_QUARTER) {
    /* "for years", "over decades" */
    strcpy(q, "X");
    k = j;
  } else {
    k = qty(s, j, q);
    if (k == j)
      return 0;
    /* "two more weeks", "an additional year", "eight trading days" */
    if (isw(s, k, W_MORE) || is(s, k, "additional") || is(s, k, "extra") ||
        is(s, k, "trading") || is(s, k, "business") || is(s, k, "working"))
      k++;
  }
  if (cls(s, k) == C_UNIT || cls(s, k) == C_UNITS) {
    u = val(s, k);
    k++;
  } else if (punct(s, k, '-') && cls(s, k + 1) == C_UNIT && cls(s, j) == C_NUM) {
    u = val(s, k + 1);
    k += 2;
    adj = 1;
  } else {
    return 0;
  }
  if (u == U_HALF)
    return 0;
  /* "CBS's 60 Minutes" is a title */
  if (flags(s, k - 1) & NG_TOK_UPPER && k - 1 > s->sb)
    return 0;
  /* "Islam will one day be ...": some day ahead */
  if (!adj && u == U_DAY && is(s, j, "one") && k == j + 2 && i > s->sb && modal(s, i - 1)) {
    h->b = i;
    h->e = k;
    h->type = NG_TIMEX_DATE;
    strcpy(h->v, "FUTURE_REF");
    return h->e;
  }
  /* "a minute and a half" */
  if (!adj && is_int(q) && is(s, k, "and") && isw(s, k + 1, W_A) && cls(s, k + 2) == C_UNIT &&
      val(s, k + 2) == U_HALF) {
    strcat(q, ".5");
    k += 3;
  }
  /* "a quarter of the shares" is a fraction; "several quarters of losses" is not */
  if (u == U_QUARTER && cls(s, k - 1) == C_UNIT && isw(s, k, W_OF))
    return 0;
  /* Ages are not durations here: "a 30-year-old man". */
  if (punct(s, k, '-') || is(s, k, "old"))
    return 0;
  h->b = i;
  h->e = k;
  if (!adj && !strchr(q, '.') && (isw(s, k, W_AGO) || isw(s, k, W_EARLIER) || isw(s, k, W_LATER) ||
               isw(s, k, W_HENCE) ||
               (isw(s, k, W_FROM) && isw(s, k + 1, W_NOW)))) {
    int back = !(isw(s, k, W_LATER) || isw(s, k, W_HENCE) || isw(s, k, W_FROM));
    h->e = k + 1 + isw(s, k, W_FROM);
    /* "almost four years ago" keeps its hedge; "just a decade ago" does not. */
    if (j == i + 1 && !isw(s, i, W_ALMOST))
      h->b = j;
    h->type = NG_TIMEX_DATE;
    if (!is_int(q)) {
      strcpy(h->v, back ? "PAST_REF" : "FUTURE_REF");
      return h->e;
    }
    int n = atoi(q);
    if (shift_value(s, u, back ? -n : n, h->v))
      return h->e;
    if (!s->has_a)
      return 0;
    /* hours and minutes ago: the anchor day, as a time we cannot tell */
    put_ymd(h->v, s->a);
    return h->e;
  }
  h->type = NG_TIMEX_DURATION;
  /* A one-word hedge stays out of a duration: "about five hours". */
  if (j == i + 1)
    h->b = j;
  if ((isw(s, j, W_A) || isw(s, j, W_AN)) && j == i && rate_context(s, i)) {
    h->type = NG_TIMEX_SET;
    if (i > s->sb && (isw(s, i - 1, W_ONCE) || isw(s, i - 1, W_TWICE) ||
                      isw(s, i - 1, W_TIMES))) {
      h->b = i - 1;
      if (isw(s, i - 1, W_TIMES) && i - 2 >= s->sb &&
          (cls(s, i - 2) == C_NUMW || cls(s, i - 2) == C_NUM))
        h->b = i - 2;
    }
  }
  return dur_value(q, u, h->v) ? h->e : 0;
}

/* Sets: "every week", "each Thursday", "daily", "per year", "Tuesdays". */
static size_t p_set(scan *s, size_t i, hit *h)
{
  h->b = i;
  h->type = NG_TIMEX_SET;
  const char *v = NULL;
  if (isw(s, i, W_DAILY))
    v = "P1D";
  else if (isw(s, i, W_WEEKLY))
    v = "P1W";
  else if (isw(s, i, W_MONTHLY))
    v = "P1M";
  else if (isw(s, i, W_ANNUALLY))
    v = "P1Y";
  else if (isw(s, i, W_HOURLY))
    v = "PT1H";
  if (v) {
    strcpy(h->v, v);
    h->e = i + 1;
    return h->e;
  }
  if (cls(s, i) == C_WDAYS && (flags(s, i) & NG_TOK_UPPER)) {
    snprintf(h->v, 48, "XXXX-WXX-%d", val(s, i));
    h->e = i + 1;
    if (cls(s, i + 1) == C_PARTS || cls(s, i + 1) == C_PART) {
      append(h->v, "T");
      append(h->v, part_code[val(s, i + 1)]);
      h->e++;
    }
    return h->e;
  }
  if (!(isw(s, i, W_EVERY) || isw(s, i, W_EACH) || isw(s, i, W_PER)))
    return 0;
  size_t j = i + 1;
  char q[12];
  if (is(s, j, "other")) {
    j++;
    if (cls(s, j) == C_UNIT && dur_value("2", val(s, j), h->v)) {
      h->e = j + 1;
      return h->e;
    }
    return 0;
  }
  if (cls(s, j) == C_UNIT && dur_value("1", val(s, j), h->v)) {
    h->e = j + 1;
    return h->e;
  }
  if (cls(s, j) == C_WDAY && (flags(s, j) & NG_TOK_UPPER)) {
    snprintf(h->v, 48, "XXXX-WXX-%d", val(s, j));
    h->e = j + 1;
    return h->e;
  }
  if (cls(s, j) == C_MONTH && (flags(s, j) & NG_TOK_UPPER)) {
    snprintf(h->v, 48, "XXXX-%02d", val(s, j));
    h->e = j + 1;
    return h->e;
  }
  if (cls(s, j) == C_PART) {
    snprintf(h->v, 48, "XXXX-XX-XXT%s", part_code[val(s, j)]);
    h->e = j + 1;
    return h->e;
  }
  size_t k = qty(s, j, q);
  if (k > j && cls(s, k) == C_UNITS && dur_value(q, val(s, k), h->v)) {
    h->e = k + 1;
    return h->e;
  }
  return 0;
}

/* A clock time, with the day after it: "10 p.m. Wednesday", "noon Saturday". */
static size_t p_clock(scan *s, size_t i, hit *h)
{
  int hh, mm;
  if (cls(s, i) != C_NUM && !isw(s, i, W_NOON) && !isw(s, i, W_MIDNIGHT) &&
      !isw(s, i, W_MIDDAY))
    return 0;
  h->b = i;
  size_t e = clock_time(s, i, &hh, &mm);
  if (e) {
    /* A day after the time joins it: "10 p.m. Wednesday", "5 p.m. EST, Nov. 6". */
    hit d2;
    size_t j = e;
    if (punct(s, j, ','))
      j++;
    if (isw(s, j, W_ON))
      j++;
    if ((cls(s, j) == C_WDAY || cls(s, j) == C_MONTH || isw(s, j, W_TODAY) ||
         isw(s, j, W_YESTERDAY) || isw(s, j, W_TOMORROW)) &&
        match_at(s, j, &d2) && strlen(d2.v) == 10) {
      strcpy(h->v, d2.v);
      e = d2.e;
    } else {
      anchor_day(s, 0, h->v);
    }
    add_clock(h, hh, mm);
    h->e = e;
    return h->e;
  }
  return 0;
}

/*
 * A part of the day ending before token j, with the day that may follow:
 * "mid-afternoon yesterday", "late morning Friday"; else the anchor's.
 */
static size_t part_of_day(scan *s, size_t j, int part, hit *h)
{
  hit d;
  h->e = j;
  if ((isw(s, j, W_YESTERDAY) || isw(s, j, W_TODAY) || isw(s, j, W_TOMORROW) ||
       cls(s, j) == C_WDAY) &&
      match_at(s, j, &d) && d.b == j && strlen(d.v) == 10) {
    strcpy(h->v, d.v);
    h->e = d.e;
  } else {
    anchor_day(s, 0, h->v);
  }
  add_part(h, part);
  return h->e;
}

/* Hyphenated words: "third-quarter", "two-day", "mid-1990s", "year-earlier". */
static size_t p_hyph(scan *s, size_t i, hit *h)
{
  if (cls(s, i) != C_HYPH)
    return 0;
  char buf[32];
  if (!lower(s, i, buf, sizeof(buf)))
    return 0;
  char *b2 = strchr(buf, '-');
  *b2++ = 0;
  if (strchr(b2, '-'))
    return 0; /* "five-year-old", "day-to-day" */
  const lexent *x = lookup(buf), *y = lookup(b2);
  h->b = i;
  h->e = i + 1;
  h->type = NG_TIMEX_DATE;
  /* "mid-November", "late-November", "mid-1990s", "mid-1998", "mid-afternoon" */
  int edge = !strcmp(buf, "early") || !strcmp(buf, "late");
  if (edge && y && y->cls == C_MONTH) {
    put_date(h->v, infer_year(s, y->val, 0), y->val, 0);
    return h->e;
  }
  if ((edge || !strcmp(buf, "mid")) && y && y->cls == C_PART)
    return part_of_day(s, i + 1, y->val, h);
  if (!strcmp(buf, "mid")) {
    if (y && y->cls == C_MONTH) {
      put_date(h->v, infer_year(s, y->val, 0), y->val, 0);
      return h->e;
    }
    size_t m = strlen(b2);
    if (m == 4 && b2[0] >= '1' && b2[0] <= '2' && atoi(b2) >= 1000) {
      snprintf(h->v, 48, "%s", b2);
      return h->e;
    }
    if (m == 5 && b2[4] == 's' && b2[3] == '0' && atoi(b2) >= 1000) {
      snprintf(h->v, 48, "%.3s", b2);
      return h->e;
    }
    return 0;
  }
  /* "year-long", "day-long": a duration of one unit; "decades-long" of some. */
  if (x && (x->cls == C_UNIT || x->cls == C_UNITS) && !strcmp(b2, "long")) {
    h->type = NG_TIMEX_DURATION;
    return dur_value(x->cls == C_UNIT ? "1" : "X", x->val, h->v) ? h->e : 0;
  }
  if (!x || !y)
    return 0;
  /* "third-quarter", "first-half" */
  if (x->cls == C_ORD && y->cls == C_UNIT && y->val == U_QUARTER && x->val <= 4) {
    size_t j = i + 1;
    int yr = -1;
    if (isw(s, j, W_FISCAL) && year_num(s, j + 1))
      j++;
    if ((yr = year_num(s, j)) == 0)
      yr = -1;
    else
      h->e = j + 1;
    quarter_value(s, x->val, yr, h->v);
    return h->e;
  }
  if (x->cls == C_ORD && y->cls == C_UNIT && y->val == U_HALF && x->val <= 2) {
    int yr = s->has_a ? s->a.y : -1;
    if (yr < 0)
      snprintf(h->v, 48, "XXXX-H%d", x->val);
    else
      snprintf(h->v, 48, "%04d-H%d", yr, x->val);
    return h->e;
  }
  /* "two-day", "five-year", "nine-month" */
  if ((x->cls == C_NUMW || (x->cls == C_WORD && (x->val == W_A))) && y->cls == C_UNIT &&
      y->val != U_HALF) {
    if (is(s, i + 1, "old"))
      return 0;
    char q[12];
    snprintf(q, sizeof(q), "%d", x->cls == C_NUMW ? x->val : 1);
    h->type = NG_TIMEX_DURATION;
    return dur_value(q, y->val, h->v) ? h->e : 0;
  }
  /* "year-earlier", "year-ago": the same period a year before. */
  if (x->cls == C_UNIT && x->val == U_YEAR && y->cls == C_WORD &&
      (y->val == W_EARLIER || y->val == W_AGO)) {
    if (quarter_focus(s) || (cls(s, i + 1) == C_UNIT && val(s, i + 1) == U_QUARTER))
      this_quarter(s, 1, h->v);
    else if (s->has_a)
      put_date(h->v, s->a.y - 1, 0, 0);
    else
      strcpy(h->v, "XXXX");
    return h->e;
  }
  /* "several-year", "few-week": a vague stretch */
  if (x->cls == C_WORD && (x->val == W_SEVERAL || x->val == W_FEW || x->val == W_MANY) &&
      y->cls == C_UNIT && y->val != U_HALF) {
    h->type = NG_TIMEX_DURATION;
    return dur_value("X", y->val, h->v) ? h->e : 0;
  }
  return 0;
}

/*
 * "the ..." forms that are not deictic: "the third quarter", "the 1990s",
 * "the year 2021", "the first nine months", "the quarter", "the weekend".
 */
static size_t p_the(scan *s, size_t i, hit *h)
{
  if (!isw(s, i, W_THE))
    return 0;
  size_t j = i + 1;
  hit d;
  int y;
  char q[12];
  h->b = i;
  h->type = NG_TIMEX_DATE;
  /* "the fiscal first quarter", "the third quarter", "the first half" */
  if (p_quarter(s, j, &d)) {
    *h = d;
    h->b = i;
    return h->e;
  }
  /* "the first nine months": a duration */
  if (cls(s, j) == C_ORD && val(s, j) == 1) {
    size_t k = qty(s, j + 1, q);
    if (k > j + 1 && cls(s, k) == C_UNITS && dur_value(q, val(s, k), h->v)) {
      h->type = NG_TIMEX_DURATION;
      h->e = k + 1;
      return h->e;
    }
  }
  /* "the nine months", "the two days" */
  if (cls(s, j) == C_NUMW || cls(s, j) == C_NUM) {
    size_t k = qty(s, j, q);
    if (k > j && cls(s, k) == C_UNITS && !isw(s, k + 1, W_AGO) &&
        dur_value(q, val(s, k), h->v)) {
      h->type = NG_TIMEX_DURATION;
      h->e = k + 1;
      return h->e;
    }
  }
  /* "the 1990s", "the '90s", "the 20th century" */
  if (punct(s, j, '\'') || punct(s, j, 0xe2))
    j++;
  if (cls(s, j) == C_NUM && p_number(s, j, &d) && strlen(d.v) <= 3) {
    *h = d;
    h->b = i;
    return h->e;
  }
  j = i + 1;
  /* "the nineties", "the early eighties" (not "his nineties": an age) */
  if (isw(s, j, W_EARLY) || isw(s, j, W_LATE) || isw(s, j, W_MID))
    j++;
  if (cls(s, j) == C_DECW) {
    snprintf(h->v, 48, "19%d", val(s, j));
    h->e = j + 1;
    return h->e;
  }
  j = i + 1;
  /* "the 1988 period", "the 1988 second quarter" */
  if ((y = year_num(s, j)) && p_number(s, j, &d)) {
    if (d.e == j + 1 && (isw(s, j + 1, W_PERIOD) || (cls(s, j + 1) == C_UNIT &&
                                                     (val(s, j + 1) == U_QUARTER ||
                                                      val(s, j + 1) == U_YEAR)))) {
      *h = d;
      h->b = i;
      h->e = j + 2;
      /* amid quarterly figures "the 1988 period" is that quarter of 1988 */
      if (!(cls(s, j + 1) == C_UNIT && val(s, j + 1) == U_YEAR) && quarter_focus(s))
        snprintf(h->v, 48, "%04d-Q%d", y, s->qm.cqn ? s->qm.cqn : s->qm.qn);
      return h->e;
    }
    if (d.e > j + 1) {
      *h = d;
      h->b = i;
      return h->e;
    }
  }
  /* "the year 2021" */
  size_t e;
  if (cls(s, j) == C_UNIT && val(s, j) == U_YEAR && (e = year_at(s, j + 1, &y))) {
    put_date(h->v, y, 0, 0);
    h->e = e;
    return h->e;
  }
  /* "the latest quarter", "the year-ago quarter", "the same period" */
  int back = 0;
  if (isw(s, j, W_LATEST) || isw(s, j, W_SAME))
    j++;
  else if (cls(s, j) == C_HYPH && (is(s, j, "year-ago") || is(s, j, "year-earlier"))) {
    back = 1;
    j++;
  }
  if (isw(s, j, W_FISCAL))
    j++;
  /* "the year-earlier third quarter" */
  if (back && p_quarter(s, j, &d) && d.v[0] != 'X' && d.v[5] == 'Q') {
    *h = d;
    h->b = i;
    int y2 = atoi(d.v) - 1;
    snprintf(h->v, 48, "%04d-Q%c", y2, d.v[6]);
    return h->e;
  }
  if ((cls(s, j) == C_UNIT && val(s, j) == U_QUARTER) ||
      (isw(s, j, W_PERIOD) && (j > i + 1))) {
    h->e = j + 1;
    /*
     * "The quarter ended Sept. 30", none named before, is the one that
     * date closes (once one is named it is that one, fiscal or not).
     */
    if (j == i + 1 && !s->qm.qn && (is(s, j + 1, "ended") || is(s, j + 1, "ending")) &&
        (cls(s, j + 2) == C_MONTH || cls(s, j + 2) == C_NUM) && match_at(s, j + 2, &d) &&
        d.v[0] != 'X' && strlen(d.v) >= 7 && d.v[4] == '-' && d.v[5] != 'W' &&
        d.v[5] != 'Q') {
      int y2 = atoi(d.v), m2 = atoi(d.v + 5);
      if (m2 >= 1 && m2 <= 12) {
        quarter_value(s, (m2 - 1) / 3 + 1, y2, h->v);
        return h->e;
      }
    }
    this_quarter(s, back, h->v);
    return h->e;
  }
  if (back && cls(s, j) == C_UNIT && val(s, j) == U_YEAR) {
    shift_value(s, U_YEAR, -1, h->v);
    h->e = j + 1;
    return h->e;
  }
  j = i + 1;
  /* "the week of March 6" */
  if (cls(s, j) == C_UNIT && val(s, j) == U_WEEK && isw(s, j + 1, W_OF) &&
      match_at(s, j + 2, &d) && d.b == j + 2 && strlen(d.v) == 10 && d.v[0] != 'X') {
    ng_ymd t;
    if (!ng_parse_iso_date(d.v, &t)) {
      put_week(h->v, t);
      h->b = i;
      h->e = d.e;
      h->type = NG_TIMEX_DATE;
      return h->e;
    }
  }
  /* "the fiscal year" is a stretch; "the full year" this one */
  if ((isw(s, j, W_FISCAL) || isw(s, j, W_FULL)) && cls(s, j + 1) == C_UNIT &&
      val(s, j + 1) == U_YEAR && !year_num(s, j + 2)) {
    h->e = j + 2;
    if (isw(s, j, W_FISCAL)) {
      h->type = NG_TIMEX_DURATION;
      strcpy(h->v, "P1Y");
      return h->e;
    }
    if (!s->has_a)
      return 0;
    put_date(h->v, s->a.y, 0, 0);
    return h->e;
  }
  if (cls(s, j) == C_UNIT) {
    int u = val(s, j);
    h->e = j + 1;
    if (u == U_WEEKEND) {
      unit_deixis(s, U_WEEKEND, 0, 0, h->v);
      return h->e;
    }
    if (u == U_YEAR) {
      /* "the year ended Sept. 30" is a stretch; "earlier in the year" this one */
      if (is(s, j + 1, "ended") || is(s, j + 1, "ending") || is(s, j + 1, "before") ||
          is(s, j + 1, "after")) {
        h->type = NG_TIMEX_DURATION;
        strcpy(h->v, "P1Y");
        return h->e;
      }
      if (!s->has_a)
        return 0;
      put_date(h->v, s->a.y, 0, 0);
      return h->e;
    }
  }
  /*
   * "the morning", "the evening" of the day the story told last, else of
   * the anchor ("the night" is too often a night of the story)
   */
  if (cls(s, j) == C_PART && val(s, j) != 4 && (s->has_a || s->last_gran == 3)) {
    put_ymd(h->v, s->last_gran == 3 ? s->last : s->a);
    add_part(h, val(s, j));
    h->e = j + 1;
    return h->e;
  }
  return 0;
}

/* "that day", "later that year": the last explicit date named. */
static size_t p_that(scan *s, size_t i, hit *h)
{
  if (!isw(s, i, W_THAT) || cls(s, i + 1) != C_UNIT)
    return 0;
  int u = val(s, i + 1);
  h->b = i;
  h->e = i + 2;
  h->type = NG_TIMEX_DATE;
  if (u == U_QUARTER && s->qm.qn) {
    /* "results for that quarter": the one named last */
    snprintf(h->v, 48, "%04d-Q%d", s->qm.qy, s->qm.qn);
    return h->e;
  }
  if (!s->ref_gran)
    return 0;
  if (u == U_YEAR)
    put_date(h->v, s->ref.y, 0, 0);
  else if (u == U_MONTH && s->ref_gran >= 2)
    put_date(h->v, s->ref.y, s->ref.m, 0);
  else if (u == U_DAY && s->ref_gran == 3)
    put_ymd(h->v, s->ref);
  else if (u == U_WEEK && s->ref_gran == 3)
    put_week(h->v, s->ref);
  else
    return 0;
  return h->e;
}

/*
 * Modifiers kept in the span: "early 1998", "late November", "mid-2020",
 * "the end of 1990", "earlier this year", "late Friday".  The value is the
 * modified expression's (TimeML puts the nuance in another attribute).
 */
static size_t p_modifier(scan *s, size_t i, hit *h)
{
  size_t j = i;
  int the = isw(s, j, W_THE);
  if (the)
    j++;
  int rel = 0;
  if (isw(s, j, W_END) || isw(s, j, W_BEGIN) || isw(s, j, W_MIDDLE)) {
    if (!isw(s, j + 1, W_OF))
      return 0;
    j += 2;
    if (isw(s, j, W_THE) && cls(s, j + 1) == C_UNIT &&
        (val(s, j + 1) == U_YEAR || val(s, j + 1) == U_MONTH) && s->has_a) {
      /* "the end of the year", "the end of the month" */
      put_date(h->v, s->a.y, val(s, j + 1) == U_MONTH ? s->a.m : 0, 0);
      h->b = i;
      h->e = j + 2;
      h->type = NG_TIMEX_DATE;
      return h->e;
    }
  } else if (isw(s, j, W_EARLY) || isw(s, j, W_LATE) || isw(s, j, W_MID)) {
    j++;
    /* "mid afternoon", "early morning Friday" */
    if (!the && cls(s, j) == C_PART) {
      h->b = i;
      return part_of_day(s, j + 1, val(s, j), h);
    }
  } else if (!the && (isw(s, j, W_EARLIER) || isw(s, j, W_LATER))) {
    rel = 1;
    j++;
  } else {
    return 0;
  }
  if (j >= s->se)
    return 0;
  int c = cls(s, j);
  /* "Earlier Friday", "later today": the gold standard leaves the adverb out. */
  if (rel && !(isw(s, j, W_THIS) || isw(s, j, W_LAST) || isw(s, j, W_NEXT) ||
               isw(s, j, W_THAT)))
    return 0;
  if (c == C_NONE || (c == C_WORD && !(isw(s, j, W_THIS) || isw(s, j, W_LAST) ||
                                       isw(s, j, W_NEXT) || isw(s, j, W_THE) ||
                                       isw(s, j, W_THAT) || isw(s, j, W_TODAY) ||
                                       isw(s, j, W_YESTERDAY) || isw(s, j, W_TOMORROW))))
    return 0;
  hit d;
  if (!match_at(s, j, &d) || d.b != j || d.type == NG_TIMEX_DURATION || d.type == NG_TIMEX_SET)
    return 0;
  *h = d;
  h->b = i;
  return h->e;
}

/* Every pattern at i; the longest match wins, the first on a tie. */
static int match_at(scan *s, size_t i, hit *h)
{
  typedef size_t (*pattern)(scan *, size_t, hit *);
  static const pattern pats[] = {p_modifier, p_month, p_weekday, p_number, p_spoken_year,
                                 p_year_end, p_clock, p_fiscal, p_quarter, p_season, p_the, p_deictic,
                                 p_that, p_hyph, p_duration, p_set, p_word};
  hit cur;
  size_t best = 0;
  s->at = i;
  if (!s->depth++)
    s->from = i;
  /* Only the winning pattern leaves its trace in the quarter memory. */
  struct qmem before = s->qm, won = s->qm;
  ng_timex_rel none = {0}, won_rel = none;
  for (size_t k = 0; k < sizeof(pats) / sizeof(pats[0]); k++) {
    s->rel = none;
    size_t e = pats[k](s, i, &cur);
    if (e > best) {
      best = e;
      *h = cur;
      won = s->qm;
      won_rel = s->rel;
    }
    s->qm = before;
  }
  s->qm = won;
  s->rel = won_rel;
  s->depth--;
  return best > 0;
}

/*
 * Can token i start a timex at all?  Function words that only lead into
 * one ("the", "a", "about") need a classified word after them; this keeps
 * the patterns off most of the text.
 */
static int can_start(const scan *s, size_t i)
{
  switch (s->c[i].cls) {
  case C_NONE:
    return 0;
  case C_WORD:
    switch (s->c[i].val) {
    case W_OF: case W_IN: case W_ON: case W_FOR: case W_FROM: case W_THAN:
    case W_LEAST: case W_AGO: case W_BEFORE: case W_AFTER: case W_EVE:
    case W_TIMES: case W_HENCE: case W_PERIOD: case W_SEASON: case W_NEW:
      return 0;
    case W_THE:
      return cls(s, i + 1) != C_NONE || punct(s, i + 1, '\'') || is(s, i + 2, "term");
    case W_A: case W_AN: case W_ABOUT: case W_JUST: case W_OVER:
    case W_SOME: case W_MORE: case W_LESS: case W_AT: case W_ALMOST:
    case W_THAT: case W_THIS: case W_LAST: case W_NEXT: case W_PAST:
    case W_EARLY: case W_LATE: case W_EARLIER: case W_LATER:
      return cls(s, i + 1) != C_NONE || is(s, i + 1, "additional");
    }
    return 1;
  }
  return 1;
}

/*
 * Is token i part of a title or name rather than a time: "March for
 * Life", "Spring of Life", "High Noon", "VOA Today", "This Week"?  A
 * capital in mid-sentence followed by "of"/"for" and another capital, or
 * a word that running text writes in lower case ("noon", "today", "this")
 * capitalized next to another capitalized word.
 */
static int in_title(const scan *s, size_t i)
{
  if (i == s->sb || !(flags(s, i) & NG_TOK_UPPER))
    return 0;
  int c = s->c[i].cls;
  size_t j = i + 1, p = i - 1;
  /* "on Monday for James Kopp", "in March for Ford" are times */
  if (c != C_WDAY && (isw(s, j, W_FOR) || isw(s, j, W_OF)) &&
      !(isw(s, p, W_IN) || isw(s, p, W_ON) || isw(s, p, W_FROM) || isw(s, p, W_OF) ||
        isw(s, p, W_LAST) || isw(s, p, W_NEXT) || isw(s, p, W_THIS) || isw(s, p, W_EARLY) ||
        isw(s, p, W_LATE) || is(s, p, "by") || is(s, p, "since") || is(s, p, "until") ||
        is(s, p, "through") || is(s, p, "during"))) {
    j++;
    if (isw(s, j, W_THE))
      j++;
    if (j < s->se && (flags(s, j) & NG_TOK_WORD) && (flags(s, j) & NG_TOK_UPPER) &&
        cls(s, j) == C_NONE)
      return 1;
  }
  if (c == C_MONTH || c == C_WDAY || c == C_WDAYS || c == C_NUM || c == C_HYPH ||
      (c == C_WORD && (s->c[i].val == W_CHRISTMAS || s->c[i].val == W_EASTER ||
                       s->c[i].val == W_HALLOWEEN || s->c[i].val == W_THANKSGIVING)))
    return 0;
  if (p > s->sb && (flags(s, p) & NG_TOK_WORD) && (flags(s, p) & NG_TOK_UPPER))
    return 1;
  return j < s->se && (flags(s, i + 1) & NG_TOK_WORD) && (flags(s, i + 1) & NG_TOK_UPPER) &&
         cls(s, i + 1) != C_NONE && cls(s, i + 1) != C_MONTH && cls(s, i + 1) != C_WDAY;
}

int ng_dates_find(ng_doc *doc)
{
  scan s;
  memset(&s, 0, sizeof(s));
  s.doc = doc;
  s.has_a = ng_doc_published_ymd(doc, &s.a) == 0 && ng_ymd_valid(s.a);
  doc->timexes.n = 0;
  if (!doc->tokens.n)
    return 0;
  s.c = ng_xmalloc(doc->tokens.n * sizeof(*s.c));
  for (size_t i = 0; i < doc->tokens.n; i++)
    s.c[i] = classify(doc, i);
  for (size_t si = 0; si < doc->sentences.n; si++) {
    const ng_sentence *st = &doc->sentences.v[si];
    s.sb = st->tok_begin;
    s.se = st->tok_end;
    s.sent = si;
    s.tense = T_UNSET;
    for (size_t i = s.sb; i < s.se;) {
      hit h;
      if (!can_start(&s, i) || in_title(&s, i) || !match_at(&s, i, &h)) {
        i++;
        continue;
      }
      ng_timex *t = NG_VEC_PUSH(doc->timexes);
      t->start = doc->tokens.v[h.b].start;
      t->end = doc->tokens.v[h.e - 1].end;
      /* A sentence-final "p.m." lends its dot to the sentence. */
      if (h.e == s.se && t->end - t->start > 1 && doc->text[t->end - 1] == '.' &&
          (doc->tokens.v[h.e - 1].flags & NG_TOK_WORD))
        t->end--;
      t->type = h.type;
      memcpy(t->value, h.v, sizeof(t->value));
      t->sentence = si;
      t->rel = s.rel;
      if (h.type == NG_TIMEX_DATE || h.type == NG_TIMEX_TIME)
        note_date(&s, h.v);
      note_period(&s, &h);
      i = h.e;
    }
  }
  free(s.c);
  return 0;
}

/* Does v begin with the unresolved form prefix (and then end or go on with tail)? */
static size_t x_prefix(const char *v, const char *prefix)
{
  size_t n = strlen(prefix);
  if (strncmp(v, prefix, n))
    return 0;
  /* "XXXX-WXX" must not be "XXXX-WXX-7"; a time may follow a day */
  if (v[n] && v[n] != 'T')
    return 0;
  return n;
}

int ng_timex_reanchor(const ng_timex *t, ng_ymd anchor, char *value)
{
  const ng_timex_rel *r = &t->rel;
  const char *v = t->value;
  char form[32], out[48];
  size_t keep = 0;
  scan s;
  if (!ng_ymd_valid(anchor))
    return 0;
  memset(&s, 0, sizeof(s));
  s.has_a = 1;
  s.a = anchor;
  switch (r->kind) {
  case NG_REL_WEEKDAY:
    snprintf(form, sizeof(form), "XXXX-WXX-%d", r->n);
    if (!(keep = x_prefix(v, form)))
      return 0;
    put_ymd(out, weekday_near(&s, r->n, r->dir));
    break;
  case NG_REL_MONTHDAY:
    if (r->day)
      snprintf(form, sizeof(form), "XXXX-%02d-%02d", r->n, r->day);
    else
      snprintf(form, sizeof(form), "XXXX-%02d", r->n);
    if (!(keep = x_prefix(v, form)))
      return 0;
    put_date(out, pick_year(anchor, r->n, r->dir < 0 ? T_PAST : r->dir > 0 ? T_FUT : T_NONE),
             r->n, r->day);
    break;
  case NG_REL_SHIFT:
    switch (r->unit) {
    case 'D':
      if (!strcmp(v, "PRESENT_REF"))
        keep = strlen(v);
      else if (!(keep = x_prefix(v, "XXXX-XX-XX")))
        return 0;
      put_ymd(out, ng_ymd_add_days(anchor, r->n));
      break;
    case 'W':
      if (!(keep = x_prefix(v, "XXXX-WXX")))
        return 0;
      put_week(out, ng_ymd_add_days(anchor, 7 * r->n));
      break;
    case 'M': {
      if (!(keep = x_prefix(v, "XXXX-XX")))
        return 0;
      ng_ymd m = add_months(anchor, r->n);
      put_date(out, m.y, m.m, 0);
      break;
    }
    case 'Q': {
      if (!(keep = x_prefix(v, "XXXX-QX")))
        return 0;
      ng_ymd m = add_months(anchor, 3 * r->n);
      snprintf(out, sizeof(out), "%04d-Q%d", m.y, (m.m - 1) / 3 + 1);
      break;
    }
    case 'Y':
      if (!(keep = x_prefix(v, "XXXX")))
        return 0;
      put_date(out, anchor.y + r->n, 0, 0);
      break;
    default:
      return 0;
    }
    break;
  default:
    return 0;
  }
  /* the rest of the value stays: "XXXX-WXX-7TNI" -> "2021-02-14TNI" */
  size_t n = strlen(out), m = strlen(v + keep);
  if (n + m >= 48)
    return 0;
  memcpy(value, out, n);
  memcpy(value + n, v + keep, m + 1);
  return 1;
}
