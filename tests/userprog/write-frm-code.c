/* SPDX-License-Identifier: MIT */

/* A write may take its bytes from read-only memory: the program's code. */

#include <string.h>
#include "tests/lib.h"

/* Copies 64 bytes of code into a file and reads them back. */
void
test_main(int argc, char *argv[])
{
  char copy[64];
  int fd = create_open("code", 64);

  msg("write = %d", write(fd, code_address(), 64));
  seek(fd, 0);
  read(fd, copy, 64);
  msg("file matches the code: %s",
      memcmp(copy, code_address(), 64) == 0 ? "yes" : "no");
}
