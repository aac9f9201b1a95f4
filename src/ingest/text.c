/*
 * Plain-text articles.  The document's text is the file's bytes exactly,
 * because offsets in the output must point into the file; so nothing is
 * cut.  Instead this reader finds the title, the publication date, and the
 * page furniture that text dumps of web pages carry (menus, breadcrumbs,
 * comment forms), which it records as doc->skip spans for the analysis to
 * pass over.
 */
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"
#include "util/mem.h"

/* A non-empty line, blanks trimmed at both ends. */
typedef struct line {
  size_t start, end;
  size_t raw; /* its number among all lines, empty ones included */
} line;

typedef NG_VEC(line) line_vec;

/* The title is looked for among this many non-empty lines at the top. */
#define TITLE_WINDOW 8

/*
 * Whole lines that are page furniture in the text dumps of news pages.
 * An entry matches a line equal to it (case-insensitive, trailing
 * punctuation aside); a PREFIX entry matches any line starting with it.
 * Kept short on purpose: the shapes in furniture() catch the rest.
 */
enum { EXACT = 0, PREFIX = 1 };

static const struct {
  const char *s;
  int how;
} furniture_lexicon[] = {
    /* navigation */
    {"back", EXACT},
    {"home", EXACT},
    {"menu", EXACT},
    {"skip to content", EXACT},
    {"skip to main content", EXACT},
    {"more less", EXACT},
    {"previous post next post", EXACT},
    {"previous article next article", EXACT},
    {"main img", EXACT},
    {"ugc_banner", EXACT},
    /* teasers and promotion */
    {"premium", EXACT},
    {"advertisement", EXACT},
    {"recommended for you", EXACT},
    {"you may also like", EXACT},
    {"related articles", EXACT},
    {"related stories", EXACT},
    {"story highlights", EXACT},
    {"trending now", EXACT},
    {"top stories", EXACT},
    {"read more", PREFIX},
    {"also read", PREFIX},
    {"watch:", PREFIX},
    {"catch all the ", PREFIX},
    {"get alerts on ", PREFIX},
    {"download the ", PREFIX},
    {"sign up for ", PREFIX},
    {"subscribe to ", PREFIX},
    {"follow us on ", PREFIX},
    {"click here", PREFIX},
    {"listen to this article", PREFIX},
    /* sharing and comment forms */
    {"share this article", EXACT},
    {"share", EXACT},
    {"comments", EXACT},
    {"leave a reply", EXACT},
    {"cancel reply", EXACT},
    {"please enter your ", PREFIX},
};

/*
 * Words of site menus ("Set Preferences My Reads Watchlist Feedback Redeem
 * a Gift Card Logout").  A line of capitalised words without punctuation,
 * at least half of them these, is a menu.
 */
static const char *const menu_words[] = {
    "account",  "card",        "contact",     "e-paper", "epaper",
    "feedback", "gift",        "home",        "login",   "logout",
    "menu",     "newsletter",  "newsletters", "next",    "podcasts",
    "post",     "preferences", "previous",    "privacy", "profile",
    "reads",    "redeem",      "register",    "search",  "settings",
    "share",    "sign",        "subscribe",   "videos",  "watchlist",
};

/* Small words a menu or a title-case line may keep in lower case. */
static const char *const function_words[] = {
    "a", "an", "and", "at", "for", "in", "my", "of", "on", "or", "the", "to",
};

/* Tokens that pages glue to the end of a caption: "(REUTERS)Premium". */
static const char *const trailing_furniture[] = {"Premium"};

static int is_upper(int c) {
  return c >= 'A' && c <= 'Z';
}

static int is_lower(int c) {
  return c >= 'a' && c <= 'z';
}

static int is_alnum(int c) {
  return is_upper(c) || is_lower(c) || (c >= '0' && c <= '9');
}

static int lower(int c) {
  return is_upper(c) ? c - 'A' + 'a' : c;
}

/* Is c one of the bytes of set?  (strchr() would also match a NUL.) */
static int one_of(int c, const char *set) {
  return c != 0 && strchr(set, c) != NULL;
}

/* Blanks, no-break space, zero-width space and byte-order mark. */
static inline size_t space_len(const char *s, size_t n, size_t i) {
  const unsigned char *u = (const unsigned char *)s;
  if (i >= n)
    return 0;
  if (u[i] < 0x80)
    return u[i] == ' ' || u[i] == '\t' || u[i] == '\r' || u[i] == '\f' ||
           u[i] == '\v';
  if (i + 1 < n && u[i] == 0xc2 && u[i + 1] == 0xa0)
    return 2;
  if (i + 2 < n && u[i] == 0xe2 && u[i + 1] == 0x80 && u[i + 2] == 0x8b)
    return 3;
  if (i + 2 < n && u[i] == 0xef && u[i + 1] == 0xbb && u[i + 2] == 0xbf)
    return 3;
  return 0;
}

