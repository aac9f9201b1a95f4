/*
 * Name keys: the comparison form of names (see namekey.h).  The rules are
 * the ones news text needs to say two spellings name one thing: case
 * ("REUTERS" is "Reuters"), punctuation ("U.S." is "US"), titles ("Mr
 * Musk" is "Musk"), the article ("the Kremlin") and the possessive.
 */
#include <string.h>

#include "analyze/namekey.h"
#include "util/utf8.h"

/* Lower case for the scripts names in our news come in. */
static uint32_t fold(uint32_t cp)
{
  if (cp < 0x80)
    return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
    return cp + 0x20;
  /* Latin Extended-A pairs capital and small, with a parity flip at 0x138. */
  if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
    return (cp & 1) ? cp : cp + 1;
  if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
    return (cp & 1) ? cp + 1 : cp;
  if (cp == 0x178)
    return 0xFF;
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2)
    return cp + 0x20;
  if (cp >= 0x410 && cp <= 0x42F)
    return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F)
    return cp + 0x50;
  return cp;
}

static int ascii_alnum(uint32_t cp)
{
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
         (cp >= '0' && cp <= '9');
}

static int is_apostrophe(uint32_t cp)
{
  return cp == '\'' || cp == 0x2019;
}

/* Separates words in a name: spaces, quotes, brackets, most punctuation. */
static int is_sep(uint32_t cp)
{
  if (cp < 0x80)
    return !ascii_alnum(cp) && cp != '-' && cp != '&' && cp != '.' &&
           cp != '\'' && cp != '_';
  return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
         cp == 0x3000 || cp == 0xFEFF || cp == 0x201C || cp == 0x201D ||
         cp == 0x2018 || cp == 0x201E || cp == 0x2014 || cp == 0x2013 ||
         cp == 0xAB || cp == 0xBB;
}

/* A word list entry: the word (lower case) and its length. */
typedef struct word {
  const char *s;
  size_t n;
} word;
#define W(lit) {lit, sizeof(lit) - 1}

/* Is w[0..n) (minus one final '.') in list, ignoring ASCII case? */
static int word_in(const char *w, size_t n, const word *list)
{
  if (n && w[n - 1] == '.')
    n--;
  if (!n)
    return 0;
  unsigned char c0 = (unsigned char)w[0];
  if (c0 >= 'A' && c0 <= 'Z')
    c0 = (unsigned char)(c0 + 32);
  for (size_t i = 0; list[i].s; i++) {
    const char *s = list[i].s;
    if (list[i].n != n || (unsigned char)s[0] != c0)
      continue;
    size_t k = 1;
    while (k < n) {
      char a = w[k];
      if (a >= 'A' && a <= 'Z')
        a = (char)(a + 32);
      if (a != s[k])
        break;
      k++;
    }
    if (k == n)
      return 1;
  }
  return 0;
}

static const word titles[] = {
    W("mr"),         W("mrs"),         W("ms"),
    W("miss"),       W("mx"),          W("dr"),
    W("prof"),       W("professor"),   W("sir"),
    W("dame"),       W("lord"),        W("lady"),
    W("president"),  W("pres"),        W("senator"),
    W("sen"),        W("rep"),         W("representative"),
    W("gov"),        W("governor"),    W("mayor"),
    W("judge"),      W("justice"),     W("minister"),
    W("chancellor"), W("premier"),     W("king"),
    W("queen"),      W("prince"),      W("princess"),
    W("sheikh"),     W("pope"),        W("rev"),
    W("reverend"),   W("gen"),         W("general"),
    W("col"),        W("colonel"),     W("lt"),
    W("capt"),       W("captain"),     W("sgt"),
    W("adm"),        W("admiral"),     W("maj"),
    W("major"),      W("congressman"), W("congresswoman"),
    W("secretary"),  W("ambassador"),  W("commissioner"),
    {NULL, 0}};

/*
 * The honorifics a key drops.  Fewer than the titles above: "General
 * Motors", "Major League Baseball" and "King Digital" are names, while
 * nobody's name starts with "Mr".
 */
