/* SPDX-License-Identifier: MIT */

/* alarm-simultaneous: threads that sleep until the same tick must all wake
   in that tick.

   Every round, each thread sleeps until a common absolute deadline and
   notes the tick in which it runs again.  A timer that wakes only one
   sleeper per interrupt spreads them over several ticks; one that loses
   sleepers never finishes the round.  The check allows a one-tick spread
   (a tick may pass while the woken threads take turns) and reports the
   earliest wake relative to the deadline. */

#include "devices/timer.h"
#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

#define SIM_THREADS 6
#define SIM_ROUNDS 4
#define SIM_GAP 8 /* Ticks between rounds. */

struct sim_shared {
  int64_t base;
  int64_t woke[SIM_ROUNDS][SIM_THREADS];
  struct semaphore done;
};

struct sim_sleeper {
  int index;
  struct sim_shared *shared;
};

static void
sim_sleeper_run(void *aux)
{
  struct sim_sleeper *me = aux;
  struct sim_shared *sh = me->shared;

  for (int r = 0; r < SIM_ROUNDS; r++) {
    int64_t deadline = sh->base + SIM_GAP * (r + 1);
    timer_sleep(deadline - timer_ticks());
    sh->woke[r][me->index] = timer_ticks();
  }
  sema_up(&sh->done);
}

static void
sim_report_round(const struct sim_shared *sh, int r)
{
  int64_t deadline = sh->base + SIM_GAP * (r + 1);
  int64_t lo = sh->woke[r][0], hi = sh->woke[r][0];

  for (int i = 1; i < SIM_THREADS; i++) {
    lo = sh->woke[r][i] < lo ? sh->woke[r][i] : lo;
    hi = sh->woke[r][i] > hi ? sh->woke[r][i] : hi;
  }
  if (lo < deadline)
    ktest_msg("round %d: a thread woke %d ticks early", r,
              (int)(deadline - lo));
  else if (lo > deadline + 1)
    ktest_msg("round %d: first thread woke %d ticks late", r,
              (int)(lo - deadline));
  else if (hi - lo > 1)
    ktest_msg("round %d: wake-ups spread over %d ticks", r, (int)(hi - lo + 1));
  else
    ktest_msg("round %d: all %d threads woke together at the deadline", r,
              SIM_THREADS);
}

/* Entry point of alarm-simultaneous (see the note at the top). */
void
ktest_alarm_simultaneous(void)
{
  static struct sim_shared sh;
  struct sim_sleeper sleepers[SIM_THREADS];

  sh.base = timer_ticks() + 5;
  sema_init(&sh.done, 0);
  for (int i = 0; i < SIM_THREADS; i++) {
    sleepers[i] = (struct sim_sleeper){.index = i, .shared = &sh};
    ktest_spawn("together", PRI_DEFAULT, sim_sleeper_run, &sleepers[i]);
  }
  for (int i = 0; i < SIM_THREADS; i++)
    sema_down(&sh.done);
  for (int r = 0; r < SIM_ROUNDS; r++)
    sim_report_round(&sh, r);
}
