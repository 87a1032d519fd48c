/* SPDX-License-Identifier: MIT */

/* The reserved directory calls do nothing and fail: false (0) for the
   bool calls 16-19, -1 for 20, 21, 23 and 24 (pintos-abi.md 1.2). */

#include "tests/lib.h"

int mount(const char *path, int chan_no, int dev_no);
int umount(const char *path);

/* Calls each reserved wrapper, and each number raw. */
void
test_main(int argc, char *argv[])
{
  char name[READDIR_MAX_LEN + 1];
  int fd = create_open("plain", 4);

  msg("chdir %d, mkdir %d, readdir %d, isdir %d", chdir("plain"),
      mkdir("newdir"), readdir(fd, name), isdir(fd));
  msg("inumber %d, symlink %d, mount %d, umount %d", inumber(fd),
      symlink("plain", "link"), mount("plain", 1, 1), umount("plain"));
  msg("raw 16..19: %ld %ld %ld %ld",
      (long)syscall_raw(SYS_CHDIR, (uintptr_t) "plain", 0, 0, 0, 0, 0),
      (long)syscall_raw(SYS_MKDIR, (uintptr_t) "dir2", 0, 0, 0, 0, 0),
      (long)syscall_raw(SYS_READDIR, fd, (uintptr_t)name, 0, 0, 0, 0),
      (long)syscall_raw(SYS_ISDIR, fd, 0, 0, 0, 0, 0));
  msg("open of \"newdir\" = %d", open("newdir"));
}
