/* SPDX-License-Identifier: MIT */

/* alarm-multiple: several threads sleep repeatedly with different periods
   and their wake-ups must come in deadline order.

   Thread I wakes at the absolute deadlines BASE + PERIOD[I] * K for
   K = 1..ROUNDS (it sleeps `deadline - now', so lateness does not
   accumulate).  Each wake-up appends its deadline offset PERIOD[I] * K to a
   shared log.  Equal offsets fall in the same tick and may come in either
   order, but their values are equal, so the printed log is the same for
   every correct kernel: the sorted offsets.  Each thread also counts
   wake-ups before the deadline (never allowed) and more than one tick
   after it (a lost or delayed wake-up). */

#include "devices/timer.h"
#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

#define ALARM_THREADS 5
#define ALARM_ROUNDS 6
#define ALARM_LEAD 10 /* Ticks between setup and the first deadline base. */

struct alarm_sleeper {
  int period;
  int early; /* Wake-ups before the deadline. */
  int late;  /* Wake-ups more than a tick after it. */
  int64_t base;
  struct ktest_log *log;
  struct semaphore *done;
};

static void
alarm_sleeper_run(void *aux)
{
  struct alarm_sleeper *s = aux;

  for (int k = 1; k <= ALARM_ROUNDS; k++) {
    int64_t deadline = s->base + (int64_t)s->period * k;
    timer_sleep(deadline - timer_ticks());
    int64_t now = timer_ticks();
    ktest_log_add(s->log, s->period * k);
    if (now < deadline)
      s->early++;
    else if (now > deadline + 1)
      s->late++;
  }
  sema_up(s->done);
}

/* Entry point of alarm-multiple (see the note at the top). */
void
ktest_alarm_multiple(void)
{
  static const int periods[ALARM_THREADS] = {7, 3, 5, 2, 4};
  struct alarm_sleeper sleepers[ALARM_THREADS];
  struct ktest_log log;
  struct semaphore done;
  int64_t base = timer_ticks() + ALARM_LEAD;

  ktest_log_init(&log);
  sema_init(&done, 0);
  for (int i = 0; i < ALARM_THREADS; i++) {
    sleepers[i] = (struct alarm_sleeper){
        .period = periods[i], .base = base, .log = &log, .done = &done};
    ktest_spawn("sleeper", PRI_DEFAULT, alarm_sleeper_run, &sleepers[i]);
  }
  for (int i = 0; i < ALARM_THREADS; i++)
    sema_down(&done);

  ktest_msg("%d wake-ups recorded", log.count);
  for (int first = 0; first < log.count; first += 10)
    ktest_log_print(&log, "deadlines in wake order:", first, 10);
  for (int i = 0; i < ALARM_THREADS; i++)
    ktest_msg("period %d: %d early, %d late", sleepers[i].period,
              sleepers[i].early, sleepers[i].late);
}
