#!/usr/bin/env python3
"""Drives a program through a real pseudo-terminal, step by step, for samtale's end-to-end tests.

Usage:
    pty_session.py SPEC_JSON        the spec as a JSON string
    pty_session.py < SPEC_JSON      or on standard input

The spec is one JSON object:
    {
      "argv":    ["/path/to/samtale", "talk", "--flow", "one-to-one"],   required
      "rows":    24, "cols": 80,               the terminal's size (default 24 x 80)
      "env":     {"NAME": "value", "OTHER": null},   overrides of this script's environment (which the tests
                                               make clean: see Tests/TestSupport/TestProcess.swift); null removes one
      "cwd":     "/some/folder",               optional
      "timeout": 15,                           seconds per waiting step (default 15)
      "steps":   ["expect Spørgsmål 1 af 4", "send mit svar", "ctrl-c", "wait-exit"]
    }

Steps:
    expect TEXT   wait until TEXT appears in the output after the end of the previous match. The output is
                  compared with ANSI escapes and carriage returns removed and every run of white space (line
                  breaks from wrapping included) made one space, so TEXT may be written on one line.
    send LINE     type LINE and Enter ("send" alone types only Enter)
    type TEXT     type TEXT without Enter
    ctrl-c        type Ctrl-C (the terminal sends SIGINT to the program)
    ctrl-d        type Ctrl-D (end of input at the start of a line)
    kill-9        send SIGKILL to the program and reap it
    wait-exit     wait until the program has exited and its output is read to the end
    sleep SECONDS pause (for tests that need it; prefer expect)

Prints one JSON object on standard output:
    {"ok": true|false, "error": null|"why", "failed_step": null|index, "output": "raw output, escapes and all",
     "exit_status": code or null, "signal": number or null, "killed_at_end": bool}

Every wait is bounded; a program still running after the last step is killed (SIGKILL), so no run can hang.
Exit status: 0 when every step passed, 1 when one failed, 2 when the spec is unusable.
Standard library only.
"""

import errno
import fcntl
import json
import os
import re
import select
import signal
import struct
import sys
import termios
import time

ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]")
SPACE = re.compile(r"\s+")


def normalised(data):
    """The output as a reader sees it: escapes and \\r removed, white space runs made one space."""
    text = data.decode("utf-8", errors="replace")
    text = ANSI.sub("", text).replace("\r", "")
    return SPACE.sub(" ", text)


