/* SPDX-License-Identifier: MIT */
#ifndef THREADS_INIT_H
#define THREADS_INIT_H

#include <stdbool.h>
#include <stddef.h>

/* -ul=N: cap on user pool pages (SIZE_MAX when not given). */
extern size_t user_page_limit;
/* -q: power off when the actions are done. */
extern bool power_off_when_done;
/* -threads-tests: `run NAME' runs the linked-in Pintos in-kernel test NAME
   (run_test, threads/actions.h) instead of a program. */
extern bool thread_tests;

/* Orderly shutdown: statistics and leak report to the log, `Timer: N
   ticks' and `Powering off...' on the console, then off. */
void shutdown_power_off(void) __attribute__((noreturn));

#endif
