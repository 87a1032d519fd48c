/* SPDX-License-Identifier: MIT */

/* alarm-zero and alarm-negative: timer_sleep with a duration <= 0 must
   return at once, without blocking.

   A thread of lower priority than the test thread is made ready first.
   With a strict priority scheduler it can only run if the test thread
   blocks, so it raises a flag when it runs.  The test calls timer_sleep
   many times with the durations under test and then checks the flag: a
   kernel that blocks until the next tick (or sleeps for a huge time on a
   negative value that wrapped around) lets the low thread run, or never
   returns.  The elapsed ticks over all calls must stay below two. */

#include <inttypes.h>

#include "devices/timer.h"
#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

#define INSTANT_REPEAT 50

struct instant_watch {
  volatile bool ran;
  struct semaphore done;
};

static void
instant_watch_run(void *aux)
{
  struct instant_watch *w = aux;

  w->ran = true;
  sema_up(&w->done);
}

static void
instant_check(const int64_t *durations, int cnt)
{
  struct instant_watch w = {.ran = false};

  sema_init(&w.done, 0);
  ktest_spawn("watcher", PRI_DEFAULT - 10, instant_watch_run, &w);
  int64_t start = timer_ticks();
  for (int rep = 0; rep < INSTANT_REPEAT; rep++)
    for (int i = 0; i < cnt; i++)
      timer_sleep(durations[i]);
  int64_t elapsed = timer_elapsed(start);
  bool ran = w.ran;

  for (int i = 0; i < cnt; i++)
    ktest_msg("timer_sleep(%" PRId64 ") called %d times", durations[i],
              INSTANT_REPEAT);
  ktest_msg("lower-priority thread ran during the calls: %s",
            ran ? "yes" : "no");
  ktest_msg("calls took %s",
            elapsed <= 1 ? "at most one tick" : "several ticks");
  sema_down(&w.done);
  ktest_msg("lower-priority thread ran once the test thread blocked");
}

/* Entry point of alarm-zero (see the note at the top). */
void
ktest_alarm_zero(void)
{
  static const int64_t zero[] = {0};
  instant_check(zero, 1);
}

/* Entry point of alarm-negative (see the note at the top). */
void
ktest_alarm_negative(void)
{
  static const int64_t negative[] = {-1, -2, -100, -1000000, INT64_MIN};
  instant_check(negative, 5);
}
