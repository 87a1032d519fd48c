/* SPDX-License-Identifier: MIT */

/* Without the debug knob no clean page is ever written
   (tests/vm/clean-written.h). */

#include "tests/vm/clean-written.h"

void
test_main(int argc, char *argv[])
{
  clean_written_run();
}
