#include "kanwu/engine/baseline.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>

#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "kanwu/report/formats.h"

namespace kanwu {

namespace fs = std::filesystem;

void write_baseline(const std::string& path, const Report& report) {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const Finding& f : report.findings)
    entries.push_back({{"rule", f.rule}, {"file", f.where.file}, {"fingerprint", fingerprint(f)},
                       {"message", f.message}});
  std::ofstream out(path);
  if (!out) throw std::runtime_error(path + ": cannot write the baseline");
  out << nlohmann::ordered_json{{"version", 1}, {"findings", std::move(entries)}}.dump(2) << '\n';
}

void apply_baseline(const std::string& path, Report& report) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read the baseline");
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(fmt::format("{}: not a kanwu baseline: {}", path, e.what()));
  }
  if (!doc.is_object() || doc.value("version", 0) != 1 || !doc.contains("findings") ||
      !doc["findings"].is_array())
    throw std::runtime_error(path + ": not a kanwu baseline (version 1 with a findings list)");
  std::map<std::string, int> known;
  for (const auto& e : doc["findings"])
    if (e.is_object() && e.contains("fingerprint") && e["fingerprint"].is_string())
      ++known[e["fingerprint"].get<std::string>()];
  std::erase_if(report.findings, [&](const Finding& f) {
    const auto it = known.find(fingerprint(f));
    if (it == known.end() || it->second == 0) return false;
    --it->second;
    return true;
  });
}

namespace {

struct GitResult {
  int status = 0;
  std::string out;  // standard output and error together
};

GitResult run_git(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen((command + " 2>&1").c_str(), "r"), ::pclose);
  if (!pipe) throw std::runtime_error("--changed-since: cannot run git (is it installed?)");
  GitResult r;
  char buffer[65536];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0;) r.out.append(buffer, n);
  const int status = ::pclose(pipe.release());
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
  if (r.status == 127) throw std::runtime_error("--changed-since: cannot run git (is it installed?)");
  return r;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string first_line(std::string_view text) {
  const auto nl = text.find('\n');
  return std::string(text.substr(0, nl));
}

// A path git printed in C quotes ("b/\346\226\260.md"): octal escapes are
// UTF-8 bytes. With core.quotepath=off only names with quotes, backslashes
// or control characters are quoted.
std::string unquote_git_path(std::string_view quoted) {
  if (quoted.size() < 2 || quoted.front() != '"' || quoted.back() != '"') return std::string(quoted);
  std::string out;
  for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
    if (quoted[i] != '\\' || i + 2 >= quoted.size()) {
      out += quoted[i];
      continue;
    }
    const char c = quoted[++i];
    if (c >= '0' && c <= '7' && i + 2 < quoted.size()) {
      out += static_cast<char>((c - '0') * 64 + (quoted[i + 1] - '0') * 8 + (quoted[i + 2] - '0'));
      i += 2;
    } else {
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
    }
  }
  return out;
}

// What changed since `rev` in one repository.
struct RepoChanges {
  std::map<std::string, std::set<int>> lines;  // path relative to the top → changed lines
  std::set<std::string> tracked;
  // Files git diffs as binary (Word documents): changed, but no lines known.
  std::set<std::string> changed_binary;
};

