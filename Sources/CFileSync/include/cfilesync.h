#ifndef ROBINSON_CFILESYNC_H
#define ROBINSON_CFILESYNC_H

/// Starts writing the file's dirty pages in [offset, offset + length) to disk
/// without waiting for it (Linux `sync_file_range` with
/// `SYNC_FILE_RANGE_WRITE`), so that the final `fsync` has little left to
/// wait for. Durability still comes from that `fsync` alone. Returns 0, or -1
/// with `errno` set; elsewhere than on Linux it does nothing and returns 0.
int robinson_start_writeback(int fd, long long offset, long long length);

#endif
