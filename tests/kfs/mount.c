/* SPDX-License-Identifier: MIT */
/* kfs-mount-state: boot on a prepared file-system image (manifest key
 * fs-image) and report whether the kernel mounted it.  A damaged image
 * must be refused at boot with a one-line reason and no panic; the kernel
 * then runs without a file system, and every file-system call fails
 * cleanly instead of touching the disk. */

#include <stdio.h>

#include "filesys/file.h"
#include "filesys/filesys.h"
#include "tests/kfs/kfs-tests.h"

void
kfs_mount_state(void)
{
  bool mounted = filesys_mounted();
  ktest_msg("file system mounted: %s", mounted ? "yes" : "no");
  if (mounted)
    return;
  char name[NAME_MAX + 1];
  off_t size;
  struct file *f = filesys_open("anything");
  ktest_msg("open fails: %s", f == NULL ? "yes" : "no");
  if (f != NULL)
    file_close(f);
  ktest_msg("create fails: %s", !filesys_create("newfile", 10) ? "yes" : "no");
  ktest_msg("remove fails: %s", !filesys_remove("anything") ? "yes" : "no");
  ktest_msg("listdir is empty: %s",
            filesys_listdir(0, name, &size) <= 0 ? "yes" : "no");
}
