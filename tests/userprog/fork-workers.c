/* SPDX-License-Identifier: MIT */

/* Ten children run at once, each writing and checking its own file with
   its own pattern.  They print nothing and all exit 0, so their exit
   lines are identical and their order does not matter; the parent
   reports after waiting for all of them, in reverse order. */

#include <stdio.h>
#include "tests/lib.h"

#define WORKERS 10
#define SIZE 20000

/* One worker: fills and verifies file NAME with pattern SEED. */
static int
work(const char *name, unsigned seed)
{
  int fd = create_open(name, SIZE);

  if (pattern_write(fd, SIZE, seed) != SIZE)
    return 1;
  seek(fd, 0);
  return pattern_read_matches(fd, SIZE, seed) ? 0 : 2;
}

/* Starts the workers, then waits for them. */
void
test_main(int argc, char *argv[])
{
  pid_t pids[WORKERS];
  int ok = 0, i;

  for (i = 0; i < WORKERS; i++) {
    char name[16];

    snprintf(name, sizeof name, "work%d", i);
    pids[i] = fork_checked("worker");
    if (pids[i] == 0)
      exit(work(name, i));
  }
  for (i = WORKERS - 1; i >= 0; i--)
    ok += wait(pids[i]) == 0;
  msg("%d of %d workers succeeded", ok, WORKERS);
}
