/* SPDX-License-Identifier: MIT */

/* hexdump FILE -- show a file as hex and ASCII, 16 bytes a line, with
   offsets counted from the start of the file. */

#include <stdio.h>
#include <syscall.h>

/* Dumps the file ARGV[1]; 1 if it cannot be opened. */
int
main(int argc, char *argv[])
{
  char buffer[512];
  unsigned offset = 0;
  int fd, n;

  if (argc != 2) {
    printf("usage: hexdump FILE\n");
    return 1;
  }
  fd = open(argv[1]);
  if (fd < 0) {
    printf("hexdump: %s: cannot open\n", argv[1]);
    return 1;
  }
  while ((n = read(fd, buffer, sizeof buffer)) > 0) {
    hex_dump(offset, buffer, n, true);
    offset += n;
  }
  close(fd);
  return 0;
}
