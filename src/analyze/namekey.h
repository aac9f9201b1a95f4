#ifndef NG_ANALYZE_NAMEKEY_H
#define NG_ANALYZE_NAMEKEY_H

/*
 * Name normalization shared by within-document coreference (coref.c) and
 * the cross-document merge: when two surface forms of a name are "the
 * same name", and when one is a short form of another.
 *
 * Everything here works on plain strings (pointer and byte length, not
 * necessarily NUL-terminated), so callers need no tokens.  Nothing is
 * kept: arguments are borrowed, and results go into a caller-owned ng_buf
 * (appended, not reset) or are offsets into the argument.
 *
 * A *key* is the comparison form of a name, built by ng_name_key():
 *
 *     "Mr. Elon Musk"   -> "elon musk"
 *     "the Kremlin's"   -> "kremlin"
 *     "U.S."            -> "us"
 *     "Tesla Inc."      -> "tesla inc"     (ng_name_strip_suffix: "tesla")
 *     "ÉMILE Zola"      -> "émile zola"
 *
 * The predicates below that take keys expect keys, not raw names.
 */
#include <stddef.h>

#include "newsgraph.h"

/*
 * Is w (n bytes, an optional trailing '.') a personal title or honorific
 * that stands before a person's name: "Mr", "Mrs.", "Dr", "President",
 * "Prof", "Sen", "Sir", "Minister"...?  Case-insensitive.  A name after
 * one is a person's.
 */
int ng_name_is_title(const char *w, size_t n);

/*
 * Is w one of the honorifics ng_name_key() drops: "Mr", "Mrs", "Ms", "Mx",
 * "Dr", "Prof", "Sir", "Dame" (optional '.')?  Unlike titles, these never
 * start a name, so they can be cut from a name's front.
 */
int ng_name_is_honorific(const char *w, size_t n);

/*
 * Is w a company's legal-form suffix: "Inc", "Corp", "Ltd", "LLC", "PLC",
 * "AG", "GmbH"...?  Case-insensitive, optional trailing '.'.
 */
int ng_name_is_legal_suffix(const char *w, size_t n);

/*
 * Append the key of name (n bytes) to out: words lower-cased (ASCII,
 * Latin-1, Latin Extended-A, Greek and Cyrillic capitals folded), joined
 * by one space; dots and apostrophes inside words dropped ("U.S." "us",
 * "O'Brien" "obrien"); a final possessive ("'s", "s'") dropped; leading
 * "the" and honorifics ("Mr", "Dr", "Prof", "Sir") dropped unless nothing
 * would be left.  Other titles stay: "General Motors" is a name.  Hyphens stay ("jean-luc").  Appends nothing for a name without
 * letters or digits.
 */
void ng_name_key(const char *name, size_t n, ng_buf *out);

/*
 * Length of key without a trailing legal suffix ("tesla inc" -> 5, the
 * length of "tesla"; "acme & co" -> 4).  Returns n when there is none,
 * or when the suffix is the whole key.  Coref treats "Tesla" and "Tesla
 * Inc." as one organization; the merge should too.
 */
size_t ng_name_strip_suffix(const char *key, size_t n);

/* Number of words in a key. */
size_t ng_name_words(const char *key, size_t n);

/*
 * The surname of a person's key: its last word, skipping generational
 * suffixes ("martin luther king jr" -> "king").  Sets *len and returns a
 * pointer into key; *len is 0 when key is empty.
 */
const char *ng_name_surname(const char *key, size_t n, size_t *len);

/*
 * Is the person key short a short form of the person key full?  True
 * when short is one word equal to full's surname ("musk" / "elon musk"),
 * or short's first and last words are full's first and last and full has
 * more words ("elon musk" / "elon reeve musk").  Says nothing of whether
 * the short form is unambiguous in context: that is the caller's job (a
 * doc with "Kevin Hart" and "Mary Hart" cannot give "Hart" to both).
 */
int ng_name_is_short_form(const char *short_key, size_t sn,
                          const char *full_key, size_t fn);

/*
 * Append the initials of a key to out: first letters of its words, or of
 * its content words only when skip_function_words ("of", "the", "and",
 * "for", "&", "de"...).  Hyphenated words give one initial per part
 * ("coca-cola" -> "cc").
 */
void ng_name_initials(const char *key, size_t n, int skip_function_words,
                      ng_buf *out);

/*
 * Is the key acr (one word of 2 to 10 letters) an acronym of the
 * multi-word key full: "cia" / "central intelligence agency", "sio" /
 * "stanford internet observatory", "boa" / "bank of america"?  Tries the
 * initials of all words and of content words (ng_name_initials).  A
 * legal suffix of full is ignored.
 */
int ng_name_is_acronym_of(const char *acr, size_t an, const char *full,
                          size_t fn);

/*
 * Append the letters and digits of s, lower-cased as in ng_name_key, and
 * nothing else, to out: "Kanye West" -> "kanyewest", "@KremlinRussia_E"
 * -> "kremlinrussiae".  The form handles are compared in.
 */
void ng_name_letters(const char *s, size_t n, ng_buf *out);

/*
 * How well a handle ("@elonmusk", with or without '@') matches a name
 * (a raw name or a key): 4 letters equal ("@kanyewest" / "Kanye West"),
 * 3 the handle starts with the name ("@KremlinRussia_E" / "Kremlin"),
 * 2 the handle contains the name, 0 otherwise.  Partial matches need at
 * least 4 letters of name, so "@usa_today" does not match "US".
 */
int ng_handle_match(const char *handle, size_t hn, const char *name,
                    size_t nn);

/*
 * Is s (n bytes) written in capitals: at least two ASCII letters and no
 * lower-case ones ("REUTERS", "U.S.")?  Such a form is the worse
 * spelling of a name also written in mixed case, except a short acronym
 * ("NATO" over "Nato"): see ng_name_better_spelling().
 */
int ng_name_all_caps(const char *s, size_t n);

/*
 * Of two spellings of one name with the same key but for case, is a
 * better to show than b?  Mixed case beats capitals ("Reuters" over
 * "REUTERS", "Moscow" over "MOSCOW"), except that a one-word name of at
 * most four capitals keeps them ("NATO" over "Nato").  Neither
 * being better returns 0 both ways.
 */
int ng_name_better_spelling(const char *a, size_t an, const char *b,
                            size_t bn);

/*
 * Edit distance between a and b (bytes; insert, delete, substitute and
 * swap of neighbours each cost 1), or max + 1 when it is over max.
 * "tenev" / "teneff" is 2.  Cost O(an * bn), less when it gives up early.
 */
size_t ng_name_distance(const char *a, size_t an, const char *b, size_t bn,
                        size_t max);

#endif
