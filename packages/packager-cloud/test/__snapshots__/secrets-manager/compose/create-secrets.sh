#!/bin/sh
# Creates the secret files of "secrets-manager"'s compose.yaml in secrets/ beside it (mode 600).
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

# "postgres_password" (remote_fetch: "remote key secrets-manager/postgres") -> env "POSTGRES_PASSWORD"
if [ ! -s 'secrets/postgres_password.env' ]; then
  printf '%s\n' 'secret postgres_password is kept in your secret store (key secrets-manager/postgres): write POSTGRES_PASSWORD=<value> to secrets/postgres_password.env' >&2
  missing=1
fi

# "vault_token" (remote_fetch: "remote key secrets-manager/vault") -> file "vault/token"
if [ ! -s 'secrets/vault_token' ]; then
  printf '%s\n' 'secret vault_token is kept in your secret store (key secrets-manager/vault): write the value to secrets/vault_token' >&2
  missing=1
fi

# "anthropic_api_key" (remote_fetch: "remote key secrets-manager/anthropic_api_key") -> env "ANTHROPIC_API_KEY"
if [ ! -s 'secrets/anthropic_api_key.env' ]; then
  printf '%s\n' 'secret anthropic_api_key is kept in your secret store (key secrets-manager/anthropic_api_key): write ANTHROPIC_API_KEY=<value> to secrets/anthropic_api_key.env' >&2
  missing=1
fi

# "session_key" (per_install_generated: "32 random bytes, base64") -> env "SESSION_KEY"
if [ ! -s 'secrets/session_key.env' ]; then
  v=$(printf '%s' "$(openssl rand -base64 32 | tr -d '\n')")
  printf '%s=%s\n' 'SESSION_KEY' "$v" >'secrets/session_key.env.tmp'
  mv 'secrets/session_key.env.tmp' 'secrets/session_key.env'
fi

# "admin_group" (user_prompt: "asked: Admin group, format ^[A-Za-z0-9 _.-]{2,64}$") -> env "ADMIN_GROUP"
if [ ! -s 'secrets/admin_group.env' ]; then
  v=$(ask 'ADMIN_GROUP' 'Admin group')
  printf '%s=%s\n' 'ADMIN_GROUP' "$v" >'secrets/admin_group.env.tmp'
  mv 'secrets/admin_group.env.tmp' 'secrets/admin_group.env'
fi

exit "$missing"
