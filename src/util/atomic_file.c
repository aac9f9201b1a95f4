/*
 * Output files appear whole or not at all (git's lockfile.h explains why
 * this works): write a temporary file beside the target, flush and fsync
 * it, check that closing it succeeded, then rename() it over the target.
 * rename() within one folder is atomic on POSIX file systems, so a reader
 * sees the old file or the new one, never half of either.  On any failure
 * the temporary file is removed and the old output stays as it was.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "newsgraph.h"

static int write_all(int fd, const char *p, size_t len)
{
  while (len) {
    ssize_t n = write(fd, p, len);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return -1;
    }
    p += n;
    len -= (size_t)n;
  }
  return 0;
}

int ng_atomic_file_open(ng_atomic_file *f, const char *path, ng_err *err)
{
  f->fd = -1;
  f->path = NULL;
  f->tmp = NULL;
  size_t n = strlen(path);
  f->path = malloc(n + 1);
  f->tmp = malloc(n + sizeof(".tmp.XXXXXX"));
  if (!f->path || !f->tmp) {
    free(f->path);
    free(f->tmp);
    f->path = f->tmp = NULL;
    return ng_err_set(err, NG_ERR_NOMEM, "out of memory");
  }
  memcpy(f->path, path, n + 1);
  memcpy(f->tmp, path, n);
  memcpy(f->tmp + n, ".tmp.XXXXXX", sizeof(".tmp.XXXXXX"));
  f->fd = mkstemp(f->tmp);
  if (f->fd < 0) {
    int e = errno;
    free(f->path);
    free(f->tmp);
    f->path = f->tmp = NULL;
    return ng_err_set(err, NG_ERR_IO, "cannot write '%s': %s", path,
                      strerror(e));
  }
  /* mkstemp makes the file 0600; outputs are ordinary files. */
  mode_t mask = umask(0);
  umask(mask);
  fchmod(f->fd, 0666 & ~mask);
  return 0;
}

int ng_atomic_file_write(ng_atomic_file *f, const void *data, size_t len,
                         ng_err *err)
{
  if (write_all(f->fd, data, len) < 0) {
    int e = errno;
    ng_err_set(err, NG_ERR_IO, "cannot write '%s': %s", f->path, strerror(e));
    ng_atomic_file_abort(f);
    return NG_ERR_IO;
  }
  return 0;
}

int ng_atomic_file_commit(ng_atomic_file *f, ng_err *err)
{
  int e = 0;
  if (fsync(f->fd) < 0 && errno != EINVAL && errno != EROFS)
    e = errno;
  if (close(f->fd) < 0 && !e)
    e = errno;
  f->fd = -1;
  if (!e && rename(f->tmp, f->path) < 0)
    e = errno;
  if (e) {
    ng_err_set(err, NG_ERR_IO, "cannot write '%s': %s", f->path, strerror(e));
    ng_atomic_file_abort(f);
    return NG_ERR_IO;
  }
  free(f->path);
  free(f->tmp);
  f->path = f->tmp = NULL;
  return 0;
}

void ng_atomic_file_abort(ng_atomic_file *f)
{
  if (f->fd >= 0)
    close(f->fd);
  if (f->tmp)
    unlink(f->tmp);
  free(f->path);
  free(f->tmp);
  f->fd = -1;
  f->path = f->tmp = NULL;
}

int ng_atomic_write(const char *path, const void *data, size_t len,
                    ng_err *err)
{
  if (!strcmp(path, "-")) {
    if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
      return ng_err_set(err, NG_ERR_IO, "writing output failed");
    return 0;
  }
  ng_atomic_file f;
  int rc = ng_atomic_file_open(&f, path, err);
  if (rc < 0)
    return rc;
  rc = ng_atomic_file_write(&f, data, len, err);
  if (rc < 0)
    return rc;
  return ng_atomic_file_commit(&f, err);
}
