#!/usr/bin/env bash
# Adds a migration for both providers: infra/add-migration.sh NameOfChange
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: infra/add-migration.sh MigrationName}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/Ciptex.Voice --context "${provider}VoiceDbContext" \
    --output-dir "Data/Migrations/$provider" --namespace "Ciptex.Voice.Data.Migrations.$provider"
done
