/* SPDX-License-Identifier: MIT */

/* vmstat -- the kernel's virtual-memory counters: the whole machine's
   since boot, this process's own, free frames and swap slots in use.

   vmstat            one report
   vmstat T [N]      N reports (default 10), one every T timer ticks */

#include <stdio.h>
#include <stdlib.h>
#include <syscall.h>

static void
print_counters(const char *who, const struct vmstat *s)
{
  printf("%-8s faults zero=%llu zero_page=%llu file=%llu swap_in=%llu "
         "stack=%llu cow=%llu bad=%llu; evictions=%llu swap_reads=%llu "
         "swap_writes=%llu writebacks=%llu\n",
         who, (unsigned long long)s->faults_zero,
         (unsigned long long)s->faults_zero_page,
         (unsigned long long)s->faults_file,
         (unsigned long long)s->faults_swap_in,
         (unsigned long long)s->faults_stack, (unsigned long long)s->faults_cow,
         (unsigned long long)s->faults_bad, (unsigned long long)s->evictions,
         (unsigned long long)s->swap_reads, (unsigned long long)s->swap_writes,
         (unsigned long long)s->file_writebacks);
}

/* One report; false if the kernel refused. */
static bool
report(void)
{
  struct vmstat machine, self;
  if (vmstat_machine(&machine) != 0 || vmstat(&self) != 0)
    return false;
  print_counters("machine:", &machine);
  print_counters("self:", &self);
  printf("frames:  %llu free of %llu; swap: %llu of %llu slots in use\n",
         (unsigned long long)machine.user_frames_free,
         (unsigned long long)machine.user_frames_total,
         (unsigned long long)machine.swap_slots_used,
         (unsigned long long)machine.swap_slots_total);
  printf("pcache:  %llu frames; hits=%llu misses=%llu evictions=%llu "
         "writebacks=%llu\n",
         (unsigned long long)machine.pcache_frames,
         (unsigned long long)machine.pcache_hits,
         (unsigned long long)machine.pcache_misses,
         (unsigned long long)machine.pcache_evictions,
         (unsigned long long)machine.pcache_writebacks);
  return true;
}

int
main(int argc, char *argv[])
{
  int every = argc > 1 ? atoi(argv[1]) : 0;
  int times = argc > 2 ? atoi(argv[2]) : every > 0 ? 10 : 1;
  if (every < 0 || times < 1) {
    printf("usage: vmstat [TICKS [COUNT]]\n");
    return 1;
  }
  for (int i = 0; i < times; i++) {
    if (i > 0)
      sleep((unsigned)every);
    if (!report())
      return 1;
  }
  return 0;
}
