#!/usr/bin/env python3
"""`kanwu check --annotate` end to end, on Word documents made by the
programs newsrooms' documents come from: python-docx (as Word writes them),
pandoc (footnotes, a table, a comment and tracked changes of its own) and
LibreOffice (the pandoc document saved again by LibreOffice Writer).

For each document, the reviewed copy must:
- keep every zip entry but document.xml, footnotes.xml, the comments part,
  the document's relationships and [Content_Types].xml as it was stored
  (same bytes, same CRC, same compressed size);
- hold only well-formed XML parts;
- carry one kanwu comment per finding, on exactly the finding's characters,
  naming its rule;
- give, with every change accepted (w:del dropped, w:ins unwrapped), the
  text --fix gives (the safe fixes applied, an overlapping one left out),
  and with kanwu's changes rejected, the draft's own text;
- keep the document's own comments and tracked changes.
The text is read here by a reader of our own (not kanwu's), one line a
paragraph, tables cell by cell, footnotes after the body.

With --libreoffice, the LibreOffice-made document is reviewed too, and
LibreOffice (headless) opens each reviewed copy and converts it: the
comments and changes must be there. Without LibreOffice that run is skipped
(exit 77), and without pandoc its documents are, unless
KANWU_REQUIRE_LIBREOFFICE or CI is set: then a missing program fails.

Usage: annotate_test.py path/to/kanwu [--libreoffice]
"""
import json
import re
import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CHANGED = {"word/document.xml", "word/footnotes.xml", "word/comments.xml",
           "word/_rels/document.xml.rels", "[Content_Types].xml"}
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


# ---- fixtures -----------------------------------------------------------

def python_docx_fixture(folder):
    """A heading, a bold run split by a fix, a table, a doubled word (a
    suggestion), figures that disagree, and a tab."""
    python = shutil.which("python3")
    script = r'''
import sys, docx
d = docx.Document()
d.add_heading("江州市二〇二四年工作回顾", level=1)
p = d.add_paragraph("过去一年，全市上下")
r = p.add_run(",齐心协力"); r.bold = True
p.add_run("，各项工作取得新进展。会议强调， 要稳住基本盘。")
t = d.add_table(rows=2, cols=2)
t.cell(0, 0).text = "项目"; t.cell(0, 1).text = "完成情况"
t.cell(1, 0).text = "道路改造"; t.cell(1, 1).text = "提前完成,质量良好"
d.add_paragraph("新建的的公园已向市民开放。")
d.add_paragraph("2024年，全市新增城镇就业3.6万人。")
d.add_paragraph("回顾全年，全市新增城镇就业3.8万人，\t超额完成目标。")
d.save(sys.argv[1])
'''
    path = folder / "python-docx.docx"
    for candidate in ("/usr/bin/python3", python):
        if candidate and subprocess.run([candidate, "-c", script, str(path)]).returncode == 0:
            return path
    fail("python-docx could not write its fixture (Debian: python3-docx)")
    return None


PANDOC_MARKDOWN = """\
# 城区供水管网改造情况

今年以来，城区共改造供水管网12公里,惠及居民3万户[^1]。

[请核实上半年数据]{.comment-start id="0" author="编辑甲" date="2024-05-01T08:00:00Z"}上半年[]{.comment-end id="0"}，工程进度总体平稳。
改造期间[临时]{.insertion author="编辑乙" date="2024-05-02T08:00:00Z"}停水[两次]{.deletion author="编辑乙" date="2024-05-02T08:00:00Z"}均提前告知。

| 片区 | 管网 |
|------|------|
| 东城 | 5公里,已完工 |
| 西城 | 7公里 |

[^1]: 数据来源： 市水务局,截至六月底。
"""


def pandoc_fixture(folder):
    if not shutil.which("pandoc"):
        return None
    source = folder / "pandoc.md"
    source.write_text(PANDOC_MARKDOWN, encoding="utf-8")
    path = folder / "pandoc.docx"
    subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", "-o", str(path), str(source)], check=True)
    return path


