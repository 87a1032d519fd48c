/* SPDX-License-Identifier: MIT */
#ifndef USERPROG_FD_H
#define USERPROG_FD_H

/* File-descriptor tables (pintos-abi.md 2.3).

   A table maps fd numbers to open-file objects; several fds may share one
   object (dup2), which then shares the file position.  Objects are
   reference counted by the fds that name them.  The table grows on demand
   up to FD_LIMIT entries.  Owner thread only: no locking. */

#include <stdbool.h>
#include <stddef.h>

#define FD_LIMIT 8192 /* Highest fd number + 1 (dup2 may use up to it). */

enum fd_kind { FD_CONSOLE_IN, FD_CONSOLE_OUT, FD_FILE };

struct fd_object {
  enum fd_kind kind;
  struct file *file;      /* FD_FILE only; owned. */
  int refs;               /* fds naming this object. */
  struct fd_object *copy; /* During fd_table_copy: the child's copy. */
};

struct fd_table {
  struct fd_object **slots; /* slots[fd], NULL if free. */
  int cap;                  /* Length of slots. */
};

/* fd 0 = console input, fd 1 = console output.  False if out of memory. */
bool fd_table_init(struct fd_table *);
/* DST gets a new object for each of SRC's, on the same file at the same
   position, aliasing preserved.  False if out of memory (DST is then
   empty and destroyed). */
bool fd_table_copy(struct fd_table *dst, const struct fd_table *src);
void fd_table_destroy(struct fd_table *);

/* The object of FD, or NULL if FD is not open (any int is accepted). */
struct fd_object *fd_get(struct fd_table *, int fd);
/* Install a new file object at the lowest free fd; -1 if none/no memory
   (the file is then not consumed). */
int fd_open_file(struct fd_table *, struct file *);
/* Close FD; false if it was not open. */
bool fd_close(struct fd_table *, int fd);
/* Make NEWFD name OLDFD's object; -1 on a bad OLDFD or NEWFD. */
int fd_dup2(struct fd_table *, int oldfd, int newfd);

#endif
