/* SPDX-License-Identifier: MIT */

/* exec of a file that does not exist prints the load line and ends the
   process with -1; it never returns. */

#include "tests/lib.h"

/* Execs a missing program in a child. */
void
test_main(int argc, char *argv[])
{
  pid_t pid = fork_checked("hopeful");

  if (pid == 0) {
    exec("no-such-program arg");
    fail("exec returned");
  }
  msg("wait = %d", wait(pid));
}
