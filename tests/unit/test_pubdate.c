/*
 * Publication dates: ng_pubdate_parse() on the ways pages write a date,
 * ng_pubdate_from_text() on header and footer lines versus prose.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"

/* Parse s and return "YYYY-MM-DD", or "" when it is not a date. */
static const char *parse(const char *s) {
  static char out[16];
  ng_ymd t;
  out[0] = '\0';
  if (ng_pubdate_parse(s, strlen(s), &t) == 0)
    ng_ymd_format(t, out);
  return out;
}

static const char *from_text(const char *s) {
  static char out[16];
  ng_ymd t;
  out[0] = '\0';
  if (ng_pubdate_from_text(s, strlen(s), &t) == 0)
    ng_ymd_format(t, out);
  return out;
}

Test(pubdate_parse, iso_forms) {
  cr_assert_str_eq(parse("2021-02-15"), "2021-02-15");
  cr_assert_str_eq(parse("2021-02-15T14:24:00+05:30"), "2021-02-15");
  cr_assert_str_eq(parse("2021-02-15T14:24:00.000Z"), "2021-02-15");
  cr_assert_str_eq(parse("20210215"), "2021-02-15");
  cr_assert_str_eq(parse("2021/02/15"), "2021-02-15");
  cr_assert_str_eq(parse("  2021-02-15 \n"), "2021-02-15");
}

Test(pubdate_parse, month_first) {
  cr_assert_str_eq(parse("Feb 15, 2021, 08:18 PM IST"), "2021-02-15");
  cr_assert_str_eq(parse("February 15, 2021"), "2021-02-15");
  cr_assert_str_eq(parse("Sept. 3, 2020"), "2020-09-03");
  cr_assert_str_eq(parse("February 15th 2021"), "2021-02-15");
  cr_assert_str_eq(parse("Monday, February 15, 2021 at 8:18 a.m. ET"),
                   "2021-02-15");
}

Test(pubdate_parse, day_first) {
  cr_assert_str_eq(parse("15 Feb 2021"), "2021-02-15");
  cr_assert_str_eq(parse("14 Feb 2021, 02:24 PM IST"), "2021-02-14");
  cr_assert_str_eq(parse("15th of February, 2021"), "2021-02-15");
  cr_assert_str_eq(parse("15-Feb-2021"), "2021-02-15");
}

Test(pubdate_parse, rfc822) {
  cr_assert_str_eq(parse("Mon, 15 Feb 2021 08:18:00 +0000"), "2021-02-15");
  cr_assert_str_eq(parse("Mon, 15 Feb 2021 08:18:00 GMT"), "2021-02-15");
}

Test(pubdate_parse, numeric_only_when_unambiguous) {
  cr_assert_str_eq(parse("15/02/2021"), "2021-02-15");
  cr_assert_str_eq(parse("02/15/2021"), "2021-02-15");
  cr_assert_str_eq(parse("02/03/2021"), "");
  cr_assert_str_eq(parse("15.02.2021"), "2021-02-15");
}

Test(pubdate_parse, calendar_is_checked) {
  cr_assert_str_eq(parse("2021-02-29"), "");
  cr_assert_str_eq(parse("2020-02-29"), "2020-02-29");
  cr_assert_str_eq(parse("Feb 30, 2021"), "");
  cr_assert_str_eq(parse("2021-13-01"), "");
  cr_assert_str_eq(parse("31/02/2024"), "");
}

Test(pubdate_parse, not_dates) {
  cr_assert_str_eq(parse(""), "");
  cr_assert_str_eq(parse("February 2021"), "");
  cr_assert_str_eq(parse("2021"), "");
  cr_assert_str_eq(parse("2021-02-150"), "");
  cr_assert_str_eq(parse("Feb 15, 2021 Elon Musk"), "");
  cr_assert_str_eq(parse("Mayday 15, 2021"), "");
}

Test(pubdate_parse, not_nul_terminated) {
  const char s[] = "2021-02-15T10:00:00Z and more";
  ng_ymd t;
  cr_assert_eq(ng_pubdate_parse(s, 10, &t), 0);
  cr_assert_eq(t.y, 2021);
  cr_assert_eq(t.m, 2);
  cr_assert_eq(t.d, 15);
  cr_assert_eq(ng_pubdate_parse("15 Feb 2021", 6, &t), -1);
}

Test(pubdate_text, leading_date_token) {
  cr_assert_str_eq(from_text(" date 2021-02-14 Tesla boss Elon Musk tweets "
                             "again! But this time he shifts his focus from "
                             "Dogecoin and Bitcoin to one of the most guarded "
                             "political personalities.\n\nMore text.\n"),
                   "2021-02-14");
}

Test(pubdate_text, updated_footer) {
  cr_assert_str_eq(from_text("Title here\n\nBody text on Monday.\n"
                             "Updated: 14 Feb 2021, 02:24 PM IST\nMore Less\n"),
                   "2021-02-14");
}