RepoChanges changes_in(const std::string& top, const std::string& rev) {
  const std::string git = "git -c core.quotepath=off -C " + shell_quote(top);
  if (run_git(git + " rev-parse --verify --quiet " + shell_quote(rev + "^{commit}")).status != 0)
    throw std::runtime_error(fmt::format("--changed-since: '{}' is not a revision of the git repository {}", rev, top));
  // Lines changed since the branch left `rev` (a pull request's own lines),
  // not those `rev` gained since: the working tree against the merge-base.
  const GitResult base = run_git(git + " merge-base " + shell_quote(rev) + " HEAD");
  const std::string since = base.status == 0 ? first_line(base.out) : rev;
  const GitResult diff = run_git(git + " diff --unified=0 --no-color --no-ext-diff --no-renames " + shell_quote(since) + " --");
  if (diff.status != 0)
    throw std::runtime_error(fmt::format("--changed-since: git diff failed in {}: {}", top, first_line(diff.out)));
  RepoChanges c;
  std::istringstream lines(diff.out);
  std::string file;
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("+++ ")) {
      // git ends the name with a tab when it holds a space ("+++ b/体育 新闻/a.txt\t").
      std::string_view name = std::string_view(line).substr(4);
      if (name.ends_with('\t')) name.remove_suffix(1);
      const std::string path = unquote_git_path(name);
      file = path.starts_with("b/") ? path.substr(2) : "";
      continue;
    }
    // "Binary files a/x.docx and b/x.docx differ": no hunks follow.
    if (line.starts_with("Binary files ") && line.ends_with(" differ")) {
      const std::size_t b = line.rfind(" and b/");
      if (b != std::string::npos)
        c.changed_binary.insert(unquote_git_path(line.substr(b + 7, line.size() - 7 - (b + 7))));
      const std::size_t q = line.rfind(" and \"b/");
      if (b == std::string::npos && q != std::string::npos)
        c.changed_binary.insert(unquote_git_path("\"" + line.substr(q + 8, line.size() - 7 - (q + 8))));
      continue;
    }
    // @@ -a[,b] +c[,d] @@ : new lines c … c+d-1 (d defaults to 1).
    if (file.empty() || !line.starts_with("@@")) continue;
    const auto plus = line.find(" +");
    if (plus == std::string::npos) continue;
    const char* p = line.c_str() + plus + 2;
    char* end = nullptr;
    const int start = static_cast<int>(std::strtol(p, &end, 10));
    int count = 1;
    if (end && *end == ',') count = static_cast<int>(std::strtol(end + 1, nullptr, 10));
    for (int l = start; l < start + count; ++l) c.lines[file].insert(l);
  }
  const GitResult files = run_git(git + " ls-files -z");
  if (files.status != 0)
    throw std::runtime_error(fmt::format("--changed-since: git ls-files failed in {}: {}", top, first_line(files.out)));
  for (std::size_t at = 0; at < files.out.size();) {
    const std::size_t nul = files.out.find('\0', at);
    c.tracked.insert(files.out.substr(at, nul == std::string::npos ? std::string::npos : nul - at));
    if (nul == std::string::npos) break;
    at = nul + 1;
  }
  return c;
}

}  // namespace

void keep_changed_since(const std::string& rev, Report& report) {
  if (rev.empty() || rev.front() == '-') throw std::runtime_error("--changed-since needs a git revision");
  // Each file is judged in the repository that holds it, which need not be
  // the one of the current folder.
  std::map<std::string, std::string> top_of_folder;  // folder → work tree top ("" outside git)
  std::map<std::string, RepoChanges> repos;
  const auto top_for = [&](const fs::path& file) -> std::string {
    const std::string folder = file.parent_path().string();
    if (auto it = top_of_folder.find(folder); it != top_of_folder.end()) return it->second;
    const GitResult r = run_git("git -C " + shell_quote(folder.empty() ? "." : folder) + " rev-parse --show-toplevel");
    std::string top = r.status == 0 ? first_line(r.out) : "";
    while (!top.empty() && top.back() == '\r') top.pop_back();
    return top_of_folder[folder] = top;
  };
  bool any_repo = false;
  const bool had_findings = !report.findings.empty();
  std::erase_if(report.findings, [&](const Finding& f) {
    std::error_code ec;
    const fs::path file = fs::weakly_canonical(f.where.file, ec);
    if (ec || f.where.file == "<stdin>") return false;
    const std::string top = top_for(file);
    if (top.empty()) return false;  // not in a repository: keep
    any_repo = true;
    auto it = repos.find(top);
    if (it == repos.end()) it = repos.emplace(top, changes_in(top, rev)).first;
    const std::string rel = fs::relative(file, fs::weakly_canonical(top, ec), ec).generic_string();
    if (ec || rel.starts_with("..")) return false;
    if (!it->second.tracked.count(rel)) return false;  // a new file: all of it is new
    // A Word document is a zip to git: when it changed, which paragraphs
    // did is unknown, so all of its findings are kept.
    if (it->second.changed_binary.count(rel)) return false;
    const auto lines = it->second.lines.find(rel);
    if (lines == it->second.lines.end()) return true;
    for (int l = f.where.start.line; l <= std::max(f.where.start.line, f.where.end.line); ++l)
      if (lines->second.count(l)) return false;
    return true;
  });
  if (had_findings && !any_repo)
    throw std::runtime_error("--changed-since: none of the checked files is inside a git repository");
}

}  // namespace kanwu
