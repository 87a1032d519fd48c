/* SPDX-License-Identifier: MIT */

/* A mapping survives remove of its file: the name is gone at once, the
   mapping still reads and writes the data, and munmap writes back to the
   (nameless) file, as a second fd kept open shows. */

#include <string.h>
#include "tests/vm/vm-lib.h"

#define ADDR ((char *)0x10000000)

/* Maps, closes, removes, uses, unmaps, checks through the kept fd. */
void
test_main(int argc, char *argv[])
{
  static char back[8192];
  int fd = create_open("file", 8192), kept;

  pattern_write(fd, 8192, 60);
  kept = open_checked("file");
  if (mmap(ADDR, 8192, 1, fd, 0) != ADDR)
    fail("mmap failed");
  close(fd);
  msg("remove: %s", yes_no(remove("file")));
  msg("name gone: %s", yes_no(open("file") == -1));
  msg("mapping reads the data: %s",
      yes_no(pattern_check(ADDR, 8192, 60) == 8192));
  memcpy(ADDR + 4000, "still here", 10);
  munmap(ADDR);
  read(kept, back, 8192);
  msg("kept fd sees the store: %s",
      yes_no(!memcmp(back + 4000, "still here", 10)));
  msg("a new file may take the name: %s", yes_no(create("file", 10)));
}
