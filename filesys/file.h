/* SPDX-License-Identifier: MIT */
#ifndef FILESYS_FILE_H
#define FILESYS_FILE_H

/* Open files: an inode plus a position.  Each filesys_open makes a new
   one; the fd layer shares one object between dup2 aliases.  Every
   function takes the file-system lock itself; buffers are kernel memory. */

#include <stdbool.h>
#include "filesys/off_t.h"

struct inode;
struct file;

struct file *file_open(struct inode *);
struct file *file_reopen(struct file *);
struct file *file_duplicate(struct file *);
void file_close(struct file *);
struct inode *file_get_inode(struct file *);

off_t file_read(struct file *, void *buffer, off_t size);
off_t file_read_at(struct file *, void *buffer, off_t size, off_t offset);
off_t file_write(struct file *, const void *buffer, off_t size);
off_t file_write_at(struct file *, const void *buffer, off_t size,
                    off_t offset);

void file_deny_write(struct file *);
bool file_write_denied(const struct file *);
void file_allow_write(struct file *);

void file_seek(struct file *, off_t position);
off_t file_tell(struct file *);
off_t file_length(struct file *);

#endif
