/* SPDX-License-Identifier: MIT */

/* priority-roundrobin: CPU-bound threads of equal priority share the CPU
   through timer preemption (time slices), without ever yielding.

   Three spinners at the same priority run until a common end tick.  Each
   counts how often it found that another spinner had run since its own
   last look (a switch).  With a time slice of a few ticks over SPAN ticks
   there are many switches and every spinner gets CPU time in the first
   part of the span; without preemption the first spinner runs the whole
   span alone. */

#include "devices/timer.h"
#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

#define RR_THREADS 3
#define RR_SPAN 60         /* Ticks the spinners run. */
#define RR_FIRST_WITHIN 20 /* Each must have run by then. */

struct rr_shared {
  int64_t start, end;
  volatile int last_owner;
  volatile int switches;
  int64_t first_run[RR_THREADS];
  struct semaphore done;
};

struct rr_spinner {
  int id;
  struct rr_shared *shared;
};

static void
rr_spinner_run(void *aux)
{
  struct rr_spinner *me = aux;
  struct rr_shared *sh = me->shared;

  sh->first_run[me->id] = timer_ticks();
  while (timer_ticks() < sh->end)
    if (sh->last_owner != me->id) {
      sh->last_owner = me->id;
      sh->switches++;
    }
  sema_up(&sh->done);
}

/* Entry point of priority-roundrobin (see the note at the top). */
void
ktest_priority_roundrobin(void)
{
  static struct rr_shared sh;
  struct rr_spinner spinners[RR_THREADS];

  sema_init(&sh.done, 0);
  sh.last_owner = -1;
  thread_set_priority(PRI_DEFAULT + 2);
  sh.start = timer_ticks();
  sh.end = sh.start + RR_SPAN;
  for (int i = 0; i < RR_THREADS; i++) {
    spinners[i] = (struct rr_spinner){.id = i, .shared = &sh};
    ktest_spawn("spinner", PRI_DEFAULT + 1, rr_spinner_run, &spinners[i]);
  }
  thread_set_priority(PRI_DEFAULT);
  for (int i = 0; i < RR_THREADS; i++)
    sema_down(&sh.done);

  int late = 0;
  for (int i = 0; i < RR_THREADS; i++)
    if (sh.first_run[i] - sh.start > RR_FIRST_WITHIN)
      late++;
  ktest_msg("%d spinners shared %d ticks", RR_THREADS, RR_SPAN);
  ktest_msg("spinners that first ran after tick %d: %d", RR_FIRST_WITHIN, late);
  ktest_msg("turns changed hands %s",
            sh.switches >= RR_SPAN / 8 ? "many times" : "only a few times");
}
