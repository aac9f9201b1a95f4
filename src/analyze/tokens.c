/*
 * The tokenizer: splits doc->text into words, numbers, @handles and single
 * punctuation marks, remembering the case of each word and the line breaks
 * before it.  Every later pass works on these tokens, so the rules here
 * decide what a name's span can be:
 *
 *  - "Musk's" is "Musk" + "'s": a possessive is never part of a name.
 *  - "U.S." and "P.J." keep their dots (letter-dot runs are one token);
 *    "Mr." is "Mr" + "." and the sentence splitter knows the abbreviation.
 *  - "co-founder", "Francisco-based" and "O'Brien" stay one token.
 *  - "5,000", "08:18", "2021-02-14" and "1.5" are one number each.
 *
 * Text inside doc->skip spans (page furniture) yields no tokens; the token
 * after such a span starts a new paragraph.
 */
#include <string.h>

#include "analyze/analyze.h"
#include "util/utf8.h"

/* Beyond ASCII, a letter is anything not punctuation. */
static int is_letter_wide(uint32_t cp)
{
  if (cp < 0xC0)
    return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7)
    return 0;
  if (cp >= 0x2000 && cp <= 0x2BFF) /* punctuation, symbols, arrows */
    return 0;
  if (cp >= 0x3000 && cp <= 0x303F) /* CJK punctuation */
    return 0;
  if (cp >= 0xFE30 && cp <= 0xFE6F)
    return 0;
  if (cp >= 0xFF00 && cp <= 0xFF20)
    return 0;
  if (cp == 0xFFFD || (cp >= 0x1F000 && cp <= 0x1FAFF)) /* emoji */
    return 0;
  return 1;
}

/* Is cp a letter?  ASCII exactly, inline: nearly every byte of news is. */
static inline int is_letter(uint32_t cp)
{
  if (cp < 0x80)
    return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return is_letter_wide(cp);
}

static int is_digit(uint32_t cp)
{
  return cp >= '0' && cp <= '9';
}

static int is_upper_wide(uint32_t cp)
{
  if (cp >= 0xC0 && cp <= 0xDE)
    return cp != 0xD7;
  /* Latin Extended-A pairs upper/lower; the parity flips twice. */
  if (cp >= 0x100 && cp <= 0x137)
    return (cp & 1) == 0;
  if (cp >= 0x139 && cp <= 0x148)
    return (cp & 1) == 1;
  if (cp >= 0x14A && cp <= 0x177)
    return (cp & 1) == 0;
  if (cp >= 0x178 && cp <= 0x17E)
    return cp == 0x178 || (cp & 1) == 1;
  if (cp >= 0x391 && cp <= 0x3A9)
    return 1;
  if (cp >= 0x400 && cp <= 0x42F)
    return 1;
  return 0;
}

/* Upper case, for the scripts news names come in. */
static inline int is_upper(uint32_t cp)
{
  if (cp < 0x80)
    return cp >= 'A' && cp <= 'Z';
  return is_upper_wide(cp);
}

static inline int is_lower_cp(uint32_t cp)
{
  if (cp < 0x80)
    return cp >= 'a' && cp <= 'z';
  return is_letter(cp) && !is_upper(cp);
}

static int is_space(uint32_t cp)
{
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
         cp == '\v' || cp == 0xA0 || cp == 0x2009 || cp == 0x200A ||
         cp == 0x200B || cp == 0x202F || cp == 0x3000 || cp == 0xFEFF ||
         (cp >= 0x2000 && cp <= 0x2008);
}

static int is_apostrophe(uint32_t cp)
{
  return cp == '\'' || cp == 0x2019;
}

/* The character at i and, in *next, where the one after it starts. */
static inline uint32_t peek(const char *s, size_t len, size_t i, size_t *next)
{
  if (i >= len) {
    if (next)
      *next = i;
    return 0;
  }
  unsigned char c = (unsigned char)s[i];
  if (c < 0x80) {
    if (next)
      *next = i + 1;
    return c;
  }
  size_t j = i;
  uint32_t cp = ng_utf8_next(s, len, &j);
  if (next)
    *next = j;
  return cp;
}

