"""RunLock against a real second process: refused at once, and freed by kill -9;
and never the end of a file that is not its own."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from scraper.errors import LockedError, StoreError
from scraper.store.database import Store
from scraper.store.lock import RunLock

HOLD_LOCK = """
import sys
from scraper.store.lock import RunLock
with RunLock(sys.argv[1]):
    print("locked", flush=True)
    sys.stdin.readline()
print("released", flush=True)
"""


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the lock of tmp_path/news.db until told to stop."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(tmp_path / "news.db")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert process.stdout is not None and process.stdin is not None
    try:
        assert process.stdout.readline() == "locked\n"
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
        process.stdin.close()
        process.stdout.close()


def test_second_run_is_refused_at_once_naming_database_and_pid(
    tmp_path: Path, holder: subprocess.Popen[str]
) -> None:
    started = time.monotonic()
    with pytest.raises(LockedError) as refused, RunLock(tmp_path / "news.db"):
        pass
    assert time.monotonic() - started < 1, "the second run does not wait"
    message = str(refused.value)
    assert message.startswith(
        f"{tmp_path / 'news.db'}: another `crawl run` (pid {holder.pid}) is using")


def test_the_refusal_names_both_commands(tmp_path: Path, holder: subprocess.Popen[str]) -> None:
    with pytest.raises(LockedError, match=r"`crawl run` \(pid \d+\).*`crawl reclean` stops"), \
            RunLock(tmp_path / "news.db", command="crawl reclean"):
        pass


def test_lock_is_free_after_the_holder_is_killed_with_sigkill(
    tmp_path: Path, holder: subprocess.Popen[str]
) -> None:
    holder.kill()
    holder.wait(timeout=10)
    assert (tmp_path / "news.db.lock").exists(), "kill -9 leaves the file, not the lock"
    with RunLock(tmp_path / "news.db", command="crawl reclean") as lock:
        assert lock.path.read_text() == f"{os.getpid()} crawl reclean\n"


def test_lock_is_free_after_the_holder_finishes(
    tmp_path: Path, holder: subprocess.Popen[str]
) -> None:
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write("done\n")
    holder.stdin.flush()
    assert holder.stdout.readline() == "released\n"
    with RunLock(tmp_path / "news.db"):
        pass


def test_one_process_cannot_take_its_own_lock_twice(tmp_path: Path) -> None:
    with RunLock(tmp_path / "news.db"), pytest.raises(LockedError), RunLock(tmp_path / "news.db"):
        pass
    with RunLock(tmp_path / "news.db"):
        pass


def test_other_databases_are_not_locked(tmp_path: Path, holder: subprocess.Popen[str]) -> None:
    with RunLock(tmp_path / "other.db") as lock:
        assert lock.path == tmp_path / "other.db.lock"


def test_a_symlink_to_the_database_names_the_same_lock(
        tmp_path: Path, holder: subprocess.Popen[str]) -> None:
    (tmp_path / "news.db").touch()
    (tmp_path / "alias.db").symlink_to(tmp_path / "news.db")
    linked_folder = tmp_path / "linked"
    linked_folder.symlink_to(tmp_path)
    for path in (tmp_path / "alias.db", linked_folder / "news.db"):
        with pytest.raises(LockedError), RunLock(path):
            pass


def test_the_lock_file_is_removed_when_the_holder_finishes(
        tmp_path: Path, holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write("done\n")
    holder.stdin.flush()
    assert holder.stdout.readline() == "released\n"
    assert not (tmp_path / "news.db.lock").exists()


def test_a_run_refused_by_the_lock_exits_75(tmp_path: Path,
                                            holder: subprocess.Popen[str]) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("sources:\n  - name: x\n    feeds: [http://127.0.0.1:9/feed]\n")
    crawl = Path(sys.executable).with_name("crawl")
    result = subprocess.run([str(crawl), "--config", str(config), "--db",
                             str(tmp_path / "news.db"), "run"], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 75
    assert result.stderr.startswith("crawl: error:") and "is using this database" in result.stderr


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A real database, with a row in it."""
    path = tmp_path / "news.db"
    with Store(path) as store:
        store.db.execute("INSERT INTO crawl_runs (command, started_at) VALUES ('x', 'now')")
    return path


def test_a_symlink_at_the_lock_name_is_refused_and_its_target_left_whole(
        database: Path) -> None:
    before = database.read_bytes()
    lock = Path(f"{database}.lock")
    lock.symlink_to(database)
    with pytest.raises(StoreError, match=r"news\.db\.lock: not a lock file of newscrawl "
                                         r"\(a symbolic link\)"), RunLock(database):
        pass
    assert database.read_bytes() == before and lock.is_symlink()


@pytest.mark.parametrize("content", [b"notes\n", b"2024 plans\n", b"123 crawl run\n" * 30,
                                     b"SQLite format 3\0"])
def test_someone_s_file_at_the_lock_name_is_refused_and_kept(tmp_path: Path,
                                                             content: bytes) -> None:
    lock = tmp_path / "news.db.lock"
    lock.write_bytes(content)
    with pytest.raises(StoreError, match="it holds something else"), \
            RunLock(tmp_path / "news.db"):
        pass
    assert lock.read_bytes() == content


def test_a_fifo_at_the_lock_name_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "news.db.lock")
    with pytest.raises(StoreError, match="not a regular file"), RunLock(tmp_path / "news.db"):
        pass
    assert (tmp_path / "news.db.lock").exists()


@pytest.mark.parametrize("left", [b"", b"4321\n"])  # killed before writing; an old release's
def test_a_crash_s_lock_file_is_taken(tmp_path: Path, left: bytes) -> None:
    (tmp_path / "news.db.lock").write_bytes(left)
    with RunLock(tmp_path / "news.db") as lock:
        assert lock.path.read_text() == f"{os.getpid()} crawl run\n"
    assert not lock.path.exists()


def test_a_full_disk_is_one_error_and_leaves_no_lock_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(fd: int, data: bytes, offset: int) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patched:
        patched.setattr(os, "pwrite", disk_full)
        with pytest.raises(StoreError, match=r"news\.db\.lock: cannot write the lock file "
                                             r"\(No space left on device\)$"), \
                RunLock(tmp_path / "news.db"):
            pass
    assert not (tmp_path / "news.db.lock").exists()
    with RunLock(tmp_path / "news.db"):  # and the lock is free
        pass


def test_reclean_refuses_a_symlinked_lock_in_one_line_and_keeps_the_articles(
        database: Path) -> None:
    before = database.read_bytes()
    Path(f"{database}.lock").symlink_to(database)
    crawl = Path(sys.executable).with_name("crawl")
    result = subprocess.run([str(crawl), "--db", str(database), "reclean"],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert result.stderr == (f"crawl: error: {database}.lock: not a lock file of newscrawl "
                             "(a symbolic link); move it away, then run again\n")
    assert database.read_bytes() == before
