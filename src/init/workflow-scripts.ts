/**
 * The scripts of the workflows sysreg ships and `sysreg init` writes, kept in one place: the policy
 * test checks that .github/workflows/ holds exactly these, and the templates embed them.
 */

/**
 * The plan job's first step: in the merge queue there is nothing to plan live; a fork's pull request
 * is planned only when the vendor turned SYSREG_FORK_PLANS on. Sets the output `live`.
 */
export const DECIDE_PLAN_SCRIPT = `if [ "$EVENT_NAME" = merge_group ]; then
  echo "Every pull request in the queue passed its plan check; sync applies each against its reviewed plan."
  echo "live=false" >>"$GITHUB_OUTPUT"
  exit 0
fi
if [ "$HEAD_REPOSITORY" != "$REPOSITORY" ] && [ "$FORK_PLANS" != true ]; then
  echo "::error title=sysreg plan::This pull request comes from the fork $HEAD_REPOSITORY, and live plans for forks are off. A maintainer can push the branch to this repository, or set the repository variable SYSREG_FORK_PLANS to true (see the threat model in the README)."
  exit 1
fi
echo "live=true" >>"$GITHUB_OUTPUT"
`;

/**
 * The sync job's first step: every pull request merged since the last successful sync of the
 * environment, its reviewed plan (the plan workflow's artifact), and the decision labels that count.
 * Sets the outputs `args` (for apply), `pull-requests`, `allow-delete` and `force`.
 */
