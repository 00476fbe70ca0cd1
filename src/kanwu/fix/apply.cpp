#include "kanwu/fix/apply.h"

#include <fmt/format.h>

#include <algorithm>


namespace kanwu {

FileFixes apply_fixes(std::string original, std::vector<const Finding*> fixes) {
  FileFixes plan;
  plan.original = std::move(original);
  const std::size_t bom = plan.original.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  std::stable_sort(fixes.begin(), fixes.end(), [](const Finding* a, const Finding* b) {
    return a->fix->begin < b->fix->begin;
  });
  std::size_t cursor = 0;  // in decoded-text offsets
  std::string out(plan.original.substr(0, bom));
  const std::string_view text = std::string_view(plan.original).substr(bom);
  for (const Finding* f : fixes) {
    const Fix& fix = *f->fix;
    if (fix.begin < cursor || fix.end > text.size() || fix.end < fix.begin) {
      plan.skipped.push_back(f);
      continue;
    }
    out.append(text.substr(cursor, fix.begin - cursor));
    out += fix.replacement;
    cursor = fix.end;
    plan.applied.push_back(f);
  }
  out.append(text.substr(cursor));
  plan.fixed = std::move(out);
  return plan;
}

bool only_fix_spans_changed(const FileFixes& plan) {
  const std::string& a = plan.original;
  const std::string& b = plan.fixed;
  const std::size_t bom = a.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  if (b.compare(0, bom, a, 0, bom) != 0) return false;
  std::size_t cursor = 0, fixed_cursor = bom;  // cursor counts from the end of the BOM
  for (const Finding* f : plan.applied) {
    const std::size_t keep = f->fix->begin - cursor;
    if (b.compare(fixed_cursor, keep, a, bom + cursor, keep) != 0) return false;
    fixed_cursor += keep;
    if (b.compare(fixed_cursor, f->fix->replacement.size(), f->fix->replacement) != 0) return false;
    fixed_cursor += f->fix->replacement.size();
    cursor = f->fix->end;
  }
  return b.compare(fixed_cursor, std::string::npos, a, bom + cursor, std::string::npos) == 0;
}

namespace {
std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < s.size()) {
    const std::size_t nl = s.find('\n', start);
    const std::size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
    lines.push_back(s.substr(start, end - start));
    start = end;
  }
  return lines;
}
}  // namespace

void write_unified_diff(std::ostream& out, const std::string& path, const std::string& before,
                        const std::string& after) {
  // One hunk from the first changed line to the last, with common head and
  // tail trimmed. Fixes rarely change the number of lines; when they do
  // not, the middle is compared line by line so unchanged lines show as
  // context rather than as removed and re-added.
  const auto a = split_lines(before), b = split_lines(after);
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
    ++tail;
  if (head == a.size() && head == b.size()) return;
  constexpr std::size_t kContext = 3;
  const std::size_t from = head > kContext ? head - kContext : 0;
  const std::size_t a_end = std::min(a.size(), a.size() - tail + kContext);
  const std::size_t b_end = std::min(b.size(), b.size() - tail + kContext);
  out << "--- a/" << path << "\n+++ b/" << path << "\n"
      << fmt::format("@@ -{},{} +{},{} @@\n", from + 1, a_end - from, from + 1, b_end - from);
  const auto line = [&](char mark, std::string_view l) {
    out << mark << l;
    if (!l.ends_with('\n')) out << "\n\\ No newline at end of file\n";
  };
  for (std::size_t i = from; i < head; ++i) line(' ', a[i]);
  if (a.size() == b.size()) {
    for (std::size_t i = head; i < a.size() - tail; ++i) {
      if (a[i] == b[i]) {
        line(' ', a[i]);
      } else {
        line('-', a[i]);
        line('+', b[i]);
      }
    }
  } else {
    for (std::size_t i = head; i < a.size() - tail; ++i) line('-', a[i]);
    for (std::size_t i = head; i < b.size() - tail; ++i) line('+', b[i]);
  }
  for (std::size_t i = a.size() - tail; i < a_end; ++i) line(' ', a[i]);
}

}  // namespace kanwu
