# SPDX-License-Identifier: MIT
# filesys: the file system (kernel), its hosted build (disk tool, host
# tests, corrupt-image corpus, fuzzer).  Format: docs/filesys.md.
FS_SRCS := filesys/filesys.c    # format, checked mount, create/open/remove/listdir
FS_SRCS += filesys/layout.c     # on-disk structures: build and validate one at a time
FS_SRCS += filesys/fsck.c       # whole-disk consistency check (mount and fsck)
FS_SRCS += filesys/cache.c      # write-through sector cache, range-checked
FS_SRCS += filesys/free-map.c   # free-sector bitmap, extent allocation
FS_SRCS += filesys/inode.c      # extent-mapped inodes, data read/write
FS_SRCS += filesys/directory.c  # the growing flat root directory
FS_SRCS += filesys/file.c       # open-file objects (position, deny-write)
FS_SRCS += filesys/fsutil.c     # kernel actions: ls, cat, rm
KERNEL_SRCS += $(FS_SRCS)

# ------------------------------------------------------------ hosted build
# filesys/*.c compile against the host C library.  -Ifilesys/host/include
# forwards <debug.h> <round.h> <list.h> to lib/ and gives a minimal
# <stdio.h> (glibc's defines an off_t of its own); lib/ itself must not be
# on the path.  Host-only programs (tool, tests) use the real headers.
FS_HOST_CFLAGS = $(HCFLAGS) -Ifilesys/host/include -Wstrict-prototypes \
                 -Wmissing-prototypes
FS_HOST_PROG_CFLAGS = $(HCFLAGS) -Wstrict-prototypes -Wmissing-prototypes

FS_HOST_CORE := $(FS_SRCS) filesys/host/synch-host.c  # hosted synch shim
FS_HOST_SHIMS := filesys/host/block-file.c   # block.h over image files/memory
FS_HOST_SHIMS += filesys/host/debug-host.c   # debug_panic: print and abort
FS_HOST_OBJS := $(patsubst %.c,$(B)/fshost/%.o,$(FS_HOST_CORE))
FS_SHIM_OBJS := $(patsubst %.c,$(B)/fshost/%.o,$(FS_HOST_SHIMS))
FS_PROG_OBJS := $(patsubst %.c,$(B)/fshost/%.o,filesys/host/disk-tool.c \
                  tests/filesys/host/fs-test.c tests/filesys/host/corrupt-gen.c)

$(FS_HOST_OBJS): $(B)/fshost/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(FS_HOST_CFLAGS) $(DEPFLAGS) -c $< -o $@

$(FS_SHIM_OBJS) $(FS_PROG_OBJS): $(B)/fshost/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(FS_HOST_PROG_CFLAGS) $(DEPFLAGS) -c $< -o $@

HOST_DISK_TOOL := $(B)/host/pagoda-disk
$(HOST_DISK_TOOL): $(B)/fshost/filesys/host/disk-tool.o $(FS_HOST_OBJS) \
                   $(FS_SHIM_OBJS)
	@mkdir -p $(@D)
	$(CC) $(HCFLAGS) -o $@ $^
ALL_TARGETS += $(HOST_DISK_TOOL)

# ------------------------------------------------------------- host tests
FS_TEST := $(B)/unit/fs-test
FS_CORRUPT_GEN := $(B)/unit/fs-corrupt-gen
CHECK_LIBS = $(shell pkg-config --libs check)

$(FS_TEST): $(B)/fshost/tests/filesys/host/fs-test.o $(FS_HOST_OBJS) \
            $(FS_SHIM_OBJS)
	@mkdir -p $(@D)
	$(CC) $(HCFLAGS) -o $@ $^ $(CHECK_LIBS)

$(FS_CORRUPT_GEN): $(B)/fshost/tests/filesys/host/corrupt-gen.o \
                   $(FS_HOST_OBJS) $(FS_SHIM_OBJS)
	@mkdir -p $(@D)
	$(CC) $(HCFLAGS) -o $@ $^

.PHONY: fs-unit fs-corrupt fs-tool-check fuzz-fs
fs-unit: $(FS_TEST) fs-corrupt fs-tool-check
	$(FS_TEST)

# pagoda-disk end to end (binary round trips, replace, rm, bad input).
fs-tool-check: $(HOST_DISK_TOOL)
	tests/filesys/host/check-tool.sh $(HOST_DISK_TOOL) $(B)/unit/fs-tool

# Build the corrupt-image corpus and check that fsck and the hosted mount
# refuse every image cleanly.
fs-corrupt: $(FS_CORRUPT_GEN) $(HOST_DISK_TOOL)
	tests/filesys/host/check-corrupt.sh $(FS_CORRUPT_GEN) $(HOST_DISK_TOOL) \
	    $(B)/unit/fs-corpus

unit: fs-unit

# libFuzzer over the mount path (not run in CI): make fuzz-fs FUZZ_SECONDS=N
FUZZ_SECONDS ?= 300
FS_FUZZ := $(B)/fuzz/fs-fuzz-mount
FS_FUZZ_CFLAGS := -std=gnu11 -O1 -g -fno-omit-frame-pointer -I. \
                  -fsanitize=fuzzer-no-link,address,undefined \
                  -fno-sanitize-recover=undefined
FS_FUZZ_CORE_OBJS := $(patsubst %.c,$(B)/fuzz/%.o,$(FS_HOST_CORE))
FS_FUZZ_PROG_OBJS := $(patsubst %.c,$(B)/fuzz/%.o,$(FS_HOST_SHIMS) \
                       tests/filesys/host/fuzz-mount.c)

$(FS_FUZZ_CORE_OBJS): $(B)/fuzz/%.o: %.c
	@mkdir -p $(@D)
	clang $(FS_FUZZ_CFLAGS) -Ifilesys/host/include -c $< -o $@

$(FS_FUZZ_PROG_OBJS): $(B)/fuzz/%.o: %.c
	@mkdir -p $(@D)
	clang $(FS_FUZZ_CFLAGS) -c $< -o $@

$(FS_FUZZ): $(FS_FUZZ_CORE_OBJS) $(FS_FUZZ_PROG_OBJS)
	clang -fsanitize=fuzzer,address,undefined -o $@ $^

fuzz-fs: $(FS_FUZZ) $(FS_CORRUPT_GEN)
	@mkdir -p $(B)/fuzz/corpus $(B)/fuzz/seeds
	$(FS_CORRUPT_GEN) $(B)/fuzz/seeds 128 >/dev/null
	$(FS_FUZZ) -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	    -rss_limit_mb=1024 $(B)/fuzz/corpus $(B)/fuzz/seeds
