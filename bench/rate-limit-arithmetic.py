#!/usr/bin/env python3
"""What a request budget buys of GitHub's public events feed: the arithmetic of docs/operations.md.

    python3 bench/rate-limit-arithmetic.py                              # the tables of docs/operations.md
    python3 bench/rate-limit-arithmetic.py --push-rate 250 --other-rate 80
    python3 bench/rate-limit-arithmetic.py --retention-days 7

The feed as GitHub serves it since mid-2025 is two streams (issue 9): page 1 shows the newest
100 Push/Create/Delete events, about 200 a second; pages 2 and 3 show the newest 200 events of
every other type (pull requests, issues, stars, made public...), about 50 a second. Every page
of either stream is new within seconds, so a request buys at most 100 new events, and a 304
(nothing new, free) never happens at these rates.

The best any scheduler can do with a budget of R requests a second:
  - pages 2-3 complete once R >= other_rate / 100 (every request reads 100 new events);
  - page 1 gets what is left: share = (R - other_rate / 100) * 100 / push_rate, at most 1.
The poller (POLLER_PACING=budget) keeps pages 2-3 complete first and reaches about 0.9 of the
best on page 1 (docs/benchmarks.md, Capture: it reads with an overlap margin, so that a read
proves it missed nothing). With POLLER_PACING=poll-interval each credential asks for at most
POLLER_PAGES pages per X-Poll-Interval (60 s): a read of each stream a minute.

R is each credential's hourly budget over 3600 s (5,000 for a personal token, up to 15,000
for a GitHub App installation, 60 without a token), capped by POLLER_MAX_REQUESTS_PER_MINUTE
(600 by default, GitHub allows 900 per endpoint). Tokens of one account share one budget.
"""

import argparse

PAGE = 100  # events per page
POLL_INTERVAL = 60  # seconds: X-Poll-Interval of GitHub's /events
MAX_PER_MINUTE = 600  # POLLER_MAX_REQUESTS_PER_MINUTE's default, per credential

# name, requests an hour, credentials
BUDGETS = [
    ("anonymous", 60, 1),
    ("1 token", 5_000, 1),
    ("2 tokens", 10_000, 2),
    ("3 tokens", 15_000, 3),
    ("GitHub App (15,000/h)", 15_000, 1),
    ("5 tokens", 25_000, 5),
    ("10 tokens", 50_000, 10),
    ("App + 10 tokens", 65_000, 11),
]


def requests_per_second(per_hour, credentials):
    return min(per_hour / 3600, credentials * MAX_PER_MINUTE / 60)


def budget_pacing(per_hour, credentials, push, other):
    """(pages 2-3 share, page 1 best share, events stored/s) with the budget spread evenly."""
    rate = requests_per_second(per_hour, credentials)
    other_share = min(1.0, rate * PAGE / other)
    left = max(0.0, rate - other / PAGE)
    push_share = min(1.0, left * PAGE / push)
    return other_share, push_share, other * other_share + push * push_share


def poll_interval_pacing(per_hour, credentials, pages, push, other):
    """The same with each credential asking for at most `pages` pages per poll interval,
    and never more than its budget (60 an hour without a token is less than 3 a minute)."""
    # sweeps a second, each reading every page
    reads = min(credentials / POLL_INTERVAL, requests_per_second(per_hour, credentials) / max(1, pages))
    other_pages = min(2, max(0, pages - 1))
    push_pages = 1 if pages >= 1 else 0
    other_share = min(1.0, reads * other_pages * PAGE / other)
    push_share = min(1.0, reads * push_pages * PAGE / push)
    return other_share, push_share, other * other_share + push * push_share


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--push-rate", type=float, default=200, help="page 1's events/s (default 200)")
    parser.add_argument("--other-rate", type=float, default=50, help="pages 2-3's events/s (default 50)")
    parser.add_argument("--pages", type=int, default=3, help="POLLER_PAGES (1 to 3, default 3)")
    parser.add_argument("--retention-days", type=float, default=1, help="RETENTION in days (default 1)")
    parser.add_argument("--bytes-per-event", type=float, default=124,
                        help="Redis memory per retained event (default 124: docs/benchmarks.md, Ingest)")
    args = parser.parse_args()
    push, other = args.push_rate, args.other_rate

    print(f"Feed: page 1 {push:g} events/s, pages 2-3 {other:g} events/s; "
          f"POLLER_MAX_REQUESTS_PER_MINUTE={MAX_PER_MINUTE} per credential")
    print()
    print("| budget | requests/s | budget: pages 2-3 | budget: page 1 (best) | poll-interval: pages 2-3 "
          "| poll-interval: page 1 |")
    print("|---|---|---|---|---|---|")
    for name, per_hour, credentials in BUDGETS:
        rate = requests_per_second(per_hour, credentials)
        b_other, b_push, _ = budget_pacing(per_hour, credentials, push, other)
        p_other, p_push, _ = poll_interval_pacing(per_hour, credentials, args.pages, push, other)
        print(f"| {name} | {rate:.2f} | {b_other:.1%} | {b_push:.1%} | {p_other:.1%} | {p_push:.1%} |")
    needed = (other + push) / PAGE * 3600
    print()
    print(f"Every event of both streams: {needed:,.0f} requests an hour "
          f"({needed / 5000:.1f} personal tokens, {needed / 15000:.1f} App installations).")
    print()
    print(f"Redis memory for RETENTION={args.retention_days:g}d at {args.bytes_per_event:g} bytes per event, "
          f"with POLLER_PACING=budget (the poller's share of page 1 is about 0.9 of the best):")
    print()
    print("| budget | events stored/s | events retained | Redis used_memory |")
    print("|---|---|---|---|")
    for name, per_hour, credentials in BUDGETS:
        b_other, b_push, _ = budget_pacing(per_hour, credentials, push, other)
        stored = other * b_other + push * min(1.0, 0.9 * b_push)
        retained = stored * args.retention_days * 86400
        print(f"| {name} | {stored:.1f} | {retained:,.0f} | {retained * args.bytes_per_event / 2**20:,.0f} MiB |")


if __name__ == "__main__":
    main()
