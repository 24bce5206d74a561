/**
 * What this build of sysreg is: its version, and the commit of the GitHub Action that `sysreg init`
 * pins in the workflows it writes. Both are set by the release process (README, "Releasing"); a test
 * fails when `version` and package.json disagree.
 */

/** The package version, as `sysreg version` prints it. */
export const SYSREG_VERSION = '0.1.0';

/** The Node.js version sysreg needs: the floor of its dependencies (undici 8: 22.19). */
export const MINIMUM_NODE_VERSION = '22.19.0';

/**
 * The action that `sysreg init` writes into a vendor's workflows: `uses: <repository>@<commit> # <tag>`.
 * A full commit SHA, never a tag or branch, so a moved tag cannot change what runs with the vendor's
 * Maskinporten keys. `tag` is the release the commit belongs to (a comment only). Until the first
 * tagged release it is the newest commit whose action and dist/ hold all merged work (`tag` names the
 * coming release); the release process (README) moves it to each release.
 */
export const ACTION_PIN = {
  repository: 'sysreg-dev/sysreg',
  commit: 'dda0a3af6e428e007ef4378d3953d0c81c88ea9f',
  tag: 'v0.1.0',
} as const;
