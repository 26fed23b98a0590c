// The one list of rules, sorted by id. Each entry names the namespace in
// rules/<ID>_<slug>.cpp that defines `descriptor` and `check`.
// VPCLINT_RULE(namespace)
VPCLINT_RULE(VL001)
VPCLINT_RULE(VL002)
VPCLINT_RULE(VL201)
VPCLINT_RULE(VL202)
VPCLINT_RULE(VL501)
VPCLINT_RULE(VL504)
