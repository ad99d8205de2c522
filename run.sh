#!/usr/bin/env bash
# Builds what is missing and starts the API at http://localhost:${MPM_PORT:-8000}/api.
# With no MPM_DB_URL it starts an embedded MariaDB whose data stays in ./data.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f launcher/target/mpm-launcher.jar ] || [ -n "$(find ejb-module/src web-module/src launcher/src pom.xml */pom.xml -newer launcher/target/mpm-launcher.jar -print -quit)" ]; then
  mvn -B -q -DskipTests install -pl launcher -am
fi
exec java -jar launcher/target/mpm-launcher.jar "$@"
