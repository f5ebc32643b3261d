"""Timing shared by the utils/bench scripts."""
import statistics
import subprocess
import time


def timed(cmd, runs, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
    """Median wall-clock seconds of `runs` runs of `cmd` (which must
    succeed)."""
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=stdout, stderr=stderr)
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)
