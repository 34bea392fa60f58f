#!/bin/sh
# Creates the secret files of "image-tools"'s compose.yaml in secrets/ beside it (mode 600).
# Run it once before `docker compose up`; files that exist are kept.
# Written by deployment-manager. It holds no secret value: generated values are made here,
# prompted values come from the environment variable named below (or the terminal).
set -eu
export LC_ALL=C
umask 077
cd "$(dirname "$0")"
mkdir -p secrets
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
missing=0

# "minio_root_password" (per_install_generated: "password, 40 characters") -> env "MINIO_ROOT_PASSWORD"
if [ ! -s 'secrets/minio_root_password.env' ]; then
  v=$(rand_password 40)
  printf '%s=%s\n' 'MINIO_ROOT_PASSWORD' "$v" >'secrets/minio_root_password.env.tmp'
  mv 'secrets/minio_root_password.env.tmp' 'secrets/minio_root_password.env'
fi

# "signing_key" (per_install_generated: "ed25519 private key (PEM)") -> file "keys/share-links.pem"
if [ ! -s 'secrets/signing_key' ]; then
  openssl genpkey -algorithm ed25519 >'secrets/signing_key.tmp'
  mv 'secrets/signing_key.tmp' 'secrets/signing_key'
fi

exit "$missing"
