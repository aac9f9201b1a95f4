#ifndef NG_UTIL_CIVIL_H
#define NG_UTIL_CIVIL_H

/*
 * Proleptic Gregorian calendar arithmetic, shared by the publication-date
 * readers (ingest) and the temporal tagger (analyze).  Days are counted
 * from 1970-01-01 (day 0), as in Howard Hinnant's well-known algorithms.
 */
#include <stddef.h>
#include <stdint.h>

typedef struct ng_ymd {
  int y, m, d; /* m 1..12, d 1..31; 0 where unknown */
} ng_ymd;

int64_t ng_days_from_civil(int y, int m, int d);
ng_ymd ng_civil_from_days(int64_t days);
/* ISO weekday of a date: 1 = Monday ... 7 = Sunday. */
int ng_weekday(int y, int m, int d);
int ng_days_in_month(int y, int m);
int ng_is_leap(int y);
/* ISO 8601 week: year and week number (1..53) of a date. */
void ng_iso_week(int y, int m, int d, int *wy, int *wn);
/* A valid calendar date? */
int ng_ymd_valid(ng_ymd t);
ng_ymd ng_ymd_add_days(ng_ymd t, int64_t n);

/*
 * Month from an English name or abbreviation, case-insensitive ("Feb",
 * "feb.", "February", "Sept"); 1..12, or 0 when s is not one.
 */
int ng_month_from_name(const char *s, size_t n);
/* Weekday from an English name or abbreviation: 1..7, or 0. */
int ng_weekday_from_name(const char *s, size_t n);

/*
 * Parse the date at the start of an ISO 8601 string ("2021-02-15",
 * "2021-02-15T14:24:00+05:30", "20210215"); the time is ignored.
 * Returns 0 and fills *out, or -1.
 */
int ng_parse_iso_date(const char *s, ng_ymd *out);

/*
 * The first day a TimeML date value covers, for putting values of mixed
 * precision in time order: "2021" -> 2021-01-01, "2021-02" -> 2021-02-01,
 * "2021-W06" -> 2021-02-08 (its Monday), "2021-Q2" -> 2021-04-01,
 * "2021-SU" -> 2021-06-01, "198" (a decade) -> 1980-01-01; a day value
 * gives itself.  Returns 0 and fills *out, or -1 for anything else
 * ("PAST_REF", "XXXX-02-14", durations).
 */
int ng_timeml_start(const char *value, ng_ymd *out);

/* "YYYY-MM-DD" into out (at least 11 bytes). */
void ng_ymd_format(ng_ymd t, char *out);

#endif
