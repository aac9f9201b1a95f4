#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "util/civil.h"

int64_t ng_days_from_civil(int y, int m, int d)
{
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

ng_ymd ng_civil_from_days(int64_t z)
{
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  ng_ymd t = {(int)(y + (m <= 2)), (int)m, (int)d};
  return t;
}

int ng_weekday(int y, int m, int d)
{
  int64_t z = ng_days_from_civil(y, m, d);
  /* 1970-01-01 was a Thursday (4). */
  int64_t w = (z % 7 + 7 + 3) % 7; /* 0 = Monday */
  return (int)w + 1;
}

int ng_is_leap(int y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int ng_days_in_month(int y, int m)
{
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12)
    return 0;
  return m == 2 && ng_is_leap(y) ? 29 : days[m - 1];
}

int ng_ymd_valid(ng_ymd t)
{
  return t.m >= 1 && t.m <= 12 && t.d >= 1 && t.d <= ng_days_in_month(t.y, t.m);
}

ng_ymd ng_ymd_add_days(ng_ymd t, int64_t n)
{
  return ng_civil_from_days(ng_days_from_civil(t.y, t.m, t.d) + n);
}

void ng_iso_week(int y, int m, int d, int *wy, int *wn)
{
  /* The ISO week belongs to the year of its Thursday. */
  int64_t z = ng_days_from_civil(y, m, d);
  int wd = ng_weekday(y, m, d);
  ng_ymd thu = ng_civil_from_days(z - wd + 4);
  int64_t jan1 = ng_days_from_civil(thu.y, 1, 1);
  *wy = thu.y;
  *wn = (int)((ng_days_from_civil(thu.y, thu.m, thu.d) - jan1) / 7 + 1);
}

static int prefix_ci(const char *s, size_t n, const char *word, size_t min)
{
  size_t wl = strlen(word);
  if (n < min || n > wl)
    return 0;
  for (size_t i = 0; i < n; i++)
    if (tolower((unsigned char)s[i]) != word[i])
      return 0;
  return 1;
}

int ng_month_from_name(const char *s, size_t n)
{
  static const char *names[] = {"january", "february", "march",     "april",
                                "may",     "june",     "july",      "august",
                                "september", "october", "november", "december"};
  if (n && s[n - 1] == '.')
    n--;
  /* "Sept" is the one common four-letter abbreviation. */
  if (n == 4 && prefix_ci(s, n, "sept", 4))
    return 9;
  for (int i = 0; i < 12; i++) {
    size_t full = strlen(names[i]);
    if (n == full || n == 3) {
      if (prefix_ci(s, n, names[i], 3))
        return i + 1;
    }
  }
  return 0;
}

int ng_weekday_from_name(const char *s, size_t n)
{
  static const char *names[] = {"monday", "tuesday",  "wednesday", "thursday",
                                "friday", "saturday", "sunday"};
  if (n && s[n - 1] == '.')
    n--;
  for (int i = 0; i < 7; i++) {
    size_t full = strlen(names[i]);
    if (n == full || n == 3)
      if (prefix_ci(s, n, names[i], 3))
        return i + 1;
  }
  return 0;
}

static int digits(const char *s, int n, int *out)
{
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (!isdigit((unsigned char)s[i]))
      return -1;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return 0;
}

int ng_parse_iso_date(const char *s, ng_ymd *out)
{
  ng_ymd t = {0, 0, 0};
  while (isspace((unsigned char)*s))
    s++;
  if (digits(s, 4, &t.y) < 0)
    return -1;
  if (s[4] == '-') {
    if (digits(s + 5, 2, &t.m) < 0 || s[7] != '-' || digits(s + 8, 2, &t.d) < 0)
      return -1;
    if (isdigit((unsigned char)s[10]))
      return -1;
  } else {
    if (digits(s + 4, 2, &t.m) < 0 || digits(s + 6, 2, &t.d) < 0)
      return -1;
    if (isdigit((unsigned char)s[8]))
      return -1;
  }
  if (!ng_ymd_valid(t))
    return -1;
  *out = t;
  return 0;
}

void ng_ymd_format(ng_ymd t, char *out)
{
  /* Clamped so the text always fits in 11 bytes. */
  unsigned y = (unsigned)(t.y < 0 ? 0 : t.y % 10000);
  unsigned m = (unsigned)(t.m < 0 ? 0 : t.m % 100);
  unsigned d = (unsigned)(t.d < 0 ? 0 : t.d % 100);
  snprintf(out, 11, "%04u-%02u-%02u", y, m, d);
}

int ng_timeml_start(const char *s, ng_ymd *out)
{
  static const struct {
    char code[3];
    int month;
  } parts[] = {{"Q1", 1}, {"Q2", 4}, {"Q3", 7}, {"Q4", 10}, {"H1", 1},
               {"H2", 7}, {"WI", 1}, {"SP", 3}, {"SU", 6}, {"FA", 9}};
  int y, w, m, d = 1;
  if (!s)
    return -1;
  if (digits(s, 4, &y) < 0) {
    /* A decade ("198") or a century ("19"). */
    if (digits(s, 3, &y) == 0 && (!s[3] || s[3] == '-'))
      return *out = (ng_ymd){y * 10, 1, 1}, 0;
    if (digits(s, 2, &y) == 0 && (!s[2] || s[2] == '-'))
      return *out = (ng_ymd){y * 100, 1, 1}, 0;
    return -1;
  }
  if (!s[4])
    return *out = (ng_ymd){y, 1, 1}, 0;
  if (s[4] != '-')
    return -1;
  if (s[5] == 'W') {
    if (digits(s + 6, 2, &w) < 0 || w < 1 || w > 53)
      return -1;
    /* Week 1 is the week with January 4th in it. */
    int64_t jan4 = ng_days_from_civil(y, 1, 4);
    int64_t monday = jan4 - (ng_weekday(y, 1, 4) - 1) + 7 * (int64_t)(w - 1);
    ng_ymd t = ng_civil_from_days(monday);
    if (s[8] == '-' && s[9] >= '1' && s[9] <= '7')
      t = ng_ymd_add_days(t, s[9] - '1');
    return *out = t, 0;
  }
  for (size_t i = 0; i < sizeof(parts) / sizeof(*parts); i++)
    if (s[5] == parts[i].code[0] && s[6] == parts[i].code[1])
      return *out = (ng_ymd){y, parts[i].month, 1}, 0;
  if (digits(s + 5, 2, &m) < 0 || m < 1 || m > 12)
    return -1;
  if (s[7] == '-' && (digits(s + 8, 2, &d) < 0 || d < 1))
    return -1;
  ng_ymd t = {y, m, d};
  if (!ng_ymd_valid(t))
    return -1;
  return *out = t, 0;
}
