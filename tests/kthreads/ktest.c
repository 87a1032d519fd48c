/* SPDX-License-Identifier: MIT */

/* The in-kernel test driver: a table from test name to function, message
   helpers, a reproducible random sequence and an interrupt-safe event log.

   Tests run in the kernel's main thread.  After a test returns, the driver
   restores that thread's priority and sleeps a few ticks so every thread
   the test started has finished exiting before the kernel powers off and
   takes its leak census. */

#include "tests/kthreads/ktest.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "devices/timer.h"
#include "threads/interrupt.h"
#include "threads/spinlock.h"

static const struct ktest ktests[] = {
    {"alarm-single", ktest_alarm_single},
    {"alarm-multiple", ktest_alarm_multiple},
    {"alarm-simultaneous", ktest_alarm_simultaneous},
    {"alarm-priority", ktest_alarm_priority},
    {"alarm-zero", ktest_alarm_zero},
    {"alarm-negative", ktest_alarm_negative},
    {"alarm-no-busy-wait", ktest_alarm_no_busy_wait},
    {"priority-change", ktest_priority_change},
    {"priority-fifo", ktest_priority_fifo},
    {"priority-preempt", ktest_priority_preempt},
    {"priority-roundrobin", ktest_priority_roundrobin},
    {"priority-sema", ktest_priority_sema},
    {"priority-condvar", ktest_priority_condvar},
    {"priority-donate-one", ktest_priority_donate_one},
    {"priority-donate-multiple", ktest_priority_donate_multiple},
    {"priority-donate-multiple2", ktest_priority_donate_multiple2},
    {"priority-donate-nest", ktest_priority_donate_nest},
    {"priority-donate-chain", ktest_priority_donate_chain},
    {"priority-donate-sema", ktest_priority_donate_sema},
    {"priority-donate-lower", ktest_priority_donate_lower},
    {"priority-donate-ready", ktest_priority_donate_ready},
    {"priority-sema-up-yield", ktest_priority_sema_up_yield},
    {"palloc-stress", ktest_palloc_stress},
    {"malloc-stress", ktest_malloc_stress},
    {"thread-many", ktest_thread_many},
    {"panic-deliberate", ktest_panic_deliberate},
    {"stack-overflow", ktest_stack_overflow},
    {"spinlock-count", ktest_spinlock_count},
    {"spinlock-order", ktest_spinlock_order},
    {"mlfqs-recent", ktest_mlfqs_recent},
    {"mlfqs-load", ktest_mlfqs_load},
    {"mlfqs-nice", ktest_mlfqs_nice},
    {"mlfqs-fixed-priority", ktest_mlfqs_fixed_priority},
};

/* Name of the running test: the prefix of every message. */
static const char *ktest_current = "ktest";

/* Ticks the driver waits after a test so its exited threads are reaped. */
#define KTEST_DRAIN_TICKS 5

/* Runs test NAME of TESTS[0..CNT) in the calling thread, restoring its
   priority afterwards and letting the test's threads finish exiting; false
   if there is no such test.  May sleep.  Shared by every in-kernel suite
   (threads, kfs). */
bool
ktest_run_from(const struct ktest *tests, size_t cnt, const char *name)
{
  for (size_t i = 0; i < cnt; i++)
    if (strcmp(tests[i].name, name) == 0) {
      int priority = thread_get_priority();
      ktest_current = tests[i].name;
      tests[i].run();
      thread_set_priority(priority);
      timer_sleep(KTEST_DRAIN_TICKS);
      return true;
    }
  return false;
}

/* Runs test NAME; false if there is none (see ktest.h).  May sleep. */
bool
ktest_run(const char *name)
{
  return ktest_run_from(ktests, sizeof ktests / sizeof ktests[0], name);
}

static void
vmsg(const char *prefix, const char *format, va_list args)
{
  char text[512];

  vsnprintf(text, sizeof text, format, args);
  printf("(%s) %s%s\n", ktest_current, prefix, text);
}

/* Prints `(NAME) MESSAGE' as one console line. */
void
ktest_msg(const char *format, ...)
{
  va_list args;

  va_start(args, format);
  vmsg("", format, args);
  va_end(args);
}

/* Prints `(NAME) FAIL: MESSAGE' and panics. */
void
ktest_fail(const char *format, ...)
{
  va_list args;

  va_start(args, format);
  vmsg("FAIL: ", format, args);
  va_end(args);
  PANIC("in-kernel test %s did not pass", ktest_current);
}

/* thread_create that fails the test instead of returning TID_ERROR. */
tid_t
ktest_spawn(const char *name, int priority, thread_func *func, void *aux)
{
  tid_t tid = thread_create(name, priority, func, aux);
  if (tid == TID_ERROR)
    ktest_fail("thread_create(\"%s\", %d) returned TID_ERROR", name, priority);
  return tid;
}

/* xorshift64*: next value from *STATE, which must not be zero. */
uint64_t
ktest_random(uint64_t *state)
{
  uint64_t x = *state;
  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  *state = x;
  return x * 0x2545f4914f6cdd1dull;
}

/* A value in [LO, HI] (slightly biased; fine for tests). */
uint64_t
ktest_random_range(uint64_t *state, uint64_t lo, uint64_t hi)
{
  return lo + ktest_random(state) % (hi - lo + 1);
}

/* Empties LOG. */
void
ktest_log_init(struct ktest_log *log)
{
  log->count = 0;
}

/* Appends V under the log's spinlock; fails the test when LOG is full. */
void
ktest_log_add(struct ktest_log *log, int v)
{
  static struct spinlock lock = SPINLOCK_INIT("ktest log", LOCK_RANK_SPIN_LOG);
  enum intr_level old = spin_lock(&lock);
  bool full = log->count >= KTEST_LOG_MAX;
  if (!full)
    log->items[log->count++] = v;
  spin_unlock(&lock, old);
  if (full)
    ktest_fail("event log overflowed");
}

/* Prints LABEL and items [FIRST, FIRST + CNT) of LOG on one line. */
void
ktest_log_print(const struct ktest_log *log, const char *label, int first,
                int cnt)
{
  char line[400];
  size_t len = strlcpy(line, label, sizeof line);

  for (int i = first; i < first + cnt && i < log->count; i++)
    if (len < sizeof line)
      len += snprintf(line + len, sizeof line - len, " %d", log->items[i]);
  ktest_msg("%s", line);
}
