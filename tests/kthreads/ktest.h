/* SPDX-License-Identifier: MIT */
#ifndef TESTS_KTHREADS_KTEST_H
#define TESTS_KTHREADS_KTEST_H

/* In-kernel tests: scheduler, timer, synchronisation and allocators.

   The kernel calls ktest_run(NAME) from its main thread (priority
   PRI_DEFAULT) inside the `Executing'/`complete' framing.  Each test
   prints lines `(NAME) message' through ktest_msg(); the runner compares them
   with tests/kthreads/NAME.out.  A test prints the facts it observed, not
   what it expects, so a misbehaving kernel changes the output. */

#include <debug.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "threads/thread.h"

/* Runs test NAME in the calling thread and returns true, or returns false
   if there is no such test.  Restores the caller's priority and lets the
   test's threads finish exiting before it returns.  May sleep. */
bool ktest_run(const char *name);

/* A named in-kernel test, and the runner every suite's table shares. */
struct ktest {
  const char *name;
  void (*run)(void);
};
bool ktest_run_from(const struct ktest *tests, size_t cnt, const char *name);

/* Prints `(NAME) MESSAGE' as one console line. */
void ktest_msg(const char *format, ...) PRINTF_FORMAT(1, 2);

/* Prints `(NAME) FAIL: MESSAGE' and panics, so the run stops with a
   backtrace pointing at the broken check. */
void ktest_fail(const char *format, ...) PRINTF_FORMAT(1, 2) NO_RETURN;

/* Fails with the source location unless COND holds; silent otherwise. */
#define KTEST_REQUIRE(COND)                                                    \
  do {                                                                         \
    if (!(COND))                                                               \
      ktest_fail("check `%s' failed at %s:%d", #COND, __FILE__, __LINE__);     \
  } while (0)

/* Creates a thread or fails the test; returns its tid. */
tid_t ktest_spawn(const char *name, int priority, thread_func *, void *aux);

/* Next value of a xorshift64* sequence whose state is *STATE (non-zero). */
uint64_t ktest_random(uint64_t *state);

/* A uniformly spread value in [LO, HI] from the sequence *STATE. */
uint64_t ktest_random_range(uint64_t *state, uint64_t lo, uint64_t hi);

/* An ordered record of small integers, appended with interrupts off so
   threads and preemption cannot tear it. */
#define KTEST_LOG_MAX 256
struct ktest_log {
  int count;
  int items[KTEST_LOG_MAX];
};

void ktest_log_init(struct ktest_log *);
/* Appends V; fails the test when the log is full. */
void ktest_log_add(struct ktest_log *, int v);
/* Prints `(NAME) LABEL v0 v1 ...' for items [FIRST, FIRST + CNT). */
void ktest_log_print(const struct ktest_log *, const char *label, int first,
                     int cnt);

/* The tests, one per file. */
void ktest_alarm_single(void);
void ktest_alarm_multiple(void);
void ktest_alarm_simultaneous(void);
void ktest_alarm_priority(void);
void ktest_alarm_zero(void);
void ktest_alarm_negative(void);
void ktest_alarm_no_busy_wait(void);
void ktest_priority_change(void);
void ktest_priority_fifo(void);
void ktest_priority_preempt(void);
void ktest_priority_roundrobin(void);
void ktest_priority_sema(void);
void ktest_priority_condvar(void);
void ktest_priority_donate_one(void);
void ktest_priority_donate_multiple(void);
void ktest_priority_donate_multiple2(void);
void ktest_priority_donate_nest(void);
void ktest_priority_donate_chain(void);
void ktest_priority_donate_sema(void);
void ktest_priority_donate_lower(void);
void ktest_priority_donate_ready(void);
void ktest_priority_sema_up_yield(void);
void ktest_palloc_stress(void);
void ktest_malloc_stress(void);
void ktest_thread_many(void);
void ktest_panic_deliberate(void);
void ktest_spinlock_count(void);
void ktest_spinlock_order(void);
void ktest_stack_overflow(void);
void ktest_mlfqs_recent(void);
void ktest_mlfqs_load(void);
void ktest_mlfqs_nice(void);
void ktest_mlfqs_fixed_priority(void);

#endif
