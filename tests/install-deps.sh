#!/usr/bin/env bash
# Installs the real SIP/DHT/TURN peers and tools the interop tests run against, from Debian's
# packages, only when they are missing. Needs root (CI and the dev machines run as root).
set -euo pipefail
need=()
command -v kamailio >/dev/null || need+=(kamailio)
command -v sipp >/dev/null || need+=(sip-tester)
command -v baresip >/dev/null || need+=(baresip)
command -v dhtnode >/dev/null || need+=(dhtnode)
command -v turnserver >/dev/null || need+=(coturn)
command -v ip >/dev/null || need+=(iproute2)
command -v unshare >/dev/null || need+=(util-linux)
command -v curl >/dev/null || need+=(curl)
command -v sox >/dev/null || need+=(sox)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "install-deps: missing ${need[*]} and not root; install them with apt-get" >&2
  exit 1
fi
echo "install-deps: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
