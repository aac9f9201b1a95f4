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
