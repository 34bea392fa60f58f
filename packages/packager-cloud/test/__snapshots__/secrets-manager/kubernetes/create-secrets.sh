#!/bin/sh
# Creates the Secret "secrets-manager-secrets" that the Kubernetes manifests read.
# Arguments go to kubectl (e.g. `sh create-secrets.sh -n apps`). An existing Secret is kept.
# Written by deployment-manager. It holds no secret value: generated values are made here,
# prompted values come from the environment variable named below (or the terminal).
set -eu
export LC_ALL=C
umask 077
if kubectl get secret 'secrets-manager-secrets' "$@" >/dev/null 2>&1; then
  printf '%s\n' 'secret secrets-manager-secrets exists; its values are kept' >&2
  exit 0
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# uniform random characters from a tr set: rand_chars SET LENGTH
rand_chars() { tr -dc "$1" </dev/urandom | head -c "$2"; }
# letters, digits and -_.~ with at least one of each group: rand_password LENGTH
rand_password() {
  while :; do v=$(rand_chars 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789\055\137\056\176' "$1")
    case $v in *[A-Z]*) ;; *) continue ;; esac
    case $v in *[a-z]*) ;; *) continue ;; esac
    case $v in *[0-9]*) ;; *) continue ;; esac
    case $v in *[-_.~]*) break ;; esac
  done
  printf '%s' "$v"
}
# ask VAR LABEL: prints $VAR, else asks on the terminal without echo; fails when neither gives a value
ask() {
  eval "v=\${$1-}"
  if [ -z "$v" ] && [ -t 0 ]; then
    printf '%s: ' "$2" >&2; stty -echo; IFS= read -r v || true; stty echo; printf '\n' >&2
  fi
  if [ -z "$v" ]; then echo "no value for $2: set $1" >&2; return 1; fi
  printf '%s' "$v"
}

# "session_key" (per_install_generated: "32 random bytes, base64") -> env "SESSION_KEY"
printf '%s' "$(openssl rand -base64 32 | tr -d '\n')" >"$dir"/'session_key'

# "admin_group" (user_prompt: "asked: Admin group, format ^[A-Za-z0-9 _.-]{2,64}$") -> env "ADMIN_GROUP"
ask 'ADMIN_GROUP' 'Admin group' >"$dir"/'admin_group'

kubectl create secret generic 'secrets-manager-secrets' "$@" \
  '--from-file=session_key='"$dir"/'session_key' \
  '--from-file=admin_group='"$dir"/'admin_group' \
  >/dev/null
kubectl label secret 'secrets-manager-secrets' "$@" 'app.kubernetes.io/name=secrets-manager' app.kubernetes.io/managed-by=deployment-manager >/dev/null
printf '%s\n' 'created secret secrets-manager-secrets' >&2