class Session:
    def __init__(self, spec):
        self.argv = spec["argv"]
        self.rows = int(spec.get("rows", 24))
        self.cols = int(spec.get("cols", 80))
        self.timeout = float(spec.get("timeout", 15))
        env = dict(os.environ)
        for key, value in (spec.get("env") or {}).items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = str(value)
        self.env = env
        self.cwd = spec.get("cwd")
        self.output = bytearray()
        self.cursor = 0  # in the normalised output: where the next expect starts looking
        self.eof = False
        self.pid = None
        self.fd = None
        self.status = None  # the raw wait status once reaped

    # MARK: Process

    def start(self):
        pid, fd = os.forkpty()
        if pid == 0:  # the child: the terminal is its stdin, stdout and stderr, and its controlling terminal
            try:
                # Start the program as a shell would: no blocked signals, default dispositions. A test runner may
                # hand down a mask blocking SIGINT (Swift's test process does), and Python ignores SIGPIPE; both
                # survive exec and would make Ctrl-C or a closed pipe behave unlike in a real terminal.
                signal.pthread_sigmask(signal.SIG_SETMASK, [])
                for number in (signal.SIGINT, signal.SIGQUIT, signal.SIGTERM, signal.SIGHUP, signal.SIGPIPE,
                               signal.SIGTSTP, signal.SIGTTIN, signal.SIGTTOU):
                    signal.signal(number, signal.SIG_DFL)
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", self.rows, self.cols, 0, 0))
                if self.cwd:
                    os.chdir(self.cwd)
                os.execve(self.argv[0], self.argv, self.env)
            except BaseException as error:  # noqa: BLE001 - report anything and never return into Python
                os.write(2, ("pty_session: cannot run %s: %s\n" % (self.argv[0], error)).encode())
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd

    def reap(self, block):
        if self.status is not None:
            return True
        try:
            pid, status = os.waitpid(self.pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            return True
        if pid == 0:
            return False
        self.status = status
        return True

    def alive(self):
        return not self.reap(block=False)

    def kill(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.reap(block=True)

    # MARK: Reading

    def pump(self, seconds):
        """Reads whatever arrives within `seconds`; returns False once the terminal is closed."""
        if self.eof:
            return False
        ready, _, _ = select.select([self.fd], [], [], max(0.0, seconds))
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 65536)
        except OSError as error:
            if error.errno in (errno.EIO, errno.EBADF):  # Linux: every slave side closed, the program is gone
                chunk = b""
            else:
                raise
        if not chunk:
            self.eof = True
            return False
        self.output += chunk
        return True

    def drain(self, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and self.pump(min(0.05, deadline - time.monotonic())):
            pass

    # MARK: Steps

    def expect(self, text):
        needle = SPACE.sub(" ", text)
        deadline = time.monotonic() + self.timeout
        while True:
            seen = normalised(bytes(self.output))
            found = seen.find(needle, self.cursor)
            if found >= 0:
                self.cursor = found + len(needle)
                return None
            remaining = deadline - time.monotonic()
            if self.eof:
                return "the program ended before %r appeared (looked after position %d)" % (text, self.cursor)
            if remaining <= 0:
                return "timed out after %g s waiting for %r (looked after position %d)" % (
                    self.timeout, text, self.cursor)
            self.pump(min(remaining, 0.2))

    def write(self, data):
        view = memoryview(data)
        while view:
            written = os.write(self.fd, view)
            view = view[written:]

    def wait_exit(self):
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if not self.pump(min(0.2, deadline - time.monotonic())):
                break
        # the terminal is closed (or time is up): the program should be gone, give it the rest of the time
        while time.monotonic() < deadline:
            if self.reap(block=False):
                return None
            time.sleep(0.02)
        if self.reap(block=False):
            return None
        return "timed out after %g s waiting for the program to exit" % self.timeout

    def step(self, step):
        name, _, argument = step.partition(" ")
        if name == "expect":
            return self.expect(argument)
        if name == "send":
            self.write(argument.encode("utf-8") + b"\r")
            return None
        if name == "type":
            self.write(argument.encode("utf-8"))
            return None
        if name == "ctrl-c":
            self.write(b"\x03")
            return None
        if name == "ctrl-d":
            self.write(b"\x04")
            return None
        if name == "kill-9":
            self.kill()
            self.drain(0.2)
            return None
        if name == "wait-exit":
            return self.wait_exit()
        if name == "sleep":
            self.drain(float(argument))
            return None
        return "unknown step %r" % step

    def result(self, error, failed_step, killed):
        exit_status = signal_number = None
        if self.status is not None:
            if os.WIFEXITED(self.status):
                exit_status = os.WEXITSTATUS(self.status)
            elif os.WIFSIGNALED(self.status):
                signal_number = os.WTERMSIG(self.status)
        return {
            "ok": error is None,
            "error": error,
            "failed_step": failed_step,
            "output": self.output.decode("utf-8", errors="replace"),
            "exit_status": exit_status,
            "signal": signal_number,
            "killed_at_end": killed,
        }


def main():
    try:
        spec = json.loads(sys.argv[1] if len(sys.argv) > 1 else sys.stdin.read())
        steps = list(spec.get("steps", []))
        if not spec.get("argv") or not all(isinstance(step, str) for step in steps):
            raise ValueError("the spec needs \"argv\" and a list of string \"steps\"")
        session = Session(spec)
    except (ValueError, KeyError, TypeError) as error:
        json.dump({"ok": False, "error": "bad spec: %s" % error, "failed_step": None, "output": "",
                   "exit_status": None, "signal": None, "killed_at_end": False}, sys.stdout)
        sys.stdout.write("\n")
        return 2

    session.start()
    error = failed_step = None
    index = None
    try:
        for index, step in enumerate(steps):
            error = session.step(step)
            if error is not None:
                failed_step = index
                error = "step %d (%s): %s" % (index, step, error)
                break
    except Exception as failure:  # noqa: BLE001 - report, never leave the program running
        failed_step = index
        error = "step %s: %s: %s" % (index, type(failure).__name__, failure)
    finally:
        killed = session.alive()
        if killed:
            session.drain(0.1)
            session.kill()
        session.drain(0.1)
        try:
            os.close(session.fd)
        except OSError:
            pass
    json.dump(session.result(error, failed_step, killed), sys.stdout)
    sys.stdout.write("\n")
    return 0 if error is None else 1


if __name__ == "__main__":
    sys.exit(main())
