#!/usr/bin/env bash
# The local gate: exactly the checks CI runs, without installing system packages.
set -euo pipefail
exec "$(dirname "$0")/../.ci/run" --skip-install
