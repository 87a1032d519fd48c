/* SPDX-License-Identifier: MIT */
/* The allocator of the hosted lib/ build: the host's, except that a test
   can make it fail, to check that out-of-memory paths leave data
   structures intact.  Compiled without hosted-names.h, so malloc and free
   here are the host's (and ASan's). */

#include <stdlib.h>

#include "tests/unit/fail-malloc.h"

static long allowed = -1; /* Successes left before failing; -1: no limit. */

/* See fail-malloc.h. */
void
unit_malloc_fail_after(long successes)
{
  allowed = successes;
}

static int
may_allocate(void)
{
  if (allowed == 0)
    return 0;
  if (allowed > 0)
    allowed--;
  return 1;
}

/* The host malloc, unless failure was asked for. */
void *
unit_malloc(size_t size)
{
  return may_allocate() ? malloc(size) : NULL;
}

/* The host calloc, unless failure was asked for. */
void *
unit_calloc(size_t cnt, size_t size)
{
  return may_allocate() ? calloc(cnt, size) : NULL;
}

/* The host realloc, unless failure was asked for. */
void *
unit_realloc(void *p, size_t size)
{
  return may_allocate() ? realloc(p, size) : NULL;
}

/* The host free. */
void
unit_free(void *p)
{
  free(p);
}
