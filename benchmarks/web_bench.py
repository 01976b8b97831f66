"""Figures for `symptom-explorer serve`. A script, not a test: it prints figures and never fails on them.

1. Requests per second for POST /api/explore against a real server (`symptom-explorer serve`, uvicorn),
   with 1 and with several clients at once (each client one keep-alive connection, cases in turn).
2. Cold start of `match`, side by side: this checkout's code, and the same command with the web code
   absent (a copy of this checkout without explorer/web/ and explorer/cli/serve.py), so the difference
   is what the web code costs a `match` that never uses it. Both run with the same Python, alternately.

    python benchmarks/web_bench.py [--seconds 5] [--clients 4] [--runs 15]
"""

import argparse
import http.client
import json
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import CASES, command  # noqa: E402


def start_server():
    process = subprocess.Popen(
        command() + ["serve", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    address = process.stdout.readline().split(" at ", 1)[1].split()[0]
    host, port = address.removeprefix("http://").rstrip("/").split(":")
    return process, host, int(port)


def client(host, port, seconds, counts, index):
    connection = http.client.HTTPConnection(host, port)
    connection.connect()
    # http.client writes headers and body separately: without this, Nagle and delayed ACKs add ~40 ms each
    connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    bodies = [json.dumps({"present": p, "absent": a}) for p, a in CASES]
    done, end = 0, time.perf_counter() + seconds
    while time.perf_counter() < end:
        connection.request("POST", "/api/explore", bodies[done % len(bodies)], {"content-type": "application/json"})
        response = connection.getresponse()
        response.read()
        assert response.status == 200, response.status
        done += 1
    counts[index] = done


def requests_per_second(host, port, clients, seconds) -> float:
    counts = [0] * clients
    threads = [threading.Thread(target=client, args=(host, port, seconds, counts, i)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / seconds


def without_web(folder: Path) -> Path:
    copy = folder / "without-web"
    shutil.copytree(REPO / "explorer", copy / "explorer", ignore=shutil.ignore_patterns("__pycache__", "web"))
    (copy / "explorer" / "cli" / "serve.py").unlink()
    init = copy / "explorer" / "cli" / "__init__.py"
    text = init.read_text()
    without = re.sub(r",\s*serve\b", "", text)
    assert without != text, "explorer/cli/__init__.py no longer imports serve as expected"
    init.write_text(without)
    for name in ("data", "rules"):  # the packaged knowledge, found by the loader beside a source checkout
        shutil.copytree(REPO / name, copy / name)
    return copy


def cold_starts(runs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        roots = {"with the web code": REPO, "without it": without_web(Path(tmp))}
        times: dict = {name: [] for name in roots}
        for _ in range(runs):
            for name, root in roots.items():
                start = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "explorer", "match", "numbness", "dry eyes"],
                    cwd=root,
                    check=True,
                    capture_output=True,
                )
                times[name].append(time.perf_counter() - start)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    process, host, port = start_server()
    try:
        requests_per_second(host, port, 1, 1.0)  # warm up: engines are built on first use in each thread
        for clients in (1, args.clients):
            rate = requests_per_second(host, port, clients, args.seconds)
            print(f"POST /api/explore, {clients} client(s) for {args.seconds:g} s: {rate:.0f} requests/s")
    finally:
        process.terminate()
        process.wait(10)
    for name, times in cold_starts(args.runs).items():
        ms = [t * 1000 for t in times]
        print(
            f'cold start, `python -m explorer match numbness "dry eyes"` {name} ({args.runs} runs): '
            f"median {statistics.median(ms):.0f} ms, min {min(ms):.0f} ms, max {max(ms):.0f} ms"
        )


if __name__ == "__main__":
    main()
