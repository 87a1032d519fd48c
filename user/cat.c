/* SPDX-License-Identifier: MIT */

/* cat -- copy each named file to the console.  Exits 1 if any file could
   not be opened. */

#include <stdio.h>
#include <syscall.h>

/* Copies the file open as FD to fd 1. */
static void
copy_out(int fd)
{
  char buffer[512];
  int n;

  while ((n = read(fd, buffer, sizeof buffer)) > 0)
    write(STDOUT_FILENO, buffer, n);
}

/* Copies each file named in ARGV to the console; 1 if one could not be opened.
 */
int
main(int argc, char *argv[])
{
  int status = 0;
  int i;

  for (i = 1; i < argc; i++) {
    int fd = open(argv[i]);

    if (fd < 0) {
      printf("cat: %s: cannot open\n", argv[i]);
      status = 1;
      continue;
    }
    copy_out(fd);
    close(fd);
  }
  return status;
}
