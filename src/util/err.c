#include <stdarg.h>
#include <stdio.h>

#include "newsgraph.h"

int ng_err_set(ng_err *err, int status, const char *fmt, ...)
{
  if (err) {
    va_list ap;
    va_start(ap, fmt);
    err->status = status;
    vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
    va_end(ap);
  }
  return status;
}

const char *ng_version(void)
{
#ifdef NG_VERSION
  return NG_VERSION;
#else
  return "0.0.0";
#endif
}
