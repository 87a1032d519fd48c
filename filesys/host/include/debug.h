/* SPDX-License-Identifier: MIT */
/* Hosted build of filesys/: <debug.h> is Pagoda's (lib/ is not on the
   include path there, since its headers would shadow the C library's). */
#include "lib/debug.h"
