/* SPDX-License-Identifier: MIT */
#ifndef LIB_KERNEL_BITMAP_H
#define LIB_KERNEL_BITMAP_H

/* Fixed-size arrays of bits: free maps for swap slots and frames.

   Bits are numbered from 0.  Ranges are given as START and CNT and must
   lie inside the bitmap (checked by ASSERT).  Scans and counts work a
   64-bit word at a time.  Bitmaps do no locking; their owners do. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct bitmap;

/* Returned by the scans when nothing fits. */
#define BITMAP_ERROR SIZE_MAX

/* Creation and destruction. */
struct bitmap *bitmap_create(size_t bit_cnt);
struct bitmap *bitmap_create_in_buf(size_t bit_cnt, void *block,
                                    size_t block_size);
size_t bitmap_buf_size(size_t bit_cnt);
void bitmap_destroy(struct bitmap *b);

/* Size. */
size_t bitmap_size(const struct bitmap *b);

/* Single bits. */
void bitmap_set(struct bitmap *b, size_t idx, bool value);
void bitmap_mark(struct bitmap *b, size_t idx);
void bitmap_reset(struct bitmap *b, size_t idx);
void bitmap_flip(struct bitmap *b, size_t idx);
bool bitmap_test(const struct bitmap *b, size_t idx);

/* Ranges. */
void bitmap_set_all(struct bitmap *b, bool value);
void bitmap_set_multiple(struct bitmap *b, size_t start, size_t cnt,
                         bool value);
size_t bitmap_count(const struct bitmap *b, size_t start, size_t cnt,
                    bool value);
bool bitmap_contains(const struct bitmap *b, size_t start, size_t cnt,
                     bool value);
bool bitmap_any(const struct bitmap *b, size_t start, size_t cnt);
bool bitmap_none(const struct bitmap *b, size_t start, size_t cnt);
bool bitmap_all(const struct bitmap *b, size_t start, size_t cnt);

/* Finding runs of bits. */
size_t bitmap_scan(const struct bitmap *b, size_t start, size_t cnt,
                   bool value);
size_t bitmap_scan_and_flip(struct bitmap *b, size_t start, size_t cnt,
                            bool value);

/* Debugging. */
void bitmap_dump(const struct bitmap *b);

#endif
