/*
 * newsgraph: the command line.  A thin client of the library: it reads
 * argv, calls the library, prints, and maps what happened to an exit code.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "newsgraph.h"

enum {
  EXIT_OK = 0,      /* every input read, every output written */
  EXIT_SKIPPED = 1, /* some inputs skipped (each named), outputs written */
  EXIT_USAGE = 2,   /* bad command line */
  EXIT_OUTPUT = 3   /* an output could not be written */
};

static const char *progname = "newsgraph";

static void usage(FILE *f)
{
  fprintf(f,
          "Usage: %s [-o DIR] [-f LIST] [--date YYYY-MM-DD] [-q|-v] [--top N]\n"
          "                 [--min-weight W] [--layout ENGINE] [INPUT...]\n"
          "       %s extract [--text] [--date YYYY-MM-DD] [-q|-v] [-o FILE]\n"
          "                 INPUT...\n"
          "\n"
          "Find the people, organizations, places and dated events in news\n"
          "articles and merge them into one graph and timeline.\n"
          "\n"
          "The main job reads every INPUT (default: samples/) and writes\n"
          "graph.dot, graph.svg, timeline.json, timeline.dot, timeline.svg and\n"
          "report.html, or the files --format names, into DIR (default: out/).\n"
          "'extract' writes one JSON line per document instead: mentions,\n"
          "temporal expressions and events, to standard output or FILE.\n"
          "\n"
          "INPUT is a file (.txt, .html, .htm, .html.gz, .jsonl, .rss, .atom,\n"
          ".xml), a folder (read recursively, in sorted order) or - for\n"
          "standard input.\n"
          "\n"
          "Options:\n"
          "  -o, --output PATH   output folder (main job) or file (extract);\n"
          "                      - is standard output: extract's lines, or\n"
          "                      the main job's one file (timeline.json, or\n"
          "                      the one format -f names)\n"
          "  -f, --format LIST   main job: the files to write, comma-separated:\n"
          "                      dot, svg, json (timeline.json), timelinejs,\n"
          "                      cytoscape, gexf, graphml, csv (nodes.csv and\n"
          "                      edges.csv), timeline (timeline.dot and .svg),\n"
          "                      report (report.html), default (dot, svg,\n"
          "                      json, timeline, report) or all\n"
          "      --date DATE     publication date for documents without one\n"
          "      --text          extract: include the plain text offsets use\n"
          "  -q, --quiet         do not report skipped inputs, no progress line\n"
          "  -v, --verbose       a line per document (source, date and where it\n"
          "                      came from, what was found) and a timing\n"
          "                      summary; the last of -q and -v wins\n"
          "      --top N         graph: draw the N most mentioned entities\n"
          "                      (default 100; 0 draws all)\n"
          "      --min-weight W  graph: draw ties named together in W or more\n"
          "                      sentences (default: about 3 ties per entity)\n"
          "      --layout ENGINE graph: Graphviz layout (default sfdp; also dot,\n"
          "                      neato, fdp, circo, twopi, osage, patchwork)\n"
          "  -h, --help          show this help and exit\n"
          "  -V, --version       show the version and exit\n"
          "\n"
          "Examples:\n"
          "  %s                              samples/ into out/\n"
          "  %s -o report articles/ feed.rss\n"
          "  %s -f default,gexf,csv articles/     also for Gephi, spreadsheets\n"
          "  %s --top 30 --layout fdp -o small articles/\n"
          "  %s -o - articles/ | jq '.events[0]'   timeline.json to a pipe\n"
          "  %s -v articles/                     per-document lines, timing\n"
          "  %s extract --date 2021-02-15 story.txt | jq .mentions\n"
          "\n"
          "Exit status: 0 all inputs read; 1 some inputs skipped but outputs\n"
          "written; 2 usage error; 3 an output could not be written.\n"
          "\n"
          "On a terminal, standard error shows a progress line (documents,\n"
          "MB, MB/s, time left) unless -q is given.\n",
          progname, progname, progname, progname, progname, progname,
          progname, progname, progname);
}

static int usage_error(const char *fmt, const char *arg)
{
  fprintf(stderr, "%s: ", progname);
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\nTry '%s --help' for more information.\n", progname);
  return EXIT_USAGE;
}

