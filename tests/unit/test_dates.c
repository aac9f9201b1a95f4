#include <criterion/criterion.h>
#include <string.h>

#include "analyze/analyze.h"

/*
 * One small case per expression family and per resolution rule.  Each
 * case names the span it expects (exactly) and its type and value.
 */
static ng_doc *tag(const char *text, const char *published)
{
  ng_doc *doc = ng_doc_new("t", NULL, text, strlen(text), published);
  cr_assert_eq(ng_tokenize(doc), 0);
  cr_assert_eq(ng_sentences_split(doc), 0);
  cr_assert_eq(ng_dates_find(doc), 0);
  return doc;
}

/* The timex whose text is span must exist with this type and value. */
static void expect(const char *text, const char *published, const char *span,
                   const char *type, const char *value)
{
  ng_doc *doc = tag(text, published);
  size_t n = strlen(span);
  for (size_t i = 0; i < doc->timexes.n; i++) {
    const ng_timex *t = &doc->timexes.v[i];
    if (t->end - t->start == n && !memcmp(text + t->start, span, n)) {
      cr_expect_str_eq(ng_timex_type_name(t->type), type, "type of '%s' in '%s'",
                       span, text);
      cr_expect_str_eq(t->value, value, "value of '%s' in '%s'", span, text);
      ng_doc_free(doc);
      return;
    }
  }
  for (size_t i = 0; i < doc->timexes.n; i++)
    cr_log_error("found '%.*s'", (int)(doc->timexes.v[i].end - doc->timexes.v[i].start),
                 text + doc->timexes.v[i].start);
  cr_expect_fail("no timex '%s' in '%s'", span, text);
  ng_doc_free(doc);
}

static void expect_none(const char *text, const char *published)
{
  ng_doc *doc = tag(text, published);
  cr_expect_eq(doc->timexes.n, 0, "'%s': %zu timexes, want none", text,
               doc->timexes.n);
  ng_doc_free(doc);
}

#define PUB "2021-02-14" /* a Sunday */

Test(dates, explicit_formats)
{
  expect("It was posted February 13, 2021.", PUB, "February 13, 2021", "DATE", "2021-02-13");
  expect("It was posted February 13, 2021 at noon.", PUB, "February 13, 2021 at noon",
         "TIME", "2021-02-13T12:00");
  expect("He spoke on Feb. 13 in Moscow.", PUB, "Feb. 13", "DATE", "2021-02-13");
  expect("It opened on 13 February 2021.", PUB, "13 February 2021", "DATE", "2021-02-13");
  expect("Filed 2021-02-13 by the clerk.", PUB, "2021-02-13", "DATE", "2021-02-13");
  expect("Filed 02/13/2021 by the clerk.", PUB, "02/13/2021", "DATE", "2021-02-13");
  expect("Updated: Feb 13, 2021, 08:18 PM IST", PUB, "Feb 13, 2021, 08:18 PM IST", "TIME",
         "2021-02-13T20:18");
  expect("The war ended on Friday, Oct. 23, 1998.", PUB, "Friday, Oct. 23, 1998", "DATE",
         "1998-10-23");
}

Test(dates, months_years_decades)
{
  expect("Prices rose in January 1998.", PUB, "January 1998", "DATE", "1998-01");
  expect("He has led Russia since 2000.", PUB, "2000", "DATE", "2000");
  expect("A meeting suited to the year 2021.", PUB, "the year 2021", "DATE", "2021");
  expect("Profit rose in fiscal 1997.", PUB, "fiscal 1997", "DATE", "1997");
  expect("Growth slowed in the 1990s.", PUB, "the 1990s", "DATE", "199");
  expect("Growth slowed in early 1998.", PUB, "early 1998", "DATE", "1998");
  expect("It was built in the 19th century.", PUB, "the 19th century", "DATE", "18");
  expect("It happened in June last year.", PUB, "June last year", "DATE", "2020-06");
  expect("She made the late-November trip.", "2000-01-28", "late-November", "DATE", "1999-11");
  expect("Troops should be there by the end of the month.", "1990-08-13",
         "the end of the month", "DATE", "1990-08");
  expect("Crowds visit the fabled 11th century temple.", PUB, "11th century", "DATE", "10");
  expect("Hate groups shrank through the nineties.", PUB, "the nineties", "DATE", "199");
  expect("Prices rose in the early eighties.", PUB, "the early eighties", "DATE", "198");
  expect_none("She is in her nineties.", PUB);
}

