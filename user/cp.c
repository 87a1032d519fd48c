/* SPDX-License-Identifier: MIT */

/* cp SRC DST -- files never grow, so DST is created with SRC's size first
   and then filled. */

#include <stdio.h>
#include <syscall.h>

/* Copies everything from fd IN to fd OUT; false on a short write. */
static bool
copy_file(int in, int out)
{
  char buffer[1024];
  int n;

  while ((n = read(in, buffer, sizeof buffer)) > 0)
    if (write(out, buffer, n) != n)
      return false;
  return n == 0;
}

/* Copies ARGV[1] to a new file ARGV[2]; 0 on success, 1 on failure. */
int
main(int argc, char *argv[])
{
  int in, out;
  bool ok;

  if (argc != 3) {
    printf("usage: cp SRC DST\n");
    return 1;
  }
  in = open(argv[1]);
  if (in < 0) {
    printf("cp: %s: cannot open\n", argv[1]);
    return 1;
  }
  if (!create(argv[2], filesize(in)) || (out = open(argv[2])) < 0) {
    printf("cp: %s: cannot create\n", argv[2]);
    return 1;
  }
  ok = copy_file(in, out);
  if (!ok)
    printf("cp: %s: write failed\n", argv[2]);
  close(in);
  close(out);
  return ok ? 0 : 1;
}
