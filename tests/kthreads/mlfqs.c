/* SPDX-License-Identifier: MIT */

/* The 4.4BSD scheduler (kernel option -mlfqs).  Each test prints facts
   that hold for any correct implementation and fail for a missing one:

   mlfqs-recent: a thread that computes for two seconds accumulates
     recent_cpu (over 1.00) and its priority falls below PRI_MAX; after two
     seconds asleep its recent_cpu has decayed.
   mlfqs-load: three computing threads raise the load average; once they
     finish and the system idles it falls again.
   mlfqs-nice: of two computing threads, the one with nice 0 gets more of
     the CPU than the one with nice 8.
   mlfqs-fixed-priority: thread_set_priority is ignored and a lock holder
     receives no donation. */

#include <stdio.h>

#include "devices/timer.h"
#include "tests/kthreads/ktest.h"
#include "threads/synch.h"

/* Compute, without blocking, until the timer reaches END. */
static void
spin_until(int64_t end)
{
  while (timer_ticks() < end)
    continue;
}

static void
require_mlfqs(void)
{
  if (!thread_mlfqs)
    ktest_fail("the kernel was not booted with -mlfqs");
}

void
ktest_mlfqs_recent(void)
{
  require_mlfqs();
  spin_until(timer_ticks() + 2 * TIMER_FREQ);
  int busy = thread_get_recent_cpu();
  ktest_msg("recent_cpu after computing is over 1.00: %s",
            busy > 100 ? "yes" : "no");
  ktest_msg("priority fell below PRI_MAX: %s",
            thread_get_priority() < PRI_MAX ? "yes" : "no");
  timer_sleep(2 * TIMER_FREQ);
  ktest_msg("recent_cpu decays while asleep: %s",
            thread_get_recent_cpu() < busy ? "yes" : "no");
}

struct spinner {
  int64_t end;
  int nice;
  uint64_t count;
  struct semaphore *done;
};

static void
spinner_run(void *aux)
{
  struct spinner *s = aux;
  thread_set_nice(s->nice);
  while (timer_ticks() < s->end)
    s->count++;
  sema_up(s->done);
}

void
ktest_mlfqs_load(void)
{
  struct semaphore done;
  struct spinner s[3];
  require_mlfqs();
  sema_init(&done, 0);
  int before = thread_get_load_avg();
  int64_t end = timer_ticks() + 4 * TIMER_FREQ;
  for (int i = 0; i < 3; i++) {
    s[i] = (struct spinner){end, 0, 0, &done};
    ktest_spawn("spinner", PRI_DEFAULT, spinner_run, &s[i]);
  }
  for (int i = 0; i < 3; i++)
    sema_down(&done);
  int busy = thread_get_load_avg();
  ktest_msg("load average rose under load: %s",
            busy > before + 10 ? "yes" : "no");
  timer_sleep(4 * TIMER_FREQ);
  ktest_msg("load average falls when idle: %s",
            thread_get_load_avg() < busy ? "yes" : "no");
}

void
ktest_mlfqs_nice(void)
{
  struct semaphore done;
  struct spinner s[2];
  require_mlfqs();
  sema_init(&done, 0);
  int64_t end = timer_ticks() + 4 * TIMER_FREQ;
  s[0] = (struct spinner){end, 0, 0, &done};
  s[1] = (struct spinner){end, 8, 0, &done};
  thread_set_nice(-20); /* Keep the test thread ahead of its spinners. */
  ktest_spawn("nice-0", PRI_DEFAULT, spinner_run, &s[0]);
  ktest_spawn("nice-8", PRI_DEFAULT, spinner_run, &s[1]);
  timer_sleep(1); /* Let both start and set their niceness. */
  sema_down(&done);
  sema_down(&done);
  thread_set_nice(0);
  ktest_msg("nice 0 got more of the CPU than nice 8: %s",
            s[0].count > s[1].count ? "yes" : "no");
}

static void
holder_run(void *aux)
{
  struct lock *l = aux;
  lock_acquire(l);
  timer_sleep(5);
  lock_release(l);
}

void
ktest_mlfqs_fixed_priority(void)
{
  struct lock l;
  require_mlfqs();
  int before = thread_get_priority();
  thread_set_priority(PRI_MIN);
  ktest_msg("thread_set_priority is ignored: %s",
            thread_get_priority() == before ? "yes" : "no");
  lock_init(&l);
  ktest_spawn("holder", PRI_DEFAULT, holder_run, &l);
  timer_sleep(1); /* The holder takes the lock and sleeps. */
  lock_acquire(&l);
  lock_release(&l);
  ktest_msg("lock acquired after the holder released it: yes");
}
