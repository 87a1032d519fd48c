/* SPDX-License-Identifier: MIT */
#ifndef LIB_PMAP_H
#define LIB_PMAP_H

/* One page of an address space, as the Pagoda-only pmap system call
   (number 27) reports it; shared by the kernel and user programs.  Every
   field is a uint64_t so both sides agree on the layout; add new fields
   only at the end. */

#include <stdint.h>

/* Most entries one pmap call returns; ask again from the last address
   plus a page for more. */
#define PMAP_BATCH 32

/* What a page is (type) and where its contents are now (state). */
enum pmap_type { PMAP_UNINIT, PMAP_ANON, PMAP_FILE };
enum pmap_state {
  PMAP_STATE_UNINIT,    /* Never loaded: the first fault fills it. */
  PMAP_STATE_RESIDENT,  /* In a frame (FRAME; SHARERS pages share it). */
  PMAP_STATE_SWAPPED,   /* Anonymous, its contents in swap slot SLOT. */
  PMAP_STATE_FILE,      /* File-backed, not resident: read from the file. */
  PMAP_STATE_ZERO,      /* Anonymous, evicted while all zeros: refilled. */
  PMAP_STATE_ZERO_PAGE, /* Anonymous, only read: the shared zero frame. */
};

#define PMAP_NONE UINT64_MAX /* No frame / no slot. */

struct pmap_entry {
  uint64_t va;           /* User page address. */
  uint64_t type;         /* enum pmap_type; uninit: what it will become
                            in FUTURE_TYPE. */
  uint64_t future_type;  /* Uninit pages: PMAP_ANON or PMAP_FILE. */
  uint64_t state;        /* enum pmap_state. */
  uint64_t writable;     /* The process may write it. */
  uint64_t writable_now; /* Mapped writable now (0 while COW-shared). */
  uint64_t sharers;      /* Pages sharing its frame (COW), 0 if none. */
  uint64_t frame;        /* Index in the user pool, or PMAP_NONE. */
  uint64_t slot;         /* Swap slot, or PMAP_NONE. */
};

#endif /* LIB_PMAP_H */
