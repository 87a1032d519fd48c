/* SPDX-License-Identifier: MIT */

/* create makes an empty file that open can then find. */

#include "tests/lib.h"

/* Creates, opens and measures an empty file. */
void
test_main(int argc, char *argv[])
{
  char byte;
  int fd;

  msg("create = %d", create("quux.dat", 0));
  fd = open("quux.dat");
  msg("open = %d", fd);
  msg("filesize = %d", filesize(fd));
  msg("read = %d", read(fd, &byte, 1));
}
