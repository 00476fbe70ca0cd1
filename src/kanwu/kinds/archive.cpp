#include "kanwu/kinds/archive.h"

#include <fmt/format.h>

namespace kanwu {

std::string published_place(const ArchivedDocument& d) {
  const std::string& title = d.title.empty() ? d.name : d.title;
  return d.published.empty() ? fmt::format("已发布的《{}》", title) : fmt::format("已发布的《{}》（{}）", title, d.published);
}

}  // namespace kanwu
