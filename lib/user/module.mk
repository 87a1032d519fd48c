# SPDX-License-Identifier: MIT
# lib/user: the user library (libpagoda.a), with the shared lib/ sources.
ULIB_SRCS += lib/user/entry.c     # _start: main, then exit
ULIB_SRCS += lib/user/syscall.c   # system-call wrappers, int 0x42 helper
ULIB_SRCS += lib/user/console.c   # buffered printf/puts/putchar onto fd 1
ULIB_SRCS += lib/user/debug.c     # user ASSERT/PANIC: message, backtrace, exit(1)

# Our own sources also build with the kernel's warning set.
$(B)/user/lib/user/%.o: UCFLAGS += -Werror -Wstrict-prototypes -Wmissing-prototypes

# The SDK: headers, library, linker script and the pagoda-cc wrapper, so a
# program outside the tree builds with `build/sdk/pagoda-cc prog.c -o prog'.
SDK := $(B)/sdk
SDK_HEADERS := $(wildcard lib/*.h) $(wildcard lib/user/*.h)

$(SDK)/pagoda-cc: lib/user/pagoda-cc $(ULIB) lib/user/user.lds $(SDK_HEADERS)
	@rm -rf $(SDK) && mkdir -p $(SDK)/include/user $(SDK)/lib
	cp $(wildcard lib/*.h) $(SDK)/include/
	cp $(wildcard lib/user/*.h) $(SDK)/include/user/
	cp $(ULIB) lib/user/user.lds $(SDK)/lib/
	cp lib/user/pagoda-cc $@

ALL_TARGETS += $(SDK)/pagoda-cc
