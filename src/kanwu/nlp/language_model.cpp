#include "kanwu/nlp/language_model.h"

#include "kanwu/text/chars.h"

#include <libime/core/languagemodel.h>
#include <libime/core/lattice.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "kanwu/text/utf8.h"

#ifndef KANWU_LANGUAGE_MODEL_FILE
#define KANWU_LANGUAGE_MODEL_FILE ""
#endif

namespace kanwu {

namespace {

// Longest word tried, in code points: the model's vocabulary has idioms and
// names of up to about seven characters; longer candidates cost time and
// are almost never words.
constexpr std::size_t kLongestWord = 7;
// Readings kept per position. One (plain Viterbi) misjudges where the best
// reading of a prefix is not the start of the best whole: a few keep the
// search honest at small cost.
constexpr std::size_t kBeam = 4;

struct Reading {
  float score;
  libime::State state;
};

void keep_best(std::vector<Reading>& slot, Reading r) {
  if (slot.size() < kBeam) {
    slot.push_back(std::move(r));
  } else {
    auto worst = std::min_element(slot.begin(), slot.end(),
                                  [](const Reading& a, const Reading& b) { return a.score < b.score; });
    if (worst->score >= r.score) return;
    *worst = std::move(r);
  }
}

}  // namespace

struct LanguageModel::Impl {
  explicit Impl(const std::string& file) : model(file.c_str()) {}
  libime::LanguageModel model;
};

LanguageModel::LanguageModel(const std::string& file) {
  // libime reports a missing file as an I/O exception from deep inside;
  // check first, so that the message names the file.
  if (!std::ifstream(file, std::ios::binary)) throw std::runtime_error("cannot read language model " + file);
  try {
    impl_ = std::make_unique<Impl>(file);
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot open language model " + file + ": " + e.what());
  }
}

LanguageModel::~LanguageModel() = default;

const LanguageModel* LanguageModel::shared() {
  static std::once_flag opened;
  static const LanguageModel* model = nullptr;  // kept to the process's end
  std::call_once(opened, [] {
    const char* env = std::getenv("KANWU_LANGUAGE_MODEL");
    const std::string file = env ? env : KANWU_LANGUAGE_MODEL_FILE;
    if (file.empty()) return;
    try {
      model = new LanguageModel(file);
    } catch (const std::exception&) {
      model = nullptr;
    }
  });
  return model;
}

bool LanguageModel::knows(std::string_view word) const {
  const auto& m = impl_->model;
  return !m.isUnknown(m.index(word), word);
}

double LanguageModel::word_score(std::string_view word) const { return impl_->model.singleWordScore(word); }

double LanguageModel::score(std::string_view text) const {
  const auto& m = impl_->model;
  const CodePointText cps = code_points(text);
  const std::size_t n = cps.size();
  if (n == 0) return 0.0;
  // readings[i]: the best readings of the first i code points.
  std::vector<std::vector<Reading>> readings(n + 1);
  readings[0].push_back({0.0f, m.nullState()});
  for (std::size_t i = 0; i < n; ++i) {
    if (readings[i].empty()) continue;
    for (std::size_t j = i + 1; j <= std::min(n, i + kLongestWord); ++j) {
      const std::size_t begin = cps.offsets[i], end = cps.offsets[j];
      const std::string_view piece = text.substr(begin, end - begin);
      const libime::WordIndex idx = m.index(piece);
      // A single character is always a reading (unknown if need be); a
      // longer piece only when it is a word of the model.
      if (j > i + 1 && m.isUnknown(idx, piece)) continue;
      const libime::WordNode word(piece, idx);
      for (const Reading& r : readings[i]) {
        Reading next{r.score, {}};
        next.score += m.score(r.state, word, next.state);
        keep_best(readings[j], std::move(next));
      }
    }
  }
  float best = readings[n].front().score;
  for (const Reading& r : readings[n]) best = std::max(best, r.score);
  return best;
}

std::u32string_view model_context(std::u32string_view text, std::size_t from, std::size_t to, bool leftwards,
                                  std::size_t max) {
  std::size_t begin = from, end = to;
  if (leftwards)
    while (begin > 0 && to - begin < max && chars::is_han(text[begin - 1])) --begin;
  else
    while (end < text.size() && end - from < max && chars::is_han(text[end])) ++end;
  return text.substr(begin, end - begin);
}

}  // namespace kanwu
