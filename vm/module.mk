# vm: the supplemental page table, page types, frames, eviction, swap.
KERNEL_SRCS += vm/vm.c       # page creation, fault path, eviction, fork copy
KERNEL_SRCS += vm/spt.c      # supplemental page table (hash by va)
KERNEL_SRCS += vm/addrspace.c # the address space: SPT, pml4, program, regions
KERNEL_SRCS += vm/region.c   # lazy regions: mmap and BSS runs
KERNEL_SRCS += vm/uninit.c   # lazy pages before their first fault
KERNEL_SRCS += vm/anon.c     # anonymous pages: zero-fill, swap
KERNEL_SRCS += vm/file.c     # file-backed pages, mmap/munmap
KERNEL_SRCS += vm/frame.c    # frame table, victim search (mechanism)
KERNEL_SRCS += vm/policy.c          # replacement policies: registry, index queue
KERNEL_SRCS += vm/policy-clock.c    # clock over accessed bits, frame order
KERNEL_SRCS += vm/policy-fifo.c     # first in, first out
KERNEL_SRCS += vm/policy-second.c   # second chance: FIFO sparing used pages
KERNEL_SRCS += vm/policy-aging.c    # aging: LRU from sampled accessed bits
KERNEL_SRCS += vm/policy-random.c   # seeded random victim
KERNEL_SRCS += vm/policy-2q.c       # 2Q: scan-resistant, ghost list
KERNEL_SRCS += vm/swap.c     # swap slots on the swap disk
KERNEL_SRCS += vm/inspect.c  # int 0x42 inspection gate
