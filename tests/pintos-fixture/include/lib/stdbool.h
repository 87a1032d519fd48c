/* SPDX-License-Identifier: MIT */
#ifndef FIXTURE_STDBOOL_H
#define FIXTURE_STDBOOL_H

#define bool _Bool
#define true 1
#define false 0

#endif
