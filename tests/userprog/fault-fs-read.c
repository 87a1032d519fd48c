/* SPDX-License-Identifier: MIT */

/* A failing file-system disk (manifest key fs-fault: every read of the
   first sector of fault.txt fails): read returns -1 and the kernel stays
   up; other sectors of the same file and other files still read; a page
   fault on a mapping of the bad sector kills only the faulting process;
   later processes run normally. */

#include <string.h>
#include "tests/lib.h"

static char buf[1024];

/* Reads the bad and the good parts, then runs more processes. */
void
test_main(int argc, char *argv[])
{
  int fd = open_checked("fault.txt"), other;
  pid_t pid;

  msg("read of the bad sector: %d", read(fd, buf, 1024));
  msg("again: %d", read(fd, buf, 100));
  seek(fd, 1024);
  msg("read of a good sector: %d", read(fd, buf, 512));
  buf[511] = '\0';
  msg("its next line: %.30s", strchr(buf, '\n') + 1);
  msg("child touching the bad sector through mmap: %d",
      mapped_byte_in_child(fd, 0));
  other = create_open("other", 600);
  memset(buf, 'o', 600);
  msg("another file: write %d", write(other, buf, 600));
  seek(other, 0);
  memset(buf, 0, 600);
  msg("another file: read %d, %.5s", read(other, buf, 600), buf + 595);
  pid = fork("later");
  if (pid == 0)
    exit(42);
  msg("a later process: %d", wait(pid));
}
