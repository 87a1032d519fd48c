/* SPDX-License-Identifier: MIT */
/* bspawn MODE N -- N process lifetimes, one after another:
   `exit' forks a child that exits at once (fork + exit + wait), `exec'
   forks a child that execs btrue (fork + exec + exit + wait).  Each
   child's exit line goes to the console, as Pintos requires, and is part
   of the cost. */

#include <string.h>
#include "bench/progs/bench.h"

/* One fork and wait; the child exits or execs btrue.  Returns whether the
   child exited 0. */
static bool
spawn_one(bool use_exec)
{
  pid_t pid = fork("bchild");
  if (pid == 0) {
    if (use_exec) {
      exec("btrue");
      exit(1); /* Only reached when exec failed. */
    }
    exit(0);
  }
  if (pid == PID_ERROR)
    return false;
  return wait(pid) == 0;
}

/* Runs N lifetimes and reports their clocks. */
int
main(int argc, char *argv[])
{
  if (argc < 2 || (strcmp(argv[1], "exit") && strcmp(argv[1], "exec"))) {
    printf("usage: bspawn exit|exec N\n");
    return 2;
  }
  bool use_exec = !strcmp(argv[1], "exec");
  int n = bench_arg(argc, argv, 2);
  int bad = 0;
  uint64_t start = bench_clock();
  for (int i = 0; i < n; i++)
    bad += !spawn_one(use_exec);
  uint64_t clocks = bench_clock() - start;
  if (bad != 0) {
    printf("bspawn: %d of %d children failed\n", bad, n);
    return 1;
  }
  bench_report(use_exec ? "fork-exec-wait" : "fork-exit-wait", n, clocks);
  return 0;
}