static int valid_date(const char *s)
{
  int y, m, d;
  char tail;
  if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return 0;
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* A whole decimal number up to max into *out; 0 when s is anything else. */
static int parse_count(const char *s, unsigned long max, unsigned long *out)
{
  char *end;
  if (*s < '0' || *s > '9')
    return 0;
  errno = 0;
  *out = strtoul(s, &end, 10);
  return *end == '\0' && errno == 0 && *out <= max;
}

/* --top, --min-weight, --layout with their value v; EXIT_OK or usage. */
static int draw_option(const char *opt, const char *v, ng_draw_options *d)
{
  unsigned long n;
  if (!strcmp(opt, "--layout")) {
    if (!ng_draw_layout_valid(v))
      return usage_error("unknown layout engine '%s' (try sfdp, dot, neato "
                         "or fdp)",
                         v);
    d->layout = v;
  } else if (!parse_count(v, !strcmp(opt, "--top") ? SIZE_MAX : UINT_MAX,
                          &n)) {
    return usage_error("'%s' is not a count", v);
  } else if (!strcmp(opt, "--top")) {
    d->top = (size_t)n;
  } else {
    d->min_weight = (unsigned)n;
  }
  return EXIT_OK;
}

/*
 * What the run has done so far, for -v and the progress line.  The line
 * goes to standard error only when that is a terminal and not -q; it is
 * rewritten in place (\r) at most five times a second, and wiped before
 * anything else is printed to standard error.
 */
typedef struct progress {
  int verbose, show_line, quiet;
  int merging; /* main job: the outputs come after the last input */
  size_t documents;
  uint64_t bytes, total; /* total: 0 when unknown (standard input) */
  double start, last_draw;
  int line_len; /* the width of the line on screen; 0: none shown */
} progress;

static double now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void progress_clear(progress *p)
{
  if (p->line_len) {
    fprintf(stderr, "\r%*s\r", p->line_len, "");
    p->line_len = 0;
  }
}

/* 1234567 as "1,234,567" into buf. */
static const char *grouped(size_t n, char *buf, size_t size)
{
  char digits[32];
  int len = snprintf(digits, sizeof(digits), "%zu", n), k = 0;
  for (int i = 0; i < len && (size_t)k + 2 < size; i++) {
    if (i && (len - i) % 3 == 0)
      buf[k++] = ',';
    buf[k++] = digits[i];
  }
  buf[k] = '\0';
  return buf;
}

static void progress_draw(progress *p, double t)
{
  char num[40], line[160];
  double secs = t - p->start, mb = (double)p->bytes / 1e6;
  double rate = secs > 0 ? mb / secs : 0;
  int n = snprintf(line, sizeof(line), "%s: %s documents, %.1f MB, %.1f MB/s",
                   progname, grouped(p->documents, num, sizeof(num)), mb, rate);
  if (p->merging && p->total && p->bytes >= p->total) {
    n += snprintf(line + n, sizeof(line) - (size_t)n, ", merging and writing");
  } else if (p->total && p->bytes && p->bytes <= p->total && secs > 0.5) {
    double left = secs * (double)(p->total - p->bytes) / (double)p->bytes;
    unsigned long l = (unsigned long)(left + 0.5);
    if (l >= 3600)
      n += snprintf(line + n, sizeof(line) - (size_t)n,
                    ", about %lu:%02lu:%02lu left", l / 3600, l / 60 % 60,
                    l % 60);
    else
      n += snprintf(line + n, sizeof(line) - (size_t)n,
                    ", about %lu:%02lu left", l / 60, l % 60);
  }
  /* Pad over a longer line drawn before. */
  fprintf(stderr, "\r%s%*s", line, p->line_len > n ? p->line_len - n : 0, "");
  fflush(stderr);
  p->line_len = n > p->line_len ? n : p->line_len;
  p->last_draw = t;
}

static void on_progress(const ng_progress *np, void *data)
{
  progress *p = data;
  p->documents += np->documents;
  p->bytes += np->bytes;
  if (p->verbose && np->documents) {
    progress_clear(p);
    fprintf(stderr, "%s: %s: ", progname, np->source);
    if (np->published[0])
      fprintf(stderr, "published %s (%s)", np->published, np->published_from);
    else
      fprintf(stderr, "no publication date");
    fprintf(stderr, ", %zu mentions, %zu timexes, %zu events\n", np->mentions,
            np->timexes, np->events);
  }
  if (p->show_line) {
    double t = now();
    /* The last input read: say what the wait is for now. */
    if (t - p->last_draw >= 0.2 || (p->merging && p->bytes >= p->total))
      progress_draw(p, t);
  }
}

/* -v: the run in one line at the end. */
static void progress_summary(progress *p, const char *wrote)
{
  progress_clear(p);
  if (!p->verbose)
    return;
  double secs = now() - p->start, mb = (double)p->bytes / 1e6;
  char num[40];
  fprintf(stderr, "%s: %s documents, %.1f MB in %.2f s (%.1f MB/s); wrote %s\n",
          progname, grouped(p->documents, num, sizeof(num)), mb, secs,
          secs > 0 ? mb / secs : 0.0, wrote);
}

static void warn(const char *msg, void *data)
{
  progress *p = data;
  if (p->quiet)
    return;
  progress_clear(p);
  fprintf(stderr, "%s: %s\n", progname, msg);
}

typedef struct cli {
  int extract, with_text, quiet, verbose;
  unsigned formats;
  const char *output, *date;
  ng_draw_options draw;
  const char **inputs;
  size_t n_inputs;
} cli;

/* --format LIST for the main job; EXIT_OK or EXIT_USAGE. */
static int set_formats(cli *c, const char *opt, const char *list)
{
  ng_err err = NG_ERR_INIT;
  if (c->extract)
    return usage_error("'%s' goes with the main job, not 'extract'", opt);
  if (ng_formats_parse(list, &c->formats, &err) < 0)
    return usage_error("%s", err.msg);
  return EXIT_OK;
}

/* The one file -o - sends to standard output for the main job. */
static const struct {
  unsigned format;
  const char *name;
} stdout_formats[] = {{NG_FORMAT_JSON, "timeline.json"},
                      {NG_FORMAT_TIMELINEJS, "timelinejs.json"},
                      {NG_FORMAT_CYTOSCAPE, "cytoscape.json"},
                      {NG_FORMAT_GEXF, "graph.gexf"},
                      {NG_FORMAT_GRAPHML, "graph.graphml"},
                      {NG_FORMAT_DOT, "graph.dot"},
                      {NG_FORMAT_SVG, "graph.svg"},
                      {NG_FORMAT_REPORT, "report.html"}};

static const char *stdout_name(unsigned formats)
{
  if (!formats)
    return "timeline.json";
  for (size_t i = 0; i < sizeof(stdout_formats) / sizeof(*stdout_formats); i++)
    if (formats == stdout_formats[i].format)
      return stdout_formats[i].name;
  return NULL;
}

/* Parse argv into c; EXIT_OK, EXIT_USAGE, or -1 after --help/--version. */
static int parse_args(int argc, char **argv, cli *c)
{
  int i = 1, no_more_opts = 0;
  if (argc > 1 && !strcmp(argv[1], "extract")) {
    c->extract = 1;
    i = 2;
  }
  c->inputs = calloc((size_t)argc, sizeof(*c->inputs));
  if (!c->inputs)
    abort();
  for (; i < argc; i++) {
    const char *a = argv[i];
    if (no_more_opts || a[0] != '-' || !strcmp(a, "-")) {
      c->inputs[c->n_inputs++] = a;
    } else if (!strcmp(a, "--")) {
      no_more_opts = 1;
    } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      usage(stdout);
      return -1;
    } else if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
      printf("newsgraph %s\n", ng_version());
      return -1;
    } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
      c->quiet = 1; /* the last of -q and -v wins */
      c->verbose = 0;
    } else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
      c->verbose = 1;
      c->quiet = 0;
    } else if (!strcmp(a, "--text")) {
      if (!c->extract)
        return usage_error("'%s' goes with 'extract'", a);
      c->with_text = 1;
    } else if (!strcmp(a, "-o") || !strcmp(a, "--output") ||
               !strcmp(a, "--date")) {
      if (i + 1 >= argc)
        return usage_error("'%s' needs a value", a);
      if (!strcmp(a, "--date")) {
        c->date = argv[++i];
        if (!valid_date(c->date))
          return usage_error("'%s' is not a date (YYYY-MM-DD)", c->date);
      } else {
        c->output = argv[++i];
      }
    } else if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
      if (i + 1 >= argc)
        return usage_error("'%s' needs a value", a);
      if (set_formats(c, a, argv[++i]) != EXIT_OK)
        return EXIT_USAGE;
    } else if (!strncmp(a, "--format=", 9)) {
      if (set_formats(c, "--format", a + 9) != EXIT_OK)
        return EXIT_USAGE;
    } else if (!strcmp(a, "--top") || !strcmp(a, "--min-weight") ||
               !strcmp(a, "--layout")) {
      if (i + 1 >= argc)
        return usage_error("'%s' needs a value", a);
      if (draw_option(a, argv[++i], &c->draw) != EXIT_OK)
        return EXIT_USAGE;
    } else if (!strncmp(a, "--top=", 6) || !strncmp(a, "--layout=", 9) ||
               !strncmp(a, "--min-weight=", 13)) {
      char opt[16];
      size_t k = (size_t)(strchr(a, '=') - a);
      memcpy(opt, a, k);
      opt[k] = '\0';
      if (draw_option(opt, a + k + 1, &c->draw) != EXIT_OK)
        return EXIT_USAGE;
    } else if (!strncmp(a, "--output=", 9)) {
      c->output = a + 9;
    } else if (!strncmp(a, "--date=", 7)) {
      c->date = a + 7;
      if (!valid_date(c->date))
        return usage_error("'%s' is not a date (YYYY-MM-DD)", c->date);
    } else {
      return usage_error("unknown option '%s'", a);
    }
  }
  if (c->extract && c->n_inputs == 0)
    return usage_error("%s", "'extract' needs at least one INPUT");
  if (!c->extract && c->output && !strcmp(c->output, "-") &&
      !stdout_name(c->formats))
    return usage_error("%s", "'-o -' writes one file to standard output: "
                             "give -f one of json, timelinejs, cytoscape, "
                             "gexf, graphml, dot, svg or report");
  return EXIT_OK;
}

