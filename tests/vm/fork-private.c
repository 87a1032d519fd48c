/* SPDX-License-Identifier: MIT */

/* After fork each process has private memory: a child and a grandchild
   each rewrite the initialised data, BSS and stack pages they inherited
   and check that they see their own values, while the generation above
   them, checked after its wait, still sees its own.  A page a process
   wrote after the fork is backed by a frame other than the one its parent
   had before the fork (int 0x42). */

#include "tests/vm/vm-lib.h"

#define PAGES 4

static uint64_t data_area[PAGES * 512] __attribute__((aligned(4096))) = {1};
static uint64_t bss_area[PAGES * 512] __attribute__((aligned(4096)));

/* Fills all three areas with generation GEN's patterns. */
static void
fill_all(uint64_t *stack_area, int gen)
{
  words_fill(data_area, PAGES * 512, gen * 3);
  words_fill(bss_area, PAGES * 512, gen * 3 + 1);
  words_fill(stack_area, PAGES * 512, gen * 3 + 2);
}

/* True if all three areas hold generation GEN's patterns. */
static bool
check_all(const uint64_t *stack_area, int gen)
{
  return words_check(data_area, PAGES * 512, gen * 3) == PAGES * 512 &&
         words_check(bss_area, PAGES * 512, gen * 3 + 1) == PAGES * 512 &&
         words_check(stack_area, PAGES * 512, gen * 3 + 2) == PAGES * 512;
}

/* Generation GEN: checks its inheritance, rewrites, forks the next
   generation (up to 2), checks again after its wait.  Returns a status
   with one bit per check that held. */
static int
generation(uint64_t *stack_area, int gen)
{
  void *frame_before = get_phys_addr(bss_area);
  int status = 0;

  status |= check_all(stack_area, gen - 1) << 0;
  fill_all(stack_area, gen);
  status |= (get_phys_addr(bss_area) != frame_before) << 1;
  if (gen < 2) {
    pid_t pid = fork_checked("grandchild");

    if (pid == 0)
      exit(generation(stack_area, gen + 1));
    status |= (wait(pid) == 7) << 2;
  } else
    status |= 1 << 2;
  return check_all(stack_area, gen) ? status : 0;
}

/* Generation 0 fills; each later one runs generation(). */
void
test_main(int argc, char *argv[])
{
  uint64_t stack_area[PAGES * 512];
  pid_t pid;

  fill_all(stack_area, 0);
  pid = fork_checked("child");
  if (pid == 0)
    exit(generation(stack_area, 1));
  msg("child status (7 = every check held): %d", wait(pid));
  msg("parent's areas unchanged: %s", yes_no(check_all(stack_area, 0)));
}
