/* SPDX-License-Identifier: MIT */

/* A child killed by a fault reports -1 to wait. */

#include "tests/lib.h"

/* The child dereferences NULL. */
void
test_main(int argc, char *argv[])
{
  pid_t pid = fork_checked("victim");

  if (pid == 0) {
    volatile int *p = NULL;

    exit(*p);
  }
  msg("wait = %d", wait(pid));
}