/*
 * Extract streams: one line per document as soon as it is analyzed, to
 * standard output or to a file that appears whole when the run ends.
 */
typedef struct extract_state {
  FILE *f;          /* standard output, or NULL when writing to file */
  ng_atomic_file *file;
  int with_text;
  ng_buf line;
  ng_err *err;
  int failed;
} extract_state;

static int extract_doc(ng_doc *doc, void *data)
{
  extract_state *st = data;
  ng_buf_reset(&st->line);
  int rc = ng_doc_analyze(doc, st->err);
  if (rc == 0)
    rc = ng_write_extract(doc, st->with_text, &st->line, st->err);
  ng_doc_free(doc);
  if (rc == 0) {
    if (st->file)
      rc = ng_atomic_file_write(st->file, st->line.ptr, st->line.len, st->err);
    else if (fwrite(st->line.ptr, 1, st->line.len, st->f) != st->line.len)
      rc = ng_err_set(st->err, NG_ERR_IO, "writing output failed");
  }
  if (rc < 0) {
    st->failed = 1;
    return 1;
  }
  return 0;
}

static int run_extract(const cli *c, const ng_options *opts, progress *p)
{
  ng_err err = NG_ERR_INIT;
  size_t skipped = 0;
  ng_atomic_file file;
  extract_state st = {stdout, NULL, c->with_text, NG_BUF_INIT, &err, 0};

  if (c->output && strcmp(c->output, "-")) {
    if (ng_atomic_file_open(&file, c->output, &err) < 0) {
      fprintf(stderr, "%s: %s\n", progname, err.msg);
      return EXIT_OUTPUT;
    }
    st.file = &file;
  }
  for (size_t i = 0; i < c->n_inputs; i++)
    p->total += ng_input_bytes(c->inputs[i]);
  for (size_t i = 0; i < c->n_inputs && !st.failed; i++)
    if (ng_ingest_path(c->inputs[i], opts, extract_doc, &st, &skipped, &err) <
        0)
      st.failed = 1;
  ng_buf_release(&st.line);
  /* A failed write has already aborted the file. */
  if (!st.failed && st.file && ng_atomic_file_commit(st.file, &err) < 0)
    st.failed = 1;
  else if (st.failed && st.file && st.file->tmp)
    ng_atomic_file_abort(st.file);
  if (st.failed) {
    progress_clear(p);
    fprintf(stderr, "%s: %s\n", progname, err.msg);
    return EXIT_OUTPUT;
  }
  progress_summary(p, st.file ? c->output : "standard output");
  return skipped ? EXIT_SKIPPED : EXIT_OK;
}