static const word honorifics[] = {W("mr"),  W("mrs"),  W("ms"),
                                  W("mx"),  W("dr"),   W("prof"),
                                  W("sir"), W("dame"), {NULL, 0}};

static const word legal_suffixes[] = {
    W("inc"), W("incorporated"), W("corp"), W("corporation"), W("co"),
    W("ltd"), W("limited"),      W("llc"),  W("plc"),         W("ag"),
    W("sa"),  W("gmbh"),         W("nv"),   W("bv"),          W("lp"),
    W("llp"), W("spa"),          W("ab"),   W("asa"),         W("oyj"),
    W("se"),  W("pty"),          {NULL, 0}};

static const word generational[] = {W("jr"),  W("sr"), W("ii"),
                                    W("iii"), W("iv"), {NULL, 0}};

static const word function_words[] = {
    W("of"), W("the"), W("and"), W("for"), W("&"),   W("de"), W("la"),  W("le"),
    W("du"), W("des"), W("del"), W("da"),  W("di"),  W("on"), W("in"),  W("at"),
    W("to"), W("a"),   W("an"),  W("und"), W("der"), W("y"),  {NULL, 0}};

int ng_name_is_title(const char *w, size_t n)
{
  return word_in(w, n, titles);
}

int ng_name_is_honorific(const char *w, size_t n)
{
  return word_in(w, n, honorifics);
}

int ng_name_is_legal_suffix(const char *w, size_t n)
{
  return word_in(w, n, legal_suffixes);
}

/* Start and length of the word of key at or after *i; 0 when none. */
static int next_word(const char *key, size_t n, size_t *i, size_t *ws,
                     size_t *wl)
{
  while (*i < n && key[*i] == ' ')
    (*i)++;
  if (*i >= n)
    return 0;
  *ws = *i;
  while (*i < n && key[*i] != ' ')
    (*i)++;
  *wl = *i - *ws;
  return 1;
}

