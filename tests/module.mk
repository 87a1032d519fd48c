# SPDX-License-Identifier: MIT
# tests: helpers linked into every user test program.
TESTLIB_SRCS += tests/lib.c   # msg/fail/CHECK, checked wrappers, byte patterns

# Test programs include their helpers from the repository root
# ("tests/lib.h"); the library itself also builds with the kernel's warnings.
$(B)/user/tests/%.o: UCFLAGS += -I.
$(B)/user/tests/lib.o: UCFLAGS += -Werror -Wstrict-prototypes -Wmissing-prototypes

