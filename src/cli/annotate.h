// `kanwu check --annotate`: a reviewed copy of each Word document checked
// (kanwu/report/word_review.h), written beside it as NAME.kanwu.docx, or to
// -o FILE when one document is checked. The document itself is never written.
#pragma once

#include <string>
#include <vector>

#include "kanwu/engine/linter.h"

namespace kanwu::cli {

// Why --annotate cannot run with these inputs ("" when it can): no .docx
// among them (an .odt or .doc named instead gets the way to convert it),
// -o with several, an output that is one of the inputs.
std::string annotate_refusal(const std::vector<std::string>& files, const std::string& output);

// True for a reviewed copy an earlier --annotate wrote (NAME.kanwu.docx):
// found in a folder, it is neither checked again nor reviewed again.
bool is_earlier_review(const std::string& path);

// Writes the reviews, saying on standard error what each holds. False when
// one could not be written (the message says why; the others are written).
bool write_reviews(const std::vector<std::string>& files, const std::string& output, const Report& report);

}  // namespace kanwu::cli
