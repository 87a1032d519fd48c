/* SPDX-License-Identifier: MIT */

/* exec splits its command line on runs of spaces: leading, trailing and
   repeated spaces make no empty words. */

#include "tests/lib.h"

/* Execs child-args with a messy command line. */
void
test_main(int argc, char *argv[])
{
  pid_t pid = fork_checked("spacey");

  if (pid == 0) {
    exec("   child-args  alpha    beta gamma   ");
    fail("exec returned");
  }
  msg("wait = %d", wait(pid));
}
