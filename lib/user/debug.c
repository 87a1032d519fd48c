/* SPDX-License-Identifier: MIT */

/* Assertion failures in user programs: report where, show the call stack
   by walking saved frame pointers (every user object is built with
   -fno-omit-frame-pointer), and exit with status 1. */

#include <debug.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <syscall.h>

/* Frames above this many are not followed: a corrupt chain must not loop. */
#define BACKTRACE_MAX 32

/* Prints "User process ABORT at FILE:LINE in FUNCTION(): MESSAGE", the
   call stack, and exits with status 1. */
void
debug_panic(const char *file, int line, const char *function,
            const char *message, ...)
{
  char text[256];
  va_list args;

  va_start(args, message);
  vsnprintf(text, sizeof text, message, args);
  va_end(args);
  printf("User process ABORT at %s:%d in %s(): %s\n", file, line, function,
         text);
  debug_backtrace();
  exit(1);
}

/* Prints "Call stack:" and the return addresses of the active frames,
   innermost first, on one line. */
void
debug_backtrace(void)
{
  char line[32 + BACKTRACE_MAX * 20];
  size_t used;
  uintptr_t *frame = __builtin_frame_address(0);
  int depth;

  used = snprintf(line, sizeof line, "Call stack:");
  for (depth = 0; depth < BACKTRACE_MAX && frame != NULL; depth++) {
    uintptr_t ret = frame[1];
    uintptr_t *next = (uintptr_t *)frame[0];

    if (ret == 0)
      break;
    used +=
        snprintf(line + used, sizeof line - used, " %#lx", (unsigned long)ret);
    /* Frames live on the stack and grow toward higher addresses as we go
       outward; anything else means the chain is broken. */
    if (next <= frame)
      break;
    frame = next;
  }
  printf("%s.\n", line);
}
