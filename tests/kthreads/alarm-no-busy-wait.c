/* SPDX-License-Identifier: MIT */

/* alarm-no-busy-wait: a sleeping thread must give up the CPU.

   A spinner thread at PRI_MIN counts the distinct tick values it sees.
   The test thread (priority PRI_DEFAULT) sleeps for SLEEP ticks.  If the
   sleep blocks, the spinner is the only runnable thread and sees almost
   every tick of the sleep; if it spins or yields in a loop, strict
   priority keeps the spinner off the CPU and it sees none.  The test also
   checks that the sleeper is woken on time although a thread is running
   when its deadline passes (the timer interrupt must preempt the
   spinner). */

#include "devices/timer.h"
#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

#define BUSY_SLEEP 30

struct busy_spinner {
  volatile bool stop;
  volatile int ticks_seen;
  struct semaphore done;
};

static void
busy_spinner_run(void *aux)
{
  struct busy_spinner *s = aux;
  int64_t last = timer_ticks();

  while (!s->stop) {
    int64_t now = timer_ticks();
    if (now != last) {
      s->ticks_seen++;
      last = now;
    }
  }
  sema_up(&s->done);
}

/* Entry point of alarm-no-busy-wait (see the note at the top). */
void
ktest_alarm_no_busy_wait(void)
{
  static struct busy_spinner s;

  sema_init(&s.done, 0);
  ktest_spawn("spinner", PRI_MIN, busy_spinner_run, &s);
  timer_sleep(1);
  int seen_before = s.ticks_seen;
  int64_t start = timer_ticks();
  timer_sleep(BUSY_SLEEP);
  int64_t elapsed = timer_elapsed(start);
  int seen = s.ticks_seen - seen_before;
  s.stop = true;
  sema_down(&s.done);

  ktest_msg("slept %d ticks; spinner saw %s of them", BUSY_SLEEP,
            seen >= BUSY_SLEEP / 2 ? "most" : "few");
  ktest_msg("sleeper woke %s", elapsed < BUSY_SLEEP        ? "early"
                               : elapsed <= BUSY_SLEEP + 1 ? "on time"
                                                           : "late");
}
