/* SPDX-License-Identifier: MIT */
/* Open-file objects.

   A `struct file' is an inode reference plus a byte position and a flag
   saying whether this object denies writes to its inode (the loader does
   that for a running executable, pintos-abi.md section 2.5).  Deny counts
   live in the inode, one per denying object, and closing an object drops
   its count.  Fields are guarded by the file-system lock, which every
   function takes, so one object may be shared by threads. */

#include "filesys/file.h"
#include "filesys/fs-state.h"
#include "filesys/inode.h"
#include "threads/malloc.h"

struct file {
  struct inode *inode; /* The file's inode (one open of it). */
  off_t pos;           /* Current position. */
  bool deny_write;     /* Has this object called inode_deny_write? */
};

/* Opens a file object for INODE, taking over the caller's open of it.
   Returns NULL if INODE is NULL or memory is short (INODE is closed
   then). */
struct file *
file_open(struct inode *inode)
{
  struct file *file = calloc(1, sizeof *file);

  if (inode != NULL && file != NULL) {
    file->inode = inode;
    return file;
  }
  inode_close(inode);
  free(file);
  return NULL;
}

/* A new object for FILE's inode at position 0, or NULL. */
struct file *
file_reopen(struct file *file)
{
  return file_open(inode_reopen(file->inode));
}

/* A new object for FILE's inode with the same position and write denial
   (for fork), or NULL if memory is short. */
struct file *
file_duplicate(struct file *file)
{
  bool held = fs_lock_enter();
  struct file *copy = file_open(inode_reopen(file->inode));

  if (copy != NULL) {
    copy->pos = file->pos;
    if (file->deny_write) {
      copy->deny_write = true;
      inode_deny_write(copy->inode);
    }
  }
  fs_lock_exit(held);
  return copy;
}

/* Closes FILE (NULL is ignored), re-allowing writes if it denied them. */
void
file_close(struct file *file)
{
  if (file == NULL)
    return;
  bool held = fs_lock_enter();
  if (file->deny_write)
    inode_allow_write(file->inode);
  fs_lock_exit(held);
  inode_close(file->inode); /* Without the lock: see inode_close. */
  free(file);
}

/* The inode FILE refers to. */
struct inode *
file_get_inode(struct file *file)
{
  return file->inode;
}

/* Reads up to SIZE bytes at the position into BUFFER and advances the
   position; returns the count, short only at end of file. */
off_t
file_read(struct file *file, void *buffer, off_t size)
{
  /* The transfer runs without the lock (the page cache ranks below
     it); one object is used by one thread at a time (a process's fds). */
  bool held = fs_lock_enter();
  off_t pos = file->pos;
  fs_lock_exit(held);
  off_t n = inode_read_at(file->inode, buffer, size, pos);
  held = fs_lock_enter();
  file->pos = pos + n;
  fs_lock_exit(held);
  return n;
}

/* Reads up to SIZE bytes at OFFSET; the position is unchanged. */
off_t
file_read_at(struct file *file, void *buffer, off_t size, off_t offset)
{
  return inode_read_at(file->inode, buffer, size, offset);
}

/* Writes up to SIZE bytes at the position and advances it; returns the
   count: short at end of file (files never grow), 0 if writes are denied. */
off_t
file_write(struct file *file, const void *buffer, off_t size)
{
  /* The transfer runs without the lock (the page cache ranks below
     it); one object is used by one thread at a time (a process's fds). */
  bool held = fs_lock_enter();
  off_t pos = file->pos;
  fs_lock_exit(held);
  off_t n = inode_write_at(file->inode, buffer, size, pos);
  held = fs_lock_enter();
  file->pos = pos + n;
  fs_lock_exit(held);
  return n;
}

/* Writes up to SIZE bytes at OFFSET; the position is unchanged. */
off_t
file_write_at(struct file *file, const void *buffer, off_t size, off_t offset)
{
  return inode_write_at(file->inode, buffer, size, offset);
}

/* Denies writes to FILE's inode until file_allow_write or file_close.
   Calling it twice on one object counts once. */
void
file_deny_write(struct file *file)
{
  bool held = fs_lock_enter();

  if (!file->deny_write) {
    file->deny_write = true;
    inode_deny_write(file->inode);
  }
  fs_lock_exit(held);
}

/* Are writes to FILE's inode denied (by any opener) right now? */
bool
file_write_denied(const struct file *file)
{
  return inode_write_denied(file->inode);
}

/* Drops FILE's write denial, if it holds one. */
void
file_allow_write(struct file *file)
{
  bool held = fs_lock_enter();

  if (file->deny_write) {
    file->deny_write = false;
    inode_allow_write(file->inode);
  }
  fs_lock_exit(held);
}

/* Sets the position; any value is allowed (past the end reads 0 bytes). */
void
file_seek(struct file *file, off_t position)
{
  bool held = fs_lock_enter();

  file->pos = position;
  fs_lock_exit(held);
}

/* The current position. */
off_t
file_tell(struct file *file)
{
  bool held = fs_lock_enter();
  off_t pos = file->pos;

  fs_lock_exit(held);
  return pos;
}

/* The size of FILE in bytes. */
off_t
file_length(struct file *file)
{
  return inode_length(file->inode);
}
