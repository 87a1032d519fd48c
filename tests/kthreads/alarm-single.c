/* SPDX-License-Identifier: MIT */

/* alarm-single: one thread sleeps for a series of durations, one after the
   other, and checks each sleep against the tick counter.

   The thread first sleeps one tick so that it starts each measurement just
   after a timer interrupt.  A correct timer_sleep(D) then returns in tick
   start + D, or one tick later if a tick slipped in while the sleep was
   being set up.  Returning earlier means the sleep was cut short; later
   means the wake-up was missed or delayed (for example until the end of a
   time slice).  Each line says which case happened. */

#include <inttypes.h>

#include "devices/timer.h"
#include "tests/kthreads/ktest.h"

/* Ticks past the deadline still counted as on time. */
#define ALARM_SLACK 1

static void
alarm_report(int64_t duration, int64_t elapsed)
{
  if (elapsed < duration)
    ktest_msg("sleep(%" PRId64 "): woke early, after %" PRId64 " ticks",
              duration, elapsed);
  else if (elapsed > duration + ALARM_SLACK)
    ktest_msg("sleep(%" PRId64 "): woke late, after %" PRId64 " ticks",
              duration, elapsed);
  else
    ktest_msg("sleep(%" PRId64 "): woke on time", duration);
}

void
ktest_alarm_single(void)
{
  static const int64_t durations[] = {1, 2, 3, 5, 8, 13, 21, 34};
  enum { COUNT = sizeof durations / sizeof durations[0] };
  int64_t elapsed[COUNT];

  /* Measure everything first: printing takes time and would move the
     start of the next measurement away from a tick boundary. */
  for (int i = 0; i < COUNT; i++) {
    timer_sleep(1);
    int64_t start = timer_ticks();
    timer_sleep(durations[i]);
    elapsed[i] = timer_elapsed(start);
  }
  for (int i = 0; i < COUNT; i++)
    alarm_report(durations[i], elapsed[i]);
}
