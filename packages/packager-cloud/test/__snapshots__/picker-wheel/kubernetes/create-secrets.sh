#!/bin/sh
# Creates the Secret "picker-wheel-secrets" that the Kubernetes manifests read.
# Arguments go to kubectl (e.g. `sh create-secrets.sh -n apps`). An existing Secret is kept.
# Written by deployment-manager. It holds no secret value: generated values are made here,
# prompted values come from the environment variable named below (or the terminal).
set -eu
export LC_ALL=C
umask 077
if kubectl get secret 'picker-wheel-secrets' "$@" >/dev/null 2>&1; then
  printf '%s\n' 'secret picker-wheel-secrets exists; its values are kept' >&2
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

# "postgres_password" (per_install_generated: "password, 32 characters") -> env "POSTGRES_PASSWORD"
rand_password 32 >"$dir"/'postgres_password'

# "qdrant_api_key" (per_install_generated: "random, 40 characters of alnum") -> env "QDRANT__SERVICE__API_KEY"
rand_chars 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789' 40 >"$dir"/'qdrant_api_key'

# "n8n_encryption_key" (per_install_generated: "32 random bytes, hex") -> env "N8N_ENCRYPTION_KEY"
printf '%s' "$(openssl rand -hex 32)" >"$dir"/'n8n_encryption_key'

kubectl create secret generic 'picker-wheel-secrets' "$@" \
  '--from-file=postgres_password='"$dir"/'postgres_password' \
  '--from-file=qdrant_api_key='"$dir"/'qdrant_api_key' \
  '--from-file=n8n_encryption_key='"$dir"/'n8n_encryption_key' \
  >/dev/null
kubectl label secret 'picker-wheel-secrets' "$@" 'app.kubernetes.io/name=picker-wheel' app.kubernetes.io/managed-by=deployment-manager >/dev/null
printf '%s\n' 'created secret picker-wheel-secrets' >&2
