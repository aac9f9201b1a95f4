#ifndef NG_MODEL_DOC_H
#define NG_MODEL_DOC_H

/*
 * The fields of ng_doc (opaque in newsgraph.h).  Ingest fills the first
 * block; analyze fills the rest.  Writers and the merge only read.
 *
 * Ownership: every string hangs off doc->arena and every array is a
 * malloc'd NG_VEC; ng_doc_free() releases both.  All offsets are UTF-8
 * byte offsets into doc->text, end exclusive, and 0 <= start < end <=
 * text_len.  doc->text is valid UTF-8 and NUL-terminated.
 */
#include <stddef.h>

#include "newsgraph.h"
#include "util/arena.h"
#include "util/civil.h"
#include "util/mem.h"

/* Where the publication date came from. */
typedef enum ng_pub_from {
  NG_PUB_NONE = 0,
  NG_PUB_TEXT,     /* a header or footer line, a dateline */
  NG_PUB_METADATA, /* HTML meta, JSON-LD, feed element, JSON Lines field */
  NG_PUB_GIVEN,    /* --date */
  NG_PUB_INFERRED  /* from other articles of the same story */
} ng_pub_from;

const char *ng_pub_from_name(ng_pub_from f); /* "text", "metadata", ... */

/* A stretch of the text. */
typedef struct ng_span {
  size_t start, end;
} ng_span;

/* A token: a word, number or punctuation mark. */
enum {
  NG_TOK_WORD = 1 << 0,   /* letters (may hold digits, '-', inner '.') */
  NG_TOK_NUM = 1 << 1,    /* starts with a digit */
  NG_TOK_PUNCT = 1 << 2,  /* anything else, one character */
  NG_TOK_UPPER = 1 << 3,  /* first letter upper case */
  NG_TOK_ALLCAP = 1 << 4, /* every letter upper case, at least two */
  NG_TOK_HANDLE = 1 << 5, /* "@name" */
  NG_TOK_NL = 1 << 6,     /* a line break stands before this token */
  NG_TOK_PARA = 1 << 7,   /* a blank line or skipped span stands before it */
  NG_TOK_LOWER = 1 << 8,  /* first letter lower case */
  NG_TOK_SPACE = 1 << 9   /* white space stands before this token */
};

typedef struct ng_token {
  size_t start, end;
  unsigned flags;
} ng_token;

/* A sentence: its span and its tokens doc->tokens.v[tok_begin..tok_end). */
typedef struct ng_sentence {
  size_t start, end;
  size_t tok_begin, tok_end;
} ng_sentence;

/* A name found in the text. */
typedef struct ng_mention {
  size_t start, end;
  ng_entity_type type;
  size_t entity;   /* index into doc->entities */
  size_t sentence; /* index into doc->sentences */
} ng_mention;

/* One real-world entity within this document. */
typedef struct ng_dentity {
  char *id;   /* "person:elon-musk": type and slug of the name */
  char *name; /* canonical: the most complete form seen */
  ng_entity_type type;
  NG_VEC(char *) aliases; /* other forms, "@handles" included, no repeats */
  size_t n_mentions;
} ng_dentity;

/* A labelled tie found in the text: "Kremlin spokesman Dmitry Peskov". */
typedef struct ng_relation {
  size_t source, target; /* doc entity indices: Peskov, Kremlin */
  char *role;            /* the job's label: "spokesperson", "CEO" */
  char *surface;         /* the words as written: "spokesman", "boss" */
  size_t sentence;
} ng_relation;

typedef enum ng_timex_type {
  NG_TIMEX_DATE = 0,
  NG_TIMEX_TIME,
  NG_TIMEX_DURATION,
  NG_TIMEX_SET
} ng_timex_type;

const char *ng_timex_type_name(ng_timex_type t); /* "DATE", ... */

/*
 * How a timex's value hangs on the publication date, so that it can be
 * resolved again when an undated document's date is inferred later
 * (ng_timex_reanchor in dates.c).
 */
