#!/usr/bin/env bash
# Idempotent set-up: system packages (apt), the Python venv (pip), the Neo4j jars
# (mvn). Each step is skipped when its inputs have not changed since it last ran.
set -euo pipefail
cd "$(dirname "$0")/.."
STAMPS=.stamps
mkdir -p "$STAMPS"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
hash_of() { cat "$@" | sha256sum | cut -c1-16; }
fresh() { [ -f "$STAMPS/$1" ] && [ "$(cat "$STAMPS/$1")" = "$2" ]; }

# 1. System packages: Java 17, Maven, npm, Chromium, wrk (apt, only when missing).
need_apt=()
command -v java >/dev/null || need_apt+=(openjdk-17-jre-headless)
command -v mvn >/dev/null || need_apt+=(maven)
command -v python3 >/dev/null || need_apt+=(python3 python3-venv)
command -v npm >/dev/null || need_apt+=(nodejs npm)
# Debian's Chromium drives the browser tests (Playwright's own download is not used).
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# wrk is the load generator of the concurrency benchmark (bench/run.py).
command -v wrk >/dev/null || need_apt+=(wrk)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "apt-get install ${need_apt[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
fi

# 2. Python virtual environment.
PY=${PYTHON:-python3}
key=$(hash_of pyproject.toml)
if [ ! -x .venv/bin/python ] || ! fresh pip "$key"; then
  say "pip install (virtual environment in .venv)"
  [ -x .venv/bin/python ] || "$PY" -m venv .venv
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -e '.[dev]'
  echo "$key" > "$STAMPS/pip"
fi

# 3. Neo4j Community jars and the launcher (Maven Central).
key=$(hash_of graph/server/pom.xml $(find graph/server/src -type f | sort))
if [ ! -d graph/server/target/dependency ] || ! fresh mvn "$key"; then
  say "mvn package (Neo4j Community jars into graph/server/target/dependency)"
  (cd graph/server && mvn -B -q package -DskipTests)
  echo "$key" > "$STAMPS/mvn"
fi
# 4. Front-end libraries from the npm registry (served from node_modules, never a CDN).
key=$(hash_of package.json package-lock.json)
if [ ! -d node_modules/cytoscape ] || ! fresh npm "$key"; then
  say "npm ci (front-end libraries into node_modules)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$key" > "$STAMPS/npm"
fi
say "set-up complete"
