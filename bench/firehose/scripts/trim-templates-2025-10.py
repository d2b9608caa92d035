#!/usr/bin/env python3
"""Writes event-templates-2025-10.tsv, the payloads of the split (2026) feed, from
event-templates.tsv (the median payload of each type in GH Archive 2025-01-01-15).

What changed in October 2025 (issue 9) is applied to the recorded payloads:
- PushEvent keeps {repository_id, push_id, ref, head, before} (no commits, size, distinct_size);
- a PullRequestEvent's pull_request keeps {id, number, url, head, base}, head and base keep
  {ref, sha, repo: {id, name, url}}; the actions become opened, closed (without merging),
  merged, reopened, labeled and assigned;
- PublicEvent's payload is {} (as recorded);
- DiscussionEvent is new: no recording holds one, so its payload is made up in the shape of
  the webhook's discussion object.
Every other type keeps its recorded payload. ${...} marks what the generator fills in per
event (the repository, pull request numbers and ids, push ids, commit shas).

Run from the repository root: python3 bench/firehose/scripts/trim-templates-2025-10.py
"""
import json
import pathlib

RESOURCES = pathlib.Path("bench/firehose/src/main/resources/io/github/eventsgateway/firehose")

# Weights: the 2025-01-01 counts of the sample hour. The 58 closed pull requests of that hour
# become 35 merged and 23 closed (closed now means closed without merging); labeled and
# assigned, which the feed did not carry before, are given 20 and 8; DiscussionEvent 4.
PULL_REQUEST_ACTIONS = [("opened", 54), ("merged", 35), ("closed", 23), ("labeled", 20),
                        ("assigned", 8), ("reopened", 1)]
DISCUSSION_WEIGHT = 4


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def repo(name_key="${repo.name}"):
    return {"id": "${repo.id}", "name": name_key, "url": "https://api.github.com/repos/${repo.name}"}


def unquote_placeholders(text):
    # numbers are filled in without quotes
    for key in ("repo.id", "pr.number", "pr.id", "push.id", "discussion.number", "discussion.id"):
        text = text.replace('"${' + key + '}"', "${" + key + "}")
    return text


def push_payload(recorded):
    return {"repository_id": "${repo.id}", "push_id": "${push.id}", "ref": recorded["ref"],
            "head": "${sha.head}", "before": "${sha.before}"}


def pull_request_payload(action, recorded):
    pull = recorded["pull_request"]
    return {"action": action, "number": "${pr.number}", "pull_request": {
        "id": "${pr.id}", "number": "${pr.number}",
        "url": "https://api.github.com/repos/${repo.name}/pulls/${pr.number}",
        "head": {"ref": pull["head"]["ref"], "sha": "${sha.head}", "repo": repo()},
        "base": {"ref": pull["base"]["ref"], "sha": "${sha.base}", "repo": repo()}}}


def discussion_payload():
    return {"action": "created", "discussion": {
        "repository_url": "https://api.github.com/repos/${repo.name}",
        "category": {"id": 37796221, "node_id": "DIC_kwDOKp1ypc4CQLp9", "repository_id": "${repo.id}",
                     "emoji": ":pray:", "name": "Q&A", "description": "Ask the community for help",
                     "created_at": "2024-11-02T10:24:17Z", "updated_at": "2024-11-02T10:24:17Z",
                     "slug": "q-a", "is_answerable": True},
        "answer_html_url": None, "answer_chosen_at": None, "answer_chosen_by": None,
        "html_url": "https://github.com/${repo.name}/discussions/${discussion.number}",
        "id": "${discussion.id}", "node_id": "D_kwDOKp1ypc4AdK5y", "number": "${discussion.number}",
        "title": "How do I run the tests locally?", "state": "open", "state_reason": None,
        "locked": False, "comments": 0, "created_at": "${created_at}", "updated_at": "${created_at}",
        "author_association": "NONE", "active_lock_reason": None,
        "body": "The README says to run the tests, but the command fails on a fresh clone. What am I missing?",
        "reactions": {"url": "https://api.github.com/repos/${repo.name}/discussions/${discussion.number}/reactions",
                      "total_count": 0, "+1": 0, "-1": 0, "laugh": 0, "hooray": 0, "confused": 0,
                      "heart": 0, "rocket": 0, "eyes": 0},
        "timeline_url": "https://api.github.com/repos/${repo.name}/discussions/${discussion.number}/timeline"}}


def main():
    rows = []
    pull_requests = {}
    for line in (RESOURCES / "event-templates.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        event_type, action, weight, payload = line.split("\t")
        recorded = json.loads(payload)
        if event_type == "PushEvent":
            rows.append((event_type, "", weight, compact(push_payload(recorded))))
        elif event_type == "PullRequestEvent":
            pull_requests[action] = recorded
        else:
            rows.append((event_type, action, weight, payload))
    for action, weight in PULL_REQUEST_ACTIONS:
        recorded = pull_requests.get(action, pull_requests["closed"])
        rows.append(("PullRequestEvent", action, str(weight), compact(pull_request_payload(action, recorded))))
    rows.append(("DiscussionEvent", "", str(DISCUSSION_WEIGHT), compact(discussion_payload())))
    rows.sort(key=lambda row: (row[0], row[1]))
    header = ("# type\taction\tweight\tpayload (GH Archive 2025-01-01-15 payloads trimmed as GitHub trimmed them in "
              "October 2025; ${...} is filled in per event; written by bench/firehose/scripts/trim-templates-2025-10.py)")
    text = "\n".join([header] + ["\t".join((t, a, w, unquote_placeholders(p))) for t, a, w, p in rows]) + "\n"
    (RESOURCES / "event-templates-2025-10.tsv").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
