#include <criterion/criterion.h>
#include <string.h>

#include "newsgraph.h"
#include "util/arena.h"
#include "util/civil.h"
#include "util/utf8.h"

Test(buf, grows_stays_terminated_and_release_empties)
{
  ng_buf b = NG_BUF_INIT;
  cr_assert_str_eq(b.ptr, "");
  for (int i = 0; i < 1000; i++)
    ng_buf_addf(&b, "%d,", i);
  cr_assert_eq(b.ptr[b.len], '\0');
  cr_assert(!strncmp(b.ptr, "0,1,2,", 6));
  ng_buf_reset(&b);
  cr_assert_eq(b.len, 0);
  ng_buf_adds(&b, "abc");
  size_t n;
  char *p = ng_buf_detach(&b, &n);
  cr_assert_str_eq(p, "abc");
  cr_assert_eq(n, 3);
  cr_assert_eq(b.cap, 0, "detach leaves the buffer empty");
  free(p);
  ng_buf_release(&b);
  cr_assert_eq(b.len, 0);
  cr_assert_str_eq(b.ptr, "");
}

Test(arena, many_small_allocations_aligned_and_zeroed)
{
  ng_arena a = NG_ARENA_INIT;
  for (int i = 0; i < 10000; i++) {
    char *p = ng_arena_alloc(&a, (size_t)(i % 37) + 1);
    cr_assert_eq((uintptr_t)p % sizeof(void *), 0);
    cr_assert_eq(p[0], 0);
  }
  char *big = ng_arena_alloc(&a, 5 << 20);
  cr_assert_eq(big[(5 << 20) - 1], 0);
  cr_assert_str_eq(ng_arena_strndup(&a, "Musk's", 4), "Musk");
  ng_arena_release(&a);
  cr_assert_null(a.head);
}

/* The ASCII fast path reads words: a bad byte is found at every offset. */
Test(utf8, bad_byte_found_at_any_offset)
{
  char buf[40];
  for (size_t at = 0; at < sizeof(buf); at++) {
    memset(buf, 'a', sizeof(buf));
    buf[at] = (char)0xff;
    cr_expect_eq(ng_utf8_valid_prefix(buf, sizeof(buf)), at, "at %zu", at);
    /* A good two-byte letter there instead, split or not by the end. */
    buf[at] = (char)0xc3;
    if (at + 1 < sizeof(buf)) {
      buf[at + 1] = (char)0xa9;
      cr_expect_eq(ng_utf8_valid_prefix(buf, sizeof(buf)), sizeof(buf));
    } else {
      cr_expect_eq(ng_utf8_valid_prefix(buf, sizeof(buf)), at, "cut at end");
    }
    /* The length bounds the scan: bytes past it do not count. */
    memset(buf, 'a', sizeof(buf));
    buf[at] = (char)0xff;
    cr_expect_eq(ng_utf8_valid_prefix(buf, at), at);
  }
}

Test(utf8, validates_decodes_and_sanitizes)
{
  cr_assert_eq(ng_utf8_valid_prefix("caf\xc3\xa9", 5), 5);
  cr_assert_eq(ng_utf8_valid_prefix("caf\xe9 x", 6), 3, "latin-1 byte");
  cr_assert_eq(ng_utf8_valid_prefix("\xc0\xaf", 2), 0, "overlong");
  cr_assert_eq(ng_utf8_valid_prefix("\xed\xa0\x80", 3), 0, "surrogate");
  size_t i = 0;
  cr_assert_eq(ng_utf8_next("\xe2\x80\x94", 3, &i), 0x2014);
  cr_assert_eq(i, 3);
  size_t n;
  char *s = ng_utf8_sanitize("a\xffz", 3, &n);
  cr_assert_str_eq(s, "a\xef\xbf\xbdz");
  free(s);
}

Test(civil, days_weekdays_weeks_and_names)
{
  ng_ymd t = ng_civil_from_days(ng_days_from_civil(2021, 2, 14));
  cr_assert(t.y == 2021 && t.m == 2 && t.d == 14);
  cr_assert_eq(ng_weekday(2021, 2, 14), 7, "a Sunday");
  cr_assert_eq(ng_weekday(1970, 1, 1), 4, "a Thursday");
  int wy, wn;
  ng_iso_week(2021, 1, 3, &wy, &wn);
  cr_assert(wy == 2020 && wn == 53, "3 January 2021 is in 2020-W53");
  ng_iso_week(2021, 2, 14, &wy, &wn);
  cr_assert(wy == 2021 && wn == 6);
  cr_assert_eq(ng_days_in_month(2020, 2), 29);
  cr_assert_eq(ng_days_in_month(1900, 2), 28);
  cr_assert_eq(ng_month_from_name("Sept.", 5), 9);
  cr_assert_eq(ng_month_from_name("february", 8), 2);
  cr_assert_eq(ng_month_from_name("Mayor", 5), 0);
  cr_assert_eq(ng_weekday_from_name("Sun", 3), 7);
  ng_ymd d;
  cr_assert_eq(ng_parse_iso_date("2021-02-15T14:24:00+05:30", &d), 0);
  cr_assert(d.y == 2021 && d.m == 2 && d.d == 15);
  cr_assert_eq(ng_parse_iso_date("2021-02-30", &d), -1);
  char out[11];
  ng_ymd_format(ng_ymd_add_days((ng_ymd){2021, 2, 28}, 1), out);
  cr_assert_str_eq(out, "2021-03-01");
}

/* Regression: "2021-W06" sorted after "2021-02-15" as text. */
Test(civil, timeml_values_start_on_their_first_day)
{
  static const struct {
    const char *value, *start;
  } cases[] = {
      {"2021", "2021-01-01"},       {"2021-02", "2021-02-01"},
      {"2021-02-14", "2021-02-14"}, {"2021-W06", "2021-02-08"},
      {"2020-W53", "2020-12-28"},   {"2021-W06-7", "2021-02-14"},
      {"2021-Q2", "2021-04-01"},    {"2021-SU", "2021-06-01"},
      {"198", "1980-01-01"},        {"2021-02-14T10:30", "2021-02-14"},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
    ng_ymd t;
    char out[11];
    cr_assert_eq(ng_timeml_start(cases[i].value, &t), 0, "%s", cases[i].value);
    ng_ymd_format(t, out);
    cr_expect_str_eq(out, cases[i].start, "%s", cases[i].value);
  }
  static const char *const none[] = {"PAST_REF", "XXXX-02-14", "P3D",
                                     "2021-13", "2021-02-30", "2021-W54", ""};
  for (size_t i = 0; i < sizeof(none) / sizeof(*none); i++) {
    ng_ymd t;
    cr_expect_eq(ng_timeml_start(none[i], &t), -1, "%s", none[i]);
  }
}
