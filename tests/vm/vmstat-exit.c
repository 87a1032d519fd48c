/* SPDX-License-Identifier: MIT */

/* A process's frames go back to the pool when it exits, also when it is
   killed: after a child that touched 512 pages has been waited for, the
   free-frame count is back within a few frames of its value before the
   fork (the parent's own pages may have moved a little). */

#include "tests/vm/vm-lib.h"

#define PAGES 512

static volatile char area[PAGES * 4096] __attribute__((aligned(4096)));

/* Forks a child that touches PAGES pages and ends by exit or by a
   fault (KILL); returns the free frames lost across it. */
static long
frames_lost(bool kill)
{
  struct vmstat a, b;
  pid_t pid;

  vmstat(&a);
  pid = fork_checked(kill ? "killed" : "exited");
  if (pid == 0) {
    int i;

    for (i = 0; i < PAGES; i++)
      area[i * 4096] = 1;
    if (kill)
      *(volatile int *)NULL = 1;
    exit(0);
  }
  wait(pid);
  vmstat(&b);
  return (long)a.user_frames_free - (long)b.user_frames_free;
}

/* Measures both ways of ending. */
void
test_main(int argc, char *argv[])
{
  msg("frames back after exit: %s", yes_no(frames_lost(false) <= 16));
  msg("frames back after a kill: %s", yes_no(frames_lost(true) <= 16));
}
