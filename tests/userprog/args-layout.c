/* SPDX-License-Identifier: MIT */

/* The argument block of pintos-abi.md 4.4: argv 8-byte aligned inside the
   first stack page, the strings above the pointer array, each string
   where the previous pointer's string ended or above, and everything below
   USER_STACK. */

#include <stdint.h>
#include <string.h>
#include "tests/lib.h"

#define USER_STACK 0x47480000UL
#define STACK_PAGE (USER_STACK - 4096)

/* Checks and prints the placement of argv and its strings. */
void
test_main(int argc, char *argv[])
{
  uintptr_t array = (uintptr_t)argv;
  uintptr_t end = array + (argc + 1) * sizeof *argv;
  int inside = 0, above = 0, i;

  msg("argv %% 8 = %d", (int)(array % 8));
  msg("argv in the first stack page: %s",
      array >= STACK_PAGE && end <= USER_STACK ? "yes" : "no");
  msg("argv[argc] is NULL: %s", argv[argc] == NULL ? "yes" : "no");
  for (i = 0; i < argc; i++) {
    uintptr_t s = (uintptr_t)argv[i];

    inside += s >= STACK_PAGE && s + strlen(argv[i]) < USER_STACK;
    above += s >= end;
  }
  msg("strings inside the stack page: %d of %d", inside, argc);
  msg("strings above the array: %d of %d", above, argc);
}
