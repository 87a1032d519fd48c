/* SPDX-License-Identifier: MIT */

/* The child gets a copy of every kind of page (data, BSS, stack) with the
   same contents; its writes do not reach the parent. */

#include "tests/lib.h"

static int data_value = 1111;
static char bss_block[3 * 4096];

/* Checks the copies in the child; its status counts what matched. */
static int
child_check(char *stack_block)
{
  int good = 0;

  good += data_value == 1111;
  good += pattern_check(bss_block, sizeof bss_block, 1) == sizeof bss_block;
  good += pattern_check(stack_block, 5000, 2) == 5000;
  data_value = 2222;
  pattern_fill(bss_block, sizeof bss_block, 9);
  pattern_fill(stack_block, 5000, 9);
  return good;
}

/* Fills memory, forks, and compares after the child changed its copy. */
void
test_main(int argc, char *argv[])
{
  char stack_block[5000];
  pid_t pid;

  pattern_fill(bss_block, sizeof bss_block, 1);
  pattern_fill(stack_block, sizeof stack_block, 2);
  pid = fork_checked("copier");
  if (pid == 0)
    exit(child_check(stack_block));
  msg("child found %d of 3 regions intact", wait(pid));
  msg("parent data %d, bss intact %s, stack intact %s", data_value,
      pattern_check(bss_block, sizeof bss_block, 1) == sizeof bss_block ? "yes"
                                                                        : "no",
      pattern_check(stack_block, 5000, 2) == 5000 ? "yes" : "no");
}
