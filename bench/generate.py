#!/usr/bin/env python3
"""Deterministic benchmark corpus for kanwu.

Builds documents from the sentences of the seed pages (fixtures/seeds),
recombined into new paragraphs so that a large corpus is not a thousand copies
of five pages, and injects defects at known places. The manifest
(manifest.jsonl) lists every injected defect as {file, line, rule}, so the
runner can measure recall per rule.

  generate.py OUT_DIR --docs 1000          # ~16 MB
  generate.py OUT_DIR --docs 20000         # ~300 MB
  generate.py OUT_DIR --single-mb 5        # one 5 MB file
"""
import argparse
import json
import os
import random
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# A sentence ends at 。！？, after any closing quote that follows it.
SENTENCE_END = re.compile(r'(?<=[。！？])(?![”’」])|(?<=[。！？][”’」])')
# Cities shared by the corpus, so that figures about one meet across files.
CITIES = [a + b + '市' for a in '安宁东平兴永丰长青华' for b in '川原岭州江泉']  # no 城: 和城市 reads as 和 + 城市
HAN = re.compile(r'[\u4e00-\u9fff]')

# Injected defects: each is (rule, text) where text is a complete paragraph
# that kanwu must flag. The variety keeps the detector honest.
DOUBLED = ['新建建', '增收增收', '学位、学位', '代办办制', '提升提升', '的的']
DOUBLED_CONTEXT = [
    '全市{w}各类管网{n}公里，改造老旧小区{m}个，城乡面貌明显改善。',
    '坚持生产、生态、{w}一起抓，农牧民人均可支配收入增长{p}%。',
    '今年新增{w}{n}个，建成幼儿园、学校{m}所，教育资源不断丰富。',
]
BROKEN = [('同时，积', '极开展“敬老月”系列活动，{n}名老人受益。'),
          ('实现网上预约挂号医院{n}所，开', '通移动支付医院{m}所，智慧医疗建设稳步推进。'),
          ('不断促进就业创业，改善创业环境，劳动者', '就业创业能力明显提高，为促进经济发展做出了积极贡献。')]


def load_sentences():
    sentences, captions = [], []
    seeds = os.path.join(ROOT, 'fixtures', 'seeds')
    for name in sorted(os.listdir(seeds)):
        text = open(os.path.join(seeds, name), encoding='utf-8').read()
        for block in re.split(r'\n\s*\n', text):
            block = block.strip()
            if block.endswith('摄') and len(block) < 40:
                captions.append(block)
                continue
            if len(block) < 40:
                continue
            # Seed 004 writes half-width punctuation throughout; the corpus is
            # made clean so that its only defects are the injected ones.
            block = (block.replace(',', '，').replace(';', '；').replace(':', '：')
                     .replace('(', '（').replace(')', '）'))
            for s in SENTENCE_END.split(block):
                s = s.strip()
                if len(HAN.findall(s)) >= 8 and s.endswith(('。', '！', '？', '”')):
                    sentences.append(s)
    return sentences, captions


class Doc:
    def __init__(self, path):
        self.path = path
        self.lines = []
        self.defects = []

    def paragraph(self, text, rule=None):
        if self.lines:
            self.lines.append('')
        self.lines.append(text)
        if rule:
            self.defects.append({'file': self.path, 'line': len(self.lines), 'rule': rule})
        return len(self.lines)

    def text(self):
        return '\n'.join(self.lines) + '\n'


def build(rng, sentences, captions, path, paragraphs, corpus_figures, markdown):
    doc = Doc(path)
    title = ''.join(rng.sample('民生福祉发展成就答卷温度民心工程幸福画卷', 6))
    doc.paragraph(('# ' if markdown else '') + title)
    doc.paragraph('□本报记者 ' + ''.join(rng.sample('王李张刘陈杨黄赵周吴', 2)))
    city = rng.choice(CITIES[:40])
    doc.paragraph(f'“十四五”期间，{city}持续增进民生福祉，各项事业取得新成效。')
    written = []
    for k in range(paragraphs):
        body = ''.join(rng.sample(sentences, rng.randint(2, 5)))
        written.append(body)
        doc.paragraph(body)
        if rng.random() < 0.15:
            doc.paragraph(rng.choice(captions))
        roll = rng.random()
        n, m, p = rng.randint(10, 900), rng.randint(10, 900), rng.randint(2, 40)
        if roll < 0.06:    # doubled word
            w = rng.choice(DOUBLED)
            doc.paragraph(rng.choice(DOUBLED_CONTEXT).format(w=w, n=n, m=m, p=p), 'repeated-word')
        elif roll < 0.10:  # broken paragraph, the halves side by side
            head, tail = rng.choice(BROKEN)
            doc.paragraph(''.join(rng.sample(sentences, 2)) + head.format(n=n, m=m), 'broken-paragraph')
            doc.paragraph(tail.format(n=n, m=m))
        elif roll < 0.13:  # duplicated paragraph within the document
            doc.paragraph(rng.choice(written), 'duplicate-paragraph')
        elif roll < 0.16:  # half-width comma in Chinese text
            s = rng.choice(sentences).replace('，', ',', 1)  # the injected defect
            if ',' in s:
                doc.paragraph(s, 'punctuation-width')
        elif roll < 0.18:  # a figure contradicting one stated elsewhere
            metric = rng.choice(['城镇新增就业', '新增养老床位', '民政事业发展资金投入'])
            unit = {'城镇新增就业': '万人', '新增养老床位': '张', '民政事业发展资金投入': '亿元'}[metric]
            key = (city, metric)
            if key in corpus_figures:
                value = corpus_figures[key] + rng.randint(3, 9)
                doc.paragraph(f'“十四五”期间，{city}{metric}{value}{unit}。', 'figure-conflict')
            else:
                # The first statement; later documents about the same city
                # contradict it.
                corpus_figures[key] = rng.randint(20, 90)
                doc.paragraph(f'“十四五”期间，{city}{metric}{corpus_figures[key]}{unit}。')
    return doc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('--docs', type=int, default=1000)
    ap.add_argument('--single-mb', type=float, default=0)
    ap.add_argument('--seed', type=int, default=20261122)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    sentences, captions = load_sentences()
    os.makedirs(args.out, exist_ok=True)
    manifest = open(os.path.join(args.out, 'manifest.jsonl'), 'w', encoding='utf-8')
    total = 0
    figures = {}
    if args.single_mb:
        path = os.path.join(args.out, 'single.txt')
        doc = Doc(path)
        while sum(len(l.encode()) + 1 for l in doc.lines) < args.single_mb * 1e6:
            part = build(rng, sentences, captions, path, 20, figures, False)
            offset = len(doc.lines) + (1 if doc.lines else 0)
            if doc.lines:
                doc.lines.append('')
            doc.lines.extend(part.lines)
            for d in part.defects:
                doc.defects.append(dict(d, line=d['line'] + offset))
        docs = [doc]
    else:
        docs = []
        for i in range(args.docs):
            markdown = i % 4 == 3
            path = os.path.join(args.out, f'doc{i:05d}.' + ('md' if markdown else 'txt'))
            docs.append(build(rng, sentences, captions, path, rng.randint(20, 34), figures, markdown))
    for doc in docs:
        data = doc.text()
        total += len(data.encode())
        with open(doc.path, 'w', encoding='utf-8') as f:
            f.write(data)
        for d in doc.defects:
            manifest.write(json.dumps(d, ensure_ascii=False) + '\n')
    print(f'{len(docs)} documents, {total / 1e6:.1f} MB in {args.out}')


if __name__ == '__main__':
    main()