/* The end of the year after a preposition; "year-end results" is no time. */
Test(dates, year_end)
{
  expect("The deal should close by year-end.", "1989-11-02", "year-end", "DATE", "1989");
  expect("It should close around year end.", "1989-11-02", "year end", "DATE", "1989");
  expect("The change is since year-end.", "1989-11-02", "year-end", "DATE", "1988");
  expect("It should be in place by year's end.", "1989-11-02", "year's end", "DATE",
         "1989");
  expect_none("The year-end results were weak.", PUB);
}

/* Names and titles that hold time words are not times. */
Test(dates, titles_are_not_times)
{
  expect_none("Protesters marched at the annual March for Life in Washington.", PUB);
  expect_none("He led the ``Spring of Life'' protests.", PUB);
  expect_none("The poster showed Gary Cooper in High Noon.", PUB);
  expect_none("Baker said on ABC's \"This Week\" that it was legal.", PUB);
  expect_none("Gonzalez said on CBS's 60 Minutes that it was abuse.", PUB);
  expect("Canada issued a warrant Monday for James Kopp.", PUB, "Monday", "DATE",
         "2021-02-08");
  expect("Sales rose in March for Ford.", PUB, "March", "DATE", "2021-03");
}

/* Broadcast transcripts spell years out. */
Test(dates, spoken_years)
{
  expect("Keating was convicted in nineteen ninety-one.", PUB, "nineteen ninety-one", "DATE",
         "1991");
  expect("It was built in nineteen eighty four.", PUB, "nineteen eighty four", "DATE",
         "1984");
  expect("January nineteen ninety-seven. Atlanta again.", PUB,
         "January nineteen ninety-seven", "DATE", "1997-01");
  expect("Prices fell to the level of the winter of nineteen ninety-four.", PUB,
         "the winter of nineteen ninety-four", "DATE", "1994-WI");
  expect("He promised to halve it by the year two thousand.", PUB, "the year two thousand",
         "DATE", "2000");
  expect("The goal is to finish by two thousand.", PUB, "two thousand", "DATE", "2000");
  expect_none("More than two thousand people came.", PUB);
}

Test(dates, quarters_halves_seasons)
{
  expect("Net income fell in the third quarter.", "1998-11-02", "the third quarter",
         "DATE", "1998-Q3");
  expect("It posted a third-quarter loss.", "1998-11-02", "third-quarter", "DATE",
         "1998-Q3");
  expect("Sales rose in the first half of 1997.", PUB, "the first half of 1997", "DATE",
         "1997-H1");
  expect("They met last spring.", PUB, "last spring", "DATE", "2020-SP");
  expect("Sales peaked in the summer of 1998.", PUB, "the summer of 1998", "DATE", "1998-SU");
  expect("Earnings will drop in the last half of 1989.", PUB, "the last half of 1989", "DATE",
         "1989-H2");
  expect("It lost money in the past two quarters.", PUB, "the past two quarters", "DURATION",
         "P2Q");
  expect("It pays interest every quarter.", PUB, "every quarter", "SET", "P1Q");
  expect("Sales peaked in the summer.", "1998-10-02", "the summer", "DATE", "1998-SU");
}

