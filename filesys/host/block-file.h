/* SPDX-License-Identifier: MIT */
#ifndef FILESYS_HOST_BLOCK_FILE_H
#define FILESYS_HOST_BLOCK_FILE_H

/* Host-only block devices for the disk tool, the host tests and the
   fuzzer: devices/block.h implemented over an image file or a memory
   buffer, with read/write counters and fault injection. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "devices/block.h"

struct block *block_file_open(const char *path, bool writable, enum block_type);
struct block *block_mem_open(const void *image, size_t bytes, enum block_type);
const uint8_t *block_mem_data(struct block *);
void block_host_close(struct block *);

/* Counters of successful sector reads and writes since registration. */
unsigned long block_host_reads(struct block *);
unsigned long block_host_writes(struct block *);

/* After N more successful accesses every access fails; -1 disables. */
void block_host_fail_after(struct block *, long n);

#endif
