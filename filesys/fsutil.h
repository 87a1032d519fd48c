/* SPDX-License-Identifier: MIT */
#ifndef FILESYS_FSUTIL_H
#define FILESYS_FSUTIL_H

/* Kernel command-line actions on the file system (ls, cat, rm), printing
   to the console. */

#include <stdbool.h>

void fsutil_ls(void);
bool fsutil_cat(const char *name);
bool fsutil_rm(const char *name);

#endif
