// A statistical language model of Chinese, for questions a word list cannot
// answer: does "高质量发展" read better than "高质量量发展"? The model is
// libime's word trigram model (KenLM binary, Debian's
// libime-data-language-model, read through libimecore), memory-mapped on
// first use, once per process, so that a run, the LSP or the web page that
// never asks pays nothing; opening it costs about 1.5 ms and 20 MB of
// mapped pages (README, "Language model").
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace kanwu {

// Han characters the model is shown as context beside [from, to) of `text`:
// leftwards [begin, to), rightwards [from, end), reaching at most `max`
// characters and stopping at anything not Han (punctuation, another
// script). One definition for every rule that asks the model.
std::u32string_view model_context(std::u32string_view text, std::size_t from, std::size_t to, bool leftwards,
                                  std::size_t max = 6);

class LanguageModel {
 public:
  // The model file kanwu was built against, or $KANWU_LANGUAGE_MODEL when
  // set (an empty value turns the model off); opened on the first call and
  // shared by every thread. nullptr when the file is missing or unreadable:
  // rules that need the model then stay silent rather than guess.
  static const LanguageModel* shared();

  // Opens `file`; throws std::runtime_error when it cannot.
  explicit LanguageModel(const std::string& file);
  ~LanguageModel();
  LanguageModel(const LanguageModel&) = delete;
  LanguageModel& operator=(const LanguageModel&) = delete;

  // log10 probability of the best reading of `text` (UTF-8) as a sequence
  // of the model's words, read as a fragment from the middle of a sentence
  // (no sentence start or end). Characters outside the vocabulary count as
  // unknown words. Higher is more likely; always negative for non-empty text.
  double score(std::string_view text) const;

  // score(a) - score(b): by how many orders of magnitude `a` reads better.
  double prefer(std::string_view a, std::string_view b) const { return score(a) - score(b); }

  // True when `word` is one word of the model's vocabulary.
  bool knows(std::string_view word) const;

  // log10 probability of `word` alone (its unigram frequency in the
  // model's training text); the unknown-word penalty when it is unknown.
  double word_score(std::string_view word) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kanwu