def soffice():
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_convert(source, target_format, folder):
    """LibreOffice headless converts `source` into `folder`; the new file."""
    folder.mkdir(exist_ok=True)
    profile = folder / "profile"  # its own profile: runs never share a lock
    subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                    target_format, "--outdir", str(folder), str(source)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    out = folder / (source.stem + "." + target_format.split(":")[0])
    if not out.exists():
        raise RuntimeError(f"LibreOffice did not write {out}")
    return out


def libreoffice_fixture(pandoc_docx, folder):
    """The pandoc document opened and saved again by LibreOffice Writer."""
    if not soffice() or pandoc_docx is None:
        return None
    saved = libreoffice_convert(pandoc_docx, "docx", folder / "lo-made")
    path = folder / "libreoffice.docx"
    shutil.copy(saved, path)
    return path


# ---- an independent reader of the text ----------------------------------

def read_xml(archive, name):
    with zipfile.ZipFile(archive) as z:
        return z.read(name) if name in z.namelist() else None


def paragraph_text(p):
    """The accepted text of a paragraph: insertions in, deletions out."""
    out = []

    def walk(node):
        for c in node:
            tag = c.tag
            if tag in (W + "del", W + "moveFrom", W + "pPr", W + "rPr", W + "delText", W + "instrText"):
                continue
            if tag == W + "t":
                out.append(c.text or "")
            elif tag in (W + "tab", W + "ptab"):
                out.append("\t")
            elif tag in (W + "br", W + "cr") and c.get(W + "type") not in ("page", "column"):
                out.append("\u2028")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            elif tag not in (W + "drawing", W + "pict", W + "txbxContent"):
                walk(c)
    walk(p)
    return "".join(out)


def word_lines(document, footnotes):
    """One line a paragraph: the body in reading order, then the footnotes
    the body refers to, in the order it refers to them."""
    body = ET.fromstring(document).find(W + "body")
    lines, refs = [], []
    for p in body.iter(W + "p"):
        lines.append(paragraph_text(p))
        refs += [r.get(W + "id") for r in p.iter(W + "footnoteReference")]
    if footnotes:
        notes = {n.get(W + "id"): n for n in ET.fromstring(footnotes).findall(W + "footnote")}
        for ref in dict.fromkeys(refs):
            if ref in notes:
                lines += [paragraph_text(p) for p in notes[ref].iter(W + "p")]
    return lines


def docx_text(document, footnotes):
    return "".join(line + "\n" for line in word_lines(document, footnotes))


def transformed(xml, accept):
    """Every change accepted (deletions dropped, insertions unwrapped), or
    kanwu's changes rejected (its insertions dropped, its deletions
    restored), as Word's 接受/拒绝所有修订 would."""
    root = ET.fromstring(xml)
    parents = {c: p for p in root.iter() for c in p}
    for node in list(root.iter()):
        kanwu = node.get(W + "author") == "kanwu"
        drop = node.tag == W + "del" if accept else (node.tag == W + "ins" and kanwu)
        unwrap = node.tag == W + "ins" if accept else (node.tag == W + "del" and kanwu)
        if not (drop or unwrap):
            continue
        parent = parents[node]
        at = list(parent).index(node)
        parent.remove(node)
        if unwrap:
            for i, c in enumerate(list(node)):
                for t in c.iter(W + "delText"):
                    t.tag = W + "t"
                parent.insert(at + i, c)
                parents[c] = parent
    return ET.tostring(root, encoding="unicode")


def marked(xml):
    """Each kanwu comment's range marked in the text with \\ue000id\\ue002 …
    \\ue001id\\ue002, so the characters it sits on can be read back."""
    root = ET.fromstring(xml)
    parents = {c: p for p in root.iter() for c in p}
    for tag, sign in ((W + "commentRangeStart", "\ue000"), (W + "commentRangeEnd", "\ue001")):
        for node in list(root.iter(tag)):
            parent = parents[node]
            run = ET.Element(W + "r")
            ET.SubElement(run, W + "t").text = sign + node.get(W + "id") + "\ue002"
            parent.insert(list(parent).index(node), run)
    return ET.tostring(root, encoding="unicode")


