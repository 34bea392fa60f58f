#!/bin/sh
# Creates the Secret "notes-secrets" that the Kubernetes manifests read.
# Arguments go to kubectl (e.g. `sh create-secrets.sh -n apps`). An existing Secret is kept.
# Written by deployment-manager. It holds no secret value: generated values are made here,
# prompted values come from the environment variable named below (or the terminal).
set -eu
export LC_ALL=C
umask 077
if kubectl get secret 'notes-secrets' "$@" >/dev/null 2>&1; then
  printf '%s\n' 'secret notes-secrets exists; its values are kept' >&2
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

# "db_password" (per_install_generated: "password, 24 characters") -> env "POSTGRES_PASSWORD"
rand_password 24 >"$dir"/'db_password'

# "jwt_signing_key" (per_install_generated: "ed25519 private key (PEM)") -> file "keys/jwt.pem"
openssl genpkey -algorithm ed25519 >"$dir"/'jwt_signing_key'

# "session_secret" (per_install_generated: "random, 40 characters of base64url") -> env "SESSION_SECRET"
rand_chars 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789\055\137' 40 >"$dir"/'session_secret'

# "admin_email" (user_prompt: "asked: Admin e-mail, format ^[^@\\s]+@[^@\\s]+$") -> env "ADMIN_EMAIL"
ask 'ADMIN_EMAIL' 'Admin e-mail' >"$dir"/'admin_email'

kubectl create secret generic 'notes-secrets' "$@" \
  '--from-file=db_password='"$dir"/'db_password' \
  '--from-file=jwt_signing_key='"$dir"/'jwt_signing_key' \
  '--from-file=session_secret='"$dir"/'session_secret' \
  '--from-file=admin_email='"$dir"/'admin_email' \
  >/dev/null
kubectl label secret 'notes-secrets' "$@" 'app.kubernetes.io/name=notes' app.kubernetes.io/managed-by=deployment-manager >/dev/null
printf '%s\n' 'created secret notes-secrets' >&2
