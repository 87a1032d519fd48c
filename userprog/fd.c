/* SPDX-License-Identifier: MIT */
/* File-descriptor tables: a growable array of pointers to shared,
 * reference-counted open-file objects.  See userprog/fd.h. */

#include "userprog/fd.h"

#include <string.h>

#include "filesys/file.h"
#include "mm/malloc.h"

static struct fd_object *
object_new(enum fd_kind kind, struct file *file)
{
  struct fd_object *o = malloc(sizeof *o);
  if (o != NULL) {
    o->kind = kind;
    o->file = file;
    o->refs = 0;
    o->copy = NULL;
  }
  return o;
}

static void
object_unref(struct fd_object *o)
{
  if (--o->refs > 0)
    return;
  if (o->kind == FD_FILE)
    file_close(o->file);
  free(o);
}

/* Make room for fd numbers below CAP. */
static bool
grow(struct fd_table *t, int cap)
{
  if (cap <= t->cap)
    return true;
  int n = t->cap > 0 ? t->cap : 16;
  while (n < cap)
    n *= 2;
  if (n > FD_LIMIT)
    n = FD_LIMIT;
  struct fd_object **s = realloc(t->slots, n * sizeof *s);
  if (s == NULL)
    return false;
  memset(s + t->cap, 0, (n - t->cap) * sizeof *s);
  t->slots = s;
  t->cap = n;
  return true;
}

static void
install(struct fd_table *t, int fd, struct fd_object *o)
{
  t->slots[fd] = o;
  o->refs++;
}

bool
fd_table_init(struct fd_table *t)
{
  t->slots = NULL;
  t->cap = 0;
  struct fd_object *in = object_new(FD_CONSOLE_IN, NULL);
  struct fd_object *out = object_new(FD_CONSOLE_OUT, NULL);
  if (in == NULL || out == NULL || !grow(t, 2)) {
    free(in);
    free(out);
    free(t->slots);
    return false;
  }
  install(t, 0, in);
  install(t, 1, out);
  return true;
}

/* The copy of SRC's object at FD for the table being built: made at the
   first fd naming it, then found through its COPY field, so a fork costs
   one pass over the table however the fds alias. */
static struct fd_object *
copy_object(const struct fd_table *src, int fd)
{
  struct fd_object *o = src->slots[fd];
  if (o->copy != NULL)
    return o->copy;
  struct file *f = NULL;
  if (o->kind == FD_FILE && (f = file_duplicate(o->file)) == NULL)
    return NULL;
  struct fd_object *n = object_new(o->kind, f);
  if (n == NULL && f != NULL)
    file_close(f);
  return o->copy = n;
}

bool
fd_table_copy(struct fd_table *dst, const struct fd_table *src)
{
  dst->slots = NULL;
  dst->cap = 0;
  bool ok = grow(dst, src->cap);
  for (int fd = 0; fd < src->cap; fd++)
    if (src->slots[fd] != NULL)
      src->slots[fd]->copy = NULL;
  for (int fd = 0; ok && fd < src->cap; fd++) {
    if (src->slots[fd] == NULL)
      continue;
    struct fd_object *o = copy_object(src, fd);
    if (o != NULL)
      install(dst, fd, o);
    ok = o != NULL;
  }
  if (!ok)
    fd_table_destroy(dst);
  return ok;
}

void
fd_table_destroy(struct fd_table *t)
{
  for (int fd = 0; fd < t->cap; fd++)
    if (t->slots[fd] != NULL)
      object_unref(t->slots[fd]);
  free(t->slots);
  t->slots = NULL;
  t->cap = 0;
}

struct fd_object *
fd_get(struct fd_table *t, int fd)
{
  return fd >= 0 && fd < t->cap ? t->slots[fd] : NULL;
}

int
fd_open_file(struct fd_table *t, struct file *file)
{
  int fd = 0;
  while (fd < t->cap && t->slots[fd] != NULL)
    fd++;
  if (fd >= FD_LIMIT || !grow(t, fd + 1))
    return -1;
  struct fd_object *o = object_new(FD_FILE, file);
  if (o == NULL)
    return -1;
  install(t, fd, o);
  return fd;
}

bool
fd_close(struct fd_table *t, int fd)
{
  struct fd_object *o = fd_get(t, fd);
  if (o == NULL)
    return false;
  t->slots[fd] = NULL;
  object_unref(o);
  return true;
}

int
fd_dup2(struct fd_table *t, int oldfd, int newfd)
{
  struct fd_object *o = fd_get(t, oldfd);
  if (o == NULL || newfd < 0 || newfd >= FD_LIMIT)
    return -1;
  if (oldfd == newfd)
    return newfd;
  if (!grow(t, newfd + 1))
    return -1;
  o->refs++; /* Keep O alive while NEWFD's old object goes. */
  fd_close(t, newfd);
  t->slots[newfd] = o;
  return newfd;
}
