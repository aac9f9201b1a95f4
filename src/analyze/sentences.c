/*
 * Sentence boundaries over the tokens.  A sentence ends at '.', '!', '?'
 * or '…' (with any closing quotes or brackets after it) when what follows
 * can start a sentence, at every paragraph break, and at a line break
 * after a line that reads as complete (headlines and captions carry no
 * full stop).  It does not end after a title ("Mr."), an initial ("P.")
 * or a dotted acronym ("U.S.") unless the next word is one that opens
 * sentences ("The", "He") rather than a name.
 */
#include <string.h>

#include "analyze/analyze.h"

/* Abbreviations that a full stop follows without ending the sentence. */
static const char *const abbrevs[] = {
    "Mr",    "Mrs",   "Ms",   "Dr",   "Prof", "St",   "Sen",  "Rep",  "Gov",
    "Gen",   "Col",   "Lt",   "Sgt",  "Capt", "Cmdr", "Adm",  "Maj",  "Jr",
    "Sr",    "Rev",   "Hon",  "Pres", "Supt", "Insp", "Fr",   "Mt",   "Ft",
    "Inc",   "Corp",  "Co",   "Ltd",  "Bros", "Plc",  "vs",   "No",   "Nos",
    "Jan",   "Feb",   "Mar",  "Apr",  "Jun",  "Jul",  "Aug",  "Sep",  "Sept",
    "Oct",   "Nov",   "Dec",  "Mon",  "Tue",  "Tues", "Wed",  "Thu",  "Thur",
    "Thurs", "Fri",   "Sat",  "Sun",  "approx", "est", "etc", "e.g",  "i.e",
    "Ave",   "Blvd",  "Rd",   "Dept", "Univ", "Assn", "Ariz", "Calif", "Colo",
    "Conn",  "Fla",   "Ga",   "Ill",  "Ind",  "Kan",  "Ky",   "La",   "Mass",
    "Md",    "Mich",  "Minn", "Miss", "Mo",   "Mont", "Neb",  "Nev",  "Okla",
    "Ore",   "Pa",    "Tenn", "Tex",  "Va",   "Vt",   "Wash", "Wis",  "Wyo",
    NULL};

/* Of those, the ones that may also close a sentence ("... Tesla Inc."). */
static const char *const closers[] = {"Inc", "Corp", "Co", "Ltd", "Bros",
                                      "Plc", "etc", "Jr", "Sr", NULL};

/*
 * Capitalized words that open sentences far more often than they start
 * names: after an ambiguous full stop they tip the balance to a break.
 */
static const char *const openers[] = {
    "The", "A",     "An",   "He",    "She",   "It",    "They",  "We",
    "I",   "You",   "This", "That",  "These", "Those", "There", "His",
    "Her", "Its",   "Their", "But",  "And",   "In",    "On",    "At",
    "For", "After", "When", "While", "As",    "If",    "Some",  "Many",
    "Most", "Other", "Both", "All",  "No",    "Not",   "So",    "Yet",
    "Meanwhile", "However", "Earlier", "Later", "Last", "Next", "Since",
    NULL};

/* Words a line does not end on unless it wraps mid-sentence. */
static const char *const continuers[] = {
    "a",  "an",  "the", "of",   "on",   "in",  "at",   "to",   "for", "with",
    "by", "from", "and", "or",  "but",  "that", "as",  "than", "its", "his",
    "her", "their", "our", "is", "was", "are", "were", "be",  "has", "had",
    "have", NULL};

static int in_list(const ng_doc *doc, size_t t, const char *const *list)
{
  /* The first byte turns most words away before a call (lists are long). */
  char first = doc->text[doc->tokens.v[t].start];
  for (size_t i = 0; list[i]; i++)
    if (list[i][0] == first && ng_tok_is(doc, t, list[i]))
      return 1;
  return 0;
}

static int is_punct(const ng_doc *doc, size_t t, const char *p)
{
  return (doc->tokens.v[t].flags & NG_TOK_PUNCT) && ng_tok_is(doc, t, p);
}

static int is_closing(const ng_doc *doc, size_t t)
{
  return is_punct(doc, t, "\"") || is_punct(doc, t, "'") ||
         is_punct(doc, t, ")") || is_punct(doc, t, "]") ||
         is_punct(doc, t, "\xe2\x80\x9d") || /* ” */
         is_punct(doc, t, "\xe2\x80\x99") || /* ’ */
         is_punct(doc, t, "\xc2\xbb");       /* » */
}

static int is_terminal(const ng_doc *doc, size_t t)
{
  return is_punct(doc, t, ".") || is_punct(doc, t, "!") ||
         is_punct(doc, t, "?") || is_punct(doc, t, "\xe2\x80\xa6"); /* … */
}

