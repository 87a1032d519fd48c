/* SPDX-License-Identifier: MIT */

/* With -vm-write-clean, evicting an unmodified page that still has a valid
   swap copy writes it anyway, and clean_pages_written counts it
   (tests/vm/clean-written.h). */

#include "tests/vm/clean-written.h"

void
test_main(int argc, char *argv[])
{
  clean_written_run();
}