typedef enum ng_rel_kind {
  NG_REL_NONE = 0, /* not relative, or not re-resolvable */
  NG_REL_WEEKDAY,  /* n: weekday 1..7, Monday first; dir -2 -1 +1 +2 */
  NG_REL_MONTHDAY, /* n: month, day: day or 0; dir: tense -1 past, 0, +1 */
  NG_REL_SHIFT     /* unit: 'D' 'W' 'M' 'Q' 'Y'; n: units ahead (< 0 back) */
} ng_rel_kind;

typedef struct ng_timex_rel {
  unsigned char kind; /* ng_rel_kind */
  char unit;
  signed char dir, day;
  short n;
} ng_timex_rel;

/* A temporal expression with its TimeML value ("2021-02-14", "P8Y"). */
typedef struct ng_timex {
  size_t start, end;
  ng_timex_type type;
  char value[48];
  size_t sentence;
  ng_timex_rel rel;
} ng_timex;

/* Precision of an event's date. */
typedef enum ng_precision {
  NG_PREC_DAY = 0,
  NG_PREC_WEEK,
  NG_PREC_MONTH,
  NG_PREC_YEAR,
  NG_PREC_OTHER
} ng_precision;

const char *ng_precision_name(ng_precision p);

/* A happening anchored to a date, from one sentence. */
typedef struct ng_event {
  size_t sentence; /* index into doc->sentences */
  size_t timex;    /* index into doc->timexes: the anchoring date */
  char date[48];   /* the calendar value, "2021-02-14" */
  ng_precision precision;
  char *trigger;   /* the happening's word, lower case: "invited" */
  char *summary;   /* the clause, at most ~20 words */
  NG_VEC(size_t) participants; /* doc entity indices, no repeats */
  size_t actor;    /* doc entity index of who did it, (size_t)-1 if unknown */
} ng_event;

struct ng_doc {
  ng_arena arena;

  /* Ingest. */
  char *id;     /* JSON Lines id, or the path as given */
  char *source; /* the path as given, or "-" */
  char *title;  /* NULL when none was found */
  char *url;    /* NULL when none was found */
  /* Who wrote it, from bylines and metadata: arena strings, no repeats. */
  NG_VEC(char *) authors;
  char published[32]; /* ISO 8601 date, "" when unknown */
  ng_pub_from published_from;
  char *text; /* valid UTF-8, NUL-terminated */
  size_t text_len;
  /*
   * Spans of text that are page furniture (menus, "Recommended For You",
   * comment forms) in formats where the text cannot be cut, like .txt
   * whose offsets must be the file's bytes.  Analysis skips them.
   */
  NG_VEC(ng_span) skip;

  /* Analysis. */
  int analyzed;
  NG_VEC(ng_token) tokens;
  NG_VEC(ng_sentence) sentences;
  NG_VEC(ng_mention) mentions;
  NG_VEC(ng_dentity) entities;
  NG_VEC(ng_relation) relations;
  NG_VEC(ng_timex) timexes;
  NG_VEC(ng_event) events;
};

/*
 * A new empty document owning a copy of text (which the caller has made
 * valid UTF-8).  Never NULL.
 */
ng_doc *ng_doc_make(const char *text, size_t len);
/* Set a string field to an arena copy of s (NULL leaves NULL). */
char *ng_doc_strdup(ng_doc *doc, const char *s);
char *ng_doc_strndup(ng_doc *doc, const char *s, size_t n);
/*
 * Add an author's name (an arena copy) unless the same name, case aside,
 * is there already.  Returns 1 when added, 0 when it was a repeat.
 */
int ng_doc_add_author(ng_doc *doc, const char *name);
/* Set the publication date from an ISO 8601 string; 0, or -1 if not one. */
int ng_doc_set_published(ng_doc *doc, const char *iso, ng_pub_from from);
/* The publication date as a calendar date; 0, or -1 when unknown. */
int ng_doc_published_ymd(const ng_doc *doc, ng_ymd *out);
/* Is offset inside a skip span? */
int ng_doc_skipped(const ng_doc *doc, size_t offset);

#endif
