/* SPDX-License-Identifier: MIT */
#ifndef FILESYS_LAYOUT_H
#define FILESYS_LAYOUT_H

/* Pagoda's on-disk format (docs/filesys.md draws it).  Everything is
   little-endian and one 512-byte sector is the unit of allocation:

     sector 0                  superblock
     1 .. F                    free map, one bit per sector (1 = used)
     F + 1                     inode of the root directory
     F + 2 .. total - 1        data: file inodes, extent tables, file data,
                               root-directory blocks

   A file is an inode sector plus a list of extents (runs of sectors).  The
   first FS_INLINE_EXTENTS extents live in the inode itself; more go into
   up to FS_TABLE_SECTORS extent-table sectors that the inode lists.  The
   root directory is an ordinary extent-mapped inode whose data is an array
   of 32-byte entries; it grows a few sectors at a time.

   The helpers here validate one structure each, never trusting a single
   field: the mount check, fsck and every later read use them. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "devices/block.h"
#include "filesys/filesys.h"

#define FS_MAGIC "PagodaFS" /* 8 bytes, no NUL on disk. */
#define FS_VERSION 1
#define FS_MIN_SECTORS 16         /* Smallest disk we format. */
#define FS_MAX_SECTORS (1u << 22) /* 2 GiB: off_t and memory bound it. */
#define FS_BITS_PER_SECTOR (BLOCK_SECTOR_SIZE * 8)

#define FS_INODE_MAGIC 0x444f4e49u /* "INOD" */
#define FS_TABLE_MAGIC 0x42545845u /* "EXTB" */
#define FS_TYPE_FILE 1
#define FS_TYPE_DIR 2

#define FS_INLINE_EXTENTS 48
#define FS_TABLE_SECTORS 24
#define FS_TABLE_EXTENTS 63
#define FS_MAX_EXTENTS (FS_INLINE_EXTENTS + FS_TABLE_SECTORS * FS_TABLE_EXTENTS)

#define FS_DIRENT_SIZE 32
#define FS_DIRENTS_PER_SECTOR (BLOCK_SECTOR_SIZE / FS_DIRENT_SIZE)

/* Sector 0. */
struct fs_superblock {
  char magic[8];            /* FS_MAGIC. */
  uint32_t version;         /* FS_VERSION. */
  uint32_t sector_size;     /* BLOCK_SECTOR_SIZE. */
  uint32_t total_sectors;   /* Size of the file system. */
  uint32_t freemap_start;   /* Always 1. */
  uint32_t freemap_sectors; /* DIV_ROUND_UP(total, FS_BITS_PER_SECTOR). */
  uint32_t root_sector;     /* freemap_start + freemap_sectors. */
  uint32_t data_start;      /* root_sector + 1. */
  uint8_t unused[BLOCK_SECTOR_SIZE - 36];
};

/* A run of COUNT sectors from START. */
struct fs_extent {
  uint32_t start;
  uint32_t count;
};

/* An inode: exactly one sector. */
struct fs_inode {
  uint32_t magic;      /* FS_INODE_MAGIC. */
  uint32_t type;       /* FS_TYPE_FILE or FS_TYPE_DIR. */
  int32_t length;      /* Size in bytes. */
  int32_t init_length; /* Bytes [init_length, length) read as zeros. */
  uint32_t extent_cnt; /* Extents in use, at most FS_MAX_EXTENTS. */
  uint32_t table_cnt;  /* Extent-table sectors in use. */
  uint32_t self;       /* This inode's own sector number. */
  uint32_t unused;
  struct fs_extent ext[FS_INLINE_EXTENTS];
  uint32_t table[FS_TABLE_SECTORS];
};

/* Extents FS_INLINE_EXTENTS + i * FS_TABLE_EXTENTS onward. */
struct fs_extent_table {
  uint32_t magic; /* FS_TABLE_MAGIC. */
  uint32_t owner; /* Sector of the inode that lists this table. */
  struct fs_extent ext[FS_TABLE_EXTENTS];
};

/* A directory entry; INODE == 0 marks a free slot. */
struct fs_dirent {
  uint32_t inode;
  char name[NAME_MAX + 2]; /* NUL-terminated, rest zero. */
  uint32_t unused[3];
};

/* The geometry of the mounted file system (copied from the superblock). */
struct fs_geometry {
  uint32_t total;
  uint32_t freemap_start;
  uint32_t freemap_sectors;
  uint32_t root;
  uint32_t data_start;
};

void layout_geometry(uint32_t total, struct fs_geometry *);
void layout_superblock(const struct fs_geometry *, struct fs_superblock *);
bool layout_check_super(const struct fs_superblock *, uint32_t device_size,
                        struct fs_geometry *, char *why, size_t why_size);
bool layout_check_inode(const struct fs_inode *, block_sector_t sector,
                        uint32_t type, const struct fs_geometry *, char *why,
                        size_t why_size);
bool layout_check_extent(const struct fs_extent *, const struct fs_geometry *);
bool layout_check_table(const struct fs_extent_table *, block_sector_t owner,
                        uint32_t cnt, const struct fs_geometry *);
uint32_t layout_tables_needed(uint32_t extent_cnt);
bool layout_name_ok(const char *name);
int layout_dirent_name(const struct fs_dirent *, char name[NAME_MAX + 1]);

#endif
