/* SPDX-License-Identifier: MIT */

/* Instances of one program share its text: four processes exec'd from
   pcache-child, all alive at once, find the same frame behind their code
   (int 0x42), and starting three more instances beside the first adds no
   frame to the page cache. */

#include <stdio.h>
#include "tests/vm/vm-lib.h"

#define KIDS 4

static pid_t pids[KIDS];

/* Starts instance I of pcache-child. */
static void
start(int i)
{
  char cmd[32];
  pids[i] = fork_checked("pcache-child");
  if (pids[i] == 0) {
    snprintf(cmd, sizeof cmd, "pcache-child %d", i);
    exec(cmd);
    exit(99);
  }
}

/* Waits until instances [0, N) have stored their frame in PA; fills
   SLOTS. */
static void
wait_ready(int pa, int n, uint64_t *slots)
{
  for (bool all = false; !all;) {
    seek(pa, 0);
    if (read(pa, slots, KIDS * 8) != KIDS * 8)
      fail("read pa");
    all = true;
    for (int i = 0; i < n; i++)
      all &= slots[i] != 0;
    if (!all)
      sleep(1);
  }
}

void
test_main(int argc, char *argv[])
{
  uint64_t slots[KIDS];
  int pa = create_open("pa", KIDS * 8), go = create_open("go", 1);
  struct vmstat one, all;
  start(0);
  wait_ready(pa, 1, slots);
  vmstat_machine(&one);
  for (int i = 1; i < KIDS; i++)
    start(i);
  wait_ready(pa, KIDS, slots);
  vmstat_machine(&all);
  char flag = 1;
  write(go, &flag, 1);
  int bad = 0;
  for (int i = 0; i < KIDS; i++)
    bad += wait(pids[i]) != 0;
  bool same = true;
  for (int i = 1; i < KIDS; i++)
    same &= slots[i] == slots[0];
  msg("every instance exited 0: %s", yes_no(bad == 0));
  msg("one frame behind the code of all %d: %s", KIDS, yes_no(same));
  msg("no cache frame added by 3 more instances: %s",
      yes_no(all.pcache_frames == one.pcache_frames));
}
