/* SPDX-License-Identifier: MIT */

/* exec under memory pressure: while a hog keeps the 10 MB machine
   evicting, 60 children in turn exec a program that checks its argv.  The
   first stack page is claimed and filled under one hold of the address
   space's lock, so eviction can never take it between the two (which
   would lose the arguments or panic on a missing frame). */

#include "tests/vm/vm-lib.h"

#define HOG_PAGES 3072
#define RUNS 60

static volatile uint8_t hog_area[HOG_PAGES][4096];

/* Walks its area until byte 0 of "stop" is set. */
static void NO_RETURN
hog(void)
{
  int fd = open_checked("stop");
  char flag = 0;
  for (uint8_t round = 1; flag == 0; round++) {
    for (size_t i = 0; i < HOG_PAGES; i++)
      hog_area[i][0] = round;
    seek(fd, 0);
    read(fd, &flag, 1);
  }
  exit(0);
}

void
test_main(int argc, char *argv[])
{
  if (!create("stop", 1))
    fail("create stop");
  pid_t hog_pid = fork_checked("hog");
  if (hog_pid == 0)
    hog();
  int good = 0;
  for (int i = 0; i < RUNS; i++) {
    pid_t pid = fork_checked("runner");
    if (pid == 0) {
      exec("child-stk a bb ccc dddd");
      exit(2);
    }
    good += wait(pid) == 0;
  }
  int fd = open_checked("stop");
  char one = 1;
  write(fd, &one, 1);
  msg("hog: %d", wait(hog_pid));
  msg("children that started with their exact argv: %d of %d", good, RUNS);
}
