/* SPDX-License-Identifier: MIT */

/* priority-donate-lower: changing the base priority of a thread that holds
   a donation.

   The test thread holds a lock that a donor at 41 waits on.  Lowering its
   base to 25 must leave it running at 41; raising the base to 45 lifts it
   above the donation; lowering to 25 again gives 41 back.  A bystander at
   28 is created meanwhile and must stay off the CPU.  On release the
   donor runs, then the bystander (28 beats the new base 25), and only
   then the test thread, at 25. */

#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

static void
lower_donor_run(void *aux)
{
  struct lock *lock = aux;

  lock_acquire(lock);
  ktest_msg("donor: got the lock");
  lock_release(lock);
}

static void
lower_bystander_run(void *aux UNUSED)
{
  ktest_msg("bystander: running");
}

static void
lower_set(int base)
{
  thread_set_priority(base);
  ktest_msg("main: base set to %d; running at %d", base, thread_get_priority());
}

/* Entry point of priority-donate-lower (see the note at the top). */
void
ktest_priority_donate_lower(void)
{
  static struct lock lock;

  lock_init(&lock);
  lock_acquire(&lock);
  ktest_spawn("donor", 41, lower_donor_run, &lock);
  ktest_msg("main: donor waiting; running at %d", thread_get_priority());
  lower_set(25);
  lower_set(45);
  lower_set(25);
  ktest_spawn("bystander", 28, lower_bystander_run, NULL);
  ktest_msg("main: bystander created; releasing the lock");
  lock_release(&lock);
  ktest_msg("main: running at %d", thread_get_priority());
  thread_set_priority(PRI_DEFAULT);
}
