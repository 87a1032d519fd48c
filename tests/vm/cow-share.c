/* SPDX-License-Identifier: MIT */

/* Copy-on-write fork (pintos-abi.md 7.8), seen through int 0x42:
   - after fork a touched page is backed by the same frame in parent and
     child;
   - the writer (the child) gets a private copy: a new frame holding its
     value, while the parent keeps the original frame and value;
   - once the child has exited the parent is the last sharer, and its own
     write keeps the frame (made writable in place, no copy);
   - a store into code still kills the child that tries it. */

#include "tests/vm/vm-lib.h"

static volatile uint64_t cell[512] __attribute__((aligned(4096)));

/* The child: bit 0 shared at start, bit 1 private frame after its
   write, bit 2 its write is visible to it. */
static void NO_RETURN
writer(void *shared)
{
  int status = 0;
  if (get_phys_addr((void *)cell) == shared)
    status |= 1;
  cell[0] = 2;
  void *own = get_phys_addr((void *)cell);
  if (own != shared && own != NULL)
    status |= 2;
  if (cell[0] == 2)
    status |= 4;
  exit(status);
}

/* A child that stores into its own code. */
static void NO_RETURN
code_writer(void)
{
  *(volatile uint8_t *)(uintptr_t)test_main = 0xc3;
  exit(0);
}

void
test_main(int argc, char *argv[])
{
  cell[0] = 1; /* Resident before the fork. */
  void *shared = get_phys_addr((void *)cell);
  pid_t pid = fork_checked("writer");
  if (pid == 0)
    writer(shared);
  msg("writer's checks (7 = shared, then private, value seen): %d", wait(pid));
  msg("parent keeps the original frame and value: %s",
      yes_no(get_phys_addr((void *)cell) == shared && cell[0] == 1));
  cell[0] = 3;
  msg("last sharer writes in place: %s",
      yes_no(get_phys_addr((void *)cell) == shared && cell[0] == 3));
  pid = fork_checked("code-writer");
  if (pid == 0)
    code_writer();
  msg("a store into code kills: %s", yes_no(wait(pid) == -1));
}
