#!/usr/bin/env bash
# Creates the Secrets the manifests reference, with fresh random values, in namespace $1.
# Run once per environment, before `kubectl apply -k`; keep a copy in your secret store (losing the
# identity keys makes stored identities unreadable). Existing Secrets are left alone.
set -euo pipefail
ns="${1:?usage: create-secrets.sh NAMESPACE}"

exists() { kubectl -n "$ns" get secret "$1" >/dev/null 2>&1; }

for db in screening partner referral; do
  exists "bridgeway-db-$db" || kubectl -n "$ns" create secret generic "bridgeway-db-$db" \
    --type=kubernetes.io/basic-auth \
    --from-literal=username="$db" --from-literal=password="$(openssl rand -base64 24)"
done

exists screening-identity-keys || kubectl -n "$ns" create secret generic screening-identity-keys \
  --from-literal=encryption-key="$(openssl rand -base64 32)" \
  --from-literal=ref-key="$(openssl rand -base64 32)"

# referral-service's own bearer token for screening-service's identity disclosure (optional: without it
# referrals never carry identity).
if [[ -n "${REFERRAL_SCREENING_TOKEN:-}" ]] && ! exists referral-service-credentials; then
  kubectl -n "$ns" create secret generic referral-service-credentials \
    --from-literal=screening-token="$REFERRAL_SCREENING_TOKEN"
fi

# Backups (prod overlay): your object store's credentials, from the environment.
if [[ -n "${BACKUP_ACCESS_KEY_ID:-}" ]] && ! exists bridgeway-backup-s3; then
  kubectl -n "$ns" create secret generic bridgeway-backup-s3 \
    --from-literal=ACCESS_KEY_ID="$BACKUP_ACCESS_KEY_ID" \
    --from-literal=ACCESS_SECRET_KEY="${BACKUP_ACCESS_SECRET_KEY:?set BACKUP_ACCESS_SECRET_KEY too}"
fi
