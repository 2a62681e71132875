#!/usr/bin/env bash
# Spacing of the daily question: for each pool below, the day's question of 250 working days (weekends and Danish
# holidays skipped, from Monday 2027-01-04), asked of the binary through `samtale serve --stdio --ephemeral` (one
# process, one `prompt` request a day; the same choice as `samtale prompt --date … --skip-weekends --holidays dk`).
# Prints per pool:
#
#   questions, cards  the pool's size, counted as the distinct questions and cards of 3,000 consecutive days (every
#                     card comes once in each cycle of as many days as the pool has cards, and each of its questions
#                     within as many cycles as it has questions, so a longer run finds no more; checked against
#                     the first 1,500 days)
#   half              half the pool's questions: no question should return sooner
#   question          the shortest distance, in working days, between two days that ask the same question (the
#                     same text on the same card; "-" when none returns)
#   card              the shortest distance between two days on the same card (1 would be two days running)
#   statement         the shortest distance between two days whose cards share a statement (the same card, or two
#                     roles' cards that say the same)
#
# Usage: Tests/Benchmarks/spacing.sh [SAMTALE]    (SAMTALE: a built samtale binary; default: build the release one)
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ $# -le 1 ]] || { echo "usage: Tests/Benchmarks/spacing.sh [SAMTALE]" >&2; exit 64; }

if [[ $# -eq 1 ]]; then
    samtale="$1"
else
    swift build -c release --product samtale >/dev/null
    samtale="$(swift build -c release --show-bin-path)/samtale"
fi
[[ -x "$samtale" ]] || { echo "spacing.sh: $samtale is not an executable" >&2; exit 66; }

python3 - "$samtale" <<'PY'
import datetime, json, os, subprocess, sys

samtale = sys.argv[1]
pools = [
    ("skanderborg (default)", {"deck": "skanderborg"}),
    ("skanderborg --role direktoer", {"deck": "skanderborg", "role": "direktoer"}),
    ("skanderborg --theme personaleudvikl.", {"deck": "skanderborg", "theme": "ledelse af personaleudvikling"}),
    ("socialafdelingen (default)", {"deck": "socialafdelingen"}),
    ("hjoerring-dialogkort (default)", {"deck": "hjoerring-dialogkort"}),
    ("hjoerring-dialogkort --for group", {"deck": "hjoerring-dialogkort", "for": "group"}),
    ("hjoerring-ledelse-af-kerneopgaven", {"deck": "hjoerring-ledelse-af-kerneopgaven"}),
    ("kolding", {"deck": "kolding"}),
]
WORKING_DAYS, POOL_DAYS = 250, 3000
start = datetime.date(2027, 1, 4)
# Working days fall on at most 250 · 7/5 calendar days plus the holidays; 400 is plenty.
calendar_days = 400

# Every request of every pool on one server's standard input, answered in order; nothing of the caller's own
# set-up (its SAMTALE_* variables, extra decks) reaches it.
environment = {key: value for key, value in os.environ.items() if not key.startswith("SAMTALE_")}
lines = []
for _, filters in pools:
    for day in range(calendar_days):
        date = (start + datetime.timedelta(days=day)).isoformat()
        lines.append(dict(filters, type="prompt", date=date, skipWeekends=True, holidays="dk"))
    for day in range(POOL_DAYS):
        lines.append(dict(filters, type="prompt", date=(start + datetime.timedelta(days=day)).isoformat()))
requests = "".join(json.dumps(dict(line, id=index)) + "\n" for index, line in enumerate(lines))
run = subprocess.run([samtale, "serve", "--stdio", "--ephemeral"], input=requests.encode(), env=environment,
                     capture_output=True, check=False)
answers = [json.loads(line) for line in run.stdout.decode().splitlines()]
if run.returncode != 0 or len(answers) != len(lines) or any(a.get("type") == "error" for a in answers):
    errors = [a for a in answers if a.get("type") == "error"][:3]
    sys.exit(f"spacing.sh: samtale serve failed (exit {run.returncode}, {len(answers)} of {len(lines)} answers): "
             f"{errors or run.stderr.decode()[:500]}")

def card(prompt):
    return (prompt["role"], prompt["theme"])

def question(prompt):
    return card(prompt) + (prompt["audience"], prompt["text"])

def shortest(days, same):
    """The shortest distance between two of the days whose prompts `same` finds alike (None if no two are)."""
    best, seen = None, {}
    for day, prompt in enumerate(days):
        for key in same(prompt):
            if key in seen and (best is None or day - seen[key] < best):
                best = day - seen[key]
            seen[key] = day
    return best

print(f"{'pool':36} {'questions':>9} {'cards':>5} {'half':>5} {'question':>8} {'card':>4} {'statement':>9}")
offset = 0
for name, _ in pools:
    daily = [a["prompt"] for a in answers[offset:offset + calendar_days] if a["type"] == "prompt"][:WORKING_DAYS]
    offset += calendar_days
    every_day = [a["prompt"] for a in answers[offset:offset + POOL_DAYS]]
    offset += POOL_DAYS
    if len(daily) < WORKING_DAYS:
        sys.exit(f"spacing.sh: only {len(daily)} working days in {calendar_days} days for {name}")
    questions = len({question(p) for p in every_day})
    cards = len({card(p) for p in every_day})
    if (questions, cards) != (len({question(p) for p in every_day[:POOL_DAYS // 2]}),
                              len({card(p) for p in every_day[:POOL_DAYS // 2]})):
        sys.exit(f"spacing.sh: {name} did not show its whole pool within {POOL_DAYS // 2} days")
    show = lambda distance: "-" if distance is None else str(distance)
    print(f"{name:36} {questions:>9} {cards:>5} {questions / 2:>5g} "
          f"{show(shortest(daily, lambda p: [question(p)])):>8} {show(shortest(daily, lambda p: [card(p)])):>4} "
          f"{show(shortest(daily, lambda p: p['statements'])):>9}")
PY