typedef struct merge_state {
  ng_graph *g;
  ng_err *err;
} merge_state;

static int merge_doc(ng_doc *doc, void *data)
{
  merge_state *st = data;
  int rc = ng_doc_analyze(doc, st->err);
  if (rc == 0)
    rc = ng_graph_add(st->g, doc, st->err);
  ng_doc_free(doc);
  return rc < 0;
}

/*
 * -o - for the main job: the same reading and merging as ng_run(), then
 * one file to standard output (several files cannot share one stream).
 */
static int run_to_stdout(const char *const *inputs, size_t n, const char *name,
                         const cli *c, const ng_options *opts, size_t *skipped,
                         ng_err *err)
{
  ng_graph *g = ng_graph_new();
  merge_state st = {g, err};
  ng_buf out = NG_BUF_INIT;
  int rc = 0;
  for (size_t i = 0; i < n && rc == 0; i++)
    rc = ng_ingest_path(inputs[i], opts, merge_doc, &st, skipped, err);
  if (rc == 0)
    rc = ng_graph_finish(g, err);
  if (rc == 0) {
    if (!strcmp(name, "graph.dot"))
      rc = ng_write_dot_opts(g, &c->draw, &out, err);
    else if (!strcmp(name, "graph.svg"))
      rc = ng_write_svg_opts(g, &c->draw, &out, err);
    else if (!strcmp(name, "report.html"))
      rc = ng_write_report(g, NULL, 0, &out, err);
    else
      rc = ng_write_file(g, name, "-", err);
    if (rc == 0 && out.len && fwrite(out.ptr, 1, out.len, stdout) != out.len)
      rc = ng_err_set(err, NG_ERR_IO, "writing output failed");
  }
  ng_buf_release(&out);
  ng_graph_free(g);
  return rc;
}

