/* SPDX-License-Identifier: MIT */
/* Reports whether the kernel runs the -mlfqs scheduler (Make.tests asks
   for it) and the main thread's nice value. */

#include "tests/threads/tests.h"
#include "threads/thread.h"

void
test_mlfqs_switch(void)
{
  msg("thread_mlfqs is %s", thread_mlfqs ? "on" : "off");
  msg("nice is %d", thread_get_nice());
  pass();
}
