/* SPDX-License-Identifier: MIT */
#ifndef TESTS_UNIT_HOSTED_NAMES_H
#define TESTS_UNIT_HOSTED_NAMES_H

/* Host unit tests link Pagoda's lib/ into an ordinary program, next to the
   host C library.  Both define memcpy, printf, qsort..., so in the hosted
   build every lib/ symbol that a C library might also define is renamed
   with a pg_ prefix.  The Makefile force-includes this header (-include)
   before anything else in each hosted lib/ source; test files include it
   after the host headers (through unit.h), so a test's `strlen' means
   Pagoda's, and host functions stay reachable through the host_ wrappers
   unit.h defines first. */

#define memcpy pg_memcpy
#define memmove pg_memmove
#define memcmp pg_memcmp
#define memchr pg_memchr
#define memset pg_memset
#define strlen pg_strlen
#define strnlen pg_strnlen
#define strcmp pg_strcmp
#define strncmp pg_strncmp
#define strchr pg_strchr
#define strrchr pg_strrchr
#define strspn pg_strspn
#define strcspn pg_strcspn
#define strpbrk pg_strpbrk
#define strstr pg_strstr
#define strncat pg_strncat
#define strtok_r pg_strtok_r
#define strlcpy pg_strlcpy
#define strlcat pg_strlcat

#define __vprintf pg___vprintf
#define vsnprintf pg_vsnprintf
#define snprintf pg_snprintf
#define printf pg_printf
#define vprintf pg_vprintf
#define putchar pg_putchar
#define puts pg_puts
#define hex_dump pg_hex_dump

#define atoi pg_atoi
#define qsort pg_qsort
#define bsearch pg_bsearch
#define sort pg_sort
#define binary_search pg_binary_search

#define random_init pg_random_init
#define random_bytes pg_random_bytes
#define random_ulong pg_random_ulong

/* The allocator goes through fail-malloc.c, so tests can make it fail.
   Function-like, so that __attribute__((malloc)) keeps its meaning. */
#define malloc(...) unit_malloc(__VA_ARGS__)
#define calloc(...) unit_calloc(__VA_ARGS__)
#define realloc(...) unit_realloc(__VA_ARGS__)
#define free(...) unit_free(__VA_ARGS__)

#endif
