/* SPDX-License-Identifier: MIT */

/* Only direct children can be waited for: a grandchild's pid gives -1. */

#include "tests/lib.h"

/* The child forks a grandchild, reaps it and leaves its pid in a file. */
static void
middle(int fd)
{
  pid_t pid = fork_checked("bottom");

  if (pid == 0)
    exit(1);
  wait(pid);
  write(fd, &pid, sizeof pid);
  exit(0);
}

/* Waits for the child, then tries the grandchild. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("gpid", sizeof(pid_t));
  pid_t child = fork_checked("middle");
  pid_t grandchild = 0;

  if (child == 0)
    middle(fd);
  wait(child);
  read(fd, &grandchild, sizeof grandchild);
  msg("grandchild pid differs from child: %s",
      grandchild > 0 && grandchild != child ? "yes" : "no");
  msg("wait (grandchild) = %d", wait(grandchild));
}
