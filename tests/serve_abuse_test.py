#!/usr/bin/env python3
"""`kanwu serve` under hostile and overloaded use, on 127.0.0.1 only and
bounded in time (about 40 s): a million-deep JSON body (400), chunked,
gzip-bombed bodies refused with 413 and length-less ones with 411, before they are read,
an oversize Content-Length (413, with and without Expect: 100-continue),
Range ignored (no amplification), header floods and an endless header line
cut off, slowloris with 50 sockets while valid checks are answered (p95
under 1 s), 15,000 documents of one filename in linear time, and a check
past the time limit answered 503 at the limit counted from the request's
arrival, its slot freed. After each, the server answers /healthz; after
all, its resident memory is within 2x of what it was fresh.
Usage: serve_abuse_test.py KANWU   (run from the source root)"""
import gzip
import json
import os
import socket
import statistics
import sys
import tempfile
import threading
import time

KANWU = os.path.abspath(sys.argv[1])
import serve_test  # noqa: E402  (its Server: the same start, request and stop)
failures = []


def expect(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


class Server(serve_test.Server):
    """serve_test.py's server (started, asked, stopped the same way), with
    what an attack needs besides: raw bytes, health, memory, running checks."""

    def request(self, method, path, body=None, headers=None, timeout=30):
        return super().request(method, path, body, headers, timeout)

    def raw(self, data, timeout=10, send_slowly=None, until_close=False):
        """Sends bytes as they are; returns (status or None, seconds, bytes
        received: the first answer, or all until the server closes)."""
        started = time.monotonic()
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as s:
            try:
                s.sendall(data)
                if send_slowly:
                    send_slowly(s)
            except OSError:
                pass  # the server may close while we still send: its answer is what counts
            received = b""
            try:
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    received += chunk
                    if not until_close and b"\r\n\r\n" in received and b"Content-Length" in received:
                        head, _, rest = received.partition(b"\r\n\r\n")
                        length = int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0])
                        if len(rest) >= length:
                            break
            except OSError:
                pass
        status = int(received.split(b" ")[1]) if received.startswith(b"HTTP/1.1 ") else None
        return status, time.monotonic() - started, received

    def healthy(self):
        try:
            return self.request("GET", "/healthz", timeout=10)[0] == 200 and self.proc.poll() is None
        except OSError:
            return False

    def rss_kb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            return int(next(l for l in f if l.startswith("VmRSS:")).split()[1])

    def checks_running(self):
        return json.loads(self.request("GET", "/healthz")[1])["checks_running"]


DRAFT = "过去一年，我们,他们共同努力。全县新建村级养老服务站46个。\n"


def check_body(text=DRAFT, filename="a.txt"):
    return json.dumps({"text": text, "filename": filename}).encode()


def note_rss(server, stage):
    print(f"     resident memory after {stage}: {server.rss_kb() >> 10} MB", flush=True)


