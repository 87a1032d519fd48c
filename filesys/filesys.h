/* SPDX-License-Identifier: MIT */
#ifndef FILESYS_FILESYS_H
#define FILESYS_FILESYS_H

/* The file system: one flat root directory on the file-system disk, in
   Pagoda's own format (docs/filesys.md).  Semantics: pintos-abi.md
   section 6.  Every function takes the file-system lock itself and may
   sleep; callers pass kernel buffers only (never user memory). */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "filesys/off_t.h"

/* Longest file name, excluding the NUL. */
#define NAME_MAX 14

struct block;
struct file;

/* The disk the mounted file system lives on, or NULL. */
extern struct block *fs_device;

bool filesys_init(bool format);
/* True while a file system is mounted (false after a refused mount). */
bool filesys_mounted(void);
void filesys_done(void);
bool filesys_create(const char *name, off_t initial_size);
struct file *filesys_open(const char *name);
bool filesys_remove(const char *name);
int filesys_listdir(unsigned index, char name[NAME_MAX + 1], off_t *size);

/* Pagoda extras for the host tool and tests. */
bool filesys_format(struct block *, char *why, size_t why_size);
bool filesys_mount(struct block *, char *why, size_t why_size);
bool filesys_fsck(char *why, size_t why_size);
uint32_t filesys_free_sectors(void);

#endif
