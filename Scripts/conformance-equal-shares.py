"""Equal Shares with add1: seance against pabutools on the approval elections of pabutools'
tests/pabulib/All/, read from a git copy of pabutools (nothing copied into the project).

    PYTHON Scripts/conformance-equal-shares.py PABUTOOLS_GIT_DIR SEANCE_BINARY
        [--timeout 60] [--minutes 40] [--only SUBSTRING]

PYTHON is the one Scripts/pabutools-venv.sh prints. Elections are taken from the smallest file
up, while --minutes last; one that pabutools does not finish within --timeout seconds is
counted apart. Prints one line per election, then the counts.
"""
import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time

from pabutools.election import Cost_Sat
from pabutools.election.pabulib import parse_pabulib_from_string
from pabutools.rules import method_of_equal_shares


class TimedOut(Exception):
    pass


def on_alarm(signum, frame):
    raise TimedOut()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("git_dir")
    ap.add_argument("seance")
    ap.add_argument("--timeout", type=int, default=60)
    ap.add_argument("--minutes", type=float, default=40)
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    git = ["git", "--git-dir=" + args.git_dir]
    listing = subprocess.run(git + ["ls-tree", "-r", "-l", "HEAD", "tests/pabulib/All/"],
                             check=True, capture_output=True, text=True).stdout
    files = []
    absent = 0
    for line in listing.splitlines():
        meta, path = line.split("\t", 1)
        _, kind, obj, size = meta.split()
        if kind == "blob" and path.endswith(".pb") and args.only in path:
            if not size.isdigit():   # listed, but the copy does not hold the object
                absent += 1
                continue
            files.append((int(size), path, obj))
    files.sort()
    signal.signal(signal.SIGALRM, on_alarm)
    start = time.monotonic()
    counts = {"agree": 0, "differ": 0, "pabutools too slow": 0, "not approval": 0, "seance failed": 0}
    ours_total = theirs_total = 0.0
    tmp = tempfile.mkdtemp(prefix="seance-conformance-")
    for size, path, obj in files:
        if time.monotonic() - start > args.minutes * 60:
            print(f"-- time budget spent: {len(files) - sum(counts.values())} files left unread")
            break
        text = subprocess.run(git + ["cat-file", "blob", obj], check=True, capture_output=True).stdout.decode("utf-8")
        if "\nvote_type;approval" not in text.replace("\r\n", "\n"):
            counts["not approval"] += 1
            continue
        name = os.path.basename(path)
        file = os.path.join(tmp, "election.pb")
        with open(file, "w", encoding="utf-8") as f:
            f.write(text)
        t0 = time.perf_counter()
        r = subprocess.run([args.seance, "rank", "--method", "equal-shares", "--completion", "add1", file],
                           capture_output=True, text=True)
        ours_time = time.perf_counter() - t0
        if r.returncode != 0:
            counts["seance failed"] += 1
            print(f"SEANCE FAILED {name}: {r.stderr.strip().splitlines()[-1:]}", flush=True)
            continue
        ours = r.stdout.splitlines()[:-1]
        try:
            t0 = time.perf_counter()
            signal.alarm(args.timeout)
            instance, profile = parse_pabulib_from_string(text)
            outcome = method_of_equal_shares(instance, profile, sat_class=Cost_Sat, voter_budget_increment=1)
            signal.alarm(0)
            theirs_time = time.perf_counter() - t0
        except TimedOut:
            counts["pabutools too slow"] += 1
            print(f"TOO SLOW {name} ({size} bytes): pabutools over {args.timeout} s, seance {ours_time:.2f} s", flush=True)
            continue
        theirs = [p.name for p in outcome]
        ours_total += ours_time
        theirs_total += theirs_time
        if ours == theirs:
            counts["agree"] += 1
            print(f"same {name}: {len(ours)} projects, seance {ours_time:.3f} s, pabutools {theirs_time:.3f} s", flush=True)
        else:
            counts["differ"] += 1
            print(f"DIFFER {name}: seance {ours} pabutools {theirs}", flush=True)
    compared = counts["agree"] + counts["differ"]
    print(f"compared {compared} approval elections: {counts['agree']} agree, {counts['differ']} differ; "
          f"{counts['pabutools too slow']} too slow for pabutools, {counts['seance failed']} seance failed, "
          f"{counts['not approval']} files not approval, {absent} files absent from the git copy")
    if compared:
        print(f"time on those compared (seance: whole process, pabutools: parse + rule): "
              f"seance {ours_total:.1f} s, pabutools {theirs_total:.1f} s")
    return 0 if counts["differ"] == 0 and counts["seance failed"] == 0 else 1


sys.exit(main())