void ng_name_key(const char *name, size_t n, ng_buf *out)
{
  size_t i = 0, end = n, base = out->len;

  /*
   * Trim what may trail a name in a careless span ("Musk's", "Reuters'",
   * "Tesla,"), so the possessive is seen at the end.
   */
  while (end > 0) {
    unsigned char c = (unsigned char)name[end - 1];
    if (c == ' ' || c == ',' || c == ';' || c == ':' || c == ')' ||
        c == '"' || c == '\n' || c == '\t')
      end--;
    else
      break;
  }
  if (end >= 2 && (name[end - 1] == 's' || name[end - 1] == 'S') &&
      name[end - 2] == '\'')
    end -= 2;
  else if (end >= 4 && (name[end - 1] == 's' || name[end - 1] == 'S') &&
           !memcmp(name + end - 4, "\xe2\x80\x99", 3))
    end -= 4;
  else if (end >= 1 && name[end - 1] == '\'')
    end -= 1;
  else if (end >= 3 && !memcmp(name + end - 3, "\xe2\x80\x99", 3))
    end -= 3;

  /*
   * Words, folded, one space apart, inner dots and apostrophes dropped;
   * written straight into out (a key is never longer than three bytes a
   * byte of its name: U+FFFD for a stray byte).
   */
  ng_buf_grow(out, 3 * end + 1);
  char *o = out->ptr;
  size_t len = base;
  int in_word = 0;
  while (i < end) {
    unsigned char c = (unsigned char)name[i];
    uint32_t cp;
    if (c < 0x80) {
      i++;
      cp = c;
    } else {
      cp = ng_utf8_next(name, end, &i);
    }
    if (is_sep(cp)) {
      in_word = 0;
      continue;
    }
    if (cp == '.' || is_apostrophe(cp))
      continue;
    if (!in_word && len > base)
      o[len++] = ' ';
    in_word = 1;
    if (cp < 0x80)
      o[len++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    else
      len += ng_utf8_encode(fold(cp), o + len);
  }

  /* Leading "the" and honorifics go, unless they are all there is. */
  size_t j = base, ws, wl, keep = base;
  while (next_word(o, len, &j, &ws, &wl)) {
    if (!(wl == 3 && !memcmp(o + ws, "the", 3)) &&
        !word_in(o + ws, wl, honorifics))
      break;
    keep = j;
  }
  while (keep < len && o[keep] == ' ')
    keep++;
  if (keep >= len)
    keep = base;
  if (keep > base) {
    memmove(o + base, o + keep, len - keep);
    len -= keep - base;
  }
  ng_buf_setlen(out, len);
}

size_t ng_name_words(const char *key, size_t n)
{
  size_t i = 0, ws, wl, k = 0;
  while (next_word(key, n, &i, &ws, &wl))
    k++;
  return k;
}

size_t ng_name_strip_suffix(const char *key, size_t n)
{
  size_t i = 0, ws, wl, last_s = 0, last_l = 0, prev_end = 0, before = 0;
  size_t words = 0;
  while (next_word(key, n, &i, &ws, &wl)) {
    before = prev_end;
    prev_end = ws + wl;
    last_s = ws;
    last_l = wl;
    words++;
  }
  if (words < 2 || !ng_name_is_legal_suffix(key + last_s, last_l))
    return n;
  /* "acme & co": the ampersand goes with the suffix. */
  size_t cut = before;
  if (cut >= 1 && key[cut - 1] == '&' && (cut == 1 || key[cut - 2] == ' ')) {
    cut--;
    while (cut > 0 && key[cut - 1] == ' ')
      cut--;
  }
  return cut ? cut : n;
}

const char *ng_name_surname(const char *key, size_t n, size_t *len)
{
  size_t i = 0, ws, wl, ls = 0, ll = 0, ps = 0, pl = 0;
  while (next_word(key, n, &i, &ws, &wl)) {
    ps = ls;
    pl = ll;
    ls = ws;
    ll = wl;
  }
  if (pl && word_in(key + ls, ll, generational)) {
    ls = ps;
    ll = pl;
  }
  *len = ll;
  return key + ls;
}

int ng_name_is_short_form(const char *short_key, size_t sn,
                          const char *full_key, size_t fn)
{
  size_t swords = ng_name_words(short_key, sn);
  size_t fwords = ng_name_words(full_key, fn);
  if (!swords || fwords <= swords)
    return 0;
  size_t sl, fl;
  const char *ss = ng_name_surname(short_key, sn, &sl);
  const char *fs = ng_name_surname(full_key, fn, &fl);
  if (sl != fl || memcmp(ss, fs, sl))
    return 0;
  if (swords == 1)
    return 1;
  /* "elon musk" / "elon reeve musk": first words agree too. */
  size_t i = 0, j = 0, s1 = 0, l1 = 0, s2 = 0, l2 = 1;
  next_word(short_key, sn, &i, &s1, &l1);
  next_word(full_key, fn, &j, &s2, &l2);
  return l1 == l2 && !memcmp(short_key + s1, full_key + s2, l1);
}

void ng_name_initials(const char *key, size_t n, int skip_function_words,
                      ng_buf *out)
{
  size_t i = 0, ws, wl;
  while (next_word(key, n, &i, &ws, &wl)) {
    if (skip_function_words && word_in(key + ws, wl, function_words))
      continue;
    if (key[ws] == '&')
      continue;
    /* One initial per hyphenated part: "coca-cola" gives "cc". */
    int at_start = 1;
    for (size_t k = ws; k < ws + wl; k++) {
      if (key[k] == '-') {
        at_start = 1;
        continue;
      }
      if (at_start) {
        /* The whole first code point, so non-ASCII initials compare. */
        size_t e = k + 1;
        while (e < ws + wl && ((unsigned char)key[e] & 0xC0) == 0x80)
          e++;
        ng_buf_add(out, key + k, e - k);
        at_start = 0;
      }
    }
  }
}

int ng_name_is_acronym_of(const char *acr, size_t an, const char *full,
                          size_t fn)
{
  if (an < 2 || an > 10 || memchr(acr, ' ', an))
    return 0;
  fn = ng_name_strip_suffix(full, fn);
  if (ng_name_words(full, fn) < 2)
    return 0;
  ng_buf ini = NG_BUF_INIT;
  int ok = 0;
  for (int skip = 0; skip < 2 && !ok; skip++) {
    ng_buf_reset(&ini);
    ng_name_initials(full, fn, skip, &ini);
    ok = ini.len == an && !memcmp(ini.ptr, acr, an);
  }
  ng_buf_release(&ini);
  return ok;
}

void ng_name_letters(const char *s, size_t n, ng_buf *out)
{
  size_t i = 0;
  while (i < n) {
    uint32_t cp = ng_utf8_next(s, n, &i);
    if (cp < 0x80 ? ascii_alnum(cp) : !is_sep(cp) && !is_apostrophe(cp)) {
      char enc[4];
      size_t k = ng_utf8_encode(fold(cp), enc);
      ng_buf_add(out, enc, k);
    }
  }
}

int ng_handle_match(const char *handle, size_t hn, const char *name,
                    size_t nn)
{
  ng_buf h = NG_BUF_INIT, m = NG_BUF_INIT;
  int score = 0;
  ng_name_letters(handle, hn, &h);
  ng_name_letters(name, nn, &m);
  if (!m.len || !h.len)
    score = 0;
  else if (h.len == m.len && !memcmp(h.ptr, m.ptr, h.len))
    score = 4;
  else if (m.len < 4 || m.len > h.len)
    score = 0;
  else if (!memcmp(h.ptr, m.ptr, m.len))
    score = 3;
  else {
    for (size_t i = 1; i + m.len <= h.len; i++)
      if (!memcmp(h.ptr + i, m.ptr, m.len)) {
        score = 2;
        break;
      }
  }
  ng_buf_release(&h);
  ng_buf_release(&m);
  return score;
}

int ng_name_all_caps(const char *s, size_t n)
{
  size_t letters = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] >= 'a' && s[i] <= 'z')
      return 0;
    if (s[i] >= 'A' && s[i] <= 'Z')
      letters++;
  }
  return letters >= 2;
}

