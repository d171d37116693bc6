// O_DIRECT needs _GNU_SOURCE, which Swift's Glibc module does not define.
#define _GNU_SOURCE
#include "cformats.h"
#include <fcntl.h>
#if defined(__linux__)
#include <linux/magic.h>
#include <sys/syscall.h>
#include <sys/vfs.h>
#include <unistd.h>
#endif

int robinson_direct_io_allowed(int fd) {
#if defined(__linux__)
    struct statfs info;
    if (fstatfs(fd, &info) != 0) return 0;
    switch (info.f_type) {
    case EXT4_SUPER_MAGIC:
    case XFS_SUPER_MAGIC:
    case BTRFS_SUPER_MAGIC: return 1;
    default: return 0;
    }
#else
    (void)fd;
    return 0;
#endif
}

int robinson_set_direct(int fd, int on) {
#if defined(__linux__)
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) return -1;
    return fcntl(fd, F_SETFL, on ? flags | O_DIRECT : flags & ~O_DIRECT);
#else
    (void)fd;
    (void)on;
    return -1;
#endif
}

long robinson_cached_pages(int fd) {
#if defined(__linux__)
#ifndef __NR_cachestat
#define __NR_cachestat 451
#endif
    // The kernel's structures (include/uapi/linux/mman.h); a length of 0 means to the end.
    struct { uint64_t off, len; } range = {0, 0};
    struct { uint64_t nr_cache, nr_dirty, nr_writeback, nr_evicted, nr_recently_evicted; } stat;
    if (syscall(__NR_cachestat, fd, &range, &stat, 0) != 0) return -1;
    return (long)stat.nr_cache;
#else
    (void)fd;
    return -1;
#endif
}
