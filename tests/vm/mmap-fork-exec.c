/* SPDX-License-Identifier: MIT */

/* fork copies live mappings; exec then drops the child's copy with
   write-back.  The parent stores into page 0 of its mapping and reads
   page 1, then forks.  The child sees the parent's store in its copy,
   stores into page 1 of its copy and execs child-mm, which finds the old
   range free.  The child's page 1 reached the file before wait returned;
   the parent's munmap writes back only its own dirty page 0, so the
   child's page 1 survives it. */

#include <stdio.h>
#include "tests/vm/vm-lib.h"

#define ADDR ((char *)0x10000000)

/* The child: checks its copy, stores, execs. */
static void NO_RETURN
child(int fd)
{
  char cmd[64];

  if (ADDR[0] != 'P')
    exit(3);
  ADDR[4096] = 'C';
  snprintf(cmd, sizeof cmd, "child-mm %p %d", (void *)ADDR, fd);
  exec(cmd);
  exit(4);
}

/* Maps, stores, forks, waits, unmaps, checks the file. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("file", 8192);
  char b0 = 0, b1 = 0, seen;
  pid_t pid;

  write(fd, "F", 1);
  if (mmap(ADDR, 8192, 1, fd, 0) != ADDR)
    fail("mmap failed");
  ADDR[0] = 'P';
  seen = ADDR[4096];
  pid = fork_checked("mm-child");
  if (pid == 0)
    child(fd);
  msg("wait = %d", wait(pid));
  seek(fd, 4096);
  read(fd, &b1, 1);
  msg("file page 1 after the child: %c", b1);
  msg("parent's page 1 unchanged by the child: %s", yes_no(ADDR[4096] == seen));
  munmap(ADDR);
  seek(fd, 0);
  read(fd, &b0, 1);
  seek(fd, 4096);
  read(fd, &b1, 1);
  msg("after the parent's munmap: page 0 %c, page 1 %c", b0, b1);
}
