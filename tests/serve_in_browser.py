#!/usr/bin/env python3
"""The page `kanwu serve` shows, driven in headless Chromium over the Chrome
DevTools Protocol (--remote-debugging-pipe: commands go in on the browser's
fd 3, answers come out on its fd 4, each a JSON message ended by a NUL).

1. /?selftest=1 pastes a draft (with a character beyond U+FFFF before the
   finding, where UTF-16 indexes and kanwu's code-point columns differ),
   presses 检查, checks that the highlight covers exactly the half-width
   comma, applies the width fix with its button and checks the text is
   fixed; the page writes the outcome into <pre id="selftest">.
2. A Word document is dropped on the page (Input.dispatchDragEvent with the
   file's path, as a drag from the desktop): its findings are shown.
3. The same .docx and a .txt whose figure disagrees with it (增长16.4% and
   增长15.4% for the same fund) are given to the page's real file input
   (DOM.setFileInputFiles, which fires its change event): the cross-document
   figure-conflict is highlighted in both and its related place is a link
   to the other document's line. The .docx's width fix is applied with its
   button and the conflict stays. 返回修改 then shows both drafts, each in
   its own box, and 检查 checks both again; the .docx's places are
   paragraphs (第3段), never lines.
4. Layout: the paste box fills most of the window's height and grows with
   it (1280x900, then 1280x1400).
5. Two pasted drafts (the second added with 再加一篇) checked together: the
   figure conflict between them is found. A paragraph broken mid-sentence
   offers a join labelled as one (断行), not 删除“ ”.
6. A Word 97-2003 .doc given to the file input: a Chinese message saying to
   save it as .docx, dark on a light background (contrast at least 4.5:1),
   not red on the dark header.

Nothing is added to the page for 2, 3 and 6: the files come in as a user's do.
Usage: serve_in_browser.py path/to/kanwu
"""
import fcntl
import json
import os
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

DOCX_MAKER = """
import sys, docx
d = docx.Document()
d.add_heading("通辽市“十四五”民政工作综述", level=1)
d.add_paragraph("“十四五”期间，通辽市累计支出民政事业发展资金70.4亿元，比“十三五”期间增加9.4亿元，增长16.4%。")
d.add_paragraph("全县新建污水管网32公里,改造供水管网18公里。")
d.save(sys.argv[1])
"""
# Two drafts pasted into two boxes: the same fund's growth written two ways.
PASTE_A = "本市民政资金综述\n\n“十四五”期间，通辽市累计支出民政事业发展资金70.4亿元，比“十三五”期间增加9.4亿元，增长16.4%。\n"
PASTE_B = "民政要闻\n\n“十四五”期间，通辽市倾力投入民政事业发展资金达70.4亿元，较“十三五”时期增加9.4亿元，增长15.4%。\n"
BROKEN = "今年全市新建社区食堂二十个，为独居老人提供送餐服务。同时，积\n\n极推进老旧小区加装电梯，惠及居民三千户。\n"
OTHER_TXT = "通辽民政这五年\n\n“十四五”期间，通辽市倾力投入民政事业发展资金达70.4亿元，较“十三五”时期增加9.4亿元，增长15.4%。\n"

failures = []