/* Is the space ending at s[i-1] one of space_len()'s?  Its length, or 0. */
static size_t space_before(const char *s, size_t lo, size_t i) {
  for (size_t k = 1; k <= 3 && k <= i - lo; k++)
    if (space_len(s, i, i - k) == k)
      return k;
  return 0;
}

static void split_lines(const char *text, size_t len, line_vec *out) {
  size_t pos = 0, raw = 0;
  while (pos < len) {
    const char *nl = memchr(text + pos, '\n', len - pos);
    size_t e = nl ? (size_t)(nl - text) : len, s = pos, k;
    while ((k = space_len(text, e, s)) > 0)
      s += k;
    while (e > s && (k = space_before(text, s, e)) > 0)
      e -= k;
    if (e > s) {
      line *l = NG_VEC_PUSH(*out);
      l->start = s;
      l->end = e;
      l->raw = raw;
    }
    raw++;
    pos = nl ? (size_t)(nl - text) + 1 : len;
  }
}

/*
 * The words of s[0..n), counted up to limit: the callers only compare
 * with a small number, and a paragraph is long.
 */
static size_t count_words(const char *s, size_t n, size_t limit) {
  size_t words = 0, i = 0, k;
  while (i < n && words < limit) {
    while ((k = space_len(s, n, i)) > 0)
      i += k;
    if (i >= n)
      break;
    words++;
    while (i < n && !space_len(s, n, i))
      i++;
  }
  return words;
}

static int has(const char *s, size_t n, const char *needle) {
  size_t m = strlen(needle);
  for (size_t i = 0; i + m <= n; i++)
    if (!memcmp(s + i, needle, m))
      return 1;
  return 0;
}

static int has_ci(const char *s, size_t n, const char *needle, size_t at) {
  size_t m = strlen(needle);
  if (at + m > n)
    return 0;
  for (size_t i = 0; i < m; i++)
    if (lower((unsigned char)s[at + i]) != needle[i])
      return 0;
  return 1;
}

/* An ellipsis at the end: a cut-off teaser, not the end of a sentence. */
static int ends_ellipsis(const char *s, size_t n) {
  return (n >= 3 && !memcmp(s + n - 3, "...", 3)) ||
         (n >= 3 && !memcmp(s + n - 3, "\xe2\x80\xa6", 3));
}

/*
 * Does the line end as a sentence does: ".", "!", "?", maybe inside
 * closing quotes or brackets?
 */
static int ends_sentence(const char *s, size_t n) {
  if (ends_ellipsis(s, n))
    return 0;
  while (n > 0) {
    unsigned char c = (unsigned char)s[n - 1];
    if (c == '"' || c == '\'' || c == ')')
      n--;
    else if (n >= 3 && (unsigned char)s[n - 3] == 0xe2 &&
             (unsigned char)s[n - 2] == 0x80 &&
             ((unsigned char)s[n - 1] == 0x9d ||
              (unsigned char)s[n - 1] == 0x99))
      n -= 3; /* ” ’ */
    else
      return c == '.' || c == '!' || c == '?';
  }
  return 0;
}

static int in_list(const char *const *list, size_t count, const char *w,
                   size_t n) {
  for (size_t i = 0; i < count; i++)
    if (strlen(list[i]) == n && has_ci(w, n, list[i], 0))
      return 1;
  return 0;
}

static int lexicon_match(const char *s, size_t n) {
  size_t m = n;
  /* "Please enter your comment!", "Recommended For You:" */
  while (m > 0 && one_of(s[m - 1], "!.:"))
    m--;
  for (size_t i = 0; i < sizeof(furniture_lexicon) / sizeof(*furniture_lexicon);
       i++) {
    const char *w = furniture_lexicon[i].s;
    if (!n || lower((unsigned char)s[0]) != w[0])
      continue;
    size_t wl = strlen(w);
    if (furniture_lexicon[i].how == PREFIX ? has_ci(s, n, w, 0)
                                           : (wl == m && has_ci(s, m, w, 0)))
      return 1;
  }
  return 0;
}

