// misplaced-lead: body text set before the headline and byline it belongs
// under. A news page reads headline, byline, lead; a pasted or scraped page
// sometimes puts the lead paragraph first, above the photos, headline and
// byline. Reported on the first such paragraph, with the headline as the
// related place.
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& misplaced_lead_kind();
}
