/* SPDX-License-Identifier: MIT */

/* pcache-child I -- exec helper of pcache-share: stores the identity of
   the frame behind its own code (int 0x42) in slot I of file "pa", then
   waits until file "go" says 1 and exits 0. */

#include <stdlib.h>
#include "tests/vm/vm-lib.h"

static void
code_here(void)
{
}

void
test_main(int argc, char *argv[])
{
  if (argc != 2)
    exit(1);
  int i = atoi(argv[1]);
  code_here();
  uint64_t pa = (uintptr_t)get_phys_addr((void *)(uintptr_t)code_here);
  int fd = open("pa"), go = open("go");
  if (fd < 0 || go < 0)
    exit(2);
  /* Run the waiting loop's code once before saying ready, so that no
     page of this program is first touched after the parent counted. */
  char flag = 0;
  seek(go, 0);
  if (read(go, &flag, 1) != 1)
    exit(4);
  sleep(1);
  seek(fd, (unsigned)i * 8);
  if (write(fd, &pa, 8) != 8)
    exit(3);
  while (flag != 1) {
    seek(go, 0);
    if (read(go, &flag, 1) != 1)
      exit(4);
    if (flag != 1)
      sleep(1);
  }
  exit(0);
}
