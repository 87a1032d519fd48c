/* SPDX-License-Identifier: MIT */
/* bclock -- prints the time-stamp counter at once.  Under icount the
   counter starts at zero when the machine does, so this is the number of
   guest instructions (firmware, boot, loading this program) before the
   first user instruction. */

#include "bench/progs/bench.h"

/* Reports the counter as one operation. */
int
main(void)
{
  bench_report("first-user-instruction", 1, bench_clock());
  return 0;
}
