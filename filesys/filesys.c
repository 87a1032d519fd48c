/* SPDX-License-Identifier: MIT */
/* File-system entry points: format, checked mount, unmount, and the
   name operations on the root directory.

   Mounting trusts nothing on the disk.  It validates the superblock,
   loads and checks the free map, then runs the full consistency check
   (fsck.c) before anything can be opened; a foreign, truncated or
   corrupt disk is refused with one line `filesys: DISK: REASON' and
   filesys_init returns false.  After the mount every structure is
   validated again when it is read (layout.c, directory.c), so damage that
   appears later is an I/O error, never a panic.

   Concurrency: one global lock (fs-state.h), taken by every public
   function of filesys/, re-entrantly.  The root directory stays open
   from mount to unmount. */

#include "filesys/filesys.h"
#include <debug.h>
#include <stdio.h>
#include <string.h>
#include "devices/block.h"
#include "filesys/cache.h"
#include "filesys/directory.h"
#include "filesys/file.h"
#include "filesys/free-map.h"
#include "filesys/fs-state.h"
#include "filesys/fsck.h"
#include "filesys/inode.h"
#include "filesys/layout.h"
#include "threads/synch.h"

struct block *fs_device;
struct fs_geometry fs_geo;

static struct lock fs_lock;
static bool fs_lock_ready;
static struct inode *root_dir; /* Open while mounted. */

bool
filesys_mounted(void)
{
  return fs_device != NULL;
}

/* Acquires the file-system lock unless this thread holds it already;
   returns whether it did (pass that to fs_lock_exit). */
bool
fs_lock_enter(void)
{
  if (!fs_lock_ready) {
    lock_init_ranked(&fs_lock, LOCK_RANK_FS);
    fs_lock_ready = true;
  }
  if (lock_held_by_current_thread(&fs_lock))
    return false;
  lock_acquire(&fs_lock);
  return true;
}

/* Releases the lock if fs_lock_enter acquired it (ACQUIRED). */
void
fs_lock_exit(bool acquired)
{
  if (acquired)
    lock_release(&fs_lock);
}

static bool
why_fail(char *why, size_t why_size, const char *what)
{
  snprintf(why, why_size, "%s", what);
  return false;
}

/* Writes the free map, the empty root directory and, last, the
   superblock for a file system filling the cache's device. */
static bool
format_device(uint32_t total, char *why, size_t why_size)
{
  struct fs_superblock sb;
  struct fs_geometry geo;

  if (total < FS_MIN_SECTORS)
    return why_fail(why, why_size, "disk too small to format");
  if (total > FS_MAX_SECTORS)
    total = FS_MAX_SECTORS;
  layout_geometry(total, &geo);
  cache_set_limit(total);
  bool ok = free_map_create(&geo) && inode_create_dir(geo.root);
  free_map_done();
  layout_superblock(&geo, &sb);
  if (!ok || !cache_write(0, &sb, 0, sizeof sb, CACHE_KEEP))
    return why_fail(why, why_size, "write error while formatting");
  return true;
}

/* Creates an empty file system on the whole of DEV (at most 2 GiB).
   Nothing may be mounted.  Returns false with a reason in WHY on a
   device error or a disk that is too small. */
bool
filesys_format(struct block *dev, char *why, size_t why_size)
{
  bool held = fs_lock_enter();
  bool ok = false;

  if (fs_device != NULL)
    why_fail(why, why_size, "a file system is mounted");
  else if (!cache_init(dev, block_size(dev)))
    why_fail(why, why_size, "out of memory");
  else {
    ok = format_device(block_size(dev), why, why_size);
    cache_done();
  }
  fs_lock_exit(held);
  return ok;
}

/* Reads and validates the superblock, the free map and everything else;
   opens the root directory. */
static bool
mount_device(struct block *dev, char *why, size_t why_size)
{
  struct fs_superblock sb;
  struct fs_geometry geo;

  if (block_size(dev) == 0 || !cache_read(0, &sb, 0, sizeof sb, CACHE_KEEP))
    return why_fail(why, why_size, "cannot read the superblock");
  if (!layout_check_super(&sb, block_size(dev), &geo, why, why_size))
    return false;
  cache_set_limit(geo.total);
  fs_geo = geo;
  if (!free_map_load(&geo, why, why_size) || !fsck_run(false, why, why_size))
    return false;
  root_dir = inode_open_dir(geo.root);
  if (root_dir == NULL)
    return why_fail(why, why_size, "cannot open the root directory");
  return true;
}

/* Mounts the file system on DEV after checking all of it.  Returns false
   with a one-line reason in WHY if the disk is not a valid Pagoda file
   system or cannot be read. */
bool
filesys_mount(struct block *dev, char *why, size_t why_size)
{
  bool held = fs_lock_enter();
  bool ok = false;

  if (fs_device != NULL)
    why_fail(why, why_size, "a file system is mounted already");
  else if (!cache_init(dev, block_size(dev)))
    why_fail(why, why_size, "out of memory");
  else if (!(ok = mount_device(dev, why, why_size))) {
    free_map_done();
    cache_done();
    memset(&fs_geo, 0, sizeof fs_geo);
  } else {
    fs_device = dev;
  }
  fs_lock_exit(held);
  return ok;
}

