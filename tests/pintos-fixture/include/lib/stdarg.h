/* SPDX-License-Identifier: MIT */
/* Variable arguments through the compiler's builtins. */
#ifndef FIXTURE_STDARG_H
#define FIXTURE_STDARG_H

typedef __builtin_va_list va_list;
#define va_start(AP, LAST) __builtin_va_start(AP, LAST)
#define va_arg(AP, TYPE) __builtin_va_arg(AP, TYPE)
#define va_end(AP) __builtin_va_end(AP)
#define va_copy(DST, SRC) __builtin_va_copy(DST, SRC)

#endif
