/* SPDX-License-Identifier: MIT */
#ifndef VM_INSPECT_H
#define VM_INSPECT_H

/* The `int 0x42' inspection gate (pintos-abi.md section 5). */
void inspect_init(void);

#endif