static int run_main(const cli *c, const ng_options *opts, progress *p)
{
  static const char *const defaults[] = {"samples"};
  const char *const *inputs = c->n_inputs ? c->inputs : defaults;
  size_t n = c->n_inputs ? c->n_inputs : 1;
  const char *outdir = c->output ? c->output : "out";
  ng_err err = NG_ERR_INIT;
  size_t skipped = 0;
  int rc;
  for (size_t i = 0; i < n; i++)
    p->total += ng_input_bytes(inputs[i]);
  p->merging = 1;
  if (!strcmp(outdir, "-"))
    rc = run_to_stdout(inputs, n, stdout_name(c->formats), c, opts, &skipped,
                       &err);
  else
    rc = ng_run(inputs, n, outdir, opts, &skipped, &err);
  if (rc < 0) {
    progress_clear(p);
    fprintf(stderr, "%s: %s\n", progname, err.msg);
    return EXIT_OUTPUT;
  }
  char wrote[600];
  if (!strcmp(outdir, "-")) {
    snprintf(wrote, sizeof(wrote), "%s to standard output",
             stdout_name(c->formats));
  } else {
    unsigned f = c->formats ? c->formats : NG_FORMATS_DEFAULT, files = 0;
    for (unsigned bit = 1; bit <= NG_FORMATS_ALL; bit <<= 1)
      if (f & bit)
        files += (bit == NG_FORMAT_CSV || bit == NG_FORMAT_TIMELINE) ? 2 : 1;
    snprintf(wrote, sizeof(wrote), "%u files into %s", files, outdir);
  }
  progress_summary(p, wrote);
  return skipped ? EXIT_SKIPPED : EXIT_OK;
}

int main(int argc, char **argv)
{
  cli c = {0};
  c.draw = (ng_draw_options)NG_DRAW_OPTIONS_INIT;
  int code = parse_args(argc, argv, &c);
  if (code != EXIT_OK) {
    free(c.inputs);
    return code < 0 ? EXIT_OK : code;
  }
  progress p = {0};
  p.verbose = c.verbose;
  p.quiet = c.quiet;
  p.show_line = !c.quiet && isatty(STDERR_FILENO);
  p.start = now();
  ng_options opts = {.default_date = c.date,
                     .warn = warn,
                     .warn_data = &p,
                     .formats = c.formats,
                     .draw = &c.draw};
  if (p.verbose || p.show_line) {
    opts.progress = on_progress;
    opts.progress_data = &p;
  }
  code = c.extract ? run_extract(&c, &opts, &p) : run_main(&c, &opts, &p);
  free(c.inputs);
  /* A full disk should never look like success (jq checks the same). */
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "%s: writing output failed\n", progname);
    code = EXIT_OUTPUT;
  }
  return code;
}
