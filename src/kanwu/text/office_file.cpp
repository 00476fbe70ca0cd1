#include "kanwu/text/office_file.h"

namespace kanwu {

std::optional<std::string> unreadable_office_file(std::string_view bytes) {
  if (bytes.starts_with(kCompoundFileMagic))
    return "a Word 97-2003 document (.doc) or another old Office file, not .docx; save it as .docx to check it "
           "(这是 Word 97-2003 格式（.doc）的文档：请在 Word 或 WPS 中“另存为 .docx”后再检查)";
  // An OpenDocument file is a zip whose first member, stored uncompressed,
  // is "mimetype": the local header is 30 bytes, then the name, then the type.
  constexpr std::string_view kMember = "mimetype";
  if (bytes.starts_with("PK\x03\x04") && bytes.size() > 38 && bytes.substr(30, kMember.size()) == kMember &&
      bytes.substr(38).starts_with("application/vnd.oasis.opendocument.")) {
    const bool text = bytes.substr(38).starts_with("application/vnd.oasis.opendocument.text");
    return std::string(text ? "an OpenDocument text (.odt, LibreOffice Writer)" : "an OpenDocument file") +
           ", not .docx; save it as .docx to check it (这是 OpenDocument 格式（" + (text ? ".odt" : ".ods、.odp 等") +
           "）的文档：请在 LibreOffice 或 WPS 中“另存为 .docx”后再检查)";
  }
  return std::nullopt;
}

}  // namespace kanwu
