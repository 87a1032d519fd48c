# SPDX-License-Identifier: MIT
# tests/vm: virtual-memory tests (NAME.c, NAME.out, a line in TESTS), the
# helper programs they exec, and the page-* workloads that bench/ reuses.
# vm-lib.h and merge.h are header-only helpers included by the tests.
TEST_PROGS += tests/vm/bad-addrs        # test: Loads and stores at addresses the process does not have kill it, one child per case
TEST_PROGS += tests/vm/code-read-into   # test: read() into read-only program memory kills, even when the page has not been loaded yet
TEST_PROGS += tests/vm/code-write       # test: Code is read-only in the hardware page table
TEST_PROGS += tests/vm/exhaust          # test: Memory exhaustion kills the process that runs out, not the kernel
TEST_PROGS += tests/vm/fault-swap       # test: A failing swap disk: a read error kills the owner only, a write error keeps the page
TEST_PROGS += tests/vm/fork-private     # test: After fork each process has private memory
TEST_PROGS += tests/vm/lazy-bss         # test: BSS pages are lazy
TEST_PROGS += tests/vm/lazy-data        # test: Pages of the program file load lazily too
TEST_PROGS += tests/vm/lazy-file        # test: Mapped file pages load lazily, one page per touch (no read-ahead)
TEST_PROGS += tests/vm/merge-par-mm     # test: Merge sort with the sorters' data in file mappings, all eight sorters at once
TEST_PROGS += tests/vm/merge-par-stk    # test: Merge sort with the sorters' data in local arrays on the stack, all eight sorters at once
TEST_PROGS += tests/vm/merge-seq-mm     # test: Merge sort with the sorters' data in file mappings, one sorter at a time
TEST_PROGS += tests/vm/merge-seq-stk    # test: Merge sort with the sorters' data in local arrays on the stack, one sorter at a time
TEST_PROGS += tests/vm/mmap-above-stk   # test: The user range ends at KERN_BASE, not at USER_STACK
TEST_PROGS += tests/vm/mmap-bad-addr    # test: mmap refuses address 0 and addresses that are not page-aligned with NULL and does not kill; the s...
TEST_PROGS += tests/vm/mmap-bad-fd      # test: mmap refuses fds that are not open (negative, huge, closed, never issued) and console objects (fd...
TEST_PROGS += tests/vm/mmap-bad-len     # test: mmap with length 0 returns NULL, maps nothing and does not kill; a length of one byte maps a whol...
TEST_PROGS += tests/vm/mmap-bad-off     # test: mmap refuses negative offsets and offsets that are not multiples of 4096 with NULL; offset 4096 o...
TEST_PROGS += tests/vm/mmap-close       # test: A mapping holds its own reference to the file
TEST_PROGS += tests/vm/mmap-empty       # test: A file of length 0 cannot be mapped (Pagoda returns NULL); a file of one byte can, and the rest o...
TEST_PROGS += tests/vm/mmap-fork        # test: A fork child gets its own copy of a mapping
TEST_PROGS += tests/vm/mmap-fork-exec   # test: fork copies live mappings; exec then drops the child's copy with write-back
TEST_PROGS += tests/vm/mmap-kern-base   # test: No mapping may reach KERN_BASE
TEST_PROGS += tests/vm/mmap-no-wb       # test: Only pages modified through a mapping are written back (pintos-abi.md 7.5)
TEST_PROGS += tests/vm/mmap-off-eof     # test: An offset at or past the end of the file is legal
TEST_PROGS += tests/vm/mmap-offset      # test: A non-zero offset maps the file from that page on
TEST_PROGS += tests/vm/mmap-overlap     # test: mmap refuses any range that touches a page the process already has, whether loaded or not
TEST_PROGS += tests/vm/mmap-past-eof    # test: A mapping may be longer than its file
TEST_PROGS += tests/vm/mmap-remove      # test: A mapping survives remove of its file
TEST_PROGS += tests/vm/mmap-ro-write    # test: A mapping made with writable = 0 is readable, and a store into it kills the process
TEST_PROGS += tests/vm/mmap-stk-resv    # test: The 1 MiB stack reservation is not for mappings (Pagoda)
TEST_PROGS += tests/vm/mmap-twice       # test: One file mapped three times
TEST_PROGS += tests/vm/mmap-unmapped    # test: After munmap the range is gone
TEST_PROGS += tests/vm/mmap-wb-exit     # test: A child maps a file, stores into three of its four pages and exits without munmap
TEST_PROGS += tests/vm/mmap-wb-kill     # test: A child maps a file, stores into three of its four pages and is then killed by a NULL load
TEST_PROGS += tests/vm/mmap-wb-munmap   # test: munmap writes back every page stored to
TEST_PROGS += tests/vm/mmap-wrap        # test: mmap's length is a full 64-bit value
TEST_PROGS += tests/vm/mmap-writable    # test: Any non-zero writable argument gives a writable mapping (1, 2, -1 and 0x100, whose low byte is zero)
TEST_PROGS += tests/vm/page-linear      # test: A linear walk over 12 MiB of BSS, more than twice the user memory of the 10 MB machine
TEST_PROGS += tests/vm/page-merge-par   # test: Merge sort with the sorters' data in BSS, all eight sorters at once
TEST_PROGS += tests/vm/page-merge-seq   # test: Merge sort with the sorters' data in BSS, one sorter at a time
TEST_PROGS += tests/vm/page-parallel    # test: Four children at once, each writing and checking 3 MiB of its own pattern
TEST_PROGS += tests/vm/page-random      # test: Random access to a working set of 6 MiB, about 1.5 times the user memory of the 10 MB machine
TEST_PROGS += tests/vm/page-shuffle     # test: A 5 MiB array of random 64-bit words in BSS, a little more than the user memory of the 10 MB mach...
TEST_PROGS += tests/vm/pt-below-rsp     # test: A store at rsp - 16, just past the rsp - 8 allowance, on a page the process does not have is not...
TEST_PROGS += tests/vm/pt-big-obj       # test: A 64 KiB local object written from its low end first
TEST_PROGS += tests/vm/pt-first-page    # test: The first stack page is the only one made present at exec
TEST_PROGS += tests/vm/pt-grow-read     # test: read() into a local buffer whose pages were never touched
TEST_PROGS += tests/vm/pt-grow-small    # test: The stack grows one small frame at a time
TEST_PROGS += tests/vm/pt-grow-write    # test: write() from a local buffer whose pages were never touched
TEST_PROGS += tests/vm/pt-limit-ok      # test: The stack may reach exactly 1 MiB below USER_STACK
TEST_PROGS += tests/vm/pt-limit-over    # test: A push that would store 8 bytes below the 1 MiB stack limit is not stack growth even though it is...
TEST_PROGS += tests/vm/pt-push-ok       # test: The lowest legal stack address is rsp - 8, where a push stores
TEST_PROGS += tests/vm/pt-read-below    # test: The kernel judges stack growth inside a system call with the user rsp saved at entry
TEST_PROGS += tests/vm/pt-sparse        # test: Stack growth is sparse and per page
TEST_PROGS += tests/vm/fault-mmap-wb    # test: A mapped page whose write-back fails is kept, not dropped as if saved
TEST_PROGS += tests/vm/bss-huge         # test: A 1 GiB BSS loads and costs nothing untouched
TEST_PROGS += tests/vm/child-stk        # helper: Exec target of exec-pressure: checks its argv
TEST_PROGS += tests/vm/cow-many         # test: Frames shared copy-on-write by 17 processes are evicted and read back intact
TEST_PROGS += tests/vm/exec-pressure    # test: exec under memory pressure: the first stack page is claimed and filled in one hold
TEST_PROGS += tests/vm/mmap-fork-wb     # test: A fork child's copy of a dirty mapped page starts clean: its exit never brings back stale bytes
TEST_PROGS += tests/vm/mmap-huge        # test: A 64 GiB mapping of a small file is accepted lazily, reads, stores and unmaps
TEST_PROGS += tests/vm/vmstat-clean     # test: With -vm-write-clean the clean_pages_written counter moves
TEST_PROGS += tests/vm/vmstat-noclean  # test: Without the knob no clean page is ever written
TEST_PROGS += tests/vm/seg-share-data   # test: .data on the last page of .rodata (own segment): a store survives eviction
TEST_PROGS += tests/vm/seg-share-rwx    # test: RWX text sharing its first page with the RO headers: a store survives eviction
TEST_PROGS += tests/vm/seg-share-bss    # test: BSS-only segment starting on the last RO data page: a store survives eviction
TEST_PROGS += tests/vm/swap-anon        # test: Anonymous pages through swap on the 8 MB machine
TEST_PROGS += tests/vm/swap-bss-map     # test: The tight anonymous machine (10 MB) with a read-only mapping beside the BSS
TEST_PROGS += tests/vm/swap-file        # test: File-backed pages under pressure on the 8 MB machine
TEST_PROGS += tests/vm/swap-fork        # test: fork of a process with swapped-out pages (10 MB machine)
TEST_PROGS += tests/vm/evict-writer # test: A writer keeps writing pages another process evicts (TLB shootdown)
TEST_PROGS += tests/vm/cow-reader   # test: A reader keeps reading COW pages its parent rewrites and evicts (TLB shootdown)
TEST_PROGS += tests/vm/evict-running # test: Pages of a writer running on the other CPU evicted: shootdowns counted, data intact (smp=2)
TEST_PROGS += tests/vm/swap-many        # test: Ten children at once on the 40 MB machine, each writing and checking 2.5 MiB
TEST_PROGS += tests/vm/swap-mixed       # test: Anonymous and file pages competing on the 8 MB machine
TEST_PROGS += tests/vm/swap-sysbuf      # test: System-call buffers that are out on swap (10 MB machine)
TEST_PROGS += tests/vm/vmstat-exit      # test: A process's frames go back to the pool when it exits, also when it is killed
TEST_PROGS += tests/vm/vmstat-swap      # test: The swap counters on the 10 MB machine
TEST_PROGS += tests/vm/vmstat-zero      # test: The vmstat counters move with the faults a program causes
TEST_PROGS += tests/vm/pcache-hit       # test: A second read() of a file is served from the page cache (vmstat hits, no misses)
TEST_PROGS += tests/vm/pcache-share     # test: Four instances of one program share one frame behind their code; more instances add no cache frame
TEST_PROGS += tests/vm/pcache-mmap-rw   # test: Mappings and read/write see one copy of a file page (page cache)
TEST_PROGS += tests/vm/pcache-persist   # test: Pages written by write() and through a mapping (exit write-back) survive a reboot
TEST_PROGS += tests/vm/pcache-tight     # test: The page cache competes for a 64-frame pool with anonymous memory and a mapping; all data stays right
TEST_PROGS += tests/vm/pcache-fault     # test: A page the disk cannot read is never cached: read fails again, other pages hit, a mapped fault kills only its process
TEST_PROGS += tests/vm/pcache-child     # helper: Exec helper of pcache-share
TEST_PROGS += tests/vm/pcache-persw     # helper: First boot of pcache-persist
TEST_PROGS += tests/vm/zero-page        # test: Reads of untouched memory share one zero frame; the first write takes a private one
TEST_PROGS += tests/vm/child-mm         # helper: Exec helper of mmap-fork-exec
TEST_PROGS += tests/vm/sort-chunk       # helper: Exec helper of the merge tests

