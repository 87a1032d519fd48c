/* SPDX-License-Identifier: MIT */
/* Bitmaps stored as arrays of 64-bit words.

   Bit I lives in word I / 64 at position I % 64.  Bits past bit_cnt in the
   last word are kept zero.  Every range operation builds, for each word it
   touches, a mask of the bits inside the range, so a long range costs one
   step per 64 bits.  Scanning for a bit of a given value looks at whole
   words and finds the bit with count-trailing-zeros; scanning for a run of
   CNT bits alternates "find the next VALUE bit" and "find the next
   non-VALUE bit", so it skips a whole run per step instead of retrying at
   every position.

   Population count is written out (SWAR) rather than taken from the
   compiler: without -mpopcnt GCC calls a libgcc helper, which the kernel
   does not link. */

#include "bitmap.h"

#include <debug.h>
#include <stdio.h>

#include "threads/malloc.h"

#define WORD_BITS 64

struct bitmap {
  size_t bit_cnt; /* Number of bits. */
  uint64_t *bits; /* DIV_ROUND_UP(bit_cnt, 64) words. */
};

static size_t
word_cnt(size_t bit_cnt)
{
  return bit_cnt / WORD_BITS + (bit_cnt % WORD_BITS != 0);
}

static uint64_t
bit_mask(size_t idx)
{
  return 1ull << (idx % WORD_BITS);
}

/* Mask of the bits of word W that lie in [START, END). */
static uint64_t
range_mask(size_t w, size_t start, size_t end)
{
  size_t base = w * WORD_BITS;
  size_t lo = start > base ? start - base : 0;
  size_t hi = end - base < WORD_BITS ? end - base : WORD_BITS;
  uint64_t below_hi = hi == WORD_BITS ? ~0ull : (1ull << hi) - 1;

  return below_hi & ~((1ull << lo) - 1);
}

/* Word W with the bits that equal VALUE set. */
static uint64_t
word_matching(const struct bitmap *b, size_t w, bool value)
{
  return value ? b->bits[w] : ~b->bits[w];
}

static unsigned
popcount64(uint64_t x)
{
  x = x - ((x >> 1) & 0x5555555555555555ull);
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
  return (unsigned)((x * 0x0101010101010101ull) >> 56);
}

/* Bytes needed by bitmap_create_in_buf for BIT_CNT bits. */
size_t
bitmap_buf_size(size_t bit_cnt)
{
  return sizeof(struct bitmap) + word_cnt(bit_cnt) * sizeof(uint64_t);
}

/* Build a bitmap of BIT_CNT bits, all false, in the BLOCK_SIZE bytes at
   BLOCK (8-byte aligned, at least bitmap_buf_size(BIT_CNT) bytes).  Needs
   no allocator, so it works before malloc does.  Never destroy it with
   bitmap_destroy; the caller owns BLOCK. */
struct bitmap *
bitmap_create_in_buf(size_t bit_cnt, void *block, size_t block_size)
{
  struct bitmap *b = block;

  ASSERT(block_size >= bitmap_buf_size(bit_cnt));
  ASSERT((uintptr_t)block % sizeof(uint64_t) == 0);
  b->bit_cnt = bit_cnt;
  b->bits = (uint64_t *)(b + 1);
  bitmap_set_all(b, false);
  return b;
}

/* Allocate a bitmap of BIT_CNT bits, all false, or return NULL when out
   of memory.  Free it with bitmap_destroy.  May sleep (kernel malloc). */
struct bitmap *
bitmap_create(size_t bit_cnt)
{
  size_t size = bitmap_buf_size(bit_cnt);
  void *block;

  if (word_cnt(bit_cnt) > (SIZE_MAX - sizeof(struct bitmap)) / 8)
    return NULL;
  block = malloc(size);
  return block != NULL ? bitmap_create_in_buf(bit_cnt, block, size) : NULL;
}

/* Free B, made by bitmap_create.  NULL is ignored. */
void
bitmap_destroy(struct bitmap *b)
{
  free(b);
}

/* Number of bits in B. */
size_t
bitmap_size(const struct bitmap *b)
{
  return b->bit_cnt;
}

/* Set bit IDX of B to VALUE. */
void
bitmap_set(struct bitmap *b, size_t idx, bool value)
{
  if (value)
    bitmap_mark(b, idx);
  else
    bitmap_reset(b, idx);
}

/* Set bit IDX of B to true. */
void
bitmap_mark(struct bitmap *b, size_t idx)
{
  ASSERT(idx < b->bit_cnt);
  b->bits[idx / WORD_BITS] |= bit_mask(idx);
}

/* Set bit IDX of B to false. */
void
bitmap_reset(struct bitmap *b, size_t idx)
{
  ASSERT(idx < b->bit_cnt);
  b->bits[idx / WORD_BITS] &= ~bit_mask(idx);
}

/* Invert bit IDX of B. */
void
bitmap_flip(struct bitmap *b, size_t idx)
{
  ASSERT(idx < b->bit_cnt);
  b->bits[idx / WORD_BITS] ^= bit_mask(idx);
}

