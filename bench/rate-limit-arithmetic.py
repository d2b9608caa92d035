#!/usr/bin/env python3
"""How many GitHub tokens buy what completeness: the rate-limit arithmetic of docs/operations.md.

    python3 bench/rate-limit-arithmetic.py            # the tables of docs/operations.md
    python3 bench/rate-limit-arithmetic.py --rate 80  # for a feed of 80 events/s
    python3 bench/rate-limit-arithmetic.py --retention-days 1 --tokens 1,4

The model is the poller's pacing (poller-service, TokenPool): each token polls no more
often than GitHub's X-Poll-Interval (60 s in every recorded response) and no faster than its
hourly budget lasts; N tokens take turns, so they poll N times as often overall. One poll
reads at most POLLER_PAGES pages of 100 events, and GitHub's public /events feed reaches
back at most 300 events, so a poll sees at most the 300 newest events. A 304 Not Modified
(ETag unchanged) does not count against the budget. Events that arrive faster than the
polls can read them scroll out of the 300 reachable and are lost (the poller counts such
polls as suspected gaps).

The feed rate comes from the shipped sample: the first 2,048 events of a GH Archive hour
(poller-service/samples), read here. It is the rate GH Archive recorded at that moment, not
a constant: use --rate for another one.
"""

import argparse
import gzip
import json
import math
from datetime import datetime
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "poller-service/samples/gharchive-2025-01-01-15.first2048.ndjson.gz"
TOKEN_BUDGET = 5000  # requests/hour for an authenticated user
ANONYMOUS_BUDGET = 60  # requests/hour per IP address
POLL_INTERVAL = 60  # seconds: X-Poll-Interval of GitHub's /events
EVENTS_PER_PAGE = 100
REACHABLE = 300  # events GitHub's /events lets a client page back through


def sample_rate(path):
    """Events per second in the sample: its events over the seconds they span."""
    times = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                created = json.loads(line)["created_at"]
                times.append(datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ"))
    span = (max(times) - min(times)).total_seconds() + 1
    return len(times), span, len(times) / span


def plan(tokens, pages, rate):
    """What N tokens (0 = anonymous) can do against a feed of `rate` events/s."""
    per_poll = min(pages * EVENTS_PER_PAGE, REACHABLE)
    budget = TOKEN_BUDGET if tokens else ANONYMOUS_BUDGET
    accounts = max(tokens, 1)
    # Each token: at most one poll per X-Poll-Interval, and no more polls than its budget buys
    # when every poll costs all its pages (a busy feed: every page is new, nothing is 304).
    interval_by_budget = 3600 / (budget / pages)
    interval = max(POLL_INTERVAL, interval_by_budget) / accounts
    polls_per_hour = 3600 / interval
    capacity = per_poll / interval  # events/s the polls can read
    new_per_poll = rate * interval
    pages_needed = min(pages, max(1, math.ceil(new_per_poll / EVENTS_PER_PAGE)))
    requests_per_hour = polls_per_hour * pages_needed
    return {
        "tokens": "anonymous" if tokens == 0 else str(tokens),
        "interval": interval,
        "polls": polls_per_hour,
        "requests": requests_per_hour,
        "budget_used": requests_per_hour / (budget * accounts),
        "capacity": capacity,
        "completeness": min(1.0, capacity / rate),
        "tokens_for_all": math.ceil(rate / (per_poll / POLL_INTERVAL)),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, help="events/s of the feed (default: the sample's)")
    parser.add_argument("--pages", type=int, default=3, help="POLLER_PAGES (1 to 3, default 3)")
    parser.add_argument("--tokens", default="0,1,2,4,8,11,16", help="token counts to tabulate")
    parser.add_argument("--retention-days", type=float, default=7, help="RETENTION in days (default 7)")
    parser.add_argument("--bytes-per-event", type=float, default=124,
                        help="Redis memory per retained event (default 124: docs/benchmarks.md, Ingest)")
    args = parser.parse_args()

    count, span, measured = sample_rate(SAMPLE)
    rate = args.rate or measured
    print(f"Sample: {count} events over {span:.0f} s = {measured:.1f} events/s "
          f"({measured * 3600:,.0f} events/hour) in {SAMPLE.name}")
    print(f"Feed rate used: {rate:.1f} events/s; POLLER_PAGES={args.pages}; "
          f"X-Poll-Interval={POLL_INTERVAL} s; {REACHABLE} events reachable per poll")
    print()
    print("| tokens | poll every | polls/hour | requests/hour (200s) | budget used "
          "| events/s readable | events/hour readable | completeness |")
    print("|---|---|---|---|---|---|---|---|")
    for tokens in (int(t) for t in args.tokens.split(",")):
        row = plan(tokens, args.pages, rate)
        print(f"| {row['tokens']} | {row['interval']:.1f} s | {row['polls']:,.0f} | {row['requests']:,.0f} "
              f"| {row['budget_used']:.1%} | {row['capacity']:.1f} | {row['capacity'] * 3600:,.0f} "
              f"| {row['completeness']:.1%} |")
    print()
    print(f"Redis memory for RETENTION={args.retention_days:g}d at {args.bytes_per_event:g} bytes per event "
          f"(the events the tokens can read, at most the feed's):")
    print()
    print("| tokens | events stored/s | events retained | Redis used_memory |")
    print("|---|---|---|---|")
    for tokens in (int(t) for t in args.tokens.split(",")):
        row = plan(tokens, args.pages, rate)
        stored = min(row["capacity"], rate)
        retained = stored * args.retention_days * 86400
        print(f"| {row['tokens']} | {stored:.1f} | {retained:,.0f} | {retained * args.bytes_per_event / 2**20:,.0f} MiB |")
    print()
    print(f"Tokens to read every event at {rate:.1f} events/s: {plan(1, args.pages, rate)['tokens_for_all']} "
          f"(each token reads at most {min(args.pages * EVENTS_PER_PAGE, REACHABLE) / POLL_INTERVAL:.0f} events/s)")


if __name__ == "__main__":
    main()
