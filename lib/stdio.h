/* SPDX-License-Identifier: MIT */
#ifndef LIB_STDIO_H
#define LIB_STDIO_H

/* Formatted output.  One formatter, __vprintf, feeds characters to a
   callback; snprintf/vsnprintf wrap it around a buffer here, and the kernel
   (lib/kernel/console.c) and the user library (lib/user/console.c) each
   define vprintf, putchar and puts on top of it for their own console.

   Conversions: d i u o x X c s p %, flags - + space # 0, width and
   precision (also `*'), lengths hh h l ll j z t.  No floating point and no
   %n. */

#include <debug.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STDIN_FILENO 0
#define STDOUT_FILENO 1

/* Format FORMAT with ARGS, passing each output character to OUTPUT along
   with AUX.  Never fails; does not append a NUL. */
void __vprintf(const char *format, va_list args,
               void (*output)(char, void *aux), void *aux);

/* Format into the SIZE-byte BUFFER, always NUL-terminated when SIZE > 0.
   Returns the length the whole output would have had (excluding the NUL),
   so a result >= SIZE means it was truncated. */
int vsnprintf(char *buffer, size_t size, const char *format, va_list args)
    PRINTF_FORMAT(3, 0);
int snprintf(char *buffer, size_t size, const char *format, ...)
    PRINTF_FORMAT(3, 4);

/* Print to the console; return the number of characters written. */
int printf(const char *format, ...) PRINTF_FORMAT(1, 2);

/* Defined by the kernel and by the user library, not in lib/. */
int vprintf(const char *format, va_list args) PRINTF_FORMAT(1, 0);
int putchar(int ch);
int puts(const char *s);

/* Print SIZE bytes at BUFFER as hex, 16 per line, each line labelled with
   its offset counting from OFS; with ASCII, also show printable bytes. */
void hex_dump(uintptr_t ofs, const void *buffer, size_t size, bool ascii);

/* Kernel-only and user-only additions (putbuf, hprintf...) live in
   lib/kernel/stdio.h and lib/user/stdio.h, found next on the include path. */
#if defined(__has_include_next)
#if __has_include_next(<stdio.h>)
#include_next <stdio.h>
#endif
#endif

#endif