/* "Home/ News / World/ ...", "Home World Elon Musk and ... live...". */
static int breadcrumb(const char *s, size_t n) {
  size_t seps = 0;
  if (ends_sentence(s, n))
    return 0;
  if (n > 4 && !memcmp(s, "Home", 4) && !is_alnum((unsigned char)s[4]))
    return 1;
  if (has(s, n, "://"))
    return 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] == '/' || s[i] == '>' || s[i] == '|')
      seps++;
  seps += has(s, n, "\xc2\xbb") + has(s, n, "\xe2\x80\xba"); /* » › */
  return seps >= 2;
}

/* A row of menu entries: capitalised words, no punctuation, mostly menu words.
 */
static int menu(const char *s, size_t n) {
  size_t i = 0, words = 0, hits = 0, k;
  for (size_t j = 0; j < n; j++)
    switch (s[j]) {
    case '.': case ',': case ';': case ':': case '!': case '?': case '"':
    case '(': case ')':
      return 0;
    }
  while (i < n) {
    while ((k = space_len(s, n, i)) > 0)
      i += k;
    if (i >= n)
      break;
    size_t w = i;
    while (i < n && !space_len(s, n, i))
      i++;
    words++;
    if (in_list(menu_words, sizeof(menu_words) / sizeof(*menu_words), s + w,
                i - w))
      hits++;
    else if (!is_upper((unsigned char)s[w]) &&
             !in_list(function_words,
                      sizeof(function_words) / sizeof(*function_words), s + w,
                      i - w))
      return 0;
  }
  return words >= 2 && hits >= 2 && 2 * hits >= words;
}

/* "... Download The Mint News App to get Daily Market Updates." */
static int app_promo(const char *s, size_t n) {
  const char *d = s, *last = n >= 9 ? s + n - 9 : NULL;
  while (last && d <= last &&
         (d = memchr(d, 'D', (size_t)(last - d) + 1)) != NULL) {
    size_t i = (size_t)(d - s);
    if (!memcmp(s + i, "Download ", 9)) {
      for (size_t j = i + 9; j + 4 <= n; j++)
        if (!memcmp(s + j, " App", 4) &&
            (j + 4 == n || !is_alnum((unsigned char)s[j + 4])))
          return 1;
      return 0;
    }
    d++;
  }
  return 0;
}

/* Is the whole line s[0..n) page furniture? */
static int furniture(const char *s, size_t n) {
  if (lexicon_match(s, n) || app_promo(s, n) || breadcrumb(s, n) || menu(s, n))
    return 1;
  /*
   * "Back", "main img", "×": one or two words that do not end a sentence
   * are labels, buttons and icons, not the story.  The title is spared by
   * the caller.
   */
  return count_words(s, n, 3) <= 2 && !ends_sentence(s, n);
}

/* The length of a furniture token glued to the end of the line, or 0. */
static size_t trailing(const char *s, size_t n) {
  for (size_t i = 0;
       i < sizeof(trailing_furniture) / sizeof(*trailing_furniture); i++) {
    size_t m = strlen(trailing_furniture[i]);
    if (n <= m || memcmp(s + n - m, trailing_furniture[i], m))
      continue;
    unsigned char prev = (unsigned char)s[n - m - 1];
    /* Glued after ")" or a lower-case letter; "a Premium" is a word. */
    if (is_lower(prev) ||
        (prev < 0x80 && !is_alnum(prev) && prev != ' ' && prev != '\t'))
      return m;
  }
  return 0;
}

static int covered(const ng_doc *doc, size_t start, size_t end) {
  for (size_t i = 0; i < doc->skip.n; i++)
    if (doc->skip.v[i].start < end && start < doc->skip.v[i].end)
      return 1;
  return 0;
}

/* The body has begun: a long paragraph, or a full sentence of some length. */
static int paragraph(const char *s, size_t n) {
  size_t words = count_words(s, n, 31);
  return words > 30 || (words > 15 && ends_sentence(s, n));
}

static int same_line(const char *text, const line *a, const line *b) {
  return a->end - a->start == b->end - b->start &&
         !memcmp(text + a->start, text + b->start, a->end - a->start);
}

/*
 * Could lines.v[i] be the headline?  A line of a handful of words that
 * starts like a headline and does not end like a sentence, standing
 * alone: a blank line or a paragraph after it, not a run of wrapped prose.
 */
