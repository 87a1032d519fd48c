/* SPDX-License-Identifier: MIT */

/* panic-deliberate: the panic path itself.  The test prints a line, then
   calls through two functions of its own into PANIC.  The runner expects
   a panic whose symbolised backtrace names both functions, which checks
   that the backtrace walks frames correctly and that the tools resolve
   kernel addresses.  The functions are kept out of line, uncloned and not
   tail-called so that both frames really exist. */

#include "tests/kthreads/ktest.h"

int ktest_panic_inner(int depth);
int ktest_panic_outer(int depth);

/* Panics; never returns (the int result keeps callers from tail-calling
   it). */
__attribute__((noipa)) int
ktest_panic_inner(int depth)
{
  PANIC("deliberate panic for the backtrace test (depth %d)", depth);
}

/* Calls ktest_panic_inner; the addition after the call keeps this frame
   on the stack. */
__attribute__((noipa)) int
ktest_panic_outer(int depth)
{
  return ktest_panic_inner(depth + 1) + 1;
}

/* Entry point of panic-deliberate (see the note at the top). */
void
ktest_panic_deliberate(void)
{
  ktest_msg("about to panic on purpose");
  ktest_panic_outer(1);
  ktest_msg("the panic call came back");
}
