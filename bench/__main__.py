"""Run every benchmark and print one table."""

from __future__ import annotations

from bench import content


def main() -> None:
    rows = content.run()
    width = max(len(name) for name, *_ in rows)
    print(f"{'benchmark':<{width}}  {'median':>10}  {'min':>10}  {'max':>10}  runs")
    for name, median, low, high, runs in rows:
        print(f"{name:<{width}}  {median:>8.2f}ms  {low:>8.2f}ms  {high:>8.2f}ms  {runs:>4}")


if __name__ == "__main__":
    main()
