/* SPDX-License-Identifier: MIT */
#ifndef FILESYS_DIRECTORY_H
#define FILESYS_DIRECTORY_H

/* The flat root directory: an array of struct fs_dirent in a directory
   inode that grows as files are added.  Internal to filesys/; callers
   hold the file-system lock. */

#include <stdbool.h>
#include "devices/block.h"
#include "filesys/layout.h"

struct inode;

bool dir_lookup(struct inode *dir, const char *name, block_sector_t *sector);
bool dir_add(struct inode *dir, const char *name, block_sector_t sector);
bool dir_remove(struct inode *dir, const char *name, block_sector_t *sector);
int dir_entry_at(struct inode *dir, unsigned index, char name[NAME_MAX + 1],
                 block_sector_t *sector);

#endif