/* Value of bit IDX of B. */
bool
bitmap_test(const struct bitmap *b, size_t idx)
{
  ASSERT(idx < b->bit_cnt);
  return (b->bits[idx / WORD_BITS] & bit_mask(idx)) != 0;
}

/* Set every bit of B to VALUE. */
void
bitmap_set_all(struct bitmap *b, bool value)
{
  size_t w, cnt = word_cnt(b->bit_cnt);

  for (w = 0; w < cnt; w++)
    b->bits[w] = 0;
  bitmap_set_multiple(b, 0, b->bit_cnt, value);
}

/* Set the CNT bits of B from START to VALUE. */
void
bitmap_set_multiple(struct bitmap *b, size_t start, size_t cnt, bool value)
{
  size_t end = start + cnt, w;

  ASSERT(start <= b->bit_cnt && cnt <= b->bit_cnt - start);
  if (cnt == 0)
    return;
  for (w = start / WORD_BITS; w <= (end - 1) / WORD_BITS; w++) {
    uint64_t mask = range_mask(w, start, end);
    if (value)
      b->bits[w] |= mask;
    else
      b->bits[w] &= ~mask;
  }
}

/* Number of the CNT bits of B from START that equal VALUE. */
size_t
bitmap_count(const struct bitmap *b, size_t start, size_t cnt, bool value)
{
  size_t end = start + cnt, w, total = 0;

  ASSERT(start <= b->bit_cnt && cnt <= b->bit_cnt - start);
  if (cnt == 0)
    return 0;
  for (w = start / WORD_BITS; w <= (end - 1) / WORD_BITS; w++)
    total += popcount64(word_matching(b, w, value) & range_mask(w, start, end));
  return total;
}

/* True if any of the CNT bits of B from START equals VALUE. */
bool
bitmap_contains(const struct bitmap *b, size_t start, size_t cnt, bool value)
{
  size_t end = start + cnt, w;

  ASSERT(start <= b->bit_cnt && cnt <= b->bit_cnt - start);
  if (cnt == 0)
    return false;
  for (w = start / WORD_BITS; w <= (end - 1) / WORD_BITS; w++)
    if ((word_matching(b, w, value) & range_mask(w, start, end)) != 0)
      return true;
  return false;
}

/* True if any of the CNT bits from START is true. */
bool
bitmap_any(const struct bitmap *b, size_t start, size_t cnt)
{
  return bitmap_contains(b, start, cnt, true);
}

/* True if none of the CNT bits from START is true. */
bool
bitmap_none(const struct bitmap *b, size_t start, size_t cnt)
{
  return !bitmap_contains(b, start, cnt, true);
}

/* True if all of the CNT bits from START are true. */
bool
bitmap_all(const struct bitmap *b, size_t start, size_t cnt)
{
  return !bitmap_contains(b, start, cnt, false);
}

/* Index of the first bit in [START, END) that equals VALUE, or END. */
static size_t
find_next(const struct bitmap *b, size_t start, size_t end, bool value)
{
  size_t w = start / WORD_BITS;
  uint64_t word;

  if (start >= end)
    return end;
  word = word_matching(b, w, value) & (~0ull << (start % WORD_BITS));
  while (word == 0) {
    if (++w * WORD_BITS >= end)
      return end;
    word = word_matching(b, w, value);
  }
  start = w * WORD_BITS + (size_t)__builtin_ctzll(word);
  return start < end ? start : end;
}

/* Index of the first group of CNT consecutive bits of B, at or after
   START, that all equal VALUE; BITMAP_ERROR if there is none.  CNT == 0
   finds START.  O(bits / 64 + runs crossed). */
size_t
bitmap_scan(const struct bitmap *b, size_t start, size_t cnt, bool value)
{
  ASSERT(start <= b->bit_cnt);
  if (cnt == 0)
    return start;
  for (;;) {
    size_t first = find_next(b, start, b->bit_cnt, value), stop;

    if (first == b->bit_cnt || cnt > b->bit_cnt - first)
      return BITMAP_ERROR;
    stop = find_next(b, first, first + cnt, !value);
    if (stop == first + cnt)
      return first;
    start = stop;
  }
}

/* Like bitmap_scan, then invert the group found so that it no longer
   equals VALUE: with VALUE false, this allocates CNT free slots at once.
   Returns the group's first index or BITMAP_ERROR (nothing changed). */
size_t
bitmap_scan_and_flip(struct bitmap *b, size_t start, size_t cnt, bool value)
{
  size_t idx = bitmap_scan(b, start, cnt, value);

  if (idx != BITMAP_ERROR)
    bitmap_set_multiple(b, idx, cnt, !value);
  return idx;
}

/* Print B's bits as a hex dump, bit 0 in the low bit of the first byte. */
void
bitmap_dump(const struct bitmap *b)
{
  hex_dump(0, b->bits, word_cnt(b->bit_cnt) * sizeof(uint64_t), false);
}
