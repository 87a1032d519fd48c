/* SPDX-License-Identifier: MIT */

/* Fifty fork-exec-wait rounds in a row: every round must succeed, which
   needs each finished child's resources back. */

#include <stdio.h>
#include "tests/lib.h"

#define ROUNDS 50

/* Runs child-quiet ROUNDS times with different statuses. */
void
test_main(int argc, char *argv[])
{
  int right = 0, i;

  for (i = 0; i < ROUNDS; i++) {
    pid_t pid = fork_checked("q");
    char line[32];

    if (pid == 0) {
      snprintf(line, sizeof line, "child-quiet %d", i % 4);
      exec(line);
      fail("exec returned");
    }
    right += wait(pid) == i % 4;
  }
  msg("%d of %d statuses right", right, ROUNDS);
}