# The seg-share-* tests are linked with their own scripts, which place a
# writable piece on a page a read-only segment covers ($* is the stem of
# the $(B)/tests/% link rule: vm/seg-share-NAME).
SEG_SHARE_LDFLAGS := $(filter-out -T lib/user/user.lds,$(ULDFLAGS))
$(B)/tests/vm/seg-share-%: ULDFLAGS = $(SEG_SHARE_LDFLAGS) -T tests/$*.lds
SEG_SHARE_BINS := $(B)/tests/vm/seg-share-data $(B)/tests/vm/seg-share-rwx \
                  $(B)/tests/vm/seg-share-bss
$(SEG_SHARE_BINS): $(B)/tests/vm/seg-share-%: tests/vm/seg-share-%.lds

# Our test sources build with the kernel's warning set too.
$(B)/user/tests/vm/%.o: UCFLAGS += -Werror -Wstrict-prototypes -Wmissing-prototypes

TEST_PROGS += tests/vm/lock-fair     # test: a busy lock hands off to its waiter (four pollers, one writer)
TEST_PROGS += tests/vm/pmap-states   # test: pmap (Pagoda) reports page types and states as they change: uninit, resident, COW-shared, bounded batches
TEST_PROGS += tests/vm/cow-share     # test: fork shares frames copy-on-write; the writer copies, the last sharer writes in place
