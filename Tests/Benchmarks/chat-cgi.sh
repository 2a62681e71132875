#!/usr/bin/env bash
# The cost of one `samtale chat cgi` request, as Apache or lighttpd pays it (a process per request): the release
# binary answering a Zulip message that starts a conversation (the flow expanded over its deck, the session saved)
# and one that continues it (the session read, moved and saved), against a minimal Swift program that prints one
# line, built by the same toolchain with -O into .build/. Alternating, RUNS runs each (default 30); prints the
# medians and each one's ratio to the minimal program. Every response is checked: 200 and the expected question.
#
# Usage: Tests/Benchmarks/chat-cgi.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-30}"

swift build -c release --product samtale >/dev/null
samtale="$(swift build -c release --show-bin-path)/samtale"
mkdir -p .build/benchmarks
printf 'print("Hvad vil du gøre mere af i dag?")\n' >.build/benchmarks/hello.swift
swiftc -O .build/benchmarks/hello.swift -o .build/benchmarks/hello

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat >"$work/chat.json" <<'JSON'
{"endpoints": [{"path": "/zulip", "platform": "zulip", "secretEnv": "SAMTALE_ZULIP_TOKEN", "flow": "one-to-one"}]}
JSON

python3 - "$runs" "$samtale" "$PWD/.build/benchmarks/hello" "$work" <<'PY'
import json, os, statistics, subprocess, sys, time
runs, samtale, hello, folder = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
token = "benchmark-token"
environment = {
    "PATH": os.environ["PATH"], "HOME": folder, "LANG": "C.UTF-8", "SAMTALE_ZULIP_TOKEN": token,
    "SAMTALE_STATE_DIR": os.path.join(folder, "state"),
}

def zulip(sender, message_id, text):
    """What Zulip sends for a direct message from `sender` to the bot, as the web server hands it on."""
    body = json.dumps({
        "data": text, "token": token, "trigger": "direct_message",
        "message": {"id": message_id, "sender_id": sender, "sender_full_name": "Iago", "type": "private",
                    "timestamp": int(time.time()), "display_recipient": [{"id": sender}, {"id": 1}]},
    }).encode()
    cgi = dict(environment, GATEWAY_INTERFACE="CGI/1.1", SERVER_PROTOCOL="HTTP/1.1", REQUEST_METHOD="POST",
               SCRIPT_NAME="/samtale", PATH_INFO="/zulip", QUERY_STRING="", CONTENT_TYPE="application/json",
               CONTENT_LENGTH=str(len(body)), HTTP_HOST="chat.example")
    return [samtale, "chat", "cgi", "--config", os.path.join(folder, "chat.json")], cgi, body

def timed(command, env=None, body=b"", expect=None):
    start = time.perf_counter()
    result = subprocess.run(command, env=env, input=body, cwd=folder, capture_output=True, check=True)
    elapsed = (time.perf_counter() - start) * 1000
    if expect is not None:
        head, _, reply = result.stdout.partition(b"\r\n\r\n")
        if not head.startswith(b"Status: 200 OK") or expect not in json.loads(reply)["content"]:
            sys.exit(f"unexpected response: {result.stdout[:300]!r}")
    return elapsed

times = {"minimal Swift program": [], "chat cgi, new conversation": [], "chat cgi, an answer": []}
for run in range(runs):  # alternating, so all see the same machine load
    sender = 1000 + run
    times["minimal Swift program"].append(timed([hello]))
    times["chat cgi, new conversation"].append(timed(*zulip(sender, 2 * run, "hej"), expect="Spørgsmål 1 af 4"))
    times["chat cgi, an answer"].append(
        timed(*zulip(sender, 2 * run + 1, "Jeg holder fast i borgerens behov"), expect="Spørgsmål 2 af 4"))
base = statistics.median(times["minimal Swift program"])
for name, values in times.items():
    median = statistics.median(values)
    print(f"{name:28} median {median:7.3f} ms over {runs} runs (min {min(values):.3f}, max {max(values):.3f}), "
          f"ratio {median / base:.2f}")
PY
