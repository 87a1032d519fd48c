/* SPDX-License-Identifier: MIT */

/* A fork child gets its own copy of a mapping: it sees what the parent
   stored through it before the fork, its own stores do not show in the
   parent's mapping, and its munmap leaves the parent's mapping working.
   The child's mapping pages nobody touched before the fork load lazily
   in the child from the file. */

#include <string.h>
#include "tests/vm/vm-lib.h"

#define ADDR ((char *)0x10000000)
#define SIZE (3 * 4096)

/* The child: returns a bit mask of the checks that held. */
static int
child(void)
{
  int good = 0;

  good |= (ADDR[10] == 'p') << 0;
  good |= (ADDR[8192] == (char)0xa5) << 1;
  ADDR[20] = 'c';
  munmap(ADDR);
  good |= !present(ADDR) << 2;
  return good;
}

/* Maps, stores, forks, waits, checks its own mapping. */
void
test_main(int argc, char *argv[])
{
  static char fill[SIZE];
  int fd = create_open("file", SIZE);
  pid_t pid;

  memset(fill, 0xa5, SIZE);
  write(fd, fill, SIZE);
  if (mmap(ADDR, SIZE, 1, fd, 0) != ADDR)
    fail("mmap failed");
  ADDR[10] = 'p';
  pid = fork_checked("mm-child");
  if (pid == 0)
    exit(child());
  msg("child's checks (7 = all): %d", wait(pid));
  msg("parent still sees its store: %s", yes_no(ADDR[10] == 'p'));
  msg("child's store invisible: %s", yes_no(ADDR[20] == (char)0xa5));
  msg("untouched page loads in the parent: %s",
      yes_no(ADDR[8192 + 5] == (char)0xa5));
}
