/* SPDX-License-Identifier: MIT */

/* A failing file-system disk under a program file (manifest key fs-fault:
   every read of child-simple's first sector, its ELF header, fails): exec
   of it fails like any unloadable file (`load: ... error loading
   executable', status -1) and the kernel stays up; the caller's other
   work goes on. */

#include "tests/lib.h"

/* Forks a child that execs child-simple; returns its status. */
static int
run_child(void)
{
  pid_t pid = fork_checked("exec-child");

  if (pid == 0) {
    exec("child-simple");
    fail("exec returned");
  }
  return wait(pid);
}

/* Tries twice, then checks the file system. */
void
test_main(int argc, char *argv[])
{
  int fd;

  msg("first exec: %d", run_child());
  msg("second exec: %d", run_child());
  fd = create_open("after", 100);
  msg("file system still works: %s", pattern_write(fd, 100, 3) == 100 &&
                                             (seek(fd, 0), true) &&
                                             pattern_read_matches(fd, 100, 3)
                                         ? "yes"
                                         : "no");
}
