/* SPDX-License-Identifier: MIT */
/* devices/block.h for host programs.

   A device is either an image file (pread/pwrite at sector * 512) or a
   malloc'd copy of an image (tests and the fuzzer: fast, and the bytes
   can be inspected).  Only whole sectors count: a trailing partial
   sector of an image file is ignored, which is what a truncated image
   looks like to the kernel too.  Each device counts its accesses and can
   be told to fail after N more, to test error propagation. */

#define _GNU_SOURCE
#include "filesys/host/block-file.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct block {
  char name[64];
  enum block_type type;
  block_sector_t size;
  const struct block_operations *ops;
  void *aux;
  unsigned long reads, writes;
  long fail_after; /* Accesses left before failing; -1 = never. */
  int fd;          /* Image file, or -1. */
  uint8_t *mem;    /* Memory image, or NULL. */
};

static struct block *roles[BLOCK_CNT];

/* The device registered for ROLE, or NULL. */
struct block *
block_get_role(enum block_type role)
{
  return role < BLOCK_CNT ? roles[role] : NULL;
}

/* Makes BLOCK the device for ROLE. */
void
block_set_role(enum block_type role, struct block *block)
{
  if (role < BLOCK_CNT)
    roles[role] = block;
}

static bool
block_access_ok(struct block *b, block_sector_t sector)
{
  if (sector >= b->size)
    return false;
  if (b->fail_after == 0)
    return false;
  if (b->fail_after > 0)
    b->fail_after--;
  return true;
}

/* Reads SECTOR of B into BUF; false if out of range or failing. */
bool
block_read(struct block *b, block_sector_t sector, void *buf)
{
  if (!block_access_ok(b, sector) || !b->ops->read(b->aux, sector, buf))
    return false;
  b->reads++;
  return true;
}

/* Writes BUF to SECTOR of B; false if out of range, read-only or failing. */
bool
block_write(struct block *b, block_sector_t sector, const void *buf)
{
  if (!block_access_ok(b, sector) || !b->ops->write(b->aux, sector, buf))
    return false;
  b->writes++;
  return true;
}

/* Reads CNT consecutive sectors from SECTOR into BUF (the host device
   has no multi-sector operation: one sector at a time, same result). */
bool
block_read_multi(struct block *b, block_sector_t sector, void *buf,
                 unsigned cnt)
{
  uint8_t *p = buf;
  for (unsigned i = 0; i < cnt; i++)
    if (!block_read(b, sector + i, p + i * BLOCK_SECTOR_SIZE))
      return false;
  return true;
}

/* Writes CNT consecutive sectors from BUF at SECTOR, one at a time. */
bool
block_write_multi(struct block *b, block_sector_t sector, const void *buf,
                  unsigned cnt)
{
  const uint8_t *p = buf;
  /* A device told to fail refuses a command it cannot finish, as a
     whole: the caller retries sector by sector. */
  if (b->fail_after >= 0 && (unsigned long)b->fail_after < cnt)
    return false;
  for (unsigned i = 0; i < cnt; i++)
    if (!block_write(b, sector + i, p + i * BLOCK_SECTOR_SIZE))
      return false;
  return true;
}

/* Number of sectors of B. */
block_sector_t
block_size(struct block *b)
{
  return b->size;
}

/* Name of B. */
const char *
block_name(struct block *b)
{
  return b->name;
}

/* Role B was registered with. */
enum block_type
block_type(struct block *b)
{
  return b->type;
}

/* Registers a device; the host version also makes it the device of its
   role.  Returns NULL when out of memory. */
struct block *
block_register(const char *name, enum block_type type, block_sector_t size,
               const struct block_operations *ops, void *aux)
{
  struct block *b = calloc(1, sizeof *b);

  if (b == NULL)
    return NULL;
  snprintf(b->name, sizeof b->name, "%s", name);
  b->type = type;
  b->size = size;
  b->ops = ops;
  b->aux = aux;
  b->fail_after = -1;
  b->fd = -1;
  block_set_role(type, b);
  return b;
}

