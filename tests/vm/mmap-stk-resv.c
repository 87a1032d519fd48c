/* SPDX-License-Identifier: MIT */

/* The 1 MiB stack reservation is not for mappings (Pagoda): pages of it
   that the stack never touched are refused, as is a range that crosses
   into it from below; the page just below it and the page just above
   USER_STACK are ordinary free user pages. */

#include "tests/vm/vm-lib.h"

/* Prints what a mapping of LENGTH bytes at ADDR gave. */
static void
try_map(const char *what, char *addr, size_t length, int fd)
{
  void *r = mmap(addr, length, 1, fd, 0);

  msg("%s: %s", what, r == NULL ? "NULL" : r == addr ? "mapped" : "odd");
}

/* Tries the edges of the reservation. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("file", 4096);
  char *low = USER_STACK_TOP - STACK_LIMIT;

  try_map("lowest reserved page", low, 4096, fd);
  try_map("middle of the reservation", USER_STACK_TOP - 512 * 1024, 4096, fd);
  try_map("page below, crossing in", low - PAGE, 8192, fd);
  try_map("page below the reservation", low - PAGE, 4096, fd);
  try_map("page above USER_STACK", USER_STACK_TOP, 4096, fd);
  (low - PAGE)[0] = 'a';
  USER_STACK_TOP[0] = 'b';
  msg("both usable: %s",
      yes_no((low - PAGE)[0] == 'a' && USER_STACK_TOP[0] == 'b'));
}