/* Amid quarterly figures, "the quarter" and "a year ago" are the quarter reported on. */
Test(dates, quarter_in_focus)
{
  const char *story = "Net rose in the third quarter. A fourth-quarter charge is expected. "
                      "Earnings fell in the latest quarter from a year ago. "
                      "In the 1988 period the company lost money.";
  expect(story, "1989-11-02", "the latest quarter", "DATE", "1989-Q3");
  expect(story, "1989-11-02", "a year ago", "DATE", "1988-Q3");
  expect(story, "1989-11-02", "the 1988 period", "DATE", "1988-Q3");
  expect("Sales rose in the quarter ended Sept. 30.", "1989-11-02", "the quarter", "DATE",
         "1989-Q3");
  expect("In the second quarter it lost $12 million. Results for that quarter included a "
         "write-down.",
         "1989-10-27", "that quarter", "DATE", "1989-Q2");
  /* a quarter recalled after the one reported on does not take its place */
  expect("Net rose 10% in the third quarter, after a flat second quarter. In the 1989 "
         "period, costs fell.",
         "1989-11-01", "the 1989 period", "DATE", "1989-Q3");
  expect("Net rose from the year-earlier third quarter.", "1989-11-02",
         "the year-earlier third quarter", "DATE", "1988-Q3");
  /* after "the first nine months", "a year earlier" is the year */
  expect("Net rose in the third quarter. In the first nine months, net was $3 million, up "
         "from $2 million a year earlier.",
         "1989-11-02", "a year earlier", "DATE", "1988");
  expect("Sun earned more in the fiscal first quarter. Sales for the quarter ended Sept. 29 "
         "rose.",
         "1989-10-26", "the quarter", "DATE", "1989-Q1");
}

Test(dates, deictic_units)
{
  expect("Sales rose last month.", PUB, "last month", "DATE", "2021-01");
  expect("Sales rose this year.", PUB, "this year", "DATE", "2021");
  expect("Sales rose last year.", PUB, "last year", "DATE", "2020");
  expect("Talks resume next week.", PUB, "next week", "DATE", "2021-W07");
  expect("Talks began last week.", PUB, "last week", "DATE", "2021-W05");
  expect("It was announced earlier this year.", PUB, "earlier this year", "DATE", "2021");
}

Test(dates, shifts_ago)
{
  expect("He tried eight years ago.", PUB, "eight years ago", "DATE", "2013");
  expect("He tried a year ago.", PUB, "a year ago", "DATE", "2020");
  expect("It began two weeks ago.", PUB, "two weeks ago", "DATE", "2021-W04");
  expect("It began three days ago.", PUB, "three days ago", "DATE", "2021-02-11");
  expect("It began several years ago.", PUB, "several years ago", "DATE", "PAST_REF");
}

Test(dates, day_words_and_refs)
{
  expect("He said today that it works.", PUB, "today", "DATE", "2021-02-14");
  expect("He said yesterday that it works.", PUB, "yesterday", "DATE", "2021-02-13");
  expect("He will speak tomorrow.", PUB, "tomorrow", "DATE", "2021-02-15");
  expect("He will speak tonight.", PUB, "tonight", "TIME", "2021-02-14TNI");
  expect("He is now in Moscow.", PUB, "now", "DATE", "PRESENT_REF");
  expect("He is currently in Moscow.", PUB, "currently", "DATE", "PRESENT_REF");
  expect("Recently, he moved.", PUB, "Recently", "DATE", "PAST_REF");
  expect("There were sell programs in past years, too.", PUB, "past years", "DATE",
         "PAST_REF");
  expect("No one knows what the future holds.", PUB, "the future", "DATE", "FUTURE_REF");
  expect("Prosecutors may soon seek an indictment.", PUB, "soon", "DATE", "FUTURE_REF");
  expect("They will sell it as soon as possible.", PUB, "as soon as possible", "DATE",
         "FUTURE_REF");
  expect_none("The trickle soon became a flood.", PUB);
  expect_none("He was soon released.", PUB);
  expect_none("He left soon after the attack.", PUB);
  expect_none("Call me as soon as he arrives.", PUB);
  expect("We face challenges in the near term.", PUB, "the near term", "DATE", "FUTURE_REF");
  expect("Islam will one day be the second largest religion.", PUB, "one day", "DATE",
         "FUTURE_REF");
  expect("He stayed for one day.", PUB, "one day", "DURATION", "P1D");
  expect_none("It will reduce the short-term debt.", PUB);
}

