/*
 * HTML as text: parsing with the safe options, the charset decision, and
 * the walk that turns a tree into paragraphs.  Shared by pages and feeds.
 */
#include <stdlib.h>
#include <string.h>

#include "ingest/html_text.h"
#include "util/utf8.h"

#define B NG_TAG_BLOCK
#define J NG_TAG_JUNK

/* Sorted by name for bsearch. */
static const struct tagdef {
  const char *name;
  unsigned bits;
} tags[] = {
    {"a", NG_TAG_LINK},
    {"address", B},
    {"applet", J},
    {"article", B | NG_TAG_DIVLIKE},
    {"aside", B | J},
    {"audio", J},
    {"blockquote", B},
    {"body", B},
    {"br", NG_TAG_BR},
    {"button", J},
    {"canvas", J},
    {"caption", B},
    {"center", B | NG_TAG_DIVLIKE},
    {"dd", B},
    {"details", B},
    {"dialog", B | J},
    {"dir", B | NG_TAG_LIST},
    {"div", B | NG_TAG_DIVLIKE},
    {"dl", B | NG_TAG_LIST},
    {"dt", B},
    {"embed", J},
    {"fieldset", B},
    {"figcaption", B},
    {"figure", B},
    {"footer", B | J},
    {"form", B},
    {"frame", J},
    {"frameset", J},
    {"h1", B | NG_TAG_HEAD},
    {"h2", B | NG_TAG_HEAD},
    {"h3", B | NG_TAG_HEAD},
    {"h4", B | NG_TAG_HEAD},
    {"h5", B | NG_TAG_HEAD},
    {"h6", B | NG_TAG_HEAD},
    {"head", J},
    {"header", B},
    {"hgroup", B},
    {"hr", B},
    {"html", B},
    {"iframe", J},
    {"img", NG_TAG_MEDIA},
    {"input", J | NG_TAG_INPUT},
    {"label", J},
    {"legend", B},
    {"li", B},
    {"link", J},
    {"main", B | NG_TAG_DIVLIKE},
    {"map", J},
    {"menu", B | J},
    {"meta", J},
    {"nav", B | J},
    {"noscript", J},
    {"object", J},
    {"ol", B | NG_TAG_LIST},
    {"option", J},
    {"p", B | NG_TAG_PARA},
    {"picture", NG_TAG_MEDIA},
    {"pre", B | NG_TAG_PARA},
    {"script", J},
    {"section", B | NG_TAG_DIVLIKE},
    {"select", J | NG_TAG_INPUT},
    {"source", J},
    {"style", J},
    {"summary", B},
    {"svg", J},
    {"table", B},
    {"tbody", B},
    {"td", B | NG_TAG_PARA},
    {"template", J},
    {"textarea", J | NG_TAG_INPUT},
    {"tfoot", B},
    {"th", B},
    {"thead", B},
    {"title", J},
    {"tr", B},
    {"ul", B | NG_TAG_LIST},
    {"video", J | NG_TAG_MEDIA},
};

#undef B
#undef J

static int cmp_tag(const void *key, const void *elem)
{
  return strcmp((const char *)key, ((const struct tagdef *)elem)->name);
}

unsigned ng_html_tag(const xmlChar *name)
{
  if (!name)
    return 0;
  const struct tagdef *t = bsearch(name, tags, sizeof(tags) / sizeof(*tags),
                                   sizeof(*tags), cmp_tag);
  return t ? t->bits : 0;
}

