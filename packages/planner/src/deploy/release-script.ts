/*
 * release.sh: what runs on a deploy host (the machine itself for `local`,
 * the server over ssh for `vps`), Capistrano's layout with Kamal's health
 * gate left to the caller:
 *
 *   <root>/releases/<sha256>/   one directory per release, named by the manifest checksum
 *   <root>/current              symlink to the release that serves (switched with a rename)
 *   <root>/shared/app-data      the runtime's app data, kept across releases (data, secrets, telemetry)
 *   <root>/shared/logs          the runtime supervisor's own output
 *   <root>/bin/release.sh       this script
 *
 * Every argument is checked before use (a release id is 64 hex digits), the
 * root is given as an argument and never interpolated into the script.
 */
import { SdkError } from '@deployment-manager/core';

/** The host layout under a deploy root. */
export interface ReleaseLayout {
  /** Deploy root. */
  readonly root: string;
  /** `<root>/bin/release.sh`. */
  readonly script: string;
  /** `<root>/shared/app-data`. */
  readonly appData: string;
}

/** The layout of a deploy root (POSIX paths). */
export function releaseLayout(root: string): ReleaseLayout {
  const r = root.replace(/\/+$/, '') || '/';
  return { root: r, script: `${r}/bin/release.sh`, appData: `${r}/shared/app-data` };
}

/** Commands release.sh takes (first argument after the root). */
export const RELEASE_COMMANDS = ['check', 'facts', 'receive', 'verify', 'start', 'stop', 'switch', 'current', 'list', 'prune', 'control', 'token', 'telemetry', 'manifest'] as const;

/** One release.sh command. */
export type ReleaseCommand = (typeof RELEASE_COMMANDS)[number];

/** A number of seconds written into the script's arithmetic: a whole number from 1 to 86400, else `INVALID_ARGUMENT` (NaN, 1e21 or a fraction would be shell text, not a count). */
function seconds(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 86_400) throw new SdkError('INVALID_ARGUMENT', `${name} ${String(value)} is not a whole number of seconds from 1 to 86400`, { hint: 'give the timeout in whole seconds' });
  return value;
}

/** Node's version floor on the host (the runtime's `engines`). */
const NODE_MIN = [20, 19] as const;

/**
 * Renders release.sh. Commands: `check` (tools and directories), `receive
 * SHA` (a tar stream on stdin into `releases/SHA.partial`), `verify SHA`
 * (`sha256sum -c SHA256SUMS`, the manifest's own line, then the rename to
 * `releases/SHA`), `facts` (PID 1, systemctl, root or sudo: see
 * {@link chooseSupervisor}), `start SHA [setsid|systemd]` (the release's runtime.mjs, detached with
 * setsid or as the systemd unit `dm-<hash of the root>.service`, until its control file appears),
 * `stop` (the unit stopped, else SIGTERM to the supervisor, SIGKILL after `stopSeconds`), `switch SHA` (`current` replaced by a rename),
 * `current`, `list` (newest first), `prune N`, `control`, `token`,
 * `telemetry`, `manifest [SHA]` (of that release, else the running one, else `current`). Exit codes: 0 done, 1 failed, 2 bad argument, 127 a tool is
 * missing. Throws `INVALID_ARGUMENT` for timeouts that are not whole seconds from 1 to 86400. Pure.
 *
 * @example
 * ```ts
 * writeFileSync('release.sh', renderReleaseScript(), { mode: 0o755 });
 * ```
 */
