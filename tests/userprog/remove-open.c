/* SPDX-License-Identifier: MIT */

/* A removed file stays readable and writable through an fd that was open
   before; a new file of the same name is unrelated. */

#include "tests/lib.h"

/* Removes an open file and keeps using it. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("ghost", 3000);
  int fresh;

  pattern_write(fd, 3000, 21);
  msg("remove = %d", remove("ghost"));
  seek(fd, 0);
  msg("old fd still reads the data: %s",
      pattern_read_matches(fd, 3000, 21) ? "yes" : "no");
  seek(fd, 0);
  msg("old fd still writes: %d", write(fd, "new", 3));
  msg("create of the name = %d", create("ghost", 10));
  fresh = open_checked("ghost");
  msg("new file size %d, old fd size %d", filesize(fresh), filesize(fd));
}
