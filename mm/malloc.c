/* SPDX-License-Identifier: MIT */
/* Kernel heap.
 *
 * Small requests (up to 2 KiB) are rounded up to a size class: the powers
 * of two, plus 48, 80 and 96 bytes, so the structures the VM keeps one of
 * per page (struct page: 80 bytes) waste no third of their block.  The
 * arena header is 16 bytes, so an arena holds 51 blocks of 80 bytes.
 * Each class carves whole kernel pages ("arenas") into equal blocks:
 *
 *   +--------------+---------+---------+-----+
 *   | arena header | block 0 | block 1 | ... |   one page per arena
 *   +--------------+---------+---------+-----+
 *
 * Free blocks sit on their class's free list; an arena whose blocks are all
 * free goes back to palloc.  Larger requests get their own run of pages with
 * the same header in front.  The header's magic is checked on every free and
 * freed blocks are filled with 0xcc, so stray frees and use-after-free show
 * up quickly.  Each class has its own lock; malloc may sleep. */

#include "mm/malloc.h"

#include <debug.h>
#include <list.h>
#include <round.h>
#include <string.h>

#include "mm/palloc.h"
#include "mm/vaddr.h"
#include "threads/interrupt.h"
#include "threads/synch.h"

#define ARENA_MAGIC 0x9a548eedu
#define MIN_CLASS 16 /* Also the alignment of every block. */
static const size_t class_sizes[] = {16,  32,  48,  64,   80,  96,
                                     128, 256, 512, 1024, 2048};
#define CLASS_CNT (sizeof class_sizes / sizeof class_sizes[0])

struct desc {
  size_t block_size;       /* Bytes per block. */
  size_t blocks_per_arena; /* Blocks in one page. */
  struct list free_list;   /* Free blocks of this class. */
  struct lock lock;        /* Guards free_list and its arenas' counts. */
};

struct arena {
  uint32_t magic;    /* ARENA_MAGIC. */
  uint32_t free_cnt; /* Free blocks (class), or pages (large). */
  struct desc *desc; /* Owning class, or NULL for a large block. */
};

struct block {
  struct list_elem free_elem;
};

static struct desc descs[CLASS_CNT];
static size_t bytes_in_use;

/* The counter is one word: an atomic add keeps it right on every CPU,
   and is cheaper than a lock on every malloc and free. */
static void
account(long delta)
{
  __atomic_add_fetch(&bytes_in_use, delta, __ATOMIC_RELAXED);
}

void
malloc_init(void)
{
  size_t header = ROUND_UP(sizeof(struct arena), MIN_CLASS);
  for (size_t i = 0; i < CLASS_CNT; i++) {
    struct desc *d = &descs[i];
    d->block_size = class_sizes[i];
    d->blocks_per_arena = (PGSIZE - header) / d->block_size;
    list_init(&d->free_list);
    lock_init_ranked(&d->lock, LOCK_RANK_HEAP);
  }
}

static struct arena *
block_to_arena(void *b)
{
  struct arena *a = pg_round_down(b);
  if (a->magic != ARENA_MAGIC)
    PANIC("malloc: %p is not a heap block (bad arena magic)", b);
  return a;
}

static struct block *
arena_block(struct arena *a, size_t i)
{
  size_t header = ROUND_UP(sizeof(struct arena), MIN_CLASS);
  return (struct block *)((uint8_t *)a + header + i * a->desc->block_size);
}

static void *
malloc_large(size_t size)
{
  size_t header = ROUND_UP(sizeof(struct arena), MIN_CLASS);
  size_t pages = DIV_ROUND_UP(size + header, PGSIZE);
  struct arena *a = palloc_get_multiple(0, pages);
  if (a == NULL)
    return NULL;
  a->magic = ARENA_MAGIC;
  a->desc = NULL;
  a->free_cnt = pages;
  account(pages * PGSIZE);
  return (uint8_t *)a + header;
}

/* Fill D's free list with a fresh arena; false if out of pages. */
static bool
grow_class(struct desc *d)
{
  struct arena *a = palloc_get_page(0);
  if (a == NULL)
    return false;
  a->magic = ARENA_MAGIC;
  a->desc = d;
  a->free_cnt = d->blocks_per_arena;
  for (size_t i = 0; i < d->blocks_per_arena; i++)
    list_push_back(&d->free_list, &arena_block(a, i)->free_elem);
  return true;
}

/* At least SIZE bytes, or NULL if SIZE is 0 or memory is short. */
void *
malloc(size_t size)
{
  if (size == 0)
    return NULL;
  struct desc *d = descs;
  while (d < descs + CLASS_CNT && d->block_size < size)
    d++;
  if (d == descs + CLASS_CNT)
    return malloc_large(size);

  lock_acquire(&d->lock);
  if (list_empty(&d->free_list) && !grow_class(d)) {
    lock_release(&d->lock);
    return NULL;
  }
  struct block *b =
      list_entry(list_pop_front(&d->free_list), struct block, free_elem);
  block_to_arena(b)->free_cnt--;
  lock_release(&d->lock);
  account(d->block_size);
  return b;
}

void *
calloc(size_t a, size_t b)
{
  size_t size = a * b;
  if (b != 0 && size / b != a)
    return NULL;
  void *p = malloc(size);
  if (p != NULL)
    memset(p, 0, size);
  return p;
}

static size_t
block_size(void *p)
{
  struct arena *a = block_to_arena(p);
  if (a->desc != NULL)
    return a->desc->block_size;
  return a->free_cnt * PGSIZE - ((uint8_t *)p - (uint8_t *)a);
}

void *
realloc(void *old, size_t size)
{
  if (size == 0) {
    free(old);
    return NULL;
  }
  void *p = malloc(size);
  if (p != NULL && old != NULL) {
    size_t old_size = block_size(old);
    memcpy(p, old, old_size < size ? old_size : size);
    free(old);
  }
  return p;
}

/* Return an arena all of whose blocks are free to palloc. */
static void
release_arena(struct desc *d, struct arena *a)
{
  for (size_t i = 0; i < d->blocks_per_arena; i++)
    list_remove(&arena_block(a, i)->free_elem);
  palloc_free_page(a);
}

void
free(void *p)
{
  if (p == NULL)
    return;
  struct arena *a = block_to_arena(p);
  struct desc *d = a->desc;
  if (d == NULL) {
    account(-(long)(a->free_cnt * PGSIZE));
    palloc_free_multiple(a, a->free_cnt);
    return;
  }
  memset(p, 0xcc, d->block_size);
  account(-(long)d->block_size);
  lock_acquire(&d->lock);
  list_push_front(&d->free_list, &((struct block *)p)->free_elem);
  if (++a->free_cnt == d->blocks_per_arena)
    release_arena(d, a);
  lock_release(&d->lock);
}

size_t
malloc_bytes_in_use(void)
{
  return __atomic_load_n(&bytes_in_use, __ATOMIC_RELAXED);
}
