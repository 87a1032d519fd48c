/* SPDX-License-Identifier: MIT */

/* filesize, tell and seek on a file: any 32-bit position is legal; at or
   past the end reads and writes transfer nothing. */

#include "tests/lib.h"

/* Moves around a 100-byte file. */
void
test_main(int argc, char *argv[])
{
  char buffer[10];
  int fd = create_open("positions", 100);
  int n;

  msg("filesize = %d", filesize(fd));
  write(fd, "0123456789", 10);
  msg("tell after writing 10 = %u", tell(fd));
  seek(fd, 95);
  n = read(fd, buffer, 10);
  msg("read at 95 = %d, tell = %u", n, tell(fd));
  seek(fd, 200);
  msg("tell after seek (200) = %u", tell(fd));
  msg("read = %d, write = %d", read(fd, buffer, 10), write(fd, buffer, 10));
  seek(fd, 0xffffffffu);
  msg("tell after seek (0xffffffff) = %u", tell(fd));
  seek(fd, 3);
  read(fd, buffer, 4);
  msg("bytes 3..6: %.4s", buffer);
  msg("filesize = %d", filesize(fd));
}
