#!/bin/sh
# Creates the Secret "image-tools-secrets" that the Kubernetes manifests read.
# Arguments go to kubectl (e.g. `sh create-secrets.sh -n apps`). An existing Secret is kept.
# Written by deployment-manager. It holds no secret value: generated values are made here,
# prompted values come from the environment variable named below (or the terminal).
set -eu
export LC_ALL=C
umask 077
if kubectl get secret 'image-tools-secrets' "$@" >/dev/null 2>&1; then
  printf '%s\n' 'secret image-tools-secrets exists; its values are kept' >&2
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

# "minio_root_password" (per_install_generated: "password, 40 characters") -> env "MINIO_ROOT_PASSWORD"
rand_password 40 >"$dir"/'minio_root_password'

# "signing_key" (per_install_generated: "ed25519 private key (PEM)") -> file "keys/share-links.pem"
openssl genpkey -algorithm ed25519 >"$dir"/'signing_key'

kubectl create secret generic 'image-tools-secrets' "$@" \
  '--from-file=minio_root_password='"$dir"/'minio_root_password' \
  '--from-file=signing_key='"$dir"/'signing_key' \
  >/dev/null
kubectl label secret 'image-tools-secrets' "$@" 'app.kubernetes.io/name=image-tools' app.kubernetes.io/managed-by=deployment-manager >/dev/null
printf '%s\n' 'created secret image-tools-secrets' >&2
