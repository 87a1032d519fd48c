/* SPDX-License-Identifier: MIT */

/* rm FILE... -- remove each named file; exits 1 if any removal failed. */

#include <stdio.h>
#include <syscall.h>

/* Removes each file named in ARGV; 1 if a removal failed. */
int
main(int argc, char *argv[])
{
  int status = 0;
  int i;

  for (i = 1; i < argc; i++)
    if (!remove(argv[i])) {
      printf("rm: %s: cannot remove\n", argv[i]);
      status = 1;
    }
  return status;
}
