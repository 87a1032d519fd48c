/* SPDX-License-Identifier: MIT */
#ifndef FILESYS_FS_STATE_H
#define FILESYS_FS_STATE_H

/* State shared inside filesys/: the mounted geometry and the lock.

   The one file-system lock (pintos-abi.md section 6 allows a global one).
   Every public function of filesys/ brackets its work with

       bool held = fs_lock_enter();  ...  fs_lock_exit(held);

   which acquires the lock unless this thread already holds it, so public
   functions can call each other.  Lock order: the file-system lock comes
   after any VM lock; never take a user page fault while holding it
   (callers pass kernel buffers only). */

#include <stdbool.h>
#include "filesys/layout.h"

/* Geometry of the mounted file system; all zero when none is mounted. */
extern struct fs_geometry fs_geo;

bool fs_lock_enter(void);
void fs_lock_exit(bool acquired);

#endif