/* Labels that WHATWG maps to windows-1252, which libxml2 knows by iconv. */
static const char *norm_charset(const char *s, size_t n)
{
  char lab[32];
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < sizeof(lab); i++) {
    char ch = s[i];
    if (ch >= 'A' && ch <= 'Z')
      ch = (char)(ch - 'A' + 'a');
    lab[k++] = ch;
  }
  lab[k] = '\0';
  static const char *const w1252[] = {
      "iso-8859-1", "iso8859-1", "latin1",   "l1",      "ascii",
      "us-ascii",   "iso_8859-1", "cp1252",  "windows-1252", "x-cp1252",
      "iso-ir-100", "cp819",     "ibm819",  "ansi_x3.4-1968"};
  for (size_t i = 0; i < sizeof(w1252) / sizeof(*w1252); i++)
    if (!strcmp(lab, w1252[i]))
      return "windows-1252";
  if (!strcmp(lab, "utf-8") || !strcmp(lab, "utf8") ||
      !strcmp(lab, "unicode-1-1-utf-8"))
    return "UTF-8";
  static const char *const known[] = {
      "iso-8859-2", "iso-8859-15", "windows-1250", "windows-1251",
      "windows-1256", "koi8-r", "koi8-u", "shift_jis", "euc-jp", "euc-kr",
      "gb2312", "gbk", "gb18030", "big5", "iso-8859-5", "iso-8859-7",
      "iso-8859-9", "windows-1253", "windows-1254", "windows-1257"};
  for (size_t i = 0; i < sizeof(known) / sizeof(*known); i++)
    if (!strcmp(lab, known[i]))
      return known[i];
  return NULL;
}

static int ci_prefix(const char *s, const char *end, const char *lit)
{
  for (; *lit; s++, lit++) {
    if (s >= end)
      return 0;
    char ch = *s;
    if (ch >= 'A' && ch <= 'Z')
      ch = (char)(ch - 'A' + 'a');
    if (ch != *lit)
      return 0;
  }
  return 1;
}

/* The charset named in a <meta> tag among the first bytes, or NULL. */
static const char *meta_charset(const char *s, size_t len)
{
  const char *end = s + (len < 4096 ? len : 4096);
  for (const char *p = s; p + 5 < end; p++) {
    if (*p != '<' || !ci_prefix(p + 1, end, "meta"))
      continue;
    const char *gt = memchr(p, '>', (size_t)(end - p));
    if (!gt)
      break;
    for (const char *q = p; q + 8 < gt; q++) {
      if (!ci_prefix(q, gt, "charset"))
        continue;
      q += 7;
      while (q < gt && (*q == ' ' || *q == '='))
        q++;
      while (q < gt && (*q == '"' || *q == '\''))
        q++;
      const char *b = q;
      while (q < gt && *q != '"' && *q != '\'' && *q != ';' && *q != ' ' &&
             *q != '/')
        q++;
      return norm_charset(b, (size_t)(q - b));
    }
    p = gt;
  }
  return NULL;
}

const char *ng_html_sniff_charset(const char *bytes, size_t len, size_t *skip)
{
  const unsigned char *u = (const unsigned char *)bytes;
  *skip = 0;
  if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
    *skip = 3;
    return "UTF-8";
  }
  if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
    *skip = 2;
    return "UTF-16LE";
  }
  if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
    *skip = 2;
    return "UTF-16BE";
  }
  return meta_charset(bytes, len);
}

/* libxml2 would print recoverable errors; a page reader wants silence. */
static void quiet(void *data, xmlErrorPtr e)
{
  (void)data;
  (void)e;
}