def anchored_spans(text):
    """{comment id: characters between its markers}, with markers removed."""
    spans, opened, plain, i = {}, {}, [], 0
    while i < len(text):
        if text[i] in "\ue000\ue001":
            close = text.index("\ue002", i)
            ident = text[i + 1:close]
            if text[i] == "\ue000":
                opened[ident] = len("".join(plain))
            else:
                spans[ident] = "".join(plain)[opened[ident]:]
            i = close + 1
        else:
            plain.append(text[i])
            i += 1
    return spans


# ---- what --fix gives -----------------------------------------------------

def offset(lines_start, text, line, column):
    return lines_start[line - 1] + column - 1


def span_of(text, where):
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return (offset(starts, text, where["line"], where["column"]),
            offset(starts, text, where["end_line"], where["end_column"]))


def fixed(text, findings):
    """The safe fixes applied, in report order, one overlapping an earlier
    one left out (apply_fixes)."""
    taken = []
    for f in findings:
        fix = f.get("fix")
        if not fix or not fix["safe"]:
            continue
        b, e = span_of(text, fix)
        if any(b < te and tb < e or (b == e and tb < b < te) for tb, te, _ in taken):
            continue
        taken.append((b, e, fix["replacement"]))
    for b, e, replacement in sorted(taken, reverse=True):
        text = text[:b] + replacement + text[e:]
    return text


# ---- the checks -------------------------------------------------------------

def annotate(kanwu, draft, out):
    run = subprocess.run([kanwu, "check", "--annotate", "--format", "json", "-o", str(out), str(draft)],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1) or not out.exists():
        fail(f"{draft.name}: --annotate exit {run.returncode}: {run.stderr}")
        return None
    return [f for f in json.loads(run.stdout)["findings"] if f["file"] == str(draft)]


def check_package(draft, out):
    with zipfile.ZipFile(draft) as a, zipfile.ZipFile(out) as b:
        before = {i.filename: i for i in a.infolist()}
        after = {i.filename: i for i in b.infolist()}
        for name, info in before.items():
            if name not in after:
                fail(f"{draft.name}: {name} missing from the reviewed copy")
            elif name not in CHANGED:
                new = after[name]
                if (a.read(name) != b.read(name) or info.CRC != new.CRC or info.compress_size != new.compress_size
                        or info.compress_type != new.compress_type):
                    fail(f"{draft.name}: {name} is not copied as it was stored")
        if [n for n in after if n in before] != list(before):
            fail(f"{draft.name}: the entries changed order")
        for name in after:
            if name.endswith(".xml") or name.endswith(".rels"):
                try:
                    ET.fromstring(b.read(name))
                except ET.ParseError as e:
                    fail(f"{draft.name}: {name} is not well-formed XML: {e}")


def kanwu_comments(out):
    root = ET.fromstring(read_xml(out, "word/comments.xml"))
    return [(c.get(W + "id"), "".join(t.text or "" for t in c.iter(W + "t")))
            for c in root.findall(W + "comment") if c.get(W + "author") == "kanwu"]


