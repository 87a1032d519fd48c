/* SPDX-License-Identifier: MIT */

/* alarm-priority: threads of different priorities sleep until the same
   tick; once woken they must run highest priority first.

   The sleepers are created in a scrambled priority order, all above the
   test thread, so each one runs at once and goes to sleep.  When the
   common deadline passes the timer makes them all ready together; each
   appends its priority to a log as its first act after waking.  The log is
   printed, so a kernel that runs woken threads in sleep-list or creation
   order prints a different sequence.  A second line reports whether every
   thread ran within a tick of the deadline. */

#include "devices/timer.h"
#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

#define PRIO_SLEEPERS 10

struct prio_shared {
  int64_t deadline;
  int late;
  struct ktest_log order;
  struct semaphore done;
};

static void
prio_sleeper_run(void *aux)
{
  struct prio_shared *sh = aux;

  timer_sleep(sh->deadline - timer_ticks());
  ktest_log_add(&sh->order, thread_get_priority());
  if (timer_ticks() > sh->deadline + 1)
    sh->late++;
  sema_up(&sh->done);
}

/* Entry point of alarm-priority (see the note at the top). */
void
ktest_alarm_priority(void)
{
  static const int priorities[PRIO_SLEEPERS] = {35, 41, 33, 44, 38,
                                                32, 47, 36, 40, 43};
  static struct prio_shared sh;

  sh.deadline = timer_ticks() + 10;
  sh.late = 0;
  ktest_log_init(&sh.order);
  sema_init(&sh.done, 0);
  for (int i = 0; i < PRIO_SLEEPERS; i++)
    ktest_spawn("alarm-prio", priorities[i], prio_sleeper_run, &sh);
  for (int i = 0; i < PRIO_SLEEPERS; i++)
    sema_down(&sh.done);

  ktest_log_print(&sh.order, "priorities in wake order:", 0, PRIO_SLEEPERS);
  ktest_msg("%d of %d threads ran more than a tick after the deadline", sh.late,
            PRIO_SLEEPERS);
}