/* Can token t start a sentence? */
static int can_open(const ng_doc *doc, size_t t)
{
  unsigned f = doc->tokens.v[t].flags;
  if (f & (NG_TOK_UPPER | NG_TOK_NUM | NG_TOK_HANDLE))
    return 1;
  if (f & NG_TOK_PUNCT)
    return !is_terminal(doc, t) && !is_punct(doc, t, ",") &&
           !is_punct(doc, t, ";") && !is_punct(doc, t, ":");
  return 0;
}

/* Does a full stop right after token t (a word) end the sentence? */
static int stop_ends(const ng_doc *doc, size_t t, size_t next)
{
  const ng_token *tk = &doc->tokens.v[t];
  size_t n = tk->end - tk->start;
  int dotted = memchr(doc->text + tk->start, '.', n) != NULL;
  int initial = n == 1 && (tk->flags & NG_TOK_UPPER);
  if (in_list(doc, t, abbrevs) || dotted || initial) {
    if (!(in_list(doc, t, closers) || dotted))
      return 0;
    return in_list(doc, next, openers);
  }
  return 1;
}

static void add(ng_doc *doc, size_t begin, size_t end)
{
  if (begin >= end)
    return;
  ng_sentence *s = NG_VEC_PUSH(doc->sentences);
  s->tok_begin = begin;
  s->tok_end = end;
  s->start = doc->tokens.v[begin].start;
  s->end = doc->tokens.v[end - 1].end;
}

int ng_sentences_split(ng_doc *doc)
{
  size_t n = doc->tokens.n, begin = 0;
  doc->sentences.n = 0;
  for (size_t t = 0; t < n; t++) {
    if (t > begin) {
      unsigned f = doc->tokens.v[t].flags;
      if (f & NG_TOK_PARA) {
        add(doc, begin, t);
        begin = t;
      } else if (f & NG_TOK_NL) {
        /*
         * A single line break: a new sentence unless the line wraps
         * mid-sentence (the next line goes on in lower case, or the line
         * ends in a comma or a word that wants more).
         */
        const ng_token *prev = &doc->tokens.v[t - 1];
        int lower_next = (f & NG_TOK_LOWER) != 0;
        int open_end = ((prev->flags & NG_TOK_PUNCT) &&
                        (is_punct(doc, t - 1, ",") || is_punct(doc, t - 1, "-"))) ||
                       ((prev->flags & NG_TOK_WORD) && in_list(doc, t - 1, continuers));
        if (!lower_next && !open_end) {
          add(doc, begin, t);
          begin = t;
        }
      }
    }
    if (!is_terminal(doc, t))
      continue;
    /* Take in repeated marks and closing quotes: '?!"' ends after '"'. */
    size_t end = t + 1;
    while (end < n && !(doc->tokens.v[end].flags & NG_TOK_NL) &&
           (is_terminal(doc, end) || is_closing(doc, end)))
      end++;
    if (end >= n) {
      t = end - 1;
      continue;
    }
    if (doc->tokens.v[end].flags & NG_TOK_NL) {
      /* The line break decides, at the top of the loop. */
      t = end - 1;
      continue;
    }
    if (!can_open(doc, end)) {
      t = end - 1;
      continue;
    }
    if (is_punct(doc, t, ".") && t > begin &&
        (doc->tokens.v[t - 1].flags & NG_TOK_WORD) &&
        !(doc->tokens.v[t].flags & NG_TOK_SPACE) &&
        !stop_ends(doc, t - 1, end)) {
      t = end - 1;
      continue;
    }
    /* A dotted acronym swallowed its stop: "in the U.S. The ..." */
    add(doc, begin, end);
    begin = end;
    t = end - 1;
  }
  /* "U.S." at the end of a sentence holds the stop inside the token. */
  add(doc, begin, n);

  /* Split where a dotted acronym ends a sentence: "... the U.S. The ...". */
  for (size_t i = 0; i < doc->sentences.n; i++) {
    ng_sentence *s = &doc->sentences.v[i];
    for (size_t t = s->tok_begin; t + 1 < s->tok_end; t++) {
      const ng_token *tk = &doc->tokens.v[t];
      if (!(tk->flags & NG_TOK_WORD) || doc->text[tk->end - 1] != '.')
        continue;
      if (!in_list(doc, t + 1, openers))
        continue;
      /* Insert a boundary after t. */
      ng_sentence tail = *s;
      tail.tok_begin = t + 1;
      tail.start = doc->tokens.v[t + 1].start;
      s->tok_end = t + 1;
      s->end = tk->end;
      NG_VEC_GROW(doc->sentences, doc->sentences.n + 1);
      s = &doc->sentences.v[i];
      memmove(&doc->sentences.v[i + 2], &doc->sentences.v[i + 1],
              (doc->sentences.n - i - 1) * sizeof(ng_sentence));
      doc->sentences.v[i + 1] = tail;
      doc->sentences.n++;
      break;
    }
  }
  return 0;
}
