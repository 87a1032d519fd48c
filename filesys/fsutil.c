/* SPDX-License-Identifier: MIT */
/* Kernel actions on the file system: list, print and delete files from
   the command line.  Thin wrappers over filesys.h that report on the
   console; failures print one line and return false. */

#include "filesys/fsutil.h"
#include <stdio.h>
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "threads/malloc.h"

#define CAT_CHUNK 512

/* Prints every file of the root directory with its size. */
void
fsutil_ls(void)
{
  char name[NAME_MAX + 1];
  off_t size;
  unsigned i;
  int r;

  printf("Files in the root directory:\n");
  for (i = 0; (r = filesys_listdir(i, name, &size)) == 1; i++)
    printf("%-14s %8d\n", name, (int)size);
  if (r < 0)
    printf("ls: directory damaged or unreadable\n");
  printf("%u file%s.\n", i, i == 1 ? "" : "s");
}

/* Prints the contents of file NAME on the console. */
bool
fsutil_cat(const char *name)
{
  struct file *file = filesys_open(name);
  char *buf = malloc(CAT_CHUNK);
  off_t n = 0;

  if (file == NULL || buf == NULL) {
    printf("cat: %s: cannot open\n", name);
    file_close(file);
    free(buf);
    return false;
  }
  while ((n = file_read(file, buf, CAT_CHUNK)) > 0)
    for (off_t i = 0; i < n; i++)
      putchar(buf[i]);
  file_close(file);
  free(buf);
  return true;
}

/* Deletes file NAME. */
bool
fsutil_rm(const char *name)
{
  if (filesys_remove(name))
    return true;
  printf("rm: %s: no such file\n", name);
  return false;
}
