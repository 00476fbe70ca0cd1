// A parsed document: its source text and blocks, plus analyses computed on
// demand and cached so rules that do not need them do not pay for them.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <typeindex>
#include <string>
#include <vector>

#include "kanwu/doc/block.h"
#include "kanwu/doc/docx.h"
#include "kanwu/nlp/segment.h"
#include "kanwu/nlp/utf16.h"
#include "kanwu/text/source.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

enum class DocumentFormat { PlainText, Markdown, Word };

// Markdown for *.md and *.markdown, Word for *.docx (the text extracted from
// it), plain text for everything else.
DocumentFormat format_for_path(std::string_view path);

// Characters of context kept before and after a span's start for excerpts.
inline constexpr int kExcerptBefore = 24;
inline constexpr int kExcerptAfter = 80;

// A place in a file, resolved for reporting. `end` is exclusive: the column
// just past the last character of the span.
struct Location {
  std::string file;
  Position start;
  Position end;
  // The part of the start line around the span that reports show (a
  // newspaper paragraph is often one line of a thousand characters, and a
  // finding should not carry all of it).
  std::string excerpt;
  int excerpt_column = 1;      // column of the excerpt's first character
  bool excerpt_clipped = false;  // the line goes on after the excerpt
  // In a Word document, what the start line is there: body paragraph
  // `paragraph`, or paragraph `paragraph` of footnote `footnote`. 0 in
  // other documents (see docx.h: in the body, paragraph == line).
  int paragraph = 0;
  int footnote = 0;
};

class Document {
 public:
  // `threads` > 1: a large Markdown document's blocks are built on up to that
  // many threads (cmark-gfm's own parse is serial).
  Document(SourceText source, DocumentFormat format, unsigned threads = 1);
  // The text extracted from a Word document (docx.h), one line a paragraph.
  Document(SourceText source, std::vector<WordParagraph> paragraphs);

  const SourceText& source() const { return source_; }
  const std::string& path() const { return source_.path(); }
  DocumentFormat format() const { return format_; }
  const std::vector<Block>& blocks() const { return blocks_; }

  // Location of bytes [begin, end) of a block's text.
  Location locate(const Block& block, std::size_t begin, std::size_t end) const;
  // Location of source bytes [begin, end).
  Location locate_source(std::size_t begin, std::size_t end) const;

  // Sentences of a block, as byte spans of its text (cached).
  const std::vector<TextSpan>& sentences(std::size_t block_index) const;
  // A block's text as code points with their byte offsets, decoded once and
  // shared by the rules that reason about characters (cached).
  const CodePointText& code_points(std::size_t block_index) const;
  // A block's text in UTF-16 for ICU, converted once and shared (cached).
  const Utf16Text& utf16(std::size_t block_index) const;

  // A whole-document analysis computed once, on first use, and shared by
  // every rule that asks for it (e.g. the figures a document states). Safe
  // to call from rules running on several threads at once (a large
  // document's rules are spread over threads): one computes, the others wait.
  template <typename T, typename Make>
  const T& cached(Make make) const {
    Caches::Slot& slot = caches_->slot(std::type_index(typeid(T)));
    if (!slot.ready.load(std::memory_order_acquire)) {
      std::lock_guard lock(slot.mutex);
      if (!slot.ready.load(std::memory_order_relaxed)) {
        slot.value = std::make_shared<T>(make());
        slot.ready.store(true, std::memory_order_release);
      }
    }
    return *static_cast<const T*>(slot.value.get());
  }

 private:
  struct Caches {
    // Made under the slot's own lock (an analysis may ask for others, never
    // for itself), with a flag for the fast path: not std::call_once, which
    // in glibc makes a system call each time it runs, five per document.
    struct Slot {
      std::atomic<bool> ready{false};
      std::mutex mutex;
      std::shared_ptr<void> value;
    };
    Slot& slot(std::type_index type) {
      std::lock_guard lock(mutex);
      return analyses.try_emplace(type).first->second;  // map nodes do not move
    }
    std::mutex mutex;
    std::map<std::type_index, Slot> analyses;
    // A value per block, made on first use by whichever thread asks first
    // (made outside the lock; a value made twice at once is kept once). An
    // atomic flag per block, not a std::once_flag: glibc's call_once makes
    // a system call every time it runs, and this runs once per paragraph.
    template <typename T>
    class PerBlock {
     public:
      explicit PerBlock(std::size_t blocks)
          : values_(blocks), ready_(std::make_unique<std::atomic<bool>[]>(blocks)) {}
      template <typename Make>
      const T& get(std::size_t block, Make make) {
        T& value = values_.at(block);
        if (!ready_[block].load(std::memory_order_acquire)) {
          T made = make();
          std::lock_guard lock(mutex_);
          if (!ready_[block].load(std::memory_order_relaxed)) {
            value = std::move(made);
            ready_[block].store(true, std::memory_order_release);
          }
        }
        return value;
      }

     private:
      std::vector<T> values_;
      std::unique_ptr<std::atomic<bool>[]> ready_;
      std::mutex mutex_;
    };
    explicit Caches(std::size_t blocks) : sentences(blocks), code_points(blocks), utf16(blocks) {}
    PerBlock<std::vector<TextSpan>> sentences;
    PerBlock<CodePointText> code_points;
    PerBlock<Utf16Text> utf16;
  };
  void make_caches();

  SourceText source_;
  DocumentFormat format_;
  std::vector<Block> blocks_;
  std::vector<WordParagraph> paragraphs_;  // Word documents: one per line
  std::unique_ptr<Caches> caches_;
};

}  // namespace kanwu
