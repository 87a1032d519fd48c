/* SPDX-License-Identifier: MIT */
#ifndef FILESYS_HOST_STDIO_H
#define FILESYS_HOST_STDIO_H

/* Hosted build of filesys/: the part of Pagoda's <stdio.h> the file
   system uses, declared with the C library's prototypes and resolved
   against it.  The C library's own <stdio.h> is avoided because it
   defines off_t, which filesys/off_t.h defines differently. */

#include <stdarg.h>
#include <stddef.h>

int printf(const char *format, ...) __attribute__((format(printf, 1, 2)));
int snprintf(char *buffer, size_t size, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
int vsnprintf(char *buffer, size_t size, const char *format, va_list args)
    __attribute__((format(printf, 3, 0)));
int putchar(int ch);

#endif
