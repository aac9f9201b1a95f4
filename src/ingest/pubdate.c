/*
 * Publication dates: parsing the ways news pages write a date, and finding
 * the one a plain text states about itself in a header or footer line.
 *
 * Everything here works on (pointer, length) pairs, because the callers
 * hand us stretches of a larger text that is not NUL-terminated there.
 */
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"

static int is_digit(int c) {
  return c >= '0' && c <= '9';
}

static int is_upper(int c) {
  return c >= 'A' && c <= 'Z';
}

static int is_lower(int c) {
  return c >= 'a' && c <= 'z';
}

static int is_alpha(int c) {
  return is_upper(c) || is_lower(c);
}

static int lower(int c) {
  return is_upper(c) ? c - 'A' + 'a' : c;
}

/* Is c one of the bytes of set?  (strchr() would also match a NUL.) */
static int one_of(int c, const char *set) {
  return c != 0 && strchr(set, c) != NULL;
}

static int is_blank(int c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* A space, or the UTF-8 no-break space that web pages are full of. */
static size_t space_len(const char *s, size_t n, size_t i) {
  if (i < n && is_blank((unsigned char)s[i]))
    return 1;
  if (i + 1 < n && (unsigned char)s[i] == 0xc2 &&
      (unsigned char)s[i + 1] == 0xa0)
    return 2;
  return 0;
}

static size_t skip_spaces(const char *s, size_t n, size_t i) {
  size_t k;
  while ((k = space_len(s, n, i)) > 0)
    i += k;
  return i;
}

static size_t digit_run(const char *s, size_t n, size_t i) {
  size_t j = i;
  while (j < n && is_digit((unsigned char)s[j]))
    j++;
  return j - i;
}

static size_t alpha_run(const char *s, size_t n, size_t i) {
  size_t j = i;
  while (j < n && is_alpha((unsigned char)s[j]))
    j++;
  return j - i;
}

static int number(const char *s, size_t len) {
  int v = 0;
  for (size_t i = 0; i < len; i++)
    v = v * 10 + (s[i] - '0');
  return v;
}

/* Case-insensitive: does s[i..n) start with word? */
static int starts_ci(const char *s, size_t n, size_t i, const char *word) {
  size_t wl = strlen(word);
  if (n - i < wl || i > n)
    return 0;
  for (size_t k = 0; k < wl; k++)
    if (lower((unsigned char)s[i + k]) != word[k])
      return 0;
  return 1;
}

/* "st", "nd", "rd", "th" after a day number: "15th". */
static size_t skip_ordinal(const char *s, size_t n, size_t i) {
  static const char *const suffixes[] = {"st", "nd", "rd", "th"};
  for (size_t k = 0; k < 4; k++)
    if (starts_ci(s, n, i, suffixes[k]) &&
        (i + 2 >= n || !is_alpha((unsigned char)s[i + 2])))
      return i + 2;
  return i;
}

/* A month name at s[i], with its optional full stop: "Sept.", "February". */
static size_t month_at(const char *s, size_t n, size_t i, int *m) {
  size_t k = alpha_run(s, n, i);
  if (k < 3 || !(*m = ng_month_from_name(s + i, k)))
    return i;
  i += k;
  if (i < n && s[i] == '.')
    i++;
  return i;
}

/* A four-digit year at s[i], not followed by more digits. */
static size_t year_at(const char *s, size_t n, size_t i, int *y) {
  if (digit_run(s, n, i) != 4)
    return i;
  *y = number(s + i, 4);
  return *y >= 1000 ? i + 4 : i;
}

/*
 * The date at the very start of s: the forms of ng_pubdate_parse() without
 * anything after them.  Returns the bytes it took, or 0.  The date must end
 * at a word boundary; an ISO date may run on into its time ("T14:24").
 */
static size_t date_at(const char *s, size_t n, ng_ymd *out) {
  ng_ymd t = {0, 0, 0};
  size_t i = 0, j, k;
  int iso = 0;

  /* "Mon, 15 Feb 2021": the weekday says nothing the date does not. */
  k = alpha_run(s, n, 0);
  if (k >= 3 && ng_weekday_from_name(s, k)) {
    i = k;
    if (i < n && s[i] == '.')
      i++;
    if (i < n && s[i] == ',')
      i++;
    i = skip_spaces(s, n, i);
  }
  if (i >= n)
    return 0;

  if (is_digit((unsigned char)s[i])) {
    k = digit_run(s, n, i);
    if (k == 8) {
      /* "20210215" */
      t.y = number(s + i, 4);
      t.m = number(s + i + 4, 2);
      t.d = number(s + i + 6, 2);
      i += 8;
      iso = 1;
    } else if (k == 4) {
      /* "2021-02-15", "2021/02/15", "2021.02.15" */
      char sep;
      t.y = number(s + i, 4);
      i += 4;
      if (i >= n || !one_of(s[i], "-/."))
        return 0;
      sep = s[i++];
      if ((k = digit_run(s, n, i)) < 1 || k > 2)
        return 0;
      t.m = number(s + i, k);
      i += k;
      if (i >= n || s[i] != sep)
        return 0;
      i++;
      if ((k = digit_run(s, n, i)) < 1 || k > 2)
        return 0;
      t.d = number(s + i, k);
      i += k;
      iso = 1;
    } else if (k <= 2) {
      int a = number(s + i, k);
      i += k;
      if (i + 1 < n && one_of(s[i], "/-.") &&
          is_digit((unsigned char)s[i + 1])) {
        /*
         * "15/02/2021": day first in most of the world, month first in
         * the United States.  Only a number above 12 tells them apart.
         */
        char sep = s[i++];
        int b;
        if ((k = digit_run(s, n, i)) > 2)
          return 0;
        b = number(s + i, k);
        i += k;
        if (i >= n || s[i] != sep || (j = year_at(s, n, i + 1, &t.y)) == i + 1)
          return 0;
        i = j;
        if (a > 12 && b <= 12) {
          t.d = a;
          t.m = b;
        } else if (b > 12 && a <= 12) {
          t.m = a;
          t.d = b;
        } else {
          return 0;
        }
      } else {
        /* "15 Feb 2021", "15th of February, 2021", "15-Feb-2021" */
        t.d = a;
        i = skip_ordinal(s, n, i);
        i = skip_spaces(s, n, i);
        if (i < n && s[i] == '-')
          i++;
        if (starts_ci(s, n, i, "of "))
          i = skip_spaces(s, n, i + 3);
        if ((j = month_at(s, n, i, &t.m)) == i)
          return 0;
        i = j;
        if (i < n && (s[i] == ',' || s[i] == '-'))
          i++;
        i = skip_spaces(s, n, i);
        if ((j = year_at(s, n, i, &t.y)) == i)
          return 0;
        i = j;
      }
    } else {
      return 0;
    }
  } else {
    /* "Feb 15, 2021", "Sept. 3, 2020", "February 15th 2021" */
    if ((j = month_at(s, n, i, &t.m)) == i)
      return 0;
    i = skip_spaces(s, n, j);
    if ((k = digit_run(s, n, i)) < 1 || k > 2)
      return 0;
    t.d = number(s + i, k);
    i = skip_ordinal(s, n, i + k);
    if (i < n && s[i] == ',')
      i++;
    i = skip_spaces(s, n, i);
    if ((j = year_at(s, n, i, &t.y)) == i)
      return 0;
    i = j;
  }

  /* "2021-02-150" or "15 Feb 2021x" is not a date we read. */
  if (i < n && (is_digit((unsigned char)s[i]) ||
                (is_alpha((unsigned char)s[i]) && !(iso && s[i] == 'T'))))
    return 0;
  if (!ng_ymd_valid(t))
    return 0;
  *out = t;
  return i;
}

/*
 * Is s[0..n) one piece of a time of day as pages write it after a date:
 * "08:18", "T14:24:00+05:30", "+0000", "PM", "p.m.", "IST", "(GMT)",
 * "UTC+5:30", "at"?
 */
static int timeish(const char *s, size_t n) {
  size_t i = 0;
  if (n && s[0] == '(')
    s++, n--;
  if (n && s[n - 1] == ')')
    n--;
  if (n == 0)
    return 0;
  if (n == 2 && starts_ci(s, n, 0, "at"))
    return 1;
  if ((n == 2 && (starts_ci(s, n, 0, "am") || starts_ci(s, n, 0, "pm"))) ||
      (n == 4 && (starts_ci(s, n, 0, "a.m.") || starts_ci(s, n, 0, "p.m."))))
    return 1;
  if (s[0] == 'T' && n > 1 && is_digit((unsigned char)s[1]))
    i = 1;
  if (i == 1 || is_digit((unsigned char)s[0]) || s[0] == '+' || s[0] == '-') {
    int colon = 0, digit = 0;
    for (; i < n; i++) {
      if (s[i] == ':')
        colon = 1;
      else if (is_digit((unsigned char)s[i]))
        digit = 1;
      else if (!one_of(s[i], ".+-Z"))
        return 0;
    }
    /* A bare number is not a time; "+0000" is an offset. */
    return digit && (colon || s[0] == '+' || s[0] == '-' || s[0] == 'T');
  }
  /* A zone: "IST", "GMT", "UTC", "CEST", with an offset maybe. */
  while (i < n && is_upper((unsigned char)s[i]))
    i++;
  if (i < 1 || i > 5)
    return 0;
  if (!(s[i - 1] == 'T' || s[i - 1] == 'Z' ||
        (i == 3 && !strncmp(s, "UTC", 3))))
    return 0;
  if (i < n && s[i] != '+' && s[i] != '-')
    return 0;
  for (; i < n; i++)
    if (!is_digit((unsigned char)s[i]) && !one_of(s[i], "+-:"))
      return 0;
  return 1;
}

/*
 * The end of the time-of-day pieces that follow a date at s[i]: ", 08:18
 * PM IST".  Returns i itself when none follow.
 */
static size_t time_tail(const char *s, size_t n, size_t i) {
  size_t end = i;
  for (;;) {
    size_t j = end, k;
    while (j < n && (s[j] == ',' || s[j] == '|' || space_len(s, n, j)))
      j += space_len(s, n, j) ? space_len(s, n, j) : 1;
    k = j;
    while (k < n && s[k] != ',' && !space_len(s, n, k) && s[k] != '\n')
      k++;
    if (k == j || !timeish(s + j, k - j))
      return end;
    end = k;
  }
}

/*
 * A time of day written before the date: "08:18 PM IST, Feb 15, 2021".
 * Returns where the date may start, or i when there is no such time.
 */
static size_t skip_time(const char *s, size_t n, size_t i) {
  size_t k = digit_run(s, n, i);
  if (k < 1 || k > 2 || i + k >= n || s[i + k] != ':')
    return i;
  size_t j = time_tail(s, n, i);
  if (j == i)
    return i;
  if (j < n && s[j] == ',')
    j++;
  j = skip_spaces(s, n, j);
  if (starts_ci(s, n, j, "on "))
    j = skip_spaces(s, n, j + 3);
  return j;
}

/* The end of s[i..n) with blanks and no-break spaces taken off. */
static size_t trim_end(const char *s, size_t i, size_t n) {
  for (;;) {
    if (n > i && (is_blank((unsigned char)s[n - 1]) || s[n - 1] == '\n'))
      n--;
    else if (n >= i + 2 && (unsigned char)s[n - 2] == 0xc2 &&
             (unsigned char)s[n - 1] == 0xa0)
      n -= 2;
    else
      return n;
  }
}

int ng_pubdate_parse(const char *s, size_t n, ng_ymd *out) {
  ng_ymd t;
  size_t i = skip_spaces(s, n, 0), k;
  n = trim_end(s, i, n);
  if (i >= n || !(k = date_at(s + i, n - i, &t)))
    return -1;
  if (time_tail(s, n, i + k) != n)
    return -1;
  *out = t;
  return 0;
}

/* ------------------------------------------------------------------ */
/* Finding the date in a text                                         */

/*
 * The words that introduce a page's own date, longest first so that "Last
 * updated" wins over "updated" at the same spot.  A publication date is
 * worth more than an update: the events were reported on the first.
 */
enum { RANK_UPDATED = 1, RANK_BARE_LINE = 2, RANK_PUBLISHED = 3 };

static const struct {
  const char *word;
  int rank;
} keywords[] = {
    {"first published", RANK_PUBLISHED},
    {"last updated", RANK_UPDATED},
    {"last modified", RANK_UPDATED},
    {"published", RANK_PUBLISHED},
    {"posted", RANK_PUBLISHED},
    {"dated", RANK_PUBLISHED},
    {"date", RANK_PUBLISHED},
    {"updated", RANK_UPDATED},
    {"modified", RANK_UPDATED},
};

/* Beyond this many bytes after the keyword, a line is prose, not a header. */
#define HEADER_MAX 120
/* A line that is only a date counts within this many non-empty lines. */
#define BARE_LINES 5

typedef struct found {
  int rank;
  ng_ymd date;
} found;

static void consider(found *best, int rank, ng_ymd t, ng_doc *doc, size_t start,
                     size_t end) {
  if (rank > best->rank) {
    best->rank = rank;
    best->date = t;
  }
  if (doc) {
    ng_span *sp = NG_VEC_PUSH(doc->skip);
    sp->start = start;
    sp->end = end;
  }
}

/*
 * Does the keyword at s[p] introduce a date?  s[ls..le) is its line,
 * blanks trimmed.  On success fills *t and *end (the end of the date and
 * any time after it).
 */
static int keyword_date(const char *s, size_t ls, size_t le, size_t p,
                        size_t kw_end, ng_ymd *t, size_t *end) {
  size_t j = kw_end, k;
  int colon = 0;
  int strong = p == ls;
  unsigned char prev = p > ls ? (unsigned char)s[p - 1] : 0;

  /* "RussiaUpdated:": a dateline glued to the keyword by a lost newline. */
  if (p > ls && is_upper((unsigned char)s[p]) &&
      (is_lower(prev) || prev >= 0x80))
    strong = 1;
  /* "By Jane Doe | Published ...", "(AFP)Updated ..." */
  if (p > ls && !strong) {
    size_t q = p;
    while (q > ls && space_len(s, le, q - 1))
      q--;
    if (q > ls && one_of(s[q - 1], "|)]-/"))
      strong = 1;
    if (q >= ls + 3 && (unsigned char)s[q - 3] == 0xe2 &&
        (unsigned char)s[q - 2] == 0x80 &&
        ((unsigned char)s[q - 1] == 0xa2 || (unsigned char)s[q - 1] == 0x93 ||
         (unsigned char)s[q - 1] == 0x94))
      strong = 1; /* "•", "–", "—" */
  }

  j = skip_spaces(s, le, j);
  if (j < le && s[j] == ':') {
    colon = 1;
    j = skip_spaces(s, le, j + 1);
  }
  if (starts_ci(s, le, j, "on ") || starts_ci(s, le, j, "on:")) {
    j = skip_spaces(s, le, j + 2);
    if (j < le && s[j] == ':') {
      colon = 1;
      j = skip_spaces(s, le, j + 1);
    }
  }
  /* Prose may say "was updated Feb 3, 2021"; a header says "Updated:". */
  if (!strong &&
      !(le - kw_end < HEADER_MAX && (colon || is_upper((unsigned char)s[p]))))
    return 0;
  j = skip_time(s, le, j);
  if (!(k = date_at(s + j, le - j, t)))
    return 0;
  *end = time_tail(s, le, j + k);
  return 1;
}

/* The bytes a keyword starts with, either case: every byte of a text asks. */
static const unsigned char keyword_start[256] = {
    ['d'] = 1, ['p'] = 1, ['u'] = 1, ['l'] = 1, ['f'] = 1, ['m'] = 1,
    ['D'] = 1, ['P'] = 1, ['U'] = 1, ['L'] = 1, ['F'] = 1, ['M'] = 1,
};

/* Look for keyword headers in the line s[ls..le). */
static void scan_line(const char *s, size_t ls, size_t le, found *best,
                      ng_doc *doc) {
  for (size_t p = ls; p < le; p++) {
    unsigned char c = (unsigned char)s[p];
    if (!keyword_start[c])
      continue;
    unsigned char prev = p > ls ? (unsigned char)s[p - 1] : ' ';
    int first = lower(c);
    /* A word start, or a capital glued to the word before it. */
    if ((is_alpha(prev) || is_digit(prev) || prev >= 0x80) && !is_upper(c))
      continue;
    for (size_t k = 0; k < sizeof(keywords) / sizeof(*keywords); k++) {
      if (keywords[k].word[0] != first)
        continue;
      size_t wl = strlen(keywords[k].word), end;
      ng_ymd t;
      if (!starts_ci(s, le, p, keywords[k].word))
        continue;
      if (p + wl < le && is_alpha((unsigned char)s[p + wl]))
        continue;
      if (keyword_date(s, ls, le, p, p + wl, &t, &end)) {
        consider(best, keywords[k].rank, t, doc, p, end);
        p = end - 1;
      }
      break;
    }
  }
}

int ng_pubdate_find(const char *text, size_t len, ng_ymd *out, ng_doc *doc) {
  found best = {0, {0, 0, 0}};
  size_t pos = 0, nonempty = 0;

  while (pos < len) {
    const char *nl = memchr(text + pos, '\n', len - pos);
    size_t le = nl ? (size_t)(nl - text) : len;
    size_t ls = skip_spaces(text, le, pos);
    size_t next = nl ? le + 1 : len;
    le = trim_end(text, ls, le);
    if (le > ls) {
      ng_ymd t;
      nonempty++;
      /* "February 15, 2021" alone on a line near the top. */
      if (nonempty <= BARE_LINES && le - ls < 64 &&
          ng_pubdate_parse(text + ls, le - ls, &t) == 0)
        consider(&best, RANK_BARE_LINE, t, doc, ls, le);
      else
        scan_line(text, ls, le, &best, doc);
    }
    pos = next;
  }
  if (!best.rank)
    return -1;
  *out = best.date;
  return 0;
}

int ng_pubdate_from_text(const char *text, size_t len, ng_ymd *out) {
  return ng_pubdate_find(text, len, out, NULL);
}