Test(dates, durations)
{
  expect("He served eight years in office.", PUB, "eight years", "DURATION", "P8Y");
  expect("It lasted three months.", PUB, "three months", "DURATION", "P3M");
  expect("A two-day summit opened.", PUB, "two-day", "DURATION", "P2D");
  expect("Prices doubled over the past five years.", PUB, "the past five years",
         "DURATION", "P5Y");
  expect("Police held him for 24 hours.", PUB, "24 hours", "DURATION", "PT24H");
  expect("The dispute went on for several years.", PUB, "several years", "DURATION",
         "PXY");
  expect("The talks took about five hours.", PUB, "five hours", "DURATION", "PT5H");
  expect("She spent 5 1/2 hours in Nairobi.", PUB, "5 1/2 hours", "DURATION", "PT5H30M");
  expect("They lived in camps for 2 1/2 years.", PUB, "2 1/2 years", "DURATION", "P2Y6M");
  expect("The talks took two and a half days.", PUB, "two and a half days", "DURATION",
         "P2DT12H");
  expect("But a minute and a half later, a pilot called.", PUB, "a minute and a half",
         "DURATION", "PT1M30S");
  expect("He will stay for at least two more weeks.", PUB, "at least two more weeks",
         "DURATION", "P2W");
  expect("The loan may be extended for an additional year.", PUB, "an additional year",
         "DURATION", "P1Y");
  expect("Eight trading days after Oct. 12, it fell.", PUB, "Eight trading days", "DURATION",
         "P8D");
  expect("He waged a decades-long battle.", PUB, "decades-long", "DURATION", "PXY");
  expect("They left their third day-long meeting.", PUB, "day-long", "DURATION", "P1D");
  expect("It followed a several-year tenure.", PUB, "several-year", "DURATION", "PXY");
  expect("Rates may fall in coming weeks.", PUB, "coming weeks", "DURATION", "PXW");
  expect("Europe will grow over the next couple of years.", PUB, "the next couple of years",
         "DURATION", "P2Y");
  expect("It gained after several quarters of losses.", PUB, "several quarters", "DURATION",
         "PXQ");
  expect_none("He sold a quarter of the shares.", PUB);
}

Test(dates, sets)
{
  expect("The board meets every week.", PUB, "every week", "SET", "P1W");
  expect("The report comes out annually.", PUB, "annually", "SET", "P1Y");
  expect("The club meets each Thursday.", PUB, "each Thursday", "SET", "XXXX-WXX-4");
  expect("It costs $5 a day.", PUB, "a day", "SET", "P1D");
}

Test(dates, times)
{
  expect("The vote closes at 9 a.m. today.", PUB, "9 a.m. today", "TIME",
         "2021-02-14T09:00");
  expect("Doors will open at 10:30 p.m. Friday.", "2021-02-11", "10:30 p.m. Friday", "TIME",
         "2021-02-12T22:30");
  expect("Shots rang out Friday morning.", PUB, "Friday morning", "TIME",
         "2021-02-12TMO");
  expect("The deadline passed at noon Saturday.", PUB, "noon Saturday", "TIME",
         "2021-02-13T12:00");
  expect("Shares were up at mid-afternoon yesterday.", PUB, "mid-afternoon yesterday", "TIME",
         "2021-02-13TAF");
  expect("By mid afternoon the operation was over.", PUB, "mid afternoon", "TIME",
         "2021-02-14TAF");
}

/* A weekday in a past-tense sentence is the last one, on or before the anchor. */
Test(dates, weekday_past_tense)
{
  expect("The Kremlin said on Sunday that it was interested.", "2021-02-15", "Sunday",
         "DATE", "2021-02-14");
  expect("The Kremlin said on Monday that it was interested.", "2021-02-15", "Monday",
         "DATE", "2021-02-15");
  expect("Musk tweeted at the Kremlin on Friday.", PUB, "Friday", "DATE", "2021-02-12");
  expect("Earlier Saturday, he posted again.", PUB, "Saturday", "DATE", "2021-02-13");
}

/* A quotation has its own tense: the quote's "would" says nothing of Sunday. */
Test(dates, weekday_tense_not_from_quote)
{
  expect("Musk tweeted to the Kremlin on Sunday: \u201cWould you like to join me?\u201d",
         "2021-02-15", "Sunday", "DATE", "2021-02-14");
  expect("He wrote on Sunday: \"We will meet soon.\"", "2021-02-15", "Sunday", "DATE",
         "2021-02-14");
  expect("``We will meet on Friday,'' he said.", "2021-02-15", "Friday", "DATE",
         "2021-02-19");
}

