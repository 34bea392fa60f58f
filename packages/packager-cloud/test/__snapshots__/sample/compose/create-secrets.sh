#!/bin/sh
# Creates the secret files of "notes"'s compose.yaml in secrets/ beside it (mode 600).
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

# "db_password" (per_install_generated: "password, 24 characters") -> env "POSTGRES_PASSWORD"
if [ ! -s 'secrets/db_password.env' ]; then
  v=$(rand_password 24)
  printf '%s=%s\n' 'POSTGRES_PASSWORD' "$v" >'secrets/db_password.env.tmp'
  mv 'secrets/db_password.env.tmp' 'secrets/db_password.env'
fi

# "jwt_signing_key" (per_install_generated: "ed25519 private key (PEM)") -> file "keys/jwt.pem"
if [ ! -s 'secrets/jwt_signing_key' ]; then
  openssl genpkey -algorithm ed25519 >'secrets/jwt_signing_key.tmp'
  mv 'secrets/jwt_signing_key.tmp' 'secrets/jwt_signing_key'
fi

# "session_secret" (per_install_generated: "random, 40 characters of base64url") -> env "SESSION_SECRET"
if [ ! -s 'secrets/session_secret.env' ]; then
  v=$(rand_chars 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789\055\137' 40)
  printf '%s=%s\n' 'SESSION_SECRET' "$v" >'secrets/session_secret.env.tmp'
  mv 'secrets/session_secret.env.tmp' 'secrets/session_secret.env'
fi

# "admin_email" (user_prompt: "asked: Admin e-mail, format ^[^@\\s]+@[^@\\s]+$") -> env "ADMIN_EMAIL"
if [ ! -s 'secrets/admin_email.env' ]; then
  v=$(ask 'ADMIN_EMAIL' 'Admin e-mail')
  printf '%s=%s\n' 'ADMIN_EMAIL' "$v" >'secrets/admin_email.env.tmp'
  mv 'secrets/admin_email.env.tmp' 'secrets/admin_email.env'
fi

# "openai_api_key" (remote_fetch: "remote key notes/openai") -> env "OPENAI_API_KEY"
if [ ! -s 'secrets/openai_api_key.env' ]; then
  printf '%s\n' 'secret openai_api_key is kept in your secret store (key notes/openai): write OPENAI_API_KEY=<value> to secrets/openai_api_key.env' >&2
  missing=1
fi

exit "$missing"
