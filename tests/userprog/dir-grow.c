/* SPDX-License-Identifier: MIT */

/* A root directory that grew past its first 64 entries is no leak
   (issue 8, item 10): 100 files are created (the directory is extended
   on the way) and checked, then all removed.  The kernel's leak check at
   power-off must still find `mem: halt' equal to `mem: boot', which needs
   the unmount to free the directory's grown extent table before the
   figures are taken. */

#include <stdio.h>
#include "tests/lib.h"

#define FILES 100

/* The name of file I. */
static void
name_of(int i, char name[16])
{
  snprintf(name, 16, "grow-%d", i);
}

/* Creates, checks and removes FILES files. */
void
test_main(int argc, char *argv[])
{
  char name[16];
  int i, created = 0, opened = 0, removed = 0, gone = 0;

  for (i = 0; i < FILES; i++) {
    name_of(i, name);
    created += create(name, i);
  }
  for (i = 0; i < FILES; i++) {
    int fd;

    name_of(i, name);
    fd = open(name);
    opened += fd >= 0 && filesize(fd) == i;
    close(fd);
  }
  for (i = 0; i < FILES; i++) {
    name_of(i, name);
    removed += remove(name);
  }
  for (i = 0; i < FILES; i++) {
    name_of(i, name);
    gone += open(name) < 0;
  }
  msg("created %d, opened %d, removed %d, gone %d", created, opened, removed,
      gone);
}
