/* SPDX-License-Identifier: MIT */

/* Frames shared copy-on-write by 17 processes are evictable like any
   other (pintos-abi.md 7.8: evicting a shared frame updates every sharer).
   The parent fills 256 pages and forks a chain of 16 descendants (each
   waits for the next, so only the last one runs: it says it is there,
   then polls a flag, sleeping between looks).  Once the chain is complete
   the parent pushes the 10 MB machine through its memory until most shared
   pages are out (at most eight passes).  They must have been evicted, and
   afterwards every descendant and the parent read their data back intact.
   (Frames with more than 8 sharers were once never chosen.) */

#include "tests/vm/vm-lib.h"

#define SHARED_PAGES 256
#define CHILDREN 16
#define PRESSURE_PAGES 5120

static volatile uint64_t shared[SHARED_PAGES][512];
static volatile uint8_t pressure[PRESSURE_PAGES][4096];

static bool
shared_intact(void)
{
  for (size_t i = 0; i < SHARED_PAGES; i++)
    if (shared[i][0] != i * 7 + 1 || shared[i][511] != ~(uint64_t)i)
      return false;
  return true;
}

/* Descendant DEPTH (1..CHILDREN) of the chain: forks the next one and
   waits for it, or (the last) polls byte 0 of "go" until it is set; then
   checks its copy.  Exits with the number of intact copies from here to
   the end of the chain. */
static void NO_RETURN
sharer(int depth)
{
  int below = 0;
  if (depth < CHILDREN) {
    pid_t pid = fork_checked("sharer");
    if (pid == 0)
      sharer(depth + 1);
    below = wait(pid);
  } else {
    int fd = open_checked("go");
    char flag = 0, one = 1;
    seek(fd, 1);
    write(fd, &one, 1); /* The chain is complete. */
    do {
      sleep(1); /* Poll gently: keep the CPU for the parent. */
      seek(fd, 0);
      read(fd, &flag, 1);
    } while (flag == 0);
  }
  exit(below + (shared_intact() ? 1 : 0));
}

void
test_main(int argc, char *argv[])
{
  for (size_t i = 0; i < SHARED_PAGES; i++) {
    shared[i][0] = i * 7 + 1;
    shared[i][511] = ~(uint64_t)i;
  }
  if (!create("go", 2))
    fail("create go");
  pid_t first = fork_checked("sharer");
  if (first == 0)
    sharer(1);
  int fd = open_checked("go");
  char ready = 0;
  while (ready == 0) {
    seek(fd, 1);
    read(fd, &ready, 1);
  }
  /* Pressure until most shared pages are out, or 8 passes over the area
     (each over four times memory) have not managed it. */
  int evicted = 0;
  for (int pass = 0; pass < 8 && evicted <= SHARED_PAGES / 2; pass++) {
    for (size_t i = 0; i < PRESSURE_PAGES; i++)
      pressure[i][0] = (uint8_t)pass;
    evicted = 0;
    for (size_t i = 0; i < SHARED_PAGES; i++)
      evicted += !present((const void *)shared[i]);
  }
  msg("most shared pages evicted while 17 processes shared them: %s",
      yes_no(evicted > SHARED_PAGES / 2));
  char one = 1;
  seek(fd, 0);
  write(fd, &one, 1);
  int good = wait(first);
  msg("sharers that read their data back: %d of %d", good, CHILDREN);
  msg("parent's data intact: %s", yes_no(shared_intact()));
}