/* A clause that opens after the date is not the date's clause. */
Test(dates, weekday_tense_not_from_later_clause)
{
  expect("Bush told a news conference on Tuesday that the blockade might be extended.",
         "1990-08-15", "Tuesday", "DATE", "1990-08-14");
  expect("Protesters planned a large demonstration on Saturday and were planning to drive "
         "around the airport.",
         "2000-01-07", "Saturday", "DATE", "2000-01-08");
  expect("The carrier has been on patrol since March.", "1990-08-13", "March", "DATE",
         "1990-03");
  expect("Traders had chosen to square positions ahead of the weekend.", "1989-10-30",
         "the weekend", "DATE", "1989-W44-WE");
  expect("The carrier has been on patrol since November.", "1990-08-13", "November", "DATE",
         "1989-11");
}

/* In a future-tense sentence it is the next one. */
Test(dates, weekday_future_tense)
{
  expect("The two men will meet on Friday.", PUB, "Friday", "DATE", "2021-02-19");
  expect("Officials said Tuesday that talks will resume next Friday.", "2021-02-17",
         "next Friday", "DATE", "2021-02-19");
  expect("Talks began Tuesday and will resume Friday.", "2021-02-17", "Tuesday", "DATE",
         "2021-02-16");
}

/* A year-less date takes the publication year, or the one the tense points to. */
Test(dates, yearless_date_year)
{
  expect("The attack happened on January 30.", PUB, "January 30", "DATE", "2021-01-30");
  expect("The attack happened on December 30.", "2021-01-10", "December 30", "DATE",
         "2020-12-30");
  expect("The summit will be held on January 5.", "2020-12-10", "January 5", "DATE",
         "2021-01-05");
  expect("The vote is set for March 3.", PUB, "March 3", "DATE", "2021-03-03");
  expect("Prices fell in December.", "2021-01-10", "December", "DATE", "2020-12");
  /* a deadline looks ahead */
  expect("KKR plans to pay down the loan by February.", "1989-10-30", "February", "DATE",
         "1990-02");
  expect("Lenders extended up to $90 million in revolving loans through January.",
         "1989-10-30", "January", "DATE", "1990-01");
  expect("The INS has given the relatives until 9 a.m. Tuesday to sign.", "2000-04-03",
         "9 a.m. Tuesday", "TIME", "2000-04-04T09:00");
  /* a change 'effective Feb. 1' is announced ahead */
  expect("The bank also created an office of the chairman, effective Feb. 1.", "1989-10-26",
         "Feb. 1", "DATE", "1990-02-01");
  /* a date named as an attribute is of a known, past event */
  expect("Investigators have been searching since shortly after the Oct. 23 slaying.",
         "1999-05-06", "Oct. 23", "DATE", "1998-10-23");
  /* an -ed adjective is no past verb; 'payable' is ahead */
  expect("It would be paid on a still unspecified date in January.", "1989-10-26", "January",
         "DATE", "1990-01");
  expect("The dividend is payable Jan. 2 to holders.", "1989-11-02", "Jan. 2", "DATE",
         "1990-01-02");
}

/* "The following year", "the next morning" count from the date the story told last. */
Test(dates, story_relative)
{
  expect("On May 22, 1995, he was promoted, and the following year he moved.", PUB,
         "the following year", "DATE", "1996");
  expect("In March 1989 the family urged a sale. The following month, it was put up.", PUB,
         "The following month", "DATE", "1989-04");
  expect("He was hurt on Feb. 21, 2000. He appeared in court the next morning.", PUB,
         "the next morning", "TIME", "2000-02-22TMO");
  expect("The following year was hard.", PUB, "The following year", "DATE", "2022");
  expect("Shares closed on Friday, Oct. 27, 1989, down from the previous Friday.", PUB,
         "the previous Friday", "DATE", "1989-10-20");
  expect("The market fell on Friday, Oct. 27, 1989. Dealers bought in the morning.", PUB,
         "the morning", "TIME", "1989-10-27TMO");
}

/* Without a publication date, explicit dates still normalize. */
Test(dates, no_anchor)
{
  expect("It was posted February 13, 2021.", NULL, "February 13, 2021", "DATE",
         "2021-02-13");
  expect("He has led Russia since 2000.", NULL, "2000", "DATE", "2000");
  expect("They met on Sunday.", NULL, "Sunday", "DATE", "XXXX-WXX-7");
  expect("They met last year.", NULL, "last year", "DATE", "XXXX");
  expect("They met on March 3.", NULL, "March 3", "DATE", "XXXX-03-03");
  expect("He served eight years.", NULL, "eight years", "DURATION", "P8Y");
}

