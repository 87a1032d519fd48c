/* SPDX-License-Identifier: MIT */
/* libFuzzer target over the checked mount (`make fuzz-fs').

   The input is a disk image.  If the mount accepts it, everything a user
   could then do is exercised too: list, open and read every file, run the
   strict fsck, create, write and remove a file.  Any crash, sanitizer
   report, panic or leak is a finding; refusals are the expected outcome
   for almost every input. */

#include "filesys/host/host.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
exercise(void)
{
  static char buf[4096];
  char name[NAME_MAX + 1], why[128];
  fs_off_t len;

  for (unsigned i = 0; filesys_listdir(i, name, &len) == 1; i++) {
    struct file *f = filesys_open(name);
    while (f != NULL && file_read(f, buf, sizeof buf) > 0)
      continue;
    file_close(f);
  }
  filesys_fsck(why, sizeof why);
  if (filesys_create("fuzz-new", 3000)) {
    struct file *f = filesys_open("fuzz-new");
    file_write_at(f, buf, sizeof buf, 100);
    filesys_remove("fuzz-new");
    file_close(f);
  }
}

/* Mounts DATA as a disk image; never fails. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char why[128];
  struct block *dev = block_mem_open(data, size, BLOCK_FILESYS);

  if (dev == NULL)
    return 0;
  if (filesys_mount(dev, why, sizeof why)) {
    exercise();
    filesys_done();
  }
  block_host_close(dev);
  return 0;
}
