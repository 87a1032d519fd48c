/* SPDX-License-Identifier: MIT */

/* Resource exhaustion must be repeatable (pintos-abi.md 7.7).  Each round
   grows a chain of processes, each forking the next, until fork fails;
   every process also opens files, and along the way short-lived children
   die in assorted ways (NULL load, kernel-address store, bad-pointer
   system call, plain exit with files open).  Each round must reach the
   same depth, which needs every dead process's frames, page tables, fds
   and kernel objects back.  The depth itself depends on the kernel, so it
   is not printed; the children's exit lines are not judged (their count
   is the depth). */

#include "tests/lib.h"

#define ROUNDS 10
#define FILES_PER_LEVEL 8

/* A short-lived child that dies in the way selected by HOW. */
static void
die(int how)
{
  volatile char *p;

  switch (how % 4) {
  case 0:
    p = NULL;
    exit(*p);
  case 1:
    p = KERNEL_ADDR;
    *p = 1;
    break;
  case 2:
    write(STDOUT_FILENO, KERNEL_ADDR, 10);
    break;
  default:
    open("oom-file");
    exit(0);
  }
  exit(1);
}

/* One level of the chain at DEPTH: opens files, lets a child die every
   fourth level, and forks the next level.  Returns the depth the chain
   reached below. */
static int
level(int depth)
{
  pid_t pid;
  int i;

  for (i = 0; i < FILES_PER_LEVEL; i++)
    open("oom-file");
  if (depth % 4 == 0) {
    pid = fork("oom");
    if (pid == 0)
      die(depth / 4);
    if (pid > 0)
      wait(pid);
  }
  pid = fork("oom");
  if (pid == 0)
    exit(level(depth + 1));
  return pid == PID_ERROR ? depth : wait(pid);
}

/* Runs the rounds and compares their depths. */
void
test_main(int argc, char *argv[])
{
  int first = -1, same = 0, round;

  create("oom-file", 16);
  for (round = 0; round < ROUNDS; round++) {
    pid_t pid = fork_checked("oom");
    int depth;

    if (pid == 0)
      exit(level(1));
    depth = wait(pid);
    if (round == 0)
      first = depth;
    same += depth == first;
  }
  msg("depth matched in %d of %d rounds", same, ROUNDS);
  msg("depth at least 10: %s", first >= 10 ? "yes" : "no");
}
