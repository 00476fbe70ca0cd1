// The page `kanwu serve` shows at /: one self-contained file (inline CSS
// and JavaScript, nothing fetched but this server's API), in Chinese, for
// editors who have never used a linter. It draws findings with the markup
// and style the HTML report uses (kanwu/report/html_style.h).
#include <string>

#include "kanwu/report/html_style.h"
#include "serve_command.h"

namespace kanwu::cli {

namespace {

constexpr std::string_view kPage = R"PAGE(<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>kanwu 勘误 · 稿件检查</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{margin:0;font:15px/1.7 "Noto Sans CJK SC","Source Han Sans SC",sans-serif;display:flex;flex-direction:column;height:100vh}
header{padding:6px 14px;background:#24466e;color:#fff;display:flex;gap:10px;align-items:center;flex-wrap:wrap}
header h1{font-size:18px;margin:0 12px 0 0}header button,header label.btn{font:inherit;padding:3px 12px;cursor:pointer}
header label.btn{background:#f0f0f0;color:#000;border:1px solid #999;border-radius:3px}
#main{flex:1;display:flex;min-height:0}
#side{width:34%;overflow:auto;border-right:1px solid #ccc;padding:8px 12px;box-sizing:border-box;background:#fafafa}
#docs{flex:1;overflow:auto;padding:8px 16px}
/* The paste boxes fill the window's height (and grow with it); several
   drafts share it, each at least 12 lines tall. */
#drop{height:100%;display:flex;flex-direction:column;gap:8px}
.draft{flex:1 1 0;min-height:14em;display:flex;flex-direction:column}
.draft .dname{font-size:13px;color:#555}
.draft textarea{flex:1;width:100%;box-sizing:border-box;font:inherit;padding:8px;resize:none}
#drop.over{outline:3px dashed #24466e}
#message{padding:6px 14px;background:#fdecea;color:#7a1212;border-bottom:1px solid #e0a8a8}
#message small{color:#555;margin-left:8px}
h2{font-size:16px;margin:16px 0 4px;position:sticky;top:0;background:#fff}h3{font-size:15px;margin:12px 0 2px}
.line{white-space:pre-wrap;word-break:break-all}.ln{display:inline-block;width:3.5em;color:#999;text-align:right;margin-right:8px;user-select:none}
.apply{margin-left:6px;font-size:13px}#status{margin-left:auto}.err{color:#a00}.hint{color:#555}
@@FINDING_STYLE@@
</style></head><body>
<header><h1>kanwu 勘误</h1>
<button id="check">检查</button>
<button id="add" title="再粘贴一篇稿件，几篇一起检查：稿件之间的数据矛盾也会找出">再加一篇</button>
<label class="btn">选择文件<input id="file" type="file" multiple accept=".txt,.md,.markdown,.docx" hidden></label>
<select id="format" title="粘贴文本的格式"><option value="plain">纯文本</option><option value="markdown">Markdown</option></select>
<button id="edit" hidden>返回修改</button>
<button id="fixall" hidden>应用全部安全修正</button>
<button id="download" hidden>下载修正后的文本</button>
<span id="status"></span></header>
<div id="message" role="alert" hidden></div>
<div id="main"><div id="side"><p class="hint">把稿件粘贴到右边（或把 .txt、.md、.docx 文件拖到右边），然后按<b>检查</b>。
几篇稿件要一起查（看彼此的数据是否矛盾），按“再加一篇”分别粘贴。
发现的问题会在原文中标出，并在这里按级别和规则列出；带“修正”的问题可以一键改正，改完可以下载修正后的文本。</p></div>
<div id="docs"><div id="drop"></div></div></div>
<script>
'use strict';
var LABELS={error:'@@ERROR@@',warning:'@@WARNING@@',info:'@@INFO@@'},SAFE='@@SAFE@@',SUGGEST='@@SUGGEST@@';
var state={docs:[],report:null};  // docs: [{filename, format, text}] as last checked
function $(id){return document.getElementById(id);}
function esc(s){return String(s).replace(/[&<>"']/g,function(c){return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c];});}
function status(t){$('status').textContent=t;$('message').hidden=true;}
// Errors in Chinese, dark on light under the header; the server's own words
// (English, as `kanwu check` prints them) follow in small type.
function fail(zh,detail){$('status').textContent='';var m=$('message');
  m.innerHTML=esc(zh)+(detail?'<small>'+esc(detail)+'</small>':'');m.hidden=false;}
function zhError(e){var m=e.detail||'';
  if(e.status===undefined)return '连接不到 kanwu serve：请确认它还在运行，再试一次';
  var said=/\(([^()]*另存为[^()]*)\)$/.exec(m);if(said)return said[1];
  if(e.status===413)return '内容太大：一次最多 5 MB，请分几次检查';
  if(e.status===503)return '检查的人太多或稿件太长，超过了时间限制：请稍后再试，或分几次检查';
  if(/password/.test(m))return 'Word 文档设了密码：请另存一份不带密码的副本再检查';
  if(/Word document|zip|XML/.test(m))return 'Word 文档已损坏或不完整：请在 Word 或 WPS 中打开，另存为 .docx 后再检查';
  if(/invalid UTF-8|GB18030|encoding/.test(m))return '文件不是 UTF-8 编码的文本：请用记事本等另存为 UTF-8 后再检查';
  if(/binary file/.test(m))return '这不是文本文件：请上传 .txt、.md 或 .docx 文件';
  return '检查失败（HTTP '+e.status+'）';}
// kanwu reports 1-based lines (ending at \n, \r\n or \r) and columns in
// Unicode code points; JavaScript strings index UTF-16 units, in which a
// character beyond U+FFFF (𠀀, emoji) takes two.
function lineStarts(t){var s=[0];for(var i=0;i<t.length;i++){var c=t.charCodeAt(i);
  if(c===13){if(t.charCodeAt(i+1)===10)i++;s.push(i+1);}else if(c===10)s.push(i+1);}return s;}
function lineEnd(t,s,n){if(n>=s.length)return t.length;var e=s[n];
  if(t.charCodeAt(e-1)===10){e--;if(e>s[n-1]&&t.charCodeAt(e-1)===13)e--;}else if(t.charCodeAt(e-1)===13)e--;return e;}
function offsetOf(t,starts,line,col){if(line<1)return 0;if(line>starts.length)return t.length;
  var i=starts[line-1],end=lineEnd(t,starts,line);
  for(var c=1;c<col&&i<end;c++){var u=t.charCodeAt(i);i+=(u>=0xD800&&u<=0xDBFF&&i+1<end)?2:1;}return i;}
function spanOf(d,w){var b=offsetOf(d.text,d.starts,w.line,w.column),e=offsetOf(d.text,d.starts,w.end_line,w.end_column);return [b,Math.max(b,e)];}
function docIndex(name){for(var i=0;i<state.docs.length;i++)if(state.docs[i].filename===name)return i;return -1;}
// A deleted line break joins two paragraphs: say so, rather than 删除“ ”.
function describeFix(d,f){var s=spanOf(d,f.fix),was=d.text.slice(s[0],s[1]),by=f.fix.replacement;
  if(by===''&&/[\r\n]/.test(was)&&!/\S/.test(was))return d.format==='word'?'与下一段合并（删除段落标记）':'删除此处的断行，与下一行接成一段';
  if(by===''&&!/\S/.test(was))return '删除多余的空格';
  return by===''?'删除“'+was+'”':(was===''?'插入“'+by+'”':'“'+was+'”改为“'+by+'”');}
// A Word document has no lines: its places are paragraphs (第3段第5字) or
// footnotes, as the report names them (its text has one line a paragraph).
function isWord(name){var d=state.docs[docIndex(name)];return !!d&&d.format==='word';}
function placeName(w,withColumn){var col=withColumn?w.column:0;
  if(w.footnote)return w.file+' 脚注'+w.footnote+(col?'第'+col+'字':'');
  if(w.paragraph||isWord(w.file))return w.file+' 第'+(w.paragraph||w.line)+'段'+(col?'第'+col+'字':'');
  return w.file+':'+w.line+(col?':'+col:'');}
function post(body,type,query){status('检查中……');
  return fetch('/api/check'+(query||''),{method:'POST',headers:type?{'Content-Type':type}:{},body:body})
    .then(function(r){return r.json().catch(function(){return {};}).then(function(j){
      if(!r.ok){var e=new Error(j.error||('HTTP '+r.status));e.status=r.status;e.detail=j.error||'';throw e;}return j;});});}
function check(){var docs=state.docs.map(function(d){return {filename:d.filename,text:d.text,format:d.format};});
  return post(JSON.stringify({documents:docs}),'application/json').then(show).catch(function(e){fail(zhError(e),e.detail);});}
// The paste boxes: one per draft, each named; several are checked together.
function drafts(){return Array.prototype.slice.call(document.querySelectorAll('#drop .draft'));}
function addDraft(name,text,format){var box=document.createElement('div'),n=drafts().length+1;box.className='draft';
  box.dataset.name=name||'';box.dataset.format=format||'';
  box.innerHTML='<div class="dname"></div><textarea class="input" placeholder="在这里粘贴稿件……"></textarea>';
  box.querySelector('.dname').textContent=name||('稿件'+n);box.querySelector('textarea').value=text||'';
  if(n===1)box.querySelector('textarea').id='input';$('drop').appendChild(box);return box.querySelector('textarea');}
function checkPasted(){var fmt=$('format').value,docs=[];
  drafts().forEach(function(b,i){var t=b.querySelector('textarea').value;if(!t.trim())return;
    docs.push({filename:b.dataset.name||('稿件'+(i+1)+(fmt==='markdown'?'.md':'.txt')),format:b.dataset.format||fmt,text:t});});
  if(!docs.length){fail('请先把稿件粘贴到下面的框里');return Promise.resolve();}
  state.docs=docs;return check();}
function upload(files){var form=new FormData();for(var i=0;i<files.length;i++)form.append('file',files[i],files[i].name);
  return post(form,null,'?texts=1').then(function(j){state.docs=Object.keys(j.texts).map(function(k){
    return {filename:k,text:j.texts[k],format:/\.docx$/i.test(k)?'word':/\.(md|markdown)$/i.test(k)?'markdown':'plain'};});show(j);})
    .catch(function(e){fail('无法检查：'+zhError(e),e.detail);});}
function show(report){state.report=report;state.docs.forEach(function(d){d.starts=lineStarts(d.text);});
  var fs=report.findings,html='',side='';
  state.docs.forEach(function(d,di){var edges={};
    fs.forEach(function(f,i){if(f.file!==d.filename)return;var s=spanOf(d,f);if(s[1]<=s[0])s[1]=Math.min(d.text.length,s[0]+1);
      (edges[s[0]]=edges[s[0]]||[]).push([i,1]);(edges[s[1]]=edges[s[1]]||[]).push([i,0]);});
    var cuts=Object.keys(edges).map(Number).sort(function(a,b){return a-b;}),ci=0,active=[],seen={};
    html+='<h2 id="d'+di+'">'+esc(d.filename)+'</h2>';
    for(var ln=1;ln<=d.starts.length;ln++){var pos=d.starts[ln-1],le=lineEnd(d.text,d.starts,ln);
      if(ln===d.starts.length&&pos===d.text.length&&ln>1)break;
      html+='<div class="line" id="d'+di+'-L'+ln+'"><span class="ln" title="'+(d.format==='word'?'第'+ln+'段':'第'+ln+'行')+'">'+ln+'</span>';
      var flush=function(to){if(to<=pos)return;var piece=esc(d.text.slice(pos,to));
        if(!active.length){html+=piece;}else{var top=fs[Math.max.apply(null,active)];
          active.forEach(function(a){if(!seen[a]){seen[a]=1;html+='<a id="f'+a+'"></a>';}});
          html+='<mark class="'+top.severity+'" data-rule="'+esc(top.rule)+'" data-severity="'+top.severity+'" title="'+esc(top.message)+'">'+piece+'</mark>';}
        pos=to;};
      while(ci<cuts.length&&cuts[ci]<=le){flush(cuts[ci]);edges[cuts[ci]].forEach(function(e){
        if(e[1])active.push(e[0]);else active=active.filter(function(a){return a!==e[0];});});ci++;}
      flush(le);html+='</div>';}});
  var c=report.summary;
  side+='<p>'+state.docs.length+' 篇稿件，'+c.findings+' 处问题（'+LABELS.error+' '+c.error+'，'+LABELS.warning+' '+c.warning+'，'+LABELS.info+' '+c.info+'）</p>';
  if(!fs.length)side+='<p>没有发现问题。</p>';
  ['error','warning','info'].forEach(function(sev){var byRule={};
    fs.forEach(function(f,i){if(f.severity===sev)(byRule[f.rule]=byRule[f.rule]||[]).push(i);});
    Object.keys(byRule).sort().forEach(function(rule){
      side+='<h3>'+LABELS[sev]+' · <span class="rule">'+esc(rule)+'</span>（'+byRule[rule].length+'）</h3>';
      byRule[rule].forEach(function(i){var f=fs[i],d=state.docs[docIndex(f.file)];
        side+='<div class="finding '+sev+'" data-rule="'+esc(rule)+'" data-severity="'+sev+'"><a href="#f'+i+'">'+esc(placeName(f,true))+'</a> <span class="rule">['+esc(rule)+']</span><br>'+esc(f.message);
        if(f.fix&&d)side+='<br><span class="fix">'+(f.fix.safe?SAFE:SUGGEST)+'：'+esc(describeFix(d,f))+'</span><button class="apply" data-i="'+i+'">应用</button>';
        f.related.forEach(function(r){var rd=docIndex(r.file);
          side+='<br>↳ <a href="#d'+rd+'-L'+r.line+'">'+esc(placeName(r,false))+'</a> '+esc(r.message);});
        side+='</div>';});});});
  report.errors.forEach(function(e){side+='<p class="err">'+esc(e.file+': '+e.message)+'</p>';});
  $('docs').innerHTML=html;$('side').innerHTML=side;
  ['edit','download','fixall'].forEach(function(id){$(id).hidden=false;});$('add').hidden=true;
  status('检查完成：'+c.findings+' 处问题');}
// A fix changes the text; the text is checked again, so every place shown
// is where kanwu found it in the text as it now is.
function apply(indexes){var byDoc={};indexes.forEach(function(i){var f=state.report.findings[i];if(f.fix)(byDoc[f.file]=byDoc[f.file]||[]).push(f);});
  Object.keys(byDoc).forEach(function(name){var d=state.docs[docIndex(name)];
    var spans=byDoc[name].map(function(f){var s=spanOf(d,f.fix);return [s[0],s[1],f.fix.replacement];}).sort(function(a,b){return b[0]-a[0];});
    var limit=Infinity;spans.forEach(function(s){if(s[1]>limit)return;d.text=d.text.slice(0,s[0])+s[2]+d.text.slice(s[1]);limit=s[0];});});
  return check();}
document.addEventListener('click',function(e){var b=e.target.closest('.apply');if(b)apply([Number(b.dataset.i)]);});
$('check').onclick=function(){return $('drop')?checkPasted():check();};
$('fixall').onclick=function(){var all=[];state.report.findings.forEach(function(f,i){if(f.fix&&f.fix.safe)all.push(i);});return apply(all);};
// Back to the paste boxes with every draft of the last check, each in its own.
$('edit').onclick=function(){$('docs').innerHTML='<div id="drop"></div>';
  state.docs.forEach(function(d){addDraft(d.filename,d.text,d.format);});if(!state.docs.length)addDraft();hookDrop();
  ['edit','download','fixall'].forEach(function(id){$(id).hidden=true;});$('add').hidden=false;};
$('add').onclick=function(){if(!$('drop'))$('edit').onclick();addDraft().focus();};
$('download').onclick=function(){state.docs.forEach(function(d){
  var name=d.filename.replace(/\.docx$/i,'.txt').replace(/(\.[^.]*)?$/,function(x){return '.修正'+(x||'.txt');});
  var a=document.createElement('a');a.href=URL.createObjectURL(new Blob([d.text],{type:'text/plain;charset=utf-8'}));
  a.download=name;document.body.appendChild(a);a.click();a.remove();});};
$('file').onchange=function(){if(this.files.length)upload(this.files);};
function hookDrop(){var z=$('drop');if(!z)return;
  z.ondragover=function(e){e.preventDefault();z.classList.add('over');};z.ondragleave=function(){z.classList.remove('over');};
  z.ondrop=function(e){e.preventDefault();z.classList.remove('over');if(e.dataTransfer.files.length)upload(e.dataTransfer.files);};}
addDraft();hookDrop();
// /?selftest=1 (tests/serve_in_browser.py): paste, check, apply the first
// fix, and write what happened into the page for --dump-dom to show.
if(/[?&]selftest=1/.test(location.search)){
  var sample='第一段。\n𠀀字在前：全县新建污水管网32公里,改造供水管网18公里。\n';
  var out=document.createElement('pre');out.id='selftest';document.body.appendChild(out);
  $('input').value=sample;checkPasted().then(function(){var marks=document.querySelectorAll('#docs mark').length;
    var hit=document.querySelector('#docs mark');var first=document.querySelector('.apply');
    var before={marks:marks,highlighted:hit?hit.textContent:'',items:document.querySelectorAll('.finding').length};
    if(!first){out.textContent='FAIL no fix '+JSON.stringify(before);return;}
    return apply([Number(first.dataset.i)]).then(function(){var t=state.docs[0].text;
      var ok=marks>0&&before.highlighted===','&&t.indexOf('32公里，改造')>=0&&t.indexOf('𠀀字在前')>=0&&
        state.report.findings.length===0&&document.querySelectorAll('#docs mark').length===0;
      out.textContent=(ok?'PASS ':'FAIL ')+JSON.stringify({before:before,fixed:t,after:state.report.findings.length});});
  }).catch(function(e){out.textContent='FAIL '+e;});}
</script></body></html>
)PAGE";

void fill(std::string& page, std::string_view key, std::string_view value) {
  for (auto at = page.find(key); at != std::string::npos; at = page.find(key, at + value.size()))
    page.replace(at, key.size(), value);
}

}  // namespace

const std::string& serve_page() {
  static const std::string page = [] {
    std::string p(kPage);
    fill(p, "@@FINDING_STYLE@@", html::kFindingStyle);
    fill(p, "@@ERROR@@", html::kErrorLabel);
    fill(p, "@@WARNING@@", html::kWarningLabel);
    fill(p, "@@INFO@@", html::kInfoLabel);
    fill(p, "@@SAFE@@", html::kSafeFixLabel);
    fill(p, "@@SUGGEST@@", html::kSuggestionLabel);
    return p;
  }();
  return page;
}

}  // namespace kanwu::cli
