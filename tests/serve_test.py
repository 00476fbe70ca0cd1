#!/usr/bin/env python3
"""`kanwu serve` over HTTP: a pasted draft, a two-document figure conflict,
a Word upload, the rule list, a matrix of bad requests (each answered with
the status and the words `kanwu check` uses, never a crash), and a small
load test (500 requests from 16 threads: every answer 200 or 503, the
server healthy after).
Usage: serve_test.py KANWU   (run from the source root)"""
import http.client
import json
import os
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

KANWU = os.path.abspath(sys.argv[1])
SOURCE = Path.cwd()
failures = []


def expect(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def office_files(docx, tmp):
    """(name, bytes, how made) for a Word 97-2003 .doc and an OpenDocument .odt."""
    soffice = shutil.which("soffice")
    made = {}
    if soffice:
        out = tmp / "office"
        for kind in ("doc", "odt"):
            # Its own profile: another LibreOffice may be running.
            subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/lo-profile", "--headless",
                            "--convert-to", kind, "--outdir", str(out), str(docx)],
                           capture_output=True, timeout=180)
            path = out / (docx.stem + "." + kind)
            if path.exists():
                made[kind] = (path.read_bytes(), "made by LibreOffice")
    if "doc" not in made:
        made["doc"] = (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(1000), "its first bytes")
    if "odt" not in made:
        import io
        import zipfile
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            z.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
            z.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
        made["odt"] = (buffer.getvalue(), "its first bytes")
    return [(f"稿件.{kind}", content, how) for kind, (content, how) in sorted(made.items())]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, cwd, args=()):
        self.port = free_port()
        self.proc = subprocess.Popen([KANWU, "serve", "--port", str(self.port), *args], cwd=cwd,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if self.request("GET", "/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("kanwu serve did not answer /healthz")

    def request(self, method, path, body=None, headers=None, timeout=60):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            data = r.read()
            return r.status, data, dict(r.getheaders())
        finally:
            conn.close()

    def json(self, method, path, payload=None, raw=None, headers=None):
        body = raw if raw is not None else (json.dumps(payload).encode() if payload is not None else None)
        status, data, _ = self.request(method, path, body, headers or {"Content-Type": "application/json"})
        try:
            return status, json.loads(data)
        except ValueError:
            return status, {"unparsed": data[:200]}

    def upload(self, files, query=""):
        boundary = "kanwu-test-boundary-7e3c"
        parts = []
        for name, content in files:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                         "Content-Type: application/octet-stream\r\n\r\n".encode() + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.json("POST", "/api/check" + query, raw=body,
                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def cli_error(cwd, name):
    """What `kanwu check NAME` prints for an input error, run where NAME is."""
    r = subprocess.run([KANWU, "check", "--format", "json", name], cwd=cwd, capture_output=True, text=True)
    return r.stderr.strip().splitlines()[0]


def rules_of(report):
    return sorted({f["rule"] for f in report["findings"]})


def main():
    tmp = Path(tempfile.mkdtemp())
    server = Server(tmp)
    try:
        # A pasted draft: the same report `kanwu check --format json` writes.
        draft = "全县新建污水管网32公里,改造供水管网18公里。\n"
        status, report = server.json("POST", "/api/check", {"text": draft, "filename": "草稿.txt"})
        (tmp / "草稿.txt").write_text(draft)
        cli = json.loads(subprocess.run([KANWU, "check", "--format", "json", "草稿.txt"], cwd=tmp,
                                        capture_output=True, text=True).stdout)
        expect(status == 200 and report == cli, f"pasted draft: the CLI's JSON report ({status}, {rules_of(report)})")
        fix = report["findings"][0].get("fix", {}) if report.get("findings") else {}
        expect(fix.get("replacement") == "，" and fix.get("column") == 13, f"fix carried with its place: {fix}")

        # Two documents are one corpus: the figure conflict across them.
        a = "通辽市民政事业发展资金70.4亿元，“十三五”期间增加9.4亿元，增长16.4%。\n"
        b = "通辽倾力投入民政事业发展资金达70.4亿元，较“十三五”时期增加9.4亿元，增长15.4%。\n"
        seeds = sorted((SOURCE / "fixtures/seeds").glob("00[02]_*.txt"))
        texts = [p.read_text() for p in seeds] if len(seeds) == 2 else [a, b]
        status, report = server.json("POST", "/api/check", {"documents": [
            {"text": texts[0], "filename": "000.txt"}, {"text": texts[1], "filename": "002.txt"}]})
        conflicts = [f for f in report.get("findings", []) if f["rule"] == "figure-conflict"
                     and any(r["file"] != f["file"] for r in f["related"])]
        expect(status == 200 and conflicts and report["summary"]["files"] == 2,
               f"two documents: a cross-document figure-conflict ({len(conflicts)})")
        expect(any("16.4" in f["message"] and "15.4" in f["message"] for f in conflicts), "conflict names 16.4%/15.4%")

        # A Word document, uploaded as an editor's browser sends it.
        docs = tmp / "docx"
        subprocess.run(["/usr/bin/python3", str(SOURCE / "tests/make_docx.py"), str(docs)], check=True)
        status, report = server.upload([("report.docx", (docs / "report.docx").read_bytes())], "?texts=1")
        cli = json.loads(subprocess.run([KANWU, "check", "--format", "json", "report.docx"], cwd=docs,
                                        capture_output=True, text=True).stdout)
        texts = report.pop("texts", {})
        expect(status == 200 and report == cli and "江州市政府工作报告" in texts.get("report.docx", ""),
               f"docx upload: the CLI's report, and the text with ?texts=1 ({status}, {rules_of(report)})")
        status, report = server.upload([("a.md", "过去一年，我们,他们共同努力。\n".encode()),
                                        ("../../etc/passwd", b"hello\n")])
        expect(status == 200 and sorted({f["file"] for f in report["findings"]} | {"passwd"}) == ["a.md", "passwd"],
               "several uploads; a path in a filename is only its last part")

        # A .doc and an .odt (LibreOffice's, when it is installed; else the
        # same first bytes by hand): "save it as .docx", not "binary file".
        for name, content, how in office_files(docs / "report.docx", tmp):
            status, body = server.upload([(name, content)])
            message = body.get("error", "")
            expect(status == 400 and "另存为 .docx" in message and "binary" not in message,
                   f"{name} ({how}): says to save it as .docx: {message[:120]}")

        # A Word document's text sent back after an edit (format "word"):
        # its places stay paragraphs, and messages say 第N段.
        status, report = server.json("POST", "/api/check", {"documents": [{
            "text": "今年全市新建社区食堂二十个，为独居老人提供送餐服务。同时，积\n极推进老旧小区加装电梯，惠及居民三千户。\n",
            "filename": "稿件.docx", "format": "word"}]})
        joins = [f for f in report.get("findings", []) if f["rule"] == "broken-paragraph"]
        expect(status == 200 and joins and joins[0].get("paragraph") == 1 and "第2段" in joins[0]["message"],
               f"format word: places are paragraphs ({[(f.get('paragraph'), f['message']) for f in joins]})")

        # The rules, on and off.
        status, rules = server.json("GET", "/api/rules")
        ids = {r["id"]: r for r in rules.get("rules", [])}
        expect(status == 200 and "punctuation-width" in ids and
               set(ids["punctuation-width"]) == {"id", "kind", "severity", "description", "enabled"},
               f"/api/rules lists {len(ids)} rules")

        # Bad requests: 4xx with a message, the CLI's words for input errors.
        (docs / "bad.txt").write_bytes("中文".encode() + b"\xff\n")
        bad_cases = [
            ("malformed JSON", lambda: server.json("POST", "/api/check", raw=b'{"text": '), 400, "not valid JSON"),
            ("JSON not an object", lambda: server.json("POST", "/api/check", raw=b'[1,2]'), 400, "object"),
            ("text not a string", lambda: server.json("POST", "/api/check", {"text": 5}), 400, "\"text\""),
            ("empty body", lambda: server.json("POST", "/api/check", raw=b""), 400, "empty request"),
            ("no documents", lambda: server.json("POST", "/api/check", {"documents": []}), 400, "empty"),
            ("bad format", lambda: server.json("POST", "/api/check", {"text": "x", "format": "pdf"}), 400, "format"),
            ("invalid UTF-8 in JSON", lambda: server.json("POST", "/api/check", raw=b'{"text":"\xe4\xb8"}'), 400,
             "invalid UTF-8"),
            ("NUL in text", lambda: server.json("POST", "/api/check", {"text": "a\u0000b"}), 400, "binary file"),
            ("invalid UTF-8 upload", lambda: server.upload([("bad.txt", (docs / "bad.txt").read_bytes())]), 400,
             cli_error(docs, "bad.txt")),
            ("broken docx", lambda: server.upload([("truncated.docx", (docs / "truncated.docx").read_bytes())]), 400,
             cli_error(docs, "truncated.docx")),
            ("encrypted docx", lambda: server.upload([("encrypted.docx", (docs / "encrypted.docx").read_bytes())]),
             400, cli_error(docs, "encrypted.docx")),
            ("huge body", lambda: server.json("POST", "/api/check", raw=b'{"text":"' + b"a" * (6 << 20) + b'"}'),
             413, "too large"),
            ("GET /api/check", lambda: server.json("GET", "/api/check"), 405, "use POST"),
            ("POST /api/rules", lambda: server.json("POST", "/api/rules", {}), 405, "use GET"),
            ("no such path", lambda: server.json("GET", "/etc/passwd"), 404, "no such page"),
        ]
        for what, call, want_status, want_message in bad_cases:
            status, body = call()
            message = body.get("error", "")
            expect(status == want_status and want_message in message, f"{what}: {status} {message[:90]}")

        # The page: one self-contained file.
        status, page, headers = server.request("GET", "/")
        page = page.decode()
        expect(status == 200 and "检查" in page and "http://" not in page.replace("http://127.0.0.1", "")
               and "<script src" not in page and "connect-src 'self'" in headers.get("Content-Security-Policy", ""),
               "GET /: a self-contained Chinese page")

        # Load: 16 clients, 500 checks; busy answers are 503, nothing else.
        results = []
        lock = threading.Lock()
        payload = json.dumps({"text": draft * 20, "filename": "load.txt"}).encode()

        def client(n):
            for _ in range(n):
                try:
                    status, data, _ = server.request("POST", "/api/check", payload,
                                                     {"Content-Type": "application/json"})
                    ok = status == 503 or (status == 200 and json.loads(data)["summary"]["findings"] == 20)
                except Exception as e:  # noqa: BLE001 - a dropped connection is a failure
                    status, ok = repr(e), False
                with lock:
                    results.append((status, ok))

        threads = [threading.Thread(target=client, args=(500 // 16 + (1 if i < 500 % 16 else 0),)) for i in range(16)]
        start = time.time()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        served = sum(1 for s, _ in results if s == 200)
        busy = sum(1 for s, _ in results if s == 503)
        expect(len(results) == 500 and all(ok for _, ok in results),
               f"load: {len(results)} answers in {time.time() - start:.1f} s, {served} checked, {busy} busy (503), "
               f"others: {[s for s, ok in results if not ok][:5]}")
        expect(served > 0, "load: some checks went through")
        status, health = server.json("GET", "/healthz")
        expect(status == 200 and health.get("status") == "ok" and server.proc.poll() is None,
               "healthy after the load")
    finally:
        server.stop()

    # Another address needs --host, and kanwu says what that means, and
    # which address to open: not http://0.0.0.0/, which no browser reaches.
    port = free_port()
    proc = subprocess.Popen([KANWU, "serve", "--host", "0.0.0.0", "--port", str(port)], cwd=tmp,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    warning = proc.stderr.readline()
    # The start-up lines, without waiting for a second line that may not come.
    data, deadline = b"", time.time() + 10
    while data.count(b"\n") < 2 and time.time() < deadline:
        if select.select([proc.stdout.fileno()], [], [], 0.5)[0]:
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                break
            data += chunk
        elif data:
            break
    opened = data.decode().splitlines()
    proc.terminate()
    proc.wait(10)
    expect("warning" in warning and "127.0.0.1" in warning, f"--host 0.0.0.0 warns: {warning.strip()[:80]}")
    urls = [u for line in opened for u in line.split() if u.startswith("http://")]
    expect(f"http://127.0.0.1:{port}/" in urls and f"http://{socket.gethostname()}:{port}/" in urls
           and not any("0.0.0.0" in u for u in urls), f"--host 0.0.0.0: usable addresses: {urls}")
    # A check past --time-limit is answered 503 at once; the server stays up.
    slow = Server(tmp, ["--time-limit", "0.001"])
    try:
        status, body = slow.json("POST", "/api/check", {"text": (SOURCE / "fixtures/seeds").joinpath(
            sorted(p.name for p in (SOURCE / "fixtures/seeds").glob("000_*.txt"))[0]).read_text() * 5})
        expect(status == 503 and "longer than" in body.get("error", ""), f"time limit: {status} {body}"[:120])
        time.sleep(0.5)
        expect(slow.json("GET", "/healthz")[0] == 200, "healthy after an abandoned check")
    finally:
        slow.stop()
    r = subprocess.run([KANWU, "serve", "--port", "99999"], capture_output=True, text=True)
    expect(r.returncode != 0, "an impossible port is refused")
    print(f"{len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