static int title_like(const char *text, const line_vec *lines, size_t i,
                      size_t min_words, size_t max_words) {
  const line *l = &lines->v[i];
  const char *s = text + l->start;
  size_t n = l->end - l->start, words = count_words(s, n, max_words + 1);
  unsigned char last = (unsigned char)s[n - 1];
  if (words < min_words || words > max_words)
    return 0;
  if (is_lower((unsigned char)s[0]) || last == '.' || last == ':' ||
      last == ',' || last == ';')
    return 0;
  if (has(s, n, "@") || has(s, n, "http") || has(s, n, "www."))
    return 0;
  if (i + 1 == lines->n || lines->v[i + 1].raw > l->raw + 1)
    return 1;
  const line *next = &lines->v[i + 1];
  return same_line(text, l, next) ||
         paragraph(text + next->start, next->end - next->start);
}

/*
 * The headline among the first lines, before the body starts: a line said
 * twice in a row (pages print the headline in the breadcrumb and the page
 * at once), else the first title-like line.  Furniture is passed over.
 * Returns its index in lines, or lines->n when there is none: no title is
 * better than a made-up one.
 */
static size_t find_title(const ng_doc *doc, const line_vec *lines) {
  const char *text = doc->text;
  size_t first = lines->n,
         end = lines->n < TITLE_WINDOW ? lines->n : TITLE_WINDOW;
  for (size_t i = 0; i < end; i++) {
    const line *l = &lines->v[i];
    const char *s = text + l->start;
    size_t n = l->end - l->start;
    if (paragraph(s, n))
      break;
    if (furniture(s, n) || covered(doc, l->start, l->end))
      continue;
    if (i + 1 < lines->n && same_line(text, l, &lines->v[i + 1]) &&
        title_like(doc->text, lines, i, 3, 30))
      return i;
    if (first == lines->n && title_like(doc->text, lines, i, 4, 25))
      first = i;
  }
  return first;
}

/* The title with its runs of blanks made single spaces. */
static char *title_copy(ng_doc *doc, const line *l) {
  ng_buf b = NG_BUF_INIT;
  const char *s = doc->text;
  size_t i = l->start, k;
  while (i < l->end) {
    if ((k = space_len(s, l->end, i)) > 0) {
      while ((k = space_len(s, l->end, i)) > 0)
        i += k;
      ng_buf_addch(&b, ' ');
    } else {
      ng_buf_addch(&b, s[i++]);
    }
  }
  char *t = ng_doc_strndup(doc, b.ptr, b.len);
  ng_buf_release(&b);
  return t;
}

static int cmp_span(const void *a, const void *b) {
  const ng_span *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

/* Sort the skip spans and join those that overlap or touch. */
static void normalize_skip(ng_doc *doc) {
  size_t out = 0;
  if (doc->skip.n < 2)
    return;
  qsort(doc->skip.v, doc->skip.n, sizeof(*doc->skip.v), cmp_span);
  for (size_t i = 1; i < doc->skip.n; i++) {
    if (doc->skip.v[i].start <= doc->skip.v[out].end) {
      if (doc->skip.v[i].end > doc->skip.v[out].end)
        doc->skip.v[out].end = doc->skip.v[i].end;
    } else {
      doc->skip.v[++out] = doc->skip.v[i];
    }
  }
  doc->skip.n = out + 1;
}

int ng_read_text(ng_ingest_ctx *c, const char *path, const char *bytes,
                 size_t len) {
  ng_doc *doc = ng_doc_make(bytes, len);
  line_vec lines = {0};
  ng_ymd date;
  size_t title;

  doc->id = ng_doc_strdup(doc, path);
  doc->source = ng_doc_strdup(doc, path);

  /* First the date headers, which also become skip spans. */
  if (ng_pubdate_find(doc->text, doc->text_len, &date, doc) == 0) {
    char iso[16];
    ng_ymd_format(date, iso);
    ng_doc_set_published(doc, iso, NG_PUB_TEXT);
  }

  split_lines(doc->text, doc->text_len, &lines);
  title = find_title(doc, &lines);
  if (title < lines.n)
    doc->title = title_copy(doc, &lines.v[title]);

  for (size_t i = 0; i < lines.n; i++) {
    const line *l = &lines.v[i];
    const char *s = doc->text + l->start;
    size_t n = l->end - l->start, k;
    ng_span *sp;
    /* A text of one line is all story, however short. */
    if (i == title || lines.n == 1)
      continue;
    if (furniture(s, n)) {
      sp = NG_VEC_PUSH(doc->skip);
      sp->start = l->start;
      sp->end = l->end;
    } else if ((k = trailing(s, n)) > 0) {
      sp = NG_VEC_PUSH(doc->skip);
      sp->start = l->end - k;
      sp->end = l->end;
    }
  }
  normalize_skip(doc);

  NG_VEC_FREE(lines);
  return ng_ingest_emit(c, doc);
}
