/* SPDX-License-Identifier: MIT */
#ifndef LIB_USER_STDIO_H
#define LIB_USER_STDIO_H

/* User-only additions to <stdio.h> (which includes this file). */

#include <stdarg.h>

/* Like printf and vprintf, but to file descriptor FD: one write per call
   when the text fits in 1 KiB.  Return the number of characters. */
int hprintf(int fd, const char *format, ...) PRINTF_FORMAT(2, 3);
int vhprintf(int fd, const char *format, va_list args) PRINTF_FORMAT(2, 0);

#endif /* LIB_USER_STDIO_H */
