/* SPDX-License-Identifier: MIT */
/* Hosted build of filesys/: <list.h> (needed by threads/synch.h) is
   Pagoda's. */
#include "lib/kernel/list.h"
