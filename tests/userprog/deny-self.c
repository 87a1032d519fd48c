/* SPDX-License-Identifier: MIT */

/* A running program's executable refuses writes (0 bytes written) but can
   still be opened and read. */

#include "tests/lib.h"

/* Tries to overwrite its own first bytes. */
void
test_main(int argc, char *argv[])
{
  char magic[4];
  int fd = open_checked(argv[0]);

  msg("write = %d", write(fd, "XXXX", 4));
  seek(fd, 0);
  msg("read = %d", read(fd, magic, 4));
  msg("magic intact: %s", magic[1] == 'E' && magic[2] == 'L' ? "yes" : "no");
}
