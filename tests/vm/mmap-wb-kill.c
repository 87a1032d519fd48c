/* SPDX-License-Identifier: MIT */

/* A child maps a file, stores into three of its four pages and is then
   killed by a NULL load: a killed process's mappings are written back
   too, before the parent's wait returns. */

#include <string.h>
#include "tests/vm/vm-lib.h"

#define ADDR ((char *)0x10000000)
#define SIZE (4 * 4096)

/* The child's work; it dies instead of calling munmap. */
static void NO_RETURN
child(void)
{
  int fd = open_checked("file");

  if (mmap(ADDR, SIZE, 1, fd, 0) != ADDR)
    exit(2);
  pattern_fill(ADDR, 4096, 30);
  pattern_fill(ADDR + 8192, 8192, 31);
  exit(*(volatile int *)NULL);
}

/* Creates the file, runs the child, reads the file. */
void
test_main(int argc, char *argv[])
{
  static char want[SIZE], back[SIZE];
  int fd = create_open("file", SIZE);
  pid_t pid;

  pattern_write(fd, SIZE, 29);
  pattern_fill(want, SIZE, 29);
  pattern_fill(want, 4096, 30);
  pattern_fill(want + 8192, 8192, 31);
  pid = fork_checked("mapper");
  if (pid == 0)
    child();
  msg("wait = %d", wait(pid));
  seek(fd, 0);
  read(fd, back, SIZE);
  msg("file holds the child's stores: %s", yes_no(!memcmp(back, want, SIZE)));
}
