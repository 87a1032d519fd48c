/* SPDX-License-Identifier: MIT */
#ifndef FILESYS_FSCK_H
#define FILESYS_FSCK_H

/* Whole-file-system consistency check, run at every mount and by
   `pagoda-disk fsck'.  Internal to filesys/; the caller holds the
   file-system lock and has loaded the superblock and the free map. */

#include <stdbool.h>
#include <stddef.h>

/* Strict mode also refuses sectors that are marked used but owned by
   nothing (leaks); the mount tolerates them. */
bool fsck_run(bool strict, char *why, size_t why_size);

#endif
