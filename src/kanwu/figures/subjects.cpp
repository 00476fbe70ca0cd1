#include "kanwu/figures/subjects.h"

#include <fmt/format.h>


#include "kanwu/figures/phrase.h"

namespace kanwu::figure_stages {

// The place the figure is about: the last place named before it in its
// paragraph in subject position, else the document's. 全国 names the
// subject only at the head of its clause (2025年，全国粮食产量…); inside a
// phrase it is part of a name (全国文明城市, 全国重点实验室).
std::string subject_of(const std::vector<PlaceMention>& places, std::size_t at, const std::string& opening_subject,
                       const std::string& document_subject, const std::string& path, std::size_t section,
                       SubjectCursor& cursor) {
  // A document with no subject of its own: its figures are about whatever
  // it is about, comparable only inside it.
  if (!cursor.started) {
    cursor.started = true;
    cursor.subject = !opening_subject.empty()  ? opening_subject
                     : document_subject.empty() ? fmt::format("@{}", path)
                                                : document_subject;
  }
  std::string& subject = cursor.subject;
  std::string& named = cursor.named;
  for (; cursor.next < places.size(); ++cursor.next) {
    const PlaceMention& m = places[cursor.next];
    if (m.begin >= at) break;
    if (!m.subject) continue;
    if (!m.name.empty()) {
      subject = m.name;
      named = m.name;
      continue;
    }
    // 全省, 本市: the place this paragraph named, else the document's own;
    // in a story that names none, some place known only inside this
    // section of this document (a news day's items are about different
    // provinces).
    subject = !named.empty() && named != "全国" ? named
              : !document_subject.empty() && document_subject != "全国" ? document_subject
                                                                        : fmt::format("@{}#{}", path, section);
  }
  return subject;
}

// Whether only time words and openers (同时, 其中, 截至 …) stand between the
// start of the clause and byte `at`.
bool heads_clause(std::string_view text, std::size_t at, const std::vector<Period>& periods) {
  const std::size_t start = clause_start(text, 0, at, false);
  std::string before(text.substr(start, at - start));
  const auto [first, last] = beginning_in(periods, start, at);
  for (auto p = first; p != last; ++p)
    if (p->begin >= start && p->end <= at)
      for (std::size_t i = p->begin; i < p->end; ++i) before[i - start] = ' ';
  for (std::string_view w : {"同时", "其中", "此外", "目前", "截至", "在", "据统计", "数据显示"})
    for (std::size_t f = before.find(w); f != std::string::npos; f = before.find(w, f + 1))
      before.replace(f, w.size(), std::string(w.size(), ' '));
  return before.find_first_not_of(" \t*") == std::string::npos;
}

}  // namespace kanwu::figure_stages
