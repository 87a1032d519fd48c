/* SPDX-License-Identifier: MIT */
#ifndef VM_INSPECT_H
#define VM_INSPECT_H

#include <stddef.h>
#include <stdint.h>

#include "lib/pmap.h"

struct supplemental_page_table;

/* The `int 0x42' inspection gate (pintos-abi.md section 5). */
void inspect_init(void);

/* Fill OUT with the pages of SPT at or above FROM, lowest first: at most
   MAX, and never more than PMAP_BATCH.  Returns how many.  Takes SPT's
   lock (and frame_lock briefly): call it with neither held and never
   with OUT in user memory.  Loads and changes nothing. */
size_t inspect_pmap(struct supplemental_page_table *spt, uintptr_t from,
                    struct pmap_entry *out, size_t max);

#endif
