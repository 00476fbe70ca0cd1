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

std::string run(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  if (!pipe) throw std::runtime_error("cannot run git");
  std::string out;
  char buffer[65536];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0;) out.append(buffer, n);
  const int status = ::pclose(pipe.release());
  if (status != 0) throw std::runtime_error("git failed: " + command);
  return out;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

void keep_changed_since(const std::string& rev, Report& report) {
  if (rev.empty() || rev.front() == '-') throw std::runtime_error("--changed-since needs a git revision");
  std::string top = run("git rev-parse --show-toplevel 2>/dev/null");
  while (!top.empty() && (top.back() == '\n' || top.back() == '\r')) top.pop_back();
  run("git -C " + shell_quote(top) + " rev-parse --verify --quiet " + shell_quote(rev + "^{commit}") + " >/dev/null");
  // Changed lines per file, relative to the top of the work tree.
  std::map<std::string, std::set<int>> changed;
  std::istringstream diff(run("git -C " + shell_quote(top) + " diff --unified=0 --no-color --no-ext-diff " +
                              shell_quote(rev) + " --"));
  std::string file;
  for (std::string line; std::getline(diff, line);) {
    if (line.starts_with("+++ ")) {
      file = line.substr(4).starts_with("b/") ? line.substr(6) : "";
      continue;
    }
    // @@ -a[,b] +c[,d] @@ : new lines c … c+d-1 (d defaults to 1).
    if (file.empty() || !line.starts_with("@@")) continue;
    const auto plus = line.find(" +");
    if (plus == std::string::npos) continue;
    int start = 0, count = 1;
    const char* p = line.c_str() + plus + 2;
    char* end = nullptr;
    start = static_cast<int>(std::strtol(p, &end, 10));
    if (end && *end == ',') count = static_cast<int>(std::strtol(end + 1, nullptr, 10));
    for (int l = start; l < start + count; ++l) changed[file].insert(l);
  }
  const std::string tracked = run("git -C " + shell_quote(top) + " ls-files");
  std::set<std::string> tracked_files;
  std::istringstream names(tracked);
  for (std::string n; std::getline(names, n);) tracked_files.insert(n);
  const fs::path root(top);
  std::erase_if(report.findings, [&](const Finding& f) {
    std::error_code ec;
    const std::string rel = fs::relative(fs::weakly_canonical(f.where.file, ec), root, ec).generic_string();
    if (ec || rel.starts_with("..")) return false;  // outside the work tree: keep
    if (!tracked_files.count(rel)) return false;     // a new file: all of it is new
    const auto it = changed.find(rel);
    if (it == changed.end()) return true;
    for (int l = f.where.start.line; l <= std::max(f.where.start.line, f.where.end.line); ++l)
      if (it->second.count(l)) return false;
    return true;
  });
}

}  // namespace kanwu
