#!/usr/bin/env bash
# Answer benchmark of `samtale talk`: the time from sending an answer to seeing the next question, which includes
# the durable save of the whole session (temporary file, fsync, rename, fsync of the folder) that comes before it.
#
# A one-to-one of 12 steps (hjoerring-dialogkort, role medarbejder, three themes; per theme three questions and an
# agreements list, which the empty line ends with no agreement) is replayed CONVERSATIONS times (default 100) per
# file system: the session folder on disk (a fresh folder under .build/) and on tmpfs (/dev/shm), alternating, so
# both see the same machine load. A python3 driver (standard library only) feeds the answers from a file one line
# at a time through a pipe and times each answer until the next question's progress line and text have been read
# (the last one until the closing lines). Prints, per file system, the median and 99th percentile (nearest rank)
# of the time per answer, and the start-up (from starting the process to the first question, which includes
# creating the session and its first save). Exits non-zero if samtale fails or a conversation goes off script.
#
# Usage: Tests/Benchmarks/talk.sh [CONVERSATIONS]
set -euo pipefail
cd "$(dirname "$0")/../.."
conversations="${1:-100}"
[[ "$conversations" =~ ^[1-9][0-9]*$ ]] || { echo "usage: Tests/Benchmarks/talk.sh [CONVERSATIONS]" >&2; exit 64; }

swift build -c release --product samtale >/dev/null
samtale="$(swift build -c release --show-bin-path)/samtale"

work="$(mktemp -d)"
disk="$(mktemp -d "$PWD/.build/talk-bench.XXXXXX")"
shm=""
trap 'rm -rf "$work" "$disk" ${shm:+"$shm"}' EXIT

# The file system a folder is on: df names ext4 as such (stat -f says "ext2/ext3" for all three).
fstype() {
    local type
    type="$(df -PT "$1" 2>/dev/null | awk 'NR == 2 { print $2 }')" || true
    [[ -n "$type" ]] || type="$(stat -f -c %T "$1" 2>/dev/null)" || true
    echo "${type:-unknown}"
}

runs=("disk" "$(fstype "$disk")" "$disk")
if [[ -d /dev/shm && "$(fstype /dev/shm)" == "tmpfs" ]]; then
    shm="$(mktemp -d /dev/shm/talk-bench.XXXXXX)"
    runs+=("tmpfs" "$(fstype "$shm")" "$shm")
else
    echo "tmpfs: skipped (no tmpfs at /dev/shm)" >&2
fi

# 12 inputs: per theme three answers, then an empty line that ends the agreements list.
cat >"$work/answers.txt" <<'ANSWERS'
Jeg tjekker mine opgaver med borgeren, før jeg lukker dem, og spørger en kollega, når jeg er i tvivl.
Vi kan gennemgå et par sager sammen på teammødet hver anden uge og lære af dem.
Jeg vil gerne på kurset om rehabilitering til foråret og læse op på den nye vejledning.

Jeg fortæller på morgenmødet, hvad jeg har lært, og prøver nye måder af i det små.
Overleveringen mellem vagterne virker godt; dokumentationen kan blive kortere og mere præcis.
Jeg sparrer med min leder en gang om måneden og aftaler med kollegerne, hvem der gør hvad.

Jeg spørger borgeren, hvad der er vigtigst for hende, før vi lægger planen.
Ved at spørge til netværket og lade borgeren gøre det, hun selv kan, også når det tager længere tid.
Jeg har brug for en fast kontakt i hjemmeplejen og i jobcentret; min leder kan hjælpe med at finde dem.

ANSWERS

python3 - "$conversations" "$samtale" "$work" "${runs[@]}" <<'PY'
import json, math, os, select, statistics, subprocess, sys, time

conversations, samtale, work = int(sys.argv[1]), sys.argv[2], sys.argv[3]
runs = [tuple(sys.argv[i:i + 3]) for i in range(4, len(sys.argv), 3)]  # (label, file system, folder)
command = [samtale, "talk", "--lang", "da", "--flow", "one-to-one", "--deck", "hjoerring-dialogkort",
           "--role", "medarbejder", "--theme", "sammen sikrer", "--theme", "sammen styrker", "--theme", "sammen skaber"]
with open(os.path.join(work, "answers.txt"), "rb") as file:
    answers = file.read().splitlines(keepends=True)
steps = 12
assert len(answers) == steps, f"answers.txt has {len(answers)} lines, not {steps}"
environment = {name: value for name, value in os.environ.items() if name not in ("SAMTALE_DIALOGUES", "SAMTALE_TARGET_GROUP")}
TIMEOUT = 30.0  # seconds to wait for any output before calling the run stuck


def fail(message, process=None, stderr_path=None):
    if process is not None and process.poll() is None:
        process.kill()
        process.wait()
    print(f"talk.sh: {message}", file=sys.stderr)
    if stderr_path and os.path.exists(stderr_path):
        sys.stderr.write(open(stderr_path, encoding="utf-8", errors="replace").read())
    sys.exit(1)


def progress(number):
    return f"Spørgsmål {number} af {steps}\n".encode()


FINISHED = "Samtalen er slut.\n".encode()


