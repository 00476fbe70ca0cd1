// `kanwu init`: writes a commented starter .kanwu.yaml.
#pragma once

#include <string>

namespace kanwu::cli {

// Writes `.kanwu.yaml` in `folder`; refuses to overwrite one unless `force`.
int run_init(const std::string& folder, bool force);

}  // namespace kanwu::cli