/*
 * Scan a word starting at i (a letter).  Inner hyphens, apostrophes and
 * digits join; a possessive "'s" does not; "U.S."-style runs of single
 * letters and dots keep their dots.
 */
static size_t scan_word(const char *s, size_t len, size_t i)
{
  size_t start = i, j;
  size_t letters_since_dot = 0;
  int dotted = 0;
  while (i < len) {
    uint32_t cp = peek(s, len, i, &j);
    if (is_letter(cp) || is_digit(cp)) {
      letters_since_dot++;
      i = j;
      continue;
    }
    if (cp == '-' || is_apostrophe(cp)) {
      size_t k;
      uint32_t nx = peek(s, len, j, &k);
      if (!is_letter(nx) && !is_digit(nx))
        break;
      if (is_apostrophe(cp) && (nx == 's' || nx == 'S')) {
        /* "Musk's": stop unless the s starts a longer word ("O'Sullivan"). */
        uint32_t after = peek(s, len, k, NULL);
        if (!is_letter(after) && !is_digit(after))
          break;
      }
      letters_since_dot = 0;
      i = j;
      continue;
    }
    if (cp == '.' && letters_since_dot == 1) {
      /* "U.S." "P.J.": single letters between dots. */
      size_t k;
      uint32_t nx = peek(s, len, j, &k);
      if (is_letter(nx)) {
        uint32_t after = peek(s, len, k, NULL);
        if (after == '.') {
          dotted = 1;
          letters_since_dot = 0;
          i = j;
          continue;
        }
      }
      if (dotted) {
        i = j; /* the closing dot of "U.S." */
        break;
      }
    }
    break;
  }
  (void)start;
  return i;
}

/* A number: digits with inner , . : / - between digits. */
static size_t scan_number(const char *s, size_t len, size_t i)
{
  size_t j;
  while (i < len) {
    uint32_t cp = peek(s, len, i, &j);
    if (is_digit(cp)) {
      i = j;
      continue;
    }
    if (cp == ',' || cp == '.' || cp == ':' || cp == '/' || cp == '-') {
      uint32_t nx = peek(s, len, j, NULL);
      if (is_digit(nx)) {
        i = j;
        continue;
      }
    }
    /* "1990s", "5th", "10am" keep their letters. */
    if (is_letter(cp)) {
      size_t k = i;
      while (k < len) {
        size_t m;
        uint32_t c2 = peek(s, len, k, &m);
        if (!is_letter(c2))
          break;
        k = m;
      }
      i = k;
    }
    break;
  }
  return i;
}

static unsigned case_flags(const char *s, size_t start, size_t end)
{
  size_t i = start, j;
  unsigned f = 0;
  int letters = 0, uppers = 0, first = 1;
  while (i < end) {
    uint32_t cp = peek(s, end, i, &j);
    if (is_letter(cp)) {
      letters++;
      if (is_upper(cp))
        uppers++;
      if (first) {
        f |= is_upper(cp) ? NG_TOK_UPPER : is_lower_cp(cp) ? NG_TOK_LOWER : 0;
        first = 0;
      }
    }
    i = j;
  }
  if (letters >= 2 && uppers == letters)
    f |= NG_TOK_ALLCAP;
  return f;
}

