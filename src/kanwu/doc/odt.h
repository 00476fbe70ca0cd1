// OpenDocument text (.odt, LibreOffice's and WPS's other format): its text
// laid out as a Word document's is (docx.h), one line per paragraph, tables
// cell by cell, headings (text:h) marked, footnotes after the body in the
// order they appear, tracked changes accepted.
#pragma once

#include <string>
#include <string_view>

#include "kanwu/doc/docx.h"

namespace kanwu {

// *.odt, in any case.
bool is_odf_text(std::string_view path);

// Throws InputError (naming `path`) for anything that is not a readable
// .odt: not a zip, damaged, encrypted, too large (the Word limits), no
// content.xml, malformed XML.
WordText extract_odt_text(const std::string& path, std::string_view bytes);
// The same from content.xml itself, parsed in place (tests and fuzzing).
WordText extract_odt_xml(const std::string& path, std::string content);

}  // namespace kanwu