static int lower_ch(int c)
{
  return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/*
 * The pre-pass below must read tags exactly as libxml2 2.9's HTML parser
 * does (htmlParseStartTag, htmlParseHTMLName, htmlParseAttValue), or it
 * would cut what libxml2 keeps.  These are that parser's classes.
 */
static int letter(int c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int name_start(int c)
{
  return letter(c) || c == '_' || c == ':' || c == '.';
}

static int name_ch(int c)
{
  return name_start(c) || (c >= '0' && c <= '9') || c == '-';
}

static int html_blank(int c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* libxml2 reads names into a buffer of this size and stops there. */
#define NAME_MAX_LEN 100

/* The first "lit" (lower case) in s[i..n), any case; n when none. */
static size_t find_ci(const char *s, size_t i, size_t n, const char *lit)
{
  size_t m = strlen(lit);
  while (i + m <= n) {
    const char *p = memchr(s + i, lit[0], n - i - m + 1);
    if (!p)
      return n;
    i = (size_t)(p - s);
    size_t k = 1;
    while (k < m && lower_ch((unsigned char)s[i + k]) == lit[k])
      k++;
    if (k == m)
      return i;
    i++;
  }
  return n;
}

/* A copy of page bytes with stretches left out. */
typedef struct lean {
  const char *s;
  size_t n;
  size_t from; /* s[from..] is not yet copied */
  int cut;     /* anything left out so far */
  ng_buf *out;
} lean;

/* Leave s[a..b) out of the copy. */
static void cut(lean *l, size_t a, size_t b)
{
  if (!l->cut)
    ng_buf_grow(l->out, l->n);
  ng_buf_add(l->out, l->s + l->from, a - l->from);
  l->from = b;
  l->cut = 1;
}

static int is_name(const char *s, size_t n, const char *lit)
{
  return strlen(lit) == n && find_ci(s, 0, n, lit) == 0;
}

/*
 * The attributes this reader (html.c, html_meta.c, feed.c) ever looks at.
 * A link's href counts only on <link>: the canonical address.
 */
static int wanted(const char *tag, size_t tn, const char *a, size_t an)
{
  static const char *const keep[] = {
      "class", "id", "style", "hidden", "role", "itemprop", "itemscope",
      "itemtype", "content", "property", "name", "rel", "datetime", "type",
      "charset", "http-equiv", "lang", NULL};
  for (const char *const *k = keep; *k; k++)
    if (is_name(a, an, *k))
      return 1;
  return is_name(a, an, "href") && !is_name(tag, tn, "a");
}

/*
 * Runs of white space between tags: pages are indented, and libxml2 reads
 * every blank of it.  Keep the first blank of each run, which is all the
 * text walk (and the counting in html.c) makes of a run.
 */
static void blanks(lean *l, size_t a, size_t b)
{
  const char *s = l->s;
  for (size_t i = a; i + 1 < b; i++) {
    if (!html_blank((unsigned char)s[i]) ||
        !html_blank((unsigned char)s[i + 1]))
      continue;
    size_t e = i + 2;
    while (e < b && html_blank((unsigned char)s[e]))
      e++;
    if (l->from <= i + 1)
      cut(l, i + 1, e);
    i = e;
  }
}

/*
 * Read the attributes of the start tag whose name is s[t..t+tn), from
 * s[i], the way htmlParseStartTag does, and leave out those nothing reads
 * (data-*, srcset, SVG paths, ...): a third of a page's markup.  Each is
 * cut whole, name to value.  Returns the index of the '>' (or of the '/'
 * of "/>") that ends the tag, or n when the tag does not end before the
 * input does or when its reading gets unclear.
 */
static size_t start_tag(lean *l, size_t t, size_t tn, size_t i)
{
  const char *s = l->s;
  size_t n = l->n;
  for (;;) {
    while (i < n && html_blank((unsigned char)s[i]))
      i++;
    if (i >= n)
      return n;
    if (s[i] == '>' || (s[i] == '/' && i + 1 < n && s[i + 1] == '>'))
      return i;
    size_t a = i;
    if (!name_start((unsigned char)s[i])) {
      /* a bogus attribute: libxml2 drops it up to a blank or the end */
      while (i < n && !html_blank((unsigned char)s[i]) && s[i] != '>' &&
             !(s[i] == '/' && i + 1 < n && s[i + 1] == '>'))
        i++;
      continue;
    }
    while (i < n && name_ch((unsigned char)s[i]))
      i++;
    size_t an = i - a;
    if (an >= NAME_MAX_LEN)
      return n;
    while (i < n && html_blank((unsigned char)s[i]))
      i++;
    if (i < n && s[i] == '=') {
      i++;
      while (i < n && html_blank((unsigned char)s[i]))
        i++;
      if (i < n && (s[i] == '"' || s[i] == '\'')) {
        const char *q = memchr(s + i + 1, s[i], n - i - 1);
        if (!q)
          return n; /* the value runs to the end of the input */
        i = (size_t)(q - s) + 1;
      } else {
        while (i < n && s[i] != '>' && !html_blank((unsigned char)s[i]))
          i++;
      }
    } else {
      i = a + an; /* no value: the blanks belong to the tag */
    }
    if (!wanted(s + t, tn, s + a, an))
      cut(l, a, i);
  }
}

/*
 * Most of a news page's bytes are scripts, style sheets and attributes,
 * which libxml2's HTML parser copies a character at a time and which never
 * count as text.  Copy s to out with comments, the content of <script>
 * and <style> elements and the attributes nobody reads left out, tags
 * kept: the tree libxml2 then builds is the same but for what was left
 * out.  Where the markup gets unclear (an unclosed comment or script) the
 * rest is copied as it is, so that libxml2 decides.  Returns 0, or -1
 * when nothing was worth leaving out (out is then untouched).
 */
static int strip_raw(const char *s, size_t len, ng_buf *out)
{
  /* libxml2 gives up at a NUL byte: leave all from there to it */
  const char *nul = memchr(s, '\0', len);
  size_t n = nul ? (size_t)(nul - s) : len;
  lean l = {s, n, 0, 0, out};
  size_t i = 0, text = 0; /* s[text..i) is text between tags */
  for (;;) {
    const char *lt = i < n ? memchr(s + i, '<', n - i) : NULL;
    if (!lt || (size_t)(lt - s) + 1 >= n) {
      i = n;
      break;
    }
    i = (size_t)(lt - s);
    unsigned char c1 = (unsigned char)s[i + 1];
    if (c1 == '!' && i + 3 < n && s[i + 2] == '-' && s[i + 3] == '-') {
      size_t e = find_ci(s, i + 4, n, "-->");
      if (e == n)
        break;
      blanks(&l, text, i);
      cut(&l, i, e + 3);
      i = text = e + 3;
      continue;
    }
    if (c1 == '/' && i + 2 < n && name_start((unsigned char)s[i + 2])) {
      /* an end tag: libxml2 skips to its '>', whatever comes before */
      const char *gt = memchr(s + i, '>', n - i);
      if (!gt)
        break;
      blanks(&l, text, i);
      i = text = (size_t)(gt - s) + 1;
      continue;
    }
    if (!letter(c1)) {
      i++;
      continue;
    }
    size_t j = i + 1;
    while (j < n && name_ch((unsigned char)s[j]))
      j++;
    if (j - i - 1 >= NAME_MAX_LEN)
      break;
    const char *raw = NULL;
    if (is_name(s + i + 1, j - i - 1, "script"))
      raw = "</script";
    else if (is_name(s + i + 1, j - i - 1, "style"))
      raw = "</style";
    blanks(&l, text, i);
    text = i;
    size_t gt = start_tag(&l, i + 1, j - i - 1, j);
    if (gt == n)
      break;
    i = text = gt + 1;
    if (!raw || s[gt] == '/') /* libxml2 closes <script/> at once */
      continue;
    size_t close = find_ci(s, i, n, raw);
    if (close == n)
      break;
    if (close > i)
      cut(&l, i, close);
    i = text = close; /* its end tag is read as any other */
  }
  blanks(&l, text, i);
  if (!l.cut)
    return -1;
  ng_buf_add(out, s + l.from, len - l.from);
  return 0;
}

htmlDocPtr ng_html_parse(const char *bytes, size_t len, const char *enc)
{
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  htmlDocPtr doc = NULL;
  ng_buf copy = NG_BUF_INIT;
  if (!ctxt)
    return NULL;
  /* Only where '<' is a byte of its own: not in UTF-16. */
  if ((!enc || strncmp(enc, "UTF-16", 6)) &&
      strip_raw(bytes, len, &copy) == 0) {
    bytes = copy.ptr;
    len = copy.len;
  }
  xmlSetStructuredErrorFunc(NULL, quiet);
  if (len > (size_t)INT32_MAX)
    len = (size_t)INT32_MAX;
  doc = htmlCtxtReadMemory(ctxt, bytes, (int)len, NULL, enc ? enc : "UTF-8",
                           HTML_PARSE_RECOVER | HTML_PARSE_NONET |
                               HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_COMPACT);
  xmlSetStructuredErrorFunc(NULL, NULL);
  htmlFreeParserCtxt(ctxt);
  ng_buf_release(&copy);
  return doc;
}

/*
 * The walk's state: what separates the next word from the last one.
 * 0 nothing, 1 a space, 2 a line break, 3 a paragraph break.
 */
typedef struct emitter {
  ng_buf *out;
  size_t base; /* out->len when the walk began: nothing to separate from */
  int pending;
} emitter;

static void brk(emitter *e, int level)
{
  if (e->pending < level)
    e->pending = level;
}

static void add_text(emitter *e, const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' ||
        ch == '\v') {
      brk(e, 1);
      continue;
    }
    if (ch == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
      i++;
      brk(e, 1);
      continue;
    }
    if (e->pending && e->out->len > e->base) {
      if (e->pending == 1)
        ng_buf_addch(e->out, ' ');
      else if (e->pending == 2)
        ng_buf_addch(e->out, '\n');
      else
        ng_buf_add(e->out, "\n\n", 2);
    }
    e->pending = 0;
    /* Copy the run of ordinary bytes at once. */
    size_t j = i + 1;
    while (j < n) {
      unsigned char d = (unsigned char)s[j];
      if (d == ' ' || d == '\t' || d == '\n' || d == '\r' || d == '\f' ||
          d == '\v' || d == 0xC2)
        break;
      j++;
    }
    ng_buf_add(e->out, s + i, j - i);
    i = j - 1;
  }
}

static unsigned bits_of(xmlNodePtr n)
{
  return n->type == XML_ELEMENT_NODE ? ng_html_tag(n->name) : 0;
}

void ng_html_text(xmlNodePtr node, ng_buf *out, ng_html_skip_fn skip,
                  void *data)
{
  emitter e = {out, out->len, 0};
  if (!node)
    return;
  xmlNodePtr cur = node->children;
  /* Iterative, so that deeply nested pages cannot exhaust the stack. */
  while (cur) {
    int descend = 0;
    if (cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) {
      if (cur->content)
        add_text(&e, (const char *)cur->content,
                 strlen((const char *)cur->content));
    } else if (cur->type == XML_ELEMENT_NODE) {
      unsigned b = bits_of(cur);
      if (!(b & NG_TAG_JUNK) && !(skip && skip(cur, data))) {
        if (b & NG_TAG_BR)
          brk(&e, e.pending >= 2 ? 3 : 2);
        if (b & NG_TAG_BLOCK)
          brk(&e, 3);
        if (cur->children)
          descend = 1;
      }
    }
    if (descend) {
      cur = cur->children;
      continue;
    }
    while (cur != node && !cur->next) {
      cur = cur->parent;
      if (!cur || cur == node)
        return;
      if (bits_of(cur) & NG_TAG_BLOCK)
        brk(&e, 3);
    }
    if (cur == node)
      return;
    if (bits_of(cur) & NG_TAG_BLOCK)
      brk(&e, 3);
    cur = cur->next;
  }
}

void ng_html_collapse(const char *s, size_t n, ng_buf *out)
{
  emitter e = {out, out->len, 0};
  add_text(&e, s, n);
}
