/* SPDX-License-Identifier: MIT */
/* Forks a child that becomes child-exit (a put file built from the
   tree) and waits for it. */

#include <syscall.h>

#include "tests/lib.h"
#include "tests/main.h"

void
test_main(void)
{
  pid_t pid = fork("child-exit");
  if (pid == 0) {
    exec("child-exit 7");
    fail("exec child-exit returned");
  }
  CHECK(pid > 0, "fork");
  msg("child exited with %d", wait(pid));
}
