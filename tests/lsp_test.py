#!/usr/bin/env python3
"""`kanwu lsp` driven over pipes as an editor drives it: lifecycle, UTF-16
(and UTF-8) positions on lines mixing Han characters and emoji, debounced
re-checks, cross-document conflicts, code actions, .kanwu.yaml reloads, and
a matrix of bad messages that must be answered or logged, never crash.
Usage: lsp_test.py KANWU"""
import json
import re
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

KANWU = os.path.abspath(sys.argv[1])
# Generous: under ASan (ci/sanitize.sh) loading the word lists is slow.
# Seconds to wait for an answer; the sanitizer build (ci/sanitize.sh) is
# many times slower on the 8 MiB draft and sets KANWU_TEST_TIMEOUT.
TIMEOUT = float(os.environ.get('KANWU_TEST_TIMEOUT', 60))
failures = []


class Client:
    """A minimal LSP client: frames messages, reads the server's frames on a
    thread, keeps every notification it receives."""

    def __init__(self, root, args=()):
        self.root = Path(root)
        self.proc = subprocess.Popen([KANWU, 'lsp', *args], cwd='/', stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.inbox = queue.Queue()
        self.notifications = []
        self.responses = []
        self.cursor = {}  # uri → index of the last diagnostics returned
        self.next_id = 100
        self.stderr = b''
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                if line == b'\r\n':
                    break
                assert line.endswith(b'\r\n'), f'header line not ended by CRLF: {line!r}'
                name, value = line.decode('ascii').split(':', 1)
                headers[name.strip().lower()] = value.strip()
            body = out.read(int(headers['content-length']))
            self.inbox.put(json.loads(body.decode('utf-8')))

    def _read_stderr(self):
        for line in self.proc.stderr:
            self.stderr += line

    def uri(self, name):
        return (self.root / name).as_uri()

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message, ensure_ascii=False).encode('utf-8')
        self.send_raw(b'Content-Length: %d\r\n\r\n' % len(body) + body)

    def notify(self, method, params=None):
        self.send({'jsonrpc': '2.0', 'method': method, 'params': params if params is not None else {}})

    def next_message(self, deadline):
        try:
            message = self.inbox.get(timeout=max(0.01, deadline - time.monotonic()))
        except queue.Empty:
            return None
        if message is None:
            raise EOFError('the server closed its output')
        if 'method' in message and 'id' not in message:
            self.notifications.append(message)
        elif 'method' not in message:
            self.responses.append(message)
        return message

    def response(self, request_id, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            m = self.next_message(deadline)
            if m is not None and m.get('id') == request_id and 'method' not in m:
                return m
        raise TimeoutError(f'no response to request {request_id}')

    def request(self, method, params=None):
        self.next_id += 1
        message = {'jsonrpc': '2.0', 'id': self.next_id, 'method': method}
        if params is not None:
            message['params'] = params
        self.send(message)
        return self.response(self.next_id)

    def initialize(self, encodings=None, watch=True):
        caps = {'workspace': {'didChangeWatchedFiles': {'dynamicRegistration': True}}} if watch else {}
        if encodings:
            caps['general'] = {'positionEncodings': encodings}
        r = self.request('initialize', {'processId': None, 'rootUri': self.root.as_uri(), 'capabilities': caps})
        self.notify('initialized')
        return r['result']

    def diagnostics(self, name, version=None, timeout=TIMEOUT):
        """The next publishDiagnostics for a document (at `version`) after
        the last one this returned for it."""
        uri = self.uri(name)
        deadline = time.monotonic() + timeout
        while True:
            for i in range(self.cursor.get(uri, -1) + 1, len(self.notifications)):
                n = self.notifications[i]
                p = n['params']
                if n['method'] == 'textDocument/publishDiagnostics' and p['uri'] == uri and \
                        (version is None or p.get('version') == version):
                    self.cursor[uri] = i
                    return p['diagnostics']
            if time.monotonic() >= deadline:
                raise TimeoutError(f'no diagnostics for {name} (version {version})')
            self.next_message(deadline)

    def diagnostics_until(self, name, version, wanted, timeout=TIMEOUT):
        """Diagnostics for a document until they are as `wanted` says. After
        a configuration file changes, a list from a save caught half written
        may come first; what counts is what the server settles on."""
        deadline = time.monotonic() + timeout
        while True:
            d = self.diagnostics(name, version, timeout=max(0.0, deadline - time.monotonic()))
            if wanted(d):
                return d

    def drain(self, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.next_message(deadline)

    def open(self, name, text, language='markdown', version=1):
        self.notify('textDocument/didOpen', {'textDocument': {
            'uri': self.uri(name), 'languageId': language, 'version': version, 'text': text}})

    def change(self, name, version, changes):
        self.notify('textDocument/didChange', {'textDocument': {'uri': self.uri(name), 'version': version},
                                               'contentChanges': changes})

    def code_actions(self, name, start, end, only=None):
        context = {'diagnostics': []}
        if only is not None:
            context['only'] = only
        return self.request('textDocument/codeAction', {
            'textDocument': {'uri': self.uri(name)}, 'context': context,
            'range': {'start': {'line': start[0], 'character': start[1]},
                      'end': {'line': end[0], 'character': end[1]}}})['result']

    def finish(self, shutdown=True):
        if shutdown:
            assert self.request('shutdown')['result'] is None
        self.notify('exit')
        self.proc.stdin.close()
        return self.proc.wait(timeout=TIMEOUT)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def rng(start, end):
    return {'start': {'line': start[0], 'character': start[1]}, 'end': {'line': end[0], 'character': end[1]}}


def offset(text, line, character, encoding='utf-16'):
    """Python string index of an LSP position (lines end with \\n here)."""
    lines = text.split('\n')
    before = sum(len(l) + 1 for l in lines[:line])
    units = lines[line].encode('utf-16-le' if encoding == 'utf-16' else 'utf-8')
    width = 2 if encoding == 'utf-16' else 1
    return before + len(units[:character * width].decode('utf-16-le' if encoding == 'utf-16' else 'utf-8'))


def apply_edit(text, edit, encoding='utf-16'):
    r = edit['range']
    b = offset(text, r['start']['line'], r['start']['character'], encoding)
    e = offset(text, r['end']['line'], r['end']['character'], encoding)
    return text[:b] + edit['newText'] + text[e:]


def check(name):
    def wrap(fn):
        def run():
            workspace = tempfile.mkdtemp(prefix='kanwu-lsp-')
            client = Client(workspace)
            try:
                fn(client)
                print(f'ok   {name}')
            except Exception as e:  # noqa: BLE001 — any failure is reported and counted
                failures.append(name)
                print(f'FAIL {name}: {type(e).__name__}: {e}')
                print('     server log:', client.stderr.decode('utf-8', 'replace')[-2000:])
            finally:
                client.kill()
        run.__name__ = fn.__name__
        TESTS.append(run)
        return run
    return wrap


TESTS = []

# 𠮷 (U+20BB7, CJK Extension B) and 😀 take two UTF-16 units; the other Han
# characters one. The half-width comma after 我们 is at UTF-16 unit 13.
EMOJI_LINE = '𠮷今天😀天气很好，我们,他们都来了。'
EMOJI_DOC = f'# 测试\n\n{EMOJI_LINE}\n'
COMMA = EMOJI_LINE.index(',')  # 11 code points
COMMA_UTF16 = len(EMOJI_LINE[:COMMA].encode('utf-16-le')) // 2
COMMA_UTF8 = len(EMOJI_LINE[:COMMA].encode('utf-8'))
assert (COMMA, COMMA_UTF16, COMMA_UTF8) == (11, 13, 35)


@check('initialize advertises incremental sync, code actions, UTF-16')
def test_initialize(c):
    result = c.initialize()
    caps = result['capabilities']
    assert caps['positionEncoding'] == 'utf-16', caps
    assert caps['textDocumentSync']['change'] == 2 and caps['textDocumentSync']['openClose'] is True, caps
    assert 'quickfix' in caps['codeActionProvider']['codeActionKinds'], caps
    assert result['serverInfo']['name'] == 'kanwu'
    # The client offered dynamic registration: .kanwu.yaml is watched.
    deadline = time.monotonic() + TIMEOUT
    while True:
        m = c.next_message(deadline)
        if m and m.get('method') == 'client/registerCapability':
            watchers = m['params']['registrations'][0]['registerOptions']['watchers']
            assert watchers == [{'globPattern': '**/.kanwu.yaml'}], watchers
            c.send({'jsonrpc': '2.0', 'id': m['id'], 'result': None})
            break
    assert c.finish() == 0


@check('UTF-16 positions after emoji; fix; didChange clears; didClose clears')
def test_positions_and_fix(c):
    c.initialize()
    c.open('a.md', EMOJI_DOC)
    diags = c.diagnostics('a.md', 1)
    assert len(diags) == 1, diags
    d = diags[0]
    assert d['code'] == 'punctuation-width' and d['source'] == 'kanwu' and d['severity'] == 2, d
    assert d['range'] == rng((2, COMMA_UTF16), (2, COMMA_UTF16 + 1)), d['range']
    assert '，' in d['message'], d['message']

    actions = c.code_actions('a.md', (2, COMMA_UTF16), (2, COMMA_UTF16))
    assert len(actions) == 1, actions
    a = actions[0]
    assert a['kind'] == 'quickfix' and a['isPreferred'] is True and a['title'] == '改为“，”', a
    assert a['diagnostics'][0]['code'] == 'punctuation-width'
    edits = a['edit']['changes'][c.uri('a.md')]
    assert edits == [{'range': rng((2, COMMA_UTF16), (2, COMMA_UTF16 + 1)), 'newText': '，'}], edits
    fixed = apply_edit(EMOJI_DOC, edits[0])
    assert fixed == EMOJI_DOC.replace('我们,他们', '我们，他们'), fixed
    # No action away from the finding.
    assert c.code_actions('a.md', (0, 0), (0, 2)) == []
    # A client asking only for refactorings gets no quick fix.
    assert c.code_actions('a.md', (2, COMMA_UTF16), (2, COMMA_UTF16), only=['refactor']) == []

    # The editor applies the edit as an incremental change.
    c.change('a.md', 2, [edits[0] | {'text': edits[0]['newText']}])
    assert c.diagnostics('a.md', 2) == []
    # Code actions for a version that was not checked yet: none (stale).
    c.change('a.md', 3, [{'text': EMOJI_DOC}])
    assert c.code_actions('a.md', (2, COMMA_UTF16), (2, COMMA_UTF16)) in ([], actions)
    assert len(c.diagnostics('a.md', 3)) == 1
    c.notify('textDocument/didClose', {'textDocument': {'uri': c.uri('a.md')}})
    assert c.diagnostics('a.md') == []
    assert c.finish() == 0


@check('UTF-8 (and UTF-32) positions when the client offers them first')
def test_utf8(c):
    assert c.initialize(['utf-8', 'utf-16'])['capabilities']['positionEncoding'] == 'utf-8'
    c.open('a.md', EMOJI_DOC)
    d = c.diagnostics('a.md', 1)[0]
    assert d['range'] == rng((2, COMMA_UTF8), (2, COMMA_UTF8 + 1)), d['range']
    # Incremental edits are read in UTF-8 too: insert a second emoji first.
    c.change('a.md', 2, [{'range': rng((2, 0), (2, 0)), 'text': '🎉'}])
    d = c.diagnostics('a.md', 2)[0]
    assert d['range']['start'] == {'line': 2, 'character': COMMA_UTF8 + 4}, d['range']
    assert c.finish() == 0
    # Emacs' eglot prefers utf-32: code points.
    other = Client(c.root)
    try:
        assert other.initialize(['utf-32', 'utf-16'])['capabilities']['positionEncoding'] == 'utf-32'
        other.open('a.md', EMOJI_DOC)
        d = other.diagnostics('a.md', 1)[0]
        assert d['range'] == rng((2, COMMA), (2, COMMA + 1)), d['range']
        assert other.finish() == 0
    finally:
        other.kill()


@check('UTF-16 incremental edits: an edit after an emoji lands after it')
def test_utf16_edit(c):
    c.initialize(['utf-16'])
    c.open('a.md', EMOJI_DOC)
    c.diagnostics('a.md', 1)
    # Replace 天气 (after 𠮷今天😀: 1+... = 2+2+2 = 6 units in) by 天色.
    start = len('𠮷今天😀'.encode('utf-16-le')) // 2
    c.change('a.md', 2, [{'range': rng((2, start), (2, start + 2)), 'text': '风和'}])
    d = c.diagnostics('a.md', 2)[0]
    assert d['range']['start']['character'] == COMMA_UTF16, d
    # A range past the line's end is the line's end (LSP): appending works.
    c.change('a.md', 3, [{'range': rng((2, 999), (2, 999)), 'text': '好,吗'}])
    diags = c.diagnostics('a.md', 3)
    assert len(diags) == 2, diags
    line = EMOJI_LINE.replace('天气', '风和') + '好,吗'
    second = len(line[:line.rindex(',')].encode('utf-16-le')) // 2
    assert diags[1]['range']['start'] == {'line': 2, 'character': second}, diags
    assert c.finish() == 0


FIGURE_X = '# 通辽市经济运行情况\n\n2024年，通辽市规模以上工业增加值增长16.4%。\n'
FIGURE_Y = '# 通辽简讯 🎉\n\n🎉 2024年，通辽市规模以上工业增加值增长15.4%，增速居全区第二。\n'


def units(line, token):
    return len(line[:line.index(token)].encode('utf-16-le')) // 2


@check('a figure conflict between two open drafts is reported in both, with related places')
def test_cross_document(c):
    c.initialize()
    c.open('x.md', FIGURE_X)
    assert c.diagnostics('x.md', 1) == []
    c.open('y.md', FIGURE_Y)
    y = c.diagnostics('y.md', 1)
    x_line, y_line = FIGURE_X.split('\n')[2], FIGURE_Y.split('\n')[2]
    conflict = [d for d in y if d['code'] == 'figure-conflict']
    assert len(conflict) == 1, y
    d = conflict[0]
    assert d['severity'] == 1, d
    assert d['range'] == rng((2, units(y_line, '15.4%')), (2, units(y_line, '15.4%') + 5)), d['range']
    assert 'x.md:3' in d['message'], d['message']
    related = d['relatedInformation']
    assert related[0]['location'] == {'uri': c.uri('x.md'),
                                      'range': rng((2, units(x_line, '16.4%')), (2, units(x_line, '16.4%') + 5))}, related
    # The other draft hears of it too, pointing back.
    x = c.diagnostics('x.md', 1)
    assert len(x) == 1 and x[0]['code'] == 'figure-conflict', x
    assert x[0]['range'] == related[0]['location']['range'], x
    assert x[0]['relatedInformation'][0]['location'] == {'uri': c.uri('y.md'), 'range': d['range']}, x
    # Correcting one draft clears both.
    c.change('y.md', 2, [{'range': d['range'], 'text': '16.4%'}])
    assert c.diagnostics('y.md', 2) == []
    assert c.diagnostics('x.md', 1) == []
    assert c.finish() == 0


@check('a suggestion is offered as a quick fix that is not preferred')
def test_suggestion(c):
    c.initialize()
    text = '会议部署了今年的重点工作。\n\n责任编辑：王江\n'
    c.open('d.txt', text, language='plaintext')
    diags = c.diagnostics('d.txt', 1)
    assert [d['code'] for d in diags] == ['layout-debris'], diags
    actions = c.code_actions('d.txt', (2, 0), (2, 0))
    assert len(actions) == 1 and 'isPreferred' not in actions[0], actions
    assert actions[0]['title'].startswith('删除此行'), actions[0]['title']
    edit = actions[0]['edit']['changes'][c.uri('d.txt')][0]
    assert apply_edit(text, edit) == '会议部署了今年的重点工作。\n', apply_edit(text, edit)
    assert c.finish() == 0


@check('typing is debounced: one check after a burst of changes')
def test_debounce(c):
    c.initialize()
    c.open('a.md', EMOJI_DOC)
    c.diagnostics('a.md', 1)
    before = len(c.notifications)
    for v in range(2, 12):  # ten keystrokes appending 好 after the comma's line
        c.change('a.md', v, [{'range': rng((2, 100), (2, 100)), 'text': '好'}])
    assert len(c.diagnostics('a.md', 11)) == 1
    c.drain(1.0)
    published = [n for n in c.notifications[before:] if n['method'] == 'textDocument/publishDiagnostics']
    assert [p['params']['version'] for p in published] == [11], [p['params'].get('version') for p in published]
    assert c.finish() == 0


@check('checking does not block reading: a request is answered while a long draft is checked')
def test_not_blocking(c):
    c.initialize()
    c.open('small.md', EMOJI_DOC)
    c.diagnostics('small.md', 1)
    paragraph = '全县新建村级养老服务站46个，为高龄老人提供助餐服务,惠及老人1200户。\n\n'
    c.open('big.md', paragraph * 3000)
    started = time.monotonic()
    r = c.request('textDocument/hover', {'textDocument': {'uri': c.uri('big.md')},
                                         'position': {'line': 0, 'character': 0}})
    answered = time.monotonic() - started
    assert r['error']['code'] == -32601, r
    published_big = [n for n in c.notifications if n['params'].get('uri') == c.uri('big.md')]
    assert not published_big, 'the answer waited for the check'
    # 3000 findings: the first 1000 are listed, then one says how many more.
    diags = c.diagnostics('big.md', 1)
    assert len(diags) == 1001, len(diags)
    assert diags[-1]['code'] == 'too-many-diagnostics', diags[-1]
    left_out = int(re.search(r'另有 (\d+) 条', diags[-1]['message']).group(1))
    assert left_out >= 2000, diags[-1]['message']
    print(f'     (answered in {answered * 1000:.0f} ms while checking; 1000 diagnostics and "{left_out} more")')
    assert c.finish() == 0


@check('.kanwu.yaml decides the rules and is reloaded when it changes')
def test_config_reload(c):
    config = c.root / '.kanwu.yaml'
    config.write_text('disable: [punctuation-width]\n', encoding='utf-8')
    c.initialize()
    c.open('a.md', EMOJI_DOC)
    assert c.diagnostics('a.md', 1) == []
    config.write_text('severity: {punctuation-width: error}\n', encoding='utf-8')
    c.notify('workspace/didChangeWatchedFiles', {'changes': [{'uri': c.uri('.kanwu.yaml'), 'type': 2}]})
    c.diagnostics_until('a.md', 1, lambda d: len(d) == 1 and d[0]['severity'] == 1)
    # A broken configuration is shown to the user; the rules in force stay.
    config.write_text('disable: [no-such-key\n', encoding='utf-8')
    c.notify('workspace/didChangeWatchedFiles', {'changes': [{'uri': c.uri('.kanwu.yaml'), 'type': 2}]})
    deadline = time.monotonic() + TIMEOUT
    while not any(n['method'] == 'window/showMessage' for n in c.notifications):
        c.next_message(deadline)
        assert time.monotonic() < deadline, 'no message about the broken .kanwu.yaml'
    # Saving .kanwu.yaml in the editor reloads it too.
    config.write_text('ignore: ["a.md"]\n', encoding='utf-8')
    c.notify('textDocument/didSave', {'textDocument': {'uri': c.uri('.kanwu.yaml')}})
    c.diagnostics_until('a.md', 1, lambda d: d == [])
    assert c.finish() == 0


@check('.kanwu.yaml saved in an editor that says nothing of it (Neovim 0.7) is reloaded')
def test_config_reload_unannounced(c):
    # No didChangeWatchedFiles capability, and .kanwu.yaml is no document of
    # this server: the client sends nothing when it is saved.
    config = c.root / '.kanwu.yaml'
    config.write_text('disable: [punctuation-width]\n', encoding='utf-8')
    c.initialize(watch=False)
    c.open('a.md', EMOJI_DOC)
    assert c.diagnostics('a.md', 1) == []
    config.write_text('severity: {punctuation-width: error}\n', encoding='utf-8')
    c.diagnostics_until('a.md', 1, lambda d: len(d) == 1 and d[0]['severity'] == 1)
    # A .kanwu.yaml added in the document's own folder applies there too.
    (c.root / 'sub').mkdir()
    c.open('sub/b.md', EMOJI_DOC)
    assert len(c.diagnostics('sub/b.md', 1)) == 1
    (c.root / 'sub' / '.kanwu.yaml').write_text('disable: [punctuation-width]\n', encoding='utf-8')
    c.diagnostics_until('sub/b.md', 1, lambda d: d == [])
    # A broken one is reported once, not at every look.
    config.write_text('disable: [no-such-key\n', encoding='utf-8')
    c.drain(3)
    shown = [n for n in c.notifications if n['method'] == 'window/showMessage']
    assert len(shown) == 1, shown
    assert c.finish() == 0


@check('exit without shutdown exits 1; end of input without shutdown exits 1')
def test_exit_codes(c):
    c.initialize()
    assert c.finish(shutdown=False) == 1
    other = Client(c.root)
    try:
        other.initialize()
        other.proc.stdin.close()
        assert other.proc.wait(timeout=TIMEOUT) == 1
    finally:
        other.kill()


def frame(body):
    return b'Content-Length: %d\r\n\r\n' % len(body) + body


@check('bad messages are answered or logged; the server goes on')
def test_bad_messages(c):
    # Before initialize: requests are refused, notifications dropped.
    r = c.request('textDocument/codeAction', {})
    assert r['error']['code'] == -32002, r
    c.notify('textDocument/didOpen', {'textDocument': {'uri': c.uri('early.md'), 'languageId': 'markdown',
                                                       'version': 1, 'text': '我们,他们'}})
    c.initialize()

    def alive():
        r = c.request('kanwu/ping')
        assert r['error']['code'] == -32601, r

    def answered(data, code, with_id=None):
        c.send_raw(data)
        deadline = time.monotonic() + TIMEOUT
        while True:
            m = c.next_message(deadline)
            assert m is not None, f'no answer to {data[:60]!r}'
            if 'error' in m:
                assert m['error']['code'] == code and m['id'] == with_id, (data[:60], m)
                break
        alive()

    answered(frame(b'{"jsonrpc": "2.0", "id": 1, "method": '), -32700)       # cut JSON
    answered(frame(b'\xff\xfe not UTF-8'), -32700)
    answered(frame(b''), -32700)                                                # empty body
    answered(frame(b'[{"jsonrpc": "2.0", "id": 1, "method": "shutdown"}]'), -32600)  # a batch
    answered(frame(b'"hello"'), -32600)
    answered(frame(b'{"id": 7, "method": "shutdown"}'), -32600, 7)              # no jsonrpc
    answered(frame(b'{"jsonrpc": "1.0", "id": 8, "method": "shutdown"}'), -32600, 8)
    answered(frame(b'{"jsonrpc": "2.0", "id": {"a": 1}, "method": "shutdown"}'), -32600)
    answered(frame(b'{"jsonrpc": "2.0", "id": 9, "method": 42}'), -32600, 9)
    answered(frame(b'{"jsonrpc": "2.0", "id": 10, "method": "shutdown", "params": "x"}'), -32600, 10)
    answered(frame(b'{"jsonrpc": "2.0", "id": 11}'), -32600, 11)
    answered(frame(b'{"jsonrpc": "2.0", "id": 12, "method": "initialize", "params": {}}'), -32600, 12)
    answered(frame(b'{"jsonrpc": "2.0", "id": "s", "method": "textDocument/codeAction", "params": {}}'),
             -32602, 's')
    answered(frame(b'{"jsonrpc": "2.0", "id": 13, "method": "textDocument/codeAction", "params": '
                   b'{"textDocument": {"uri": 5}, "range": {}}}'), -32602, 13)

    # Responses are never answered, not even error responses with a null id.
    answers = len(c.responses)
    c.send_raw(frame(b'{"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "x"}}'))
    c.send_raw(frame(b'{"jsonrpc": "2.0", "id": 55, "result": {}}'))
    alive()
    assert len(c.responses) == answers + 1, c.responses[answers:]

    # Header trouble: logged, skipped, and reading goes on.
    c.send_raw(b'Content-Type: application/json\r\n\r\n{"jsonrpc": "2.0", "id": 1, "method": "shutdown"}')
    alive()
    c.send_raw(b'Content-Length: abc\r\n\r\n')
    alive()
    c.send_raw(b'Content-Length: -5\r\n\r\n')
    alive()
    c.send_raw(b'no colon here\r\nContent-Length: 2\r\n\r\n{}')
    alive()
    c.send_raw(b'\r\n\r\n')  # stray blank lines
    alive()
    c.send_raw(b'content-length: 2\n\n{}')  # lower case, bare LF: tolerated → an invalid request
    m = c.next_message(time.monotonic() + TIMEOUT)
    assert m and m['error']['code'] == -32600, m
    alive()
    # A Content-Length shorter than the body: the rest is junk before the
    # next header, skipped, and the next message is read.
    body = b'{"jsonrpc": "2.0", "method": "$/x", "params": {}}'
    c.send_raw(b'Content-Length: 10\r\n\r\n' + body)
    m = c.next_message(time.monotonic() + TIMEOUT)
    assert m and m['error']['code'] == -32700, m
    alive()

    # Notifications with bad params: logged, not answered.
    for params in [{}, {'textDocument': 3}, {'textDocument': {'uri': c.uri('x.md'), 'text': 5}}]:
        c.notify('textDocument/didOpen', params)
    c.notify('textDocument/didChange', {'textDocument': {'uri': c.uri('never-opened.md'), 'version': 2},
                                        'contentChanges': [{'text': 'x'}]})
    c.notify('textDocument/didChange', {'textDocument': {'uri': c.uri('x.md')}, 'contentChanges': 'x'})
    c.notify('$/cancelRequest', {'id': 1})
    c.notify('$/setTrace', {'value': 'off'})
    c.notify('workspace/didChangeWatchedFiles', {'changes': 'x'})
    c.notify('textDocument/didClose', {})
    alive()

    # Odd but valid edits: out-of-range positions clamp, inside a surrogate
    # pair rounds to the code point, a reversed range is still a range.
    c.open('a.md', EMOJI_DOC)
    c.diagnostics('a.md', 1)
    c.change('a.md', 2, [{'range': rng((999, 0), (999, 5)), 'text': '\n末尾,追加'},
                         {'range': rng((2, 5), (2, 3)), 'text': ''},
                         {'range': rng((-1, -1), (0, 0)), 'text': ''}])
    d = c.diagnostics('a.md', 2)
    assert len(d) == 2, d
    # A NUL character: kanwu refuses it as it refuses binary files, and says so.
    c.open('nul.md', '我们\u0000他们')
    d = c.diagnostics('nul.md', 1)
    assert len(d) == 1 and d[0]['code'] == 'input-error', d
    # A document that is not a draft (the configuration itself) is not checked.
    c.open('.kanwu.yaml', 'disable: [a,b]\n', language='yaml')
    alive()
    assert not [n for n in c.notifications if n['params'].get('uri') == c.uri('.kanwu.yaml')]
    assert not [n for n in c.notifications if n['params'].get('uri') == c.uri('early.md')]

    # After shutdown: requests are invalid; exit then exits 0.
    assert c.request('shutdown')['result'] is None
    r = c.request('textDocument/codeAction', {})
    assert r['error']['code'] == -32600, r
    c.notify('exit')
    assert c.proc.wait(timeout=TIMEOUT) == 0


@check('an oversized message is skipped without being held; end of input ends the server')
def test_oversized(c):
    c.initialize()
    c.send_raw(b'Content-Length: 99999999999\r\n\r\n' + b'x' * 100000)
    c.proc.stdin.close()
    assert c.proc.wait(timeout=TIMEOUT) == 1
    assert b'over the limit' in c.stderr or c.proc.returncode == 1


@check('JSON nested a million deep (2 MB) is a parse error (-32700), not a crash; the server goes on')
def test_deep_json(c):
    c.initialize()
    deep = '[' * 1_000_000 + ']' * 1_000_000  # crashed kanwu lsp (SIGSEGV) before the depth limit
    for message in ['{"jsonrpc": "2.0", "id": 7, "method": "kanwu/ping", "params": %s}' % deep,
                    '{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": %s}}' % deep]:
        body = message.encode()
        c.send_raw(b'Content-Length: %d\r\n\r\n' % len(body) + body)
        deadline = time.monotonic() + TIMEOUT
        m = c.next_message(deadline)
        while m is not None and 'method' in m:  # the server's own requests and notifications
            m = c.next_message(deadline)
        assert m and m['error']['code'] == -32700 and '512' in m['error']['message'], m
    # 502 levels (the message, params, 500 arrays) are still read, and answered as any ping.
    r = c.request('kanwu/ping', {'x': json.loads('[' * 500 + ']' * 500)})
    assert r['error']['code'] == -32601, r
    assert c.finish() == 0


@check('a message over 8 MiB is skipped unread; a draft just under it is checked; edits cannot grow one past it')
def test_message_cap(c):
    c.initialize()
    line = '全县新建村级养老服务站46个。\n'
    c.open('over.txt', line * (9_000_000 // len(line.encode())), language='plaintext')
    r = c.request('kanwu/ping')
    assert r['error']['code'] == -32601, r
    under = line * (8_000_000 // len(line.encode()))
    c.open('under.txt', under, language='plaintext')
    assert c.diagnostics('under.txt', 1) == []
    c.change('under.txt', 2, [{'range': rng((0, 0), (0, 0)), 'text': line * 20000}])
    c.drain(1.0)
    assert b'larger than 8 MiB' in c.stderr, c.stderr[-500:]
    assert b'over the limit' in c.stderr, c.stderr[-500:]
    assert not any(n['params'].get('uri') == c.uri('over.txt') for n in c.notifications
                   if n['method'] == 'textDocument/publishDiagnostics')
    assert c.finish() == 0


@check('randomly damaged sessions never crash the server')
def test_damaged_sessions(c):
    """Structure-aware fuzzing with a fixed seed: a whole editing session in
    which some values are replaced by values of the wrong type or range
    (negative, huge, fractional positions; strings for numbers; null), and
    sometimes a header byte is damaged. Each session ends with the end of
    input; the server must exit 0 or 1 and no sanitizer may speak."""
    import copy
    import random
    c.kill()
    rnd = random.Random(20261124)
    uri = (c.root / 'f.md').as_uri()
    session = [
        {'id': 1, 'method': 'initialize', 'params': {'rootUri': c.root.as_uri(), 'capabilities': {
            'general': {'positionEncodings': ['utf-16']}}}},
        {'method': 'initialized', 'params': {}},
        {'method': 'textDocument/didOpen', 'params': {'textDocument': {
            'uri': uri, 'languageId': 'markdown', 'version': 1, 'text': EMOJI_DOC + FIGURE_X}}},
        {'method': 'textDocument/didChange', 'params': {'textDocument': {'uri': uri, 'version': 2}, 'contentChanges': [
            {'range': rng((2, 3), (2, 5)), 'text': '😀,'}, {'range': rng((4, 0), (4, 2)), 'text': ''}]}},
        {'id': 2, 'method': 'textDocument/codeAction', 'params': {'textDocument': {'uri': uri},
                                                                 'range': rng((2, 0), (2, 40)), 'context': {}}},
        {'method': 'textDocument/didSave', 'params': {'textDocument': {'uri': uri}}},
        {'method': 'workspace/didChangeWatchedFiles', 'params': {'changes': [{'uri': uri, 'type': 2}]}},
        {'method': 'textDocument/didClose', 'params': {'textDocument': {'uri': uri}}},
        {'id': 3, 'method': 'shutdown'},
        {'method': 'exit'},
    ]
    odd = [None, -1, -2**31 - 5, 2**31 + 7, 2**64 + 1, 1e300, 0.5, '3', '', [], {}, True, '😀\u0000']

    def leaves(node, path=()):
        if isinstance(node, dict):
            for k, v in node.items():
                yield from leaves(v, path + (k,))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                yield from leaves(v, path + (i,))
        yield path

    for case in range(25):
        messages = copy.deepcopy(session)
        for _ in range(rnd.randint(1, 3)):
            m = rnd.choice(messages)
            path = rnd.choice([p for p in leaves(m) if p])
            target = m
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = rnd.choice(odd)
        data = b''.join(frame(json.dumps({'jsonrpc': '2.0', **m}, ensure_ascii=False).encode()) for m in messages)
        if rnd.random() < 0.3:
            data = bytearray(data)
            data[rnd.randrange(len(data))] = rnd.randrange(256)
            data = bytes(data)
        p = subprocess.run([KANWU, 'lsp'], input=data, capture_output=True, timeout=TIMEOUT, cwd='/')
        assert p.returncode in (0, 1), f'case {case}: exit {p.returncode}: {p.stderr[-1500:]!r}'
        for report in (b'AddressSanitizer', b'runtime error', b'LeakSanitizer'):
            assert report not in p.stderr, f'case {case}: {p.stderr[-3000:]!r}'


for test in TESTS:
    test()
print(f'{len(TESTS) - len(failures)} passed, {len(failures)} failed')
sys.exit(1 if failures else 0)
