// The quantity and time-expression parsers on arbitrary UTF-8: spans inside
// the text and ordered, intervals not inverted.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "kanwu/figures/period.h"
#include "kanwu/figures/quantity.h"
#include "kanwu/text/utf8.h"

using namespace kanwu;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (utf8::first_invalid(text) != std::string::npos) return 0;  // blocks are valid UTF-8
  for (const Quantity& q : extract_quantities(text)) {
    fuzz::require(q.begin <= q.number_begin && q.number_begin < q.number_end && q.number_end <= q.end);
    fuzz::require(q.end <= text.size());
    fuzz::require(std::isnan(q.value) || q.low <= q.high || std::isinf(q.high));
  }
  for (const Period& p : extract_periods(text)) fuzz::require(p.begin < p.end && p.end <= text.size());
  return 0;
}
