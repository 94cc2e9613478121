#!/usr/bin/env bash
# Runs a command with a real Secret Service: a private D-Bus session and gnome-keyring-daemon with
# a fresh, unlocked keyring in a temporary folder (so runs never see each other's secrets).
set -euo pipefail
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "The credential-vault tests need a Secret Service: install the Debian packages dbus and gnome-keyring (.ci/run does)." >&2
  exit 1
fi
if [ -n "${RETURNDESK_SECRET_SERVICE:-}" ]; then exec "$@"; fi
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home/data" XDG_CONFIG_HOME="$keyring_home/config" XDG_CACHE_HOME="$keyring_home/cache"
export RETURNDESK_SECRET_SERVICE=1
# Should the daemon go away mid-run, D-Bus starts the Secret Service again on the next call; this
# service file (found first: XDG_DATA_HOME comes before the system's folders) has it start
# unlocked with the same keyring, instead of the system's, which would stay locked behind a
# password prompt no one can answer here.
mkdir -p "$XDG_DATA_HOME/dbus-1/services"
cat >"$XDG_DATA_HOME/dbus-1/services/org.freedesktop.secrets.service" <<'SERVICE'
[D-BUS Service]
Name=org.freedesktop.secrets
Exec=/bin/sh -c 'printf returndesk-tests | exec gnome-keyring-daemon --unlock --foreground --components=secrets'
SERVICE
dbus-run-session -- bash -c '
  printf "returndesk-tests" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  # Wait (bounded) until the daemon owns the Secret Service name on the bus.
  for _ in $(seq 1 100); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; then
      exec "$@"
    fi
    sleep 0.1
  done
  echo "gnome-keyring-daemon did not start the Secret Service." >&2
  exit 1
' with-secret-service "$@" 2> >(grep -v "Failed to set fd limit" >&2)
