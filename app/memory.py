"""Give memory back to the system after a large batch.

CPython frees a batch's objects, but glibc's allocator keeps the freed pages of each
thread's arena, so without this the process stays as large as its largest import (the
figures are in bench/README.md). `malloc_trim` returns them; elsewhere (musl, macOS)
only the collector runs.
"""

import ctypes
import ctypes.util
import gc
import threading

_LIBC_NAME = ctypes.util.find_library("c")
_TRIM = getattr(ctypes.CDLL(_LIBC_NAME), "malloc_trim", None) if _LIBC_NAME else None
_pending = threading.Lock()


def release_memory() -> None:
    gc.collect()
    if _TRIM is not None:
        _TRIM(0)


def release_memory_soon(delay: float = 1.0) -> None:
    """Release after `delay`: by then the request that asked is over and no longer holds
    its body. Calls while one is pending share it."""
    if not _pending.acquire(blocking=False):
        return

    def release() -> None:
        try:
            release_memory()
        finally:
            _pending.release()

    timer = threading.Timer(delay, release)
    timer.daemon = True
    timer.start()
