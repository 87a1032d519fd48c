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
#include <stdint.h>
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
/* File data, through the page cache when one is registered (see
   below): callers must not hold the file-system lock then. */
off_t inode_read_at(struct inode *, void *buffer, off_t size, off_t offset);
off_t inode_write_at(struct inode *, const void *buffer, off_t size,
                     off_t offset);

/* A page cache above the inode layer (vm/pagecache.c registers one at
   boot; the hosted build has none).  With hooks registered, data of file
   inodes goes through READ and WRITE; the cache keeps its object in the
   inode (inode_get_cache / inode_set_cache: guarded by the file-system
   lock) and reaches the disk with inode_read_data / inode_write_data.
   At the last close of an inode that has a cache, FLUSH writes back its
   dirty pages (without the file-system lock; repeated while WRITES,
   a count of the cache's writes, moves) and then, the cache taken off
   the inode, DESTROY frees it.  UNMOUNT flushes and frees every cache;
   filesys_done calls it before unmounting.  Directories never use the
   cache: their blocks are metadata, kept by filesys/cache.c. */
struct inode_data_hooks {
  off_t (*read)(struct inode *, void *buffer, off_t size, off_t offset);
  off_t (*write)(struct inode *, const void *buffer, off_t size, off_t offset);
  void (*flush)(struct inode *);
  uint64_t (*writes)(struct inode *);
  void (*destroy)(void *cache);
  void (*unmount)(void);
};
void inode_set_data_hooks(const struct inode_data_hooks *);
void *inode_get_cache(struct inode *);
/* Set INODE's cache to CACHE unless it has one; returns the one it has
   afterwards. */
void *inode_set_cache(struct inode *, void *cache);
/* Take INODE's cache off it (at unmount); returns it, or NULL. */
void *inode_take_cache(struct inode *);
/* The disk side of the page cache: as inode_read_at / inode_write_at
   without the cache, and writes ignore write denial (the data was
   accepted before the file was denied).  Take the file-system lock. */
off_t inode_read_data(struct inode *, void *buffer, off_t size, off_t offset);
off_t inode_write_data(struct inode *, const void *buffer, off_t size,
                       off_t offset);
/* May data be written to INODE now (not denied, not unmounted)? */
bool inode_writable(struct inode *);
/* Has INODE's name been removed (its data dies at the last close)? */
bool inode_is_removed(struct inode *);
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
void inode_drop_caches(void);
void inode_unmount(void);

#endif
