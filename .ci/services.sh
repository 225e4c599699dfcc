#!/usr/bin/env bash
# Starts the services that the integration suites use, when they are not already running.
# A newcomer's `npm test` needs none of them: those suites skip and say so.
set -u
port_open() { (echo >/dev/tcp/127.0.0.1/"$1") >/dev/null 2>&1; }
# a service just started takes a moment to listen: wait up to ten seconds
wait_port() { for _ in $(seq 1 50); do port_open "$1" && return 0; sleep 0.2; done; return 1; }

if ! port_open 5432; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1 || true
  fi
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start 2>/dev/null || true
  wait_port 5432
fi
# The suites connect as postgres@127.0.0.1 without a password (services.ts); Debian's default asks for one over
# TCP (scram-sha-256), so a cluster that refuses the test login gets trust for loopback connections, once, and says
# so. Only as root (runuser never prompts), and never on a cluster that lets the login in.
if [ "$(id -u)" = 0 ] && port_open 5432 && command -v psql >/dev/null 2>&1 &&
  ! psql -w -h 127.0.0.1 -U postgres -d postgres -Atc 'select 1' >/dev/null 2>&1; then
  hba=$(runuser -u postgres -- psql -Atc 'show hba_file' 2>/dev/null)
  if [ -n "$hba" ] && [ -f "$hba" ] && ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
    echo "postgresql: gave loopback connections trust in $hba (the test suites log in without a password)"
  fi
  # outside the check: a reload that failed on an earlier run is tried again
  runuser -u postgres -- psql -Atc 'select pg_reload_conf()' >/dev/null 2>&1 || true
fi
if ! port_open 4222; then
  if ! command -v nats-server >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nats-server) >/dev/null 2>&1 || true
  fi
  mkdir -p /var/lib/nats-server
  start-stop-daemon --start --oknodo --background --exec "$(command -v nats-server)" -- \
    -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log 2>/dev/null || true
  wait_port 4222
fi
# goAML STR tests validate with Debian's xmllint (libxml2-utils)
if ! command -v xmllint >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils) >/dev/null 2>&1 || true
fi
port_open 5432 && echo "postgresql: up" || echo "postgresql: down"
port_open 4222 && echo "nats: up" || echo "nats: down"
# Debian's Chromium for the web UI's end-to-end suite (apps/web/e2e); never a browser downloaded by a package.
if [ ! -x /usr/bin/chromium ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core) >/dev/null 2>&1 || true
fi
[ -x /usr/bin/chromium ] && echo "chromium: present" || echo "chromium: missing (the web e2e suite will skip)"
exit 0
