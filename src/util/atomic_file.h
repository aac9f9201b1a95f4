#ifndef NG_UTIL_ATOMIC_FILE_H
#define NG_UTIL_ATOMIC_FILE_H

/*
 * Calling sequence, for output written in pieces (ng_atomic_write() in
 * newsgraph.h does all three for one buffer):
 *
 *     ng_atomic_file f;
 *     if (ng_atomic_file_open(&f, "out/timeline.json", &err) < 0)
 *       return;                      (nothing was created)
 *     ng_atomic_file_write(&f, ...)  (on failure f is already aborted)
 *     ng_atomic_file_commit(&f, &err) or ng_atomic_file_abort(&f)
 */
#include "newsgraph.h"

typedef struct ng_atomic_file {
  int fd;
  char *path; /* the target */
  char *tmp;  /* "<path>.tmp.XXXXXX", removed unless committed */
} ng_atomic_file;

int ng_atomic_file_open(ng_atomic_file *f, const char *path, ng_err *err);
int ng_atomic_file_write(ng_atomic_file *f, const void *data, size_t len,
                         ng_err *err);
int ng_atomic_file_commit(ng_atomic_file *f, ng_err *err);
void ng_atomic_file_abort(ng_atomic_file *f);

#endif
