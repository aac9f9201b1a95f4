#ifndef NG_UTIL_UTF8_H
#define NG_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Length of the longest prefix of s that is well-formed UTF-8 (RFC 3629:
 * no overlongs, no surrogates, nothing above U+10FFFF).  Equal to len when
 * all of s is valid.
 */
size_t ng_utf8_valid_prefix(const char *s, size_t len);

/*
 * Decode the code point at s[*i] and advance *i past it.  An invalid byte
 * decodes as U+FFFD and advances by one.  *i must be < len.
 */
uint32_t ng_utf8_next(const char *s, size_t len, size_t *i);

/* Append the UTF-8 form of cp to out (at most 4 bytes); returns the count. */
size_t ng_utf8_encode(uint32_t cp, char *out);

/*
 * Copy s into a fresh malloc'd string in which every invalid sequence is
 * replaced by U+FFFD; *out_len receives the length.
 */
char *ng_utf8_sanitize(const char *s, size_t len, size_t *out_len);

/*
 * As ng_utf8_sanitize(), but every byte that is not part of a well-formed
 * sequence is read as Windows-1252 (0x93 is U+201C, 0xA3 is U+00A3), the
 * way browsers read undeclared legacy text: a page or file saved in
 * Latin-1 or Windows-1252, or UTF-8 with a few such bytes pasted in, reads
 * right.  The caller frees the result.
 */
char *ng_utf8_repair(const char *s, size_t len, size_t *out_len);

#endif
