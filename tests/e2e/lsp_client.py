"""A scripted JSON-RPC client for `vpclint lsp` (used by the e2e tests and bench/).

Frames are read on a thread into a queue, so the server never blocks on a
full pipe while the test waits; every wait has a timeout, so a server that
stops answering fails the test instead of hanging it.
"""
import json
import queue
import subprocess
import threading
import time


class LspClient:
    def __init__(self, argv):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.messages = queue.Queue()
        self.pending = []  # received but not yet consumed
        self.next_id = 1
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            if length is None:
                continue  # a header block without a length: nothing to read
            body = out.read(length)
            try:
                self.messages.put(json.loads(body))
            except ValueError:
                # Kept (as a message no test expects) so the failure names it.
                self.messages.put({"unparsable": body[:200].decode("utf-8", "replace")})

    # -- sending
    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send_body(self, body):
        if isinstance(body, str):
            body = body.encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def send(self, message):
        self.send_body(json.dumps(message))

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request_async(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return rid

    def request(self, method, params, timeout=10):
        return self.response(self.request_async(method, params), timeout)

    # -- receiving
    def _next(self, timeout):
        try:
            m = self.messages.get(timeout=timeout)
        except queue.Empty:
            return None
        if m is None:
            raise EOFError("the server closed its output")
        return m

    def wait_for(self, pred, timeout=10):
        """The first received message matching pred (earlier non-matching ones are kept)."""
        for i, m in enumerate(self.pending):
            if pred(m):
                return self.pending.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no matching message within %.1fs" % timeout)
            m = self._next(left)
            if m is None:
                continue
            if pred(m):
                return m
            self.pending.append(m)

    def response(self, rid, timeout=10):
        return self.wait_for(lambda m: "method" not in m and m.get("id") == rid, timeout)

    def diagnostics(self, uri, version=None, timeout=10):
        """The next publishDiagnostics for uri (of that version, when given)."""
        def match(m):
            if m.get("method") != "textDocument/publishDiagnostics" or m["params"]["uri"] != uri:
                return False
            return version is None or m["params"].get("version") == version
        return self.wait_for(match, timeout)["params"]

    def drain(self, seconds):
        """Everything that arrives within `seconds`."""
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                break
            m = self._next(left)
            if m is not None:
                self.pending.append(m)
        got, self.pending = self.pending, []
        return got

    def initialize(self, root_uri=None, options=None):
        params = {"processId": None, "rootUri": root_uri, "capabilities": {}}
        if options is not None:
            params["initializationOptions"] = options
        r = self.request("initialize", params)
        self.notify("initialized", {})
        return r

    def wait_exit(self, timeout=10):
        return self.proc.wait(timeout=timeout)


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def position_of(text, offset):
    """LSP position (UTF-16) of a str offset."""
    before = text[:offset]
    line = before.count("\n")
    start = before.rfind("\n") + 1
    return {"line": line, "character": utf16_len(before[start:])}


def apply_edits(text, edits):
    """Applies LSP TextEdits (UTF-16 positions) to text, last first."""
    def offset(pos):
        lines = text.split("\n")
        off = sum(len(l) + 1 for l in lines[:pos["line"]])
        line = lines[pos["line"]]
        units = 0
        i = 0
        while i < len(line) and units < pos["character"]:
            units += utf16_len(line[i])
            i += 1
        return off + i
    for e in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]), reverse=True):
        a, b = offset(e["range"]["start"]), offset(e["range"]["end"])
        text = text[:a] + e["newText"] + text[b:]
    return text
