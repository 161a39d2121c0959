#!/usr/bin/env bash
# Writes a small data directory with a given build of the server, as an operator's would look before an upgrade.
# Usage: generate-release-data.sh SERVER_DLL OUTPUT_ZIP   (needs curl, python3, sha256sum, zip)
set -euo pipefail
server_dll=$1
output_zip=$(realpath -m "$2")
work=$(mktemp -d)
trap 'kill "${server_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
data=$work/data
url=http://127.0.0.1:4934
field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$@"; }

dotnet "$server_dll" init --data "$data" --json > "$work/credentials.json"
dotnet "$server_dll" --data "$data" --urls "$url" --Scan:Enabled=false --Logging:LogLevel:Default=Warning &
server_pid=$!
until curl -sf "$url/health" > /dev/null; do sleep 0.5; done

client=(-H "Authorization: Bearer $(field "$work/credentials.json" client_key)" -H 'Content-Type: application/json')
agent=(-H "Authorization: Bearer $(field "$work/credentials.json" agent_key)" -H 'Content-Type: application/json')
team=$(field "$work/credentials.json" team_id)
project=$(field "$work/credentials.json" project_id)

curl -sf "$url/v1/ingest" "${client[@]}" -d '{"events": [
  {"client_event_id": "11111111-1111-4111-8111-111111111111", "message": "Connection refused", "level": "error", "session_id": "aaaaaaaa-0000-4000-8000-000000000001", "user_id": "u1", "app_version": "1.0.0"},
  {"client_event_id": "11111111-1111-4111-8111-111111111112", "message": "Connection refused", "level": "error", "session_id": "aaaaaaaa-0000-4000-8000-000000000002", "user_id": "u2", "app_version": "1.0.0"},
  {"client_event_id": "11111111-1111-4111-8111-111111111113", "message": "Disk full", "level": "error", "session_id": "aaaaaaaa-0000-4000-8000-000000000003", "user_id": "u1", "app_version": "1.0.1"}]}' > /dev/null

printf 'stack trace of the refused connection\n' > "$work/trace.txt"
sha=$(sha256sum "$work/trace.txt" | cut -d' ' -f1)
size=$(stat -c %s "$work/trace.txt")
reservation=$(curl -sf "$url/v1/ingest/attachment" "${client[@]}" -d "{\"client_event_id\": \"11111111-1111-4111-8111-111111111111\",
  \"original_filename\": \"trace.txt\", \"content_type\": \"text/plain\", \"size_bytes\": $size, \"sha256\": \"$sha\"}")
upload_url=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["upload_url"])' "$reservation")
curl -sf -X PUT "$upload_url" -H "Authorization: Bearer $(field "$work/credentials.json" client_key)" --data-binary @"$work/trace.txt" > /dev/null

curl -sf "$url/v1/teams/$team/jobs/trigger" "${agent[@]}" -d '{"job_type": "issue_scan"}' > /dev/null
issue=$(curl -sf "$url/v1/projects/$project/issues" "${agent[@]}" \
  | python3 -c 'import json,sys; print(next(i["id"] for i in json.load(sys.stdin)["issues"] if i["title"] == "Connection refused"))')
curl -sf "$url/v1/projects/$project/issues/$issue/comments" "${agent[@]}" -d '{"body": "Seen after the 1.0.0 rollout"}' > /dev/null

kill "$server_pid"
wait "$server_pid" || true
rm -f "$output_zip"
(cd "$data" && zip -qr "$output_zip" .)
