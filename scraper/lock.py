"""One writing crawl (``crawl run``, ``crawl reclean``) per database at a time.

``RunLock`` holds an exclusive ``flock`` on ``<database>.lock``. The kernel
drops the lock when its process dies however it dies, kill -9 included, so
a crash never leaves a stale lock behind and there is nothing to clean up.
The file stays after a run: deleting it could let two runs lock two
different files under the one name. The holder writes its pid and
command into it, for the message the next taker prints.

``flock`` is only as good as the filesystem's support for it: keep the
database on a local disk.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from types import TracebackType

from .errors import LockedError, StoreError


class RunLock:
    """``with RunLock(db_path):`` or ``LockedError`` at once if another process holds it.

    ``command`` names the holder in the message a second taker gets.
    """

    def __init__(self, db_path: str | Path, command: str = "crawl run") -> None:
        self.db_path = Path(db_path)
        self.command = command
        self.path = self.db_path.with_name(self.db_path.name + ".lock")
        self._fd: int | None = None

    def __enter__(self) -> RunLock:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as error:
            raise StoreError(f"{self.path}: cannot create the lock file ({error})") from error
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise LockedError(
                f"{self.db_path}: another {holder} is using this database; "
                f"`{self.command}` stops here (lock file {self.path})"
            ) from None
        except OSError as error:
            os.close(fd)
            raise StoreError(f"{self.path}: cannot lock it ({error})") from error
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {self.command}\n".encode(), 0)
        self._fd = fd
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)  # no pid of a finished process left for the next message
        os.close(fd)  # closing the last descriptor releases the flock


def _read_holder(fd: int) -> str:
    """``"`crawl run` (pid 1234)"`` from the lock file, or a vaguer phrase."""
    try:
        text = os.pread(fd, 256, 0).decode("utf-8", errors="replace").strip()
    except OSError:
        text = ""
    pid, _, command = text.partition(" ")
    if not pid.isdigit():  # the holder has not written it yet
        return "another process"
    return f"`{command or 'crawl'}` (pid {pid})"
