/**
 * The `gh` CLI as far as the workflows' scripts use it, talking HTTP (curl) to the stand-in GitHub
 * (fake-github.ts), which records every request:
 *
 *   gh api [--paginate] <path>                          GET, body on stdout; follows `Link: rel=next`
 *   gh run download <run> --repo <o/r> -n <name> -D <dir>   the artifact's files into <dir>
 *
 * An HTTP error prints `gh: <message> (HTTP <status>)` on stderr and exits 1, as gh does. Every call is
 * also logged to $FAKE_LOG. Needs GH_TOKEN and GITHUB_API_URL (the stand-in's URL).
 *
 *   await installStandInGh(binDirectory);   // then put binDirectory first on PATH
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const STAND_IN_GH = `#!/usr/bin/env bash
set -uo pipefail
echo "gh $*" >>"$FAKE_LOG"
next=""
get() {
  local headers response status
  headers="$(mktemp)"
  response="$(curl -sS --max-time 10 -D "$headers" -H "Authorization: token $GH_TOKEN" -w '\\n%{http_code}' "$1")" ||
    { rm -f "$headers"; echo "gh: cannot reach $1" >&2; return 1; }
  status="\${response##*$'\\n'}"
  body="\${response%$'\\n'*}"
  next="$(grep -i '^link:' "$headers" | grep -o '<[^>]*>; rel="next"' | sed -e 's/^<//' -e 's/>; rel="next"$//' || true)"
  rm -f "$headers"
  if [ "$status" -ge 400 ]; then
    echo "gh: $(jq -r '.message // "error"' <<<"$body") (HTTP $status)" >&2
    return 1
  fi
}
case "\${1:-} \${2:-}" in
  "api "*)
    shift
    paginate=false
    path=""
    while [ $# -gt 0 ]; do
      case "$1" in
        --paginate) paginate=true ;;
        -*) echo "stand-in gh: unsupported flag $1" >&2; exit 2 ;;
        *) path="$1" ;;
      esac
      shift
    done
    url="$GITHUB_API_URL/\${path#/}"
    while [ -n "$url" ]; do
      get "$url" || exit 1
      printf '%s\\n' "$body"
      url=""
      if [ "$paginate" = true ]; then url="$next"; fi
    done
    ;;
  "run download")
    run="$3"
    shift 3
    while [ $# -gt 0 ]; do
      case "$1" in
        --repo) repo="$2"; shift ;;
        -n) name="$2"; shift ;;
        -D) dir="$2"; shift ;;
        *) echo "stand-in gh: unsupported argument $1" >&2; exit 2 ;;
      esac
      shift
    done
    get "$GITHUB_API_URL/repos/$repo/actions/runs/$run/artifact-files/$name" || exit 1
    mkdir -p "$dir"
    for file in $(jq -r 'keys[]' <<<"$body"); do
      jq -r --arg file "$file" '.[$file]' <<<"$body" >"$dir/$file"
    done
    ;;
  *) echo "stand-in gh: unexpected gh $*" >&2; exit 2 ;;
esac
`;

export async function installStandInGh(binDirectory: string): Promise<void> {
  await writeFile(join(binDirectory, 'gh'), STAND_IN_GH, { mode: 0o755 });
}
