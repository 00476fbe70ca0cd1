#!/usr/bin/env python3
"""The README's Neovim snippet, verbatim, in a real headless Neovim (Debian
12's 0.7.2: no vim.fs, no vim.lsp.start or vim.lsp.config, no
nvim-lspconfig): a Markdown draft gets kanwu's diagnostics, and saving
.kanwu.yaml in that Neovim (which tells the server nothing of it) changes them.

Usage: nvim_lsp_test.py KANWU (from the source root). Exits 77 (skipped) when
nvim is not installed, unless KANWU_REQUIRE_NEOVIM=1 (ci/test.sh installs the
`neovim` package and sets it)."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

KANWU = os.path.abspath(sys.argv[1])
nvim = shutil.which('nvim')
if not nvim:
    if os.environ.get('KANWU_REQUIRE_NEOVIM') == '1':
        sys.exit('nvim is not installed (apt install neovim), and KANWU_REQUIRE_NEOVIM=1')
    print('skipped: nvim is not installed (apt install neovim)')
    sys.exit(77)

readme = open('README.md', encoding='utf-8').read()
# The first Lua block after the README's **Neovim** heading: what a user copies.
heading = readme.index('**Neovim**')
snippet = re.search(r'```lua\n(.*?)```', readme[heading:], re.S).group(1)
assert 'vim.fs.' not in snippet and 'vim.lsp.config' not in snippet and 'lspconfig' not in snippet, \
    'the snippet must run on Neovim 0.7.2'

# The probe, run after the draft is open: wait for kanwu's diagnostics, save
# a .kanwu.yaml that disables both rules from within Neovim, go back to the
# draft and wait for the diagnostics to go. Its findings are written as JSON.
PROBE = r'''
local out = {}
local function diagnostics(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, { line = d.lnum, col = d.col, code = d.code or '', source = d.source or '' })
  end
  return list
end
local draft = vim.api.nvim_get_current_buf()
out.filetype = vim.bo[draft].filetype
out.version = vim.version().major .. '.' .. vim.version().minor .. '.' .. vim.version().patch
vim.wait(30000, function() return #vim.diagnostic.get(draft) >= 2 end, 100)
out.before = diagnostics(draft)
vim.cmd('edit .kanwu.yaml')
vim.api.nvim_buf_set_lines(0, 0, -1, false, { 'disable: [punctuation-width, repeated-word]' })
vim.cmd('write')
vim.cmd('buffer ' .. draft)
vim.wait(30000, function() return #vim.diagnostic.get(draft) == 0 end, 100)
out.after = diagnostics(draft)
out.clients = #vim.tbl_keys(vim.lsp.buf_get_clients(draft))
vim.fn.writefile({ vim.fn.json_encode(out) }, 'probe.json')
vim.cmd('qall!')
'''

with tempfile.TemporaryDirectory() as tmp:
    project = os.path.join(tmp, '稿件 项目')
    os.makedirs(os.path.join(project, '.git'))  # the root marker, as in a repository
    config_home = os.path.join(tmp, 'config')
    os.makedirs(os.path.join(config_home, 'nvim'))
    with open(os.path.join(config_home, 'nvim', 'init.lua'), 'w', encoding='utf-8') as f:
        f.write(snippet)
    with open(os.path.join(project, '草稿.md'), 'w', encoding='utf-8') as f:
        f.write('# 标题\n\n这是是管网,已完成。\n')
    with open(os.path.join(tmp, 'probe.lua'), 'w', encoding='utf-8') as f:
        f.write(PROBE)
    env = dict(os.environ, XDG_CONFIG_HOME=config_home, XDG_DATA_HOME=os.path.join(tmp, 'data'),
               XDG_STATE_HOME=os.path.join(tmp, 'state'), XDG_CACHE_HOME=os.path.join(tmp, 'cache'),
               PATH=os.path.dirname(KANWU) + os.pathsep + os.environ['PATH'])
    # init.lua from XDG_CONFIG_HOME, as a user's; no shada, no swap files.
    r = subprocess.run([nvim, '--headless', '-i', 'NONE', '-n', '草稿.md', '-c', f'luafile {tmp}/probe.lua'],
                       cwd=project, env=env, capture_output=True, text=True, timeout=120)
    probe_file = os.path.join(project, 'probe.json')
    if not os.path.exists(probe_file):
        sys.exit(f'nvim wrote no result (exit {r.returncode}):\n{r.stdout}\n{r.stderr}')
    out = json.load(open(probe_file, encoding='utf-8'))

print(f"Neovim {out['version']}, filetype {out['filetype']}, {out['clients']} client(s)")
print('before:', out['before'])
print('after saving .kanwu.yaml:', out['after'])
failures = []
codes = sorted(d['code'] for d in out['before'])
if codes != ['punctuation-width', 'repeated-word'] or any(d['line'] != 2 for d in out['before']):
    failures.append(f'expected kanwu\'s two diagnostics on line 3, got {out["before"]}')
if out['after']:
    failures.append(f'.kanwu.yaml saved in Neovim was not reloaded: {out["after"]}')
for f in failures:
    print('FAIL', f)
sys.exit(1 if failures else 0)
