/* SPDX-License-Identifier: MIT */

/* No mapping may reach KERN_BASE: one starting there, one crossing it,
   one whose length rounds up across it, and addresses in the kernel half
   or non-canonical are refused with NULL.  A mapping ending exactly at
   KERN_BASE is fine: its last byte is the last user byte. */

#include "tests/vm/vm-lib.h"

/* Prints what a mapping of LENGTH bytes at ADDR gave. */
static void
try_map(const char *what, uintptr_t addr, size_t length, int fd)
{
  void *r = mmap((void *)addr, length, 1, fd, 0);

  msg("%s: %s", what,
      r == NULL           ? "NULL"
      : r == (void *)addr ? "mapped"
                          : "odd");
}

/* Tries ranges around KERN_BASE. */
void
test_main(int argc, char *argv[])
{
  const uintptr_t kb = (uintptr_t)KERNEL_ADDR;
  int fd = create_open("file", 4096);
  volatile char *last;

  try_map("at KERN_BASE", kb, 4096, fd);
  try_map("crossing KERN_BASE", kb - PAGE, 8192, fd);
  try_map("one byte over", kb - PAGE, 4097, fd);
  try_map("upper half", 0xffffffff80000000UL, 4096, fd);
  try_map("non-canonical", 0x0000800000000000UL, 4096, fd);
  try_map("ending at KERN_BASE", kb - PAGE, 4096, fd);
  last = (volatile char *)(kb - 1);
  *last = 'z';
  msg("last user byte usable: %s", yes_no(*last == 'z'));
}
