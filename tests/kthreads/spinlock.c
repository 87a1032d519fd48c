/* SPDX-License-Identifier: MIT */

/* Spinlocks and the sleeping primitives across CPUs.

   spinlock-count: THREADS threads each add 1 to two counters ROUNDS
   times: one under a spinlock, one under a sleeping lock, yielding now
   and then inside neither.  A lost update (two CPUs in one critical
   section) makes a final count fall short.  At one CPU it checks the
   primitives still exclude; at several the threads run on every CPU at
   once (the test prints how many CPUs ran its threads only in the log,
   as the console must not depend on the machine).

   spinlock-order: taking the scheduler's spinlock while this CPU holds
   the higher-ranked log spinlock must panic in the rank checker (the
   manifest names spin_bad_order in the expected backtrace). */

#include <stdio.h>

#include "arch/x86_64/percpu.h"
#include "lib/kernel/console.h"
#include "threads/spinlock.h"
#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

#define THREADS 8
#define ROUNDS 20000

struct count_shared {
  struct spinlock spin;
  struct lock lock;
  long spin_count, lock_count;
  struct semaphore done;
  unsigned cpus_seen; /* Bit per CPU a thread ran on (under SPIN). */
};

static void
count_run(void *aux)
{
  struct count_shared *sh = aux;
  for (int i = 0; i < ROUNDS; i++) {
    enum intr_level old = spin_lock(&sh->spin);
    long v = sh->spin_count;
    barrier();
    sh->spin_count = v + 1;
    sh->cpus_seen |= 1u << cpu_self()->id;
    spin_unlock(&sh->spin, old);
    if (i % 64 == 0) {
      lock_acquire(&sh->lock);
      sh->lock_count++;
      lock_release(&sh->lock);
    }
    if (i % 1000 == 0)
      thread_yield();
  }
  sema_up(&sh->done);
}

/* Entry point of spinlock-count (see the note at the top). */
void
ktest_spinlock_count(void)
{
  static struct count_shared sh;
  spin_init(&sh.spin, "ktest count", LOCK_RANK_SPIN_LOG);
  lock_init(&sh.lock);
  sema_init(&sh.done, 0);
  sh.spin_count = sh.lock_count = 0;
  sh.cpus_seen = 0;
  for (int i = 0; i < THREADS; i++) {
    char name[16];
    snprintf(name, sizeof name, "count-%d", i);
    if (thread_create(name, PRI_DEFAULT, count_run, &sh) == TID_ERROR)
      ktest_fail("thread_create failed");
  }
  for (int i = 0; i < THREADS; i++)
    sema_down(&sh.done);
  ktest_msg("spinlock count %ld of %d", sh.spin_count, THREADS * ROUNDS);
  ktest_msg("lock count %ld of %d", sh.lock_count,
            THREADS * ((ROUNDS + 63) / 64));
  klog_printf("spinlock-count: threads ran on CPU mask %#x\n", sh.cpus_seen);
}

/* Entry point of spinlock-order. */
void
ktest_spinlock_order(void)
{
  static struct spinlock high = SPINLOCK_INIT("ktest high", LOCK_RANK_SPIN_LOG);
  ktest_msg("taking the scheduler lock inside a rank-%d spinlock", high.rank);
  enum intr_level old = spin_lock(&high);
  enum intr_level old2 = thread_sched_lock();
  thread_sched_unlock(old2);
  spin_unlock(&high, old);
  ktest_msg("the rank checker let it pass");
}
