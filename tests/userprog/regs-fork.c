/* SPDX-License-Identifier: MIT */

/* The fork child resumes after the syscall with rax 0 and every other
   register, rsp included, equal to the parent's at the call
   (pintos-abi.md 1.4). */

#include "tests/userprog/regs.h"

REGS_PROBE("regs_syscall", "syscall");

/* Forks through the probe; the child's status counts its differences. */
void
test_main(int argc, char *argv[])
{
  struct regs in, out;

  int parent, child;

  regs_prepare(&in, SYS_FORK, (uintptr_t) "regs-child", 0, 0);
  regs_syscall(&in, &out);
  if (out.rax == 0)
    exit(regs_changed(&in, &out, false));
  parent = regs_changed(&in, &out, false);
  child = wait((pid_t)out.rax);
  msg("parent: %d registers changed", parent);
  msg("child: %d registers changed", child);
}
