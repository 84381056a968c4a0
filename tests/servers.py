"""Real servers the scale-out tests talk to, started on loopback: moto's standalone S3 server, a
private Redis, and a TCP proxy that can cut a service off for a while."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


def port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


class Process:
    """A server process in its own process group, stopped for sure at the end."""

    def __init__(self, argv: list[str], port: int, log: Path, env: dict[str, str] | None = None) -> None:
        self.argv, self.port, self.log_path = argv, port, log
        self.env = {**os.environ, **(env or {})}
        self.proc: subprocess.Popen | None = None

    def start(self) -> Process:
        log = open(self.log_path, "ab")  # noqa: SIM115 — the child keeps it
        self.proc = subprocess.Popen(self.argv, stdout=log, stderr=subprocess.STDOUT, env=self.env,
                                     start_new_session=True)
        log.close()
        wait_port(self.port)
        return self

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.proc and self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, sig)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def moto_server(log_dir: Path) -> Process:
    port = free_port()
    return Process([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)], port,
                   log_dir / "moto.log").start()


def redis_server(log_dir: Path) -> Process:
    exe = shutil.which("redis-server")
    if not exe:
        raise RuntimeError("redis-server is not installed")
    port = free_port()
    return Process([exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                    "--dir", str(log_dir)], port, log_dir / f"redis-{port}.log").start()


class TcpProxy:
    """Forwards 127.0.0.1:port to a target port; `cut()` refuses and drops every connection until
    `restore()`, as a service that went away and came back."""

    def __init__(self, target_port: int) -> None:
        self.target = target_port
        self.port = free_port()
        self._up = threading.Event()
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()
        self._listener: socket.socket | None = None
        self._stop = False
        self.restore()

    def _listen(self) -> None:
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        sock.listen(64)
        self._listener = sock
        threading.Thread(target=self._accept, args=(sock,), daemon=True).start()

    def _accept(self, sock: socket.socket) -> None:
        while True:
            try:
                client, _ = sock.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target), timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while chunk := src.recv(65536):
                dst.sendall(chunk)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        if self._listener:
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() thread
            self._listener.close()
            self._listener = None
        with self._lock:
            for c in self._conns:
                with contextlib.suppress(OSError):
                    c.shutdown(socket.SHUT_RDWR)
                    c.close()
            self._conns.clear()

    def restore(self) -> None:
        if self._listener is None:
            self._listen()

    def close(self) -> None:
        self.cut()


class CeleryWorker(Process):
    """`sohoa worker` as a real process tree (main process + prefork children) with its own settings."""

    def __init__(self, env: dict[str, str], log: Path, *, concurrency: int = 2, beat: bool = False) -> None:
        argv = [sys.executable, "-m", "ingest", "worker", "--concurrency", str(concurrency),
                "--loglevel", "INFO"] + (["--beat"] if beat else [])
        super().__init__(argv, 0, log, env)

    def start(self, timeout: float = 90) -> CeleryWorker:
        offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        log = open(self.log_path, "ab")  # noqa: SIM115
        self.proc = subprocess.Popen(self.argv, stdout=log, stderr=subprocess.STDOUT, env=self.env,
                                     start_new_session=True)
        log.close()
        deadline = time.monotonic() + timeout
        while b" ready." not in self.log_path.read_bytes()[offset:]:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                tail = self.log_path.read_text(errors="replace")[-3000:]
                self.stop()
                raise RuntimeError(f"worker did not start:\n{tail}")
            time.sleep(0.2)
        return self

    def kill(self) -> None:
        """SIGKILL the whole worker: main process and children die at once, holding their tasks."""
        self.stop(signal.SIGKILL)
