/* SPDX-License-Identifier: MIT */
/* Hosted build of filesys/: <round.h> is Pagoda's. */
#include "lib/round.h"
