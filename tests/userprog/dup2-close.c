/* SPDX-License-Identifier: MIT */

/* An open file lives until its last fd is closed: closing one alias
   leaves the other working, and dup2 over an open fd closes that fd's
   old file first. */

#include "tests/lib.h"

/* Juggles aliases of two files. */
void
test_main(int argc, char *argv[])
{
  int a = create_open("file-a", 50);
  int b = create_open("file-b", 70);
  int alias = dup2(a, 9);

  close(a);
  msg("after close (%d), fd 9 has size %d", a, filesize(alias));
  msg("dup2 (%d, 9) = %d", b, dup2(b, 9));
  msg("fd 9 now has size %d", filesize(9));
  close(9);
  msg("fd %d still has size %d", b, filesize(b));
}
