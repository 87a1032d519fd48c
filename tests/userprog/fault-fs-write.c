/* SPDX-License-Identifier: MIT */

/* A failing file-system disk (manifest key fs-fault: every write of the
   first sector of fault.txt fails): write returns -1 and leaves the disk
   as it was; writes elsewhere in the file and in other files work; the
   kernel stays up and later processes run normally. */

#include <string.h>
#include "tests/lib.h"

static char before[512], buf[512];

/* Writes the bad and the good sector and reads both back. */
void
test_main(int argc, char *argv[])
{
  int fd = open_checked("fault.txt");
  pid_t pid;

  REQUIRE(read(fd, before, 512) == 512, "first read failed");
  memset(buf, 'w', sizeof buf);
  seek(fd, 0);
  msg("write of the bad sector: %d", write(fd, buf, 512));
  seek(fd, 0);
  memset(buf, 0, sizeof buf);
  msg("it still holds the old bytes: %s",
      read(fd, buf, 512) == 512 && memcmp(buf, before, 512) == 0 ? "yes"
                                                                 : "no");
  memset(buf, 'g', sizeof buf);
  seek(fd, 1024);
  msg("write of a good sector: %d", write(fd, buf, 512));
  seek(fd, 1024);
  memset(buf, 0, sizeof buf);
  msg("read back: %d, %.4s", read(fd, buf, 512), buf + 500);
  msg("tell: %u", tell(fd));
  pid = fork("later");
  if (pid == 0)
    exit(create("new", 10) && remove("new") ? 43 : 1);
  msg("a later process: %d", wait(pid));
}