def expect(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


class Browser:
    """One headless Chromium and one page in it, over the debugging pipe."""

    def __init__(self, chromium, profile, log):
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()
        # Numbers above 9, so that bash's 3<&N 4>&M cannot clobber one another.
        keep = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_browser_r, from_browser_w)]
        for fd in (to_browser_r, from_browser_w):
            os.close(fd)
        args = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--remote-debugging-pipe",
                f"--user-data-dir={profile}", "--window-size=1280,900", "about:blank"]
        command = 'exec "$@" 3<&%d 4>&%d %d<&- %d>&-' % (keep[0], keep[1], keep[0], keep[1])
        self.proc = subprocess.Popen(["bash", "-c", command, "chromium", *args], pass_fds=keep,
                                     stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        for fd in keep:
            os.close(fd)
        self.out = os.fdopen(to_browser_w, "wb", buffering=0)
        self.inp = from_browser_r
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        self.call("Page.enable")
        self.call("Runtime.enable")

    def message(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.inp], [], [], left)[0]:
                raise TimeoutError("no answer from chromium")
            chunk = os.read(self.inp, 1 << 20)
            if not chunk:
                raise EOFError("chromium closed its debugging pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, timeout=20, **params):
        self.next_id += 1
        request = {"id": self.next_id, "method": method, "params": params}
        if self.session and not method.startswith("Target."):
            request["sessionId"] = self.session
        self.out.write(json.dumps(request).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            m = self.message(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def js(self, expression):
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expression}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def wait_for(self, expression, what, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.js(expression)
            if value:
                return value
            time.sleep(0.1)
        raise TimeoutError(f"waited {timeout}s for {what}")

    def open(self, url):
        # The old document is marked, so that a page at the same address is
        # not taken for the new one.
        self.js("window.kanwuOldPage=true")
        self.call("Page.navigate", url=url)
        self.wait_for("!window.kanwuOldPage&&document.readyState==='complete'&&location.href===%s"
                      "&&!!document.getElementById('file')" % json.dumps(url), f"{url} to load")

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


# What the page shows after a check, read from its DOM.
STATE = r"""(function(){
  function all(sel){return Array.prototype.slice.call(document.querySelectorAll(sel));}
  var headings=all('#docs h2').map(function(h){return {id:h.id,name:h.textContent};});
  var findings=all('#side .finding').map(function(f){
    return {rule:f.dataset.rule,text:f.textContent,
      place:f.querySelector('a').getAttribute('href'),
      related:Array.prototype.slice.call(f.querySelectorAll('a')).slice(1).map(function(a){
        var to=a.getAttribute('href'),target=document.querySelector(to);
        var doc=target?target.id.replace(/-L\d+$/,''):null;
        return {href:to,text:a.textContent,exists:!!target,line:target?target.textContent:'',
          doc:doc?document.getElementById(doc).textContent:''};}),
      apply:f.querySelector('.apply')?f.querySelector('.apply').dataset.i:null};});
  var marks=all('#docs mark').map(function(m){var line=m.closest('.line'),doc=null;
    for(var h=line.previousElementSibling;h;h=h.previousElementSibling)if(h.tagName==='H2'){doc=h.textContent;break;}
    return {rule:m.dataset.rule,text:m.textContent,doc:doc};});
  return {status:document.getElementById('status').textContent,headings:headings,findings:findings,marks:marks,
    errors:all('#side .err').map(function(e){return e.textContent;})};})()"""


# The message box's text, its contrast ratio (WCAG) with its background,
# and whether it sits in the dark header.
CONTRAST = r"""(function(){
  var m=document.getElementById('message');
  function rgb(c){return c.match(/[\d.]+/g).slice(0,3).map(Number);}
  function lum(c){return rgb(c).map(function(v){v/=255;return v<=0.03928?v/12.92:Math.pow((v+0.055)/1.055,2.4);})
    .reduce(function(s,v,i){return s+v*[0.2126,0.7152,0.0722][i];},0);}
  var st=getComputedStyle(m),a=lum(st.color),b=lum(st.backgroundColor);
  return {text:m.textContent,ratio:(Math.max(a,b)+0.05)/(Math.min(a,b)+0.05),inHeader:!!m.closest('header')};})()"""


def main():
    kanwu = os.path.realpath(sys.argv[1])
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        # ci/test.sh installs it (ci/deps.sh --test) and sets
        # KANWU_REQUIRE_BROWSER: there, a missing browser fails.
        required = bool(os.environ.get("KANWU_REQUIRE_BROWSER") or os.environ.get("CI"))
        print("chromium not installed (ci/deps.sh --test installs it): "
              + ("FAIL" if required else "SKIP, the page is not tested in a browser"))
        return 1 if required else 77
    tmp = Path(tempfile.mkdtemp())
    keep = bool(os.environ.get("KEEP"))
    server = browser = None
    try:
        # python3-docx as Debian installs it (the python3 on PATH may be
        # another one).
        docx_python = next((p for p in ("/usr/bin/python3", sys.executable)
                            if subprocess.run([p, "-c", "import docx"], capture_output=True).returncode == 0), None)
        if not docx_python:
            print("FAIL python3-docx not installed (ci/deps.sh --test installs it)")
            return 1
        draft = tmp / "民政总结.docx"
        subprocess.run([docx_python, "-c", DOCX_MAKER, str(draft)], check=True)
        other = tmp / "民政要点.txt"
        other.write_text(OTHER_TXT, encoding="utf-8")

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        serve_dir = tmp / "serve"
        serve_dir.mkdir()
        server_log = open(tmp / "serve.log", "wb")
        server = subprocess.Popen([kanwu, "serve", "--port", str(port)], cwd=serve_dir,
                                  stdout=server_log, stderr=server_log)
        base = f"http://127.0.0.1:{port}/"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        browser = Browser(chromium, tmp / "profile", open(tmp / "chromium.log", "wb"))

        # 1. A pasted draft and its width fix: the page's own self-test.
        browser.open(base + "?selftest=1")
        result = browser.wait_for("(document.getElementById('selftest')||{}).textContent", "the self-test")
        expect(result.startswith("PASS"), f"pasted draft: comma highlighted, width fix applied ({result})")

        # 2. A .docx dropped on the page.
        browser.open(base)
        box = browser.js("(function(){var r=document.getElementById('drop').getBoundingClientRect();"
                         "return [r.left+r.width/2,r.top+r.height/2];})()")
        data = {"items": [], "files": [str(draft)], "dragOperationsMask": 1}
        for kind in ("dragEnter", "dragOver", "drop"):
            browser.call("Input.dispatchDragEvent", type=kind, x=box[0], y=box[1], data=data)
        browser.wait_for("/检查完成|失败/.test(document.getElementById('status').textContent)", "the dropped .docx")
        state = browser.js(STATE)
        expect([h["name"] for h in state["headings"]] == [draft.name] and not state["errors"],
               f"dropped .docx: checked and shown ({state['status']}, {state['headings']}, {state['errors']})")
        expect("增长16.4%" in browser.js("document.getElementById('docs').textContent"),
               "dropped .docx: its text is shown")
        widths = [f for f in state["findings"] if f["rule"] == "punctuation-width" and f["apply"] is not None]
        comma = [m for m in state["marks"] if m["text"] == ","]
        expect(len(widths) == 1 and widths[0]["text"].startswith(draft.name + " 第3段第")
               and len(comma) == 1 and comma[0]["doc"] == draft.name and comma[0]["rule"] == "punctuation-width",
               f"dropped .docx: its half-width comma is highlighted, with a fix ({state['marks']})")

        # 3. The .docx and a .txt through the file input: a figure conflict
        # across the two.
        browser.open(base)
        root = browser.call("DOM.getDocument")["root"]["nodeId"]
        node = browser.call("DOM.querySelector", nodeId=root, selector="#file")["nodeId"]
        browser.call("DOM.setFileInputFiles", nodeId=node, files=[str(draft), str(other)])
        browser.wait_for("/检查完成|失败/.test(document.getElementById('status').textContent)", "the two files")
        state = browser.js(STATE)
        names = [h["name"] for h in state["headings"]]
        expect(names == [draft.name, other.name] and not state["errors"],
               f"file input: both documents checked ({state['status']}, {names}, {state['errors']})")
        conflicts = [f for f in state["findings"] if f["rule"] == "figure-conflict"]
        expect(len(conflicts) == 1 and conflicts[0]["place"] and conflicts[0]["text"].startswith(other.name + ":3:")
               and "15.4%" in conflicts[0]["text"] and "16.4%" in conflicts[0]["text"],
               f"file input: a figure-conflict in {other.name} naming 15.4% and 16.4% ({[f['text'] for f in conflicts]})")
        related = conflicts[0]["related"] if conflicts else []
        expect(len(related) == 1 and related[0]["exists"] and related[0]["doc"] == draft.name
               and "16.4%" in related[0]["line"] and related[0]["text"] == draft.name + " 第2段",
               f"file input: its related place is a link to the .docx's line with 16.4% ({related})")
        marked = [m for m in state["marks"] if m["rule"] == "figure-conflict"]
        expect(len(marked) == 1 and marked[0]["doc"] == other.name and marked[0]["text"] == "15.4%",
               f"file input: the conflict's 15.4% is highlighted ({marked})")
        if related:
            href = related[0]["href"]
            browser.js("document.querySelector('#side .finding[data-rule=\"figure-conflict\"] a[href=\"%s\"]').click()"
                       % href)
            expect(browser.js("location.hash") == href, f"file input: the related link goes to {href}")
        fix = next((f for f in state["findings"] if f["apply"] is not None and f["text"].startswith(draft.name)), None)
        expect(fix is not None, "file input: the .docx has a finding with a fix")
        if fix:
            browser.js("document.querySelector('.apply[data-i=\"%s\"]').click()" % fix["apply"])
            browser.wait_for("state.docs[0].text.indexOf('32公里，改造')>=0&&/检查完成/.test("
                             "document.getElementById('status').textContent)", "the fix to be applied")
            after = browser.js(STATE)
            expect(not [m for m in after["marks"] if m["text"] == ","]
                   and any(f["rule"] == "figure-conflict" for f in after["findings"]),
                   "file input: width fix applied to the .docx text, the conflict still shown")
            conflict = next((f for f in after["findings"] if f["rule"] == "figure-conflict"), {"related": []})
            expect([r["text"] for r in conflict["related"]] == [draft.name + " 第2段"]
                   and "第2段" in conflict["text"] and "行" not in conflict["text"],
                   f"after a fix the .docx's places are still paragraphs: {conflict}")

        # 返回修改 after uploading two drafts: both come back, each in its box,
        # and are checked together again.
        browser.js("document.getElementById('edit').click()")
        boxes = browser.js("Array.prototype.slice.call(document.querySelectorAll('#drop .draft')).map(function(b){"
                           "return [b.querySelector('.dname').textContent,b.querySelector('textarea').value];})")
        expect([b[0] for b in boxes] == [draft.name, other.name] and "32公里，改造" in boxes[0][1]
               and "增长15.4%" in boxes[1][1], f"返回修改 keeps both uploaded drafts: {[b[0] for b in boxes]}")
        browser.js("document.getElementById('check').click()")
        browser.wait_for("/检查完成/.test(document.getElementById('status').textContent)", "the two drafts again")
        state = browser.js(STATE)
        expect([h["name"] for h in state["headings"]] == [draft.name, other.name]
               and any(f["rule"] == "figure-conflict" for f in state["findings"]),
               f"检查 after 返回修改 checks both again: {[h['name'] for h in state['headings']]}")

        # 4. The paste box fills the window, at two window heights.
        browser.open(base)
        heights = []
        for height in (900, 1400):
            browser.call("Emulation.setDeviceMetricsOverride", width=1280, height=height, deviceScaleFactor=1,
                         mobile=False)
            heights.append(browser.js("[document.getElementById('input').getBoundingClientRect().height,"
                                      "window.innerHeight]"))
        browser.call("Emulation.clearDeviceMetricsOverride")
        expect(all(box >= 0.6 * window for box, window in heights) and heights[1][0] > heights[0][0] + 300,
               f"the paste box fills the window and grows with it (box, window): {heights}")

        # 5. Two pasted drafts, checked together.
        browser.js("document.getElementById('input').value=%s;document.getElementById('add').click();"
                   "document.querySelectorAll('#drop textarea')[1].value=%s;document.getElementById('check').click()"
                   % (json.dumps(PASTE_A), json.dumps(PASTE_B)))
        browser.wait_for("/检查完成|失败/.test(document.getElementById('status').textContent)", "two pasted drafts")
        state = browser.js(STATE)
        conflicts = [f for f in state["findings"] if f["rule"] == "figure-conflict"]
        expect([h["name"] for h in state["headings"]] == ["稿件1.txt", "稿件2.txt"] and conflicts
               and conflicts[0]["related"] and conflicts[0]["related"][0]["exists"],
               f"two pasted drafts: checked together, the conflict across them ({[h['name'] for h in state['headings']]},"
               f" {[f['text'][:40] for f in conflicts]})")
        browser.js("document.getElementById('edit').click()")
        expect(browser.js("document.querySelectorAll('#drop .draft').length") == 2, "返回修改 keeps both pasted drafts")
        # A paragraph broken mid-sentence: its join is labelled as a join.
        browser.open(base)
        browser.js("document.getElementById('input').value=%s;document.getElementById('check').click()"
                   % json.dumps(BROKEN))
        browser.wait_for("/检查完成|失败/.test(document.getElementById('status').textContent)", "the broken paragraph")
        label = browser.js("(function(){var f=document.querySelector('#side .finding[data-rule=\"broken-paragraph\"] .fix');"
                           "return f?f.textContent:null;})()")
        expect(label is not None and "断行" in label and "删除“" not in label,
               f"a paragraph join is labelled as a join: {label!r}")

        # 6. A Word 97-2003 .doc: a Chinese message, readable.
        doc = tmp / "旧稿.doc"
        doc.write_bytes(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(2048))
        browser.open(base)
        root = browser.call("DOM.getDocument")["root"]["nodeId"]
        node = browser.call("DOM.querySelector", nodeId=root, selector="#file")["nodeId"]
        browser.call("DOM.setFileInputFiles", nodeId=node, files=[str(doc)])
        browser.wait_for("!document.getElementById('message').hidden", "the message about the .doc")
        shown = browser.js(CONTRAST)
        expect("另存为 .docx" in shown["text"] and shown["ratio"] >= 4.5 and not shown["inHeader"],
               f".doc: a readable Chinese message ({shown})")

        # A finding in a Word footnote is placed as 脚注N, not by line.
        docs = tmp / "docs"
        subprocess.run([docx_python, str(Path(__file__).with_name("make_docx.py")), str(docs)], check=True)
        browser.open(base)
        root = browser.call("DOM.getDocument")["root"]["nodeId"]
        node = browser.call("DOM.querySelector", nodeId=root, selector="#file")["nodeId"]
        browser.call("DOM.setFileInputFiles", nodeId=node, files=[str(docs / "footnote.docx")])
        browser.wait_for("/检查完成|失败/.test(document.getElementById('status').textContent)", "footnote.docx")
        places = [f["text"].split(" [")[0] for f in browser.js(STATE)["findings"]]
        expect(places == ["footnote.docx 脚注1第9字"], f"a footnote's finding is placed in the footnote: {places}")
    except Exception as e:  # a timeout, or chromium gone: the checks so far are printed above
        expect(False, f"{type(e).__name__}: {e}")
    finally:
        if browser:
            browser.close()
        if server:
            server.terminate()
            server.wait()
        if keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print("PASS" if not failures else f"FAIL: {len(failures)} check(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
