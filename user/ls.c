/* SPDX-License-Identifier: MIT */

/* ls -- list the files of the (flat) root directory with their sizes,
   using Pagoda's listdir call. */

#include <stdio.h>
#include <syscall.h>

/* Prints one line per file: name and size in bytes. */
int
main(void)
{
  char name[READDIR_MAX_LEN + 1];
  unsigned i;
  int size;

  for (i = 0; (size = listdir(i, name)) >= 0; i++)
    printf("%-14s %10d\n", name, size);
  return 0;
}
