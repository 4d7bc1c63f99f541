#!/usr/bin/env bash
# Adds a migration for both providers: infra/add-migration.sh NameOfChange
# Before the first release the schema is one Initial migration: infra/add-migration.sh --reset regenerates it.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: infra/add-migration.sh MigrationName | --reset}
# The service applies the migrations named in NamedMigrations (DataModelTests checks its lists): each new one is
# added there as it is made, so the project still builds for the next provider's.
named=src/Ciptex.Voice/Data/NamedMigrations.cs
if [ "$name" = "--reset" ]; then
  rm -rf src/Ciptex.Voice/Data/Migrations
  sed -i '/typeof(Migrations\.\(Sqlite\|Postgres\)\./d' "$named"
  name=Initial
fi
dotnet tool restore >/dev/null
dotnet restore src/Ciptex.Voice >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/Ciptex.Voice --context "${provider}VoiceDbContext" \
    --output-dir "Data/Migrations/$provider"
  sed -i "/IReadOnlyList<Type> $provider =/,/^    \];/{s/^    \];/        typeof(Migrations.$provider.$name),\n    ];/}" "$named"
done
