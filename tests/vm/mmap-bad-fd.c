/* SPDX-License-Identifier: MIT */

/* mmap refuses fds that are not open (negative, huge, closed, never
   issued) and console objects (fds 0 and 1 and dup2 aliases of them)
   with NULL and never kills. */

#include "tests/vm/vm-lib.h"

#define ADDR ((void *)0x10000000)

/* Prints what mmap with FD gave. */
static void
try_fd(const char *what, int fd)
{
  msg("%s: %s", what, mmap(ADDR, 4096, 1, fd, 0) == NULL ? "NULL" : "mapped");
}

/* Tries each bad fd. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("file", 4096);
  int closed = create_open("closed", 4096);

  close(closed);
  try_fd("fd -1", -1);
  try_fd("fd INT_MIN", (int)0x80000000);
  try_fd("fd 99", 99);
  try_fd("fd 1023", 1023);
  try_fd("fd INT_MAX", 0x7fffffff);
  try_fd("closed fd", closed);
  try_fd("console input", 0);
  try_fd("console output", 1);
  try_fd("dup2 of console output", dup2(1, 50));
  try_fd("dup2 of console input", dup2(0, 51));
  try_fd("the open file", fd);
}
