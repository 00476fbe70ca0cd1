#!/usr/bin/env python3
"""Seed corpus of fuzz_serve_request: requests as clients send them.
Usage: serve_seeds.py DIR"""
import gzip
import json
import sys
from pathlib import Path

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)


def request(method, path, body=b"", headers=()):
    head = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1"] + list(headers)
    if body or method == "POST":
        head.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


text = "过去一年，我们,他们共同努力。增长16.4%。\n\n增长15.4%。\n"
one = json.dumps({"text": text, "filename": "a.md", "format": "markdown"}, ensure_ascii=False).encode()
many = json.dumps({"documents": [{"text": text, "filename": "a.txt"}, {"text": text, "filename": "a.txt"}]},
                  ensure_ascii=False).encode()
boundary = "b7e3c"
multipart = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n'
             f"Content-Type: text/plain\r\n\r\n{text}\r\n--{boundary}--\r\n").encode()
json_type = "Content-Type: application/json"
seeds = {
    "json": request("POST", "/api/check", one, [json_type]),
    "json-texts": request("POST", "/api/check?texts=1", many, [json_type]),
    "multipart": request("POST", "/api/check", multipart, [f"Content-Type: multipart/form-data; boundary={boundary}"]),
    "pipelined": request("GET", "/healthz") + request("GET", "/api/rules") + request("POST", "/api/check", one),
    "chunked": b"POST /api/check HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
    "gzip": request("POST", "/api/check", gzip.compress(one), [json_type, "Content-Encoding: gzip"]),
    "expect": request("POST", "/api/check", one, [json_type, "Expect: 100-continue"]),
    "range": request("GET", "/", headers=["Range: bytes=0-10,5-20,-3"]),
    "deep": request("POST", "/api/check", b'{"documents":' + b"[" * 600 + b"]" * 600 + b"}", [json_type]),
}
for name, data in seeds.items():
    (out / name).write_bytes(data)
