/* SPDX-License-Identifier: MIT */
#ifndef LIB_DEBUG_H
#define LIB_DEBUG_H

/* Assertions, panics and the GCC attributes the whole tree uses.

   debug_panic() and debug_backtrace() are defined twice: by the kernel
   (lib/kernel/debug.c: print, backtrace, power off) and by the user library
   (lib/user/debug.c: print, exit(1)).  Host unit tests bring their own. */

#define UNUSED __attribute__((unused))
#define NO_RETURN __attribute__((noreturn))
#define NO_INLINE __attribute__((noinline))
#define PRINTF_FORMAT(FMT, FIRST)                                              \
  __attribute__((format(__printf__, FMT, FIRST)))

/* Report a fatal error at FILE:LINE in FUNCTION, formatted like printf from
   MESSAGE, and never return.  Call it through PANIC or ASSERT. */
void debug_panic(const char *file, int line, const char *function,
                 const char *message, ...) PRINTF_FORMAT(4, 5) NO_RETURN;

/* Print the call stack of the caller (frame-pointer walk). */
void debug_backtrace(void);

#define PANIC(...) debug_panic(__FILE__, __LINE__, __func__, __VA_ARGS__)

#endif /* LIB_DEBUG_H */

/* Outside the guard on purpose: a file may define or undefine NDEBUG and
   include this header again to switch its assertions on or off. */
#undef ASSERT
#undef NOT_REACHED

#ifndef NDEBUG
#define ASSERT(CONDITION)                                                      \
  do {                                                                         \
    if (!(CONDITION))                                                          \
      PANIC("assertion `%s' failed.", #CONDITION);                             \
  } while (0)
#define NOT_REACHED() PANIC("executed an unreachable statement")
#else
#define ASSERT(CONDITION) ((void)0)
#define NOT_REACHED()                                                          \
  for (;;)                                                                     \
  continue
#endif
