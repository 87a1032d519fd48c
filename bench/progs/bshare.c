/* SPDX-License-Identifier: MIT */
/* bshare K -- resident frames of K instances of one program: forks K
   children that exec `bshare c I', waits until every one is running
   (each marks its slot of file "ready" and then waits for file "go"), and
   reports the user frames in use and the frames the page cache holds with
   all of them alive.  The program's text and read-only data come from
   the page cache, one frame per page whatever K is; what grows with K is
   each instance's private pages (stack, data). */

#include <string.h>
#include <vmstat.h>
#include "bench/progs/bench.h"

#define MAX_KIDS 64

/* Child: marks slot I of "ready", waits for "go", exits 0. */
static int
child(int i)
{
  int ready = open("ready"), go = open("go");
  char one = 1, flag = 0;
  if (ready < 0 || go < 0)
    return 1;
  seek(ready, (unsigned)i);
  write(ready, &one, 1);
  while (flag != 1) {
    sleep(1);
    seek(go, 0);
    if (read(go, &flag, 1) != 1)
      return 1;
  }
  return 0;
}

/* True once the first K slots of READY are set. */
static bool
all_ready(int ready, int k)
{
  static char flags[MAX_KIDS];
  seek(ready, 0);
  if (read(ready, flags, k) != k)
    return false;
  for (int i = 0; i < k; i++)
    if (flags[i] != 1)
      return false;
  return true;
}

int
main(int argc, char *argv[])
{
  if (argc == 3 && !strcmp(argv[1], "c"))
    return child(atoi(argv[2]));
  int k = bench_arg(argc, argv, 1);
  if (k > MAX_KIDS)
    return 2;
  remove("ready");
  remove("go");
  if (!create("ready", MAX_KIDS) || !create("go", 1))
    return 1;
  int ready = open("ready"), go = open("go");
  pid_t pids[MAX_KIDS];
  for (int i = 0; i < k; i++) {
    pids[i] = fork("bshare-kid");
    if (pids[i] == 0) {
      char cmd[32];
      snprintf(cmd, sizeof cmd, "bshare c %d", i);
      exit(exec(cmd));
    }
  }
  while (!all_ready(ready, k))
    sleep(1);
  struct vmstat s;
  vmstat_machine(&s);
  char one = 1;
  write(go, &one, 1);
  int bad = 0;
  for (int i = 0; i < k; i++)
    bad += wait(pids[i]) != 0;
  if (bad != 0) {
    printf("bshare: %d instances failed\n", bad);
    return 1;
  }
  printf("bench: what=share kids=%d used_frames=%llu cache_frames=%llu\n", k,
         (unsigned long long)(s.user_frames_total - s.user_frames_free),
         (unsigned long long)s.pcache_frames);
  return 0;
}
