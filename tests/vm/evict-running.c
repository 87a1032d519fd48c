/* SPDX-License-Identifier: MIT */

/* Pages of a running process evicted by the other CPU (a TLB-shootdown
   test; TESTS pins it to two CPUs).  A writer child rewrites and rereads
   a small area round after round until its parent tells it to stop (by
   creating a file); the parent fills and checks PRESS_MIB in a machine
   whose user pool is far smaller, so the writer's frames are taken while
   it runs.  Its CPU caches their translations, so each such eviction
   needs a shootdown: the parent presses MIN_PASSES passes and on until
   the machine's count of eviction shootdowns (vmstat_machine) has grown
   by SHOOTDOWNS_WANTED, at most MAX_PASSES.  With the shootdown gone the count
   stays put; with one that flushes nothing, the writer's stores through its
   stale entries land in frames that now hold the parent's data, or miss the
   saved copy it reads back later: a pass or a round shows wrong words. */

#include <syscall.h>
#include "tests/vm/vm-lib.h"

#define WRITER_WORDS (512 * 1024 / sizeof(uint64_t))
#define WRITER_MAX_ROUNDS 1000000
#define PRESS_WORDS (2 * MIB / sizeof(uint64_t))
#define MIN_PASSES 6
#define MAX_PASSES 40
#define SHOOTDOWNS_WANTED 20

static uint64_t writer_area[WRITER_WORDS];
static uint64_t press_area[PRESS_WORDS];

/* True once the parent has created "stop". */
static bool
told_to_stop(void)
{
  int fd = open("stop");

  if (fd < 0)
    return false;
  close(fd);
  return true;
}

/* The child: the number of rounds whose reread found a wrong word. */
static int
writer(void)
{
  int bad = 0;

  for (int r = 0; r < WRITER_MAX_ROUNDS && !told_to_stop(); r++) {
    words_fill(writer_area, WRITER_WORDS, 1000 + r);
    if (words_check(writer_area, WRITER_WORDS, 1000 + r) != WRITER_WORDS)
      bad++;
  }
  return bad;
}

/* Eviction shootdowns the machine has sent so far. */
static uint64_t
evict_shootdowns(void)
{
  struct vmstat s;

  REQUIRE(vmstat_machine(&s) == 0, "vmstat_machine failed");
  return s.tlb_shootdowns[VMSTAT_TLB_EVICT];
}

void
test_main(int argc, char *argv[])
{
  int bad = 0, p;
  uint64_t start = evict_shootdowns();
  pid_t pid = fork_checked("writer");

  if (pid == 0)
    exit(writer());
  for (p = 0; p < MIN_PASSES || (p < MAX_PASSES && evict_shootdowns() - start <
                                                       SHOOTDOWNS_WANTED);
       p++) {
    words_fill(press_area, PRESS_WORDS, 7 + p);
    if (words_check(press_area, PRESS_WORDS, 7 + p) != PRESS_WORDS)
      bad++;
  }
  msg("presser: passes with wrong words: %d", bad);
  msg("eviction shootdowns: %s %d",
      evict_shootdowns() - start >= SHOOTDOWNS_WANTED ? "at least"
                                                      : "fewer than",
      SHOOTDOWNS_WANTED);
  REQUIRE(create("stop", 0), "cannot create \"stop\"");
  msg("writer: rounds with wrong words: %d", wait(pid));
}
