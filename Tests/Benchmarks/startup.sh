#!/usr/bin/env bash
# Start-up benchmark of `samtale prompt`: a cold run of the release binary against a minimal Swift program that
# prints one line, built by the same toolchain with the same optimisation, alternating, RUNS runs each (default 30).
# Prints both medians and their ratio; the target is a ratio of at most 1.5.
#
# Usage: Tests/Benchmarks/startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-30}"

swift build -c release --product samtale >/dev/null
samtale="$(swift build -c release --show-bin-path)/samtale"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf 'print("Hvad vil du gøre mere af i dag?")\n' >"$work/hello.swift"
swiftc -O "$work/hello.swift" -o "$work/hello"

python3 - "$runs" "$samtale" "$work/hello" "$work" <<'PY'
import statistics, subprocess, sys, time
runs, samtale, hello, folder = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
commands = {
    "samtale prompt": [samtale, "prompt", "--date", "2026-11-26"],
    "minimal Swift program": [hello],
}
times = {name: [] for name in commands}
for _ in range(runs):
    for name, command in commands.items():  # alternating, so both see the same machine load
        start = time.perf_counter()
        subprocess.run(command, cwd=folder, stdout=subprocess.DEVNULL, check=True)
        times[name].append((time.perf_counter() - start) * 1000)
medians = {name: statistics.median(values) for name, values in times.items()}
for name, median in medians.items():
    print(f"{name:24} median {median:7.3f} ms over {runs} runs (min {min(times[name]):.3f}, max {max(times[name]):.3f})")
ratio = medians["samtale prompt"] / medians["minimal Swift program"]
print(f"ratio {ratio:.2f} (target <= 1.5)")
PY
