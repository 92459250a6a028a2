"""Time to recognise the encoding of a long file that is not UTF-8.

Run from the project folder::

    PYTHONPATH=. .venv/bin/python bench/encoding_bench.py [--sizes 1,20,50]

For each text of ``tests/test_encoding_recognition.py`` (one per language and
legacy encoding) and each size in MiB, it builds that many bytes of the text's
sentences in a seeded shuffled order, then prints the time of
``db.importing.encodings.recognise`` (wall-clock and CPU: the machine may be
shared), the encoding found and whether the text read back exactly.  The load
average is printed before and after.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.importing.encodings import label, recognise
from tests.test_encoding_recognition import TEXTS

_SENTENCE = re.compile(r"[^.!?。]+[.!?。]\s*")


def _long_text(text: str, encoding: str, mib: float, seed: int) -> str:
    """*text*'s sentences in a shuffled order, repeated to about *mib* MiB in *encoding*."""
    sentences = _SENTENCE.findall(text) or [text]
    rng = random.Random(seed)
    unit = len(text.encode(encoding))
    out: list[str] = []
    for n in range(max(1, int(mib * 2**20 / unit))):
        rng.shuffle(sentences)
        out.append("".join(sentences).rstrip() + ("\n" if n % 4 == 3 else " "))
    return "".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,20,50", help="sizes in MiB, comma-separated")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()}")
    recognise("Café au lait".encode("cp1252"), "warm.txt")  # the detector loaded
    print(f"{'text':22} {'MiB':>5} {'wall s':>7} {'cpu s':>6}  found")
    for size in (float(s) for s in args.sizes.split(",")):
        for n, (language, encoding, text) in enumerate(TEXTS):
            long = _long_text(text, encoding, size, n)
            data = long.encode(encoding)
            wall, cpu = time.perf_counter(), time.process_time()
            found = recognise(data, "long.txt")
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            exact = "exact" if found.text == long else "WRONG"
            name = f"{language} {encoding}"
            print(
                f"{name:22} {len(data) / 2**20:5.1f} {wall:7.2f} {cpu:6.2f}  "
                f"{label(found.encoding)} ({exact})"
            )
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
