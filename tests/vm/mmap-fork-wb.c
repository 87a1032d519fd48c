/* SPDX-License-Identifier: MIT */

/* After fork with a dirty page in a writable mapping, only what each
   process itself modifies through its mapping may reach the file
   (pintos-abi.md 7.4, 7.5).  The parent stores 'P', forks, stores 'Q' in
   the same byte and unmaps (the file has 'Q'); only then does the child,
   which never stored into the mapping, exit.  Its copy started clean, so
   its exit must not bring back the stale 'P'. */

#include "tests/vm/vm-lib.h"

#define ADDR ((char *)0x10000000)

void
test_main(int argc, char *argv[])
{
  int fd = create_open("data", 4096);
  if (!create("go", 1))
    fail("create go");
  if (mmap(ADDR, 4096, 1, fd, 0) != ADDR)
    fail("mmap failed");
  ADDR[0] = 'P';
  pid_t pid = fork_checked("idle-child");
  if (pid == 0) {
    /* Reads only, until the parent says go. */
    int go = open_checked("go");
    char flag = 0;
    while (flag == 0) {
      seek(go, 0);
      read(go, &flag, 1);
    }
    exit(ADDR[0] == 'P' ? 0 : 1);
  }
  ADDR[0] = 'Q';
  munmap(ADDR);
  int go = open_checked("go");
  char one = 1;
  write(go, &one, 1);
  msg("child saw the store made before the fork: %s", yes_no(wait(pid) == 0));
  char c = 0;
  seek(fd, 0);
  read(fd, &c, 1);
  msg("file keeps the parent's newer byte: %s", yes_no(c == 'Q'));
}
