# mm: physical page pools and the kernel heap.
KERNEL_SRCS += mm/palloc.c   # kernel and user page pools
KERNEL_SRCS += mm/malloc.c   # size-class heap
