/* SPDX-License-Identifier: MIT */

/* Exec target: tries to overwrite its own executable, which must be
   refused while it runs, and checks reading still works. */

#include "tests/lib.h"

/* Writes to and reads from argv[0]. */
void
test_main(int argc, char *argv[])
{
  char magic[4];
  int fd = open_checked(argv[0]);

  msg("write to own executable = %d", write(fd, "junk", 4));
  seek(fd, 0);
  read(fd, magic, 4);
  msg("still an ELF file: %s",
      magic[0] == 0x7f && magic[1] == 'E' ? "yes" : "no");
}
