"""A fleet through one content release (make fleet): 50 kiosks' update agents, nginx as the
clinic group's update host, time compressed so an hour passes in 30 seconds.

Each agent is a process of its own with its own data folder, running the kiosk's
update worker and checks unchanged; only its intervals are scaled down. nginx
(Debian's nginx-light, 127.0.0.1 only, config written here) serves the signed
bundle; its access log is the record of what the fleet cost. Prints the time
until every kiosk has the release, what was served, how the polls spread, and
the daily cost projected to 1,000 and 10,000 kiosks.
"""

from __future__ import annotations

import collections
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from nacl.signing import SigningKey

from kiosk.bundles import store
from kiosk.bundles.build import build_bundle
from kiosk.bundles.signing import PUBLIC_KIND, TRUSTED_KEYS
from kiosk.secretfile import public_key_text
from tests.conftest import REPO, SAMPLE_CONTENT
from tests.nginx import needs_nginx, nginx
from tests.servers import free_port
from tests.waiting import wait_until

pytestmark = [pytest.mark.fleet, needs_nginx]

KIOSKS = 50
SCALE = 120  # simulated seconds per real second: an hour in 30 s
CHECK_MINUTES, START_DELAY_MINUTES = 60, 15  # the shipped defaults
EVERY = CHECK_MINUTES * 60 / SCALE
START_DELAY = START_DELAY_MINUTES * 60 / SCALE
CHECKS_PER_DAY = 24 * 60 / CHECK_MINUTES


def release(content: Path, version: int, key: SigningKey, out: Path) -> Path:
    source = out.parent / f"content-{version}"
    shutil.copytree(content, source)
    toml = source / "bundle.toml"
    toml.write_text(re.sub(r"(?m)^version = \d+", f"version = {version}", toml.read_text()))
    built = out.parent / f"release-{version}.kbundle"
    build_bundle(source, key, built)
    built.replace(out.with_suffix(".new"))
    out.with_suffix(".new").replace(out)  # published in one step, as a careful host does
    return out


def prepare_kiosk(folder: Path, key: SigningKey, first: Path) -> Path:
    (folder / TRUSTED_KEYS).mkdir(parents=True)
    (folder / TRUSTED_KEYS / "signing.pub").write_text(
        public_key_text(PUBLIC_KIND, bytes(key.verify_key))
    )
    from kiosk.bundles.signing import trusted_keys

    store.install(first, folder, trusted_keys(folder), "0.1.0")  # in service, on version 1
    return folder


def start_agent(folder: Path, url: str, name: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "tests.fleet.agent", str(folder), url, str(EVERY),
               str(START_DELAY), name]  # fmt: skip
    return subprocess.Popen(command, cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)  # fmt: skip


def test_fifty_kiosks_take_one_release(tmp_path: Path) -> None:
    key = SigningKey.generate()
    site = tmp_path / "site"
    site.mkdir()
    published = site / "libertas-mind.kbundle"
    release(SAMPLE_CONTENT, 1, key, published)
    kiosks = [prepare_kiosk(tmp_path / f"kiosk-{n:02d}", key, published) for n in range(KIOSKS)]
    port = free_port()
    servers = f"server {{ listen 127.0.0.1:{port}; root {site}; }}"
    url = f"http://127.0.0.1:{port}/{published.name}"

    with nginx(tmp_path / "nginx", servers, [port]) as web:
        agents = [start_agent(folder, url, f"kiosk-{n:02d}") for n, folder in enumerate(kiosks)]
        outputs: list[list[str]] = [[] for _ in agents]
        readers = [threading.Thread(target=lambda a=a, o=o: o.extend(a.stdout), daemon=True)
                   for a, o in zip(agents, outputs, strict=True)]  # fmt: skip
        for reader in readers:
            reader.start()
        try:
            # Every agent asks twice before the release: the first time it fetches the file
            # it already has (it knows no ETag yet); from then on it is in its steady state.
            wait_until(lambda: len(web.access_log()) >= 2 * KIOSKS, "every kiosk's second check",
                       timeout=START_DELAY + 2 * EVERY + 60)  # fmt: skip
            size = release(SAMPLE_CONTENT, 2, key, published).stat().st_size
            released = time.time()
            wait_until(lambda: all(store.active(k).version == 2 for k in kiosks),  # type: ignore[union-attr]
                       "all 50 kiosks to install version 2", timeout=EVERY * 3 + 60)  # fmt: skip
            done = time.time()
        finally:
            stop(agents, readers)
        log = web.access_log()
    assert not [a for a in agents if a.returncode != 0]  # every process it started has ended

    installs = [float(line.split()[2]) for lines in outputs for line in lines
                if line.startswith("installed 2 ")]  # fmt: skip
    assert len(installs) == KIOSKS
    report(log, released, done, installs, size)


def stop(agents: list[subprocess.Popen[str]], readers: list[threading.Thread]) -> None:
    for agent in agents:
        assert agent.stdin is not None
        agent.stdin.close()  # each agent ends when its input does
    for agent, reader in zip(agents, readers, strict=True):
        try:
            agent.wait(timeout=30)
        except subprocess.TimeoutExpired:
            agent.kill()  # the run is bounded: nothing it started outlives it
            agent.wait()
        reader.join(timeout=10)
        assert agent.stdout is not None
        agent.stdout.close()


def report(log: list[list[str]], released: float, done: float, installs: list[float],
           size: int) -> None:  # fmt: skip
    after = [line for line in log if float(line[0]) >= released]
    downloads = [line for line in after if line[3] == "200"]
    unchanged = [line for line in log if line[3] == "304"]
    per_304 = sum(int(line[7]) for line in unchanged) / len(unchanged)
    total, since = (sum(int(line[7]) for line in lines) for lines in (log, after))
    # Polls per simulated second, over the whole run: the start delay and the jitter
    # must keep any one second from carrying more than a tenth of the fleet.
    busiest = max(collections.Counter(int(float(line[0]) * SCALE) for line in log).values())
    waits = sorted((when - released) * SCALE / 60 for when in installs)
    lines = [
        f"fleet of {KIOSKS}, an hour every {60 * 60 / SCALE:.0f} s of real time:",
        f"  all {KIOSKS} installed the release {waits[-1]:.0f} simulated minutes after it "
        f"(median {waits[KIOSKS // 2]:.0f}); each shows it on its attract screen within a "
        "minute more",
        f"  nginx served {len(log)} requests, {total / 1024:.0f} KiB; after the release "
        f"{len(after)} ({len(downloads)} downloads of {size / 1024:.0f} KiB), "
        f"{since / 1024:.0f} KiB; a 304 costs {per_304:.0f} bytes",
        f"  polls in the busiest simulated second: {busiest} of {KIOSKS} "
        f"({100 * busiest / KIOSKS:.0f} %; target at most 10 %)",
        "  projected per day (hourly checks, one release a day):",
    ]
    for fleet in (1_000, 10_000):
        requests = fleet * CHECKS_PER_DAY
        daily = fleet * ((CHECKS_PER_DAY - 1) * per_304 + size)
        lines.append(f"    {fleet:>6,} kiosks: {requests:>9,.0f} requests, "
                     f"{daily / 2**20:8.1f} MiB, {requests / 86400:5.2f} requests/s")  # fmt: skip
    print("\n" + "\n".join(lines))
    assert len(downloads) == KIOSKS  # one download each: nobody fetched it twice
    assert busiest <= KIOSKS // 10
    assert done - released < 3 * 60 * 60 / SCALE + 60
