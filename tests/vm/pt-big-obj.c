/* SPDX-License-Identifier: MIT */

/* A 64 KiB local object written from its low end first: the first store
   lands 64 KiB below every page the stack has, which is legal because it
   is still above rsp (pintos-abi.md 7.2, sparse growth). */

#include <string.h>
#include "tests/vm/vm-lib.h"

#define SIZE (64 * 1024)

/* Writes the object bottom-up and checks it. */
static size_t NO_INLINE
use_object(void)
{
  char object[SIZE];
  size_t i;

  for (i = 0; i < SIZE; i += PAGE)
    pattern_fill(object + i, PAGE, i / PAGE + 7);
  for (i = 0; i < SIZE; i += PAGE)
    if (pattern_check(object + i, PAGE, i / PAGE + 7) != PAGE)
      return i;
  asm volatile("" : : "r"(object) : "memory");
  return SIZE;
}

/* Reports how much of the object held its bytes. */
void
test_main(int argc, char *argv[])
{
  msg("intact bytes: %zu of %d", use_object(), SIZE);
}