def main():
    tmp = tempfile.mkdtemp(prefix="kanwu-abuse-")
    server = Server(tmp)
    try:
        # Fresh: rules loaded, one check done.
        status, _, _ = server.request("POST", "/api/check", check_body(), {"Content-Type": "application/json"})
        expect(status == 200, "a valid check before the abuse")
        fresh_rss = server.rss_kb()

        # Deep JSON: a stack overflow before; 400 now.
        deep = b"[" * 1_000_000 + b"]" * 1_000_000
        for name, body in [("a million-deep array", deep),
                           ("a deep document list", b'{"documents": [' + deep + b"]}")]:
            status, data, _ = server.request("POST", "/api/check", body, {"Content-Type": "application/json"})
            expect(status == 400 and b"512" in data and server.healthy(), f"{name} (2 MB): {status} {data[:90]!r}")

        note_rss(server, "deep JSON")
        # Bodies whose size is not known from Content-Length are refused
        # before a byte of them is read.
        six_mb = b"x" * (6 << 20)
        head = (b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n")
        chunked = b"".join(b"%x\r\n%s\r\n" % (65536, six_mb[i:i + 65536]) for i in range(0, len(six_mb), 65536))
        status, seconds, _ = server.raw(head + b"Transfer-Encoding: chunked\r\n\r\n" + chunked + b"0\r\n\r\n")
        expect(status == 413 and seconds < 3 and server.healthy(), f"6 MB chunked body: {status} in {seconds:.2f} s")
        status, seconds, _ = server.raw(head + b"Transfer-Encoding: chunked\r\n\r\n",
                                        send_slowly=lambda s: s.sendall(b"ffffff\r\n" + b"y" * (1 << 20)))
        expect(status == 413 and server.healthy(), f"a chunk declared as 16 MB: {status}")
        bomb = gzip.compress(b'{"text": "' + b" " * (1 << 30) + b'"}', 9)  # 1 MB that inflates to 1 GiB
        rss_before = server.rss_kb()
        status, seconds, _ = server.raw(head + b"Content-Encoding: gzip\r\nContent-Length: %d\r\n\r\n" % len(bomb) + bomb)
        grown = server.rss_kb() - rss_before
        expect(status == 413 and seconds < 3 and grown < 20_000 and server.healthy(),
               f"{len(bomb) >> 10} KB gzip body inflating to 1 GiB: {status} in {seconds:.2f} s, RSS +{grown} KB")
        status, seconds, _ = server.raw(head + b"Connection: close\r\n\r\n",
                                        send_slowly=lambda s: s.sendall(six_mb))
        expect(status == 411 and server.healthy(), f"a POST without Content-Length: {status} in {seconds:.2f} s")
        status, seconds, _ = server.raw(head + b"Content-Length: %d\r\n\r\n" % len(six_mb) + six_mb)
        expect(status == 413 and server.healthy(), f"Content-Length 6 MB: {status} in {seconds:.2f} s")
        status, seconds, _ = server.raw(head + b"Content-Length: %d\r\nExpect: 100-continue\r\n\r\n" % len(six_mb))
        expect(status == 413 and seconds < 1, f"Content-Length 6 MB with Expect: 100-continue: {status} "
                                              f"before the body, in {seconds:.2f} s")
        status, _, _ = server.raw(head + b"Content-Length: 5\r\nContent-Length: 500\r\n\r\nhello")
        expect(status == 400 and server.healthy(), f"two Content-Length headers: {status}")

        note_rss(server, "the refused bodies")
        # Range is ignored: the whole page once, not once per range.
        page = server.request("GET", "/")[1]
        ranges = ",".join(["0-"] * 1000)
        status, data, headers = server.request("GET", "/", headers={"Range": f"bytes={ranges}"})
        expect(status == 200 and len(data) == len(page), f"GET / with 1000 ranges: {status}, {len(data)} bytes "
                                                         f"(the page is {len(page)})")

        # Header floods: a request head is at most 64 KB, and an endless
        # header line is cut off at that too.
        rss_before = server.rss_kb()
        flood = b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-%d: %s\r\n" % (i, b"v" * 100)
                                                                    for i in range(20000)) + b"\r\n"
        threads = [threading.Thread(target=server.raw, args=(flood,)) for _ in range(20)]
        for t in threads: t.start()
        for t in threads: t.join()
        status, seconds, _ = server.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Long: " + b"v" * (16 << 20))
        grown = server.rss_kb() - rss_before
        expect(status in (400, None) and seconds < 5 and grown < 50_000 and server.healthy(),
               f"20 heads of 20,000 headers (2 MB each) and one 16 MB header line: cut off, RSS +{grown} KB")

        note_rss(server, "the header floods")
        # Pipelining still works: two requests in one send, two answers.
        _, _, data = server.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n"
                                b"Connection: close\r\n\r\n", until_close=True)
        expect(data.count(b"HTTP/1.1 200") == 2, "two pipelined requests on one connection: two answers")

        slowloris(server)

        note_rss(server, "slowloris")
        # 15,000 documents named alike: linear, not quadratic, in the names.
        times = {}
        for n in (5000, 15000):
            docs = json.dumps({"documents": [{"text": "好。", "filename": "a.txt"}] * n}).encode()
            started = time.monotonic()
            status, data, _ = server.request("POST", "/api/check?texts=1", docs, {"Content-Type": "application/json"},
                                             timeout=120)
            times[n] = time.monotonic() - started
            files = json.loads(data).get("texts", {}) if status == 200 else {}
            expect(status == 200 and len(set(files)) == n, f"{n} documents all named a.txt: {status} in "
                                                             f"{times[n]:.2f} s, {len(set(files))} distinct names")
        expect(times[15000] < 3 * times[5000] * 1.5 + 0.5, f"three times the documents in {times[15000] / times[5000]:.1f}x "
                                                           "the time (linear: 3x)")
        note_rss(server, "15,000 documents")
        after_rss = server.rss_kb()
    finally:
        server.stop()

    # The time limit counts from the request's arrival, and an abandoned
    # check frees its slot (--max-checks 1: the next check is not 503).
    limited = Server(tmp, ["--time-limit", "0.5", "--max-checks", "1"])
    try:
        heavy = json.dumps({"documents": [{"text": DRAFT * 20, "filename": "a.txt"}] * 2000},
                           ensure_ascii=False).encode()
        started = time.monotonic()
        status, data, _ = limited.request("POST", "/api/check", heavy, {"Content-Type": "application/json"})
        answered = time.monotonic() - started
        expect(status == 503 and answered < 1.5, f"a check past --time-limit 0.5 (it takes about 1 s): {status} after {answered:.2f} s")
        freed = None
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if limited.checks_running() == 0:
                freed = time.monotonic() - started
                break
            time.sleep(0.05)
        expect(freed is not None and freed < 3, f"the abandoned check freed its slot {freed and f'{freed:.2f}'} s "
                                                "after the request")
        status, _, _ = limited.request("POST", "/api/check", check_body(), {"Content-Type": "application/json"})
        expect(status == 200, f"the next check is answered: {status}")
    finally:
        limited.stop()

    expect(after_rss < 2 * fresh_rss, f"resident memory after the abuse {after_rss >> 10} MB, fresh "
                                      f"{fresh_rss >> 10} MB (within 2x)")


