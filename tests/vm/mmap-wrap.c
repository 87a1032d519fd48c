/* SPDX-License-Identifier: MIT */

/* mmap's length is a full 64-bit value: huge lengths that would run past
   KERN_BASE or wrap around 2^64 (back to a small address) are refused
   with NULL, not truncated; the process then maps normally. */

#include "tests/vm/vm-lib.h"

#define ADDR 0x10000000UL

/* Prints what a mapping of LENGTH bytes at ADDR gave. */
static void
try_length(const char *what, size_t length, int fd)
{
  void *r = mmap((void *)ADDR, length, 1, fd, 0);

  msg("%s: %s", what,
      r == NULL           ? "NULL"
      : r == (void *)ADDR ? "mapped"
                          : "odd");
}

/* Tries each huge length. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("file", 4096);

  try_length("length 2^64 - 1", (size_t)-1, fd);
  try_length("length 2^64 - 4096", (size_t)-4096, fd);
  try_length("wrapping to address 4096", (size_t)0 - ADDR + PAGE, fd);
  try_length("wrapping to address 0", (size_t)0 - ADDR, fd);
  try_length("length 2^63", (size_t)1 << 63, fd);
  try_length("length 2^40 + 4096", ((size_t)1 << 40) + 4096, fd);
  try_length("length 4096", 4096, fd);
  *(volatile char *)ADDR = 1;
  msg("mapping usable: %s", yes_no(*(volatile char *)ADDR == 1));
}