export function renderReleaseScript(options: { readonly startSeconds?: number; readonly stopSeconds?: number } = {}): string {
  const start = seconds('startSeconds', options.startSeconds ?? 120);
  const stop = seconds('stopSeconds', options.stopSeconds ?? 60);
  return `#!/usr/bin/env bash
# Release management on a deploy host, written by deployment-manager: releases/<sha256>/,
# current -> releases/<sha256>, shared/app-data. usage: release.sh ROOT COMMAND [ARGUMENT]
set -euo pipefail
ROOT="\${1:?usage: release.sh ROOT COMMAND [ARGUMENT]}"
CMD="\${2:?usage: release.sh ROOT COMMAND [ARGUMENT]}"
ARG="\${3:-}"
MODE="\${4:-setsid}"
# A relative root is relative to the login directory; from here on it is absolute. The x keeps
# the trailing newlines of a root that ends in one (command substitution strips them).
mkdir -p "$ROOT"
ROOT="$(cd "$ROOT" && pwd && echo x)"; ROOT="\${ROOT%?x}"
RELEASES="$ROOT/releases"
SHARED="$ROOT/shared"
APP_DATA="$SHARED/app-data"
CONTROL="$APP_DATA/runtime/control.json"
fail() { printf 'release.sh: %s\\n' "$1" >&2; exit "\${2:-1}"; }
need() { local t; for t in "$@"; do command -v "$t" >/dev/null 2>&1 || fail "missing tool on the host: $t" 127; done; }
release_id() { [[ "$ARG" =~ ^[0-9a-f]{64}$ ]] || fail "not a release id (64 hex digits): $ARG" 2; printf '%s' "$ARG"; }
json_field() { node -e 'const v = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[process.argv[2]]; if (v !== undefined) process.stdout.write(String(v));' "$1" "$2"; }
running_pid() { if [ -f "$CONTROL" ]; then json_field "$CONTROL" pid; fi; }
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
# One unit per deploy root; its name is a hash, so no character of the root reaches it.
unit() { printf 'dm-%s.service' "$(printf '%s' "$ROOT" | sha256sum | cut -c1-16)"; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo -n"
unit_installed() { [ -f "/etc/systemd/system/$(unit)" ]; }
# A value inside the unit file: plain path characters only (systemd would expand %, quotes, spaces).
unit_safe() { [[ "$1" =~ ^[A-Za-z0-9._/@+-]+$ ]] || fail "$2 $1 has characters a systemd unit cannot carry as written; use letters, digits and . _ - / @ +" 2; }
current() { local link; link="$(readlink "$ROOT/current" 2>/dev/null || true)"; printf '%s' "\${link#releases/}"; }
case "$CMD" in
  facts)
    printf 'pid1=%s\n' "$(cat /proc/1/comm 2>/dev/null || true)"
    if command -v systemctl >/dev/null 2>&1 && systemctl show -p Version >/dev/null 2>&1; then echo systemctl=yes; else echo systemctl=no; fi
    if [ "$(id -u)" = 0 ]; then echo privilege=root; elif sudo -n true >/dev/null 2>&1; then echo privilege=sudo; else echo privilege=none; fi
    ;;
  check)
    need node tar sha256sum setsid nohup
    node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > ${NODE_MIN[0]} || (a === ${NODE_MIN[0]} && b >= ${NODE_MIN[1]}) ? 0 : 1)' || fail "node $(node -v) on the host is older than ${NODE_MIN[0]}.${NODE_MIN[1]}" 127
    mkdir -p "$RELEASES" "$SHARED/logs" "$APP_DATA"
    chmod 700 "$SHARED"
    ;;
  receive)
    id="$(release_id)"
    rm -rf "$RELEASES/$id.partial"
    mkdir -p "$RELEASES/$id.partial"
    tar -C "$RELEASES/$id.partial" -xf -
    ;;
  verify)
    id="$(release_id)"
    dir="$RELEASES/$id.partial"
    [ -f "$dir/SHA256SUMS" ] || fail "release $id has no SHA256SUMS"
    grep -qxF "$id  bundle.json" "$dir/SHA256SUMS" || fail "the manifest of release $id does not have checksum $id"
    (cd "$dir" && sha256sum --quiet --strict -c SHA256SUMS) || fail "release $id does not match its SHA256SUMS: the upload is damaged"
    if [ -d "$RELEASES/$id" ]; then rm -rf "$dir"; else mv -T "$dir" "$RELEASES/$id"; fi
    ;;
  start)
    id="$(release_id)"
    [ -f "$RELEASES/$id/bundle.json" ] || fail "release $id is not on this host" 3
    pid="$(running_pid)"
    if alive "$pid"; then fail "a release is already running (supervisor pid $pid); stop it first"; fi
    rm -f "$CONTROL"
    cd "$RELEASES/$id"
    printf '== %s start %s (%s)\\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$id" "$MODE" >>"$SHARED/logs/runtime.log"
    case "$MODE" in
      setsid)
        setsid nohup node runtime/runtime.mjs --manifest "$RELEASES/$id" --app-data "$APP_DATA" >>"$SHARED/logs/runtime.log" 2>&1 </dev/null &
        child=$!
        running() { alive "$child"; } ;;
      systemd)
        node_bin="$(command -v node)"; user="$(id -un)"; UNIT="$(unit)"
        unit_safe "$ROOT" "the deploy root"; unit_safe "$node_bin" "node at"; unit_safe "$user" "the deploy user"
        printf '%s\\n' "[Unit]" "Description=deployment-manager release runtime of $ROOT" "After=network-online.target" "" \\
          "[Service]" "Type=simple" "User=$user" "WorkingDirectory=$RELEASES/$id" \\
          "ExecStart=$node_bin runtime/runtime.mjs --manifest $RELEASES/$id --app-data $APP_DATA" \\
          "StandardOutput=append:$SHARED/logs/runtime.log" "StandardError=append:$SHARED/logs/runtime.log" \\
          "KillMode=mixed" "TimeoutStopSec=${stop}" "Restart=on-abnormal" "" "[Install]" "WantedBy=multi-user.target" \\
          | $SUDO tee "/etc/systemd/system/$UNIT" >/dev/null || fail "cannot install /etc/systemd/system/$UNIT"
        $SUDO systemctl daemon-reload
        $SUDO systemctl enable "$UNIT" >/dev/null 2>&1 || true
        $SUDO systemctl restart "$UNIT" || fail "systemctl could not start $UNIT"
        child="$UNIT"
        running() { systemctl is-active --quiet "$UNIT"; } ;;
      *) fail "unknown supervisor: $MODE (setsid or systemd)" 2 ;;
    esac
    for _ in $(seq 1 $((${start} * 10))); do
      if [ -f "$CONTROL" ]; then printf '%s\\n' "$child"; exit 0; fi
      running || { tail -n 20 "$SHARED/logs/runtime.log" >&2; fail "the runtime of release $id exited before its control api listened (see $SHARED/logs/runtime.log)"; }
      sleep 0.1
    done
    fail "the runtime of release $id did not write its control file within ${start} s"
    ;;
  stop)
    if unit_installed; then $SUDO systemctl stop "$(unit)" 2>/dev/null || true; fi
    pid="$(running_pid)"
    if ! alive "$pid"; then rm -f "$CONTROL"; exit 0; fi
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 $((${stop} * 10))); do
      if ! alive "$pid"; then rm -f "$CONTROL"; exit 0; fi
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$CONTROL"
    ;;
  switch)
    id="$(release_id)"
    [ -d "$RELEASES/$id" ] || fail "release $id is not on this host" 3
    ln -sfn "releases/$id" "$ROOT/current.next"
    mv -T "$ROOT/current.next" "$ROOT/current"
    touch "$RELEASES/$id"
    ;;
  current) current ;;
  list)
    # ls -b writes a newline in a name as \\n, so only a whole name of 64 hex digits is a release (never one line of a longer name).
    # shellcheck disable=SC2010
    ls -1tb "$RELEASES" | grep -E '^[0-9a-f]{64}$' || true
    ;;
  prune)
    [[ "$ARG" =~ ^[1-9][0-9]*$ ]] || fail "prune needs a count of releases to keep: $ARG" 2
    cur="$(current)"; n=0
    # shellcheck disable=SC2010
    for r in $(ls -1tb "$RELEASES" | grep -E '^[0-9a-f]{64}$' || true); do
      n=$((n + 1))
      if [ "$n" -gt "$ARG" ] && [ "$r" != "$cur" ]; then rm -rf "\${RELEASES:?}/$r"; printf '%s\\n' "$r"; fi
    done
    ;;
  control) [ -f "$CONTROL" ] && cat "$CONTROL" || fail "no release is running under $ROOT" 3 ;;
  token) [ -f "$CONTROL" ] || fail "no release is running under $ROOT" 3; cat "$(json_field "$CONTROL" tokenFile)" ;;
  telemetry)
    file=""
    if [ -f "$CONTROL" ]; then file="$(json_field "$CONTROL" telemetryFile)";
    elif [ -f "$ROOT/current/bundle.json" ]; then file="$APP_DATA/$(node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).telemetry.file)' "$ROOT/current/bundle.json")"; fi
    [ -n "$file" ] && [ -f "$file" ] || fail "no telemetry under $ROOT" 3
    cat "$file"
    ;;
  manifest)
    if [ -n "$ARG" ]; then id="$(release_id)"; [ -f "$RELEASES/$id/bundle.json" ] || fail "release $id is not on this host" 3; cat "$RELEASES/$id/bundle.json";
    elif [ -f "$CONTROL" ]; then cat "$(json_field "$CONTROL" bundleDir)/bundle.json";
    elif [ -f "$ROOT/current/bundle.json" ]; then cat "$ROOT/current/bundle.json";
    else fail "no release is deployed under $ROOT" 3; fi
    ;;
  *) fail "unknown command: $CMD (check, facts, receive, verify, start, stop, switch, current, list, prune, control, token, telemetry, manifest)" 2 ;;
esac
`;
}