/*
 * An undated document's relative dates can be resolved again once its
 * date is known: the tagger notes how each value hangs on the anchor.
 */
static void expect_reanchor(const char *text, const char *span, const char *anchor,
                            const char *value)
{
  ng_doc *doc = tag(text, NULL);
  ng_ymd a;
  cr_assert_eq(ng_parse_iso_date(anchor, &a), 0);
  size_t n = strlen(span);
  for (size_t i = 0; i < doc->timexes.n; i++) {
    const ng_timex *t = &doc->timexes.v[i];
    if (t->end - t->start == n && !memcmp(text + t->start, span, n)) {
      char v[48] = "";
      cr_expect_eq(ng_timex_reanchor(t, a, v), 1, "'%s' is relative", span);
      cr_expect_str_eq(v, value, "'%s' in '%s' from %s", span, text, anchor);
      ng_doc_free(doc);
      return;
    }
  }
  cr_expect_fail("no timex '%s' in '%s'", span, text);
  ng_doc_free(doc);
}

Test(dates, reanchor_undated)
{
  expect_reanchor("Musk invited Putin on Sunday.", "Sunday", "2021-02-15", "2021-02-14");
  expect_reanchor("They will meet on Friday.", "Friday", "2021-02-15", "2021-02-19");
  expect_reanchor("He met them last Monday.", "last Monday", "2021-02-15", "2021-02-08");
  expect_reanchor("On January 30, Musk interviewed Tenev.", "January 30", "2021-02-15",
                  "2021-01-30");
  expect_reanchor("The attack happened on December 30.", "December 30", "2021-01-10",
                  "2020-12-30");
  expect_reanchor("Prices fell in December.", "December", "2021-01-10", "2020-12");
  expect_reanchor("It was banned in China last week.", "last week", "2021-02-15",
                  "2021-W06");
  expect_reanchor("Last month, investors valued it at $1 billion.", "Last month",
                  "2021-02-15", "2021-01");
  expect_reanchor("The club launched last year.", "last year", "2021-02-15", "2020");
  expect_reanchor("He spoke yesterday.", "yesterday", "2021-02-15", "2021-02-14");
  expect_reanchor("He spoke today.", "today", "2021-02-15", "2021-02-15");
  expect_reanchor("It fell three days ago.", "three days ago", "2021-02-15", "2021-02-12");
  expect_reanchor("The strike ended Sunday night.", "Sunday night", "2021-02-15",
                  "2021-02-14TNI");
  /* what does not hang on the anchor stays as it is */
  ng_doc *doc = tag("He was born on May 3, 1971, and served eight years.", NULL);
  ng_ymd a = {2021, 2, 15};
  char v[48] = "unchanged";
  cr_assert_eq(doc->timexes.n, 2);
  cr_expect_eq(ng_timex_reanchor(&doc->timexes.v[0], a, v), 0);
  cr_expect_eq(ng_timex_reanchor(&doc->timexes.v[1], a, v), 0);
  cr_expect_str_eq(v, "unchanged");
  ng_doc_free(doc);
}

Test(dates, not_timexes)
{
  expect_none("You may leave when you like.", PUB);
  expect_none("He paid $1998 for 1,500 shares.", PUB);
  expect_none("A 30-year-old man was arrested.", PUB);
  expect_none("Prices fall when supply rises.", PUB);
}

Test(dates, order_and_sentence)
{
  ng_doc *doc = tag("He left on Friday. He came back on Sunday after two days.", PUB);
  cr_assert_eq(doc->timexes.n, 3);
  cr_expect_lt(doc->timexes.v[0].end, doc->timexes.v[1].start);
  cr_expect_lt(doc->timexes.v[1].end, doc->timexes.v[2].start);
  cr_expect_eq(doc->timexes.v[0].sentence, 0);
  cr_expect_eq(doc->timexes.v[2].sentence, 1);
  ng_doc_free(doc);
}
