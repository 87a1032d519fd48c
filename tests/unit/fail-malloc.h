/* SPDX-License-Identifier: MIT */
#ifndef TESTS_UNIT_FAIL_MALLOC_H
#define TESTS_UNIT_FAIL_MALLOC_H

#include <stddef.h>

/* Let the next SUCCESSES allocations succeed and fail every one after
   that; -1 removes the limit. */
void unit_malloc_fail_after(long successes);

void *unit_malloc(size_t size);
void *unit_calloc(size_t cnt, size_t size);
void *unit_realloc(void *p, size_t size);
void unit_free(void *p);

#endif