/* Prints the counters of every registered device to stderr. */
void
block_print_stats(void)
{
  for (int i = 0; i < BLOCK_CNT; i++)
    if (roles[i] != NULL)
      fprintf(stderr, "%s: %lu reads, %lu writes\n", roles[i]->name,
              roles[i]->reads, roles[i]->writes);
}

static bool
file_read_op(void *aux, block_sector_t sector, void *buf)
{
  struct block *b = aux;

  return pread(b->fd, buf, BLOCK_SECTOR_SIZE,
               (long)sector * BLOCK_SECTOR_SIZE) == BLOCK_SECTOR_SIZE;
}

static bool
file_write_op(void *aux, block_sector_t sector, const void *buf)
{
  struct block *b = aux;

  return pwrite(b->fd, buf, BLOCK_SECTOR_SIZE,
                (long)sector * BLOCK_SECTOR_SIZE) == BLOCK_SECTOR_SIZE;
}

static const struct block_operations file_ops = {file_read_op, file_write_op};

/* Opens image file PATH (read-only unless WRITABLE) as the device for
   ROLE.  Returns NULL, with errno set, if it cannot be opened, is larger
   than 2^32 sectors, or memory is short. */
struct block *
block_file_open(const char *path, bool writable, enum block_type role)
{
  struct stat st;
  int fd = open(path, writable ? O_RDWR : O_RDONLY);

  if (fd < 0)
    return NULL;
  if (fstat(fd, &st) < 0 || st.st_size / BLOCK_SECTOR_SIZE > UINT32_MAX) {
    close(fd);
    return NULL;
  }
  struct block *b = block_register(path, role, st.st_size / BLOCK_SECTOR_SIZE,
                                   &file_ops, NULL);
  if (b == NULL) {
    close(fd);
    return NULL;
  }
  b->aux = b;
  b->fd = fd;
  return b;
}

static bool
mem_read_op(void *aux, block_sector_t sector, void *buf)
{
  struct block *b = aux;

  memcpy(buf, b->mem + (size_t)sector * BLOCK_SECTOR_SIZE, BLOCK_SECTOR_SIZE);
  return true;
}

static bool
mem_write_op(void *aux, block_sector_t sector, const void *buf)
{
  struct block *b = aux;

  memcpy(b->mem + (size_t)sector * BLOCK_SECTOR_SIZE, buf, BLOCK_SECTOR_SIZE);
  return true;
}

static const struct block_operations mem_ops = {mem_read_op, mem_write_op};

/* A device of BYTES / 512 sectors holding a copy of IMAGE (zeros if
   IMAGE is NULL), registered for ROLE.  NULL when out of memory. */
struct block *
block_mem_open(const void *image, size_t bytes, enum block_type role)
{
  size_t sectors = bytes / BLOCK_SECTOR_SIZE;
  uint8_t *mem = calloc(sectors ? sectors : 1, BLOCK_SECTOR_SIZE);
  struct block *b =
      mem != NULL ? block_register("mem", role, sectors, &mem_ops, NULL) : NULL;
  if (b == NULL) {
    free(mem);
    return NULL;
  }
  if (image != NULL)
    memcpy(mem, image, sectors * BLOCK_SECTOR_SIZE);
  b->aux = b;
  b->mem = mem;
  return b;
}

/* The bytes of memory device B. */
const uint8_t *
block_mem_data(struct block *b)
{
  return b->mem;
}

/* Unregisters and frees B, closing its file. */
void
block_host_close(struct block *b)
{
  if (b == NULL)
    return;
  if (roles[b->type] == b)
    roles[b->type] = NULL;
  if (b->fd >= 0)
    close(b->fd);
  free(b->mem);
  free(b);
}

/* Successful sector reads of B. */
unsigned long
block_host_reads(struct block *b)
{
  return b->reads;
}

/* Successful sector writes of B. */
unsigned long
block_host_writes(struct block *b)
{
  return b->writes;
}

/* Makes every access of B fail after N more (-1: never). */
void
block_host_fail_after(struct block *b, long n)
{
  b->fail_after = n;
}
