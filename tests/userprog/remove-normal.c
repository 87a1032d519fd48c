/* SPDX-License-Identifier: MIT */

/* remove deletes the name: open then fails, a second remove fails, and
   the name can be created afresh. */

#include "tests/lib.h"

/* Creates, removes and re-creates a name. */
void
test_main(int argc, char *argv[])
{
  create("doomed", 5);
  msg("remove = %d", remove("doomed"));
  msg("open after remove = %d", open("doomed"));
  msg("second remove = %d", remove("doomed"));
  msg("remove of a missing file = %d", remove("never-existed"));
  msg("create again = %d", create("doomed", 9));
  msg("new filesize = %d", filesize(open_checked("doomed")));
}
