#!/usr/bin/env python3
"""A chat webhook stand-in for the tests of `samtale post`: records every request and answers as scripted.

Usage: webhook_server.py SCRIPT LOG PORTFILE
  SCRIPT  a JSON file: {"/path": [answer, ...], ...}; each request to a path takes the next answer of its list
          (the last one repeats). An answer is {"status": 200, "body": "ok", "delay": 0.0, "retryAfter": "2",
          "headers": {...}}, every field optional (status 200, empty body). A path without a script gets 404.
  LOG     every request is appended as one JSON line: {"path", "query", "headers", "body", "time"}.
  PORTFILE  where the port it listens on (127.0.0.1, chosen by the system) is written, once it listens.
Serves until killed.
"""
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

script_path, log_path, port_path = sys.argv[1], sys.argv[2], sys.argv[3]
with open(script_path, encoding="utf-8") as file:
    script = json.load(file)
served = {}
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        path, _, query = self.path.partition("?")
        with lock:
            with open(log_path, "a", encoding="utf-8") as log:
                log.write(json.dumps({"path": path, "query": query, "headers": dict(self.headers.items()),
                                      "body": body, "time": time.time()}) + "\n")
            answers = script.get(path)
            count = served.get(path, 0)
            served[path] = count + 1
        answer = answers[min(count, len(answers) - 1)] if answers else {"status": 404, "body": "no such hook"}
        time.sleep(answer.get("delay", 0))
        payload = answer.get("body", "")
        payload = payload if isinstance(payload, str) else json.dumps(payload)
        data = payload.encode("utf-8")
        self.send_response(answer.get("status", 200))
        if "retryAfter" in answer:
            self.send_header("Retry-After", answer["retryAfter"])
        for name, value in answer.get("headers", {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *arguments):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_path + ".tmp", "w") as file:
    file.write(str(server.server_address[1]))
os.rename(port_path + ".tmp", port_path)  # whole, so that the reader never sees half a number
server.serve_forever()
