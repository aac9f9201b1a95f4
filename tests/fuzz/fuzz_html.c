/*
 * libFuzzer target: the page reader, as it reads a file named "a.html".
 * It also checks the claim ng_html_parse() rests on: cutting scripts,
 * styles, comments and unread attributes before libxml2 parses leaves
 * the text of the page as libxml2 alone would give it.
 */
#include "fuzz.h"
#include "ingest/html_text.h"

static void text_of(htmlDocPtr h, ng_buf *out)
{
  if (h)
    ng_html_text((xmlNodePtr)h, out, NULL, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  ng_fuzz_run("a.html", data, size);
  if (size > (1 << 20))
    return 0;
  ng_buf ours = NG_BUF_INIT, theirs = NG_BUF_INIT;
  htmlDocPtr a = ng_html_parse((const char *)data, size, "UTF-8");
  htmlDocPtr b = htmlReadMemory((const char *)data, (int)size, NULL, "UTF-8",
                                HTML_PARSE_RECOVER | HTML_PARSE_NONET |
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                    HTML_PARSE_COMPACT);
  text_of(a, &ours);
  text_of(b, &theirs);
  if (ours.len != theirs.len || memcmp(ours.ptr, theirs.ptr, ours.len)) {
    fprintf(stderr,
            "fuzz: text differs\n--- libxml2 alone:\n%s\n--- ours:\n%s\n",
            theirs.ptr, ours.ptr);
    abort();
  }
  xmlFreeDoc(a);
  xmlFreeDoc(b);
  ng_buf_release(&ours);
  ng_buf_release(&theirs);
  return 0;
}