Test(pubdate_text, glued_dateline) {
  cr_assert_str_eq(
      from_text("Headline words here now\n\nWION Web Team\n"
                "Moscow, RussiaUpdated: Feb 15, 2021, 08:18 PM IST\nBody.\n"),
      "2021-02-15");
}

Test(pubdate_text, keyword_variants) {
  cr_assert_str_eq(from_text("Published on March 3, 2020\nBody.\n"),
                   "2020-03-03");
  cr_assert_str_eq(from_text("Last updated: 2020-03-04\n"), "2020-03-04");
  cr_assert_str_eq(from_text("POSTED: 5 Mar 2020\n"), "2020-03-05");
  cr_assert_str_eq(from_text("By Jane Doe | Published 6 March 2020\n"),
                   "2020-03-06");
  cr_assert_str_eq(from_text("Updated: 08:18 PM IST, Feb 15, 2021\n"),
                   "2021-02-15");
}

Test(pubdate_text, published_beats_updated) {
  cr_assert_str_eq(from_text("Updated: Feb 16, 2021\nBody text.\n"
                             "First published: Feb 15, 2021\n"),
                   "2021-02-15");
}

Test(pubdate_text, bare_date_line_near_top) {
  cr_assert_str_eq(
      from_text("A headline of several words\nFebruary 15, 2021\n\n"
                "The body starts here.\n"),
      "2021-02-15");
  /* Far down, a lone date is not the page's own. */
  cr_assert_str_eq(from_text("a\nb\nc\nd\ne\nf\nFebruary 15, 2021\n"), "");
}

Test(pubdate_text, prose_dates_do_not_count) {
  cr_assert_str_eq(from_text("On January 30, Musk interviewed Vlad Tenev.\n"),
                   "");
  cr_assert_str_eq(from_text("He has led Russia since 2000.\n"), "");
  cr_assert_str_eq(
      from_text("The app said in a response to the study, published by the "
                "research group at Stanford University on February 12, 2021, "
                "that while it had opted not to make the app available in "
                "China, some people had found a workaround.\n"),
      "");
  cr_assert_str_eq(from_text("The outdated 2021-02-14 plan was updated "
                             "2021-02-15 by the board after a long meeting "
                             "of the members, who said that many things "
                             "had changed since the plan was first drawn up "
                             "by them.\n"),
                   "");
  cr_assert_str_eq(from_text(""), "");
}

static const char *sample_date(const char *name) {
  static char out[16];
  char path[1024];
  char *buf = NULL;
  size_t len = 0;
  ng_ymd t;
  snprintf(path, sizeof(path), "%s/samples/%s", NG_SOURCE_DIR, name);
  FILE *f = fopen(path, "rb");
  cr_assert_not_null(f, "cannot open %s", path);
  fseek(f, 0, SEEK_END);
  len = (size_t)ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = malloc(len + 1);
  cr_assert_eq(fread(buf, 1, len, f), len);
  fclose(f);
  out[0] = '\0';
  if (ng_pubdate_from_text(buf, len, &t) == 0)
    ng_ymd_format(t, out);
  free(buf);
  return out;
}

Test(pubdate_text, samples) {
  cr_assert_str_eq(sample_date("000_8b4a63b7100adefd.txt"), "2021-02-14");
  cr_assert_str_eq(sample_date("001_0c2b30f67dcf1093.txt"), "2021-02-14");
  cr_assert_str_eq(sample_date("002_253bd25c9828cc7a.txt"), "");
  cr_assert_str_eq(sample_date("003_61829ab03c9e0b3e.txt"), "");
  cr_assert_str_eq(sample_date("004_e557ae89cacef3dc.txt"), "2021-02-15");
}

Test(pubdate_text, skip_spans_cover_the_header_only) {
  const char *s = " date 2021-02-14 Tesla boss Elon Musk tweets again!\n"
                  "Moscow, RussiaUpdated: Feb 15, 2021, 08:18 PM IST\n";
  ng_doc *doc = ng_doc_make(s, strlen(s));
  ng_ymd t;
  cr_assert_eq(ng_pubdate_find(s, strlen(s), &t, doc), 0);
  cr_assert_eq(doc->skip.n, 2);
  cr_assert_eq(strncmp(s + doc->skip.v[0].start, "date 2021-02-14",
                       doc->skip.v[0].end - doc->skip.v[0].start),
               0);
  cr_assert_eq(doc->skip.v[0].end - doc->skip.v[0].start, 15);
  cr_assert_eq(strncmp(s + doc->skip.v[1].start, "Updated:", 8), 0);
  cr_assert_eq(s[doc->skip.v[1].end - 1], 'T');
  cr_assert_eq(s[doc->skip.v[1].end], '\n');
  ng_doc_free(doc);
}