def check_review(kanwu, draft, folder):
    out = folder / (draft.stem + ".kanwu.docx")
    findings = annotate(kanwu, draft, out)
    if findings is None:
        return None
    if not findings:
        fail(f"{draft.name}: the fixture has no findings to annotate")
    check_package(draft, out)
    original = docx_text(read_xml(draft, "word/document.xml"), read_xml(draft, "word/footnotes.xml"))
    document, notes = read_xml(out, "word/document.xml"), read_xml(out, "word/footnotes.xml")
    accepted = docx_text(transformed(document, True), notes and transformed(notes, True))
    rejected = docx_text(transformed(document, False), notes and transformed(notes, False))
    if accepted != fixed(original, findings):
        fail(f"{draft.name}: accepting every change gives\n{accepted}instead of --fix's\n{fixed(original, findings)}")
    if rejected != original:
        fail(f"{draft.name}: rejecting kanwu's changes does not give the draft back:\n{rejected}")
    comments = kanwu_comments(out)
    if len(comments) != len(findings):
        fail(f"{draft.name}: {len(comments)} comments for {len(findings)} findings")
    spans = anchored_spans(docx_text(marked(transformed(document, False)),
                                     notes and marked(transformed(notes, False))))
    for (ident, words), f in zip(comments, findings):
        b, e = span_of(original, f)
        if f["rule"] not in words or f["message"] not in words:
            fail(f"{draft.name}: comment {ident} does not name {f['rule']}: {words}")
        in_note = f.get("footnote", 0) > 0
        if in_note and f"脚注{f['footnote']}“{original[b:e]}”处" not in words:
            fail(f"{draft.name}: comment {ident} does not quote the footnote's characters: {words}")
        if spans.get(ident) != ("" if in_note else original[b:e]):
            fail(f"{draft.name}: comment {ident} [{f['rule']}] sits on {spans.get(ident)!r}, "
                 f"not {original[b:e]!r}")
    tracked = sum(1 for f in findings if f.get("fix") and f["fix"]["safe"])
    print(f"{draft.name}: {len(findings)} findings, {len(comments)} comments, {tracked} safe fixes")
    return out


def check_own_annotations_kept(draft, out):
    """The pandoc and LibreOffice documents' own comment and changes."""
    document = read_xml(out, "word/document.xml").decode()
    comments = read_xml(out, "word/comments.xml").decode()
    for what, present in (("编辑甲's comment", "编辑甲" in comments and "请核实上半年数据" in comments),
                          ("编辑乙's tracked insertion and deletion", document.count("编辑乙") >= 2)):
        if not present:
            fail(f"{draft.name}: {what} lost")
    # (pandoc itself gives an insertion and a deletion one id: only the ids
    # kanwu adds must be new, and each used once.)
    original = {n.get(W + "id") for tag in ("ins", "del", "commentRangeStart")
                for n in ET.fromstring(read_xml(draft, "word/document.xml")).iter(W + tag)}
    added = [n.get(W + "id") for tag in ("ins", "del") for n in ET.fromstring(document).iter(W + tag)
             if n.get(W + "author") == "kanwu"] + [i for i, _ in kanwu_comments(out)]
    if len(added) != len(set(added)) or original & set(added):
        fail(f"{draft.name}: kanwu's ids collide: {sorted(added)} with {sorted(original)}")


def check_in_libreoffice(reviewed, folder, findings_count):
    """LibreOffice opens the reviewed copy: as ODF it holds every kanwu
    comment and the tracked changes; as text it still reads."""
    odt = libreoffice_convert(reviewed, "odt", folder / ("lo-" + reviewed.stem))
    content = zipfile.ZipFile(odt).read("content.xml").decode()
    annotations = sum("<dc:creator>kanwu</dc:creator>" in a
                      for a in re.findall(r"<office:annotation[ >].*?</office:annotation>", content))
    changes = content.count("<text:changed-region")
    if annotations != findings_count:
        fail(f"LibreOffice shows {annotations} kanwu comments in {reviewed.name}, not {findings_count}")
    if changes == 0 or "<dc:creator>kanwu</dc:creator>" not in content.split("</text:tracked-changes>")[0]:
        fail(f"LibreOffice shows no kanwu tracked change in {reviewed.name}")
    text = libreoffice_convert(reviewed, "txt:Text (encoded):UTF8", folder / ("lo-txt-" + reviewed.stem))
    if not text.read_text(encoding="utf-8-sig").strip():
        fail(f"LibreOffice converted {reviewed.name} to empty text")
    print(f"LibreOffice: {reviewed.name}: {annotations} comments, {changes} changed regions")


def findings_of(kanwu, path):
    run = subprocess.run([kanwu, "check", "--format", "json", str(path)], capture_output=True, text=True)
    return sorted((f["rule"], f["line"], f["column"], f.get("paragraph"), f["message"].replace(path.name, "NAME"))
                  for f in json.loads(run.stdout)["findings"])


