/* SPDX-License-Identifier: MIT */

/* A program with a 1 GiB BSS loads, and the BSS costs nothing untouched
   (pintos-abi.md 4.3): its first, middle and last pages read as zeros,
   take stores, and only the touched pages become present.  (Each BSS page
   used to cost a record at exec, so this program was refused.) */

#include "tests/vm/vm-lib.h"

#define SIZE ((size_t)1 << 30)

/* Page-aligned, so that no other variable shares its first page. */
static volatile uint8_t big[SIZE] __attribute__((aligned(4096)));

void
test_main(int argc, char *argv[])
{
  size_t spots[] = {0, SIZE / 2 + 123, SIZE - 1};
  msg("untouched pages absent: %s",
      yes_no(!present((const void *)&big[0]) &&
             !present((const void *)&big[SIZE / 2])));
  bool zeros = true, stores = true;
  for (int i = 0; i < 3; i++) {
    zeros &= big[spots[i]] == 0;
    big[spots[i]] = (uint8_t)(i + 1);
    stores &= big[spots[i]] == i + 1;
  }
  msg("first, middle and last pages read zeros: %s", yes_no(zeros));
  msg("and keep stores: %s", yes_no(stores));
  msg("a page between them still absent: %s",
      yes_no(!present((const void *)&big[SIZE / 4])));
}
