/* SPDX-License-Identifier: MIT */

/* priority-donate-multiple: a thread holding several locks runs at the
   highest priority among all their waiters, and loses each donation
   exactly when it releases the lock that carried it.

   The test thread holds locks A, B and C; donors at 34, 38 and 36 block on
   them.  It releases C first: C's waiter (36) is below the still-donated
   38 and must not run yet.  Releasing B drops the holder to 34 (A's
   donor): the 38 donor runs, then the 36 one, then the test thread.
   Releasing A returns it to its own priority after the 34 donor ran. */

#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

struct multi_donor {
  const char *lock_name;
  struct lock *lock;
};

static void
multi_donor_run(void *aux)
{
  struct multi_donor *d = aux;

  lock_acquire(d->lock);
  ktest_msg("donor %d: got lock %s", thread_get_priority(), d->lock_name);
  lock_release(d->lock);
}

static void
multi_release(struct multi_donor *d)
{
  lock_release(d->lock);
  ktest_msg("main: released %s; priority %d", d->lock_name,
            thread_get_priority());
}

/* Entry point of priority-donate-multiple (see the note at the top). */
void
ktest_priority_donate_multiple(void)
{
  static struct lock locks[3];
  static struct multi_donor donors[3] = {
      {"A", &locks[0]}, {"B", &locks[1]}, {"C", &locks[2]}};
  static const int priorities[3] = {34, 38, 36};

  for (int i = 0; i < 3; i++) {
    lock_init(&locks[i]);
    lock_acquire(&locks[i]);
  }
  for (int i = 0; i < 3; i++) {
    ktest_spawn("donor", priorities[i], multi_donor_run, &donors[i]);
    ktest_msg("main: donor %d waits on %s; priority %d", priorities[i],
              donors[i].lock_name, thread_get_priority());
  }
  multi_release(&donors[2]);
  multi_release(&donors[1]);
  multi_release(&donors[0]);
}
