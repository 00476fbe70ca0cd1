// Office documents kanwu does not read, told apart from other binary files
// by their first bytes, so that the user hears what to do (save as .docx)
// instead of "binary file".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kanwu {

// OLE2 compound files: Word 97-2003 .doc, WPS .wps, and a password-protected
// .docx (whose encrypted package such a file holds).
inline constexpr std::string_view kCompoundFileMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

// For a .doc, .wps, .odt (or another OpenDocument file): what it is and how
// to make a .docx of it, in English and Chinese; nullopt for anything else.
std::optional<std::string> unreadable_office_file(std::string_view bytes);

}  // namespace kanwu
