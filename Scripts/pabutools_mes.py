"""Equal Shares with add1 by pabutools, as seance compares itself to it.

    python pabutools_mes.py FILE.pb      (or - for standard input)

Prints the funded projects' ids on one line, then the seconds pabutools' method_of_equal_shares
took (parsing excluded), then pabutools' version. Called as seance calls it: cost satisfaction, lexicographic tie-break,
voter_budget_increment=1 (one unit of money per voter and raise).
"""
import sys
import time
from importlib.metadata import version

from pabutools.election import Cost_Sat
from pabutools.election.pabulib import parse_pabulib_from_string
from pabutools.rules import method_of_equal_shares

text = sys.stdin.read() if sys.argv[1] == "-" else open(sys.argv[1], encoding="utf-8").read()
instance, profile = parse_pabulib_from_string(text)
start = time.perf_counter()
outcome = method_of_equal_shares(instance, profile, sat_class=Cost_Sat, voter_budget_increment=1)
seconds = time.perf_counter() - start
print(" ".join(p.name for p in outcome))
print(f"{seconds:.6f}")
print(version("pabutools"))
