/* SPDX-License-Identifier: MIT */
#ifndef FILESYS_OFF_T_H
#define FILESYS_OFF_T_H

#include <stdint.h>

/* A file offset or size in bytes (32-bit signed, as in the user ABI). */
typedef int32_t off_t;

#endif