def slowloris(server, sockets=50, seconds=12):
    """50 connections sending their head one byte a second, reopened when the
    server cuts them off, while a client checks drafts one after another."""
    stop = threading.Event()
    cut_after = []

    def slow_client():
        while not stop.is_set():
            try:
                s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
                opened = time.monotonic()
                s.sendall(b"POST /api/check HTTP/1.1\r\nHost: x\r\n")
                while not stop.is_set():
                    s.sendall(b"X")
                    time.sleep(1)
            except OSError:
                cut_after.append(time.monotonic() - opened)
            finally:
                s.close()

    slow = [threading.Thread(target=slow_client, daemon=True) for _ in range(sockets)]
    for t in slow: t.start()
    time.sleep(1.5)
    latencies, statuses = [], []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        started = time.monotonic()
        try:
            status = server.request("POST", "/api/check", check_body(), {"Content-Type": "application/json"},
                                    timeout=10)[0]
        except OSError as e:
            status = f"{type(e).__name__}: {e}"
        latencies.append(time.monotonic() - started)
        statuses.append(status)
    stop.set()
    for t in slow: t.join(timeout=10)
    p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) > 1 else latencies[0]
    expect(all(s == 200 for s in statuses) and p95 < 1.0,
           f"{sockets} slowloris sockets for {seconds} s: {len(statuses)} valid checks, all 200: "
           f"{all(s == 200 for s in statuses)}, p95 {p95 * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
           + "".join(f"; {s}" for s in sorted({str(s) for s in statuses if s != 200})))
    # Cut at 5 s; a client notices at its next byte or the one after.
    expect(cut_after and max(cut_after) < 8, f"slow heads cut off after {min(cut_after or [0]):.1f}–"
                                             f"{max(cut_after or [0]):.1f} s ({len(cut_after)} cut)")
    expect(server.healthy(), "healthy after slowloris")


if __name__ == "__main__":
    main()
    if failures:
        print(f"{len(failures)} failed: {failures}")
        sys.exit(1)
    print("all passed")