class Output:
    """samtale's stdout, read as it comes; `until` returns once a marker and the whole line after it are in."""

    def __init__(self, process, stderr_path):
        self.process, self.stderr_path = process, stderr_path
        self.fd = process.stdout.fileno()
        self.buffer, self.position, self.ended = b"", 0, False

    def read(self):
        ready, _, _ = select.select([self.fd], [], [], TIMEOUT)
        if not ready:
            fail(f"no output for {TIMEOUT:.0f} s; seen so far:\n{self.buffer.decode(errors='replace')}",
                 self.process, self.stderr_path)
        chunk = os.read(self.fd, 65536)
        self.ended = not chunk
        self.buffer += chunk

    def until(self, marker):
        while True:
            found = self.buffer.find(marker, self.position)
            if found >= 0:
                end = self.buffer.find(b"\n", found + len(marker))  # the question (or closing line) after the marker
                if end >= 0:
                    self.position = end + 1
                    return
            if self.ended:
                try:
                    code = f"samtale exited with {self.process.wait(timeout=TIMEOUT)}"
                except subprocess.TimeoutExpired:
                    code = "samtale closed its output"
                fail(f"{code} before {marker.decode().strip()!r}; its output:\n{self.buffer.decode(errors='replace')}",
                     self.process, self.stderr_path)
            self.read()

    def rest(self):
        while not self.ended:
            self.read()
        return self.buffer[self.position:]


def conversation(folder):
    """One conversation; returns (start-up ns, [ns per answer], exit ns)."""
    stderr_path = os.path.join(work, "stderr.txt")
    with open(stderr_path, "wb") as stderr:
        start = time.perf_counter_ns()
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr,
                                   env=dict(environment, SAMTALE_STATE_DIR=folder), cwd=work, bufsize=0)
    output = Output(process, stderr_path)
    output.until(progress(1))
    startup = time.perf_counter_ns() - start
    times = []
    for number, answer in enumerate(answers, 1):
        sent = time.perf_counter_ns()
        try:
            os.write(process.stdin.fileno(), answer)
        except BrokenPipeError:
            fail(f"samtale stopped before answer {number}", process, stderr_path)
        output.until(progress(number + 1) if number < steps else FINISHED)
        times.append(time.perf_counter_ns() - sent)
    done = time.perf_counter_ns()
    process.stdin.close()
    rest = output.rest()
    try:
        code = process.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        fail("samtale did not exit after the conversation ended", process, stderr_path)
    ended = time.perf_counter_ns() - done
    if code != 0:
        fail(f"samtale exited with {code}", None, stderr_path)
    if b"Sp\xc3\xb8rgsm\xc3\xa5l" in rest:
        fail(f"more questions after the end:\n{rest.decode(errors='replace')}")
    return startup, times, ended


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


results = {label: {"startup": [], "answers": [], "exit": []} for label, _, _ in runs}
load_before = os.getloadavg()[0]
for _ in range(conversations):
    for label, _, folder in runs:  # alternating, so both file systems see the same machine load
        startup, times, ended = conversation(folder)
        results[label]["startup"].append(startup / 1e6)
        results[label]["answers"].extend(value / 1e6 for value in times)
        results[label]["exit"].append(ended / 1e6)

# Every conversation must have left one finished session, and no temporary file.
for label, _, folder in runs:
    sessions = os.path.join(folder, "sessions")
    names = os.listdir(sessions)
    names = [name for name in names if name != ".lock"]  # the folder's save lock, there by design
    stray = [name for name in names if not name.endswith(".json")]
    listing = subprocess.run([samtale, "sessions", "list", "--format", "json"], capture_output=True, check=True,
                             env=dict(environment, SAMTALE_STATE_DIR=folder)).stdout
    finished = [row for row in json.loads(listing) if row.get("status") == "finished"]
    if stray or len(names) != conversations or len(finished) != conversations:
        fail(f"{label}: {len(names) - len(stray)} session files, {len(finished)} finished, stray files {stray} "
             f"(expected {conversations} finished sessions)")

print(f"samtale talk, one-to-one of {steps} answers, {conversations} conversations per file system "
      f"(time per answer includes the durable save before the next question; p99 = nearest rank; "
      f"load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after)")
width = max(len(f"{label} ({fs}, {folder}):") for label, fs, folder in runs)
for label, fs, folder in runs:
    answers_ms = results[label]["answers"]
    print(f"{f'{label} ({fs}, {folder}):':{width}}  {len(answers_ms)} answers  "
          f"median {statistics.median(answers_ms):.3f} ms  p99 {percentile(answers_ms, 0.99):.3f} ms  "
          f"(min {min(answers_ms):.3f}, max {max(answers_ms):.3f})")
for label, fs, folder in runs:
    startup, answers_ms, ended = results[label]["startup"], results[label]["answers"], results[label]["exit"]
    whole = sum(startup) + sum(answers_ms) + sum(ended)
    print(f"{label:5} start-up to first question (incl. creating the session): median {statistics.median(startup):.3f} ms  "
          f"p99 {percentile(startup, 0.99):.3f} ms; exit after the end: median {statistics.median(ended):.3f} ms; "
          f"start-up is {100 * sum(startup) / whole:.0f}% of a conversation's {whole / conversations:.1f} ms")
PY