size_t ng_tok_at(const ng_doc *doc, size_t off)
{
  size_t lo = 0, hi = doc->tokens.n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (doc->tokens.v[mid].start < off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

int ng_tokenize(ng_doc *doc)
{
  const char *s = doc->text;
  size_t len = doc->text_len, i = 0, skip_i = 0;
  unsigned pending = NG_TOK_PARA; /* the text's start is a paragraph start */
  int newlines = 0;

  doc->tokens.n = 0;
  /* About one token per six bytes of news prose. */
  NG_VEC_GROW(doc->tokens, len / 6 + 16);
  while (i < len) {
    /* Jump over page furniture; it separates paragraphs. */
    while (skip_i < doc->skip.n && doc->skip.v[skip_i].end <= i)
      skip_i++;
    if (skip_i < doc->skip.n && doc->skip.v[skip_i].start <= i) {
      i = doc->skip.v[skip_i].end;
      pending |= NG_TOK_PARA | NG_TOK_NL | NG_TOK_SPACE;
      continue;
    }
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      if (c == '\n') {
        newlines++;
        pending |= NG_TOK_NL | NG_TOK_SPACE;
        if (newlines >= 2)
          pending |= NG_TOK_PARA;
        i++;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        pending |= NG_TOK_SPACE;
        i++;
        continue;
      }
    }
    size_t end;
    unsigned flags;
    if ((unsigned)((c | 0x20) - 'a') < 26u) {
      /*
       * Most words are ASCII letters ended by a blank or punctuation that
       * scan_word() stops at: take them and their case in one pass.  A
       * word going on with a digit, '-', '\'', a letter's dot or a byte
       * beyond ASCII takes the general road below.
       */
      size_t k = i, uppers = 0;
      unsigned char d;
      while (k < len && (unsigned)(((d = (unsigned char)s[k]) | 0x20) - 'a') < 26u) {
        uppers += d <= 'Z';
        k++;
      }
      d = k < len ? (unsigned char)s[k] : 0;
      if (d < 0x80 && !(d >= '0' && d <= '9') && d != '-' && d != '\'' &&
          !(d == '.' && k - i == 1)) {
        end = k;
        flags = NG_TOK_WORD | (c <= 'Z' ? NG_TOK_UPPER : NG_TOK_LOWER);
        if (k - i >= 2 && uppers == k - i)
          flags |= NG_TOK_ALLCAP;
        goto push;
      }
    }
    size_t j;
    uint32_t cp = peek(s, len, i, &j);
    if (is_space(cp)) {
      pending |= NG_TOK_SPACE;
      i = j;
      continue;
    }
    if (is_letter(cp)) {
      end = scan_word(s, len, i);
      flags = NG_TOK_WORD | case_flags(s, i, end);
    } else if (is_digit(cp)) {
      end = scan_number(s, len, i);
      flags = NG_TOK_NUM;
    } else if (cp == '@' && is_letter(peek(s, len, j, NULL)) &&
               (i == 0 || !is_letter((unsigned char)s[i - 1]))) {
      /* "@elonmusk", "@KremlinRussia_E": letters, digits, '_'. */
      end = j;
      while (end < len) {
        unsigned char d = (unsigned char)s[end];
        if (!((d | 0x20) >= 'a' && (d | 0x20) <= 'z') && !(d >= '0' && d <= '9') &&
            d != '_')
          break;
        end++;
      }
      flags = NG_TOK_HANDLE;
    } else if (is_apostrophe(cp) && (peek(s, len, j, NULL) == 's' ||
                                     peek(s, len, j, NULL) == 'S')) {
      /* The possessive "'s" as its own token. */
      size_t k;
      peek(s, len, j, &k);
      if (!is_letter(peek(s, len, k, NULL))) {
        end = k;
        flags = NG_TOK_WORD | NG_TOK_LOWER;
      } else {
        end = j;
        flags = NG_TOK_PUNCT;
      }
    } else {
      end = j;
      flags = NG_TOK_PUNCT;
    }
  push:
    /* A word never runs into furniture: "RussiaUpdated: Feb 15". */
    if (skip_i < doc->skip.n && doc->skip.v[skip_i].start < end)
      end = doc->skip.v[skip_i].start;
    ng_token *t = NG_VEC_PUSH(doc->tokens);
    t->start = i;
    t->end = end;
    t->flags = flags | pending;
    pending = 0;
    newlines = 0;
    i = end;
  }
  return 0;
}

void ng_slug(const char *name, size_t n, ng_buf *out)
{
  int dash = 0;
  size_t start = out->len;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)name[i];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      if (dash && out->len > start)
        ng_buf_addch(out, '-');
      dash = 0;
      ng_buf_addch(out, (char)c);
    } else if (c >= 'A' && c <= 'Z') {
      if (dash && out->len > start)
        ng_buf_addch(out, '-');
      dash = 0;
      ng_buf_addch(out, (char)(c - 'A' + 'a'));
    } else if (c == '\'' ) {
      /* "O'Brien" -> "obrien" */
    } else {
      dash = 1;
    }
  }
}
