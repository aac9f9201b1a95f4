#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "newsgraph.h"

static char dir[] = "/tmp/ng-atomic-XXXXXX";

static void setup(void)
{
  cr_assert_not_null(mkdtemp(dir));
}

static size_t entries(void)
{
  size_t n = 0;
  DIR *d = opendir(dir);
  struct dirent *e;
  while ((e = readdir(d)))
    n += e->d_name[0] != '.';
  closedir(d);
  return n;
}

static void teardown(void)
{
  char cmd[64];
  snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
  cr_assert_eq(system(cmd), 0);
}

TestSuite(atomic_file, .init = setup, .fini = teardown);

Test(atomic_file, writes_whole_and_leaves_no_temporary)
{
  char path[64], buf[16] = {0};
  snprintf(path, sizeof(path), "%s/out.json", dir);
  ng_err err = NG_ERR_INIT;
  cr_assert_eq(ng_atomic_write(path, "{\"a\":1}", 7, &err), 0);
  FILE *f = fopen(path, "r");
  cr_assert_eq(fread(buf, 1, sizeof(buf), f), 7);
  fclose(f);
  cr_assert_str_eq(buf, "{\"a\":1}");
  cr_assert_eq(entries(), 1);
}

Test(atomic_file, abort_keeps_the_old_file)
{
  char path[64], buf[16] = {0};
  snprintf(path, sizeof(path), "%s/graph.dot", dir);
  ng_err err = NG_ERR_INIT;
  cr_assert_eq(ng_atomic_write(path, "old", 3, &err), 0);
  ng_atomic_file f;
  cr_assert_eq(ng_atomic_file_open(&f, path, &err), 0);
  cr_assert_eq(ng_atomic_file_write(&f, "half", 4, &err), 0);
  ng_atomic_file_abort(&f);
  FILE *in = fopen(path, "r");
  cr_assert_eq(fread(buf, 1, sizeof(buf), in), 3);
  fclose(in);
  cr_assert_str_eq(buf, "old");
  cr_assert_eq(entries(), 1, "the temporary file is gone");
}

Test(atomic_file, missing_folder_is_an_error_naming_the_file)
{
  char path[96];
  snprintf(path, sizeof(path), "%s/no/such/graph.svg", dir);
  ng_err err = NG_ERR_INIT;
  cr_assert_eq(ng_atomic_write(path, "x", 1, &err), NG_ERR_IO);
  cr_assert_eq(err.status, NG_ERR_IO);
  cr_assert_not_null(strstr(err.msg, "graph.svg"));
}