export const FIND_REVIEWED_PLANS_SCRIPT = `fail() { echo "::error title=sysreg sync ($ENVIRONMENT)::$1"; exit 1; }
# The roles that may decide to delete or force: a label or input from anyone else counts for nothing.
may_decide() {
  local role
  role="$(gh api "repos/$REPOSITORY/collaborators/$1/permission" | jq -r '.role_name // empty')" || return 1
  [ "$role" = admin ] || [ "$role" = maintain ]
}
allow_delete=false
force=false
if [ "$INPUT_ALLOW_DELETE" = true ] || [ "$INPUT_FORCE" = true ]; then
  may_decide "$ACTOR" ||
    fail "@$ACTOR ran this workflow with allow-delete or force, but has neither maintain nor admin permission; nothing applied."
  allow_delete="$INPUT_ALLOW_DELETE"
  force="$INPUT_FORCE"
fi
plan_args=""
applied=""
if [ "$APPLY_UNREVIEWED" = true ]; then
  echo "::warning title=sysreg sync ($ENVIRONMENT)::apply-unreviewed: applying $SHA without a reviewed plan."
else
  # Where the last successful sync of this environment left off: its newest successful deployment.
  last=""
  deployments="$(gh api "repos/$REPOSITORY/deployments?environment=$APPLY_ENVIRONMENT&per_page=30" |
    jq -r '.[] | "\\(.id) \\(.sha)"')"
  while read -r id sha; do
    [ -n "$id" ] || continue
    state="$(gh api "repos/$REPOSITORY/deployments/$id/statuses?per_page=1" | jq -r '.[0].state // empty')"
    if [ "$state" = success ]; then last="$sha"; break; fi
  done <<<"$deployments"
  if [ -z "$last" ] || [ "$last" = "$SHA" ]; then
    commits="$SHA"
  else
    git merge-base --is-ancestor "$last" "$SHA" ||
      fail "The last commit applied to $ENVIRONMENT, $last, is not in the history of $SHA (was history rewritten?). Run this workflow by hand with apply-unreviewed."
    commits="$(git rev-list --first-parent --reverse "$last..$SHA")"
    echo "Last successful sync of $ENVIRONMENT: $last; applying the pull requests of $(wc -l <<<"$commits") commit(s) since."
  fi
  # Each commit's merged pull request. GitHub fills the link in after the push, so ask a few times.
  numbers=()
  declare -A pulls
  for commit in $commits; do
    pull=""
    for ((attempt = 1; attempt <= PULLS_ATTEMPTS; attempt++)); do
      pull="$(gh api "repos/$REPOSITORY/commits/$commit/pulls" |
        jq -c --arg commit "$commit" '[.[] | select(.merged_at != null)]
          | (map(select(.merge_commit_sha == $commit)) + .) | first // empty')"
      [ -n "$pull" ] && break
      if [ "$attempt" -lt "$PULLS_ATTEMPTS" ]; then sleep $((attempt * PULLS_DELAY_SECONDS)); fi
    done
    [ -n "$pull" ] ||
      fail "Commit $commit came from no merged pull request (asked GitHub $PULLS_ATTEMPTS times), so there is no reviewed plan to apply. Merge through a pull request, or run this workflow by hand with apply-unreviewed."
    number="$(jq -r '.number' <<<"$pull")"
    if [ -z "\${pulls[$number]:-}" ]; then numbers+=("$number"); fi
    pulls[$number]="$pull"
  done
  for number in "\${numbers[@]}"; do
    pull="\${pulls[$number]}"
    head="$(jq -r '.head.sha' <<<"$pull")"
    merged_at="$(jq -r '.merged_at' <<<"$pull")"
    # The plan job named the artifact from its event: pull request number and head commit.
    name="sysreg-plan-$ENVIRONMENT-pr$number-$head"
    artifacts="$(gh api "repos/$REPOSITORY/actions/artifacts?name=$name&per_page=100" | jq -c '.artifacts[]')"
    run_id=""
    expired=""
    while read -r artifact; do
      [ -n "$artifact" ] || continue
      candidate="$(jq -r '.workflow_run.id' <<<"$artifact")"
      run="$(gh api "repos/$REPOSITORY/actions/runs/$candidate")"
      [ "$(jq -r '.path | sub("@.*$"; "")' <<<"$run")" = ".github/workflows/$PLAN_WORKFLOW" ] || continue
      [ "$(jq -r '.event' <<<"$run")" = pull_request_target ] || continue
      [ "$(jq -r '.conclusion' <<<"$run")" = success ] || continue
      if [ "$(jq -r '.expired' <<<"$artifact")" = true ]; then
        expired="$(jq -r '.expires_at' <<<"$artifact")"
        continue
      fi
      run_id="$candidate"
      break
    done <<<"$artifacts"
    if [ -z "$run_id" ] && [ -n "$expired" ]; then
      fail "The reviewed $ENVIRONMENT plan of #$number expired on $expired (artifacts are kept 30 days), so it cannot be checked; nothing applied. Run this workflow by hand with apply-unreviewed, which re-plans against live Altinn."
    fi
    [ -n "$run_id" ] ||
      fail "No successful $PLAN_WORKFLOW run left a reviewed $ENVIRONMENT plan for #$number at its head $head; nothing applied. Re-run the plan check on #$number, or run this workflow by hand with apply-unreviewed."
    dir="$RUNNER_TEMP/sysreg-reviewed-plans-$ENVIRONMENT/$number"
    gh run download "$run_id" --repo "$REPOSITORY" -n "$name" -D "$dir" ||
      fail "Could not download the reviewed $ENVIRONMENT plan of #$number from run $run_id; nothing applied."
    plan_file="$dir/sysreg-plan-$ENVIRONMENT.json"
    [ -f "$plan_file" ] || fail "The artifact $name of run $run_id holds no sysreg-plan-$ENVIRONMENT.json; nothing applied."
    # A decision label counts when a maintainer or admin added it before the merge and it stayed.
    events="$(gh api --paginate "repos/$REPOSITORY/issues/$number/events?per_page=100" | jq -s 'add // []')"
    for label in sysreg:allow-delete sysreg:force; do
      adder="$(jq -r --arg name "$label" --arg merged "$merged_at" '[.[]
        | select((.event == "labeled" or .event == "unlabeled") and .label.name == $name and .created_at <= $merged)]
        | last // {} | select(.event == "labeled") | .actor.login' <<<"$events")"
      late="$(jq -r --arg name "$label" --arg merged "$merged_at" '[.[]
        | select(.event == "labeled" and .label.name == $name and .created_at > $merged) | .actor.login]
        | unique | join(", @")' <<<"$events")"
      if [ -n "$late" ]; then
        echo "::warning title=sysreg sync ($ENVIRONMENT)::#$number: $label was added after the merge (by @$late); it does not count."
      fi
      granted=false
      if [ -n "$adder" ]; then
        may_decide "$adder" ||
          fail "#$number: the label $label was added by @$adder, who has neither maintain nor admin permission; nothing applied. A maintainer can run this workflow by hand with the matching input."
        granted=true
      fi
      case "$label" in
        sysreg:allow-delete)
          if [ "$granted" = true ]; then allow_delete=true; fi
          if [ "$(jq '.counts.delete > 0' "$plan_file")" = true ] && [ "$granted" != true ] && [ "$INPUT_ALLOW_DELETE" != true ]; then
            fail "#$number's reviewed plan deletes, but no maintainer added $label before the merge; nothing applied."
          fi
          ;;
        sysreg:force)
          if [ "$granted" = true ]; then force=true; fi
          if [ "$(jq '.safety.safe | not' "$plan_file")" = true ] && [ "$granted" != true ] && [ "$INPUT_FORCE" != true ]; then
            fail "#$number's reviewed plan is above the safety threshold, but no maintainer added $label before the merge; nothing applied."
          fi
          ;;
      esac
    done
    plan_args+=" --plan $plan_file"
    applied+="#$number "
    echo "Reviewed plan: #$number, head $head, run $run_id."
  done
fi
# apply's flags, for the action's args (split on spaces; the paths hold none).
args="$plan_args"
if [ "$allow_delete" = true ]; then args+=" --allow-delete"; fi
if [ "$force" = true ]; then args+=" --force"; fi
{
  echo "args=\${args# }"
  echo "pull-requests=\${applied% }"
  echo "allow-delete=$allow_delete"
  echo "force=$force"
} >>"$GITHUB_OUTPUT"
`;

/** The plan job: the default branch's tree, with the pull request's systems/ and nothing else of it. */
export const USE_PULL_REQUEST_SYSTEMS_SCRIPT = `rm -rf systems
if [ -d .sysreg-pull-request/systems ]; then mv .sysreg-pull-request/systems systems; fi
rm -rf .sysreg-pull-request
`;
