/* SPDX-License-Identifier: MIT */

/* mmap refuses any range that touches a page the process already has,
   whether loaded or not: code, read-only data, initialised data, BSS,
   the stack, and other mappings (the same start, a range that starts
   before one, a range that ends inside one).  Refused requests change
   nothing: the data keep their values.  Pages right next to a mapping
   are free. */

#include "tests/vm/vm-lib.h"

#define MAP ((char *)0x10002000)

static const int ro_block[3 * 1024] __attribute__((aligned(4096))) = {5};
static int data_block[3 * 1024] __attribute__((aligned(4096))) = {1, 2, 3};
static char bss_block[3 * 4096] __attribute__((aligned(4096)));

/* Prints what a mapping of LENGTH bytes at ADDR gave. */
static void
try_map(const char *what, void *addr, size_t length, int fd)
{
  void *r = mmap(addr, length, 1, fd, 0);

  msg("%s: %s", what, r == NULL ? "NULL" : r == addr ? "mapped" : "odd");
}

/* Tries each overlapping range, then the neighbours of the mapping. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("file", 8192);
  char *code = (char *)((uintptr_t)code_address() & ~(PAGE - 1));

  try_map("code", code, 4096, fd);
  try_map("free page running into the code", (void *)0x3ff000, 8192, fd);
  try_map("untouched read-only data", (char *)ro_block + PAGE, 4096, fd);
  try_map("untouched data", (char *)data_block + PAGE, 4096, fd);
  try_map("untouched BSS", bss_block + PAGE, 8192, fd);
  try_map("first stack page", USER_STACK_TOP - PAGE, 4096, fd);
  try_map("a free page", MAP, 4096, fd);
  try_map("the same range", MAP, 4096, fd);
  try_map("range starting before it", MAP - 2 * PAGE, 3 * PAGE, fd);
  try_map("range ending inside it", MAP - PAGE, 8192, fd);
  try_map("range covering it", MAP - PAGE, 3 * PAGE, fd);
  msg("data intact: %s", yes_no(data_block[0] == 1 && data_block[1024] == 0 &&
                                ro_block[0] == 5 && bss_block[PAGE] == 0));
  try_map("page below the mapping", MAP - PAGE, 4096, fd);
  try_map("page above the mapping", MAP + PAGE, 4096, fd);
}