/* Initialises the file system on the file-system disk, formatting it
   first if FORMAT.  Returns false, after printing the reason on the
   console, if there is no such disk or its contents are refused.  Called
   once at boot. */
bool
filesys_init(bool format)
{
  struct block *dev = block_get_role(BLOCK_FILESYS);
  char why[128];

  if (dev == NULL) {
    printf("filesys: no file-system disk\n");
    return false;
  }
  if (format) {
    printf("Formatting file system...");
    if (!filesys_format(dev, why, sizeof why)) {
      printf("\nfilesys: %s: %s\n", block_name(dev), why);
      return false;
    }
    printf("done.\n");
  }
  if (!filesys_mount(dev, why, sizeof why)) {
    printf("filesys: %s: %s\n", block_name(dev), why);
    return false;
  }
  return true;
}

/* Unmounts: writes back the page cache's dirty pages and open inodes and
   frees the sectors of removed ones still open (their later use reads
   nothing).  The sector cache is write-through: nothing else needs
   flushing.  Call at shutdown, without the file-system lock. */
void
filesys_done(void)
{
  if (fs_device != NULL)
    inode_drop_caches();
  bool held = fs_lock_enter();

  if (fs_device != NULL) {
    inode_close(root_dir);
    root_dir = NULL;
    inode_unmount();
    free_map_done();
    cache_done();
    memset(&fs_geo, 0, sizeof fs_geo);
    fs_device = NULL;
  }
  fs_lock_exit(held);
}

/* Creates file NAME of INITIAL_SIZE zero bytes.  Returns false if NAME
   is invalid (empty, over NAME_MAX bytes, contains '/') or exists, the
   size is negative, the disk or directory cannot hold it, or on a device
   error; nothing is left allocated then. */
bool
filesys_create(const char *name, off_t initial_size)
{
  bool held = fs_lock_enter();
  block_sector_t sector;
  bool ok = fs_device != NULL && layout_name_ok(name) && initial_size >= 0 &&
            !dir_lookup(root_dir, name, &sector) &&
            inode_create(&sector, initial_size);

  if (ok && !dir_add(root_dir, name, sector)) {
    struct inode *inode = inode_open(sector);
    if (inode != NULL) {
      inode_remove(inode);
      inode_close(inode);
    }
    ok = false;
  }
  fs_lock_exit(held);
  return ok;
}

/* Opens file NAME at position 0.  Returns NULL if there is no such file
   (or it is damaged) or memory is short.  The caller closes the file. */
struct file *
filesys_open(const char *name)
{
  bool held = fs_lock_enter();
  block_sector_t sector;
  struct file *file = NULL;

  if (fs_device != NULL && dir_lookup(root_dir, name, &sector))
    file = file_open(inode_open(sector));
  fs_lock_exit(held);
  return file;
}

/* Deletes NAME at once.  Open files keep working; the sectors are freed
   at their last close.  Returns false, changing nothing, if there is no
   such file, memory is short or on a device error.  The inode is opened
   before the name goes, so a shortage cannot leave sectors that no name
   and no inode owns. */
bool
filesys_remove(const char *name)
{
  bool held = fs_lock_enter();
  block_sector_t sector, removed;
  struct inode *inode = NULL;
  bool ok = fs_device != NULL && dir_lookup(root_dir, name, &sector) &&
            (inode = inode_open(sector)) != NULL &&
            dir_remove(root_dir, name, &removed);

  if (ok)
    inode_remove(inode);
  inode_close(inode);
  fs_lock_exit(held);
  return ok;
}

/* Stores the name and size of the INDEX-th file (from 0, in directory
   order) and returns 1; returns 0 past the last file and -1 on an I/O
   error or a damaged entry. */
int
filesys_listdir(unsigned index, char name[NAME_MAX + 1], off_t *size)
{
  bool held = fs_lock_enter();
  block_sector_t sector;
  int result =
      fs_device != NULL ? dir_entry_at(root_dir, index, name, &sector) : -1;

  if (result == 1) {
    struct inode *inode = inode_open(sector);
    if (inode != NULL)
      *size = inode_length(inode);
    else
      result = -1;
    inode_close(inode);
  }
  fs_lock_exit(held);
  return result;
}

/* Runs the strict consistency check on the mounted file system (leaks
   count as errors).  Returns false with a reason in WHY. */
bool
filesys_fsck(char *why, size_t why_size)
{
  bool held = fs_lock_enter();
  bool ok = fs_device != NULL ? fsck_run(true, why, why_size)
                              : why_fail(why, why_size, "not mounted");

  fs_lock_exit(held);
  return ok;
}

/* Free sectors of the mounted file system (0 if none is mounted). */
uint32_t
filesys_free_sectors(void)
{
  bool held = fs_lock_enter();
  uint32_t n = fs_device != NULL ? free_map_free_count() : 0;

  fs_lock_exit(held);
  return n;
}
