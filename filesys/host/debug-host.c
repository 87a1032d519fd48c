/* SPDX-License-Identifier: MIT */
/* lib/debug.h for host programs: a panic prints where it happened and
   aborts, so tests, sanitizers and the fuzzer all see it as a crash. */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "lib/debug.h"

/* Prints FILE:LINE FUNCTION: MESSAGE to stderr and aborts. */
void
debug_panic(const char *file, int line, const char *function,
            const char *message, ...)
{
  va_list args;

  fprintf(stderr, "PANIC at %s:%d in %s(): ", file, line, function);
  va_start(args, message);
  vfprintf(stderr, message, args);
  va_end(args);
  fputc('\n', stderr);
  abort();
}

/* Host backtraces come from the sanitizers or gdb. */
void
debug_backtrace(void)
{
}
