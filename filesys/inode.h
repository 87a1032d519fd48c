/* SPDX-License-Identifier: MIT */
#ifndef FILESYS_INODE_H
#define FILESYS_INODE_H

/* Inodes: one sector of metadata plus the extents of a file's data.  There
   is at most one in-memory `struct inode' per inode sector, shared by all
   opens.  Every function takes the file-system lock itself (it is
   re-entrant for the file-system code), so any kernel thread may call
   them; buffers must be kernel memory. */

#include <stdbool.h>
#include <stddef.h>
#include "devices/block.h"
#include "filesys/layout.h"
#include "filesys/off_t.h"

struct inode;

bool inode_create(block_sector_t *sector, off_t length);
struct inode *inode_open(block_sector_t sector);
struct inode *inode_reopen(struct inode *);
block_sector_t inode_get_inumber(const struct inode *);
void inode_close(struct inode *);
void inode_remove(struct inode *);
off_t inode_read_at(struct inode *, void *buffer, off_t size, off_t offset);
off_t inode_write_at(struct inode *, const void *buffer, off_t size,
                     off_t offset);
void inode_deny_write(struct inode *);
bool inode_write_denied(const struct inode *);
void inode_allow_write(struct inode *);
off_t inode_length(const struct inode *);

/* Internal to filesys/: the root directory, fsck and unmount. */
bool inode_create_dir(block_sector_t sector);
struct inode *inode_open_dir(block_sector_t sector);
bool inode_extend(struct inode *, uint32_t sectors);
bool inode_load(block_sector_t sector, uint32_t type, struct fs_inode *disk,
                struct fs_extent **ext, block_sector_t *tables, char *why,
                size_t why_size);
typedef void inode_claim_func(block_sector_t inode_sector,
                              const struct fs_extent *, uint32_t ext_cnt,
                              const block_sector_t *tables, uint32_t table_cnt,
                              void *aux);
void inode_for_each_removed(inode_claim_func *, void *aux);
void inode_unmount(void);

#endif