int ng_name_better_spelling(const char *a, size_t an, const char *b,
                            size_t bn)
{
  int ca = ng_name_all_caps(a, an), cb = ng_name_all_caps(b, bn);
  if (ca == cb)
    return 0;
  /* A short one-word acronym is its capitals: "NATO", "CIA", "U.S.". */
  const char *caps = ca ? a : b;
  size_t cn = ca ? an : bn, letters = 0;
  for (size_t i = 0; i < cn; i++)
    letters += caps[i] >= 'A' && caps[i] <= 'Z';
  if (letters <= 4 && !memchr(caps, ' ', cn))
    return ca;
  return cb;
}

size_t ng_name_distance(const char *a, size_t an, const char *b, size_t bn,
                        size_t max)
{
  enum { CAP = 64 };
  if ((an > bn ? an - bn : bn - an) > max)
    return max + 1;
  if (an >= CAP || bn >= CAP)
    return an == bn && !memcmp(a, b, an) ? 0 : max + 1;
  /* Three rows of the optimal-string-alignment table. */
  size_t r0[CAP + 1], r1[CAP + 1], r2[CAP + 1];
  size_t *pp = r0, *p = r1, *c = r2;
  for (size_t j = 0; j <= bn; j++)
    p[j] = j;
  for (size_t i = 1; i <= an; i++) {
    size_t best = c[0] = i;
    for (size_t j = 1; j <= bn; j++) {
      size_t cost = a[i - 1] != b[j - 1];
      size_t v = p[j - 1] + cost;
      if (p[j] + 1 < v)
        v = p[j] + 1;
      if (c[j - 1] + 1 < v)
        v = c[j - 1] + 1;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
          pp[j - 2] + 1 < v)
        v = pp[j - 2] + 1;
      c[j] = v;
      if (v < best)
        best = v;
    }
    if (best > max)
      return max + 1;
    size_t *t = pp;
    pp = p;
    p = c;
    c = t;
  }
  return p[bn] > max ? max + 1 : p[bn];
}
