# SPDX-License-Identifier: MIT
# lib/: freestanding C library shared by the kernel and user programs.
LIB_SRCS += lib/string.c   # mem* and str* functions, strlcpy/strlcat, strtok_r
LIB_SRCS += lib/stdio.c    # printf engine (__vprintf), snprintf, hex_dump
LIB_SRCS += lib/stdlib.c   # atoi, heapsort (sort/qsort), binary search
LIB_SRCS += lib/random.c   # deterministic RC4 keystream (Pintos-compatible)

# The user build of these files also gets the kernel's warning set.
$(patsubst lib/%.c,$(B)/user/lib/%.o,$(filter lib/string.c lib/stdio.c lib/stdlib.c lib/random.c,$(LIB_SRCS))): \
    UCFLAGS += -Werror -Wstrict-prototypes -Wmissing-prototypes
