/* SPDX-License-Identifier: MIT */

/* Loads and stores at addresses the process does not have kill it, one
   child per case: NULL, the last byte of page 0, KERN_BASE, the upper
   half, an unmapped user page, the page just above USER_STACK, and a page
   between USER_STACK and KERN_BASE.  The parent sees -1 from each wait and
   goes on working. */

#include "tests/vm/vm-lib.h"

struct bad_case {
  const char *name;
  uintptr_t addr;
};

static const struct bad_case cases[] = {
    {"null", 0},
    {"page0-end", 0xfff},
    {"kern-base", 0x8004000000UL},
    {"upper-half", 0xffffffff80200000UL},
    {"unmapped", 0x10000000UL},
    {"above-stack", 0x47480000UL},
    {"high-user", 0x7000000000UL},
};

/* Runs one access of CASE in a child; WRITE picks the kind. */
static int
run_case(const struct bad_case *c, bool write)
{
  pid_t pid = fork_checked(c->name);

  if (pid == 0) {
    volatile uint64_t *p = (volatile uint64_t *)c->addr;

    if (write)
      *p = 1;
    else
      exit((int)*p);
    exit(0);
  }
  return wait(pid);
}

/* Every case once as a load and once as a store. */
void
test_main(int argc, char *argv[])
{
  size_t i;

  for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    int r = run_case(&cases[i], false);
    int w = run_case(&cases[i], true);

    msg("%s: load %d, store %d", cases[i].name, r, w);
  }
  msg("parent alive");
}
