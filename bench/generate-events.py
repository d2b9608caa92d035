#!/usr/bin/env python3
"""Writes synthetic GitHub events in GH Archive format: one JSON object a line.

The events look like GitHub's public feed: a realistic mix of types, ids like GitHub's
(numeric strings, increasing with small jumps), a long tail of repositories, pull
requests opened and closed, and a few PublicEvents. The same seed gives the same file.
Python 3 standard library only.

    bench/generate-events.py --count 1000000 --output /tmp/events.ndjson.gz
    bench/generate-events.py --count 5000 --end 2026-11-23T10:00:00Z --seed 7 > events.ndjson
"""
import argparse
import datetime
import gzip
import json
import random
import sys

# Roughly the mix of GH Archive hours in 2025 (see the fixtures' README).
TYPE_WEIGHTS = [
    ("PushEvent", 640), ("CreateEvent", 100), ("PullRequestEvent", 60), ("WatchEvent", 55),
    ("IssueCommentEvent", 35), ("DeleteEvent", 20), ("IssuesEvent", 18), ("ReleaseEvent", 12),
    ("ForkEvent", 12), ("PullRequestReviewEvent", 10), ("PullRequestReviewCommentEvent", 8),
    ("PublicEvent", 5), ("GollumEvent", 2), ("MemberEvent", 2), ("CommitCommentEvent", 1),
]
PR_ACTIONS = [("opened", 48), ("closed", 51), ("reopened", 1)]
WORDS = ["api", "web", "app", "core", "cli", "data", "lib", "tools", "site", "bot", "sdk", "ml",
         "docs", "infra", "ui", "server", "kit", "engine", "notes", "config"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000, help="events to write (default 100000)")
    parser.add_argument("--output", default="-", help="file to write, gzipped when it ends in .gz (default stdout)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--rate", type=float, default=300.0,
                        help="events per second of created_at (default 300, about GitHub's)")
    parser.add_argument("--end", default=None,
                        help="created_at of the newest event, ISO-8601 UTC (default now)")
    parser.add_argument("--repos", type=int, default=200_000, help="distinct repositories (default 200000)")
    parser.add_argument("--first-id", type=int, default=45_000_000_000, help="id of the first event")
    return parser.parse_args()


def weighted(rng, pairs):
    names = [name for name, _ in pairs]
    weights = [weight for _, weight in pairs]
    cumulative = []
    total = 0
    for weight in weights:
        total += weight
        cumulative.append(total)
    return names, cumulative, total


def pick(rng, table):
    names, cumulative, total = table
    x = rng.random() * total
    lo, hi = 0, len(cumulative) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cumulative[mid] > x:
            hi = mid
        else:
            lo = mid + 1
    return names[lo]


def repo_of(rng, repos):
    # A long tail: a few repositories are busy, most appear once or twice.
    # Half of these land on the first few hundred repositories.
    index = min(int(rng.paretovariate(1.1) * 50) - 50, repos - 1)
    if rng.random() < 0.6:
        index = rng.randrange(repos)
    return index


def repo_name(index):
    owner = "user%d" % (index * 7919 % 1_000_003)
    return "%s/%s-%s-%d" % (owner, WORDS[index % len(WORDS)], WORDS[(index // 20) % len(WORDS)], index)


def payload(rng, event_type, number):
    if event_type == "PushEvent":
        return {"repository_id": None, "push_id": 22_000_000_000 + number, "ref": "refs/heads/main",
                "head": "%040x" % rng.getrandbits(160), "before": "%040x" % rng.getrandbits(160)}
    if event_type == "PullRequestEvent":
        return {"action": pick(rng, PR_TABLE), "number": rng.randint(1, 5000),
                "pull_request": {"id": 2_200_000_000 + number, "number": rng.randint(1, 5000)}}
    if event_type in ("IssuesEvent", "IssueCommentEvent", "PullRequestReviewEvent",
                      "PullRequestReviewCommentEvent", "ReleaseEvent", "MemberEvent"):
        return {"action": "created" if "Comment" in event_type else "opened"}
    if event_type == "CreateEvent":
        return {"ref": "feature-%d" % rng.randint(1, 999), "ref_type": "branch", "master_branch": "main",
                "pusher_type": "user"}
    if event_type == "WatchEvent":
        return {"action": "started"}
    return {}


PR_TABLE = None


def main():
    global PR_TABLE
    args = parse_args()
    rng = random.Random(args.seed)
    types = weighted(rng, TYPE_WEIGHTS)
    PR_TABLE = weighted(rng, PR_ACTIONS)
    if args.end:
        end = datetime.datetime.fromisoformat(args.end.replace("Z", "+00:00"))
    else:
        end = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    end_epoch = int(end.timestamp())
    start_epoch = end_epoch - int(args.count / args.rate)

    if args.output == "-":
        out = sys.stdout
    elif args.output.endswith(".gz"):
        out = gzip.open(args.output, "wt", encoding="utf-8", compresslevel=3)
    else:
        out = open(args.output, "w", encoding="utf-8")

    event_id = args.first_id
    time_format = "%Y-%m-%dT%H:%M:%SZ"
    try:
        for n in range(args.count):
            event_id += rng.randint(1, 3)
            event_type = pick(rng, types)
            repo = repo_of(rng, args.repos)
            actor = rng.randrange(args.repos * 2)
            created = start_epoch + int(n / args.rate)
            if args.count > 1 and n == args.count - 1:
                created = end_epoch
            body = payload(rng, event_type, n)
            if event_type == "PushEvent":
                body["repository_id"] = 800_000_000 + repo
            event = {
                "id": str(event_id),
                "type": event_type,
                "actor": {"id": 1_000_000 + actor, "login": "dev%d" % actor, "display_login": "dev%d" % actor,
                          "url": "https://api.github.com/users/dev%d" % actor},
                "repo": {"id": 800_000_000 + repo, "name": repo_name(repo),
                         "url": "https://api.github.com/repos/" + repo_name(repo)},
                "payload": body,
                "public": True,
                "created_at": datetime.datetime.fromtimestamp(created, datetime.timezone.utc).strftime(time_format),
            }
            out.write(json.dumps(event, separators=(",", ":")))
            out.write("\n")
    finally:
        if out is not sys.stdout:
            out.close()


if __name__ == "__main__":
    main()
