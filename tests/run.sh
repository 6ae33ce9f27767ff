#!/usr/bin/env bash
# The whole test suite: `bash tests/run.sh`. Installs the real peers the interop tests need
# (Debian packages, when run as root and missing), builds everything, runs the xunit suite
# (nanoFramework gate, file-list and layering checks, unit tests, device-portable tests, CLI
# contract and interop tests against real peers), and prints one summary line
# "tests: N passed, N failed, N skipped". Exit status 0 only when nothing failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
bash tests/install-deps.sh || { echo "tests: could not install the test dependencies"; exit 1; }

if ! dotnet build tests/Desktop/Tests.csproj -c Release -nologo -v q 2>&1 | tee /tmp/endpoint-build.log | grep -E " error |rror\(s\)"; then :; fi
if grep -qE " error " /tmp/endpoint-build.log || ! grep -q " 0 Error(s)" /tmp/endpoint-build.log; then
  echo "tests: build failed"; exit 1
fi

results="$(pwd)/tests/Desktop/TestResults"
rm -rf "$results"
dotnet test tests/Desktop/Tests.csproj -c Release --no-build -nologo \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" -- RunConfiguration.TestSessionTimeout=1500000 > /tmp/endpoint-test.log 2>&1
# Print each failed test with its message (not the passing ones, not stack frames into the runtime).
awk '/^  Failed /{show=1} /^  Passed |^  Skipped /{show=0} show && !/^\s+at (System|Xunit|InvokeStub)/' /tmp/endpoint-test.log | head -400
grep -E "^Total tests|^\s+(Passed|Failed|Skipped):" /tmp/endpoint-test.log | tail -4
trx=$(ls "$results"/*.trx 2>/dev/null | head -1)
if [ -z "$trx" ]; then echo "tests: no results were written"; exit 1; fi
python3 - "$trx" <<'PY'
import sys, re
t = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<Counters [^>]*total="(\d+)"[^>]*executed="(\d+)"[^>]*passed="(\d+)"[^>]*failed="(\d+)"', t)
total, executed, passed, failed = map(int, m.groups())
skipped = total - executed
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
sys.exit(0 if failed == 0 and passed > 0 else 1)
PY
