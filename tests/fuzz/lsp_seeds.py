#!/usr/bin/env python3
"""Seed corpus of fuzz_lsp: editing sessions after initialize (which the
target sends itself). Usage: lsp_seeds.py DIR"""
import json
import sys
from pathlib import Path

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)


def frame(message):
    body = json.dumps(message, ensure_ascii=False).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def notify(method, params):
    return frame({"jsonrpc": "2.0", "method": method, "params": params})


uri = "file:///tmp/a.md"
doc = {"uri": uri}
text = "😀 我们,他们。增长16.4%。\n\n增长15.4%。\n"
pos = lambda line, ch: {"line": line, "character": ch}
session = [
    notify("initialized", {}),
    notify("textDocument/didOpen", {"textDocument": {**doc, "languageId": "markdown", "version": 1, "text": text}}),
    notify("textDocument/didChange", {"textDocument": {**doc, "version": 2}, "contentChanges": [
        {"range": {"start": pos(0, 3), "end": pos(0, 5)}, "text": "好,"}]}),
    frame({"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": {
        "textDocument": doc, "range": {"start": pos(0, 0), "end": pos(0, 9)}, "context": {"diagnostics": []}}}),
    notify("textDocument/didSave", {"textDocument": doc}),
    notify("textDocument/didClose", {"textDocument": doc}),
    frame({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}),
    notify("exit", {}),
]
(out / "session").write_bytes(b"".join(session))
(out / "open").write_bytes(session[1])
(out / "bad-frames").write_bytes(b"Content-Length: 5\r\n\r\n{\"a\":Content-Length: x\r\n\r\n" + session[1])
