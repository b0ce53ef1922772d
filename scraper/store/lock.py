"""One writing crawl (``crawl run``, ``crawl reclean``) per database at a time.

``RunLock`` holds an exclusive ``flock`` on ``<database>.lock``, next to the
database's real path: a symlink to the database (or to its folder) names the
same lock. The kernel drops the lock when its process dies however it dies,
kill -9 included, so a crash never leaves a stale lock behind (only the file).

The holder removes the file when it finishes. A taker that opened the file
just before it was removed would hold a lock on a file no one else can see,
so after locking it checks that the name still leads to the file it locked,
and starts over if not. The holder writes its pid and command into the file,
for the message the next taker prints.

The lock truncates, writes and removes that file, so it only ever does so to
a file of its own: a regular file, not a symlink (``ln -s news.db
news.db.lock`` would have emptied the database), holding nothing or what a
holder writes (``1234 crawl run``, left by a crash). Anything else at that
name is someone's file: refused, untouched.

``flock`` is only as good as the filesystem's support for it: keep the
database on a local disk.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import stat
from pathlib import Path
from types import TracebackType

from ..errors import LockedError, StoreError

_HOLDER_LINE = re.compile(rb"(?:\d+(?: crawl[^\n]*)?\n)?")
"""What a lock file of ours holds: what ``RunLock`` writes, a pid alone (as releases
before the command was named wrote it), or nothing (a crash before the write).
``command`` is always a ``crawl`` verb."""
_LARGEST_LOCK_FILE = 256
"""Bytes: a holder's line is far shorter, and a bigger file is read no further."""


class RunLock:
    """``with RunLock(db_path):`` or ``LockedError`` at once if another process holds it.

    ``command`` (``crawl VERB``) names the holder in the message a second taker gets.
    ``StoreError`` when the lock file cannot be made, or that name holds a file
    that is not a lock file of ours.
    """

    def __init__(self, db_path: str | Path, command: str = "crawl run") -> None:
        self.db_path = Path(db_path)
        self.command = command
        real = Path(os.path.realpath(self.db_path))
        self.path = real.with_name(real.name + ".lock")
        self._fd: int | None = None

    def __enter__(self) -> RunLock:
        while True:
            fd = self._lock_file()
            if _same_file(fd, self.path):
                break
            os.close(fd)  # its holder removed it as we locked it: take the new one
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()} {self.command}\n".encode(), 0)
        except OSError as error:  # a full disk: leave no lock file behind
            self._release(fd)
            raise StoreError(f"{self.path}: cannot write the lock file "
                             f"({error.strerror})") from error
        self._fd = fd
        return self

    def _lock_file(self) -> int:
        try:
            # O_NOFOLLOW: a symlink at that name fails (ELOOP) instead of leading
            # the truncate to whatever it points at.
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW,
                         0o644)
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise self._not_ours("a symbolic link") from error
            raise StoreError(f"{self.path}: cannot create the lock file ({error})") from error
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            self._check_ours(fd)
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
        except StoreError:
            os.close(fd)
            raise
        return fd

    def _check_ours(self, fd: int) -> None:
        """Raise ``StoreError`` unless the locked file is one this lock may rewrite."""
        held = os.fstat(fd)
        if not stat.S_ISREG(held.st_mode):
            raise self._not_ours("not a regular file")
        if held.st_size > _LARGEST_LOCK_FILE or not _HOLDER_LINE.fullmatch(
                os.pread(fd, _LARGEST_LOCK_FILE, 0)):
            raise self._not_ours("it holds something else")

    def _not_ours(self, what: str) -> StoreError:
        return StoreError(f"{self.path}: not a lock file of newscrawl ({what}); "
                          "move it away, then run again")

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        self._release(fd)

    def _release(self, fd: int) -> None:
        """Remove the lock file while still locked (see the module's docstring), and
        unlock. Only the file locked: someone may have put another at its name."""
        if _same_file(fd, self.path):
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        os.close(fd)  # closing the last descriptor releases the flock


def _same_file(fd: int, path: Path) -> bool:
    try:
        named = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (named.st_dev, named.st_ino)


def _read_holder(fd: int) -> str:
    """``"`crawl run` (pid 1234)"`` from the lock file, or a vaguer phrase."""
    try:
        text = os.pread(fd, _LARGEST_LOCK_FILE, 0).decode("utf-8", errors="replace").strip()
    except OSError:
        text = ""
    pid, _, command = text.partition(" ")
    if not pid.isdigit():  # the holder has not written it yet
        return "another process"
    return f"`{command or 'crawl'}` (pid {pid})"
