/* SPDX-License-Identifier: MIT */

/* mmap refuses bad requests with NULL and never kills; munmap of an
   address that starts no mapping does nothing (pintos-abi.md 7.3). */

#include "tests/lib.h"

#define OK_ADDR ((char *)0x10000000)

/* Prints what one mmap attempt gave. */
static void
try_map(const char *what, void *result)
{
  msg("%s: %s", what, result == NULL ? "NULL" : "mapped");
}

/* Tries each refused case. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("target", 4096);
  int empty;

  try_map("addr 0", mmap(NULL, 4096, 1, fd, 0));
  try_map("unaligned addr", mmap(OK_ADDR + 1, 4096, 1, fd, 0));
  try_map("length 0", mmap(OK_ADDR, 0, 1, fd, 0));
  try_map("unaligned offset", mmap(OK_ADDR, 4096, 1, fd, 100));
  try_map("negative offset", mmap(OK_ADDR, 4096, 1, fd, -4096));
  try_map("fd 0", mmap(OK_ADDR, 4096, 1, 0, 0));
  try_map("fd 1", mmap(OK_ADDR, 4096, 1, 1, 0));
  try_map("fd -1", mmap(OK_ADDR, 4096, 1, -1, 0));
  try_map("fd 99", mmap(OK_ADDR, 4096, 1, 99, 0));
  create("empty", 0);
  empty = open_checked("empty");
  try_map("empty file", mmap(OK_ADDR, 4096, 1, empty, 0));
  try_map("over the code", mmap((void *)0x400000, 4096, 1, fd, 0));
  try_map("in the stack area", mmap((void *)0x47470000, 4096, 1, fd, 0));
  try_map("at KERN_BASE", mmap(KERNEL_ADDR, 4096, 1, fd, 0));
  try_map("crossing KERN_BASE",
          mmap((char *)KERNEL_ADDR - 4096, 8192, 1, fd, 0));
  try_map("wrapping length", mmap(OK_ADDR, (size_t)-4096, 1, fd, 0));
  munmap(OK_ADDR);
  munmap(KERNEL_ADDR);
  munmap(NULL);
  try_map("a good read-only mapping", mmap(OK_ADDR, 4096, 0, fd, 0));
  try_map("the same range again", mmap(OK_ADDR, 4096, 0, fd, 0));
}
