/* SPDX-License-Identifier: MIT */
#ifndef TESTS_USERPROG_ARGS_DUMP_H
#define TESTS_USERPROG_ARGS_DUMP_H

/* Shared by the args-* tests: print what the kernel put on the stack, so
   the expected output can list the words of the command line. */

#include <stdint.h>
#include "tests/lib.h"

static inline void
args_dump(int argc, char *argv[])
{
  int i;

  REQUIRE(((uintptr_t)argv & 7) == 0, "argv %p is not 8-byte aligned",
          (void *)argv);
  msg("argc = %d", argc);
  for (i = 0; i <= argc; i++)
    if (argv[i] != NULL)
      msg("argv[%d] = '%s'", i, argv[i]);
    else
      msg("argv[%d] = NULL", i);
}

#endif /* TESTS_USERPROG_ARGS_DUMP_H */
