/* SPDX-License-Identifier: MIT */
#ifndef FILESYS_HOST_HOST_H
#define FILESYS_HOST_HOST_H

/* For host programs that use the file system (tool, tests, fuzzer).

   The C library's headers define off_t as a 64-bit type; the file
   system's off_t is 32-bit.  So include every system header first, then
   this one, which renames the file system's type to fs_off_t from here on
   (types do not affect linkage in C, so the objects still match). */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#define off_t fs_off_t
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "filesys/host/block-file.h"

#endif
