#!/usr/bin/env python3
"""Writes the Word documents docx_test.sh checks into a folder.

Usage: make_docx.py FOLDER

Ordinary documents are made with python-docx (Debian: python3-docx), as a
newsroom's Word would make them. What python-docx cannot write (tracked
changes, footnotes) and the damaged files are written by hand with zipfile,
so each shows exactly the XML under test.
"""
import struct
import sys
import zipfile
from pathlib import Path

import docx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def document_xml(body):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>')


def p(runs, props=""):
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{runs}</w:p>"


def r(text):
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def report(path):
    """A heading, a finding in a paragraph, one in a table cell, one after a
    line break, and two paragraphs whose figures disagree."""
    d = docx.Document()
    d.add_heading("江州市政府工作报告", level=1)
    d.add_paragraph("过去一年，我们,他们共同努力。")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "指标"
    t.cell(0, 1).text = "全年完成,超过预期"
    para = d.add_paragraph("第一行")
    para.add_run().add_break()
    para.add_run("第二行，全市这是是管网。")
    d.add_paragraph("2025年，全市中欧班列开行942列。")
    d.add_paragraph("过去一年，全市中欧班列开行924列，海铁联运量突破200万标箱。")
    d.save(path)


def broken(path, heading):
    """A first line that stops mid-word: broken-paragraph when it is body
    text, nothing when Word's Heading 2 style makes it a heading."""
    d = docx.Document()
    first = "全县新建村级养老服务站46个，为高龄老人提供助餐服务。同时，积"
    if heading:
        d.add_heading(first, level=2)
    else:
        d.add_paragraph(first)
    d.add_paragraph("极推进家庭适老化改造，惠及老人1200户。")
    d.save(path)


def tracked(path):
    """An insertion that holds a finding and a deletion that would."""
    body = (p(r("全市") + '<w:ins w:id="1" w:author="编辑">' + r("我们,他们") + "</w:ins>"
              + '<w:del w:id="2" w:author="编辑"><w:r><w:delText>这是是</w:delText></w:r></w:del>' + r("。"))
            + p('<w:moveFrom w:id="3">' + r("旧处这是是") + "</w:moveFrom>" + r("保留。")))
    write_zip(path, {"word/document.xml": document_xml(body)})


def footnote(path):
    body = p(r("正文没有问题。") + '<w:r><w:footnoteReference w:id="1"/></w:r>')
    notes = (f"<w:footnotes {W}>"
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
             "</w:r></w:p></w:footnote>"
             '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>' + r(" 资料来源：我们,他们。")
             + "</w:p></w:footnote></w:footnotes>")
    write_zip(path, {"word/document.xml": document_xml(body), "word/footnotes.xml": notes})


def bomb(path, lie):
    """70 MB of document.xml (a few kilobytes compressed). With `lie`, both
    headers declare 1000 bytes, so only counting the bytes inflated stops it."""
    data = document_xml(p(r("正文。")) + " " * (70 << 20)).encode()
    write_zip(path, {"word/document.xml": data})
    if not lie:
        return
    raw = bytearray(Path(path).read_bytes())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = raw.find(signature)
        struct.pack_into("<I", raw, at + offset, 1000)
    Path(path).write_bytes(bytes(raw))


def damaged(folder):
    good = (folder / "report.docx").read_bytes()
    (folder / "truncated.docx").write_bytes(good[: len(good) // 2])
    (folder / "corrupt.docx").write_bytes(bytes(range(256)) * 40)
    write_zip(folder / "nodocument.docx", {"word/styles.xml": f"<w:styles {W}/>"})
    write_zip(folder / "badxml.docx", {"word/document.xml": document_xml(p(r("未闭合"))).replace("</w:body>", "")})
    # Word saves a document with a password as an OLE2 compound file that
    # holds an "EncryptedPackage" stream.
    (folder / "encrypted.docx").write_bytes(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(500)
                                            + "EncryptedPackage".encode("utf-16-le") + bytes(500))


def forbidden(path):
    """References to characters XML 1.0 forbids (a NUL, a control, U+FFFF):
    pugixml decoded &#0; as a NUL and the rest of the text was lost."""
    write_zip(path, {"word/document.xml": document_xml(p(r("开头&#0;中间&#x1;全市这是是管网&#xFFFF;。")))})


def main():
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    report(folder / "report.docx")
    broken(folder / "broken.docx", heading=False)
    broken(folder / "heading.docx", heading=True)
    tracked(folder / "tracked.docx")
    footnote(folder / "footnote.docx")
    bomb(folder / "bomb.docx", lie=False)
    bomb(folder / "lying-bomb.docx", lie=True)
    damaged(folder)
    forbidden(folder / "forbidden.docx")


if __name__ == "__main__":
    main()