def check_odt(kanwu, made, folder):
    """The python-docx document saved by LibreOffice as .odt: kanwu reads it
    as it reads the .docx, the same findings at the same paragraphs."""
    odt = libreoffice_convert(made, "odt", folder / "as-odt")
    renamed = odt.with_name("python-docx.odt")
    odt.rename(renamed)
    docx_copy = folder / "as-odt" / "python-docx.docx"
    shutil.copy(made, docx_copy)
    from_odt, from_docx = findings_of(kanwu, renamed), findings_of(kanwu, docx_copy)
    if not from_odt or from_odt != from_docx:
        fail(f"the .odt LibreOffice saved gives other findings than the .docx:\n{from_odt}\n{from_docx}")
    else:
        print(f".odt: the {len(from_odt)} findings of the .docx, at the same paragraphs")


def check_cli(kanwu, made, folder):
    """The draft is never written; -o with two documents and an .odt are refused."""
    before = made.read_bytes()
    run = subprocess.run([kanwu, "check", "--annotate", str(made)], capture_output=True, text=True)
    if made.read_bytes() != before or not (folder / (made.stem + ".kanwu.docx")).exists():
        fail("--annotate without -o must write NAME.kanwu.docx beside the draft, and leave the draft alone")
    if "kanwu: wrote" not in run.stderr:
        fail(f"--annotate does not say what it wrote: {run.stderr}")
    # A folder annotated twice: the first run's reviews are not reviewed again.
    batch = folder / "batch"
    batch.mkdir()
    shutil.copy(made, batch / "a.docx")
    for _ in range(2):
        subprocess.run([kanwu, "check", "--annotate", str(batch)], capture_output=True)
    if sorted(p.name for p in batch.iterdir()) != ["a.docx", "a.kanwu.docx"]:
        fail(f"a folder annotated twice holds {sorted(p.name for p in batch.iterdir())}")
    second = folder / "second.docx"
    shutil.copy(made, second)
    run = subprocess.run([kanwu, "check", "--annotate", "-o", str(folder / "x.docx"), str(made), str(second)],
                         capture_output=True, text=True)
    if run.returncode != 2:
        fail(f"-o with several documents: exit {run.returncode}, not 2")
    odt = folder / "稿件.odt"
    odt.write_bytes(b"PK\x03\x04")
    run = subprocess.run([kanwu, "check", "--annotate", str(odt)], capture_output=True, text=True)
    if run.returncode != 2 or "另存为" not in run.stderr:
        fail(f"an .odt must be told how to convert it: {run.stderr}")


def main():
    kanwu = os.path.realpath(sys.argv[1])
    office = "--libreoffice" in sys.argv[2:]
    required = bool(os.environ.get("KANWU_REQUIRE_LIBREOFFICE") or os.environ.get("CI"))
    if office and not soffice():
        print("LibreOffice (soffice) is not installed (bash ci/deps.sh --test)")
        return 1 if required else 77
    if not shutil.which("pandoc"):
        print("pandoc is not installed: its documents are skipped (bash ci/deps.sh --test)")
        if required:
            fail("pandoc required (KANWU_REQUIRE_LIBREOFFICE or CI is set)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        made = python_docx_fixture(folder)
        pandoc_made = pandoc_fixture(folder)
        lo_made = libreoffice_fixture(pandoc_made, folder) if office else None
        for draft in (made, pandoc_made, lo_made):
            if draft is None:
                continue
            reviewed = check_review(kanwu, draft, folder)
            if reviewed and draft in (pandoc_made, lo_made):
                check_own_annotations_kept(draft, reviewed)
            if reviewed and office:
                started = time.monotonic()
                check_in_libreoffice(reviewed, folder, len(kanwu_comments(reviewed)))
                print(f"LibreOffice took {time.monotonic() - started:.1f} s")
        if made and not office:
            check_cli(kanwu, made, folder)
        if made and office:
            check_odt(kanwu, made, folder)
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
