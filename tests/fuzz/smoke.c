/*
 * A main() for a fuzz target when libFuzzer is not there (gcc, or a build
 * without NG_FUZZ): runs the target once on every file named on the
 * command line or found in a folder named there, so that CTest can check
 * the targets build and pass over the fixtures.  Usage:
 *   fuzz_html PATH...
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int run_file(const char *path, size_t *count)
{
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    return -1;
  }
  ng_buf b = NG_BUF_INIT;
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
    ng_buf_add(&b, chunk, n);
  fclose(f);
  LLVMFuzzerTestOneInput((const uint8_t *)b.ptr, b.len);
  ng_buf_release(&b);
  (*count)++;
  return 0;
}

static int run_path(const char *path, size_t *count)
{
  struct stat st;
  if (stat(path, &st) < 0) {
    perror(path);
    return -1;
  }
  if (!S_ISDIR(st.st_mode))
    return run_file(path, count);
  DIR *d = opendir(path);
  if (!d) {
    perror(path);
    return -1;
  }
  struct dirent *e;
  int rc = 0;
  while ((e = readdir(d)) != NULL && rc == 0) {
    if (e->d_name[0] == '.')
      continue;
    char child[4096];
    snprintf(child, sizeof(child), "%s/%s", path, e->d_name);
    rc = run_path(child, count);
  }
  closedir(d);
  return rc;
}

int main(int argc, char **argv)
{
  size_t count = 0;
  for (int i = 1; i < argc; i++)
    if (run_path(argv[i], &count) < 0)
      return 1;
  /* and the inputs no fixture holds */
  LLVMFuzzerTestOneInput((const uint8_t *)"", 0);
  LLVMFuzzerTestOneInput((const uint8_t *)"\xff\xfe\x00", 3);
  printf("%s: %zu inputs, no broken promise\n", argv[0], count + 2);
  return 0;
}
